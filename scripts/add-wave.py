#!/usr/bin/env python3
"""Adds a next-year wave to a COPY of a data folder, as a new export would arrive.

The latest wave's file is copied under a new name and sheet; the catalogue gets a row in
Wellen and a column in Fragen with the latest wave's headers. Optionally one region's row is
left out (it did not take part) and some status answers move to another valid category,
drawn from a seeded generator, so the same arguments give the same wave.

With --quirks the new export also has what real exports bring and the catalogue does not
know yet: one status column's header renamed (as a tool exporting codes would), one answer
in a new spelling, and one free-text answer with digits and markup. `monitoring normalise`
then names each, with the catalogue cell to change, as the README's steps expect.

Used by the tests (NextWaveTests) and for trying the yearly cycle by hand:

    cp -r data /tmp/data-2022 && scripts/add-wave.py /tmp/data-2022 --drop-region Dessau-Roßlau --changes 25

Never run it on the hand-over folder itself: inputs are read as they are.
"""
import argparse
import datetime
import os
import random
import sys

import openpyxl


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="a copy of a data folder (catalogue at the top, waves/ below)")
    parser.add_argument("--year", type=int, help="the new wave's year (default: the latest wave's year + 1)")
    parser.add_argument("--drop-region", default=None, help="a region (name as in the wave file) that did not take part")
    parser.add_argument("--changes", type=int, default=0, help="status answers moved to another category")
    parser.add_argument("--quirks", action="store_true",
                        help="rename one status header, add one unknown spelling and one free-text answer with digits")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    catalogues = [f for f in os.listdir(args.folder) if f.lower().endswith(".xlsx") and not f.startswith("~$")]
    if len(catalogues) != 1:
        print(f"error: expected one catalogue workbook in {args.folder}, found {catalogues}", file=sys.stderr)
        return 1
    catalogue_path = os.path.join(args.folder, catalogues[0])
    book = openpyxl.load_workbook(catalogue_path)
    waves = book["Wellen"]
    header = [c.value for c in waves[1]]
    rows = [list(r) for r in waves.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    last = max(rows, key=lambda r: r[0])
    column = {name: i for i, name in enumerate(header)}
    number = last[column["Welle"]] + 1
    year = args.year or last[column["Jahr"]] + 1
    file_name = f"Monitoring {year} - Welle {number} - final.xlsx"
    sheet_name = f"Monitoring {year}"
    new_row = list(last)
    new_row[column["Welle"]] = number
    new_row[column["Jahr"]] = year
    new_row[column["Feldphase Beginn"]] = datetime.datetime(year, 8, 15)
    new_row[column["Feldphase Ende"]] = datetime.datetime(year, 10, 7)
    new_row[column["Datei"]] = file_name
    new_row[column["Tabellenblatt"]] = sheet_name
    waves.append(new_row)

    source = os.path.join(args.folder, "waves", last[column["Datei"]])
    target = os.path.join(args.folder, "waves", file_name)
    if os.path.exists(target):
        print(f"error: {target} exists already; start again from a fresh copy of the data folder", file=sys.stderr)
        return 1
    wave = openpyxl.load_workbook(source)
    sheet = wave[last[column["Tabellenblatt"]]]
    header_row = last[column["Kopfzeile"]]
    first_row = last[column["Erste Datenzeile"]]
    headers = {c.column: " ".join(str(c.value).split()) for c in sheet[header_row] if c.value is not None}
    region_column = next(col for col, text in headers.items() if text == " ".join(str(last[column["Regionsspalte"]]).split()))
    drop_row = None
    if args.drop_region:
        drop_row = next((r for r in range(first_row, sheet.max_row + 1)
                         if sheet.cell(row=r, column=region_column).value == args.drop_region), None)
        if drop_row is None:
            names = sorted(str(sheet.cell(row=r, column=region_column).value) for r in range(first_row, sheet.max_row + 1)
                           if sheet.cell(row=r, column=region_column).value)
            print(f"error: no row for region '{args.drop_region}' in {source}; the regions there: {', '.join(names)}"
                  + f" (the latest wave here is {last[column['Jahr']]}; if this script already added it, start again from a "
                  "fresh copy of the data folder)",
                  file=sys.stderr)
            return 1

    questions = book["Fragen"]
    q_header = [c.value for c in questions[1]]
    last_column = q_header.index(f"W{last[column['Welle']]} {last[column['Jahr']]}") + 1
    new_column = questions.max_column + 1
    questions.cell(row=1, column=new_column, value=f"W{number} {year}")
    statuses = {}
    free_texts = []
    options_col = q_header.index("Antwortoptionen")
    type_col = q_header.index("Typ")
    parent_col = q_header.index("Bezug")
    # Items that open a follow-up (named in Bezug): changing them would leave the follow-up
    # answers outside the filter, so the changes leave them alone.
    parents = {str(questions.cell(row=r, column=parent_col + 1).value).strip()
               for r in range(2, questions.max_row + 1) if questions.cell(row=r, column=parent_col + 1).value}
    for r in range(2, questions.max_row + 1):
        value = questions.cell(row=r, column=last_column).value
        questions.cell(row=r, column=new_column, value=value)
        kind = questions.cell(row=r, column=type_col + 1).value
        options = questions.cell(row=r, column=options_col + 1).value
        item_id = str(questions.cell(row=r, column=1).value).strip()
        if value and kind == "Status" and options and item_id not in parents:
            statuses[" ".join(str(value).split())] = [o.strip() for o in str(options).split("|")]
        if value and kind == "Freitext":
            free_texts.append(" ".join(str(value).split()))

    sheet.title = sheet_name
    if drop_row is not None:
        sheet.delete_rows(drop_row)
    generator = random.Random(args.seed)
    cells = [(r, col) for r in range(first_row, sheet.max_row + 1) if sheet.cell(row=r, column=region_column).value
             for col, text in headers.items() if text in statuses]
    for r, col in generator.sample(cells, min(args.changes, len(cells))):
        current = str(sheet.cell(row=r, column=col).value or "").strip()
        others = [o for o in statuses[headers[col]] if o != current]
        sheet.cell(row=r, column=col, value=generator.choice(others))
    quirks = []
    if args.quirks:
        rows = [r for r in range(first_row, sheet.max_row + 1) if sheet.cell(row=r, column=region_column).value]
        status_columns = sorted(col for col, text in headers.items() if text in statuses)
        free_columns = sorted(col for col, text in headers.items() if text in free_texts)
        if len(status_columns) < 2 or not free_columns or not rows:
            print("error: --quirks needs two status items and a free-text item in the latest wave", file=sys.stderr)
            return 1
        renamed = status_columns[-1]
        code = f"F{renamed}"
        quirks.append(f"header '{headers[renamed]}' renamed to '{code}' (column {openpyxl.utils.get_column_letter(renamed)}; "
                      "the catalogue does not know it)")
        sheet.cell(row=header_row, column=renamed, value=code)
        spelled = status_columns[0]
        spelling = statuses[headers[spelled]][0] + ", vollständig"
        sheet.cell(row=rows[0], column=spelled, value=spelling)
        quirks.append(f"answer '{spelling}' in {openpyxl.utils.get_column_letter(spelled)}{rows[0]} (a new spelling)")
        # In every free-text column of one row, so that whichever the report quotes has it.
        for free in free_columns:
            sheet.cell(row=rows[-1], column=free, value="Hotline 0391 567-0, 24 h erreichbar. 3 Träger <b>*neu*</b> seit " + str(year))
        quirks.append(f"free text with digits and markup in row {rows[-1]}, columns "
                      + ", ".join(openpyxl.utils.get_column_letter(c) for c in free_columns))
    book.save(catalogue_path)
    wave.save(target)
    print(f"added wave {number} ({year}): {file_name}, sheet '{sheet_name}'"
          + (f", without {args.drop_region}" if args.drop_region else "") + f", {args.changes} changed answers")
    for quirk in quirks:
        print(f"  quirk: {quirk}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
