import Concurrency
import Formatting
import Foundation
import Normalise

/// `responses.csv`: the tidy answers, one row per asked item and region (RFC 4180, UTF-8).
package enum ResponsesCSV {
    package static let file = "responses.csv"
    package static let header = ["wave", "year", "region_ags", "region", "item", "value"]

    /// Streams the file to `out`. Regions, items and answer categories repeat on every row,
    /// so each distinct field is escaped once and then copied (a nationwide survey has
    /// millions of rows but only thousands of distinct fields).
    package static func write(_ answers: [TidyAnswer], to file: BufferedFileWriter) {
        // Rows collect in a local buffer (appends inlined here), handed over per megabyte.
        var out = [UInt8]()
        out.reserveCapacity(1 << 20 + 4096)
        out.append(contentsOf: TextEscaping.csvRecord(header).utf8)
        var escaped: [String: [UInt8]] = [:]
        func field(_ text: String, memo: Bool = true) {
            if memo, let known = escaped[text] {
                out.append(contentsOf: known)
                return
            }
            let bytes = Array(TextEscaping.csvField(text, guardFormula: true).utf8)
            if memo { escaped[text] = bytes }
            out.append(contentsOf: bytes)
        }
        for answer in answers {
            out.append(contentsOf: String(answer.wave).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: String(answer.year).utf8)
            out.append(UInt8(ascii: ","))
            field(answer.regionAGS)
            out.append(UInt8(ascii: ","))
            field(answer.region)
            out.append(UInt8(ascii: ","))
            field(answer.item)
            out.append(UInt8(ascii: ","))
            // Free text is mostly unique: escaped each time, not kept.
            field(answer.value, memo: !answer.isFreeText)
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
