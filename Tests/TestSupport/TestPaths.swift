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

    /// The CLI built by `make test` (`swift build` first), for tests that run it as a user would.
    public static var cliBinary: String? {
        [".build/debug/monitoring", ".build/release/monitoring"].map { repository.appendingPathComponent($0).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
