/// Bounds that keep a hostile or broken file from exhausting memory or time.
public struct IngestLimits: Sendable, Equatable {
    /// Largest uncompressed size of one zip entry (declared or actual).
    public var maxEntryBytes: Int
    /// Largest CSV file.
    public var maxCSVBytes: Int
    /// Excel's own limit for the text in one cell.
    public var maxCellCharacters: Int
    /// Deepest XML nesting accepted.
    public var maxXMLDepth: Int

    public init(
        maxEntryBytes: Int = 512 * 1_048_576, maxCSVBytes: Int = 512 * 1_048_576,
        maxCellCharacters: Int = 32_767, maxXMLDepth: Int = 128
    ) {
        self.maxEntryBytes = maxEntryBytes
        self.maxCSVBytes = maxCSVBytes
        self.maxCellCharacters = maxCellCharacters
        self.maxXMLDepth = maxXMLDepth
    }

    public static let `default` = IngestLimits()
}
