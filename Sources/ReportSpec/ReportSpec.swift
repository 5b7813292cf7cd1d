import Diagnostics
import Formatting
import Foundation

/// What a report contains, read from `reports/<name>/bericht.yaml`. Everything about a
/// particular report (title, figures, tables, themes) lives in the spec, not in Swift.
package struct ReportSpec: Sendable {
    package enum FigureKind: String, Sendable, CaseIterable, Codable {
        /// Stacked bars of a categorical item (Status, Skala), one bar per wave.
        case status
        /// Grouped bars of a multiple-choice question's options, one bar per wave.
        case options
    }

    package struct Figure: Sendable {
        package let number: Int
        package let item: String
        package let kind: FigureKind
        /// Years to show; nil = every wave of the catalogue.
        package let years: [Int]?
        /// Caption; nil = the catalogue's wording of the item.
        package let caption: String?
        /// The spec line that defines it (for messages).
        package let line: Int
    }

    /// A table of the report (spec `tables`): what every kind has, and what its kind adds.
    package struct Table: Sendable {
        package enum Kind: Sendable {
            /// The options of a multiple-choice question in one wave, with the wave before.
            case options(item: String)
            /// Per theme, all status items of one wave pooled, with the change against the
            /// wave before.
            case themeSummary(themes: [String])
            /// Free-text answers of one wave, side by side, coded into distinct entries.
            case freeText(items: [String])
        }

        package let number: Int
        package let title: String
        package let kind: Kind
        /// The wave's year; nil = the latest.
        package let year: Int?
        /// Column headings given in the spec (free-text tables: one per item; an options
        /// table: the heading of its first column).
        package let headings: [String]
        /// The spec line that defines it (for messages).
        package let line: Int

        package init(number: Int, title: String, kind: Kind, year: Int?, headings: [String] = [], line: Int) {
            self.number = number
            self.title = title
            self.kind = kind
            self.year = year
            self.headings = headings
            self.line = line
        }
    }

    package let file: String
    package let title: String
    package let subtitle: String
    package let author: String
    package let institution: String
    /// Publication date, ISO `YYYY-MM-DD`.
    package let date: String
    /// The data folder, resolved against the spec's folder.
    package let dataFolder: URL
    package let dataNote: String
    /// Survey name for source lines: "Quelle: <source> 2017–2021, eigene Berechnung".
    package let source: String
    /// What one respondent is, plural ("Arbeitsbündnisse"), for "n = 13 Arbeitsbündnisse".
    package let unitPlural: String
    package let unitSingular: String
    /// The unit with its grammar (gender, dative plural) for counted phrases.
    package let unit: GermanNoun
    /// File name of the Excel annex.
    package let annexFile: String
    /// Theme codes → titles, in report order.
    package let themes: [(code: String, title: String)]
    package let figures: [Figure]
    package let tables: [Table]
    /// The formats a run writes (spec field `formats`, CLI `--formats`); nil: not given,
    /// all of them.
    package let formats: [OutputFormat]?
    /// The house style for the publication formats (HTML template, stylesheet, Word
    /// reference document), resolved against the spec's folder; nil = none given.
    package let style: URL?
    /// Template for the Markdown report, resolved against the spec's folder (nil: none).
    package let template: URL?
    /// Write a one-page profile per region (SVG, Markdown, a workbook sheet).
    package let profiles: Bool
    /// The answer scales (spec `scales`): categories in order with role, short label and
    /// colour. Without them, categories get Okabe–Ito colours in order.
    package let scales: [AnswerScale]
    /// The institute's own texts for the template (spec `texts`: name → text), such as the
    /// population note or the outlook: statements that do not come from the data.
    package let texts: [(name: String, text: String)]
    /// Figures an earlier publication stated (spec `revisions`), to be checked against the
    /// data; nil = none.
    package let published: (publication: String, rows: [PublishedValue])?
    /// Creation time for reproducible outputs (ISO date-time); `SOURCE_DATE_EPOCH` overrides it.
    package let created: String?
    /// At most this many answer rows on the annex's answers sheet (spec `annex_answer_rows`);
    /// nil = as many as one Excel sheet holds. More answers: the sheet points to the CSV.
    package var annexAnswerRows: Int? = nil
    /// The report covers the waves up to this year (spec `last_year`); later waves in the
    /// data folder are not read, so a report stays as it was when next year's wave arrives.
    /// nil = every wave the catalogue lists.
    package var lastYear: Int? = nil
    /// The institute's assessments in the template and the facts each was written against
    /// (spec `assessments`); see `AssessmentCheck`.
    package var assessments: [Assessment] = []
    /// Row labels when a table pools answers of several scales by role (spec `pooled`:
    /// role → label); a role without one is named by its categories ("trifft zu / stimme zu").
    package var pooledLabels: [AnswerScale.Role: String] = [:]
    /// The institute's coding of free-text answers into categories (spec `coding`).
    package var coding: FreeTextCoding = .none
    /// Abbreviations the report and the annex use, with their meaning (spec
    /// `abbreviations`: term → meaning), in spec order.
    package var abbreviations: [(term: String, meaning: String)] = []
    /// A short name for the unit in the plural (spec `unit_short`: "Bündnisse" for
    /// "Arbeitsbündnisse"), so that running text need not repeat the full name in every
    /// sentence; counts in the pattern "x der 13 …" keep the full name. nil: the unit.
    package var unitShort: String? = nil
    /// Who the outputs are for (spec `audiences`, default both): the published outputs hold
    /// aggregates only; the internal ones (folder `intern/`) what identifies units.
    package var audiences: Set<Audience> = [.published, .internal]
    /// Published counts below this many units are withheld (spec `min_cell_size`, as
    /// statistical offices do); nil = none withheld.
    package var minCellSize: Int? = nil
    /// What the units' key is called (spec `unit_key`: "Kreisschlüssel"), as the internal
    /// answers sheet heads its column.
    package var unitKey: String = "Schlüssel"

    /// The readers of an output.
    package enum Audience: String, Sendable, CaseIterable {
        /// Anyone: the report in all formats, the annex, the figures and their data.
        case published = "public"
        /// The institute and the ministry: the answers of each unit, the validation notes,
        /// the regional profiles.
        case `internal`
    }

    /// The row label for answers of `role` pooled over the scales named `scaleNames` (the
    /// item types pooled; all scales when none of them has one).
    package func pooledLabel(_ role: AnswerScale.Role, scaleNames: Set<String> = []) -> String {
        if let label = pooledLabels[role] { return label }
        let named = scales.filter { scaleNames.contains($0.name) }
        var labels: [String] = []
        for category in (named.isEmpty ? scales : named).flatMap(\.categories) where category.role == role && !labels.contains(category.label) {
            labels.append(category.label)
        }
        return labels.isEmpty ? role.rawValue : labels.joined(separator: " / ")
    }

    /// An assessment of the institute ("Der Rückgang dürfte mit der Pandemie zusammenhängen")
    /// holds for the data it was written against: the latest wave's year and, optionally, how
    /// an item's lead answer moved against the wave before.
    package struct Assessment: Sendable, Hashable {
        package enum Change: String, Sendable, CaseIterable {
            /// The lead answer rose, fell or stayed, over the units in both waves.
            case up, down, same
            /// The item's change was the largest of the theme items' changes.
            case largest
        }
        package let name: String
        package let year: Int
        package let item: String?
        package let change: Change?
        package let line: Int

        package init(name: String, year: Int, item: String?, change: Change?, line: Int) {
            self.name = name
            self.year = year
            self.item = item
            self.change = change
            self.line = line
        }
    }

    package func themeTitle(_ code: String) -> String { themes.first { $0.code == code }?.title ?? code }
}
