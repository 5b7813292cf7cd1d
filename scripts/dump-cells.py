#!/usr/bin/env python3
"""Prints every non-empty cell of a workbook as JSON, read by python-calamine (Rust's
calamine), the reference reader for IngestTests/ReaderCorpusTests:
{"Sheet": [[row, column, kind, value], ...]} with 1-based row and column, kind one of
string, number, bool, date (ISO 8601, seconds precision) or error."""
import datetime
import json
import sys

from python_calamine import CalamineWorkbook


def cell(value):
    if isinstance(value, bool):
        return "bool", value
    if isinstance(value, (int, float)):
        return "number", float(value)
    if isinstance(value, datetime.datetime):
        return "date", value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return "date", value.isoformat()
    if isinstance(value, datetime.time):
        return "date", "1899-12-30T" + value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.timedelta):
        return "number", value.total_seconds() / 86400
    return "string", str(value)


def main(path):
    book = CalamineWorkbook.from_path(path)
    out = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells = []
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value == "" or value is None:
                    continue
                kind, shown = cell(value)
                cells.append([r, c, kind, shown])
        out[name] = cells
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
