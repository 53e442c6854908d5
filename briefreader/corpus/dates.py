"""Every way a source states its publication date, read into ISO 8601 (YYYY-MM-DD).

One place for all of them, so that each format reader asks the same
questions and the answers agree:

- text: bylines and date lines ("8 November 2021", "Nov. 8, 2021",
  "08.11.2021", "2021-11-08"), and wire datelines that leave the year out
  ("KABUL, Oct. 3 (Reuters) -"), completed from a year the page states;
- HTML: `<meta property="article:published_time">` and its many cousins,
  JSON-LD `datePublished`, `<time datetime>`;
- file metadata: PDF `CreationDate` ("D:20211108…"), DOCX core properties
  (a `datetime`), feed entries (a `time.struct_time`), e-mail `Date:`
  headers (RFC 2822), Telegram posts (ISO or Unix time).

A date is the calendar date the source wrote, in its own time zone: a
post stamped 23:30 in Kabul is dated that day, not the next day in UTC.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_tz
from typing import Any

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
#: The end of a year: a word's end, or a clock time glued to it as pages copied from a
#: browser give it ("October 3, 20214:12 PM").
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d\d))"
_DATE_PATTERNS = (
    # 2021-11-08, 2021/11/08, 2021.11.08: year first is never ambiguous; a time may
    # follow as ISO 8601 writes it ("2021-11-08T10:00:00Z").
    re.compile(
        r"\b(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?:\b|(?=T\d\d:?\d\d))"
    ),
    # 08.11.2021 and 08/11/2021: day first, as outside the US; dots are never US.
    re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)\b"),
    # "Oct. 3, 2021", "October 3rd, 2021", "OCTOBER 3 2021".
    re.compile(
        rf"\b(?P<mn>{_MONTH})\s(?P<d>\d{{1,2}}){_ORDINAL},?\s(?P<y>(?:19|20)\d\d){_YEAR_END}"
    ),
    # "3 Oct 2021", "3rd of October, 2021".
    re.compile(
        rf"\b(?P<d>\d{{1,2}}){_ORDINAL}(?:\sof)?\s(?P<mn>{_MONTH}),?\s(?P<y>(?:19|20)\d\d)"
        rf"{_YEAR_END}"
    ),
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)"


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


#: Arabic-Indic and Persian digits read as the ASCII digits they are.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def find_date(text: str) -> str:
    """The first date the text names, as ISO 8601, or ""."""
    text = text.translate(_DIGITS)
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        try:
            month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mn"].lower()[:3]]
            day, year = int(groups["d"]), int(groups["y"])
        except (KeyError, ValueError):
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


_LEADING_LABEL = re.compile(
    rf"^(?:(?:published|posted|updated|first published)(?: on)?:?\s*)?{_WEEKDAY}?", re.IGNORECASE
)


def leading_date(text: str, *, rest: int = 1000) -> str:
    """The date a line opens with ("Oct. 1, 2021 · 4 min read", "2021-10-03 — …"), or "".

    `rest`: at most this many words may follow the date ("3 October 2021:
    Taliban fighters attack the mosque" is a chronology's entry, not a date line).
    """
    if not any(c.isdigit() for c in text[:60]):
        return ""
    head = _LEADING_LABEL.sub("", text.strip().translate(_DIGITS), count=1)
    for pattern in _DATE_PATTERNS:
        match = pattern.match(head)
        if match and len(head[match.end() :].split()) <= rest:
            return find_date(match.group(0))
    return ""


#: "Tuesday, November 9", "Tue 9 Nov", "9 November": a day of a year the text leaves unsaid.
_DAY_OF_YEAR = (
    re.compile(rf"\b(?P<mn>{_MONTH})\s(?P<d>\d{{1,2}}){_ORDINAL}\b(?!\s*,?\s*(?:19|20)\d\d)"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}}){_ORDINAL}(?:\sof)?\s(?P<mn>{_MONTH})(?!\w|\s*,?\s*(?:19|20)\d\d)"
    ),
)


def day_of_year(text: str) -> str:
    """ "MM-DD" of a day the text names without its year ("Tuesday, November 9"); "": none."""
    text = text.translate(_DIGITS)
    for pattern in _DAY_OF_YEAR:
        if match := pattern.search(text):
            month = MONTHS.get(match.group("mn").lower().rstrip(".")[:3])
            day = int(match.group("d"))
            if month and 1 <= day <= 31:
                return f"{month:02d}-{day:02d}"
    return ""


def in_year_of(day: str, near: str) -> str:
    """`day` ("MM-DD") as the ISO date nearest before, or at most a week after, `near`.

    A morning brief sent on 2 January about "Friday, December 31" means the
    year before; one sent on 9 November about "Tuesday, November 9" that year.
    """
    if not day or not near[:4].isdigit():
        return ""
    year = int(near[:4])
    for candidate in (year, year - 1):
        found = _iso(candidate, int(day[:2]), int(day[3:]))
        if found and found <= _iso_plus_week(near):
            return found
    return ""


def _iso_plus_week(iso: str) -> str:
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=7)).isoformat()
    except ValueError:
        return iso


#: "KABUL, Oct. 3 (Reuters) -", "ISLAMABAD, March 3 (AP) —", "PESHAWAR, Pakistan, Jan 5 -".
_WIRE_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]{{1,40}}(?:/[A-Z][A-Z .'’-]{{1,40}})?,(?:\s*[A-Z][\w .'’-]{{1,30}},)?"
    rf"\s*(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*"
    r"(?:\([A-Za-z&.' ]{1,30}\)\s*)?[-–—]"
)


def dateline_date(paragraph: str, year: int | None = None) -> str:
    """The date of a wire dateline opening `paragraph`, its year taken from `year` if unstated."""
    match = _WIRE_DATELINE.match(paragraph)
    if not match:
        return ""
    month = MONTHS.get(match.group("mn").lower().rstrip(".")[:3])
    stated = match.group("y")
    if month is None or not (stated or year):
        return ""
    return _iso(int(stated) if stated else year or 0, month, int(match.group("d")))


_ISO_LIKE = re.compile(
    r"^\s*(?P<y>(?:19|20)\d\d)(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|(?P<m2>\d\d)(?P<d2>\d\d))(?:[T ]\d\d[:\d.]*(?:Z|[+-]\d\d:?\d\d)?)?\s*$"
)


def iso_date(value: object) -> str:
    """A date from an ISO 8601 stamp ("2021-11-08T10:00:00+04:30"), or from human text."""
    if not isinstance(value, str):
        return ""
    match = _ISO_LIKE.match(value)
    if match:
        month, day = match.group("m") or match.group("m2"), match.group("d") or match.group("d2")
        return _iso(int(match.group("y")), int(month), int(day))
    return find_date(value) if len(value) <= 80 else ""


_PDF_DATE = re.compile(r"^\s*(?:D:)?(?P<y>(?:19|20)\d\d)(?P<m>\d\d)?(?P<d>\d\d)?")


def pdf_date(value: object) -> str:
    """A PDF info-dictionary date ("D:20211108103000+05'00'")."""
    if not isinstance(value, str):
        return ""
    match = _PDF_DATE.match(value)
    if not match:
        return iso_date(value)
    return _iso(int(match.group("y")), int(match.group("m") or 1), int(match.group("d") or 1))


def datetime_date(value: object) -> str:
    """A date from a `datetime`/`date` (DOCX core properties), or ""."""
    if isinstance(value, datetime | date):
        return _iso(value.year, value.month, value.day)
    return ""


def struct_date(value: object) -> str:
    """A date from a `time.struct_time` (feedparser's `published_parsed`)."""
    if isinstance(value, time.struct_time):
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)
    return ""


def unix_date(value: object) -> str:
    """A date from seconds since 1970 (UTC), as numbers or digits."""
    try:
        seconds = int(str(value))
        return datetime.fromtimestamp(seconds, UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return ""


def rfc2822_date(value: object) -> str:
    """A date from an e-mail `Date:` header, in the sender's time zone."""
    if not isinstance(value, str):
        return ""
    parsed = parsedate_tz(value)
    if parsed is None:
        return iso_date(value)
    return _iso(parsed[0], parsed[1], parsed[2])


#: HTML <meta> names and properties that state a publication date, strongest first.
META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
)


def meta_date(metas: Mapping[str, str]) -> str:
    """The publication date among a page's `<meta>` values (keys lower-cased)."""
    for key in META_DATE_KEYS:
        if found := iso_date(metas.get(key, "")):
            return found
    return ""


def jsonld_date(scripts: Iterable[str]) -> str:
    """`datePublished` (else `dateCreated`) of the first JSON-LD item that states one."""
    created = ""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in _jsonld_items(data):
            if found := iso_date(item.get("datePublished")):
                return found
            created = created or iso_date(item.get("dateCreated"))
    return created


def _jsonld_items(data: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _jsonld_items(data[key], depth + 1)
