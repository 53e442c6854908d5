"""OFAC's Specially Designated Nationals list: sdn.csv + alt.csv, or the SDN XML.

`sdn.csv` has no header: entry number, name, type ("-0-" for an entity,
"individual", "vessel", "aircraft"), programs ("SDGT] [FTO"), then fields
this reader ignores; "-0-" stands for an empty field. `alt.csv` gives the
other names: entry number, alias number, type (aka, fka, nka), name. The CSV
files carry no date, so a copy is dated by its modification date.

The XML (`sdnList`, in any namespace) has a `Publish_Date` (MM/DD/YYYY) and
one `sdnEntry` per entry: `uid`, `lastName` (an entity's name), `sdnType`,
`programList/program`, `akaList/aka/lastName`.

Only entities of the programs in `PROGRAMS` are read: the Foreign Terrorist
Organizations.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path

from briefreader.entities.lists import Designation, ListError, OfficialList, modified_date, unique

PROGRAMS = frozenset({"FTO"})
_TITLE = "OFAC Specially Designated Nationals list"
_EMPTY = "-0-"


def is_sdn_csv(head: str) -> bool:
    first = head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""
    fields = next(csv.reader([first]), [])
    return len(fields) >= 4 and fields[0].strip().isdigit() and _EMPTY in first


def is_sdn_xml(head: str) -> bool:
    return "<sdnList" in head


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError as error:
        raise ListError(f"{path.name}: {error.strerror or error}") from error
    return [row for row in csv.reader(io.StringIO(text)) if row and any(f.strip() for f in row)]


def _field(row: list[str], index: int) -> str:
    value = row[index].strip() if index < len(row) else ""
    return "" if value == _EMPTY else value


def _programs(value: str) -> set[str]:
    return {p.strip(" []") for p in re.split(r"\]\s*\[", value) if p.strip(" []")}


def read_csv(files: Sequence[Path]) -> OfficialList:
    """sdn.csv and alt.csv, in either order (told apart by their columns)."""
    tables = [_rows(path) for path in files]
    sdn: list[list[str]] | None = None
    alt: list[list[str]] = []
    for path, rows in zip(files, tables, strict=True):
        if rows and len(rows[0]) >= 4 and _field(rows[0], 2).lower() in ("aka", "fka", "nka"):
            alt = rows
        elif sdn is None:
            sdn = rows
        else:
            raise ListError(f"{path.name}: two sdn.csv files and no alt.csv")
    if sdn is None:
        raise ListError("no sdn.csv among the files")
    aliases: dict[str, list[str]] = {}
    for row in alt:
        aliases.setdefault(_field(row, 0), []).append(_field(row, 3))
    designations = []
    for row in sdn:
        number, name, kind = _field(row, 0), _field(row, 1), _field(row, 2)
        if kind or not _programs(_field(row, 3)) & PROGRAMS:
            continue  # an individual, a vessel or an aircraft, or another program
        designations.append(Designation(number, unique([name, *aliases.get(number, [])])))
    dated = max(files, key=lambda p: p.stat().st_mtime)
    return OfficialList(
        source="ofac",
        title=_TITLE,
        read=modified_date(dated),
        dated_by="the files' modification date (the CSV files carry none)",
        designations=tuple(designations),
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _child_text(element: ElementTree.Element, name: str) -> str:
    found = _child(element, name)
    return (found.text or "").strip() if found is not None else ""


def read_xml(path: Path) -> OfficialList:
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise ListError(f"{path.name}: not readable XML ({error})") from error
    designations = []
    published = ""
    for element in root.iter():
        name = _local(element.tag)
        if name == "Publish_Date":
            published = (element.text or "").strip()
        if name != "sdnEntry" or _child_text(element, "sdnType").lower() != "entity":
            continue
        programs = _child(element, "programList")
        listed = {(p.text or "").strip() for p in programs} if programs is not None else set()
        if not listed & PROGRAMS:
            continue
        names = [_child_text(element, "lastName")]
        akas = _child(element, "akaList")
        for aka in akas if akas is not None else ():
            names.append(_child_text(aka, "lastName"))
        designations.append(Designation(_child_text(element, "uid"), unique(names)))
    date = _iso(published)
    return OfficialList(
        source="ofac",
        title=_TITLE,
        read=date or modified_date(path),
        dated_by="the list's Publish_Date" if date else "the file's modification date",
        designations=tuple(designations),
    )


def _iso(us_date: str) -> str:
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", us_date)
    if not found:
        return ""
    month, day, year = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"
