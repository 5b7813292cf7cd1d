#!/usr/bin/env python3
"""Builds reports/hausstil/reference.docx, the Word reference document of the house style.

It starts from pandoc's own reference document (so every style pandoc uses exists) and sets
the institute's choices: A4, Arial (LibreOffice shows the metric-equal Liberation Sans), 11 pt
body text, German as the document language, headings in the accent colour and caption styles
that match the HTML/PDF. The zip is written with fixed timestamps, so the file is
reproducible. Run it again after changing this script:

    python3 scripts/make-reference-docx.py
"""
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reports" / "hausstil" / "reference.docx"
FONT = "Arial"
ACCENT = "1F4E79"
# A4 with 2.5 cm top/left and 2 cm right/bottom margins (twentieths of a point): text width
# 16.5 cm, so the 16 cm figures sit at text width.
SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838" />'
           '<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0" />'
           '</w:sectPr>')


def fonts(xml: str) -> str:
    explicit = f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" />'
    return re.sub(r"<w:rFonts [^>]*/>", explicit, xml)


def styles(xml: str) -> str:
    xml = fonts(xml)
    xml = xml.replace('<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA" />',
                      '<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA" />')
    # Body text 11 pt (sizes are half-points), headings and title in the accent colour.
    xml = xml.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />\n        <w:lang',
                      '<w:sz w:val="22" />\n        <w:szCs w:val="22" />\n        <w:lang', 1)
    xml = re.sub(r'<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1"( w:themeShade="[0-9A-F]+")? />',
                 f'<w:color w:val="{ACCENT}" />', xml)
    # Titles left-aligned like the web page and the PDF.
    xml = xml.replace('<w:jc w:val="center" />', '<w:jc w:val="left" />')
    # The institute's assessments (pandoc custom-style "Einschätzung"), set apart as in the HTML.
    assessment = (
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Einschaetzung">'
        '<w:name w:val="Einschätzung" /><w:basedOn w:val="BodyText" /><w:qFormat />'
        '<w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="6B5A2E" /></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F7F3EA" /><w:ind w:left="284" w:right="284" /></w:pPr>'
        '</w:style>')
    # The contents start a page of their own, so title, subtitle, authors and date stand
    # alone on the first page, as on the PDF's title page.
    xml = re.sub(r'(<w:style w:type="paragraph" w:styleId="TOCHeading">.*?<w:pPr>)',
                 r'\1<w:pageBreakBefore />', xml, count=1, flags=re.S)
    return xml.replace("</w:styles>", assessment + "</w:styles>")


def main() -> int:
    reference = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                               check=True, capture_output=True).stdout
    source = zipfile.ZipFile(io.BytesIO(reference))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            data = source.read(name)
            if name == "word/styles.xml":
                data = styles(data.decode("utf-8")).encode("utf-8")
            elif name == "word/document.xml":
                data = data.decode("utf-8").replace("<w:sectPr />", SECTION).encode("utf-8")
            elif name in ("word/fontTable.xml", "word/theme/theme1.xml"):
                data = data.decode("utf-8").replace('typeface="Calibri"', f'typeface="{FONT}"') \
                    .replace('typeface="Cambria"', f'typeface="{FONT}"').encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(2022, 1, 31, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    OUT.write_bytes(out.getvalue())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
