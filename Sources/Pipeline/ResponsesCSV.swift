import Formatting
import Foundation
import Normalise
import ReportSpec
import SystemInterface

/// `intern/responses.csv`: the tidy answers, one row per asked item and region (RFC 4180,
/// UTF-8). Internal: each row names a unit beside its answer.
package enum ResponsesCSV {
    package static let file = OutputLayout.responses
    package static let header = ["wave", "year", "region_ags", "region", "item", "value"]

    /// Streams the file to `out`. Every dictionary entry of the table (region, item, answer
    /// category, wave) is escaped once; a row is then copies of those bytes. Free text is
    /// mostly unique, so it is escaped where it stands and not kept.
    package static func write(_ answers: AnswerTable, to file: BufferedFileWriter) {
        func escaped(_ text: String) -> [UInt8] { Array(TextEscaping.csvField(text, guardFormula: true).utf8) }
        let waves = answers.waves.map { Array("\($0.number),\($0.year),".utf8) }
        let regions = answers.regions.map { escaped($0.ags) + [UInt8(ascii: ",")] + escaped($0.name) + [UInt8(ascii: ",")] }
        let items = answers.items.map { escaped($0) + [UInt8(ascii: ",")] }
        let values = answers.values.indices.map { answers.valueIsFreeText[$0] ? [] : escaped(answers.values[$0]) }
        // Rows collect in a local buffer, handed over per megabyte.
        var out = [UInt8]()
        out.reserveCapacity(1 << 20 + 4096)
        out.append(contentsOf: TextEscaping.csvRecord(header).utf8)
        for i in answers.indices {
            out.append(contentsOf: waves[Int(answers.waveCodes[i])])
            out.append(contentsOf: regions[Int(answers.regionCodes[i])])
            out.append(contentsOf: items[Int(answers.itemCodes[i])])
            let value = Int(answers.valueCodes[i])
            if answers.valueIsFreeText[value] {
                out.append(contentsOf: escaped(answers.values[value]))
            } else {
                out.append(contentsOf: values[value])
            }
            out.append(0x0D)
            out.append(0x0A)
            if out.count >= 1 << 20 {
                file.append(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        file.append(contentsOf: out)
    }
}
