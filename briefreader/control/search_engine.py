"""The window's way into the search core: queries answered off the UI thread, index kept fresh.

`SearchEngine` holds one `Searcher` for the window. Its methods are meant
for ONE worker thread (the window's search thread): they parse, search,
cut snippets and mark a document's text, and never raise: an unusable or
hostile query comes back as a one-line `error`, never as a traceback.

Snippet and marking text comes from the documents the window already holds
(`set_documents`), so the index never has to store bodies, and the analyst's
notes from the store, opened read-only and re-read when the index changes.
The gazetteer loads on the first query (it takes a second), not at start-up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from briefreader.control.searching import LocalHit, ResultRow, SearchOutcome, Span, locate
from briefreader.domain import Document, Hit, Mention
from briefreader.paths import DataPaths

if TYPE_CHECKING:  # Whoosh loads with the first query or indexing run, not with the window
    from briefreader.search.background import IndexJob
    from briefreader.search.searcher import Searcher

#: How the index names a note's entry (`briefreader.search.schema.NOTE_PREFIX`, which a
#: test keeps equal): spelled here so the window need not import Whoosh to read rows.
NOTE_PREFIX: Final = "note:"
#: Rows listed per query: enough to read down, few enough to cut snippets while typing.
RESULT_LIMIT: Final = 50
SNIPPETS_PER_HIT: Final = 2
#: The longest message shown for an error (the status bar is one line).
MESSAGE_CHARS: Final = 160


def one_line(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """What a note hit needs: its text (for snippets) and where it belongs."""

    text: str
    doc_id: str  # the document it is on (or whose excerpt it is on), "" otherwise
    target: str  # "document" | "excerpt" | "briefing" | "memo"


def read_note_infos(paths: DataPaths) -> dict[str, NoteInfo]:
    """Every note by its id, read-only; none if there is no store or it cannot be read."""
    if not paths.work_db.exists():
        return {}
    from briefreader.store import Store

    try:
        with Store.open(paths, read_only=True) as store:
            out: dict[str, NoteInfo] = {}
            for note in store.iter_notes():
                kind, target = note.target.kind, note.target.id
                doc_id = target if kind == "document" else ""
                if kind == "excerpt":
                    try:
                        doc_id = store.excerpts.get(int(target)).doc_id
                    except Exception:  # a note on a deleted excerpt: still searchable
                        doc_id = ""
                out[str(note.id)] = NoteInfo(note.text, doc_id, kind)
            return out
    except Exception:  # notes are a bonus to search; a locked or damaged store is not fatal
        return {}


class SearchEngine:
    """Queries for one window (call from one worker thread; `set_documents` from any)."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self._bodies: dict[str, Document] = {}
        self._notes: dict[str, NoteInfo] | None = None
        self._searcher: Searcher | None = None
        self._find: Callable[[str], Sequence[Mention]] | None = None
        self._lock = threading.Lock()

    def set_documents(self, documents: Iterable[Document]) -> None:
        self._bodies = {doc.id: doc for doc in documents}  # one atomic swap

    def notes_changed(self) -> None:
        """The store's notes may have changed (re-read on the next query)."""
        self._notes = None

    def _text_of(self, entry_id: str) -> str | None:
        if entry_id.startswith(NOTE_PREFIX):
            info = self._note_infos().get(entry_id[len(NOTE_PREFIX) :])
            return info.text if info is not None else None
        doc = self._bodies.get(entry_id)
        return doc.body if doc is not None else None

    def _note_infos(self) -> dict[str, NoteInfo]:
        notes = self._notes
        if notes is None:
            notes = self._notes = read_note_infos(self.paths)
        return notes

    def searcher(self) -> Searcher:
        with self._lock:
            if self._searcher is None:
                from briefreader.search.searcher import Searcher
                from briefreader.search.sources import load_matcher

                matcher = load_matcher(self.paths)
                self._find = matcher.find
                self._searcher = Searcher(
                    self.paths.index_dir,
                    resolver=matcher.gazetteer,
                    text_of=self._text_of,
                    mentions=matcher.find,
                )
            return self._searcher

    def warm(self) -> None:
        """Load the gazetteer and open the index now, so the first keystroke is quick."""
        _ = self.searcher().available

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    # -- queries -----------------------------------------------------------------------

    def run(self, query: str, *, limit: int = RESULT_LIMIT) -> SearchOutcome:
        """Ranked rows for `query`; every failure is a one-line `error`, never an exception."""
        from briefreader.search.query import QueryError

        started = time.perf_counter()
        try:
            searcher = self.searcher()
            results = searcher.search(query, limit=limit, snippet_count=SNIPPETS_PER_HIT)
            plan = searcher.match_plan(query) if results.hits else None
        except QueryError as error:
            return SearchOutcome(query.strip(), error=one_line(f"cannot search: {error}"))
        except RecursionError:
            return SearchOutcome(
                query.strip(), error="cannot search: the query is nested too deeply"
            )
        except Exception as error:  # the search must never take the window down
            return SearchOutcome(
                query.strip(), error=one_line(f"search failed ({type(error).__name__}: {error})")
            )
        rows = tuple(self._row(hit, rank) for rank, hit in enumerate(results.hits, 1))
        return SearchOutcome(
            query=results.query,
            rows=rows,
            total=results.total,
            notice=one_line(results.notice) if results.notice else "",
            plan=plan,
            seconds=time.perf_counter() - started,
        )

    def _row(self, hit: Hit, rank: int) -> ResultRow:
        if not hit.doc_id.startswith(NOTE_PREFIX):
            doc = self._bodies.get(hit.doc_id)
            title = (doc.title if doc is not None else hit.title) or "(untitled)"
            return ResultRow(hit, rank, "document", hit.doc_id, title)
        info = self._note_infos().get(hit.doc_id[len(NOTE_PREFIX) :])
        doc = self._bodies.get(info.doc_id) if info is not None and info.doc_id else None
        if info is None or info.target == "memo":
            label = "Note: the memo"
        elif doc is not None:
            on = "an excerpt of " if info.target == "excerpt" else ""
            label = f"Note on {on}{doc.title or '(untitled)'}"
        else:
            label = f"Note on a {info.target}"
        return ResultRow(hit, rank, "note", doc.id if doc is not None else "", label)

    def document_hits(
        self, plan: object, doc: Document, mentions: Sequence[Mention] | None = None
    ) -> tuple[LocalHit, ...]:
        """Where a query's plan matches in `doc`'s body, per paragraph.

        Stemmed words, phrases, and every spelling of a queried entity: from
        `mentions` when the reader already found them (no second matcher pass
        over a long text), else from the gazetteer.
        """
        from briefreader.search.highlight import MatchPlan

        if not isinstance(plan, MatchPlan) or not doc.body:
            return ()
        finder: Callable[[str], Iterable[Mention]] | None
        if mentions is not None:
            found = list(mentions)
            finder = lambda _text: found  # noqa: E731 - the body's mentions, found once
        else:
            self.searcher()
            finder = self._find
        spans: list[Span] = plan.spans(doc.body, finder)
        return locate(doc, spans)


def start_indexing(paths: DataPaths, lock_timeout: float = 10.0) -> IndexJob:
    """Bring the index up to date in a child process (poll the job; it never blocks)."""
    from briefreader.search.background import IndexJob

    return IndexJob.start(paths, lock_timeout=lock_timeout)
