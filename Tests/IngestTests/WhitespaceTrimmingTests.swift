import Formatting
import Foundation
import Ingest
import Testing

/// The native trim gives exactly what Foundation's `trimmingCharacters` gives, for every
/// white-space scalar Unicode knows, at either end, with and without line breaks.
@Suite struct WhitespaceTrimmingTests {
    static let spaces: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
        $0.properties.isWhitespace || CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.whitespaces.contains($0)
    }

    static let samples: [String] = {
        var samples = [
            "", " ", "ja", " ja ", "\tin Erarbeitung\n", "k. A.", "\u{00A0}nein\u{00A0}", " \u{0301}x",
            "x \u{0301}", "\u{2028}Zeile\u{2029}", "\r\n", "a b", "🙂 ", " \u{FEFF}x", "\u{200B}x\u{200B}",
        ]
        for space in spaces { samples += ["\(space)x", "x\(space)", "\(space)\(space)", "x\(space)y"] }
        return samples
    }()

    @Test func sameAsFoundationWithLineBreaks() {
        for sample in Self.samples {
            #expect(
                sample.trimmingWhitespace() == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func sameAsFoundationWithoutLineBreaks() {
        for sample in Self.samples {
            #expect(
                sample.trimmingWhitespace(newlines: false) == sample.trimmingCharacters(in: .whitespaces),
                "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
