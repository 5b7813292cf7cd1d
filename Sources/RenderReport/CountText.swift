import Formatting

/// A count as the narrative needs it, every form computed here so the template only picks
/// one: `12`, `12 von 13`, `92 %`, `alle 13`, `ein Arbeitsbündnis`, and flags for wording.
struct CountText {
    let count: Int
    let base: Int
    let unitSingular: String
    let unitPlural: String

    var value: TemplateValue {
        var o = TemplateObject()
        o.set("count", GermanFormat.integer(count))
        o.set("base", GermanFormat.integer(base))
        o.set("ofBase", GermanFormat.countOf(count, base))
        o.set("percent", Ratio.share(count, of: base).map { GermanFormat.percent($0, decimals: 0) } ?? "–")
        o.set("percentExact", Ratio.share(count, of: base).map { GermanFormat.percent($0) } ?? "–")
        o.set("ofBaseWithPercent", GermanFormat.countOfWithPercent(count, base))
        o.set("ofAll", count == base && base > 0 ? "alle \(GermanFormat.integer(base))" : GermanFormat.countOf(count, base))
        o.set("units", Self.units(count, singular: unitSingular, plural: unitPlural))
        // "alle 13 Arbeitsbündnisse", "12 der 13 Arbeitsbündnisse" (genitive: right in every case).
        o.set("ofAllUnits", ofAllUnits)
        // After a dative preposition: "in allen 13 Regionen", "in 12 der 13 Regionen".
        o.set("ofAllDative", count == base && base > 0 ? "allen \(GermanFormat.integer(base))"
              : "\(count == 1 ? "einer" : count == 0 ? "keiner" : GermanFormat.integer(count)) der \(GermanFormat.integer(base))")
        o.set("Units", Self.capitalised(Self.units(count, singular: unitSingular, plural: unitPlural)))
        o.set("all", count == base && base > 0)
        o.set("none", count == 0)
        o.set("some", count > 0)
        o.set("one", count == 1)
        o.set("several", count > 1)
        o.set("notAll", count < base)
        return o.value
    }

    var ofAllUnits: String {
        let base = GermanFormat.integer(self.base)
        if count == self.base, self.base > 0 { return "alle \(base) \(unitPlural)" }
        switch count {
        case 0: return "keines der \(base) \(unitPlural)"
        case 1: return "eines der \(base) \(unitPlural)"
        default: return "\(GermanFormat.integer(count)) der \(base) \(unitPlural)"
        }
    }

    /// For the start of a sentence: `Ein Arbeitsbündnis`.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// `kein Arbeitsbündnis`, `ein Arbeitsbündnis`, `12 Arbeitsbündnisse`.
    static func units(_ count: Int, singular: String, plural: String) -> String {
        switch count {
        case 0: return "kein \(singular)"
        case 1: return "ein \(singular)"
        default: return "\(GermanFormat.integer(count)) \(plural)"
        }
    }
}

/// Template keys for category names: `in Erarbeitung` → `inErarbeitung`.
enum TemplateKey {
    static func category(_ name: String) -> String {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = words.first else { return "leer" }
        return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Item IDs as keys: `I.05.m` → `I_05_m`.
    static func item(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// `f04` for figure 4, `t02` for table 2.
    static func numbered(_ prefix: String, _ number: Int) -> String { prefix + (number < 10 ? "0" : "") + String(number) }
}
