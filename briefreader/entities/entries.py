"""One gazetteer entry (a TOML table) read into an `Entity`.

The fields are documented in resources/gazetteer/rules.toml. An entry is a
table in a `group = [...]` or `country = [...]` list, or a `[[group]]` /
`[[country]]` table, which TOML reads the same way. The official names in
`official` are kept as `Listing`s here; turning them into spellings needs the
whole gazetteer (a name two lists give two organisations is nobody's), so
the loader does it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from briefreader.domain import EntityKind
from briefreader.entities.gazetteer import Entity, GazetteerError
from briefreader.entities.listings import Listing, clean
from briefreader.entities.normalise import expand_braces
from briefreader.entities.relations import RELATION_KINDS, Relation

#: Demonyms ending like this have no plural in -s (Chinese, British, Swiss).
_NO_PLURAL = ("ese", "ish", "ch", "sh", "s", "z", "x", "é", "è")
_FIELDS = frozenset(
    {
        "canonical",
        "aliases",
        "acronyms",
        "demonyms",
        "guarded",
        "scripts",
        "official",
        "short_forms",
        "note",
    }
    | set(RELATION_KINDS)
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def plural(demonym: str) -> str | None:
    """'Afghan' -> 'Afghans'; None for words with no plural in -s."""
    if demonym.lower().endswith(_NO_PLURAL):
        return None
    return demonym + "s"


def strings(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{what} must be a list of strings")
    return [v for v in value if v.strip()]


def _expand(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(expand_braces(value))
    return list(dict.fromkeys(out))


def _relations(entry: Mapping[str, Any], canonical: str) -> tuple[Relation, ...]:
    out: list[Relation] = []
    for kind in RELATION_KINDS:
        for target in strings(entry.get(kind), f"{canonical}.{kind}"):
            out.append(Relation(kind, canonical, target.strip()))
    return tuple(out)


def entry_scripts(value: Any, canonical: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise GazetteerError(f"{canonical}.scripts must be a table of language = [names]")
    out = []
    for language, names in value.items():
        if not _LANGUAGE.match(language):
            raise GazetteerError(f"{canonical}.scripts: {language!r} is not a language code")
        out.append((language, tuple(dict.fromkeys(strings(names, f"{canonical}.scripts")))))
    return tuple(out)


def _listings(value: Any, canonical: str) -> tuple[Listing, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise GazetteerError(f"{canonical}.official must be a list of tables")
    out = []
    for item in value:
        if not isinstance(item, Mapping) or not isinstance(item.get("source"), str):
            raise GazetteerError(f"{canonical}.official: each listing needs a source")
        unknown = set(item) - {"source", "ref", "read", "names"}
        if unknown:
            raise GazetteerError(f"{canonical}.official: unknown fields {sorted(unknown)}")
        names = tuple(dict.fromkeys(clean(n) for n in strings(item.get("names"), canonical)))
        out.append(
            Listing(
                source=item["source"],
                names=names,
                ref=str(item.get("ref", "")),
                read=str(item.get("read", "")),
            )
        )
    return tuple(out)


def entity_from_entry(entry: Mapping[str, Any], kind: EntityKind) -> Entity:
    """Build one entity from a TOML entry (a table with `canonical`...)."""
    canonical = entry.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise GazetteerError(f"a {kind} entry has no canonical name: {_short(dict(entry))}")
    canonical = canonical.strip()
    unknown = set(entry) - _FIELDS
    if unknown:
        raise GazetteerError(f"{canonical}: unknown fields {sorted(unknown)}")
    demonyms: list[str] = []
    for demonym in _expand(strings(entry.get("demonyms"), f"{canonical}.demonyms")):
        demonyms.append(demonym)
        if (more := plural(demonym)) is not None:
            demonyms.append(more)
    return Entity(
        canonical=canonical,
        kind=kind,
        aliases=tuple(
            a for a in _expand(strings(entry.get("aliases"), canonical)) if a != canonical
        ),
        acronyms=tuple(_expand(strings(entry.get("acronyms"), f"{canonical}.acronyms"))),
        demonyms=tuple(dict.fromkeys(demonyms)),
        guarded=tuple(strings(entry.get("guarded"), f"{canonical}.guarded")),
        relations=_relations(entry, canonical),
        scripts=entry_scripts(entry.get("scripts"), canonical),
        listings=_listings(entry.get("official"), canonical),
        short_forms=tuple(_expand(strings(entry.get("short_forms"), f"{canonical}.short_forms"))),
    )


def _short(value: Any, limit: int = 80) -> str:
    """A value's repr cut to fit a message line (a user entry may be long)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
