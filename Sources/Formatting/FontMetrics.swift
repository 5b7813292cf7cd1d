/// Advance widths of a font, for measuring and wrapping labels the way a browser will
/// draw them (kerning, which only narrows, is ignored, so measurements err on the wide side).
package struct FontMetrics: Sendable {
    let unitsPerEm: Int
    /// Ascent and descent in font units: a text box is (ascent + descent) / unitsPerEm em tall.
    let ascent: Int
    let descent: Int
    let advances: [UInt32: Int]

    package static let regular = liberationSansRegular
    package static let bold = liberationSansBold

    /// Width of `text` at `size` (in the same unit as `size`).
    package func width(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            if let advance = advances[scalar.value] {
                units += advance
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0xFE0F || scalar.value == 0x200D {
                continue
            } else {
                // Unknown glyphs (emoji, CJK, …) come from a fallback font: count a full em.
                units += unitsPerEm
            }
        }
        return Double(units) / Double(unitsPerEm) * size
    }

    /// The height of a text box (ascent + descent) at `size`.
    package func lineBox(size: Double) -> Double { Double(ascent + descent) / Double(unitsPerEm) * size }

    /// Distance from the top of a text box to its baseline at `size`.
    package func ascent(size: Double) -> Double { Double(ascent) / Double(unitsPerEm) * size }

    /// Breaks `text` into lines no wider than `maxWidth`: at spaces, else after `/` or `-`,
    /// else (a single over-long word) between characters. Never truncates.
    package func wrap(_ text: String, maxWidth: Double, size: Double) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            for piece in breakWord(word, maxWidth: maxWidth, size: size) {
                let candidate = current.isEmpty ? piece : current + " " + piece
                if width(candidate, size: size) <= maxWidth || current.isEmpty {
                    current = candidate
                } else {
                    lines.append(current)
                    current = piece
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// Splits a word wider than `maxWidth` after `/` or `-`, or else between characters.
    private func breakWord(_ word: String, maxWidth: Double, size: Double) -> [String] {
        guard width(word, size: size) > maxWidth else { return [word] }
        var pieces: [String] = []
        var current = ""
        for ch in word {
            let candidate = current + String(ch)
            if width(candidate, size: size) > maxWidth, !current.isEmpty {
                // Prefer breaking after a slash or hyphen in the current piece.
                if let cut = current.lastIndex(where: { $0 == "/" || $0 == "-" }), cut != current.index(before: current.endIndex) {
                    let head = String(current[...cut])
                    pieces.append(head)
                    current = String(current[current.index(after: cut)...]) + String(ch)
                } else {
                    pieces.append(current)
                    current = String(ch)
                }
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
