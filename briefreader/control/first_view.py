"""The document the window opens on, kept highlighted from the last session.

The window reopens the document it was closed on. Loading the entity matcher
(unpickling its automaton: about 50 ms of CPU in one call that holds the GIL,
after importing the matching code) was the last thing between a cold start and
that document's first highlighted paint. So the mentions the matcher found in
it (body, title, byline, standfirst) are kept here when the window closes, and
the next start paints them at once: `FirstView.find` stands in for the matcher
until it has loaded, just after. The document is then matched again, so a stale
file could at worst show the old highlighting for that moment.

Kept with them, and checked before any is used: the SHA-256 of each text, and a
key made from the gazetteer's files and the matching code (their sizes and
times, not their bytes: a start must not hash megabytes).
The file is a cache in the cache folder; losing it costs only the wait it saves.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader.domain import Document, Mention
from briefreader.paths import DataPaths, resources_dir

FILE_NAME = "first-view.json"
_ENTITIES_CODE = Path(__file__).resolve().parent.parent / "entities"
_KINDS = ("group", "country")


@dataclass(frozen=True, slots=True)
class FirstView:
    """What the matcher of `key` found in the texts the reader showed of document `doc_id`
    (its body, title, byline and standfirst), by the SHA-256 of each text."""

    doc_id: str
    key: str
    found: dict[str, tuple[Mention, ...]]

    def knows(self, doc: Document) -> bool:
        """Whether this is the document kept, its text unchanged."""
        return doc.id == self.doc_id and _sha(doc.body) in self.found

    def find(self, text: str) -> list[Mention]:
        """A matcher for the kept texts: what was found in `text` then; nothing in others."""
        found = self.found.get(_sha(text), ())
        return [m for m in found if m.end <= len(text)]


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
            str(raw["key"]),
            {str(sha): tuple(_mention(row) for row in rows) for sha, rows in raw["found"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return view if view.key == matcher_key(paths) else None


def save_first_view(
    paths: DataPaths,
    doc: Document,
    body_mentions: Sequence[Mention],
    header: Iterable[str],
    matcher: Callable[[str], Sequence[Mention]],
) -> None:
    """Keep what the reader shows of `doc` highlighted for the next start: the body's
    mentions (found already) and those `matcher` finds in each `header` text (short).
    Never raises: it is only a cache."""
    found = {_sha(text): [list(m) for m in matcher(text)] for text in header if text}
    found[_sha(doc.body)] = [list(m) for m in body_mentions]
    data = {"doc_id": doc.id, "key": matcher_key(paths), "found": found}
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
