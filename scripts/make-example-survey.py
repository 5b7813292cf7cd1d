#!/usr/bin/env python3
"""Writes the shipped example surveys: examples/kommunen-2023/data/ and (with --survey
landkreise) examples/landkreise-2024/data/.

A survey of another shape than RÜMSA, in the same hand-over format: 18 Kommunen (a feminine
unit) of an invented Landkreis, three waves (2021, 2022 as xlsx, 2023 as CSV without a sheet
name), a filter question answered "trifft zu" / "trifft nicht zu", statements on a
four-level agreement scale with "weiß nicht", a multiple choice behind the filter and a free
text. Regions and answers are invented; a fixed seed makes the files reproducible.

    python3 scripts/make-example-survey.py      # needs openpyxl
    python3 scripts/make-example-survey.py --survey landkreise

The Landkreise survey has what the RÜMSA data lack: 14 Landkreise (a masculine unit), a
status scale without ja/nein ("umgesetzt / teilweise umgesetzt / nicht umgesetzt"), a
five-level satisfaction scale with a true middle ("teils/teils") and "kann ich nicht
beurteilen", a filter chain in which a free text opens on two answers of the satisfaction
question that are not its first, one Landkreis that sat 2023 out, and one renamed in 2024.
"""
import argparse
import csv
import random
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent / "examples" / "kommunen-2023" / "data"
SEED = 2023
YEARS = [2021, 2022, 2023]
AGREE = ["stimme voll zu", "stimme eher zu", "stimme eher nicht zu", "stimme gar nicht zu", "weiß nicht"]
PLACES = ["Altenbach", "Birkenfeld", "Dornau", "Eichstedt", "Feldheim", "Grünhagen", "Hasselt", "Immenrode",
          "Kirchberg", "Lindau am See", "Mühlental", "Neudorf", "Oberwiesen", "Quellingen", "Rosenthal",
          "Sonnenberg", "Talheim", "Waldsee"]

# ID, theme, type, parent, short title, wording, options, opening answer, headers per wave (None = not asked)
ITEMS = [
    ("A.01", "A", "Status", "", "Kooperationsvereinbarung", "Es gibt eine schriftliche Kooperationsvereinbarung mit dem Jobcenter.",
     "trifft zu | trifft nicht zu", "", ["F1", "F1", "F1"]),
    ("A.01.t", "A", "Freitext", "A.01", "Inhalt der Vereinbarung", "Was regelt die Vereinbarung?", "", "", ["F1a", "F1a", "F1a"]),
    ("A.02", "A", "Skala", "", "Verlässliche Zusammenarbeit", "Die Zusammenarbeit mit dem Jobcenter ist verlässlich.",
     " | ".join(AGREE), "", ["F2", "F2", "F2"]),
    ("A.03", "A", "Skala", "", "Rechtzeitige Information", "Informationen werden rechtzeitig geteilt.",
     " | ".join(AGREE), "", ["F3", "F3", "F3"]),
    ("B.01", "B", "Skala", "", "Angebote erreichen die Zielgruppe", "Die Angebote erreichen die jungen Menschen, für die sie gedacht sind.",
     " | ".join(AGREE), "", ["F4", "F4", "F4"]),
    ("B.02", "B", "Mehrfachauswahl", "A.01", "Beteiligte Partner", "Wer ist an der Vereinbarung beteiligt?", "", "", [None, None, None]),
    ("B.02.m1", "B", "Option", "B.02", "Jugendamt", "", "", "", ["F5_1", "F5_1", "F5_1"]),
    ("B.02.m2", "B", "Option", "B.02", "Schulen", "", "", "", ["F5_2", "F5_2", "F5_2"]),
    ("B.02.m3", "B", "Option", "B.02", "Freie Träger", "", "", "", [None, "F5_3", "F5_3"]),
    ("B.03", "B", "Skala", "", "Digitale Angebote", "Es gibt ausreichend digitale Beratungsangebote.",
     " | ".join(AGREE), "", [None, "F6", "F6"]),
]


def questions_book(items, years) -> openpyxl.Workbook:
    """A catalogue workbook with its sheet Fragen filled (one column of headers per wave)."""
    book = openpyxl.Workbook()
    fragen = book.active
    fragen.title = "Fragen"
    fragen.append(["ID", "Themenbereich", "Typ", "Bezug", "Kurztitel", "Wortlaut", "Antwortoptionen", "Filterantwort"]
                  + [f"W{n + 1} {year}" for n, year in enumerate(years)])
    for item in items:
        fragen.append(list(item[:8]) + [h or "" for h in item[8]])
    return book


def catalogue(path: Path) -> None:
    book = questions_book(ITEMS, YEARS)
    wellen = book.create_sheet("Wellen")
    wellen.append(["Welle", "Jahr", "Feldphase Beginn", "Feldphase Ende", "Datei", "Tabellenblatt", "Kopfzeile",
                   "Erste Datenzeile", "Regionsspalte"])
    wellen.append([1, 2021, "01.03.2021", "31.03.2021", "Befragung_2021.xlsx", "Daten", 1, 2, "Kommune"])
    wellen.append([2, 2022, "01.03.2022", "31.03.2022", "Befragung_2022.xlsx", "Daten", 2, 3, "Gemeindeschlüssel"])
    wellen.append([3, 2023, "01.03.2023", "31.03.2023", "befragung_2023.csv", "", 1, 2, "Kommune"])
    regionen = book.create_sheet("Regionen")
    regionen.append(["AGS", "Name", "Typ", "Schreibweisen"])
    for n, place in enumerate(PLACES):
        regionen.append([f"0999{n + 1:04d}", place, "Kommune", place.upper() if n % 5 == 0 else ""])
    kategorien = book.create_sheet("Antwortkategorien")
    kategorien.append(["Typ", "Kategorie", "Schreibweisen"])
    for row in [("Status", "trifft zu", "trifft zu.; ja"), ("Status", "trifft nicht zu", "trifft nicht zu.; nein"),
                ("Status", "keine Angabe", "(leer); k.A.; -"),
                ("Skala", "stimme voll zu", "voll"), ("Skala", "stimme eher zu", "eher ja"),
                ("Skala", "stimme eher nicht zu", "eher nein"), ("Skala", "stimme gar nicht zu", "gar nicht"),
                ("Skala", "weiß nicht", "weiss nicht; w.n."),
                ("Option", "ausgewählt", "x; 1"), ("Option", "nicht ausgewählt", "(leer); 0")]:
        kategorien.append(list(row))
    hinweise = book.create_sheet("Hinweise")
    hinweise.append(["Beispielbefragung von 18 Kommunen eines erfundenen Landkreises, drei Wellen (2021–2023)."])
    hinweise.append(["Filter: Unterfragen zu A.01 nur, wenn A.01 mit „trifft zu“ beantwortet wurde."])
    book.save(path)


def answers(rng: random.Random, wave: int):
    """Rows of answers per Kommune for one wave (headers → text)."""
    rows = []
    for n, place in enumerate(PLACES):
        row = {}
        progress = wave / 3
        agreement = rng.random() < 0.2 + 0.5 * progress
        row["A.01"] = "trifft zu" if (n % 3 != 0 or wave == 3) and rng.random() < 0.5 + 0.3 * progress else "trifft nicht zu"
        if n == 17 and wave == 1:
            row["A.01"] = ""  # no answer
        opened = row["A.01"] == "trifft zu"
        row["A.01.t"] = rng.choice(["Fallkonferenzen", "Datenaustausch", "Gemeinsame Beratung; Datenaustausch"]) if opened else ""
        if not opened and n == 4:
            row["A.01.t"] = "Wir planen eine Vereinbarung"  # an answer outside the filter: noted, not counted
        for item in ("A.02", "A.03", "B.01", "B.03"):
            weights = [3, 4, 2, 1, 1] if agreement else [1, 2, 4, 3, 1]
            row[item] = rng.choices(AGREE, weights)[0]
            if rng.random() < 0.05:
                row[item] = ""
        for option, p in (("B.02.m1", 0.8), ("B.02.m2", 0.5), ("B.02.m3", 0.4)):
            row[option] = ("x" if rng.random() < p else "") if opened else ""
        rows.append((n, place, row))
    return rows


LK_ROOT = Path(__file__).resolve().parent.parent / "examples" / "landkreise-2024" / "data"
LK_YEARS = [2022, 2023, 2024]
STATUS = ["umgesetzt", "teilweise umgesetzt", "nicht umgesetzt"]
SATISFACTION = ["sehr zufrieden", "eher zufrieden", "teils/teils", "eher unzufrieden", "sehr unzufrieden",
                "kann ich nicht beurteilen"]
DISTRICTS = ["Altmarkkreis Nord", "Bördeland", "Elbtal", "Fläming", "Harzvorland", "Heideland", "Jerichow",
             "Kyffhäuser Süd", "Mansfelder Land", "Nordheide", "Saaletal", "Unstrut", "Wittenberg-Land", "Zeitz-Weißenfels"]
LK_ITEMS = [
    ("U.01", "U", "Status", "", "Jugendberufsagentur umgesetzt", "Ist eine Jugendberufsagentur eingerichtet?",
     " | ".join(STATUS), "", ["F1", "F1", "F1"]),
    ("U.02", "U", "Skala", "U.01", "Zufriedenheit mit der Jugendberufsagentur",
     "Wie zufrieden sind Sie mit der Zusammenarbeit in der Jugendberufsagentur?", " | ".join(SATISFACTION),
     "umgesetzt | teilweise umgesetzt", ["F2", "F2", "F2"]),
    ("U.03", "U", "Freitext", "U.02", "Gründe der Unzufriedenheit", "Was müsste sich ändern?", "",
     "eher unzufrieden | sehr unzufrieden", ["F3", "F3", "F3"]),
    ("U.04", "U", "Skala", "", "Zufriedenheit mit den Angeboten", "Wie zufrieden sind Sie mit den Angeboten für junge Menschen?",
     " | ".join(SATISFACTION), "", ["F4", "F4", "F4"]),
]


def landkreise() -> None:
    LK_ROOT.mkdir(parents=True, exist_ok=True)
    (LK_ROOT / "waves").mkdir(exist_ok=True)
    book = questions_book(LK_ITEMS, LK_YEARS)
    wellen = book.create_sheet("Wellen")
    wellen.append(["Welle", "Jahr", "Feldphase Beginn", "Feldphase Ende", "Datei", "Tabellenblatt", "Kopfzeile",
                   "Erste Datenzeile", "Regionsspalte"])
    for n, year in enumerate(LK_YEARS, start=1):
        wellen.append([n, year, f"01.05.{year}", f"30.06.{year}", f"Landkreise_{year}.xlsx", "Antworten", 1, 2, "Landkreis"])
    regionen = book.create_sheet("Regionen")
    regionen.append(["AGS", "Name", "Typ", "Schreibweisen"])
    for n, district in enumerate(DISTRICTS):
        # Nordheide is "Landkreis Nordheide" in the 2024 export: a spelling the catalogue knows.
        regionen.append([f"0998{n + 1:04d}", district, "Landkreis", "Landkreis Nordheide" if district == "Nordheide" else ""])
    kategorien = book.create_sheet("Antwortkategorien")
    kategorien.append(["Typ", "Kategorie", "Schreibweisen"])
    for category in STATUS:
        kategorien.append(["Status", category, ""])
    kategorien.append(["Status", "keine Angabe", "(leer); k.A."])
    for category in SATISFACTION:
        kategorien.append(["Skala", category, "teils, teils" if category == "teils/teils" else ""])
    kategorien.append(["Option", "ausgewählt", "x"])
    hinweise = book.create_sheet("Hinweise")
    hinweise.append(["Beispielbefragung von 14 erfundenen Landkreisen, drei Wellen (2022–2024)."])
    book.save(LK_ROOT / "Fragenkatalog_Landkreise.xlsx")
    rng = random.Random(2024)
    for wave, year in enumerate(LK_YEARS, start=1):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Antworten"
        sheet.append(["Landkreis"] + [item[8][wave - 1] for item in LK_ITEMS])
        for n, district in enumerate(DISTRICTS):
            if year == 2023 and district == "Heideland":
                continue  # sat this wave out
            progress = wave / 3
            status = rng.choices(STATUS, [1 + 3 * progress, 2, 3 - 2 * progress])[0]
            satisfaction = rng.choices(SATISFACTION, [2, 3, 2, 2, 1, 1])[0] if status in STATUS[:2] else ""
            reason = rng.choice(["Mehr gemeinsame Fallbesprechungen", "Klare Zuständigkeiten; Mehr Personal",
                                 "Datenaustausch vereinfachen"]) if satisfaction in ("eher unzufrieden", "sehr unzufrieden") else ""
            offers = rng.choices(SATISFACTION, [2, 4, 3, 2, 1, 1])[0] if rng.random() > 0.05 else ""
            name = "Landkreis Nordheide" if district == "Nordheide" and year == 2024 else district
            sheet.append([name, status, satisfaction or None, reason or None, offers or None])
        book.save(LK_ROOT / "waves" / f"Landkreise_{year}.xlsx")
    print(f"wrote {LK_ROOT}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--survey", choices=["kommunen", "landkreise"], default="kommunen")
    if parser.parse_args().survey == "landkreise":
        landkreise()
        return 0
    ROOT.mkdir(parents=True, exist_ok=True)
    (ROOT / "waves").mkdir(exist_ok=True)
    catalogue(ROOT / "Fragenkatalog_Kommunen.xlsx")
    rng = random.Random(SEED)
    for wave, year in enumerate(YEARS, start=1):
        headers = [(item[0], item[8][wave - 1]) for item in ITEMS if item[8][wave - 1]]
        rows = answers(rng, wave)
        if wave == 3:
            with open(ROOT / "waves" / "befragung_2023.csv", "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(["Kommune"] + [h for _, h in headers])
                for n, place, row in rows:
                    writer.writerow([place] + [row.get(item, "") for item, _ in headers])
            continue
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Daten"
        if wave == 2:
            sheet.append([f"Befragung der Kommunen {year}"])  # a title row above the header
        sheet.append(["Kommune" if wave == 1 else "Gemeindeschlüssel"] + [h for _, h in headers])
        for n, place, row in rows:
            region = place if wave == 1 else f"0999{n + 1:04d}"
            sheet.append([region] + [row.get(item, "") or None for item, _ in headers])
        book.save(ROOT / "waves" / f"Befragung_{year}.xlsx")
    print(f"wrote {ROOT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
