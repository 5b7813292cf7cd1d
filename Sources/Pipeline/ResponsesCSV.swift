import Formatting
import Normalise

/// `responses.csv`: the tidy answers, one row per asked item and region (RFC 4180, UTF-8).
package enum ResponsesCSV {
    package static let file = "responses.csv"
    package static let header = ["wave", "year", "region_ags", "region", "item", "value"]

    package static func render(_ answers: [TidyAnswer]) -> String {
        var out = TextEscaping.csvRecord(header)
        out.reserveCapacity(answers.count * 48)
        for answer in answers {
            out += TextEscaping.csvRecord([String(answer.wave), String(answer.year), answer.regionAGS, answer.region,
                                           answer.item, answer.value], guardFormula: true)
        }
        return out
    }
}
