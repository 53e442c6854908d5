"""The gazetteer: every group and country with all the ways it is written.

It is loaded from the TOML files bundled in `resources/gazetteer/` and merged
with the analyst's own additions (`DataPaths.user_gazetteer`). The format and
every matching rule are documented in `resources/gazetteer/rules.toml`.

A bad bundled file is a bug and raises `GazetteerError`; a bad user file must
not stop the application, so its problems are collected in
`Gazetteer.problems` (and logged) and the rest of it is used.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefreader.domain import EntityKind
from briefreader.entities.match_text import fold_key
from briefreader.entities.normalise import expand_braces
from briefreader.paths import resources_dir

log = logging.getLogger(__name__)

_KINDS: dict[str, EntityKind] = {"group": "group", "country": "country"}
#: Demonyms ending like this have no plural in -s (Chinese, British, Swiss).
_NO_PLURAL = ("ese", "ish", "ch", "sh", "s", "z", "x", "é", "è")


class GazetteerError(ValueError):
    """The bundled gazetteer is inconsistent (a spelling with two owners...)."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One group or country and every way of writing it.

    `aliases` and `demonyms` are names, matched in their usual capitalisation;
    `acronyms` are matched in exactly their own case. `guarded` lists the
    spellings that need a look at their context before they count (see
    rules.toml). All tuples hold expanded spellings ("{a|b}" already
    resolved, plurals of demonyms added).
    """

    canonical: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    parent: str | None = None
    demonyms: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling matched as a name: canonical, aliases, demonyms."""
        return _unique((self.canonical, *self.aliases, *self.demonyms))

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every spelling, names first, then acronyms."""
        return _unique((*self.names, *self.acronyms))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def plural(demonym: str) -> str | None:
    """'Afghan' -> 'Afghans'; None for words with no plural in -s."""
    if demonym.lower().endswith(_NO_PLURAL):
        return None
    return demonym + "s"


@dataclass(frozen=True)
class Gazetteer:
    """An immutable, validated set of entities plus the negative phrases.

    Safe to share between threads: nothing changes after construction.
    """

    entities: tuple[Entity, ...]
    negatives: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    _by_canonical: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _exact: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _folded: dict[str, Entity] = field(init=False, repr=False, compare=False)

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
        object.__setattr__(self, "_by_canonical", by_canonical)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)

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

    def children_of(self, canonical: str) -> tuple[Entity, ...]:
        """The branches and provinces whose parent is `canonical`."""
        return tuple(e for e in self.entities if e.parent == canonical)

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)


def _long(acronym: str) -> bool:
    return sum(c.isalpha() for c in acronym) >= 4


def _strings(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{what} must be a list of strings")
    return [v for v in value if v.strip()]


def _expand(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(expand_braces(value))
    return list(dict.fromkeys(out))


def entity_from_entry(entry: Mapping[str, Any], kind: EntityKind) -> Entity:
    """Build one entity from a TOML entry (a table with `canonical`...)."""
    canonical = entry.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise GazetteerError(f"a {kind} entry has no canonical name: {dict(entry)!r}")
    unknown = set(entry) - {"canonical", "aliases", "acronyms", "demonyms", "parent", "guarded"}
    if unknown:
        raise GazetteerError(f"{canonical}: unknown fields {sorted(unknown)}")
    demonyms: list[str] = []
    for demonym in _expand(_strings(entry.get("demonyms"), f"{canonical}.demonyms")):
        demonyms.append(demonym)
        if (more := plural(demonym)) is not None:
            demonyms.append(more)
    parent = entry.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise GazetteerError(f"{canonical}: parent must be a string")
    return Entity(
        canonical=canonical.strip(),
        kind=kind,
        aliases=tuple(
            a for a in _expand(_strings(entry.get("aliases"), canonical)) if a != canonical
        ),
        acronyms=tuple(_expand(_strings(entry.get("acronyms"), f"{canonical}.acronyms"))),
        parent=parent,
        demonyms=tuple(dict.fromkeys(demonyms)),
        guarded=tuple(_strings(entry.get("guarded"), f"{canonical}.guarded")),
    )


@dataclass
class _Draft:
    """Entities and negatives read so far, in order, before validation."""

    entities: dict[str, Entity] = field(default_factory=dict)
    negatives: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _entries(data: Mapping[str, Any]) -> Iterable[tuple[EntityKind, Mapping[str, Any]]]:
    for key, kind in _KINDS.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise GazetteerError(f"`{key}` must be a list of entries")
        for entry in entries:
            if not isinstance(entry, Mapping):
                raise GazetteerError(f"`{key}` entries must be tables")
            yield kind, entry


def _merge(old: Entity, new: Entity) -> Entity:
    return replace(
        old,
        aliases=_unique((*old.aliases, *new.aliases)),
        acronyms=_unique((*old.acronyms, *new.acronyms)),
        demonyms=_unique((*old.demonyms, *new.demonyms)),
        guarded=_unique((*old.guarded, *new.guarded)),
        parent=new.parent or old.parent,
    )


def _owners(entities: Iterable[Entity]) -> dict[str, str]:
    return {fold_key(s): e.canonical for e in entities for s in e.spellings}


def _add_user_entity(draft: _Draft, entity: Entity) -> None:
    """Merge one user entry, dropping spellings another entity owns."""
    owners = _owners(e for e in draft.entities.values() if e.canonical != entity.canonical)
    taken = [
        s for s in entity.spellings if owners.get(fold_key(s), entity.canonical) != entity.canonical
    ]
    for spelling in taken:
        draft.problems.append(
            f"{spelling!r} already means {owners[fold_key(spelling)]!r}; "
            f"not added to {entity.canonical!r}"
        )
    keep = set(taken).__contains__
    entity = replace(
        entity,
        aliases=tuple(a for a in entity.aliases if not keep(a)),
        acronyms=tuple(a for a in entity.acronyms if not keep(a)),
        demonyms=tuple(d for d in entity.demonyms if not keep(d)),
    )
    old = draft.entities.get(entity.canonical)
    if old is not None and old.kind != entity.kind:
        draft.problems.append(f"{entity.canonical!r} is a {old.kind}, not a {entity.kind}")
        return
    draft.entities[entity.canonical] = _merge(old, entity) if old else entity


def _load_user_file(draft: _Draft, path: Path) -> None:
    try:
        data = _read_toml(path)
        entries = list(_entries(data))
        negatives = _strings(data.get("negatives"), "negatives")
    except (OSError, tomllib.TOMLDecodeError, GazetteerError) as error:
        draft.problems.append(f"{path}: {error}")
        return
    for kind, entry in entries:
        try:
            entity = entity_from_entry(entry, kind)
        except GazetteerError as error:
            draft.problems.append(f"{path}: {error}")
            continue
        _add_user_entity(draft, entity)
    draft.negatives.extend(negatives)


def bundled_dir() -> Path:
    return resources_dir() / "gazetteer"


def load_gazetteer(user_file: Path | None = None, bundled: Path | None = None) -> Gazetteer:
    """The bundled gazetteer plus the analyst's additions, if the file exists."""
    folder = bundled or bundled_dir()
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise GazetteerError(f"no gazetteer files in {folder}")
    draft = _Draft()
    for path in files:
        data = _read_toml(path)
        for kind, entry in _entries(data):
            entity = entity_from_entry(entry, kind)
            if entity.canonical in draft.entities:
                raise GazetteerError(f"{path.name}: {entity.canonical!r} is listed twice")
            draft.entities[entity.canonical] = entity
        draft.negatives.extend(_strings(data.get("negatives"), f"{path.name}: negatives"))
    if user_file is not None and user_file.is_file():
        _load_user_file(draft, user_file)
    for problem in draft.problems:
        log.warning("gazetteer: %s", problem)
    return Gazetteer(
        entities=tuple(draft.entities.values()),
        negatives=_unique(draft.negatives),
        problems=tuple(draft.problems),
    )
