import Foundation

/// A format of the report itself. The data outputs (SVG, CSV, JSON, the Excel annex) are
/// always written; these choose how the report text is published.
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    /// `Bericht.md`, the single source of the text.
    case md
    /// `Bericht.html`: one self-contained, accessible web page.
    case html
    /// `Bericht.pdf`: A4, tagged (PDF/UA-1), from the same HTML.
    case pdf
    /// `Bericht.docx`: for the editors, through pandoc and a Word reference document.
    case docx

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        a.rank < b.rank
    }

    private var rank: Int {
        switch self {
        case .md: return 0
        case .html: return 1
        case .pdf: return 2
        case .docx: return 3
        }
    }

    /// Why a list of format names is not valid.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Parses "md,html" (CLI) or a list of names (spec); the error names the first unknown one.
    public static func parse(_ names: [String]) -> Result<[OutputFormat], ParseError> {
        var formats: Set<OutputFormat> = []
        for name in names.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let format = OutputFormat(rawValue: name) else {
                return .failure(ParseError(description: "unknown format '\(name)'; expected " + allCases.map(\.rawValue).joined(separator: ", ")))
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else {
            return .failure(ParseError(description: "no format given; expected some of " + allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return .success(formats.sorted())
    }
}
