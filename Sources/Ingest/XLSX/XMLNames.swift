/// Element and attribute names used by the SpreadsheetML parsers, as bytes.
enum XMLNames {
    static let sheet = Array("sheet".utf8)
    static let name = Array("name".utf8)
    static let id = Array("id".utf8)
    static let state = Array("state".utf8)
    static let workbookPr = Array("workbookPr".utf8)
    static let date1904 = Array("date1904".utf8)
    static let relationship = Array("Relationship".utf8)
    static let target = Array("Target".utf8)
    static let type = Array("Type".utf8)
    static let capitalId = Array("Id".utf8)
    static let si = Array("si".utf8)
    static let t = Array("t".utf8)
    static let rPh = Array("rPh".utf8)
    static let numFmt = Array("numFmt".utf8)
    static let numFmtId = Array("numFmtId".utf8)
    static let formatCode = Array("formatCode".utf8)
    static let cellXfs = Array("cellXfs".utf8)
    static let xf = Array("xf".utf8)
    static let sheetData = Array("sheetData".utf8)
    static let row = Array("row".utf8)
    static let r = Array("r".utf8)
    static let hidden = Array("hidden".utf8)
    static let c = Array("c".utf8)
    static let s = Array("s".utf8)
    static let v = Array("v".utf8)
    static let f = Array("f".utf8)
    static let `is` = Array("is".utf8)
    static let col = Array("col".utf8)
    static let min = Array("min".utf8)
    static let max = Array("max".utf8)
    static let mergeCell = Array("mergeCell".utf8)
    static let ref = Array("ref".utf8)
}

extension XMLScanner {
    /// Feeds a whole byte array and calls `handle` for every token.
    static func scan(
        _ bytes: [UInt8], maxDepth: Int,
        _ handle: (inout XMLScanner, XMLToken) throws -> Void
    ) throws {
        var scanner = XMLScanner(maxDepth: maxDepth)
        scanner.append(bytes)
        while let token = try scanner.next(isFinal: true) {
            try handle(&scanner, token)
        }
    }

    func isTrue(_ value: String?) -> Bool {
        value == "1" || value == "true"
    }
}

/// The worksheet's most frequent names as `XMLScanner.packedLocalName` gives them (UTF-8,
/// first byte lowest). Literals, so that reading one costs nothing in the hot loop;
/// `XMLNamesTests` checks each against its text.
enum PackedName {
    static let c: UInt64 = 0x63  // "c"
    static let v: UInt64 = 0x76  // "v"
    static let f: UInt64 = 0x66  // "f"
    static let t: UInt64 = 0x74  // "t"
    static let r: UInt64 = 0x72  // "r"
    static let s: UInt64 = 0x73  // "s"
    static let `is`: UInt64 = 0x7369  // "is"
    static let rPh: UInt64 = 0x685072  // "rPh"
    static let row: UInt64 = 0x776F72  // "row"

    static let all: [(name: String, packed: UInt64)] = [
        ("c", c), ("v", v), ("f", f), ("t", t), ("r", r), ("s", s), ("is", `is`), ("rPh", rPh), ("row", row),
    ]
}
