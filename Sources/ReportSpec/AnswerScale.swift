/// An answer scale as the spec describes it (`scales:`): its categories in order, each with
/// its role, and optionally a short label for tight legends and a colour. Colours, the order
/// of a diverging palette and the share called "positive" follow from the roles, so no
/// category name needs to be known to the code.
package struct AnswerScale: Sendable, Hashable {
    /// What a category means, whatever its words: it decides its colour family, and how
    /// answers of several scales are pooled (row labels: the spec's `pooled`). In order.
    package enum Role: String, Sendable, CaseIterable {
        /// An answer in favour (ja, trifft zu, stimme voll zu); the first is the strongest.
        case positive
        /// Partly there, on the way (in Erarbeitung, teilweise umgesetzt).
        case partly
        /// A true middle of a scale (teils/teils): neither side, but an answer on the scale.
        case middle
        /// An answer against (nein, stimme gar nicht zu); the last is the strongest.
        case negative
        /// Outside the scale: don't know, can't judge (weiß nicht, kann ich nicht beurteilen).
        case neutral
        /// No answer (keine Angabe).
        case missing
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
    /// The spec line of the scale's name, for messages.
    package let line: Int?

    package init(name: String, categories: [Category], line: Int? = nil) {
        self.name = name
        self.categories = categories
        self.line = line
    }

    package func category(_ label: String) -> Category? { categories.first { $0.label == label } }
}
