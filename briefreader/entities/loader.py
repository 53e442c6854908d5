"""Reading the gazetteer: the bundled TOML files plus the analyst's own.

The bundled files live in `resources/gazetteer/`; every `*.toml` there is
read, in name order. Each may hold `group` and `country` entries, `negatives`
(phrases that are never mentions), `sources` (the official lists, with the
date of the copy read) and rule tables the matcher reads elsewhere. The
analyst's additions (`DataPaths.user_gazetteer`) use the same format.

A bad bundled file is a bug and raises `GazetteerError`; a bad user file must
not stop the application, so its problems are collected in
`Gazetteer.problems` (and logged) and the rest of it is used.

Official names become spellings last (`official_names.py`), once every
curated spelling is known: a curated spelling always keeps its owner, and a
name that lists give two organisations ("Ansar al-Sharia" is the UN's name
for three) belongs to neither. Generic official names that would be found
in ordinary prose ("The Base", "People's Liberation Army") are listed in
rules.toml and kept as provenance only.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from briefreader.domain import EntityKind
from briefreader.entities.context_rules import ContextRuleError, MatchRules, match_rules
from briefreader.entities.entries import entity_from_entry, entry_scripts, strings
from briefreader.entities.gazetteer import Entity, Gazetteer, GazetteerError
from briefreader.entities.listings import Source
from briefreader.entities.match_text import fold_key
from briefreader.entities.official_names import add_official_spellings
from briefreader.entities.relations import Relation
from briefreader.paths import resources_dir
from briefreader.tomlfile import read_toml

log = logging.getLogger(__name__)

_KINDS: dict[str, EntityKind] = {"group": "group", "country": "country"}


@dataclass
class _Draft:
    """Entities, sources and negatives read so far, in order, before validation."""

    entities: dict[str, Entity] = field(default_factory=dict)
    negatives: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    rules: MatchRules = field(default_factory=MatchRules)
    #: Folded spelling -> owners, built when the first user entry is added.
    owners: dict[str, dict[str, None]] | None = None
    #: Names in other scripts given apart from their entry (`[scripts."Name"]`).
    scripts: list[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]] = field(default_factory=list)


def bundled_dir() -> Path:
    return resources_dir() / "gazetteer"


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


def _sources(data: Mapping[str, Any]) -> list[Source]:
    table = data.get("sources", {})
    if not isinstance(table, Mapping):
        raise GazetteerError("`sources` must be a table of tables")
    out = []
    for key, value in table.items():
        if not isinstance(value, Mapping) or not isinstance(value.get("title"), str):
            raise GazetteerError(f"sources.{key} needs a title")
        out.append(
            Source(key, value["title"], str(value.get("read", "")), str(value.get("copy", "")))
        )
    return out


def _read_negatives(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    draft.negatives.extend(strings(data.get("negatives"), f"{where}: negatives"))


def _read_sources(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    for source in _sources(data):
        draft.sources[source.key] = source


def _read_generic(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    for name in strings(data.get("official_names_not_matched"), f"{where}: generic names"):
        draft.generic.add(fold_key(name).casefold())


def _read_rules(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    try:
        draft.rules = draft.rules.merged(match_rules(data))
    except ContextRuleError as error:
        raise GazetteerError(f"{where}: {error}") from error


def _read_scripts(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    table = data.get("scripts", {})
    if not isinstance(table, Mapping):
        raise GazetteerError(f"{where}: `scripts` must be a table of entries' names")
    for canonical, by_language in table.items():
        draft.scripts.append((canonical, entry_scripts(by_language, f"{where}: {canonical}")))


_COMMON_PARTS = (_read_negatives, _read_sources, _read_generic, _read_rules, _read_scripts)
#: Everything a gazetteer file may hold at its top level.
_KNOWN_KEYS = frozenset(
    {
        *_KINDS,
        "negatives",
        "sources",
        "official_names_not_matched",
        "scripts",
        "context",
        "qualified",
        "ethnic_demonyms",
    }
)


def _read_common(draft: _Draft, data: Mapping[str, Any], where: str) -> None:
    for part in _COMMON_PARTS:
        part(draft, data, where)


def _check_rules(draft: _Draft, *, bundled: bool) -> None:
    """Qualified names must name a group, a country and a group that exist."""
    kept = []
    for group, country, target in draft.rules.qualified:
        kinds = [draft.entities[n].kind if n in draft.entities else None for n in (group, country)]
        target_kind = draft.entities[target].kind if target in draft.entities else None
        if kinds == ["group", "country"] and target_kind == "group":
            kept.append((group, country, target))
            continue
        message = f"qualified.{group}: {country} = {target!r} does not name known entities"
        if bundled:
            raise GazetteerError(message)
        draft.problems.append(message)
    draft.rules = replace(draft.rules, qualified=tuple(kept))


def _apply_scripts(draft: _Draft, *, bundled: bool) -> None:
    """Merge the `[scripts."Name"]` tables read so far into their entities."""
    for canonical, scripts in draft.scripts:
        entity = draft.entities.get(canonical)
        if entity is None:
            message = f"scripts: {canonical!r} is not in the gazetteer"
            if bundled:
                raise GazetteerError(message)
            draft.problems.append(message)
            continue
        if bundled:
            draft.entities[canonical] = _merge(entity, replace(entity, scripts=scripts))
        else:  # drops, and reports, a name another entity owns
            _add_user_entity(draft, Entity(canonical, entity.kind, scripts=scripts))
    draft.scripts.clear()


def _merge(old: Entity, new: Entity) -> Entity:
    def unique(*parts: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(dict.fromkeys(item for part in parts for item in part))

    scripts = dict(old.scripts)
    for language, names in new.scripts:
        scripts[language] = unique(scripts.get(language, ()), names)
    return replace(
        old,
        aliases=unique(old.aliases, new.aliases),
        acronyms=unique(old.acronyms, new.acronyms),
        demonyms=unique(old.demonyms, new.demonyms),
        guarded=unique(old.guarded, new.guarded),
        relations=unique(old.relations, new.relations),
        scripts=tuple(scripts.items()),
        listings=unique(old.listings, new.listings),
        short_forms=unique(old.short_forms, new.short_forms),
    )


def _owner_index(draft: _Draft) -> dict[str, dict[str, None]]:
    """Folded spelling -> the entities that write it, built once for the user's entries."""
    if draft.owners is None:
        draft.owners = {}
        for entity in draft.entities.values():
            _index(draft.owners, entity)
    return draft.owners


def _index(
    owners: dict[str, dict[str, None]], entity: Entity, spellings: Iterable[str] | None = None
) -> None:
    for spelling in entity.spellings if spellings is None else spellings:
        owners.setdefault(fold_key(spelling), {})[entity.canonical] = None


def _add_user_entity(draft: _Draft, entity: Entity, where: Callable[[], str] = lambda: "") -> None:
    """Merge one user entry, dropping spellings another entity owns.

    The owners of every spelling are kept in one index that each entry adds
    to, so that loading is linear in the number of entries (it was rebuilt
    per entry: 4,000 entries took minutes). `where` names the entry's line
    only when there is a problem to report (finding it costs ~15 us an entry).
    """
    owners = _owner_index(draft)

    def prefix() -> str:
        named = where()
        return f"{named}: " if named else ""

    canonical = entity.canonical
    keys = [(spelling, fold_key(spelling)) for spelling in entity.spellings]
    taken: dict[str, str] = {}
    for spelling, key in keys:
        found = owners.get(key)
        if found and (owner := next((o for o in found if o != canonical), None)) is not None:
            taken[spelling] = owner
    for spelling in sorted(taken):
        draft.problems.append(
            f"{prefix()}{spelling!r} already means {taken[spelling]!r}; "
            f"not added to {entity.canonical!r}"
        )
    if taken:
        entity = replace(
            entity,
            aliases=tuple(a for a in entity.aliases if a not in taken),
            acronyms=tuple(a for a in entity.acronyms if a not in taken),
            demonyms=tuple(d for d in entity.demonyms if d not in taken),
            scripts=tuple(
                (language, tuple(n for n in names if n not in taken))
                for language, names in entity.scripts
            ),
        )
    old = draft.entities.get(entity.canonical)
    if old is not None and old.kind != entity.kind:
        draft.problems.append(
            f"{prefix()}{entity.canonical!r} is a {old.kind}, not a {entity.kind}"
        )
        return
    draft.entities[entity.canonical] = _merge(old, entity) if old else entity
    for spelling, key in keys:
        if spelling not in taken:
            owners.setdefault(key, {})[canonical] = None


def _load_user_file(draft: _Draft, path: Path) -> None:
    """The analyst's file: every readable, valid entry is used; the rest reported.

    Each problem names the file and, for `[[group]]` / `[[country]]`
    entries, the line; a bad entry or section is skipped on its own.
    """
    toml = read_toml(path)
    draft.problems.extend(toml.problems)
    data = toml.data
    for key in sorted(set(data) - _KNOWN_KEYS):
        draft.problems.append(f"{toml.name}: unknown entry `{key}` ignored")
    for part in _COMMON_PARTS:
        try:
            part(draft, _one_part(part, data), toml.name)
        except GazetteerError as error:
            draft.problems.append(_named(toml.name, error))
    one_by_one: list[tuple[Any, dict[str, Any], str]] = []
    if isinstance(data.get("context"), list):
        one_by_one += [
            (_read_rules, {"context": [rule]}, toml.where("context", number))
            for number, rule in enumerate(data["context"])
        ]
    if isinstance(data.get("scripts"), Mapping):
        one_by_one += [
            (_read_scripts, {"scripts": {name: names}}, toml.name)
            for name, names in data["scripts"].items()
        ]
    for part, piece, where in one_by_one:
        try:
            part(draft, piece, where)
        except GazetteerError as error:
            draft.problems.append(_named(toml.name, error))
    for key, kind in _KINDS.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            draft.problems.append(f"{toml.name}: `{key}` must be a list of entries")
            continue
        for number, entry in enumerate(entries):
            where = partial(toml.where, key, number)
            if not isinstance(entry, Mapping):
                draft.problems.append(f"{where()}: `{key}` entries must be tables")
                continue
            try:
                entity = entity_from_entry(entry, kind)
            except GazetteerError as error:
                draft.problems.append(f"{where()}: {error}")
                continue
            _add_user_entity(draft, entity, where)


def _one_part(part: Any, data: Mapping[str, Any]) -> Mapping[str, Any]:
    """What one common part reads of the user's file at once (rules and scripts
    given as lists or tables of entries are read entry by entry instead)."""
    if part is _read_rules and isinstance(data.get("context"), list):
        return {k: v for k, v in data.items() if k != "context"}
    if part is _read_scripts and isinstance(data.get("scripts"), Mapping):
        return {k: v for k, v in data.items() if k != "scripts"}
    return data


def _named(name: str, error: Exception) -> str:
    text = str(error)
    return text if text.startswith(name) else f"{name}: {text}"


def _drop_unknown_relations(draft: _Draft) -> None:
    """A user entry may name a relation target that does not exist: report, drop."""
    for canonical, entity in list(draft.entities.items()):
        kept: list[Relation] = []
        for relation in entity.relations:
            if relation.target in draft.entities and relation.target != canonical:
                kept.append(relation)
            else:
                draft.problems.append(
                    f"{canonical!r}: {relation.kind} {relation.target!r} is not in the gazetteer"
                )
        if len(kept) != len(entity.relations):
            draft.entities[canonical] = replace(entity, relations=tuple(kept))


def _check_bundled(draft: _Draft) -> None:
    """Relations and listings of the bundled files must name what exists."""
    for canonical, entity in draft.entities.items():
        for relation in entity.relations:
            if relation.target not in draft.entities:
                raise GazetteerError(
                    f"{canonical!r}: {relation.kind} {relation.target!r} is not in the gazetteer"
                )
        for listing in entity.listings:
            if listing.source not in draft.sources:
                raise GazetteerError(f"{canonical!r}: unknown source {listing.source!r}")


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
        _read_common(draft, data, path.name)
    _apply_scripts(draft, bundled=True)
    _check_bundled(draft)
    _check_rules(draft, bundled=True)
    if user_file is not None and user_file.is_file():
        _load_user_file(draft, user_file)
        _apply_scripts(draft, bundled=False)
        _check_rules(draft, bundled=False)
    _drop_unknown_relations(draft)
    add_official_spellings(draft.entities, draft.generic)
    for problem in draft.problems:  # callers show them (the CLI on stderr); logged for the record
        log.info("gazetteer: %s", problem)
    return Gazetteer(
        entities=tuple(draft.entities.values()),
        negatives=tuple(dict.fromkeys(draft.negatives)),
        problems=tuple(draft.problems),
        sources=tuple(draft.sources.values()),
        rules=draft.rules,
    )
