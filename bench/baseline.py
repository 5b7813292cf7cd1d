#!/usr/bin/env python3
"""The same job in the Python stack an analyst would reach for, as the benchmark baseline.

pandas with python-calamine reads the catalogue and the waves; the answers are normalised
(headers to item IDs, regions by name/alias/AGS, answer spellings, filter logic), the
figures' series aggregated, every figure drawn as SVG with matplotlib, the annex written
with XlsxWriter (a sheet and a native chart per figure, the tidy answers) and the report
text rendered with Jinja2.

usage: baseline.py full SPEC DATA OUT     the whole job, prints JSON timings
       baseline.py ingest DATA            read every wave and the catalogue into memory
"""
import json
import os
import resource
import sys
import time

T0 = time.perf_counter()
import pandas as pd  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

IMPORTS = time.perf_counter() - T0


def fold(text):
    return " ".join(str(text).split()).lower()


def cell_text(value):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_catalogue(data):
    path = next(os.path.join(data, f) for f in sorted(os.listdir(data)) if f.endswith(".xlsx"))
    sheets = pd.read_excel(path, sheet_name=None, engine="calamine", dtype=object)
    return sheets


def ingest(data):
    """python-calamine reading every sheet of every file into Python lists."""
    cells = 0
    paths = [os.path.join(data, f) for f in sorted(os.listdir(data)) if f.endswith(".xlsx")]
    paths += [os.path.join(data, "waves", f) for f in sorted(os.listdir(os.path.join(data, "waves")))]
    for path in paths:
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python()
            cells += sum(len(r) for r in rows)
    return cells


def normalise(data, sheets):
    items = sheets["Fragen"]
    waves = sheets["Wellen"]
    regions = sheets["Regionen"]
    categories = sheets["Antwortkategorien"]
    region_of = {}
    for _, r in regions.iterrows():
        ags = cell_text(r["AGS"])
        for key in [ags, r["Name"]] + str(r["Schreibweisen"] or "").split(";"):
            if cell_text(key):
                region_of[fold(key)] = (ags, r["Name"])
    spelling = {}
    empty = {}
    for _, c in categories.iterrows():
        for s in [c["Kategorie"]] + str(c["Schreibweisen"]).split(";"):
            s = s.strip()
            if s == "(leer)":
                empty.setdefault(c["Typ"], c["Kategorie"])
            elif s:
                spelling[(c["Typ"], fold(s))] = c["Kategorie"]
    missing = empty.get("Status", "keine Angabe")
    item_rows = items.to_dict("records")
    by_id = {i["ID"]: i for i in item_rows}
    wave_columns = [c for c in items.columns if str(c).startswith("W")]
    answers = []
    for _, w in waves.iterrows():
        number = int(w["Welle"])
        column = next(c for c in wave_columns if str(c).split()[0] == f"W{number}")
        path = os.path.join(data, "waves", w["Datei"])
        frame = pd.read_excel(path, sheet_name=w["Tabellenblatt"], header=int(w["Kopfzeile"]) - 1,
                              engine="calamine", dtype=object)
        frame = frame.iloc[int(w["Erste Datenzeile"]) - int(w["Kopfzeile"]) - 1:]
        headers = {fold(h): h for h in frame.columns}
        asked = [i for i in item_rows if isinstance(i.get(column), str) and i["Typ"] != "Mehrfachauswahl"]
        region_column = headers[fold(w["Regionsspalte"])]
        for _, row in frame.iterrows():
            key = fold(cell_text(row[region_column]))
            if not key:
                continue
            ags, name = region_of[key]
            given = {}
            for item in asked:
                raw = cell_text(row[headers[fold(item[column])]])
                kind = item["Typ"]
                table = {"Status": "Status", "Option": "Option", "Skala": "Skala"}.get(kind)
                if table:
                    value = empty.get(table, missing) if raw == "" else spelling.get((table, fold(raw)),
                                                                                    spelling.get(("Status", fold(raw))))
                    if value is None:
                        raise ValueError(f"{path}: unknown answer {raw!r} for {item['ID']}")
                else:
                    value = raw or missing
                given[item["ID"]] = value
                gate = item.get("Bezug")
                if isinstance(gate, str) and by_id[gate]["Typ"] == "Mehrfachauswahl":
                    gate = by_id[gate].get("Bezug")
                if isinstance(gate, str) and isinstance(by_id[gate].get(column), str) and given.get(gate) != "ja":
                    continue
                answers.append((number, int(w["Jahr"]), ags, name, item["ID"], value))
    return pd.DataFrame(answers, columns=["wave", "year", "ags", "region", "item", "value"]), items


def aggregate(answers, items, spec):
    counts = answers.groupby(["item", "year", "value"]).size()
    bases = answers.groupby(["item", "year"]).size()
    figures = []
    for figure in spec["figures"]:
        item = figure["item"]
        if figure["kind"] == "status":
            series = {y: {c: int(counts.get((item, y, c), 0)) for c in ["ja", "in Erarbeitung", "nein", "keine Angabe"]}
                      for y in sorted(answers["year"].unique())}
        else:
            options = items[items["Bezug"] == item]
            series = {y: {o["Kurztitel"]: int(counts.get((o["ID"], y, "ausgewählt"), 0)) for _, o in options.iterrows()}
                      for y in sorted(answers["year"].unique())}
        figures.append({"number": figure["number"], "item": item, "series": series,
                        "base": {y: int(bases.get((item, y), 0)) for y in series}})
    return figures


def render_svgs(figures, out):
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    colours = ["#009E73", "#E69F00", "#D55E00", "#BBBBBB", "#0072B2"]
    os.makedirs(os.path.join(out, "abbildungen"), exist_ok=True)
    for f in figures:
        years = list(f["series"])
        cats = list(next(iter(f["series"].values())))
        fig, ax = plt.subplots(figsize=(6.3, 2.4))
        left = [0] * len(years)
        for i, c in enumerate(cats):
            values = [f["series"][y][c] for y in years]
            ax.barh([str(y) for y in years], values, left=left, color=colours[i % len(colours)], label=c)
            for k, v in enumerate(values):
                if v:
                    ax.text(left[k] + v / 2, k, str(v), ha="center", va="center", fontsize=8)
            left = [a + b for a, b in zip(left, values)]
        ax.invert_yaxis()
        ax.set_xlabel("Anzahl Arbeitsbündnisse")
        ax.legend(fontsize=8, ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0))
        fig.savefig(os.path.join(out, "abbildungen", f"abb{f['number']:02d}.svg"), bbox_inches="tight")
        plt.close(fig)


def write_annex(figures, answers, out):
    import xlsxwriter
    book = xlsxwriter.Workbook(os.path.join(out, "Anhang.xlsx"))
    pct = book.add_format({"num_format": "0.0%"})
    for f in figures:
        sheet = book.add_worksheet(f"Abb{f['number']:02d}")
        years = list(f["series"])
        cats = list(next(iter(f["series"].values())))
        sheet.write_row(0, 0, ["Jahr", "n"] + cats)
        for r, y in enumerate(years, start=1):
            sheet.write_row(r, 0, [y, f["base"][y]] + [f["series"][y][c] for c in cats])
            for c, cat in enumerate(cats):
                if f["base"][y]:
                    sheet.write(r, 2 + len(cats) + c, f["series"][y][cat] / f["base"][y], pct)
        chart = book.add_chart({"type": "bar", "subtype": "stacked"})
        for c, cat in enumerate(cats):
            chart.add_series({"name": cat, "categories": [sheet.name, 1, 0, len(years), 0],
                              "values": [sheet.name, 1, 2 + c, len(years), 2 + c], "data_labels": {"value": True}})
        sheet.insert_chart(len(years) + 3, 0, chart)
    data = book.add_worksheet("Antworten")
    data.write_row(0, 0, list(answers.columns))
    for r, row in enumerate(answers.itertuples(index=False), start=1):
        data.write_row(r, 0, [str(v) if isinstance(v, str) else v for v in row])
    book.close()


def render_report(figures, spec, out):
    from jinja2 import Template
    template = Template("""# {{ spec.title }}
{% for f in figures %}
## Abbildung {{ f.number }}
{% set last = f.series|list|last %}Im Jahr {{ last }}: {% for c, v in f.series[last].items() %}{{ c }} {{ v }}{% if not loop.last %}, {% endif %}{% endfor %}.

![Abbildung {{ f.number }}](abbildungen/abb{{ '%02d' % f.number }}.svg)
{% endfor %}""")
    with open(os.path.join(out, "Bericht.md"), "w", encoding="utf-8") as fh:
        fh.write(template.render(spec=spec, figures=figures))


def main():
    mode = sys.argv[1]
    stages = {"imports": IMPORTS}
    start = time.perf_counter()
    if mode == "ingest":
        cells = ingest(sys.argv[2])
        stages["ingest"] = time.perf_counter() - start
        result = {"cells": cells}
    else:
        import yaml
        spec_path, data, out = sys.argv[2], sys.argv[3], sys.argv[4]
        os.makedirs(out, exist_ok=True)
        with open(spec_path, encoding="utf-8") as fh:
            spec = yaml.safe_load(fh)
        sheets = read_catalogue(data)
        answers, items = normalise(data, sheets)
        stages["ingest + normalise"] = time.perf_counter() - start
        t = time.perf_counter()
        figures = aggregate(answers, items, spec)
        stages["aggregate"] = time.perf_counter() - t
        t = time.perf_counter()
        render_svgs(figures, out)
        stages["render SVG figures"] = time.perf_counter() - t
        t = time.perf_counter()
        write_annex(figures, answers, out)
        stages["write annex"] = time.perf_counter() - t
        t = time.perf_counter()
        answers.to_csv(os.path.join(out, "responses.csv"), index=False)
        render_report(figures, spec, out)
        stages["write report + CSV"] = time.perf_counter() - t
        result = {"answers": len(answers)}
    result["stages"] = stages
    result["total"] = time.perf_counter() - T0
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
