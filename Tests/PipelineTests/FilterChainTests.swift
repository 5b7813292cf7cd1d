import Aggregate
import Foundation
import IngestFixtures
import Normalise
import RenderReport
import ReportSpec
import TestSupport
import Testing

/// Who was asked a follow-up comes from the catalogue's filter, in the report text as in
/// the annex: a free-text follow-up's respondents are counted out of the units whose answer
/// to its parent opens it, whichever answer that is.
@Suite(.enabled(if: ExternalTool.available("python:openpyxl"), "needs python3 with openpyxl (.ci/run installs it)"))
struct FilterChainTests {
    static func respondents(_ data: URL) throws -> (base: String, asked: Int) {
        let spec = try ReportSpecReader().read(ExampleSurvey.spec)
        let normalised = try DataFolder(url: data).normalise()
        let model = Aggregator(data: normalised, spec: spec).model()
        let report = try MarkdownReport.render(templateURL: try #require(spec.template), model: model, data: normalised)
        let base = report.context["item"]?["A_01_t"]?["respondents"]?["base"]
        guard case .text(let text) = try #require(base) else { return ("", 0) }
        // Recounted: units whose A.01 answer in the latest wave opens A.01.t.
        let latest = try #require(normalised.answers.map(\.year).max())
        let item = try #require(normalised.catalogue.item("A.01.t"))
        let parent = try #require(normalised.catalogue.item("A.01"))
        let asked = Set(
            normalised.answers.filter {
                $0.year == latest && $0.item == "A.01" && normalised.catalogue.opens(item, parent: parent, answer: $0.value)
            }.map(\.regionAGS)
        ).count
        return (text, asked)
    }

    @Test(arguments: [nil, "trifft nicht zu", "trifft zu | trifft nicht zu"])
    func aFreeTextFollowUpCountsOutOfThoseItsFilterOpensItFor(answer: String?) throws {
        let data = try answer.map { try ExampleSurvey.data(opening: "A.01.t", with: $0) } ?? ExampleSurvey.data
        let (base, asked) = try Self.respondents(data)
        #expect(asked > 0)
        #expect(base == String(asked), "A.01.t opened by \(answer ?? "the default")")
    }
}

/// `monitoring keys` on the shipped spec lists what the README's table promises.
@Suite struct TemplateKeysCommandTests {
    @Test func theShippedSpecsKeysAreListedWithTheirValues() throws {
        let binary = try #require(TestPaths.cliBinary, "needs the CLI built (make test builds it)")
        let all = try ExternalTool.run(binary, ["keys", TestPaths.finalReportSpec.path])
        #expect(all.status == 0, "\(all.stderr)")
        for line in [
            "meta.n = \"13\" (may begin with a count, may end in a number)", "item.<ID> for the IDs ", "fig.<ID> for the IDs ",
            "summary.themes[].ja.share = \"",
        ] {
            #expect(all.stdout.contains(line), "\(line)")
        }
        let one = try ExternalTool.run(binary, ["keys", TestPaths.finalReportSpec.path, "--filter", "item.I_05.latest.ja"])
        #expect(one.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("item.I_05.latest.ja.") })
        #expect(one.stdout.contains("item.I_05.latest.ja.ofAllUnits = \""))
    }
}
