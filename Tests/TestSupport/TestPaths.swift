import Foundation

/// Paths into the repository, found from this file's location.
package enum TestPaths {
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let data = repository.appendingPathComponent("data")
    package static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    package static let finalReportSpec = repository.appendingPathComponent("reports/abschlussbericht-2021/bericht.yaml")
    package static let shortReportSpec = repository.appendingPathComponent("reports/kurzbericht-2021/bericht.yaml")
    package static let publishedFigures = fixtures.appendingPathComponent("reference/published-figures.csv")

    /// The CLI built by `make test` (`swift build` first), for tests that run it as a user would.
    /// Set by `make test-sanitize`: the binaries carry a sanitizer's shadow memory and run
    /// several times slower, so bounds on memory and time are checked in plain builds only.
    package static var underSanitizer: Bool { ProcessInfo.processInfo.environment["MONITORING_SANITIZER"] != nil }

    /// The CLI built beside the running test bundle (so a sanitizer build tests its own
    /// binary), else the usual debug or release build.
    package static var cliBinary: String? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("monitoring").path
        return ([beside] + [".build/debug/monitoring", ".build/release/monitoring"].map { repository.appendingPathComponent($0).path })
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
