"""What the excerpt bin shows: every excerpt, narrowed by entity, tag, document, flag and words.

Entity, tag and document go to the store's query (`Excerpts.list`), which
does them in SQL; the flag and the typed words narrow the result here. The
choices offered in each filter come from the store's facets with their counts,
so the analyst sees "ISKP (12)" before picking it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from briefreader.store import Excerpt, Store

Flag = Literal["", "priority", "fuzzy", "orphaned", "needs review"]
FLAGS: tuple[Flag, ...] = ("", "priority", "fuzzy", "orphaned", "needs review")
#: (value, label) for a filter's choices; value "" means "any".
Choice = tuple[str, str]
#: Where a list names an excerpt's source that is no longer in the library (never its id).
MISSING_SOURCE = "(a document no longer in the library)"


@dataclass(frozen=True, slots=True)
class BinFilter:
    entity: str = ""  # canonical name
    tag: str = ""
    doc_id: str = ""
    flag: Flag = ""
    words: str = ""  # every word must appear in the quote, comment, tags or title

    @property
    def active(self) -> bool:
        return bool(self.entity or self.tag or self.doc_id or self.flag or self.words.strip())

    def with_(self, **fields: str) -> BinFilter:
        return replace(self, **fields)  # type: ignore[arg-type]

    def describe(self) -> str:
        parts = [
            f"{name} {value}"
            for name, value in (
                ("entity", self.entity),
                ("tag", self.tag),
                ("flag", self.flag),
                ("words", self.words.strip()),
            )
            if value
        ]
        if self.doc_id:
            parts.append("one document")
        return ", ".join(parts) if parts else "all excerpts"


def flag_matches(excerpt: Excerpt, flag: Flag) -> bool:
    if flag == "priority":
        return excerpt.priority
    if flag in ("fuzzy", "orphaned"):
        return excerpt.status == flag
    if flag == "needs review":
        return excerpt.status != "anchored"
    return True


def flags_text(excerpt: Excerpt) -> str:
    """The flags column: plain words, so they read without colour."""
    parts = []
    if excerpt.priority:
        parts.append("★ priority")
    if excerpt.status == "orphaned":
        parts.append("orphaned")
    elif excerpt.status == "fuzzy":
        parts.append("fuzzy")
    return ", ".join(parts)


def matches(excerpt: Excerpt, flt: BinFilter, title_of: Callable[[str], str]) -> bool:
    """Whether one excerpt belongs in the bin under `flt` (what `filtered` asks SQL for)."""
    if flt.doc_id and excerpt.doc_id != flt.doc_id:
        return False
    if flt.tag and flt.tag.casefold() not in {t.casefold() for t in excerpt.tags}:
        return False
    if flt.entity and flt.entity not in {e.canonical for e in excerpt.entities}:
        return False
    return flag_matches(excerpt, flt.flag) and _has_words(excerpt, flt.words, title_of)


def _has_words(excerpt: Excerpt, words: str, title_of: Callable[[str], str]) -> bool:
    wanted = words.casefold().split()
    if not wanted:
        return True
    hay = " ".join(
        (excerpt.quote, excerpt.comment, " ".join(excerpt.tags), title_of(excerpt.doc_id) or "")
    ).casefold()
    return all(word in hay for word in wanted)


def order_key(excerpt: Excerpt) -> tuple[str, int, int]:
    """The bin's order, as the store's "document" order: document, offset, id."""
    return (excerpt.doc_id, excerpt.start, excerpt.id)


def filtered(
    store: Store, flt: BinFilter, title_of: Callable[[str], str] = lambda _id: ""
) -> list[Excerpt]:
    """The excerpts the bin shows for `flt`, in document order."""
    return narrowed(queried(store, flt), flt, title_of)


def queried(store: Store, flt: BinFilter) -> list[Excerpt]:
    """The part of `flt` SQL answers: entity, tag, document (cache it per `sql_key`)."""
    return store.excerpts.list(
        doc_id=flt.doc_id or None, tag=flt.tag or None, entity=flt.entity or None
    )


def sql_key(flt: BinFilter) -> tuple[str, str, str]:
    return (flt.entity, flt.tag, flt.doc_id)


def narrowed(found: list[Excerpt], flt: BinFilter, title_of: Callable[[str], str]) -> list[Excerpt]:
    """The part of `flt` answered here, on each keystroke: the flag and the words."""
    return [e for e in found if flag_matches(e, flt.flag) and _has_words(e, flt.words, title_of)]


def choices(
    store: Store, title_of: Callable[[str], str] = lambda doc_id: ""
) -> dict[str, list[Choice]]:
    """The values each filter offers, with counts: {"entity": [...], "tag": [...], ...}."""
    entities = [
        (canonical, f"{canonical} ({kind}, {count})")
        for kind, canonical, count in sorted(
            store.excerpts.entities(), key=lambda row: (row[0] != "group", row[1].casefold())
        )
    ]
    tags = [(tag, f"{tag} ({count})") for tag, count in store.excerpts.tags()]
    documents = sorted(
        ((doc_id, f"{title_of(doc_id) or MISSING_SOURCE} ({count})") for doc_id, count in
         store.excerpts.documents()),
        key=lambda pair: pair[1].casefold(),
    )  # fmt: skip
    flags = [(flag, flag) for flag in FLAGS if flag]
    return {
        "entity": [("", "any group or country"), *entities],
        "tag": [("", "any tag"), *tags],
        "document": [("", "any document"), *documents],
        "flag": [("", "any flag"), *flags],
    }
