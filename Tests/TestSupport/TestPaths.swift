import Foundation

/// Paths into the repository, found from this file's location.
public enum TestPaths {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let data = repository.appendingPathComponent("data")
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    public static let finalReportSpec = repository.appendingPathComponent("reports/abschlussbericht-2021/bericht.yaml")
    public static let shortReportSpec = repository.appendingPathComponent("reports/kurzbericht-2021/bericht.yaml")
    public static let publishedFigures = fixtures.appendingPathComponent("reference/published-figures.csv")
}
