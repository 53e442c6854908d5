"""The gazetteer: every group and country with all the ways it is written.

An `Entity` is one organisation or country: its canonical name, its names
and acronyms (in any script), the names the official lists give it
(`listings`, with their source and date) and its relations to other
organisations. A `Gazetteer` is an immutable, validated set of them with the
look-ups the rest of briefreader needs: a spelling to its entity, an entity
to every spelling (search), to its relations and to its family (a group with
its branches, fronts and affiliates).

Loading the TOML files in `resources/gazetteer/` and the analyst's own
`gazetteer.toml` is `loader.py`'s job; the format and every matching rule
are documented in `resources/gazetteer/rules.toml`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.domain import EntityKind
from briefreader.entities.context_rules import MatchRules
from briefreader.entities.listings import Listing, Source
from briefreader.entities.match_text import fold_key
from briefreader.entities.relations import FAMILY_KINDS, Relation, RelationIndex, RelationKind


class GazetteerError(ValueError):
    """The bundled gazetteer is inconsistent (a spelling with two owners...)."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One group or country and every way of writing it.

    `aliases` and `demonyms` are names, matched in their usual capitalisation;
    `acronyms` are matched in exactly their own case. `guarded` lists the
    spellings that need a look at their context before they count (see
    rules.toml). `scripts` holds the names in other scripts by language
    ("ar", "fa", "ps", "ur", "ru"...). `short_forms` and `weak` are not
    spellings: the matcher takes them only in the contexts their comments
    give. All tuples hold expanded spellings ("{a|b}" already resolved,
    plurals of demonyms added).
    """

    canonical: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    scripts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    listings: tuple[Listing, ...] = ()
    #: Names that count only in a document that has already named the entity
    #: in full ("Lashkar" after "Lashkar-e-Taiba"); several entities may share one.
    short_forms: tuple[str, ...] = ()
    #: Official names too generic to be found alone ("ISI", "The Youth"): they
    #: count only in brackets right after the entity's name.
    weak: tuple[str, ...] = ()

    @property
    def parent(self) -> str | None:
        """The organisation this one is a branch or province of, if any."""
        return next((r.target for r in self.relations if r.kind == "parent"), None)

    @property
    def script_names(self) -> tuple[str, ...]:
        return tuple(name for _, names in self.scripts for name in names)

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling matched as a name: canonical, aliases, other scripts, demonyms."""
        return _unique((self.canonical, *self.aliases, *self.script_names, *self.demonyms))

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every spelling, names first, then acronyms."""
        return _unique((*self.names, *self.acronyms))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _long(acronym: str) -> bool:
    return sum(c.isalpha() for c in acronym) >= 4


@dataclass(frozen=True)
class Gazetteer:
    """An immutable, validated set of entities plus the negative phrases.

    Safe to share between threads: nothing changes after construction.
    """

    entities: tuple[Entity, ...]
    negatives: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    #: Context rules, qualified names and ethnic demonyms (context_rules.py).
    rules: MatchRules = field(default_factory=MatchRules)
    _by_canonical: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _exact: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _folded: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _relations: RelationIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_canonical = {entity.canonical: entity for entity in self.entities}
        if len(by_canonical) != len(self.entities):
            raise GazetteerError("two entities share a canonical name")
        exact: dict[str, Entity] = {}
        folded: dict[str, Entity] = {}
        for entity in self.entities:
            for spelling in entity.spellings:
                key = fold_key(spelling)
                owner = exact.setdefault(key, entity)
                if owner is not entity:
                    raise GazetteerError(
                        f"{spelling!r} belongs to both {owner.canonical!r} and {entity.canonical!r}"
                    )
            for spelling in (*entity.names, *(a for a in entity.acronyms if _long(a))):
                folded.setdefault(fold_key(spelling).casefold(), entity)
        relations = [r for e in self.entities for r in e.relations]
        for relation in relations:
            if relation.target not in by_canonical:
                raise GazetteerError(
                    f"{relation.source!r}: {relation.kind} names {relation.target!r}, "
                    "which is not in the gazetteer"
                )
        object.__setattr__(self, "_by_canonical", by_canonical)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)
        object.__setattr__(self, "_relations", RelationIndex(relations))

    def by_canonical(self, name: str) -> Entity | None:
        return self._by_canonical.get(name)

    def resolve(self, surface: str) -> Entity | None:
        """Any spelling or acronym -> its entity, or None.

        Tried as written first (so "US" is the United States), then
        ignoring case for names and long acronyms only (so "isis" and
        "taliban" resolve, but "us" and "is" never do).
        """
        key = fold_key(surface.strip())
        entity = self._exact.get(key)
        if entity is None:
            entity = self._folded.get(key.casefold())
        return entity

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        """Every spelling of the entity (search expands a query to these)."""
        entity = self._by_canonical.get(canonical)
        return entity.spellings if entity else ()

    def relations_of(self, canonical: str) -> tuple[Relation, ...]:
        """The relations `canonical` declares, then those other entities declare to it."""
        return self._relations.of(canonical)

    def relation_note(self, canonical: str) -> str:
        """What `canonical` is to other organisations, in words: "front of Lashkar-e-Taiba".

        Only the relations the entity declares (branch, front, affiliate or
        successor of another), which say what it is; the legend and the PDF
        appendix print this beside the name, so a reader sees that TRF is
        LeT's front without folding the two together. "" when it has none.
        """
        return "; ".join(r.describe(canonical) for r in self._relations.declared_by(canonical))

    def family(
        self, canonical: str, kinds: frozenset[RelationKind] = FAMILY_KINDS
    ) -> tuple[str, ...]:
        """`canonical` with its branches, fronts and affiliates (transitively).

        What a search or facet means by "a group with its fronts and
        affiliates"; see `RelationIndex.family`.
        """
        return self._relations.family(canonical, kinds)

    def children_of(self, canonical: str) -> tuple[Entity, ...]:
        """The branches and provinces whose parent is `canonical`."""
        return tuple(
            self._by_canonical[r.source]
            for r in self._relations.pointing_at(canonical)
            if r.kind == "parent"
        )

    def source(self, key: str) -> Source | None:
        return next((s for s in self.sources if s.key == key), None)

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)


def bundled_dir() -> Path:
    """The folder of the gazetteer files that ship with briefreader."""
    from briefreader.entities.loader import bundled_dir as folder

    return folder()


def load_gazetteer(user_file: Path | None = None, bundled: Path | None = None) -> Gazetteer:
    """The bundled gazetteer plus the analyst's additions, if the file exists."""
    # Imported here: the loader builds Gazetteers, so it imports this module.
    from briefreader.entities.loader import load_gazetteer as load

    return load(user_file, bundled)
