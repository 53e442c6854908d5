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


def filtered(
    store: Store, flt: BinFilter, title_of: Callable[[str], str] = lambda _id: ""
) -> list[Excerpt]:
    """The excerpts the bin shows for `flt`, in document order."""
    found = store.excerpts.list(
        doc_id=flt.doc_id or None, tag=flt.tag or None, entity=flt.entity or None
    )
    words = flt.words.casefold().split()
    kept = []
    for excerpt in found:
        if not flag_matches(excerpt, flt.flag):
            continue
        if words:
            hay = " ".join(
                (excerpt.quote, excerpt.comment, " ".join(excerpt.tags), title_of(excerpt.doc_id))
            ).casefold()
            if not all(word in hay for word in words):
                continue
        kept.append(excerpt)
    return kept


def choices(
    store: Store, title_of: Callable[[str], str] = lambda doc_id: doc_id
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
        ((doc_id, f"{title_of(doc_id) or doc_id} ({count})") for doc_id, count in
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
