import Foundation
import ModelFixtures
import RenderData
import Testing

/// `report-data.json` is written by a streaming writer of our own; Foundation's
/// `JSONEncoder`, which wrote it before, is the oracle its bytes are held to.
@Suite struct ReportDataJSONTests {
    /// The encoder and options the file's format was defined by.
    static func oracle(_ value: ReportDataJSON) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(value)
    }

    @Test func theHandMadeReportMatchesTheEncoderByteForByte() throws {
        let model = try ModelFixture.model()
        let json = ReportDataJSON(model)
        let ours = json.encoded()
        #expect(String(decoding: ours, as: UTF8.self).contains("Schulen & <Träger>"))
        #expect(ours == (try Self.oracle(json)))
    }

    /// Absent optionals, empty lists and rows, control characters, slashes, keys that sort
    /// differently by bytes than by dictionary order, and numbers from 0 and 1 to exponents.
    @Test func awkwardValuesMatchTheEncoderByteForByte() throws {
        let source = #"""
            {"meta": {"title": "Tab\t\"Zitat\" \\ / Ende\u0001\u0008\u000c\u001f\u007f", "subtitle": "", "author": "Ä😀",
                      "institution": "i", "date": "2022-01-31", "date_german": "31. Januar 2022", "source_line": "Quelle: x/y",
                      "data_note": "a\r\nb", "unit": "Kommunen", "unit_singular": "Kommune", "regions": 10800,
                      "first_year": 2017, "last_year": 2026, "year_range": "2017–2026", "annex_file": "a.xlsx"},
             "waves": [{"number": 1, "year": 2017}, {"number": 2, "year": 2018, "field_start": "01.03.", "field_end": "30.04."}],
             "themes": [],
             "figures": [{"number": 1, "id": "abb01", "item": "I.01", "kind": "status", "caption": "c", "question": "q",
                          "categories": [], "waves": []},
                         {"number": 2, "id": "abb02", "item": "I.02", "kind": "options", "caption": "c", "question": "q",
                          "categories": ["ja", "nein"],
                          "waves": [{"year": 2017, "asked": false, "values": []},
                                    {"year": 2018, "asked": true, "base": 10800,
                                     "values": [{"category": "ja", "count": 1, "base": 10800, "share": 9.259259259259259e-05,
                                                 "share_text": "0,0 %", "asked": true},
                                                {"category": "nein", "count": 10799, "base": 10800, "share": 0.9999074074074074,
                                                 "asked": true},
                                                {"category": "x", "asked": false, "share": 0},
                                                {"category": "y", "asked": true, "share": 1},
                                                {"category": "z", "asked": true, "share": 1e-7},
                                                {"category": "w", "asked": true, "share": 1e16}]}]}],
             "tables": [{"number": 1, "id": "tab01", "kind": "themeSummary", "title": "t", "year": 2021,
                         "rows": [{"category": "ja", "II.share": "1", "I.share": "2", "I_x": "3", "_": "4", "ä": "5", "Z": "6"}, {}]},
                        {"number": 2, "id": "tab02", "kind": "freeText", "title": "t", "year": 2021, "rows": []}],
             "transitions": [{"item": "I.01", "from_year": 2020, "to_year": 2021, "from": "nein", "to": "ja", "count": 3}]}
            """#
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let json = try decoder.decode(ReportDataJSON.self, from: Data(source.utf8))
        let ours = String(decoding: json.encoded(), as: UTF8.self)
        let expected = String(decoding: try Self.oracle(json), as: UTF8.self)
        #expect(ours == expected)
        #expect(ours.contains(#""share" : 9.259259259259259e-05"#) && ours.contains("\"share\" : 0\n") && ours.contains("\"share\" : 1e+16"))
    }

    @Test func piecesJoinToTheWholeAndComeAsTheyAreMade() throws {
        let model = try ModelFixture.model()
        let json = ReportDataJSON(model)
        var pieces: [[UInt8]] = []
        json.write(chunk: 512) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 512 && $0.count < 512 * 4 })
        #expect(Data(pieces.joined()) == json.encoded())
    }
}
