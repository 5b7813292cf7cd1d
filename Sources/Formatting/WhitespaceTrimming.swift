extension String {
    /// The text without leading and trailing white space: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (or, without `newlines`,
    /// `.whitespaces`), computed natively. Foundation bridges every string to `NSString`
    /// for it, which was a tenth of reading the shipped data. The sets are Foundation's,
    /// scalar for scalar (Unicode's White_Space and U+200B ZERO WIDTH SPACE, which
    /// Foundation counts as a space; `WhitespaceTrimmingTests` compares all of Unicode),
    /// and trimming works on scalars, as Foundation's does.
    package func trimmingWhitespace(newlines: Bool = true) -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
            default: return false
            }
        }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }
}
