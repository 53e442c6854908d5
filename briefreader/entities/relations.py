"""How one organisation stands to another: branch, front, affiliate, successor.

Related organisations stay distinct entities: The Resistance Front is not
Lashkar-e-Taiba, even though it is its front, and the Islamic State is not
al-Qaeda in Iraq, although it grew out of it. Folding them together would
lose what an analyst most needs to see. A `Relation` records the link
instead, declared in the gazetteer on the organisation it describes
(`front_of = "Lashkar-e-Taiba"` on The Resistance Front), and `RelationIndex`
answers both directions: what a group is a front of, and which fronts it has.

`RelationIndex.family` is what "a group with its fronts and affiliates" means
for search and facets: the group, plus every organisation that points to it
(or to one of those) as a branch, front or affiliate. Successors and
predecessors are not family: the Islamic State is not a part of al-Qaeda in
Iraq, it replaced it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

RelationKind = Literal["parent", "front_of", "affiliate_of", "successor_of"]
RELATION_KINDS: tuple[RelationKind, ...] = get_args(RelationKind)

#: The relations that make an organisation part of another's family.
FAMILY_KINDS: frozenset[RelationKind] = frozenset({"parent", "front_of", "affiliate_of"})

#: How each relation reads from the organisation that declares it ...
_OUTGOING: dict[RelationKind, str] = {
    "parent": "branch of",
    "front_of": "front of",
    "affiliate_of": "affiliate of",
    "successor_of": "successor of",
}
#: ... and from the organisation it points to.
_INCOMING: dict[RelationKind, str] = {
    "parent": "has branch",
    "front_of": "has front",
    "affiliate_of": "has affiliate",
    "successor_of": "predecessor of",
}


@dataclass(frozen=True, slots=True)
class Relation:
    """`source` is `kind` of `target`: ("front_of", "The Resistance Front", "Lashkar-e-Taiba")."""

    kind: RelationKind
    source: str
    target: str

    def describe(self, seen_from: str) -> str:
        """The relation in words, as the entity `seen_from` would put it.

        From The Resistance Front: "front of Lashkar-e-Taiba"; from
        Lashkar-e-Taiba: "has front The Resistance Front".
        """
        if seen_from == self.source:
            return f"{_OUTGOING[self.kind]} {self.target}"
        return f"{_INCOMING[self.kind]} {self.source}"

    def other(self, seen_from: str) -> str:
        """The canonical name at the other end from `seen_from`."""
        return self.target if seen_from == self.source else self.source


class RelationIndex:
    """Every relation of a gazetteer, looked up from either end."""

    def __init__(self, relations: Iterable[Relation]) -> None:
        outgoing: dict[str, list[Relation]] = {}
        incoming: dict[str, list[Relation]] = {}
        for relation in dict.fromkeys(relations):
            outgoing.setdefault(relation.source, []).append(relation)
            incoming.setdefault(relation.target, []).append(relation)
        self._outgoing: Mapping[str, tuple[Relation, ...]] = {
            k: tuple(v) for k, v in outgoing.items()
        }
        self._incoming: Mapping[str, tuple[Relation, ...]] = {
            k: tuple(v) for k, v in incoming.items()
        }

    def of(self, canonical: str) -> tuple[Relation, ...]:
        """The relations declared by `canonical`, then those pointing at it."""
        return self._outgoing.get(canonical, ()) + self._incoming.get(canonical, ())

    def declared_by(self, canonical: str) -> tuple[Relation, ...]:
        return self._outgoing.get(canonical, ())

    def pointing_at(self, canonical: str) -> tuple[Relation, ...]:
        return self._incoming.get(canonical, ())

    def family(
        self, canonical: str, kinds: frozenset[RelationKind] = FAMILY_KINDS
    ) -> tuple[str, ...]:
        """`canonical` and every organisation that is, transitively, one of its `kinds`.

        The Islamic State's family holds its provinces; Lashkar-e-Taiba's holds
        The Resistance Front and Jamaat-ud-Dawa, and Jamaat-ud-Dawa's own fronts.
        The group itself comes first, the rest in the order they are reached.
        """
        found = [canonical]
        seen = {canonical}
        position = 0
        while position < len(found):
            for relation in self._incoming.get(found[position], ()):
                if relation.kind in kinds and relation.source not in seen:
                    seen.add(relation.source)
                    found.append(relation.source)
            position += 1
        return tuple(found)

    def __iter__(self) -> Iterator[Relation]:
        for relations in self._outgoing.values():
            yield from relations

    def __len__(self) -> int:
        return sum(len(v) for v in self._outgoing.values())
