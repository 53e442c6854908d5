"""The one citation formatter: what every renderer prints under a quote and in Sources.

It deals in plain text, never markup: the PDF, DOCX and Markdown renderers
each set these parts in their own way (and escape them their own way). So
the three formats always cite alike.

Sources are numbered by first appearance, one number per story: versions of
one story (a reprint, an update) cited by different excerpts share an entry
that lists them as versions. Nothing here ever prints a document id or a
local path; `Citation` carries neither a path nor anything meant for print
that could hold one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefreader.export.model import Briefing, BriefingExcerpt, Citation, SourceVersion

#: The Admiralty codes' meanings, for the legend (kept here: the export cannot
#: depend on how the store keeps grades, only on the letters and digits).
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
NOT_GRADED = "–"
GRADE_LEGEND = (
    "Grades (Admiralty code): the source's reliability A (completely reliable) to E "
    "(unreliable), F cannot be judged; the information's credibility 1 (confirmed by other "
    "sources) to 5 (improbable), 6 cannot be judged; – not graded."
)


def format_date(value: str) -> str:
    """ "2024-03-12" -> "12 March 2024"; anything else is returned as written."""
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    return f"{date.day} {date:%B %Y}"


def short_date(value: str) -> str:
    """ "2024-03-12" -> "12 Mar 2024", for the line under a quote."""
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    return f"{date.day} {date:%b %Y}"


def date_range(values: Iterable[str]) -> str:
    """The span of ISO dates in words: "3 August – 8 November 2021"; "" if none is a date."""
    days = sorted(d for d in (_day(v) for v in values) if d is not None)
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return format_date(first.isoformat())
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {last:%B %Y}"
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{format_date(first.isoformat())} – {format_date(last.isoformat())}"


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def grade_code(reliability: str, credibility: int | None) -> str:
    """ "B2"; "B–" or "–2" when half graded; "" when neither is."""
    letter = reliability.strip().upper()
    if not letter and credibility is None:
        return ""
    return f"{letter or NOT_GRADED}{credibility if credibility is not None else NOT_GRADED}"


def excerpt_grade(excerpt: BriefingExcerpt) -> str:
    reliability = excerpt.citation.reliability if excerpt.citation else ""
    return grade_code(reliability, excerpt.credibility)


def place(citation: Citation) -> str:
    """Where in the source: "p. 12" for a paged source, else "¶ 7"; "" if unknown."""
    if citation.page is not None:
        return f"p. {citation.page}"
    if citation.paragraph is not None:
        return f"¶ {citation.paragraph}"
    return ""


def short_citation(
    citation: Citation, credibility: int | None = None, *, with_grade: bool = True
) -> list[str]:
    """The parts of the line under a quote: who, when, where, grade (number added by caller).

    Who is the publisher; failing that the author; failing that the title.
    """
    who = citation.publisher.strip() or citation.author.strip() or (citation.title or "Untitled")
    parts = [" ".join(who.split())]
    parts.append(short_date(citation.date) if citation.date.strip() else "undated")
    if where := place(citation):
        parts.append(where)
    if with_grade and (grade := grade_code(citation.reliability, credibility)):
        parts.append(grade)
    return parts


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One numbered entry of the Sources list, as plain text fields."""

    number: int
    author: str
    title: str
    publisher: str
    date: str  # formatted ("8 November 2021"), or "undated"
    url: str
    reliability: str  # "B (usually reliable)" or ""
    versions: tuple[SourceVersion, ...]  # other versions of the story
    cited_by: tuple[int, ...]  # excerpt numbers


def source_key(citation: Citation) -> str:
    """Versions of one story share a key; a document outside any story is its own."""
    return f"story:{citation.story}" if citation.story else f"doc:{citation.document_id}"


@dataclass
class SourceList:
    """Source key -> number, the citations behind each entry, and the excerpts citing it."""

    numbers: dict[str, int] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    cited_by: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, briefing: Briefing) -> SourceList:
        sources = cls()
        for number, excerpt in enumerate(briefing.excerpts, start=1):
            citation = excerpt.citation
            if citation is None or not citation.document_id:
                continue
            key = source_key(citation)
            if key not in sources.numbers:
                sources.numbers[key] = len(sources.numbers) + 1
                sources.citations[key] = []
                sources.cited_by[key] = []
            cited = sources.citations[key]
            if all(c.document_id != citation.document_id for c in cited):
                cited.append(citation)
            sources.cited_by[key].append(number)
        return sources

    def number_of(self, citation: Citation) -> int:
        return self.numbers[source_key(citation)]

    def entries(self) -> list[SourceEntry]:
        return [self.entry(key) for key in self.numbers]

    def entry(self, key: str) -> SourceEntry:
        """The entry for `key`: its first-cited version, the others listed as versions."""
        first, *others = self.citations[key]
        seen = {_version_key(_as_version(first))}
        versions: list[SourceVersion] = []
        candidates = [
            *(_as_version(c) for c in others),
            *first.versions,
            *(v for c in others for v in c.versions),
        ]
        for version in candidates:
            if _version_key(version) not in seen:
                seen.add(_version_key(version))
                versions.append(version)
        grade = first.reliability.strip().upper()
        return SourceEntry(
            number=self.numbers[key],
            author=" ".join(first.author.split()),
            title=" ".join((first.title or "Untitled").split()),
            publisher=" ".join(first.publisher.split()),
            date=format_date(first.date) if first.date.strip() else "undated",
            url=first.url.strip() if is_web_url(first.url) else "",
            reliability=f"{grade} ({RELIABILITY[grade]})" if grade in RELIABILITY else "",
            versions=tuple(versions),
            cited_by=tuple(self.cited_by[key]),
        )


def _as_version(citation: Citation) -> SourceVersion:
    return SourceVersion(citation.title, citation.publisher, citation.date, citation.url)


def _version_key(version: SourceVersion) -> tuple[str, str, str]:
    return (
        " ".join(version.title.casefold().split()),
        " ".join(version.publisher.casefold().split()),
        version.date.strip(),
    )


def version_text(version: SourceVersion) -> str:
    """ "The Telegraph, 9 November 2021" (title added when it differs is the caller's call)."""
    parts = [" ".join(version.publisher.split()) or "publisher unknown"]
    parts.append(format_date(version.date) if version.date.strip() else "undated")
    return ", ".join(parts)


def is_web_url(url: str) -> bool:
    """Only plain http(s) addresses are printed or linked (never file:, javascript:, ...)."""
    text = url.strip()
    lowered = text.lower()
    return (
        lowered.startswith(("http://", "https://"))
        and len(text) > len("https://")
        and not any(c.isspace() or ord(c) < 32 for c in text)
    )


def excerpt_ranges(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers as (first, last) pairs: 1,2,3,7 -> (1,3),(7,7)."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        elif not runs or n != runs[-1][1]:
            runs.append((n, n))
    return runs


def ranges_text(numbers: Iterable[int]) -> str:
    """ "1–3, 7" """
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in excerpt_ranges(numbers))
