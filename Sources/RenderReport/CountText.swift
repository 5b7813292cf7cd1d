import Formatting

/// A count as the narrative needs it, every form computed here so the template only picks
/// one: `12`, `12 von 13`, `92 %`, `alle 13 Arbeitsbündnisse`, `zwei Arbeitsbündnisse`,
/// `in allen 13 Arbeitsbündnissen`, and flags for wording. The unit's grammar (gender,
/// dative) comes from the spec, so "keine der 18 Kommunen" is as right as "keines der 13
/// Arbeitsbündnisse".
struct CountText {
    let count: Int
    let base: Int
    let unit: GermanNoun
    /// All units of the survey. A base below it (a unit did not take part in the wave, or a
    /// filter asked only some) makes "alle 12" read as if there were only twelve; the
    /// partitive then says whose part it is: "alle 12 befragten Arbeitsbündnisse".
    var population: Int = 0
    /// Whether the base is every unit that took part in the wave (not a filter's part of
    /// them): then the units missing from it did not take part, and were not "not asked".
    var baseIsParticipants = false

    /// The word the partitive puts before the noun when the base is not everyone: those
    /// asked (a filter), or those that took part (a unit sat the wave out).
    static let askedAttribute = "befragten"
    static let participantsAttribute = "teilnehmenden"

    var value: TemplateValue {
        var o = TemplateObject()
        let share = Ratio.share(count, of: base)
        o.set("count", GermanFormat.integer(count))
        o.set("word", GermanNoun.word(count))
        o.set("base", GermanFormat.integer(base))
        o.set("ofBase", GermanFormat.countOf(count, base))
        o.set("percent", share.map { GermanFormat.percent($0, decimals: 0) } ?? "–")
        o.set("percentExact", share.map { GermanFormat.percent($0) } ?? "–")
        o.set("ofBaseWithPercent", GermanFormat.countOfWithPercent(count, base))
        o.set("ofAll", count == base && base > 1 ? "alle \(GermanFormat.integer(base))" : GermanFormat.countOf(count, base))
        // "zwei Arbeitsbündnisse", "ein Arbeitsbündnis", "kein Arbeitsbündnis".
        o.set("units", unit.count(count))
        o.set("Units", Self.capitalised(unit.count(count)))
        o.set("unitsDative", unit.count(count, .dative))
        // Standing for the noun: "2020 waren es zwei", "2020 war es noch keines".
        o.set("alone", unit.pronoun(count))
        // "alle 13 Arbeitsbündnisse", "12 der 13 Arbeitsbündnisse", "eines der 13 …"; over an
        // empty base no part of nothing: "keine Kommune (niemand gefragt)".
        let nobody = " (niemand gefragt)"
        let attribute = base < population ? (baseIsParticipants ? Self.participantsAttribute : Self.askedAttribute) : nil
        let ofAll = unit.partitive(count, of: base, attribute: attribute) ?? unit.count(0) + nobody
        o.set("ofAllUnits", ofAll)
        o.set("OfAllUnits", Self.capitalised(ofAll))
        // After a dative preposition: "in allen 13 Arbeitsbündnissen", "in einem der 13 …".
        o.set("ofAllUnitsDative", unit.partitive(count, of: base, .dative, attribute: attribute) ?? unit.count(0, .dative) + nobody)
        o.set("all", count == base && base > 0)
        o.set("none", count == 0)
        o.set("some", count > 0)
        o.set("one", count == 1)
        // Verb agreement with the partitive as subject: "eines der 13 … hat", "keines … hat".
        o.set("sg", count <= 1 && !(count == base && base > 1))
        o.set("several", count > 1)
        o.set("notAll", count < base)
        o.set("askedNobody", base == 0)
        return o.value
    }

    /// For the start of a sentence: `Ein Arbeitsbündnis`.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

/// `CountText` values of one unit already made during one context build, by (count, base).
final class CountTextMemo {
    private struct Key: Hashable {
        let count: Int
        let base: Int
        let baseIsParticipants: Bool
    }

    private let unit: GermanNoun
    private let population: Int
    private var values: [Key: TemplateValue] = [:]

    init(unit: GermanNoun, population: Int) {
        self.unit = unit
        self.population = population
    }

    func value(count: Int, base: Int, baseIsParticipants: Bool = false) -> TemplateValue {
        let key = Key(count: count, base: base, baseIsParticipants: baseIsParticipants)
        if let known = values[key] { return known }
        let value = CountText(
            count: count, base: base, unit: unit, population: population,
            baseIsParticipants: baseIsParticipants
        ).value
        values[key] = value
        return value
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
