"""The UK lists: the proscribed organisations page and OFSI's consolidated list.

**Proscribed terrorist groups or organisations** (GOV.UK, Home Office). As a
web page, each organisation is a heading (`h3`, sometimes `h4`) under the
section headings, printed with its acronym or other name in brackets
("Harakat al-Muqawamah al-Islamiyyah (Hamas)"); the paragraphs under it
may add "also known as ..." names, which are taken too. The page's date is
its `govuk:updated-at` meta tag or its "Updated 26 November 2021" line. The
same list saved as text is read one organisation a line.

**OFSI consolidated list** (ConList.csv): a "Last Updated" line, a header
row ("Name 6", ..., "Group Type", "Alias Type", "Regime", ..., "Group ID"),
then one row per name. An entity's name is in "Name 6", its names share a
"Group ID", and the counter-terrorism regimes are read ("Counter-Terrorism
(International)", "Counter-Terrorism (Domestic)", "ISIL (Da'esh) and
Al-Qaida").
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

from briefreader.entities.lists import Designation, ListError, OfficialList, modified_date, unique

_PROSCRIBED = "UK proscribed terrorist organisations (Home Office)"
#: Headings that are sections of the page, not organisations.
_NOT_A_NAME = re.compile(
    r"proscri|criteria|offences?\b|aliases|contents|annex|footnote|related|explore|"
    r"help|cookies|support links|^updates|^documents|history|northern ireland|^print",
    re.IGNORECASE,
)
_ALSO_KNOWN = re.compile(
    r"(?:also known as|formerly known as|also operates? (?:as|under)|alternative names? "
    r"(?:for|of) [^:]{1,80}:|aliases (?:are|include):?)\s+(.+?)(?:\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_SPLIT_NAMES = re.compile(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+(?=[A-Z\"“'‘])")
_DATE_LINE = re.compile(r"(?:Last updated|Updated)\s+(\d{1,2} [A-Z][a-z]+ \d{4})")


def is_proscribed_page(head: str, path: Path) -> bool:
    lowered = head.lower()
    return "proscribed" in lowered or path.suffix.lower() in (".html", ".htm", ".txt")


def is_ofsi_csv(head: str) -> bool:
    return "Group ID" in head and "Name 6" in head


def read_proscribed(path: Path) -> OfficialList:
    try:
        raw = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        raise ListError(f"{path.name}: {error.strerror or error}") from error
    if "<" in raw and re.search(r"<(?:html|h[1-6]|body)\b", raw, re.IGNORECASE):
        designations, date = _from_html(raw)
    else:
        designations, date = _from_text(raw)
    if not designations:
        raise ListError(f"{path.name}: no organisation found in this page")
    return OfficialList(
        source="uk",
        title=_PROSCRIBED,
        read=date or modified_date(path),
        dated_by="the page's update date" if date else "the file's modification date",
        designations=tuple(designations),
    )


def _from_html(raw: str) -> tuple[list[Designation], str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "lxml")
    meta = soup.find("meta", attrs={"name": "govuk:updated-at"})
    date = str(meta.get("content", ""))[:10] if meta is not None else ""
    if not date:
        date = _date_from_text(soup.get_text(" "))
    designations: list[Designation] = []
    for heading in soup.find_all(["h3", "h4"]):
        name = " ".join(heading.get_text(" ").split())
        if not name or len(name) > 160 or _NOT_A_NAME.search(name):
            continue
        others: list[str] = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2", "h3", "h4"):
                break
            others.extend(_also_known(sibling.get_text(" ")))
        designations.append(Designation("", unique([name, *others])))
    return designations, date


def _from_text(raw: str) -> tuple[list[Designation], str]:
    designations = []
    for line in raw.splitlines():
        name = line.strip().lstrip("-*•·0123456789.) ").strip()
        if not name or len(name) > 160 or name.endswith((".", ":")) or _NOT_A_NAME.search(name):
            continue
        designations.append(Designation("", unique([name])))
    return designations, _date_from_text(raw)


def _also_known(paragraph: str) -> list[str]:
    names = []
    for found in _ALSO_KNOWN.finditer(" ".join(paragraph.split())):
        for part in _SPLIT_NAMES.split(found[1]):
            part = part.strip(" \"“”'‘’")
            if part and len(part) <= 120:
                names.append(part)
    return names


def _date_from_text(text: str) -> str:
    found = _DATE_LINE.search(text)
    if not found:
        return ""
    try:
        return datetime.strptime(found[1], "%d %B %Y").date().isoformat()
    except ValueError:
        return ""


_OFSI_REGIMES = re.compile(r"terroris|isil|al-qa", re.IGNORECASE)


def read_ofsi(path: Path) -> OfficialList:
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as error:
        raise ListError(f"{path.name}: {error.strerror or error}") from error
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next((i for i, row in enumerate(rows) if "Group ID" in row), None)
    if header_at is None:
        raise ListError(f"{path.name}: no header row with 'Group ID'")
    header = rows[header_at]
    column = {name: index for index, name in enumerate(header)}
    date = ""
    for row in rows[:header_at]:
        if row and row[0].strip().lower().startswith("last updated") and len(row) > 1:
            date = _uk_date(row[1])
    by_group: dict[str, list[str]] = {}
    for row in rows[header_at + 1 :]:
        if len(row) < len(header):
            continue
        if row[column["Group Type"]].strip().lower() != "entity":
            continue
        if not _OFSI_REGIMES.search(row[column.get("Regime", column["Group Type"])]):
            continue
        names = by_group.setdefault(row[column["Group ID"]].strip(), [])
        primary = row[column["Alias Type"]].strip().lower().startswith("primary name")
        name = row[column["Name 6"]].strip()
        names.insert(0, name) if primary else names.append(name)
        script = column.get("Name Non-Latin Script")
        if script is not None and row[script].strip():
            names.append(row[script].strip())
    designations = [Designation(group, unique(names)) for group, names in by_group.items()]
    return OfficialList(
        source="uk-ofsi",
        title="OFSI Consolidated List of Financial Sanctions Targets (UK)",
        read=date or modified_date(path),
        dated_by="the list's Last Updated line" if date else "the file's modification date",
        designations=tuple(d for d in designations if d.names),
    )


def _uk_date(value: str) -> str:
    found = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
    if not found:
        return ""
    day, month, year = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"
