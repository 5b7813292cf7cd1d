import Formatting
import Foundation

/// The data a template sees: text, flags, lists and objects. Numbers arrive as text the
/// Swift side has already formatted, so the template cannot format one differently.
package indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// Text quoted from respondents (free-text answers): rendered like `text`, but never
    /// checked by the prose rules, which are the template's rules and not the respondents'
    /// ("Telefon 49 331 …" quoted from an answer is not two numbers side by side).
    case quote(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    package subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Mustache truthiness: false, empty lists and empty text skip a section.
    var isTruthy: Bool {
        switch self {
        case .flag(let b): return b
        case .list(let items): return !items.isEmpty
        case .text(let s), .quote(let s): return !s.isEmpty
        case .object: return true
        }
    }
}

/// Builds objects with a little less noise.
package struct TemplateObject {
    package private(set) var fields: [String: TemplateValue] = [:]

    package init() {}

    package subscript(key: String) -> TemplateValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    package mutating func set(_ key: String, _ text: String) { fields[key] = .text(text) }
    /// Text quoted from respondents (see `TemplateValue.quote`).
    package mutating func set(_ key: String, quote text: String) { fields[key] = .quote(text) }
    package mutating func set(_ key: String, _ flag: Bool) { fields[key] = .flag(flag) }
    package mutating func set(_ key: String, _ value: TemplateValue) { fields[key] = value }
    package mutating func set(_ key: String, _ object: TemplateObject) { fields[key] = object.value }
    package mutating func set(_ key: String, _ list: [TemplateObject]) { fields[key] = .list(list.map(\.value)) }

    package var value: TemplateValue { .object(fields) }
}

extension TemplateValue {
    /// The value as JSON with sorted keys: `report-context.json`, every placeholder a
    /// template can use, with its value for this data. Written directly: JSONSerialization
    /// bridges the tree through NSDictionary on Linux and took 175 ms for this one file.
    package func json() -> Data {
        var data: [UInt8] = []
        writeJSON { data += $0 }
        return Data(data)
    }

    /// The same JSON handed to `sink` in pieces of about `chunk` bytes as it is made, so
    /// that a large context is written to its file without being held whole.
    package func writeJSON(chunk: Int = 1 << 16, to sink: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        var indents: [[UInt8]] = [[]]
        write(into: &out, indent: 0, indents: &indents) { out in
            guard out.count >= chunk else { return }
            sink(out)
            out.removeAll(keepingCapacity: true)
        }
        out.append(0x0A)
        sink(out)
    }

    /// `flush` is called between elements, where the bytes so far may be handed on.
    private func write(into out: inout [UInt8], indent: Int, indents: inout [[UInt8]], flush: (inout [UInt8]) -> Void) {
        func pad(_ level: Int) {
            while indents.count <= level { indents.append(indents[indents.count - 1] + [0x20, 0x20]) }
            out.append(contentsOf: indents[level])
        }
        switch self {
        case .text(let s), .quote(let s): Self.quote(s, into: &out)
        case .flag(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .list(let items):
            guard !items.isEmpty else {
                out.append(contentsOf: [0x5B, 0x5D])
                return
            }
            out.append(contentsOf: [0x5B, 0x0A])
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1, indents: &indents, flush: flush)
                if i < items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
                flush(&out)
            }
            pad(indent)
            out.append(0x5D)
        case .object(let fields):
            guard !fields.isEmpty else {
                out.append(contentsOf: [0x7B, 0x7D])
                return
            }
            out.append(contentsOf: [0x7B, 0x0A])
            let entries = fields.sorted { $0.key < $1.key }
            for (i, entry) in entries.enumerated() {
                pad(indent + 1)
                Self.quote(entry.key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                entry.value.write(into: &out, indent: indent + 1, indents: &indents, flush: flush)
                if i < entries.count - 1 { out.append(0x2C) }
                out.append(0x0A)
                flush(&out)
            }
            pad(indent)
            out.append(0x7D)
        }
    }

    /// A JSON string (control characters other than tab, CR and LF as `\u00xx`).
    static func quote(_ s: String, into out: inout [UInt8]) {
        TextEscaping.appendJSONString(s, to: &out, namedControls: false)
    }
}
