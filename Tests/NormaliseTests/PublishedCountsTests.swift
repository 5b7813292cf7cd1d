import Foundation
import Normalise
import TestSupport
import Testing

/// The pipeline's most important check: every count the published report states about
/// the data comes out of the tidy answers exactly.
@Suite struct PublishedCountsTests {
    static let data: NormalisedData? = {
        if let data = try? DataFolder(url: TestPaths.data).normalise() { return data }
        return nil
    }()

    static let countRows: [PublishedFigure] = ((try? PublishedFigure.load(TestPaths.publishedFigures)) ?? [])
        .filter { $0.unit == "count" }

    @Test func shippedDataNormalisesWithoutErrors() throws {
        let data = try DataFolder(url: TestPaths.data).normalise()
        #expect(data.waves.map(\.year) == [2017, 2018, 2019, 2020, 2021])
        #expect(data.waves.allSatisfy { $0.regionCount == 13 })
        #expect(Self.countRows.count >= 100)
    }

    @Test(arguments: countRows)
    func publishedCount(_ figure: PublishedFigure) throws {
        let data = try #require(Self.data)
        let expected = try #require(Int(figure.value))
        #expect(Self.count(figure, in: data) == expected, "\(figure)")
    }

    /// Counts what a published figure counts, from the tidy answers alone.
    static func count(_ figure: PublishedFigure, in data: NormalisedData) -> Int? {
        let catalogue = data.catalogue
        if figure.note == "transition" {
            let years = figure.year.components(separatedBy: "→").compactMap { Int($0) }
            let categories = figure.category.components(separatedBy: " → ")
            guard years.count == 2, categories.count == 2 else { return nil }
            let before = Dictionary(
                data.answers.filter { $0.item == figure.item && $0.year == years[0] }
                    .map { ($0.regionAGS, $0.value) }, uniquingKeysWith: { a, _ in a })
            return data.answers.filter {
                $0.item == figure.item && $0.year == years[1] && $0.value == categories[1]
                    && before[$0.regionAGS] == categories[0]
            }.count
        }
        guard let year = Int(figure.year), let item = catalogue.item(figure.item) else { return nil }
        switch item.type {
        case .multipleChoice:
            guard let option = catalogue.options(of: item.id).first(where: { $0.shortTitle == figure.category }) else {
                return nil
            }
            return data.answers.filter { $0.item == option.id && $0.year == year && $0.value == "ausgewählt" }.count
        default:
            let categories = figure.category.components(separatedBy: " + ")
            return data.answers.filter { $0.item == item.id && $0.year == year && categories.contains($0.value) }.count
        }
    }
}
