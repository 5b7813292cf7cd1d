import Foundation

/// Paths into the repository, found from this file's location.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.appendingPathComponent("data")
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let publishedFigures = fixtures.appendingPathComponent("reference/published-figures.csv")
}
