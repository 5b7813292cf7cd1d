/// A prose rule the rendered text breaks although its template passed the shape check
/// (`Template.checkProse`): the data's own words did it, so the editor reads the sentence.
package struct ProseFinding: Sendable, Equatable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let message: String
    /// The rendered words around the place, on one line.
    package let excerpt: String

    package var description: String { "\(file):\(line): \(message): '\(excerpt)'" }

    /// Up to about 40 bytes either side of `offset`, cut at spaces, without line breaks.
    static func excerpt(of text: [UInt8], at offset: Int, radius: Int = 40) -> String {
        let space = UInt8(ascii: " ")
        let newline = UInt8(ascii: "\n")
        var start = max(0, min(offset, text.count) - radius)
        var end = min(text.count, offset + radius)
        if let lineStart = text[start..<min(offset, text.count)].lastIndex(of: newline) { start = lineStart + 1 }
        if let lineEnd = text[min(offset, end)..<end].firstIndex(of: newline) { end = lineEnd }
        if start > 0, let cut = text[start..<min(offset, end)].firstIndex(of: space) { start = cut + 1 }
        if end < text.count, let cut = text[min(offset, end)..<end].lastIndex(of: space), cut > offset { end = cut }
        return String(decoding: text[start..<end], as: UTF8.self)
    }
}
