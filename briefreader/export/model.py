"""The plain data a briefing PDF is built from: no I/O, no ReportLab.

The store keeps briefings its own way; the CLI and the GUI map a stored
briefing into these frozen values once, run the integrity check over them,
and hand them to `export_briefing`. Keeping the renderer on its own model
means it can be tested (and benchmarked) with directly-constructed data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from briefreader.domain import Mention

#: "unchecked": no check was run; "ok": the quote is still at its offsets;
#: "stale": the source changed and the quote was found elsewhere or only
#: approximately; "orphaned": the quote (or its document) is gone.
Integrity = Literal["unchecked", "ok", "stale", "orphaned"]


@dataclass(frozen=True, slots=True)
class SourceVersion:
    """Another version of a cited story (a reprint, a rewrite), listed under its source."""

    title: str = ""
    publisher: str = ""
    date: str = ""  # ISO 8601 when known
    url: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an excerpt comes from, as printed under it and in the Sources list.

    `paragraph` and `page` are 1-based (as a reader counts), or None when
    unknown; `page` is known for paged sources (PDF). `document_id` links the
    Markdown hand-off back to the paragraph and keys the Sources list; it is
    never printed. No local path is carried: nothing here may show one.
    `reliability` is the source's Admiralty grade A-F ("" when not graded).
    `story` groups versions of one story into one Sources entry; `versions`
    are the story's other versions in the library, cited or not.
    """

    document_id: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: str = ""  # ISO 8601 when known
    paragraph: int | None = None
    page: int | None = None
    url: str = ""
    reliability: str = ""
    story: str = ""
    versions: tuple[SourceVersion, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefingExcerpt:
    """One quote with its comment, citation and integrity state.

    `mentions` are offsets into `quote`; None asks the exporter to find them
    with the entity matcher. `start`/`end` are the quote's offsets in the
    source document's body, which the integrity check verifies; `prefix` and
    `suffix` (a little text either side, as captured) help it find a quote
    that moved.
    """

    quote: str
    citation: Citation | None = None
    comment: str = ""
    start: int | None = None
    end: int | None = None
    prefix: str = ""
    suffix: str = ""
    mentions: tuple[Mention, ...] | None = None
    integrity: Integrity = "unchecked"
    integrity_note: str = ""
    key: str = ""  # the store's id, so a composer can map flags back
    credibility: int | None = None  # Admiralty 1-6, None when not graded
    claimant: str = ""  # the named actor when the quote is a claim ("ISKP via Amaq")

    def with_integrity(self, integrity: Integrity, note: str = "") -> BriefingExcerpt:
        return replace(self, integrity=integrity, integrity_note=note)


@dataclass(frozen=True, slots=True)
class BriefingSection:
    title: str
    excerpts: tuple[BriefingExcerpt, ...] = ()


ChartName = Literal["trend", "matrix"]
CHARTS: tuple[ChartName, ...] = ("trend", "matrix")


@dataclass(frozen=True, slots=True)
class TrendSeries:
    name: str  # a group's canonical name
    values: tuple[int, ...]  # one per period


@dataclass(frozen=True, slots=True)
class Trend:
    """Mentions of the briefing's main groups per period, by the sources' dates.

    `basis` says in words what is counted (printed under the chart);
    `undated` is how many items were left out for want of a date.
    """

    periods: tuple[str, ...]  # labels, oldest first ("Aug 2021")
    series: tuple[TrendSeries, ...]
    basis: str
    undated: int = 0


@dataclass(frozen=True, slots=True)
class CoMentions:
    """Groups (rows) × countries (columns): how many items name both."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]  # cells[row][column]
    basis: str


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything printed in one briefing.

    `marking` is the handling marking (free text, e.g. "OFFICIAL-SENSITIVE"),
    printed in every page header and footer. `summary` is the analyst's key
    judgements: paragraphs separated by blank lines; lines starting with
    "- ", "* " or "• " are set as bullets. `query` is the search a briefing
    was built from ("" for the analyst's own selection); the cover states it.
    `charts` names the charts to draw; `trend` and `co_mentions` are their
    data when the caller computed it (from the library's analysis), else the
    exporter counts the briefing's own excerpts. `section_breaks` starts each
    section on a new page; by default sections follow on.
    """

    title: str
    sections: tuple[BriefingSection, ...] = ()
    author: str = ""
    date: str = ""  # ISO 8601 or free text
    marking: str = ""
    summary: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = field(default=())
    query: str = ""
    charts: tuple[ChartName, ...] = ()
    section_breaks: bool = False
    trend: Trend | None = None
    co_mentions: CoMentions | None = None

    @property
    def excerpts(self) -> tuple[BriefingExcerpt, ...]:
        return tuple(e for section in self.sections for e in section.excerpts)

    def map_excerpts(self, change: Callable[[BriefingExcerpt], BriefingExcerpt]) -> Briefing:
        """A copy with `change` applied to every excerpt (sections kept)."""
        return replace(
            self,
            sections=tuple(
                replace(s, excerpts=tuple(change(e) for e in s.excerpts)) for s in self.sections
            ),
        )
