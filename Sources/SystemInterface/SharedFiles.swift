import Foundation

/// The files the tool ships beside its binary — the house style, the example surveys, the
/// starting point for a new survey, the version — found without a path from the user: in an
/// installed tree (`/usr/bin/monitoring` → `/usr/share/monitoring/…`) or in the checkout the
/// binary was built in (`.build/release/monitoring` → the repository's folders).
package struct SharedFiles: Sendable {
    /// One shipped file or folder: where it lies under `share/monitoring` once installed,
    /// and where in the repository.
    package struct Entry: Sendable {
        package let installed: String
        package let checkout: String

        package init(installed: String, checkout: String) {
            self.installed = installed
            self.checkout = checkout
        }
    }

    package static let houseStyle = Entry(installed: "hausstil", checkout: "reports/hausstil")
    package static let examples = Entry(installed: "examples", checkout: "examples")
    package static let newSurvey = Entry(installed: "new-survey", checkout: "share/new-survey")
    package static let version = Entry(installed: "VERSION", checkout: "VERSION")

    /// The running executable, with symbolic links resolved (`/usr/bin/monitoring` may be one).
    package static var executable: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath() }

    let executable: URL
    /// The checkout this file was compiled in (nil: do not look there), for a binary built
    /// outside it (`--scratch-path /tmp/…`); an installed binary finds its tree first.
    let buildCheckout: URL?

    package init(executable: URL = SharedFiles.executable, buildCheckout: URL? = SharedFiles.compiledCheckout) {
        self.executable = executable
        self.buildCheckout = buildCheckout
    }

    /// `Sources/SystemInterface/SharedFiles.swift` → the repository it lies in.
    package static let compiledCheckout: URL? = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The entry, looked for from the executable's folder upwards (at most six levels), then in
    /// the checkout the binary was compiled in; `nil` when none holds it. `marker`, a file inside a
    /// folder entry, must be readable too, so that an empty or partial folder is not taken.
    package func locate(_ entry: Entry, marker: String? = nil) -> URL? {
        func holdsEntry(_ url: URL) -> Bool {
            FileManager.default.isReadableFile(atPath: (marker.map { url.appendingPathComponent($0) } ?? url).path)
        }
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["share/monitoring/" + entry.installed, entry.checkout] {
                let url = folder.appendingPathComponent(candidate)
                if holdsEntry(url) { return url }
            }
            folder = folder.deletingLastPathComponent()
        }
        return buildCheckout.map { $0.appendingPathComponent(entry.checkout) }.flatMap { holdsEntry($0) ? $0 : nil }
    }

    /// `1.0.0 (commit 4d82d61)`: the version from the shipped `VERSION` file; the commit from
    /// its second line (`make dist` writes it) or, in a checkout, from `.git`.
    package func versionLine() -> String {
        guard let file = locate(Self.version), let text = try? String(contentsOf: file, encoding: .utf8) else {
            return "unknown version (no VERSION file beside the binary)"
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let version = lines.first ?? "unknown"
        let commit =
            lines.dropFirst().first { $0.hasPrefix("commit ") }.map { String($0.dropFirst(7)) }
            ?? Self.checkoutCommit(repository: file.deletingLastPathComponent())
        return commit.map { "\(version) (commit \($0))" } ?? version
    }

    /// The commit a checkout's `HEAD` names, read from `.git` without running git.
    static func checkoutCommit(repository: URL) -> String? {
        let git = repository.appendingPathComponent(".git")
        guard let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) else { return nil }
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("ref: ") else { return String(trimmed.prefix(7)) }
        let ref = String(trimmed.dropFirst(5))
        if let loose = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return String(loose.trimmingCharacters(in: .whitespacesAndNewlines).prefix(7))
        }
        let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        return packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix(7)) }
    }
}
