/// An answer scale as the spec describes it (`scales:`): its categories in order, each with
/// its role, and optionally a short label for tight legends and a colour. Colours, the order
/// of a diverging palette and the share called "positive" follow from the roles, so no
/// category name needs to be known to the code.
package struct AnswerScale: Sendable, Hashable {
    package enum Role: String, Sendable, CaseIterable {
        /// An answer in favour (ja, trifft zu, stimme voll zu); the first is the strongest.
        case positive
        /// Partly there (in Erarbeitung, teils/teils).
        case partly
        /// An answer against (nein, stimme gar nicht zu); the last is the strongest.
        case negative
        /// Neither, or don't know (weiß nicht).
        case neutral
        /// No answer (keine Angabe).
        case missing

        /// The row label when answers of several scales are pooled by role (German, as the
        /// reports are; "missing" takes the catalogue's name for no answer instead).
        package var label: String {
            switch self {
            case .positive: return "Zustimmung (positiv)"
            case .partly: return "teilweise"
            case .negative: return "Ablehnung (negativ)"
            case .neutral: return "weiß nicht / neutral"
            case .missing: return "fehlende Antwort"
            }
        }
    }

    package struct Category: Sendable, Hashable {
        package let label: String
        package let role: Role
        package let short: String?
        package let colour: String?

        package init(label: String, role: Role, short: String? = nil, colour: String? = nil) {
            self.label = label
            self.role = role
            self.short = short
            self.colour = colour
        }
    }

    package let name: String
    package let categories: [Category]

    package init(name: String, categories: [Category]) {
        self.name = name
        self.categories = categories
    }

    package func category(_ label: String) -> Category? { categories.first { $0.label == label } }
}
