"""What an official list adds to the gazetteer, and writing it to the analyst's file.

`plan_import` compares a list with the gazetteer (bundled and the analyst's
own): each designation is matched to an organisation by the list's
reference where the gazetteer already records it, else by its names; what
the gazetteer's listings from that list do not hold yet is new, and names
recorded under the same reference that the list no longer prints are
reported (never deleted). `append_to` writes the new names as
`[[group.official]]` tables at the end of the analyst's gazetteer.toml,
leaving the rest of the file as it was; a second import of the same file
finds nothing new and writes nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefreader.entities.gazetteer import Gazetteer
from briefreader.entities.listings import official_spellings
from briefreader.entities.lists import Designation, ListError, OfficialList

#: For each source key an import writes, the keys of the listings that count
#: as the same list ("un-*" is every key starting "un-").
FAMILIES = {
    "un": ("un", "un-*"),
    "ofac": ("ofac", "fto", "fto-*"),
    "uk": ("uk", "uk-curated"),
    "uk-ofsi": ("uk-ofsi",),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One organisation's news: its new names, and names the list dropped."""

    canonical: str
    ref: str
    new_entity: bool
    names: tuple[str, ...]
    gone: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportPlan:
    listing: OfficialList
    changes: tuple[Change, ...]
    unchanged: int

    @property
    def additions(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.names)

    @property
    def empty(self) -> bool:
        return not self.additions


def _same_list(source: str, family: tuple[str, ...]) -> bool:
    return any(
        source.startswith(key[:-1]) if key.endswith("*") else source == key for key in family
    )


def plan_import(gazetteer: Gazetteer, listing: OfficialList) -> ImportPlan:
    family = FAMILIES.get(listing.source, (listing.source,))
    by_ref: dict[str, str] = {}
    printed: dict[str, set[str]] = {}
    recorded: dict[tuple[str, str], set[str]] = {}
    for entity in gazetteer.entities:
        for official in entity.listings:
            if not _same_list(official.source, family):
                continue
            if official.ref:
                by_ref.setdefault(official.ref, entity.canonical)
            names = {n.casefold() for n in official.names}
            printed.setdefault(entity.canonical, set()).update(names)
            recorded.setdefault((entity.canonical, official.ref), set()).update(official.names)
    changes: list[Change] = []
    unchanged = 0
    taken: set[str] = {e.canonical for e in gazetteer.entities}
    for designation in listing.designations:
        canonical = by_ref.get(designation.ref) if designation.ref else None
        canonical = canonical or _by_names(gazetteer, designation)
        new_entity = canonical is None
        if canonical is None:
            canonical = _new_canonical(designation, taken)
            taken.add(canonical)
        known = printed.get(canonical, set())
        names = tuple(n for n in designation.names if n.casefold() not in known)
        listed = {n.casefold() for n in designation.names}
        gone = tuple(
            sorted(
                n
                for n in recorded.get((canonical, designation.ref), set())
                if designation.ref and n.casefold() not in listed
            )
        )
        if names or gone:
            changes.append(Change(canonical, designation.ref, new_entity, names, gone))
        else:
            unchanged += 1
    return ImportPlan(listing, tuple(changes), unchanged)


def _by_names(gazetteer: Gazetteer, designation: Designation) -> str | None:
    """The group most of the designation's names resolve to, if any."""
    votes: Counter[str] = Counter()
    for printed in designation.names:
        for spelling, _acronym in official_spellings(printed):
            entity = gazetteer.resolve(spelling)
            if entity is not None and entity.kind == "group":
                votes[entity.canonical] += 1
    return votes.most_common(1)[0][0] if votes else None


def _new_canonical(designation: Designation, taken: set[str]) -> str:
    spellings = official_spellings(designation.names[0])
    names = [s for s, acronym in spellings if not acronym] or [s for s, _ in spellings]
    base = names[0] if names else designation.names[0]
    canonical, number = base, 2
    while canonical in taken:
        canonical, number = f"{base} ({number})", number + 1
    return canonical


def render(plan: ImportPlan, file_names: list[str], today: str) -> str:
    """The TOML block `append_to` writes for the plan's new names."""
    listing = plan.listing
    lines = [
        f"# Imported on {today} by `briefreader gazetteer import` from {', '.join(file_names)}:",
        f"# {listing.title} of {listing.read} (dated by {listing.dated_by}).",
    ]
    for change in plan.additions:
        lines += ["", "[[group]]", f"canonical = {_string(change.canonical)}"]
        lines += ["[[group.official]]", f"source = {_string(listing.source)}"]
        if change.ref:
            lines.append(f"ref = {_string(change.ref)}")
        lines.append(f"read = {_string(listing.read)}")
        lines.append("names = [" + ", ".join(_string(n) for n in change.names) + "]")
    return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's for these characters)."""
    return json.dumps(value, ensure_ascii=False)


def append_to(user_file: Path, block: str) -> None:
    """Add `block` at the end of the analyst's gazetteer file, atomically.

    The file is checked first and the result after: a file TOML cannot read,
    or one that lists groups as `group = [...]` (to which `[[group]]` tables
    cannot be added), is left untouched with a message saying why.
    """
    try:
        old = user_file.read_text(encoding="utf-8") if user_file.is_file() else ""
        data = tomllib.loads(old)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)
        if isinstance(error, RecursionError):
            reason = "nested too deeply"
        raise ListError(f"your gazetteer.toml is not valid TOML ({reason}); fix it first") from None
    if isinstance(data.get("group"), list) and "[[group]]" not in old:
        raise ListError(
            "your gazetteer.toml lists groups as `group = [...]`; write them as [[group]] "
            "tables (the same entries, one table each) so that imports can be added"
        )
    if not old:
        old = "# Your additions to briefreader's gazetteer (format: see the README).\n"
    new = old.rstrip("\n") + "\n\n" + block
    try:
        tomllib.loads(new)
    except tomllib.TOMLDecodeError as error:  # pragma: no cover - render writes valid TOML
        raise ListError(f"the import would not be valid TOML ({error}); nothing written") from error
    user_file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=user_file.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(new)
        Path(temporary).replace(user_file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
