import Foundation

/// One XML token. Ranges index into the scanner's buffer and are valid only until the
/// next call to `append`.
struct XMLToken {
    enum Kind { case start, end, text, cdata }
    var kind: Kind
    /// The element's qualified name (start/end) or the text content (text/cdata).
    var range: Range<Int>
    /// Attribute bytes of a start tag (between the name and `>`/`/>`).
    var attributes: Range<Int> = 0..<0
    var selfClosing = false
}

/// A minimal, fast, pull-style XML tokenizer over bytes that can be fed in chunks.
///
/// It knows exactly what SpreadsheetML needs: elements, attributes, text, CDATA, comments
/// and processing instructions. A DOCTYPE (and with it every custom entity) is an error, so
/// entity expansion cannot happen; only the five predefined entities and numeric character
/// references are decoded. Depth and token size are bounded, so a hostile part can neither
/// recurse without end nor make a single token hold the whole file.
struct XMLScanner {
    private(set) var buffer: [UInt8] = []
    private var position = 0
    /// Bytes dropped from the front of `buffer` so far (for error offsets).
    private var discarded = 0
    private(set) var depth = 0
    let maxDepth: Int
    let maxTokenBytes: Int

    init(maxDepth: Int = 256, maxTokenBytes: Int = 16 * 1_048_576) {
        self.maxDepth = maxDepth
        self.maxTokenBytes = maxTokenBytes
    }

    /// Adds bytes, first dropping what has been consumed.
    mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if position > 0 {
            buffer.removeFirst(position)
            discarded += position
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    private func offset(_ index: Int) -> Int { discarded + index }

    /// Returns the next token, or nil when more input is needed (or, with `isFinal`, at
    /// the end of input).
    mutating func next(isFinal: Bool) throws(XMLError) -> XMLToken? {
        while position < buffer.count {
            if buffer[position] != UInt8(ascii: "<") {
                guard let lt = find(UInt8(ascii: "<"), from: position) else {
                    if !isFinal {
                        try checkPending()
                        return nil
                    }
                    let token = XMLToken(kind: .text, range: position..<buffer.count)
                    position = buffer.count
                    return token
                }
                let token = XMLToken(kind: .text, range: position..<lt)
                position = lt
                return token
            }
            // Markup. Need at least a few bytes to classify it.
            let start = position
            guard start + 1 < buffer.count else { return try needMore(isFinal) }
            let second = buffer[start + 1]
            if second == UInt8(ascii: "?") {
                guard let end = find(sequence: Self.piEnd, from: start + 2) else { return try needMore(isFinal) }
                position = end + 2
                continue
            }
            if second == UInt8(ascii: "!") {
                if hasPrefix(Self.commentStart, at: start) {
                    guard let end = find(sequence: Self.commentEnd, from: start + 4) else { return try needMore(isFinal) }
                    position = end + 3
                    continue
                }
                if hasPrefix(Self.cdataStart, at: start) {
                    guard let end = find(sequence: Self.cdataEnd, from: start + 9) else { return try needMore(isFinal) }
                    position = end + 3
                    return XMLToken(kind: .cdata, range: (start + 9)..<end)
                }
                // Not enough bytes yet to tell a comment/CDATA from a declaration.
                if buffer.count - start < 9, !isFinal { return nil }
                throw .doctypeNotAllowed(offset: offset(start))
            }
            guard let gt = findTagEnd(from: start + 1) else { return try needMore(isFinal) }
            position = gt + 1
            if second == UInt8(ascii: "/") {
                var nameEnd = gt
                while nameEnd > start + 2, Self.isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
                guard nameEnd > start + 2 else { throw .malformed("empty end tag", offset: offset(start)) }
                depth -= 1
                guard depth >= 0 else { throw .malformed("unbalanced end tag", offset: offset(start)) }
                return XMLToken(kind: .end, range: (start + 2)..<nameEnd)
            }
            var selfClosing = false
            var contentEnd = gt
            if buffer[gt - 1] == UInt8(ascii: "/") {
                selfClosing = true
                contentEnd = gt - 1
            }
            var nameEnd = start + 1
            while nameEnd < contentEnd, !Self.isSpace(buffer[nameEnd]) { nameEnd += 1 }
            guard nameEnd > start + 1 else { throw .malformed("empty tag name", offset: offset(start)) }
            if !selfClosing {
                depth += 1
                guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
            }
            return XMLToken(
                kind: .start, range: (start + 1)..<nameEnd,
                attributes: nameEnd..<contentEnd, selfClosing: selfClosing)
        }
        return nil
    }

    private mutating func needMore(_ isFinal: Bool) throws(XMLError) -> XMLToken? {
        if isFinal { throw .unexpectedEnd }
        try checkPending()
        return nil
    }

    private func checkPending() throws(XMLError) {
        if buffer.count - position > maxTokenBytes { throw .tokenTooLarge(limit: maxTokenBytes) }
    }

    // MARK: Byte search

    private func find(_ byte: UInt8, from index: Int) -> Int? {
        guard index < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress,
                let hit = memchr(base + index, Int32(byte), pointer.count - index)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func find(sequence: [UInt8], from index: Int) -> Int? {
        var i = index
        while let hit = find(sequence[0], from: i) {
            if hasPrefix(sequence, at: hit) { return hit }
            if hit + sequence.count > buffer.count { return nil }
            i = hit + 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= buffer.count else { return false }
        for k in 0..<prefix.count where buffer[index + k] != prefix[k] { return false }
        return true
    }

    /// The `>` that closes a tag, skipping quoted attribute values.
    private func findTagEnd(from index: Int) -> Int? {
        var quote: UInt8 = 0
        var i = index
        let count = buffer.count
        while i < count {
            let b = buffer[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    private static let piEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    // MARK: Names, attributes, text

    /// True when the local part (after any `prefix:`) of the name in `range` is `name`.
    func localName(_ range: Range<Int>, is name: [UInt8]) -> Bool {
        var start = range.lowerBound
        for i in range where buffer[i] == UInt8(ascii: ":") { start = i + 1 }
        guard range.upperBound - start == name.count else { return false }
        for k in 0..<name.count where buffer[start + k] != name[k] { return false }
        return true
    }

    /// The local part of the name in `range` packed into an integer (first byte lowest),
    /// 0 when longer than 8 bytes: one comparison per candidate name in the hot loop of a
    /// worksheet, instead of a byte-by-byte match against each (see `PackedName`).
    func packedLocalName(_ range: Range<Int>) -> UInt64 {
        var start = range.lowerBound
        for i in range where buffer[i] == UInt8(ascii: ":") { start = i + 1 }
        guard range.upperBound - start <= 8 else { return 0 }
        var packed: UInt64 = 0
        for i in (start..<range.upperBound).reversed() { packed = packed << 8 | UInt64(buffer[i]) }
        return packed
    }

    /// The values of up to three attributes of one start tag in one pass, by packed local
    /// name (a cell's `r`, `s` and `t`).
    func attributeRanges(_ names: (UInt64, UInt64, UInt64), in range: Range<Int>) throws(XMLError)
        -> (Range<Int>?, Range<Int>?, Range<Int>?)
    {
        var found: (Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil)
        try forEachAttribute(in: range) { nameRange, valueRange in
            // The first of each name counts, as with `attributeRange`.
            switch packedLocalName(nameRange) {
            case names.0 where found.0 == nil: found.0 = valueRange
            case names.1 where found.1 == nil: found.1 = valueRange
            case names.2 where found.2 == nil: found.2 = valueRange
            default: break
            }
            return true
        }
        return found
    }

    /// Calls `body` with the name and raw value of each attribute in `range` until it
    /// returns false.
    @inline(__always)
    private func forEachAttribute(in range: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Bool) throws(XMLError) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end else { break }
            let nameStart = i
            while i < end, buffer[i] != UInt8(ascii: "="), !Self.isSpace(buffer[i]) { i += 1 }
            let nameRange = nameStart..<i
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end, buffer[i] == UInt8(ascii: "=") else {
                throw .malformed("attribute without value", offset: offset(nameStart))
            }
            i += 1
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
                throw .malformed("unquoted attribute value", offset: offset(i))
            }
            let quote = buffer[i]
            i += 1
            let valueStart = i
            while i < end, buffer[i] != quote { i += 1 }
            guard i < end else { throw .malformed("unterminated attribute value", offset: offset(valueStart)) }
            let valueRange = valueStart..<i
            i += 1
            guard body(nameRange, valueRange) else { return }
        }
    }

    /// A non-negative decimal integer from raw bytes (no sign, at most 12 digits).
    func integer(in range: Range<Int>) -> Int? {
        var value = 0
        guard !range.isEmpty, range.count <= 12 else { return nil }
        for i in range {
            let b = buffer[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    /// True when the bytes in `range` contain `byte`.
    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        for i in range where buffer[i] == byte { return true }
        return false
    }

    /// The decoded value of the attribute whose local name is `name`, if present.
    func attribute(_ name: [UInt8], in token: XMLToken) throws(XMLError) -> String? {
        guard let range = try attributeRange(name, in: token.attributes) else { return nil }
        return try decode(range)
    }

    /// The raw bytes of an attribute value (for numbers and references, no decoding needed).
    func attributeRange(_ name: [UInt8], in range: Range<Int>) throws(XMLError) -> Range<Int>? {
        var found: Range<Int>?
        try forEachAttribute(in: range) { nameRange, valueRange in
            if localName(nameRange, is: name) { found = valueRange }
            return found == nil
        }
        return found
    }

    /// Parses a non-negative decimal integer attribute without allocating.
    func integerAttribute(_ name: [UInt8], in token: XMLToken) throws(XMLError) -> Int? {
        guard let range = try attributeRange(name, in: token.attributes) else { return nil }
        return integer(in: range)
    }

    /// Decodes text or an attribute value: entities, character references, CR LF → LF.
    func decode(_ range: Range<Int>) throws(XMLError) -> String {
        var needsWork = false
        for i in range where buffer[i] == UInt8(ascii: "&") || buffer[i] == 0x0D {
            needsWork = true
            break
        }
        if !needsWork {
            return buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = buffer[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < range.upperBound, buffer[i + 1] == 0x0A { i += 1 }
                i += 1
                continue
            }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < range.upperBound, buffer[j] != UInt8(ascii: ";"), j - i < 12 { j += 1 }
            guard j < range.upperBound, buffer[j] == UInt8(ascii: ";") else {
                throw .malformed("'&' not followed by an entity reference", offset: offset(i))
            }
            let name = Array(buffer[(i + 1)..<j])
            switch name {
            case Array("amp".utf8): out.append(UInt8(ascii: "&"))
            case Array("lt".utf8): out.append(UInt8(ascii: "<"))
            case Array("gt".utf8): out.append(UInt8(ascii: ">"))
            case Array("quot".utf8): out.append(UInt8(ascii: "\""))
            case Array("apos".utf8): out.append(UInt8(ascii: "'"))
            default:
                guard name.first == UInt8(ascii: "#"), let scalar = Self.characterReference(name.dropFirst()) else {
                    throw .undefinedEntity(String(decoding: name, as: UTF8.self), offset: offset(i))
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func characterReference(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var digits = body
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)) else {
            return nil
        }
        return Unicode.Scalar(value)
    }
}
