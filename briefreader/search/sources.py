"""What the index is built from, wired up: the library, the gazetteer, notes.

`update_from_library` is the one call that brings a data directory's index
up to date; `open_searcher` the one that gives a ready `Searcher`. Both take
the analyst's gazetteer additions into account: a change to them changes
the fingerprint stored with the index, which then rebuilds (the `group` and
`country` fields depend on the gazetteer).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from briefreader.corpus.library import Library, open_library
from briefreader.domain import Document, Mention
from briefreader.entities import Gazetteer, Matcher
from briefreader.entities.cache import matcher_for_files
from briefreader.entities.gazetteer import bundled_dir
from briefreader.paths import DataPaths
from briefreader.search.indexer import IndexChanges, NoteLike, update_index
from briefreader.search.parallel import ProgressFn, Tagger
from briefreader.search.schema import NOTE_PREFIX
from briefreader.search.searcher import Searcher


def gazetteer_fingerprint(paths: DataPaths) -> str:
    """A hash of every gazetteer file that shapes the entity fields."""
    digest = hashlib.blake2b(digest_size=12)
    files = sorted(bundled_dir().glob("*.toml"))
    if paths.user_gazetteer.is_file():
        files.append(paths.user_gazetteer)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_matcher(paths: DataPaths) -> Matcher:
    """The analyst's matcher, from the checksummed cache when it is current."""
    return matcher_for_files(paths.user_gazetteer, paths.cache_dir)


def make_tagger(find: Callable[[str], Sequence[Mention]]) -> Tagger:
    """Canonical (groups, countries) named in a text, from a mention finder."""

    def tag(text: str) -> tuple[list[str], list[str]]:
        mentions = find(text)
        groups = sorted({m.canonical for m in mentions if m.kind == "group"})
        countries = sorted({m.canonical for m in mentions if m.kind == "country"})
        return groups, countries

    return tag


class _NoteText:
    __slots__ = ("id", "text")

    def __init__(self, note_id: int | str, text: str) -> None:
        self.id, self.text = note_id, text


def read_notes(paths: DataPaths) -> list[NoteLike]:
    """The analyst's notes, read-only; none if the work database does not exist."""
    if not paths.work_db.exists():
        return []
    from briefreader.store import Store

    try:
        with Store.open(paths, read_only=True) as store:
            return [_NoteText(n.id, n.text) for n in store.iter_notes() if n.text.strip()]
    except Exception:  # notes are a bonus to search; a locked/damaged store is not fatal
        return []


class LibraryDocuments:
    """The library's documents as `update_index` reads them (`ListedDocuments`):
    counted once, then streamed a page at a time, never all in memory (100,000
    articles are about a gigabyte of text); an incremental update lists ids and
    stories and reads only the documents it indexes."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._count = library.document_count()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Document]:
        return self._library.iter_documents()

    def stories(self) -> list[tuple[str, str]]:
        return self._library.document_stories()

    def fetch(self, ids: Sequence[str]) -> Iterator[Document]:
        for doc_id in ids:
            doc = self._library.get(doc_id)
            if doc is not None:
                yield doc


def update_from_library(
    paths: DataPaths,
    *,
    library: Library | None = None,
    progress: ProgressFn | None = None,
    procs: int = 2,
    lock_timeout: float = 10.0,
    include_notes: bool = True,
    index_dir: Path | None = None,
    matcher: Matcher | None = None,
) -> IndexChanges:
    """Bring `paths.index_dir` up to date with the library (and notes).

    Opens (and on a fresh data directory, seeds) the library if none is
    given. Raises `IndexBusyError` if another process holds the index
    longer than `lock_timeout` seconds.
    """
    own = library is None
    lib = library if library is not None else open_library(paths)
    try:
        notes = read_notes(paths) if include_notes else []
        return update_index(
            index_dir or paths.index_dir,
            LibraryDocuments(lib),
            make_tagger((matcher or load_matcher(paths)).find),
            notes=notes,
            fingerprint=gazetteer_fingerprint(paths),
            progress=progress,
            procs=procs,
            lock_timeout=lock_timeout,
        )
    finally:
        if own:
            lib.close()


def library_text(library: Library, paths: DataPaths | None = None) -> Callable[[str], str | None]:
    """`text_of` for a Searcher: document bodies from the library, note texts from the store."""
    notes: dict[str, str] | None = None

    def text_of(entry_id: str) -> str | None:
        nonlocal notes
        if entry_id.startswith(NOTE_PREFIX):
            if notes is None:
                notes = {str(n.id): n.text for n in read_notes(paths)} if paths else {}
            return notes.get(entry_id[len(NOTE_PREFIX) :])
        doc = library.get(entry_id)
        return doc.body if doc is not None else None

    return text_of


def open_searcher(
    paths: DataPaths,
    library: Library,
    gazetteer: Gazetteer | None = None,
    *,
    index_dir: Path | None = None,
    matcher: Matcher | None = None,
) -> Searcher:
    """A Searcher over `paths.index_dir` (or `index_dir`) with alias expansion and
    library snippets.

    The matcher is `matcher` if given, else built for `gazetteer`, else the
    analyst's (from the cache).
    """
    if matcher is None:
        matcher = Matcher(gazetteer) if gazetteer is not None else load_matcher(paths)
    return Searcher(
        Path(index_dir or paths.index_dir),
        resolver=matcher.gazetteer,
        text_of=library_text(library, paths),
        mentions=matcher.find,
    )
