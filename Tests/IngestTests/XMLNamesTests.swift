import Testing

@testable import Ingest

/// The worksheet parser compares element and attribute names as packed integers; the
/// literals must be exactly the names' bytes, with or without a namespace prefix.
@Suite struct XMLNamesTests {
    func packed(_ qualifiedName: String) -> UInt64 {
        var scanner = XMLScanner()
        scanner.append(Array(qualifiedName.utf8))
        return scanner.packedLocalName(0..<qualifiedName.utf8.count)
    }

    @Test(arguments: PackedName.all.map(\.name))
    func eachLiteralIsItsName(name: String) throws {
        let literal = try #require(PackedName.all.first { $0.name == name }?.packed)
        #expect(packed(name) == literal)
        #expect(packed("x:" + name) == literal, "the prefix is not part of the local name")
    }

    @Test func longNamesAndNearMissesDoNotCollide() {
        #expect(packed("sheetData") == 0, "longer than 8 bytes: compared the slow way")
        #expect(packed("rows") != PackedName.row)
        #expect(packed("C") != PackedName.c)
        #expect(Set(PackedName.all.map(\.packed)).count == PackedName.all.count)
    }

    @Test func aCellsAttributesAreFoundInOnePassWhateverTheirOrder() throws {
        var scanner = XMLScanner()
        let attributes = #" t="inlineStr"  s='12' r="AB7" x:r="no""#
        scanner.append(Array(attributes.utf8))
        let (r, s, t) = try scanner.attributeRanges((PackedName.r, PackedName.s, PackedName.t), in: 0..<attributes.utf8.count)
        func text(_ range: Range<Int>?) -> String? { range.map { String(decoding: scanner.buffer[$0], as: UTF8.self) } }
        #expect(text(r) == "AB7", "the first r counts")
        #expect(text(s) == "12")
        #expect(text(t) == "inlineStr")
        #expect(CellReference(utf8: Array("$AB$7".utf8)) == CellReference("AB7"))
    }
}
