"""Turning what the analyst typed into an entity: any spelling, with a hint when none fits.

`briefreader dossier ISIS-K`, `dossier "Islamic State Khorasan"` and
`dossier iskp` all mean one group; the gazetteer decides, exactly as it
does in the reader. A name it does not know gets the closest spellings it
does know, so a typo costs one retry, not a trip to the gazetteer files.
"""

from __future__ import annotations

import difflib

from briefreader.analysis.tally import EntityKey
from briefreader.entities import Gazetteer
from briefreader.entities.match_text import fold_key


class UnknownEntityError(LookupError):
    """No group or country is written this way; `suggestions` holds close spellings."""

    def __init__(self, name: str, suggestions: tuple[str, ...]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no group or country is called {name!r}{hint}")
        self.name = name
        self.suggestions = suggestions


def resolve(gazetteer: Gazetteer, name: str) -> EntityKey:
    """The (kind, canonical) an analyst means by `name`; raises `UnknownEntityError`."""
    cleaned = " ".join(name.split())
    entity = gazetteer.resolve(cleaned) if cleaned else None
    if entity is None and cleaned:
        folded = fold_key(cleaned).casefold()
        entity = next(
            (e for e in gazetteer.entities if fold_key(e.canonical).casefold() == folded), None
        )
    if entity is None:
        raise UnknownEntityError(name, suggest(gazetteer, cleaned))
    return (entity.kind, entity.canonical)


def resolve_all(gazetteer: Gazetteer, names: list[str]) -> list[EntityKey]:
    """Each name resolved, duplicates (two spellings of one entity) kept once."""
    return list(dict.fromkeys(resolve(gazetteer, name) for name in names))


def suggest(gazetteer: Gazetteer, name: str, limit: int = 3) -> tuple[str, ...]:
    """Canonical names of the entities with a spelling close to `name`."""
    if not name:
        return ()
    owner: dict[str, str] = {}
    for entity in gazetteer.entities:
        for spelling in entity.spellings:
            owner.setdefault(spelling.casefold(), entity.canonical)
    close = difflib.get_close_matches(name.casefold(), list(owner), n=limit * 3, cutoff=0.75)
    return tuple(dict.fromkeys(owner[c] for c in close))[:limit]
