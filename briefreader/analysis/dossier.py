"""An entity dossier: everything the library and the analyst's work say about one entity.

Every spelling seen (so an alias that broke a search shows up), its relatives
in the gazetteer, its documents by date, first and last seen, the groups and
countries most often named with it, and the excerpts and notes that mention
it. Counts come from the tables, never from the documents' text; only the
analyst's notes (short, and not counted at import) are matched here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from briefreader.analysis.bitsets import Layout, read_bits
from briefreader.analysis.counts import Counts
from briefreader.analysis.related import Relative, relatives
from briefreader.analysis.tally import EntityKey, MentionFinder
from briefreader.entities import Gazetteer
from briefreader.store import Excerpt, Note, Store


@dataclass(frozen=True, slots=True)
class Spelling:
    text: str
    mentions: int
    documents: int


@dataclass(frozen=True, slots=True)
class Companion:
    """An entity named in the same documents, and in how many of them."""

    entity: EntityKey
    documents: int


class DossierDocument(NamedTuple):
    """One document naming the entity: a tuple, since a dossier of a group in every
    document of a 10,000-document library builds 10,000 of them (a frozen
    dataclass took ~10 µs each, half the dossier's 200 ms budget)."""

    doc_id: str
    title: str
    publisher: str
    day: str
    dated: bool  # False: `day` is the import day
    mentions: int


@dataclass(frozen=True, slots=True)
class Dossier:
    entity: EntityKey
    mentions: int
    #: Newest first.
    documents: tuple[DossierDocument, ...]
    spellings: tuple[Spelling, ...]
    #: The gazetteer's spellings no document has used yet.
    unseen_spellings: tuple[str, ...]
    relatives: tuple[Relative, ...]
    groups_with: tuple[Companion, ...]
    countries_with: tuple[Companion, ...]
    excerpts: tuple[Excerpt, ...]
    notes: tuple[Note, ...]

    @property
    def first_seen(self) -> DossierDocument | None:
        return self.documents[-1] if self.documents else None

    @property
    def last_seen(self) -> DossierDocument | None:
        return self.documents[0] if self.documents else None

    @property
    def undated(self) -> int:
        return sum(1 for d in self.documents if not d.dated)


def dossier(
    counts: Counts,
    entity: EntityKey,
    gazetteer: Gazetteer,
    *,
    store: Store | None = None,
    find: MentionFinder | None = None,
    companions: int = 10,
) -> Dossier:
    """The dossier of `entity`; `store` adds excerpts, and notes when `find` is given too."""
    entity_id = counts.entity_id(entity)
    documents: tuple[DossierDocument, ...] = ()
    spellings: tuple[Spelling, ...] = ()
    groups: tuple[Companion, ...] = ()
    countries: tuple[Companion, ...] = ()
    if entity_id is not None:
        documents = _documents(counts, entity_id)
        spellings = tuple(
            Spelling(text, mentions, docs)
            for text, mentions, docs in counts.read(
                "SELECT surface, SUM(mentions), COUNT(*) FROM analysis_spellings "
                "WHERE entity = ? GROUP BY surface ORDER BY SUM(mentions) DESC, surface",
                (entity_id,),
            )
        )
        groups = _companions(counts, entity_id, "group", companions)
        countries = _companions(counts, entity_id, "country", companions)
    known = gazetteer.by_canonical(entity[1])
    seen = {s.text.casefold() for s in spellings}
    unseen = tuple(
        s for s in (known.spellings if known else ()) if " ".join(s.split()).casefold() not in seen
    )
    excerpts: tuple[Excerpt, ...] = ()
    notes: tuple[Note, ...] = ()
    if store is not None:
        excerpts = tuple(store.excerpts.list(entity=entity[1], order="recent"))
        if find is not None:
            notes = tuple(
                note
                for note in store.notes.all()
                if any((m.kind, m.canonical) == entity for m in find(note.text))
            )
    return Dossier(
        entity=entity,
        mentions=sum(d.mentions for d in documents),
        documents=documents,
        spellings=spellings,
        unseen_spellings=unseen,
        relatives=tuple(relatives(gazetteer, entity, counts)),
        groups_with=groups,
        countries_with=countries,
        excerpts=excerpts,
        notes=notes,
    )


def _documents(counts: Counts, entity_id: int) -> tuple[DossierDocument, ...]:
    rows = counts.read(
        "SELECT d.doc_id, d.title, d.publisher, d.day, d.dated, c.mentions "
        "FROM analysis_counts c JOIN analysis_docs d ON d.n = c.doc "
        "WHERE c.entity = ? ORDER BY d.day DESC, d.n DESC",
        (entity_id,),
    )
    return tuple(
        DossierDocument(doc, title, publisher, day, dated != 0, mentions)
        for doc, title, publisher, day, dated, mentions in rows
    )


def _companions(counts: Counts, entity_id: int, kind: str, limit: int) -> tuple[Companion, ...]:
    """The entities of `kind` named in most of this entity's documents (by bitsets)."""
    with counts.locked() as db:
        layout = Layout.read(db)
        others = db.execute(
            "SELECT id, kind, canonical FROM analysis_entities WHERE kind = ? AND id != ?",
            (kind, entity_id),
        ).fetchall()
        bits = read_bits(db, [entity_id, *(row[0] for row in others)], layout, paragraphs=False)
    own = bits.get(entity_id)
    if own is None:
        return ()
    found = []
    for other, other_kind, canonical in others:
        if other in bits and (shared := (own.documents & bits[other].documents).bit_count()):
            found.append(Companion((other_kind, canonical), shared))
    found.sort(key=lambda c: (-c.documents, c.entity[1]))
    return tuple(found[:limit])
