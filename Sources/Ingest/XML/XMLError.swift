/// Why a part of an xlsx public is not acceptable XML.
public enum XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// DTDs are refused outright: SpreadsheetML never needs one, and they are how
    /// entity-expansion ("billion laughs") and external-entity attacks work.
    case doctypeNotAllowed(offset: Int)
    case undefinedEntity(String, offset: Int)
    case malformed(String, offset: Int)
    case tooDeep(limit: Int)
    case tokenTooLarge(limit: Int)
    case unexpectedEnd

    public var description: String {
        switch self {
        case .doctypeNotAllowed(let offset):
            return
                "XML contains a DOCTYPE declaration at byte \(offset); refused (entity expansion / external entities are not allowed in xlsx parts)"
        case .undefinedEntity(let name, let offset):
            return "undefined XML entity '&\(name);' at byte \(offset); expected only &amp; &lt; &gt; &quot; &apos; or numeric references"
        case .malformed(let what, let offset): return "malformed XML at byte \(offset): \(what)"
        case .tooDeep(let limit): return "XML nests deeper than \(limit) elements"
        case .tokenTooLarge(let limit): return "an XML token is larger than \(limit / 1_048_576) MiB"
        case .unexpectedEnd: return "XML ends in the middle of a tag (truncated part)"
        }
    }
}
