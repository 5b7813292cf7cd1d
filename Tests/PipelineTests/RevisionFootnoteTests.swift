import Aggregate
import Formatting
import Foundation
import ModelFixtures
import Normalise
import RenderReport
import ReportSpec
import TestSupport
import Testing

/// Every value the published report states (the extended `veroeffentlichte-werte.csv`) is
/// checked against the data; none that differs goes without a footnote at its place, and
/// the report says exactly how many were compared and how many differ.
@Suite struct RevisionFootnoteTests {
    static func rendered() throws -> (model: ReportModel, text: String) {
        let (model, data) = try ReportModelBuilder.build()
        let template = try #require(model.spec.template)
        return (model, try MarkdownReport.render(templateURL: template, model: model, data: data).text)
    }

    @Test func noPublishedValueDiffersWithoutAFootnote() throws {
        let (model, text) = try Self.rendered()
        let revisions = try #require(model.revisions)
        let rows = try String(
            contentsOf: TestPaths.finalReportSpec.deletingLastPathComponent()
                .appendingPathComponent("veroeffentlichte-werte.csv"), encoding: .utf8
        )
        .split(separator: "\n").dropFirst().filter { !$0.isEmpty }
        // Every row of the table is checked: the 2021 data answer all of them.
        #expect(revisions.stated == rows.count)
        #expect(revisions.unmatched.isEmpty, "\(revisions.unmatched.map { "\($0.line): \($0.item) \($0.year) \($0.unit)" })")
        #expect(revisions.checked == revisions.reproduced + revisions.revisions.count)
        // The footnotes' bodies, in order; each revision's text stands in one of them.
        let notes = text.matches(of: /\^\[((?:[^\[\]]|\\\[|\\\])*)\]/).map { String($0.1) }
        for revision in revisions.revisions {
            let note = TextEscaping.markdownInline(
                ReportContext.revisionText(
                    revision, publication: revisions.publication,
                    catalogue: model.catalogue))
            #expect(
                notes.contains { $0.contains(note) },
                "no footnote for \(revision.published.item) \(revision.published.year) \(revision.published.unit)")
        }
        #expect(!text.contains("Wo eine Abweichung ein früheres Jahr betrifft"), "in 2021 every difference has its place")
        // The data chapter states the counts the check found, not a claim of its own.
        #expect(text.contains("abgeglichen wurden \(GermanFormat.integer(revisions.stated)) Ergebniswerte"))
        #expect(text.contains("Von ihnen stimmen \(GermanFormat.integer(revisions.reproduced)) genau mit den Daten überein."))
        #expect(text.contains("Es weichen \(GermanNoun.word(revisions.revisions.count)) Werte ab"))
        #expect(!text.contains("jede Abweichung ist in einer Fußnote"))
    }

    /// The kinds the extended table added: free-text mentions (through the coding table),
    /// an item's change in percent and as a ratio, an item's change in percentage points.
    @Test func theNewKindsOfPublishedValueAreComputedFromTheData() throws {
        let (model, _) = try Self.rendered()
        let revisions = try #require(model.revisions)
        func current(_ item: String, _ unit: String, _ category: String) -> Double? {
            revisions.revisions.first { $0.published.item == item && $0.published.unit == unit && $0.published.category == category }?.current
        }
        #expect(current("I.05.t", "mentions", "*") == 10)
        #expect(current("I.05.t", "mentions", "YouConnect") == 9)
        // The published label is read through the coding table: it is the cloud category.
        #expect(current("I.05.t", "mentions", "Cloud-Lösung zur Dokumentenverwaltung zwischen den Rechtskreisen") == 5)
        #expect(current("III.05", "percent change", "ja") == -20)
        #expect(current("Z.01", "ratio", "ja") == 1.5)
        // "Zuwachs um 2 Bündnisse (15 Prozent)": 2 of 13 in percentage points, reproduced.
        let pp = revisions.revisions.contains { $0.published.item == "III.03" && $0.published.unit == "percentage points" }
        #expect(!pp)
    }
}
