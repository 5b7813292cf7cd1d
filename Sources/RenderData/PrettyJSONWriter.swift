import Formatting

/// Writes JSON byte for byte as Foundation's `JSONEncoder` does with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`, but as it goes: the bytes are handed to a
/// sink in pieces of about `chunk` bytes, so a large document is never held whole, and no
/// `Encodable` tree is built first.
///
/// The encoder's conventions kept here: two spaces of indent, `"key" : value`, an empty
/// container still opens a line (`[\n\n  ]`), no newline at the end; quotes, backslashes and
/// control characters escaped (`\b \f \n \r \t`, otherwise `\u00xx`), everything else as
/// UTF-8; integral doubles below 2^53 without a fraction. Keys must be written in the
/// encoder's sorted order (by UTF-8 bytes); `sortedByBytes` gives that order.
struct PrettyJSONWriter {
    private var out: [UInt8] = []
    /// Per open container: whether it has an element yet.
    private var open: [Bool] = []
    /// A key was written; its value follows on the same line.
    private var afterKey = false
    private let chunk: Int
    private let sink: ([UInt8]) -> Void

    init(chunk: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.chunk = chunk
        self.sink = sink
        out.reserveCapacity(chunk + 4096)
    }

    /// Hands on what is left; call once, after the outermost container is closed.
    mutating func finish() {
        sink(out)
        out.removeAll()
    }

    // MARK: Containers

    mutating func beginObject() { begin(0x7B) }
    mutating func endObject() { end(0x7D) }
    mutating func beginArray() { begin(0x5B) }
    mutating func endArray() { end(0x5D) }

    mutating func key(_ key: String) {
        startElement()
        quote(key)
        out.append(contentsOf: [0x20, 0x3A, 0x20])
        afterKey = true
    }

    // MARK: Values

    mutating func string(_ value: String) {
        startElement()
        quote(value)
    }

    mutating func int(_ value: Int) {
        startElement()
        out.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        startElement()
        out.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    mutating func double(_ value: Double) {
        startElement()
        out.append(contentsOf: Self.number(value).utf8)
    }

    /// `key : value` for the common field types; `nil` writes nothing (as `encodeIfPresent`).
    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `[String: String]` rows as the encoder writes them: keys as they are, in byte order.
    mutating func field(_ name: String, _ rows: [[String: String]]) {
        key(name)
        beginArray()
        for row in rows {
            beginObject()
            for (name, value) in row.sortedByBytes() {
                key(name)
                string(value)
            }
            endObject()
        }
        endArray()
    }

    /// `name : [{…}, …]`, one object per element, whose fields `fields` writes (in sorted
    /// order); each object and the array are closed here, so none is left open.
    mutating func objects<S: Sequence>(_ name: String, _ elements: S, _ fields: (inout Self, S.Element) -> Void) {
        key(name)
        beginArray()
        for element in elements {
            beginObject()
            fields(&self, element)
            endObject()
        }
        endArray()
    }

    /// The encoder's number text: integral values below 2^53 as integers (`0`, `1`, `-0`),
    /// all others as Swift prints them (`0.5`, `9.259259259259259e-05`, `1e+16`).
    static func number(_ value: Double) -> String {
        if value.rounded(.towardZero) == value, value.magnitude < 9_007_199_254_740_992 {
            return (value.sign == .minus ? "-" : "") + String(UInt64(value.magnitude))
        }
        return value.description
    }

    // MARK: Layout

    private mutating func begin(_ bracket: UInt8) {
        startElement()
        out.append(bracket)
        out.append(0x0A)
        open.append(false)
    }

    private mutating func end(_ bracket: UInt8) {
        open.removeLast()
        out.append(0x0A)
        indent(open.count)
        out.append(bracket)
        if out.count >= chunk {
            sink(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Before a key, or a value not after a key: the separator and the indent.
    private mutating func startElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.indices.last else { return }
        if open[last] { out.append(contentsOf: [0x2C, 0x0A]) }
        open[last] = true
        indent(open.count)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level { out.append(contentsOf: [0x20, 0x20]) }
    }

    private mutating func quote(_ s: String) {
        TextEscaping.appendJSONString(s, to: &out, namedControls: true)
    }
}

extension Dictionary where Key == String {
    /// The entries in the order of `JSONEncoder`'s `.sortedKeys`: by the keys' UTF-8 bytes.
    func sortedByBytes() -> [(key: String, value: Value)] {
        sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
