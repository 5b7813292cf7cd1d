#!/usr/bin/env python3
"""Writes Tests/Fixtures/bad-inputs/: one folder per broken input, each derived from the
hand-over data in data/ with exactly one defect.

A case folder mirrors the data folder: its files replace the originals (a copy of data/ is
taken first); `remove.txt` lists files to delete. The test (BadInputCorpusTests) runs the
pipeline on each and compares the errors with `expected.txt`.

usage: python3 scripts/make-bad-inputs.py      (needs openpyxl for the catalogue cases)
"""
import io
import os
import re
import shutil
import struct
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "bad-inputs")
W3 = "waves/Monitoring_W3_2019.xlsx"
CATALOGUE = "Fragenkatalog_RUEMSA_Monitoring.xlsx"


def read_parts(path):
    with zipfile.ZipFile(os.path.join(DATA, path)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def zip_parts(parts, stored=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buffer.getvalue()


def edit_part(path, part, edit):
    return zip_parts([(n, edit(d) if n == part else d) for n, d in read_parts(path)])


def case(name, files=None, remove=()):
    """Writes a case's files; its expected.txt (the reviewed messages) is kept."""
    folder = os.path.join(OUT, name)
    expected_path = os.path.join(folder, "expected.txt")
    expected = open(expected_path, "rb").read() if os.path.exists(expected_path) else b""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for rel, data in (files or {}).items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    if remove:
        with open(os.path.join(folder, "remove.txt"), "w") as fh:
            fh.write("\n".join(remove) + "\n")
    with open(expected_path, "wb") as fh:
        fh.write(expected)


def sheet_edit(pattern, replacement, count=1):
    def edit(data):
        text = data.decode("utf-8")
        new, n = re.subn(pattern, replacement, text, count=count)
        assert n == count, (pattern, n)
        return new.encode("utf-8")
    return edit


def patch_declared_size(zipdata, part, size):
    data = bytearray(zipdata)
    name = part.encode()
    i = 0
    while i < len(data) - 46:
        if data[i:i + 4] == b"PK\x03\x04" and data[i + 30:i + 30 + len(name)] == name:
            struct.pack_into("<I", data, i + 22, size)
        if data[i:i + 4] == b"PK\x01\x02" and data[i + 46:i + 46 + len(name)] == name:
            struct.pack_into("<I", data, i + 24, size)
        i += 1
    return bytes(data)


def catalogue_edit(edit):
    import openpyxl
    book = openpyxl.load_workbook(os.path.join(DATA, CATALOGUE))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    original = open(os.path.join(DATA, W3), "rb").read()
    sheet = "xl/worksheets/sheet1.xml"

    case("empty-file", {W3: b""})
    case("not-a-zip", {W3: b"Landkreis/kreisfreie Stadt;F01\nLK Harz;ja\n"})
    case("truncated-zip", {W3: original[: len(original) * 2 // 5]})
    # Re-zipped without data descriptors, so the central directory's size is the one readers use.
    case("zip-bomb-declared-size", {W3: patch_declared_size(zip_parts(read_parts(W3)), sheet, 0xFFFFFF00)})
    # 300 MB of spaces inside <sheetData>: a ~300 KB file that would inflate to 300 MB.
    bomb_sheet = b'<?xml version="1.0"?><worksheet><sheetData>' + b" " * 300_000_000 + b"</sheetData></worksheet>"
    case("zip-bomb-actual-size", {W3: zip_parts([(n, bomb_sheet if n == sheet else d) for n, d in read_parts(W3)])})
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + "]>")
    case("entity-expansion", {W3: edit_part(W3, sheet, lambda d: laughs.encode() + re.sub(rb"^<\?xml[^>]*\?>", b"", d))})
    xxe = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    case("external-entity", {W3: edit_part(W3, "xl/sharedStrings.xml",
                                           lambda d: xxe.encode() + re.sub(rb"^<\?xml[^>]*\?>", b"", d).replace(b"<t xml:space=\"preserve\">ja</t>", b"<t>&xxe;</t>", 1))})
    case("shared-string-out-of-range", {W3: edit_part(W3, sheet, sheet_edit(r'(<c r="C5"[^>]*t="s"><v>)\d+(</v>)', r"\g<1>99999\g<2>"))})
    case("cell-reference-out-of-range", {W3: edit_part(W3, sheet, sheet_edit(r'<c r="C5"', '<c r="XFZ5"'))})
    long_text = "a" * 32_000
    case("cell-32000-characters", {W3: edit_part(W3, sheet, sheet_edit(r'<c r="C5"[^>]*t="s"><v>\d+</v></c>',
                                                                      f'<c r="C5" t="inlineStr"><is><t>{long_text}</t></is></c>'))})
    case("cell-too-long", {W3: edit_part(W3, sheet, sheet_edit(r'<c r="C5"[^>]*t="s"><v>\d+</v></c>',
                                                              f'<c r="C5" t="inlineStr"><is><t>{"b" * 33_000}</t></is></c>'))})
    case("wrong-sheet-name", {W3: edit_part(W3, "xl/workbook.xml", lambda d: d.replace(b'name="Antworten"', b'name="Daten"'))})

    def header_row(book):
        for row in book["Wellen"].iter_rows(min_row=2):
            if row[0].value == 3:
                row[6].value, row[7].value = 2, 3
    case("header-row-missing", {CATALOGUE: catalogue_edit(header_row)})
    case("duplicated-header", {W3: edit_part(W3, sheet, sheet_edit(r'(<c r="D1"[^>]*t="s"><v>)\d+(</v>)', r"\g<1>2\g<2>"))})
    strings = dict(read_parts(W3))["xl/sharedStrings.xml"].decode()
    items = re.findall(r"<si><t[^>]*>(.*?)</t></si>", strings)
    harz = items.index("LK Harz")
    case("region-listed-twice", {W3: edit_part(W3, sheet, sheet_edit(r'(<c r="A14"[^>]*t="s"><v>)\d+(</v>)', rf"\g<1>{harz}\g<2>"))})
    case("unknown-region", {W3: edit_part(W3, sheet, sheet_edit(r'<c r="A14"[^>]*t="s"><v>\d+</v></c>',
                                                               '<c r="A14" t="inlineStr"><is><t>Magdeburg</t></is></c>'))})
    case("unknown-answer", {W3: edit_part(W3, sheet, sheet_edit(r'<c r="C8"[^>]*t="s"><v>\d+</v></c>',
                                                               '<c r="C8" t="inlineStr"><is><t>vielleicht</t></is></c>'))})

    def duplicate_id(book):
        for row in book["Fragen"].iter_rows(min_row=2):
            if row[0].value == "I.02":
                row[0].value = "I.01"
    case("catalogue-duplicate-id", {CATALOGUE: catalogue_edit(duplicate_id)})

    def dangling_bezug(book):
        for row in book["Fragen"].iter_rows(min_row=2):
            if row[0].value == "I.04.m":
                row[3].value = "I.99"
    case("catalogue-bezug-nowhere", {CATALOGUE: catalogue_edit(dangling_bezug)})
    case("wave-file-missing", remove=[W3])
    csv_w3 = "waves/Monitoring_W3_2019.csv"
    case("csv-broken-quote", {csv_w3: 'Landkreis/kreisfreie Stadt;F01\n"LK Harz;ja\n'.encode()}, remove=[W3])
    case("csv-not-utf8", {csv_w3: "Landkreis/kreisfreie Stadt;F01\nLK Börde;ja\n".encode("latin-1")}, remove=[W3])
    print("wrote", len(os.listdir(OUT)), "cases to", OUT)


if __name__ == "__main__":
    main()
