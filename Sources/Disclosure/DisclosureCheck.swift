import Concurrency
import Diagnostics
import Foundation
import Normalise

/// Checks the published outputs before they are moved into place: no file may put a
/// unit's name or key beside one of that unit's answers, in any format, for any survey.
/// A template that prints a unit's answer, or a spec text or caption that names a unit
/// beside one, fails the run, and the previous outputs stay as they were. (A free-text
/// answer that names its own unit is published without the name: `OwnName`.) The
/// internal folder is not checked: it is where the answers belong.
package struct DisclosureCheck: Sendable {
    let mentions: UnitMentions

    /// `vocabulary`: the catalogue's own words (questions, titles, answer categories); a
    /// unit name among them is not taken for the unit.
    package init(answers: AnswerTable, vocabulary: [String] = []) {
        mentions = UnitMentions(answers: answers, vocabulary: vocabulary)
    }

    /// What the check found in one run.
    package struct Result: Sendable {
        package var leaks: [DisclosureLeak] = []
        /// Files the check could not read (a PDF without `pdftotext`), named in the log.
        package var unread: [String] = []
    }

    /// Checks `files` (relative to `folder`); every file is read, every leak reported.
    package func check(folder: URL, files: [String]) -> Result {
        var result = Result()
        for file in files.sorted() {
            let url = folder.appendingPathComponent(file)
            let records: [String]?
            do {
                // The usual case, a file that names no unit at all, takes one pass over its bytes.
                if let texts = try PublishedRecords.rawTexts(of: url),
                    !texts.contains(where: { UnitMentions.anyWord(of: $0, in: mentions.startHashes) })
                {
                    continue
                }
                records = try PublishedRecords.records(of: url)
            } catch {
                // A published file the check cannot read is not published unchecked.
                result.leaks.append(
                    DisclosureLeak(
                        file: file, record: 0, unit: "", answer: "",
                        unreadable: String(describing: error)))
                continue
            }
            guard let records else {
                result.unread.append(file)
                continue
            }
            result.leaks += leaks(in: records, file: file)
        }
        return result
    }
}

extension DisclosureCheck {
    /// The leaks among `records`; a long file (the JSON exports) in chunks on all cores,
    /// in record order whatever the scheduling.
    func leaks(in records: [String], file: String) -> [DisclosureLeak] {
        let chunk = 2_000
        let starts = Array(stride(from: 0, to: records.count, by: chunk))
        let mentions = self.mentions
        let found = ParallelMap.map(starts) { start in
            (start..<min(records.count, start + chunk)).compactMap { index -> DisclosureLeak? in
                mentions.leak(in: records[index]).map {
                    DisclosureLeak(file: file, record: index + 1, unit: $0.unit, answer: $0.answer, excerpt: String(records[index].prefix(160)))
                }
            }
        }
        return found.flatMap { $0 }
    }
}

/// A published file that names a unit beside its answer.
package struct DisclosureLeak: Sendable, Hashable, CustomStringConvertible {
    package let file: String
    /// The line, row or paragraph (1-based, in the order the check reads the file).
    package let record: Int
    package let unit: String
    package let answer: String
    package var excerpt = ""
    package var unreadable: String? = nil

    package var description: String {
        if let unreadable { return "\(file): the disclosure check cannot read it (\(unreadable))" }
        return "\(file), record \(record): names '\(unit)' beside its answer '\(answer)': \(excerpt)"
    }
}

/// The run stops: a published output would identify a unit's answers.
package struct DisclosureFailure: UserFacingError {
    package let leaks: [DisclosureLeak]

    package init(_ leaks: [DisclosureLeak]) { self.leaks = leaks }

    package var description: String {
        let shown = leaks.prefix(20).map { "  " + $0.description }.joined(separator: "\n")
        let more = leaks.count > 20 ? "\n  … and \(leaks.count - 20) more" : ""
        return "a published output names a unit beside its answers (\(leaks.count) place(s)); nothing was written:\n"
            + shown + more + "\nanswers of single units belong in the internal outputs (the folder 'intern/'); check the template, "
            + "the spec's texts and the figure captions"
    }

    package var exitStatus: ExitStatus { .outputFailed }
}
