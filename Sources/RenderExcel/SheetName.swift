import Foundation

/// Excel's rules for sheet names, applied to names that come from specs or data: at most
/// 31 characters, none of `[ ] : * ? / \`, not starting or ending with an apostrophe, not
/// "History", and unique (case-insensitive) within the workbook.
package struct SheetNames {
    private var used: Set<String> = []

    package init() {}

    /// A valid, unused name as close to `wanted` as possible.
    package mutating func make(_ wanted: String) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            .trimmingCharacters(in: .whitespaces)
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty || base.lowercased() == "history" { base = "Blatt" }
        base = String(base.prefix(31))
        var candidate = base
        var counter = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// How a formula or link refers to a sheet: `'Abb 01'!A1`, quotes doubled.
    package static func reference(_ sheet: String, cell: String = "A1") -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!" + cell
    }
}
