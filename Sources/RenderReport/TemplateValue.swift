/// The data a template sees: text, flags, lists and objects. Numbers arrive as text the
/// Swift side has already formatted, so the template cannot format one differently.
public indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Mustache truthiness: false, empty lists and empty text skip a section.
    var isTruthy: Bool {
        switch self {
        case .flag(let b): return b
        case .list(let items): return !items.isEmpty
        case .text(let s): return !s.isEmpty
        case .object: return true
        }
    }
}

/// Builds objects with a little less noise.
public struct TemplateObject {
    public private(set) var fields: [String: TemplateValue] = [:]

    public init() {}

    public subscript(key: String) -> TemplateValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    public mutating func set(_ key: String, _ text: String) { fields[key] = .text(text) }
    public mutating func set(_ key: String, _ flag: Bool) { fields[key] = .flag(flag) }
    public mutating func set(_ key: String, _ value: TemplateValue) { fields[key] = value }
    public mutating func set(_ key: String, _ object: TemplateObject) { fields[key] = object.value }
    public mutating func set(_ key: String, _ list: [TemplateObject]) { fields[key] = .list(list.map(\.value)) }

    public var value: TemplateValue { .object(fields) }
}

import Foundation

extension TemplateValue {
    /// The value as JSON with sorted keys: `report-context.json`, every placeholder a
    /// template can use, with its value for this data.
    public func json() throws -> Data {
        func plain(_ value: TemplateValue) -> Any {
            switch value {
            case .text(let s): return s
            case .flag(let b): return b
            case .list(let items): return items.map(plain)
            case .object(let fields): return fields.mapValues(plain)
            }
        }
        return try JSONSerialization.data(withJSONObject: plain(self), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
