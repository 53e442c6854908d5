"""What every renderer needs before it lays anything out, computed once.

Finding the mentions in each quote is the expensive step of an export; the
numbering of excerpts and sources, the first page's facts, the charts' data
and the index of names all follow from it. The PDF, DOCX and Markdown
renderers take a `Prepared` and only set it in their own form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefreader.domain import EntityKind, Mention
from briefreader.export.chart_data import charts_for
from briefreader.export.citations import SourceList
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection
from briefreader.export.overview import Facts, facts_of

MentionFinder = Callable[[str], Sequence[Mention]]
RelationNote = Callable[[str], str]


def relation_notes(finder: MentionFinder) -> RelationNote:
    """What a group is to others ("front of Lashkar-e-Taiba"), from the finder's gazetteer.

    The finder is the entity matcher's `find` (or the bundled `find_mentions`);
    its gazetteer's relations name the link the appendix prints beside a
    group. Any other finder (a test's stub) has no relations to tell.
    """
    from briefreader.entities import find_mentions
    from briefreader.entities.matcher import default_matcher

    owner = default_matcher() if finder is find_mentions else getattr(finder, "__self__", None)
    note = getattr(getattr(owner, "gazetteer", None), "relation_note", None)
    return note if callable(note) else (lambda _canonical: "")


@dataclass(frozen=True, slots=True)
class PreparedExcerpt:
    number: int  # 1-based, through the whole briefing
    excerpt: BriefingExcerpt
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """A group or country named in the excerpts: which excerpts, and how it was written."""

    kind: EntityKind
    name: str
    numbers: tuple[int, ...]
    spellings: tuple[str, ...]  # as written, other than the canonical name
    relation: str = ""  # what a group is to another: "front of Lashkar-e-Taiba"


@dataclass
class Prepared:
    briefing: Briefing  # with the charts' data filled in
    sections: list[tuple[BriefingSection, list[PreparedExcerpt]]]
    sources: SourceList
    facts: Facts
    index: list[IndexEntry] = field(default_factory=list)

    @property
    def items(self) -> list[PreparedExcerpt]:
        return [item for _section, items in self.sections for item in items]


def prepare(
    briefing: Briefing,
    find_mentions: MentionFinder,
    progress: Callable[[int], None] = lambda done: None,
    relation: RelationNote | None = None,
) -> Prepared:
    """Mentions for every excerpt (`progress(n)` after each), then everything that follows.

    `relation` names a group's relation for the index (by default from the
    finder's gazetteer, `relation_notes`).
    """
    number = 0
    sections: list[tuple[BriefingSection, list[PreparedExcerpt]]] = []
    for section in briefing.sections:
        items = []
        for excerpt in section.excerpts:
            number += 1
            found = excerpt.mentions
            if found is None:
                found = tuple(find_mentions(excerpt.quote))
            items.append(PreparedExcerpt(number, excerpt, tuple(found)))
            progress(number)
        sections.append((section, items))
    if briefing.charts:
        pairs = [(item.excerpt, item.mentions) for _s, items in sections for item in items]
        briefing = charts_for(briefing, pairs)
    sources = SourceList.of(briefing)
    prepared = Prepared(briefing, sections, sources, facts_of(briefing, sources))
    prepared.index = index_of(prepared.items, relation or relation_notes(find_mentions))
    return prepared


def index_of(
    items: Sequence[PreparedExcerpt], relation: RelationNote = lambda _canonical: ""
) -> list[IndexEntry]:
    """Groups then countries, alphabetically, each with its excerpts and other spellings."""
    numbers: dict[tuple[EntityKind, str], list[int]] = {}
    spellings: dict[tuple[EntityKind, str], dict[str, None]] = {}
    for item in items:
        for m in item.mentions:
            key = (m.kind, m.canonical)
            found = numbers.setdefault(key, [])
            if not found or found[-1] != item.number:
                found.append(item.number)
            spellings.setdefault(key, {})[" ".join(m.surface.split())] = None
    entries = []
    for kind in ("group", "country"):
        names = sorted((n for k, n in numbers if k == kind), key=str.casefold)
        for name in names:
            key = (kind, name)
            written = tuple(w for w in spellings[key] if w != name)[:8]
            note = relation(name) if kind == "group" else ""
            entries.append(IndexEntry(kind, name, tuple(numbers[key]), written, note))  # type: ignore[arg-type]
    return entries
