"""Official names, as the sanctions lists print them, made into spellings.

This runs last, once every curated spelling is known: a curated spelling
always keeps its owner, and a name that lists give two organisations
("Ansar al-Sharia" is the UN's name for three) belongs to neither. Generic
official names that would be found in ordinary prose ("The Base", "People's
Liberation Army") are listed in rules.toml and kept as provenance only
(`Entity.weak`: they count only in brackets after the entity's name).
Arabic names the UN prints get the forms of Arabic names; short acronyms
are guarded like "IS" and "US".
"""

from __future__ import annotations

from dataclasses import replace

from briefreader.entities.gazetteer import Entity
from briefreader.entities.listings import official_spellings
from briefreader.entities.match_text import fold_key
from briefreader.entities.scripts import is_arabic_script

#: Official acronyms this short are checked in context like "IS" and "US".
_GUARD_ACRONYMS_UP_TO = 4


def add_official_spellings(entities: dict[str, Entity], generic: set[str]) -> None:
    """Add the spellings of every official name nobody else owns (see the module doc).

    `entities` (canonical -> entity, every entity read) is updated in place;
    `generic` holds the folded official names too generic to be matched alone.
    """
    curated: set[str] = set()
    owners: dict[str, str] = {}
    for entity in entities.values():
        for spelling in entity.spellings:
            key = fold_key(spelling)
            curated.add(key)
            owners.setdefault(key.casefold(), entity.canonical)
    known_acronyms = frozenset(a.upper() for e in entities.values() for a in e.acronyms)
    country_names = {
        fold_key(n).casefold() for e in entities.values() if e.kind == "country" for n in e.names
    }

    def is_country(text: str) -> bool:
        return fold_key(text).casefold() in country_names

    claims: dict[str, dict[str, dict[str, bool]]] = {}
    weak: dict[str, list[str]] = {}
    for entity in entities.values():
        for listing in entity.listings:
            for printed in listing.names:
                if fold_key(printed).casefold() in generic:
                    weak.setdefault(entity.canonical, []).append(printed)
                    continue
                for spelling, acronym in official_spellings(printed, known_acronyms, is_country):
                    key = fold_key(spelling)
                    folded = key.casefold()
                    if folded in generic:
                        weak.setdefault(entity.canonical, []).append(spelling)
                        continue
                    owner = owners.get(folded, entity.canonical)
                    if not key or key in curated or owner != entity.canonical:
                        continue  # written so already, or another organisation's name
                    spellings = claims.setdefault(folded, {}).setdefault(entity.canonical, {})
                    spellings.setdefault(spelling, acronym)
    additions: dict[str, list[tuple[str, bool]]] = {}
    for by_owner in claims.values():
        if len(by_owner) == 1:  # a name two organisations are given is neither's
            ((canonical, spellings),) = by_owner.items()
            additions.setdefault(canonical, []).extend(spellings.items())
    for canonical, names in weak.items():
        entity = entities[canonical]
        entities[canonical] = replace(entity, weak=tuple(dict.fromkeys(names)))
    for canonical, spellings in additions.items():
        entity = entities[canonical]
        names = [s for s, acronym in spellings if not acronym and not is_arabic_script(s)]
        arabic = tuple(s for s, acronym in spellings if not acronym and is_arabic_script(s))
        acronyms = [s for s, acronym in spellings if acronym]
        short = [a for a in acronyms if sum(c.isalpha() for c in a) <= _GUARD_ACRONYMS_UP_TO]
        scripts = dict(entity.scripts)
        if arabic:  # an Arabic name the UN prints gets the forms of Arabic names
            scripts["ar"] = tuple(dict.fromkeys((*scripts.get("ar", ()), *arabic)))
        entities[canonical] = replace(
            entity,
            aliases=(*entity.aliases, *names),
            acronyms=(*entity.acronyms, *acronyms),
            guarded=(*entity.guarded, *short),
            scripts=tuple(scripts.items()),
        )
