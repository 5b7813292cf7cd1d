import Foundation

/// Paths into the repository, found from this file's location.
public enum TestPaths {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let data = repository.appendingPathComponent("data")
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    public static let publishedFigures = fixtures.appendingPathComponent("reference/published-figures.csv")
}
