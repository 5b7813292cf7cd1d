import Foundation
import TestSupport
import Testing

/// The package's shape, read from `Package.swift`, the sources and the README: every module
/// sits in one layer of the stage order, and every dependency points to a lower layer. The
/// README's layout table is that graph; it is compared with `Package.swift`, so neither can
/// drift from the other.
@Suite struct PackageLayoutTests {
    /// A target as `Package.swift` declares it.
    struct Target: Equatable {
        let name: String
        let kind: String
        /// Our own targets it depends on, then external products as `package/product`.
        let dependencies: [String]
        let path: String?
    }

    /// A row of the README's layout table.
    struct Row {
        let layer: Int
        let module: String
        let imports: [String]
        let line: Int
    }

    static func targets() throws -> [Target] {
        let text = try String(contentsOf: TestPaths.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        return try targets(in: text)
    }

    /// The `.target(…)`, `.executableTarget(…)`, `.testTarget(…)` and `.systemLibrary(…)`
    /// calls of a manifest, with their names and dependencies.
    static func targets(in manifest: String) throws -> [Target] {
        let code = manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
        var result: [Target] = []
        let calls = try Regex(#"\.(target|executableTarget|testTarget|systemLibrary)\("#)
        for match in code.matches(of: calls) {
            let kind = String(code[match.range].dropFirst().dropLast())
            let body = balanced(code[match.range.upperBound...], open: "(", close: ")")
            guard let name = body.firstMatch(of: try Regex(#"^\s*name:\s*"([^"]+)""#))?.output[1].substring else { continue }
            var dependencies: [String] = []
            if let start = body.range(of: "dependencies:") {
                let list = balanced(body[start.upperBound...].drop { $0 != "[" }.dropFirst(), open: "[", close: "]")
                var rest = Substring(list)
                while let next = rest.firstMatch(of: try Regex(#"\.product\(\s*name:\s*"([^"]+)",\s*package:\s*"([^"]+)"\s*\)|"([^"]+)""#)) {
                    if let product = next.output[1].substring, let package = next.output[2].substring {
                        dependencies.append("\(package)/\(product)")
                    } else if let target = next.output[3].substring {
                        dependencies.append(String(target))
                    }
                    rest = rest[next.range.upperBound...]
                }
            }
            let path = body.firstMatch(of: try Regex(#"path:\s*"([^"]+)""#))?.output[1].substring.map(String.init)
            result.append(Target(name: String(name), kind: kind, dependencies: dependencies, path: path))
        }
        return result
    }

    /// The text up to the bracket that closes one already opened.
    static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        var inString = false
        for index in text.indices {
            let c = text[index]
            if c == "\"" { inString.toggle() }
            if inString { continue }
            if c == open { depth += 1 }
            if c == close {
                depth -= 1
                if depth == 0 { return text[..<index] }
            }
        }
        return text
    }

    /// The README's table under "## Layout": `| layer | module | what it holds | imports |`.
    static func readmeRows() throws -> [Row] {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "## Layout") else { return [] }
        var rows: [Row] = []
        for (offset, line) in lines[start...].enumerated().dropFirst() {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 6, let layer = Int(cells[1].prefix { $0.isNumber }) else { continue }
            let module = cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let imports =
                cells[4] == "—"
                ? []
                : cells[4].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                }
            rows.append(Row(layer: layer, module: module, imports: imports, line: start + offset + 1))
        }
        return rows
    }

    static func imports(of target: Target) throws -> Set<String> {
        let folder = TestPaths.repository.appendingPathComponent(target.path ?? (target.kind == "testTarget" ? "Tests/" : "Sources/") + target.name)
        var found: Set<String> = []
        let pattern = try Regex(#"^(?:@testable |@_exported |package |public |internal )?import (?:(?:struct|enum|class|protocol|func|var) )?(\w+)"#)
        for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
        where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let match = line.firstMatch(of: pattern), let module = match.output[1].substring { found.insert(String(module)) }
            }
        }
        return found
    }

    @Test func everyDependencyPointsDownTheStageOrder() throws {
        let targets = try Self.targets()
        let rows = try Self.readmeRows()
        #expect(targets.count > 20, "Package.swift parsed")
        let layer = Dictionary(rows.map { ($0.module, $0.layer) }, uniquingKeysWith: { a, _ in a })
        for target in targets {
            guard let own = layer[target.name] else {
                Issue.record("\(target.name) is not in the README's layout table")
                continue
            }
            for dependency in target.dependencies where !dependency.contains("/") {
                guard let theirs = layer[dependency] else { continue }
                #expect(theirs < own, "\(target.name) (layer \(own)) depends on \(dependency) (layer \(theirs)): an edge back up the stage order")
            }
        }
    }

    @Test func theReadmeTableIsThePackageGraph() throws {
        let targets = try Self.targets()
        let rows = try Self.readmeRows()
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            guard let target = byName[row.module] else {
                Issue.record("README.md:\(row.line): \(row.module) is not a target of Package.swift")
                continue
            }
            #expect(
                Set(row.imports) == Set(target.dependencies.map { $0.split(separator: "/").last.map(String.init) ?? $0 }),
                "README.md:\(row.line): \(row.module) imports \(target.dependencies.joined(separator: ", ")) in Package.swift")
        }
        #expect(Set(rows.map(\.module)) == Set(targets.map(\.name)), "the README's layout table lists every target once")
        #expect(rows.count == Set(rows.map(\.module)).count)
    }

    /// A declared dependency that no file imports is dead (MemberImportVisibility makes the
    /// import lines the real graph).
    @Test func everyDeclaredDependencyIsImportedAndEveryImportDeclared() throws {
        let targets = try Self.targets()
        let ours = Set(targets.map(\.name))
        for target in targets where target.kind != "systemLibrary" {
            let imported = try Self.imports(of: target)
            // SwiftPM lets a file import a module of the package that its target does not
            // declare, as long as it happens to be built first; the graph would then lie.
            let declared = Set(target.dependencies)
            for module in imported.intersection(ours) where !declared.contains(module) && module != target.name {
                Issue.record("\(target.name) imports \(module) without declaring it in Package.swift")
            }
            for dependency in target.dependencies {
                let module = dependency.split(separator: "/").last.map(String.init) ?? dependency
                if !imported.contains(module) { Issue.record("\(target.name) declares \(dependency) but no file imports it") }
            }
        }
    }

    /// Renderer tests run on hand-made models: they link neither the readers' fixtures nor
    /// the synthetic survey nor the fuzz targets, and the SVG tests not libxlsxwriter.
    @Test func rendererTestsLinkNeitherReaderFixturesNorTheWriterTheyDoNotTest() throws {
        let targets = try Self.targets()
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func closure(_ name: String) -> Set<String> {
            var seen: Set<String> = []
            var queue = [name]
            while let next = queue.popLast() {
                for dependency in byName[next]?.dependencies ?? [] where seen.insert(dependency).inserted { queue.append(dependency) }
            }
            return seen
        }
        for test in ["RenderSVGTests", "RenderExcelTests", "RenderDataTests", "RenderReportTests"] {
            let linked = closure(test)
            #expect(byName[test] != nil)
            for forbidden in ["IngestFixtures", "SyntheticData", "FuzzTargets"] {
                #expect(!linked.contains(forbidden), "\(test) links \(forbidden)")
            }
        }
        #expect(!closure("RenderSVGTests").contains("XlsxWriter"), "RenderSVGTests links libxlsxwriter")
    }

    @Test func theManifestReaderSeesABackwardEdge() throws {
        let manifest = """
            .target(name: "Ingest", dependencies: ["Diagnostics", "Aggregate"]), // a comment "x"
            .target(name: "Aggregate", dependencies: ["Ingest", .product(name: "Yams", package: "Yams")], path: "X"),
            """
        let targets = try Self.targets(in: manifest)
        #expect(
            targets == [
                Target(name: "Ingest", kind: "target", dependencies: ["Diagnostics", "Aggregate"], path: nil),
                Target(name: "Aggregate", kind: "target", dependencies: ["Ingest", "Yams/Yams"], path: "X"),
            ])
    }
}
