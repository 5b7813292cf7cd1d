#!/usr/bin/env python3
"""Builds Tests/Fixtures/reader-corpus: small workbooks as different producers write them,
for the xlsx reader's cell-by-cell comparison with openpyxl (IngestTests/ReaderCorpusTests).

Producers: openpyxl, XlsxWriter (Python), LibreOffice (soffice, if installed), and
hand-made packages for what the tools here cannot produce but other producers write:
inline strings without a shared-string table (Numbers, many exporters), ISO date cells
(t="d", Google Sheets/openpyxl iso_dates), part names in another case than the
relationships say, and `_xHHHH_` escapes as Excel writes them. An encrypted
(password-protected) workbook is made with msoffcrypto-tool when it is installed.

Run from the repository root: python3 scripts/make-reader-corpus.py
The files are committed; the script documents how they were made.
"""
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

OUT = os.path.join("Tests", "Fixtures", "reader-corpus")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

ROWS = [
    ["Region", "Antwort", "Zahl", "Datum", "Text"],
    ["Altmarkkreis Salzwedel", "ja", 3, datetime.datetime(2021, 8, 15, 10, 30), "Zeile eins\r\nZeile zwei"],
    ["Harz", "nein", 2.5, datetime.datetime(2020, 2, 29), "Größe & <Maß> „Zitat“"],
    ["Dessau-Roßlau", "k. A.", -1, datetime.datetime(2019, 12, 31, 23, 59, 59), "Tab\tund _x000D_ wörtlich"],
    ["Halle (Saale)", True, 0, None, "=1+1"],
]


def openpyxl_book(path, iso_dates=False):
    import openpyxl
    book = openpyxl.Workbook()
    book.iso_dates = iso_dates
    sheet = book.active
    sheet.title = "Antworten"
    for row in ROWS:
        sheet.append(row)
    sheet["E5"].data_type = "s"  # text, not a formula
    book.properties.created = datetime.datetime(2024, 1, 1)
    book.properties.modified = datetime.datetime(2024, 1, 1)
    book.save(path)


def xlsxwriter_book(path):
    import xlsxwriter
    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False})
    book.set_properties({"created": datetime.datetime(2024, 1, 1)})
    sheet = book.add_worksheet("Antworten")
    date_format = book.add_format({"num_format": "dd.mm.yyyy hh:mm:ss"})
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(r, c, value, date_format)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()


def libreoffice_book(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("skipped libreoffice.xlsx: soffice is not installed", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "libreoffice.xlsx")
        openpyxl_book(source)
        # Round trip: LibreOffice reads openpyxl's file and writes its own xlsx.
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        "ods", "--outdir", os.path.join(tmp, "ods"), source], check=True, capture_output=True)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "xlsx"),
                        os.path.join(tmp, "ods", "libreoffice.ods")], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "xlsx", "libreoffice.xlsx"), path)


def package(path, parts):
    """Writes an xlsx package from {part name: xml text} with fixed timestamps."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Antworten" sheetId="1" r:id="rId1"/></sheets></workbook>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook_rels(strings_target=None):
    extra = ""
    if strings_target:
        extra = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 f'sharedStrings" Target="{strings_target}"/>')
    return ("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"""
            + extra + "</Relationships>")


def inline_strings_book(path):
    """Numbers and many exporters: inline strings, no shared-string table, ISO dates."""
    sheet = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet {NS}><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c><c r="B1" t="inlineStr"><is><t>Datum</t></is></c><c r="C1" t="inlineStr"><is><t>Text</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Harz</t></is></c><c r="B2" t="d"><v>2021-08-15T10:30:00</v></c><c r="C2" t="inlineStr"><is><r><t>fett</t></r><r><t xml:space="preserve"> und normal</t></r></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Mansfeld-Südharz</t></is></c><c r="B3" t="d"><v>2020-02-29</v></c><c r="C3" t="inlineStr"><is><t>Wagen_x000D_
Rücklauf</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>Salzlandkreis</t></is></c><c r="B4" t="d"><v>2019-12-31T23:59:59.000Z</v></c><c r="C4" t="inlineStr"><is><t>_x005F_x000D_ bleibt</t></is></c></row>
</sheetData></worksheet>"""
    package(path, {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
                   "xl/_rels/workbook.xml.rels": workbook_rels(), "xl/worksheets/sheet1.xml": sheet})


def case_mismatch_book(path):
    """The relationship names sharedStrings.xml; the part is xl/SharedStrings.xml (OPC part
    names are case-insensitive), and Excel's escapes stand in the shared strings."""
    strings = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst {NS} count="4" uniqueCount="4"><si><t>Region</t></si><si><t>Text</t></si><si><t>Börde</t></si>
<si><t>ABC_x000D_
DEF_x0009_GHI</t></si></sst>"""
    sheet = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet {NS}><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>
</sheetData></worksheet>"""
    package(path, {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
                   "xl/_rels/workbook.xml.rels": workbook_rels("sharedStrings.xml"),
                   "xl/SharedStrings.xml": strings, "xl/worksheets/sheet1.xml": sheet})


def encrypted_book(path):
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("skipped encrypted.xlsx: pip install msoffcrypto-tool", file=sys.stderr)
        return
    plain = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "plain.xlsx")
        xlsxwriter_book(source)
        with open(source, "rb") as f:
            plain.write(f.read())
    plain.seek(0)
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("geheim", encrypted)
    with open(path, "wb") as f:
        f.write(encrypted.getvalue())


def main():
    os.makedirs(OUT, exist_ok=True)
    openpyxl_book(os.path.join(OUT, "openpyxl.xlsx"))
    openpyxl_book(os.path.join(OUT, "openpyxl-iso-dates.xlsx"), iso_dates=True)
    xlsxwriter_book(os.path.join(OUT, "xlsxwriter.xlsx"))
    libreoffice_book(os.path.join(OUT, "libreoffice.xlsx"))
    inline_strings_book(os.path.join(OUT, "inline-strings.xlsx"))
    case_mismatch_book(os.path.join(OUT, "part-name-case.xlsx"))
    encrypted_book(os.path.join(OUT, "encrypted.xlsx"))
    print("wrote", ", ".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    main()
