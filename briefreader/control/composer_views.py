"""What the composer shows and what its operations changed: plain values, no Qt.

The composer's state (`composing.Composer`) turns the store's briefing into
these rows; the Qt item model only displays them, so every string a view
shows was decided, and tested, here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from briefreader.control.excerpt_filter import MISSING_SOURCE
from briefreader.store import NO_CHANGES, Briefing, Changes, Excerpt

#: Field names an analyst edits in the composer's form, in form order.
DETAIL_FIELDS: tuple[str, ...] = ("title", "author", "date", "marking", "summary")
GROUPING_LABELS: dict[str, str] = {
    "manual": "by hand",
    "group": "by group",
    "country": "by country",
    "source": "by source",
}
NO_STORE = "the work database is not open, so briefings cannot be edited"
NO_BRIEFING = "no briefing is open: press B to create one or b to pick one"


@dataclass(frozen=True, slots=True)
class Flag:
    """What the pre-export check found for one excerpt."""

    integrity: str  # "ok" | "stale" | "orphaned" | "unchecked"
    note: str = ""
    undrawable: tuple[str, ...] = ()  # characters no embedded font draws, e.g. "U+05D0 …"

    @property
    def label(self) -> str:
        """Plain text for the composer's check column."""
        parts = []
        if self.integrity in ("stale", "orphaned"):
            parts.append(self.integrity)
        if self.undrawable:
            parts.append(f"{len(self.undrawable)} undrawable")
        return ", ".join(parts) if parts else ("ok" if self.integrity == "ok" else "")

    @property
    def problem(self) -> bool:
        return self.integrity in ("stale", "orphaned") or bool(self.undrawable)

    @property
    def detail(self) -> str:
        lines = [self.note] if self.note else []
        if self.undrawable:
            lines.append("the PDF fonts cannot draw: " + ", ".join(self.undrawable))
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ItemView:
    excerpt_id: int
    number: int  # 1-based position in the whole briefing, as the PDF numbers it
    quote: str
    source: str
    comment: str
    doc_id: str
    paragraph: int
    flag: Flag | None  # None: not checked yet
    grade: str = ""  # the Admiralty code the export prints ("B2"), "" when ungraded
    claimant: str = ""  # the actor the quote is a claim by, "" when not a claim


@dataclass(frozen=True, slots=True)
class SectionView:
    key: str  # stable: "section:7", "group:ISKP", "other"
    title: str
    section_id: int | None  # set for the analyst's own sections
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class ComposerChanges:
    """What an operation changed, so the composer redraws only that."""

    briefings: bool = False  # the list of briefings (names, counts)
    details: bool = False  # title, author, date, marking, summary, grouping
    items: bool = False  # sections, items, their order or comments
    flags: bool = False  # integrity flags
    cursor: bool = False  # the current item or section
    needs_check: bool = False  # excerpts were added or another briefing opened
    store: Changes = NO_CHANGES
    message: str = ""

    def __or__(self, other: ComposerChanges) -> ComposerChanges:
        return ComposerChanges(
            self.briefings or other.briefings,
            self.details or other.details,
            self.items or other.items,
            self.flags or other.flags,
            self.cursor or other.cursor,
            self.needs_check or other.needs_check,
            self.store | other.store,
            "; ".join(m for m in (self.message, other.message) if m),
        )


#: Redraw the whole composer: another briefing, or one changed from outside.
EVERYTHING = ComposerChanges(briefings=True, details=True, items=True, cursor=True)


def told(message: str) -> ComposerChanges:
    return ComposerChanges(message=message)


def matching(
    excerpts: Sequence[Excerpt], query: str, title_of: Callable[[str], str]
) -> list[Excerpt]:
    """Excerpts whose quote, source title, comment, tags or entities contain every
    word of `query`, ignoring case (the add-excerpts picker's filter)."""
    words = query.casefold().split()
    if not words:
        return list(excerpts)
    found = []
    for excerpt in excerpts:
        hay = " ".join(
            (
                excerpt.quote,
                title_of(excerpt.doc_id),
                excerpt.comment,
                " ".join(excerpt.tags),
                " ".join(e.canonical for e in excerpt.entities),
            )
        ).casefold()
        if all(w in hay for w in words):
            found.append(excerpt)
    return found


def check_summary(flags: Mapping[int, Flag]) -> str:
    """One status-bar line for a finished pre-export check."""
    bad = [f for f in flags.values() if f.problem]
    if not bad:
        return f"checked {len(flags)} excerpts against their sources: all intact"
    counts = (
        (sum(1 for f in bad if f.integrity == "stale"), "stale"),
        (sum(1 for f in bad if f.integrity == "orphaned"), "orphaned"),
        (sum(1 for f in bad if f.undrawable), "with characters the PDF fonts cannot draw"),
    )
    return f"checked {len(flags)} excerpts: " + ", ".join(f"{n} {what}" for n, what in counts if n)


def section_views(
    briefing: Briefing,
    title_of: Callable[[str], str],
    flags: Mapping[int, Flag],
    grade_of: Callable[[Excerpt], str] = lambda excerpt: "",
) -> tuple[SectionView, ...]:
    """The briefing's sections as rows, items numbered through the whole briefing as the
    PDF numbers them, each with the flag its last check gave (None: not checked yet)
    and its grade. The comment is the one the PDF prints: this briefing's, else the
    excerpt's own."""
    number = 0
    sections = []
    for section in briefing.sections:
        items = []
        for item in section.items:
            number += 1
            e = item.excerpt
            source = title_of(e.doc_id) or MISSING_SOURCE
            items.append(
                ItemView(
                    e.id, number, e.quote, source, item.comment or e.comment, e.doc_id,
                    e.paragraph,
                    flags.get(e.id), grade_of(e), e.claimant,
                )
            )  # fmt: skip
        sections.append(SectionView(section.key, section.title, section.id, tuple(items)))
    return tuple(sections)


def empty_text(store_open: bool, briefing: Briefing | None) -> str:
    """What the composer says instead of an empty tree ("" when it has items)."""
    if not store_open:
        return "The work database is not open yet; briefings appear once it is."
    if briefing is None:
        return "No briefing open. Press B to create one, b to open another."
    if not briefing.excerpt_ids:
        return "This briefing is empty. Press a to add excerpts you captured while reading."
    return ""
