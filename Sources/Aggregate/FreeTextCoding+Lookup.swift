import Normalise
import ReportSpec

extension FreeTextCoding {
    /// The categories of `answer` to `item`, in table order; empty when the table does not
    /// list it.
    package func categories(of answer: String, item: String) -> [String] {
        let key = answer.folded
        var result: [String] = []
        for rule in rules where (rule.item == item || rule.item == "*") && rule.answer.folded == key && !result.contains(rule.category) {
            result.append(rule.category)
        }
        return result
    }

    /// The answers and pieces the table lists for `item`: they stand alone when a comma
    /// list is split.
    package func answers(item: String) -> [String] {
        rules.filter { $0.item == item || $0.item == "*" }.map(\.answer)
    }
}
