import Aggregate
import Foundation
import Normalise
import RenderReport
import ReportSpec
import TestSupport
import Testing

/// The shipped templates and the example survey's template over data their authors did not
/// write them for: a unit missing in the latest wave, every answer the first category, none,
/// exactly one, twelve or thirteen in every wave, counts that jump between waves. The
/// template passes its shape check once (`Template.checkProse`); here no variant may make
/// the rendered text break a prose rule, and every text in the context must have the shape
/// `PlaceholderShape` declares for its name, or the shape check could pass a template that
/// some data break.
@Suite struct TemplateVariantTests {
    static let exampleSpec = TestPaths.repository.appendingPathComponent("examples/kommunen-2023/bericht.yaml")
    static let specs = [TestPaths.finalReportSpec, TestPaths.shortReportSpec, exampleSpec, ExampleSurvey.landkreiseSpec]

    enum Variant: String, CustomStringConvertible, CaseIterable {
        case asDelivered, unitMissingInLatestWave, everyone, nobody, one, twelve, thirteen, jumping

        var description: String { rawValue }

        /// How many units give the first category in wave number `wave` (nil: as delivered).
        func firstCategoryCount(wave: Int, units: Int) -> Int? {
            switch self {
            case .asDelivered, .unitMissingInLatestWave: nil
            case .everyone: units
            case .nobody: 0
            case .one: 1
            case .twelve: 12
            case .thirteen: 13
            case .jumping: [units, 0, 1, 12, 13, units - 1][(wave - 1) % 6]
            }
        }
    }

    /// `data` with the variant's answers: in every wave, the first `k` units (in answer
    /// order) give each item's first category, the others its second.
    static func variant(_ variant: Variant, of data: NormalisedData) -> NormalisedData {
        let catalogue = data.catalogue
        let items = Dictionary(catalogue.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let latest = data.answers.map(\.wave).max() ?? 0
        var answers: [TidyAnswer] = []
        var unitsInWave: [Int: [String]] = [:]
        for answer in data.answers where !unitsInWave[answer.wave, default: []].contains(answer.regionAGS) {
            unitsInWave[answer.wave, default: []].append(answer.regionAGS)
        }
        let missing = unitsInWave[latest]?.first
        for answer in data.answers {
            if variant == .unitMissingInLatestWave, answer.wave == latest, answer.regionAGS == missing { continue }
            let units = unitsInWave[answer.wave] ?? []
            guard !answer.isFreeText, let item = items[answer.item],
                let k = variant.firstCategoryCount(wave: answer.wave, units: units.count)
            else {
                answers.append(answer)
                continue
            }
            let categories = catalogue.answerCategories(of: item.type)
            guard categories.count >= 2, let index = units.firstIndex(of: answer.regionAGS) else {
                answers.append(answer)
                continue
            }
            let value = index < k ? categories[0] : categories[1]
            answers.append(
                TidyAnswer(
                    wave: answer.wave, year: answer.year, regionAGS: answer.regionAGS, region: answer.region,
                    item: answer.item, value: value, isFreeText: false, source: answer.source))
        }
        return NormalisedData(catalogue: catalogue, answers: answers, issues: data.issues, waves: data.waves)
    }

    static func rendered(_ spec: URL, _ variant: Variant) throws -> MarkdownReport.Rendered {
        let reportSpec = try ReportSpecReader().read(spec)
        let data = Self.variant(variant, of: try DataFolder(url: reportSpec.dataFolder).normalise(lastYear: reportSpec.lastYear))
        let model = Aggregator(data: data, spec: reportSpec).model()
        let template = try #require(reportSpec.template)
        return try MarkdownReport.render(templateURL: template, model: model, data: data)
    }

    @Test(arguments: specs, Variant.allCases)
    func noVariantBreaksAProseRule(spec: URL, variant: Variant) throws {
        let report = try Self.rendered(spec, variant)
        #expect(report.proseFindings == [], "\(spec.deletingLastPathComponent().lastPathComponent) \(variant)")
        if variant == .asDelivered {
            // No sentence frame more often than a reader tolerates (`RepeatedFrames.budget`).
            #expect(report.frames.overBudget == [], "\(spec.deletingLastPathComponent().lastPathComponent)")
        } else {
            #expect(report.text != (try Self.rendered(spec, .asDelivered)).text, "the variant changes the report")
        }
        for problem in Self.shapeProblems(in: report.context) {
            Issue.record("\(spec.deletingLastPathComponent().lastPathComponent) \(variant): \(problem)")
        }
    }

    /// Every text leaf against the shape its name declares; every list under a name the
    /// shape check knows repeats.
    static func shapeProblems(in context: TemplateValue, path: [String] = []) -> [String] {
        let key = path.last ?? ""
        switch context {
        case .text(let text):
            return shapeProblems(of: text, path: path)
        case .quote, .flag:
            return []
        case .list(let items):
            let problems = key.isEmpty || PlaceholderShape.repeats([key]) ? [] : ["list '\(key)' is not among PlaceholderShape.lists"]
            return problems + items.flatMap { shapeProblems(in: $0) }
        case .object(let fields):
            return fields.sorted { $0.key < $1.key }.flatMap { shapeProblems(in: $0.value, path: path + [$0.key]) }
        }
    }

    static func shapeProblems(of text: String, path: [String]) -> [String] {
        let key = path.last ?? ""
        let shape = PlaceholderShape.of(path)
        if text.isEmpty { return shape.mayBeEmpty || shape.isBlock || key.isEmpty ? [] : ["'\(key)' is empty"] }
        if shape.isBlock { return [] }
        var problems: [String] = []
        let scalars = Array(text.unicodeScalars)
        let digit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        let startsWithNumber = digit(scalars[0]) || (scalars.count > 1 && ["+", "−", "-"].contains(scalars[0]) && digit(scalars[1]))
        let leadingDigits = String(String.UnicodeScalarView(scalars.prefix { digit($0) }))
        let isYear = leadingDigits.count == 4 && (leadingDigits.hasPrefix("19") || leadingDigits.hasPrefix("20"))
        switch shape.start {
        case .word where startsWithNumber, .year where startsWithNumber && !isYear:
            problems.append("'\(key)' = '\(text)' begins with a number, but its shape says \(shape.start)")
        default: break
        }
        if !shape.endsWithNumber, let last = scalars.last, digit(last) {
            problems.append("'\(key)' = '\(text)' ends with a digit, but its shape says it does not")
        }
        if !shape.endsSentence, let last = scalars.last, [".", "!", "?"].contains(last), !text.hasSuffix(" B."), !text.hasSuffix("etc.") {
            problems.append("'\(key)' = '\(text)' ends a sentence, but its shape says it does not")
        }
        return problems
    }
}
