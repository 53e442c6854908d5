"""The last resort for note edits the store could not save before quitting.

The store keeps a refused edit in memory and retries it (disk full, a
read-only folder, another instance holding the database), but memory ends
with the process. On quit, whatever is still unsaved is written as a plain
Markdown file to the first place that takes it (the data directory, the home
folder, the temporary folder), so the analyst's words outlive the window.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from briefreader.store import NoteTarget, Store
from briefreader.store.errors import StoreError


def rescue_places(data_dir: Path) -> list[Path]:
    return [data_dir, Path.home(), Path(tempfile.gettempdir())]


def place_in_words(path: Path, data_dir: Path) -> str:
    """Where the rescue file went, as the analyst knows the place: the file's own name
    and "your home folder", never a full local path."""
    folder = path.parent
    if folder == data_dir:
        where = "the briefreader data folder"
    elif folder == Path.home():
        where = "your home folder"
    else:
        where = "the system's temporary folder"
    return f"{path.name} in {where}"


def rescue_message(count: int, path: Path | None, data_dir: Path, why: str | None) -> str:
    text = f"{count} note edit(s) could not be saved to the work database"
    text += f" ({why})" if why else ""
    if path is None:
        return text + ". Copy them from below now."
    return text + f". They were written to {place_in_words(path, data_dir)}."


#: What a note is on, as the rescue file and the message name it; `name_of` gives the
#: document's title, the excerpt's name (`excerpt “first words…”`) or the briefing's title.
NameOf = Callable[[NoteTarget], str]


def target_namer(store: Store | None, title_of: Callable[[str], str]) -> NameOf:
    """`name_of` over a store: documents by title, excerpts by their first words,
    briefings by title; "" for what is gone (or with no store)."""

    def name_of(target: NoteTarget) -> str:
        if target.kind == "document":
            return title_of(target.id)
        if store is None or not target.id.isdigit():
            return ""
        try:
            if target.kind == "excerpt":
                return store.excerpts.get(int(target.id)).name
            found = [b for b in store.briefings.list() if str(b.id) == target.id]
        except StoreError:
            return ""
        return (found[0].title or found[0].name) if found else ""

    return name_of


def describe_target(target: NoteTarget, name_of: NameOf) -> str:
    name = name_of(target) if target.kind != "memo" else ""
    if target.kind == "memo":
        return "The memo"
    if target.kind == "document":
        return f"Note on “{name}”" if name else "Note on a document no longer in the library"
    if target.kind == "excerpt":
        return f"Note on the {name}" if name else "Note on a deleted excerpt"
    return f"Note on the briefing “{name}”" if name else "Note on a deleted briefing"


def rescue_text(unsaved: Mapping[NoteTarget, str], name_of: NameOf) -> str:
    parts = [f"# Unsaved briefreader notes, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"]
    for target, text in unsaved.items():
        parts.append(f"## {describe_target(target, name_of)}\n\n{text.rstrip()}\n")
    return "\n".join(parts)


def rescue_notes(
    unsaved: Mapping[NoteTarget, str],
    places: Sequence[Path],
    name_of: NameOf = lambda target: "",
) -> Path | None:
    """Write `unsaved` to a new file in the first writable place; None if none took it."""
    if not unsaved:
        return None
    text = rescue_text(unsaved, name_of)
    name = f"briefreader-unsaved-notes-{datetime.now(UTC):%Y%m%dT%H%M%S}.md"
    for place in places:
        path = place / name
        try:
            handle = path.open("x", encoding="utf-8")
        except OSError:
            continue
        try:
            with handle:
                handle.write(text)
        except OSError:  # a full disk: don't leave half a file behind
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        return path
    return None
