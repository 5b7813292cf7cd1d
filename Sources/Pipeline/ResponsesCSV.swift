import Formatting
import Foundation
import Normalise

/// `responses.csv`: the tidy answers, one row per asked item and region (RFC 4180, UTF-8).
package enum ResponsesCSV {
    package static let file = "responses.csv"
    package static let header = ["wave", "year", "region_ags", "region", "item", "value"]

    /// The file's bytes. Regions, items and answer categories repeat on every row, so each
    /// distinct field is escaped once and then copied (a nationwide survey has millions of
    /// rows but only thousands of distinct fields).
    package static func render(_ answers: [TidyAnswer]) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(answers.count * 56 + 64)
        out += Array(TextEscaping.csvRecord(header).utf8)
        var escaped: [String: [UInt8]] = [:]
        func field(_ text: String, memo: Bool = true) {
            if memo, let known = escaped[text] {
                out += known
                return
            }
            let bytes = Array(TextEscaping.csvField(text, guardFormula: true).utf8)
            if memo { escaped[text] = bytes }
            out += bytes
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
            out += [0x0D, 0x0A]
        }
        return Data(out)
    }
}
