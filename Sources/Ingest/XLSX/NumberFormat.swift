/// Decides whether a number format displays a date, which is the only way xlsx marks a
/// number as a date.
enum NumberFormat {
    /// Built-in formats that show dates or times (ECMA-376 §18.8.30, plus the
    /// locale-dependent East Asian ids Excel also treats as dates).
    private static let builtInDateIds: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func isDate(id: Int, code: String?) -> Bool {
        if builtInDateIds.contains(id) { return true }
        guard let code, id >= 164 || !code.isEmpty else { return false }
        return isDate(code: code)
    }

    /// A custom format is a date format when, outside quoted literals, escapes and
    /// bracketed sections (colours, locales), it uses a date or time token.
    static func isDate(code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        // Only the first section (positive numbers) decides.
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if ch == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if ch == "]" { inBracket = false }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": return false
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S": return true
            default: continue
            }
        }
        return false
    }
}
