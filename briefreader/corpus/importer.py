"""Importing one file into the library: new documents, new versions, duplicates.

The rules: the bytes a path last held are not read again; the same article
found again (same content id) is only noted as found in one more file; an
article of a changed file that matches one of the file's previous articles
(same title, or most of its text) becomes that article's next version; the
rest are new, unless a current article elsewhere has the same URL (the
same entry in another copy of a feed), whose next version they become.
Callers hold no lock: reading and parsing happen outside it, so
a large file never blocks readers on other threads.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefreader.corpus.cluster import containment, shingles
from briefreader.corpus.files import Found, read_capped
from briefreader.corpus.report import ImportReport
from briefreader.corpus.rows import COLUMNS, document_from_row, meta_json
from briefreader.domain import Document

#: Told (stored path, sha256, bytes, import time) before a new file's rows commit.
Keep = Callable[[str, str, bytes, str], None]


@dataclasses.dataclass(frozen=True, slots=True)
class Replay:
    """Bytes imported before, imported again under their first path and time."""

    path: str
    data: bytes
    imported_at: str


def display_path(path: Path) -> str:
    """The path as text; a name that is not valid UTF-8 keeps its bytes as \\x escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


#: Starts a stored path whose bytes are not UTF-8; an absolute path never starts so.
NOT_UTF8_PREFIX = "bytes:"


def stored_path(path: Path) -> str:
    """The path as the library keys its file: one text per path, never shared.

    `display_path` is not one to one: the Latin-1 name b"caf\\xe9.txt" and a
    name spelled with a backslash, "caf\\\\xe9.txt", both read "caf\\xe9.txt",
    and the second file to be imported became a "new version" of the first.
    A UTF-8 path is kept as it is (as before); any other has its backslashes
    escaped too, so every backslash starts one byte's escape, and a prefix no
    absolute path has.
    """
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        escaped = raw.replace(b"\\", b"\\x5c").decode("utf-8", "backslashreplace")
        return NOT_UTF8_PREFIX + escaped


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (autocommit connection)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def import_file(
    db: sqlite3.Connection,
    lock: AbstractContextManager[Any],
    item: Found,
    max_bytes: int,
    acc: Accumulator,
    *,
    shown: str = "",
    progress: Callable[[int, int], None] | None = None,
    keep: Keep | None = None,
    replay: Replay | None = None,
) -> None:
    """Read, parse and store one file; raises `Rejected` if it cannot be imported.

    `shown` is how the file is named to the analyst (never the absolute path,
    which is only stored); `progress` hears the reader's pages or entries.
    `keep` hears (stored path, sha256, bytes, import time) before the new
    file's rows commit (originals.py keeps them until a backup holds them);
    `replay` imports kept bytes again under their first path and time.
    """
    if replay is not None:
        data, path, first_imported = replay.data, replay.path, replay.imported_at
    else:
        data = read_capped(item.path, max_bytes)
        path, first_imported = stored_path(item.path.resolve()), ""
    sha = hashlib.sha256(data).hexdigest()
    with lock:
        known = db.execute(
            "SELECT id, version = (SELECT MAX(version) FROM files WHERE path = ?) "
            "FROM files WHERE path = ? AND sha256 = ?",
            (path, path, sha),
        ).fetchone()
        if known and known[1]:  # the bytes this path last held: nothing to do
            ids = [
                r[0]
                for r in db.execute(
                    "SELECT doc_id FROM occurrences WHERE file_id = ? ORDER BY source_index",
                    (known[0],),
                )
            ]
            acc.files_read += 1
            acc.unchanged.extend(ids)
            acc.documents.extend(ids)
            return
    # Parsing pulls in BeautifulSoup, ftfy and charset-normalizer; reading the
    # library (the window's start-up, search, the CLI listings) needs none of them.
    from briefreader.corpus.parse import parse_bytes

    now = first_imported or datetime.now(UTC).isoformat(timespec="seconds")
    parsed = parse_bytes(
        data,
        source=path,
        fmt=item.format,
        name=item.path.name,
        imported_at=now,
        guessed=item.guessed_format,
        progress=progress,
    )
    acc.files_read += 1
    shown = shown or item.path.name
    for warning in parsed.warnings:
        acc.warnings.append((shown, warning))
    if item.guessed_format and parsed.format == "text":
        acc.warnings.append((shown, "unknown file type; read as plain text"))
    if keep is not None and not known:
        keep(path, sha, data, now)
    with lock, transaction(db):
        previous = db.execute(
            "SELECT id, version FROM files WHERE path = ? ORDER BY version DESC LIMIT 1",
            (path,),
        ).fetchone()
        version = previous[1] + 1 if previous else 1
        if known:  # reverted to bytes it held before: that file is the newest again
            file_id = known[0]
            db.execute("UPDATE files SET version = ? WHERE id = ?", (version, file_id))
        else:
            file_id = db.execute(
                "INSERT INTO files (path, sha256, version, size, content, cleaned, "
                "encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    path,
                    sha,
                    version,
                    len(data),
                    data,
                    parsed.text,
                    parsed.encoding,
                    now,
                ),
            ).fetchone()[0]
        assert file_id is not None
        old = _current_documents_of(db, previous[0]) if previous else []
        for doc in parsed.documents:
            _store(db, doc, file_id, old, acc)


def _current_documents_of(db: sqlite3.Connection, file_id: int) -> list[Document]:
    rows = db.execute(
        f"SELECT {COLUMNS} FROM documents WHERE current = 1 AND id IN "
        "(SELECT doc_id FROM occurrences WHERE file_id = ?)",
        (file_id,),
    ).fetchall()
    return [document_from_row(row) for row in rows]


def _store(
    db: sqlite3.Connection,
    doc: Document,
    file_id: int,
    old: list[Document],
    acc: Accumulator,
) -> None:
    acc.documents.append(doc.id)
    db.execute(
        "INSERT INTO occurrences (doc_id, file_id, source_index) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (doc.id, file_id, doc.source_index),
    )
    existing = db.execute(
        "SELECT article, current FROM documents WHERE id = ?", (doc.id,)
    ).fetchone()
    if existing and existing[1]:
        acc.unchanged.append(doc.id)
        return
    if existing:  # an older version came back (a file was reverted)
        article = existing[0]
        superseded = db.execute(
            "SELECT id FROM documents WHERE article = ? AND current = 1", (article,)
        ).fetchall()
        db.execute("UPDATE documents SET current = 0 WHERE article = ?", (article,))
        db.execute("UPDATE documents SET current = 1 WHERE id = ?", (doc.id,))
        acc.new_versions.append(doc.id)
        acc.superseded.extend(row[0] for row in superseded)
        return
    predecessor = _predecessor(doc, old)
    if predecessor is not None:
        old.remove(predecessor)
    elif doc.url:
        predecessor = _same_url(db, doc, acc)
    if predecessor is not None:
        row = db.execute(
            "SELECT article, (SELECT MAX(version) FROM documents d2 WHERE d2.article = "
            "d.article) FROM documents d WHERE id = ?",
            (predecessor.id,),
        ).fetchone()
        article, version = row[0], row[1] + 1
        db.execute("UPDATE documents SET current = 0 WHERE article = ?", (article,))
        acc.new_versions.append(doc.id)
        acc.superseded.append(predecessor.id)
    else:
        article, version = doc.id, 1
        acc.added.append(doc.id)
    db.execute(
        "INSERT INTO documents (id, article, version, current, file_id, title, body, meta) "
        "VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
        (doc.id, article, version, file_id, doc.title, doc.body, meta_json(doc)),
    )
    if acc.urls is not None and doc.url:
        acc.urls[doc.url] = doc.id


def _same_url(db: sqlite3.Connection, doc: Document, acc: Accumulator) -> Document | None:
    """The current document at the same URL from another file: an earlier state of this one.

    A feed saved again under another name, or a page saved twice as it was
    edited, gives the same article at the same address: its changed text is
    a new version, not a second article. The addresses of the current
    documents are read once per import, in SQL both backends speak.
    """
    if acc.urls is None:
        acc.urls = {}
        for doc_id, meta in db.execute("SELECT id, meta FROM documents WHERE current = 1"):
            if url := json.loads(meta).get("url"):
                acc.urls[url] = doc_id
    found = acc.urls.get(doc.url)
    if not found or found == doc.id:
        return None
    row = db.execute(
        f"SELECT {COLUMNS} FROM documents WHERE id = ? AND current = 1", (found,)
    ).fetchone()
    return document_from_row(row) if row else None


def _predecessor(doc: Document, old: list[Document]) -> Document | None:
    """The older version of `doc` among the articles its file held before.

    Two articles at different URLs are never versions of each other, however
    alike (a feed's entries often share a template).
    """
    if doc.url:
        old = [c for c in old if not c.url or c.url == doc.url]
    for candidate in old:
        if candidate.title == doc.title:
            return candidate
    if not old:
        return None  # nothing to compare with: spare a long document's shingles
    new = shingles(doc.body)
    best = max(old, key=lambda c: containment(new, shingles(c.body)), default=None)
    if best is not None and containment(new, shingles(best.body)) >= 0.5:
        return best
    return None


@dataclasses.dataclass
class Accumulator:
    added: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    new_versions: list[str] = dataclasses.field(default_factory=list)
    superseded: list[str] = dataclasses.field(default_factory=list)
    documents: list[str] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    warnings: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    files_read: int = 0
    #: URL -> the current document there, read when first needed (see `_same_url`).
    urls: dict[str, str] | None = None

    def report(self, stories_changed: tuple[str, ...]) -> ImportReport:
        return ImportReport(
            added=tuple(dict.fromkeys(self.added)),
            unchanged=tuple(i for i in dict.fromkeys(self.unchanged) if i not in self.added),
            new_versions=tuple(dict.fromkeys(self.new_versions)),
            superseded=tuple(dict.fromkeys(self.superseded)),
            documents=tuple(dict.fromkeys(self.documents)),
            skipped=tuple(self.skipped),
            warnings=tuple(self.warnings),
            stories_changed=stories_changed,
            files_read=self.files_read,
        )
