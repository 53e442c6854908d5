"""An entity's relatives in the gazetteer, with how much the library mentions each.

Today the gazetteer knows one relation, `parent` (a branch or province of
an organisation); each relation is read in both directions, so a dossier of
the Islamic State lists its provinces and a province's dossier names the
Islamic State. Mention counts tell the analyst which relatives the library
actually talks about.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.analysis.counts import Counts
from briefreader.analysis.tally import EntityKey
from briefreader.entities import Gazetteer


@dataclass(frozen=True, slots=True)
class Relative:
    #: How the relative stands to the dossier's entity, as a reader says it:
    #: "branch of" (the relative is its parent), "branch" (the relative is one).
    relation: str
    entity: EntityKey
    mentions: int
    documents: int


def relatives(gazetteer: Gazetteer, entity: EntityKey, counts: Counts) -> list[Relative]:
    """Parent first, then branches, each most mentioned first."""
    known = gazetteer.by_canonical(entity[1])
    if known is None:
        return []
    found: list[tuple[str, EntityKey]] = []
    if known.parent and (parent := gazetteer.by_canonical(known.parent)) is not None:
        found.append(("branch of", (parent.kind, parent.canonical)))
    found.extend(("branch", (c.kind, c.canonical)) for c in gazetteer.children_of(known.canonical))
    totals = _totals(counts, [key for _, key in found])
    order = {"branch of": 0, "branch": 1}
    out = [Relative(relation, key, *totals.get(key, (0, 0))) for relation, key in found]
    return sorted(out, key=lambda r: (order[r.relation], -r.mentions, r.entity[1]))


def _totals(counts: Counts, keys: list[EntityKey]) -> dict[EntityKey, tuple[int, int]]:
    ids = {i: key for key in keys if (i := counts.entity_id(key)) is not None}
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = counts.read(
        f"SELECT entity, SUM(mentions), COUNT(*) FROM analysis_counts WHERE entity IN ({marks}) "
        "GROUP BY entity",
        list(ids),
    )
    return {ids[r[0]]: (r[1], r[2]) for r in rows}
