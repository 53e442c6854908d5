"""An entity's relatives in the gazetteer, with how much the library mentions each.

The gazetteer's relations (entities/relations.py: branch, front, affiliate,
successor) are read in both directions, so the Islamic State's dossier lists
its provinces and a province's names the Islamic State; Lashkar-e-Taiba's
lists its fronts. Mention counts tell the analyst which relatives the
library actually talks about.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.analysis.counts import Counts
from briefreader.analysis.tally import EntityKey
from briefreader.entities import Gazetteer


@dataclass(frozen=True, slots=True)
class Relative:
    #: How the relative stands to the dossier's entity, as a reader says it:
    #: "branch of", "front of", "successor of" (the relative is the parent, the
    #: group fronted, the predecessor) or "has branch", "has front"...
    relation: str
    entity: EntityKey
    mentions: int
    documents: int


def relatives(gazetteer: Gazetteer, entity: EntityKey, counts: Counts) -> list[Relative]:
    """What the entity is to others first, then what others are to it; most mentioned first."""
    canonical = entity[1]
    found: list[tuple[int, str, EntityKey]] = []
    for relation in gazetteer.relations_of(canonical):
        other = gazetteer.by_canonical(relation.other(canonical))
        if other is None:
            continue
        label = relation.describe(canonical).removesuffix(other.canonical).strip()
        order = 0 if relation.source == canonical else 1
        found.append((order, label, (other.kind, other.canonical)))
    totals = _totals(counts, [key for _, _, key in found])
    out = [(order, Relative(label, key, *totals.get(key, (0, 0)))) for order, label, key in found]
    out.sort(key=lambda pair: (pair[0], pair[1].relation, -pair[1].mentions, pair[1].entity[1]))
    return [relative for _, relative in out]


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
