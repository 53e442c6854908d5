"""The document the window opens on, kept highlighted from the last session.

The window reopens the document it was closed on. Loading the entity matcher
(unpickling its automaton: about 50 ms of CPU in one call that holds the GIL,
after importing the matching code) was the last thing between a cold start and
that document's first highlighted paint. So the mentions the matcher found in
it are kept here when the window closes, and the next start paints them at
once; the matcher loads just after, and the document is matched again when it
arrives, so a stale file can at worst show the old highlighting for that moment.

Kept with them, and checked before any is used: the document's id and the
SHA-256 of its text, and a key made from the gazetteer's files and the matching
code (their sizes and times, not their bytes: a start must not hash megabytes).
The file is a cache in the cache folder; losing it costs only the wait it saves.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader.domain import Document, Mention
from briefreader.paths import DataPaths, resources_dir

FILE_NAME = "first-view.json"
_ENTITIES_CODE = Path(__file__).resolve().parent.parent / "entities"
_KINDS = ("group", "country")


@dataclass(frozen=True, slots=True)
class FirstView:
    """The mentions found in one document's text, by the matcher of `key`."""

    doc_id: str
    text_sha: str
    key: str
    mentions: tuple[Mention, ...]

    def mentions_for(self, doc: Document) -> tuple[Mention, ...] | None:
        """The kept mentions, if `doc` is the document they were found in, text unchanged."""
        if doc.id != self.doc_id or _sha(doc.body) != self.text_sha:
            return None
        if any(m.end > len(doc.body) for m in self.mentions):
            return None
        return self.mentions


def matcher_key(paths: DataPaths) -> str:
    """Changes whenever the matcher could find other mentions: a gazetteer file or the
    matching code changed (size or time), or another Python runs it."""
    digest = hashlib.sha256(sys.version.encode())
    files = [
        *sorted((resources_dir() / "gazetteer").glob("*.toml")),
        *sorted(_ENTITIES_CODE.glob("*.py")),
        paths.user_gazetteer,
    ]
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path.name} -".encode())
            continue
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def read_first_view(paths: DataPaths) -> FirstView | None:
    """The view kept by the last session, if there is one and the matcher is the same."""
    try:
        raw = json.loads((paths.cache_dir / FILE_NAME).read_text(encoding="utf-8"))
        view = FirstView(
            str(raw["doc_id"]),
            str(raw["text_sha"]),
            str(raw["key"]),
            tuple(_mention(row) for row in raw["mentions"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    return view if view.key == matcher_key(paths) else None


def save_first_view(paths: DataPaths, doc: Document, mentions: Sequence[Mention]) -> None:
    """Keep `doc`'s mentions for the next start (never raises: it is only a cache)."""
    data = {
        "doc_id": doc.id,
        "text_sha": _sha(doc.body),
        "key": matcher_key(paths),
        "mentions": [list(m) for m in mentions],
    }
    with contextlib.suppress(OSError):
        paths.cache_dir.mkdir(parents=True, exist_ok=True)
        # Not tempfile: importing it (random, shutil) costs more than this whole module.
        tmp = paths.cache_dir / f".first-view-{os.getpid()}.tmp"
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(paths.cache_dir / FILE_NAME)
        finally:
            tmp.unlink(missing_ok=True)


def _mention(row: object) -> Mention:
    if not isinstance(row, list) or len(row) != len(Mention._fields):
        raise ValueError("not a mention")
    start, end, kind, canonical, surface = row
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise ValueError("not a span")
    if kind not in _KINDS or not isinstance(canonical, str) or not isinstance(surface, str):
        raise ValueError("not an entity")
    return Mention(start, end, kind, canonical, surface)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
