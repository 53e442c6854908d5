"""Search in the reading window, without Qt: the query, its ranked hits, the hits in the text.

The window types a query, a worker answers it (see `search_engine.py`), and
this state decides what is shown: only the answer to the latest query (a
slow answer to an older one is dropped, so typing never shows stale hits),
the ranked rows the facet filters let through, and the matches inside the
open document with a current one, counted "3/17" for the status bar.

Offsets: the search core gives spans into a document's body; the reader
works per paragraph (like `LocalMention`), so spans are located once, when
they arrive, and stepping and painting never scan the body again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from briefreader.domain import Document, Hit

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LocalHit:
    """One match inside a paragraph of the open document (paragraph-relative offsets)."""

    paragraph: int
    start: int
    end: int


def locate(doc: Document, spans: Sequence[Span]) -> tuple[LocalHit, ...]:
    """Body spans as paragraph-relative hits; a span crossing a paragraph break is cut there."""
    out: list[LocalHit] = []
    paragraphs = doc.paragraph_spans()
    starts = [start for start, _ in paragraphs]
    for start, end in sorted(spans):
        index = bisect_right(starts, start) - 1
        while 0 <= index < len(paragraphs) and start < end:
            p_start, p_end = paragraphs[index]
            lo, hi = max(start, p_start), min(end, p_end)
            if lo < hi:
                out.append(LocalHit(index, lo - p_start, hi - p_start))
            index += 1
            if index >= len(paragraphs) or end <= paragraphs[index][0]:
                break
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One ranked row: a document, or an analyst's note (which opens its document)."""

    hit: Hit
    rank: int
    kind: str = "document"  # "document" | "note"
    doc_id: str = ""  # the document to open; "" for a note on no document (the memo)
    label: str = ""  # what the row is called: the title, or "Note on <title>"


@dataclass(frozen=True)
class SearchOutcome:
    """A worker's answer to one query. `error` is a one-line message ("" if it worked)."""

    query: str
    rows: tuple[ResultRow, ...] = ()
    total: int = 0
    notice: str = ""
    error: str = ""
    plan: object = None  # the search core's MatchPlan, for marking a document's text
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SearchChanges:
    """What a search operation changed, so the window redraws only that."""

    results: bool = False  # the ranked rows (or the message above them) changed
    marks: bool = False  # the open document's hit marks changed
    current: bool = False  # the current hit moved (the reader cursor follows `paragraph`)
    paragraph: int | None = None
    message: str = ""

    def __or__(self, other: SearchChanges) -> SearchChanges:
        return SearchChanges(
            self.results or other.results,
            self.marks or other.marks,
            self.current or other.current,
            other.paragraph if other.paragraph is not None else self.paragraph,
            "; ".join(m for m in (self.message, other.message) if m),
        )


NO_CHANGE = SearchChanges()


@dataclass
class SearchState:
    """The query, the latest answer, and the hits in the open document."""

    query: str = ""  # the query the shown answer is for ("" when not searching)
    outcome: SearchOutcome | None = None
    visible: frozenset[str] | None = None  # ids the facet filters let through (None: all)
    doc_id: str = ""  # the document `hits` belong to
    hits: tuple[LocalHit, ...] = ()
    current: int = -1  # index into `hits`, -1 before the first step
    #: Whether `hits` is the worker's answer for `doc_id`, not "not known yet".
    hits_known: bool = False
    _requested: int = 0
    _wanted: str = field(default="", repr=False)

    # -- queries -------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self.query) and self.outcome is not None and not self.outcome.error

    def request(self, text: str, *, again: bool = False) -> int | None:
        """A token for a worker to answer `text` with, or None if there is nothing to ask.

        The same text is not asked twice unless `again` (the index changed).
        """
        text = text.strip()
        if text == self._wanted and not again:
            return None
        self._wanted = text
        self._requested += 1
        return self._requested if text else None

    @property
    def latest(self) -> int:
        return self._requested

    def clear(self) -> SearchChanges:
        """Stop searching: no rows, no marks (also for an emptied query line)."""
        self._requested += 1  # whatever is still running is stale now
        was = bool(self.query or self.outcome or self.hits)
        self.query, self.outcome, self._wanted = "", None, ""
        self.doc_id, self.hits, self.current = "", (), -1
        self.hits_known = False
        return SearchChanges(results=was, marks=was, message="search cleared" if was else "")

    def accept(self, token: int, outcome: SearchOutcome) -> SearchChanges:
        """Show `outcome` if it answers the latest request; a stale one is dropped."""
        if token != self._requested:
            return NO_CHANGE
        self.outcome = outcome
        if outcome.error:  # keep the last good hits out: the message says why
            self.query = outcome.query
            return SearchChanges(results=True, marks=bool(self.hits)) | self._drop_marks()
        self.query = outcome.query
        return SearchChanges(results=True, message=self.summary())

    def _drop_marks(self) -> SearchChanges:
        had = bool(self.hits)
        self.hits, self.current = (), -1
        self.hits_known = False
        return SearchChanges(marks=had)

    # -- rows ----------------------------------------------------------------------

    @property
    def rows(self) -> list[ResultRow]:
        """Ranked rows the facet filters let through (notes follow their document)."""
        if self.outcome is None or self.outcome.error:
            return []
        if self.visible is None:
            return list(self.outcome.rows)
        return [
            row
            for row in self.outcome.rows
            if row.doc_id in self.visible or (row.kind == "note" and not row.doc_id)
        ]

    def set_visible(self, ids: Collection[str] | None) -> SearchChanges:
        visible = frozenset(ids) if ids is not None else None
        if visible == self.visible:
            return NO_CHANGE
        self.visible = visible
        return SearchChanges(results=self.outcome is not None)

    def summary(self) -> str:
        """One line on the search: how many match, how many the filters hide, any notice."""
        outcome = self.outcome
        if outcome is None:
            return ""
        if outcome.error:
            return outcome.error
        shown = self.rows
        noun = "match" if outcome.total == 1 else "matches"
        text = f"{outcome.total} {noun}"
        if len(outcome.rows) < outcome.total:
            text += f" (best {len(outcome.rows)} listed)"
        hidden = len(outcome.rows) - len(shown)
        if hidden:
            text += f", {hidden} hidden by the filters"
        if outcome.notice:
            text += f" · {outcome.notice}"
        return text

    def row_for(self, doc_id: str) -> int | None:
        for number, row in enumerate(self.rows):
            if row.doc_id == doc_id and row.kind == "document":
                return number
        return None

    def step_document(self, current_doc: str | None, step: int) -> str | SearchChanges:
        """The next (step 1) or previous (-1) listed document with hits, or why there is none."""
        ids = list(dict.fromkeys(r.doc_id for r in self.rows if r.doc_id))
        if not self.active:
            return SearchChanges(message="no search: press / to search")
        if not ids:
            return SearchChanges(message="no document matches")
        if current_doc not in ids:
            return ids[0] if step > 0 else ids[-1]
        index = ids.index(current_doc) + step
        if not 0 <= index < len(ids):
            last = "last" if step > 0 else "first"
            return SearchChanges(message=f"this is the {last} document with matches")
        return ids[index]

    # -- hits in the open document -------------------------------------------------

    def set_hits(self, doc_id: str, hits: Sequence[LocalHit]) -> SearchChanges:
        """The open document's hits (from the worker); the current one is reset."""
        self.doc_id, self.hits, self.current = doc_id, tuple(hits), -1
        self.hits_known = True
        return SearchChanges(marks=True)

    def forget_document(self, doc_id: str) -> SearchChanges:
        """Another document opened: its hits are not known yet."""
        if self.doc_id == doc_id:
            return NO_CHANGE
        had = bool(self.hits)
        self.doc_id, self.hits, self.current = doc_id, (), -1
        self.hits_known = False
        return SearchChanges(marks=had)

    def counter(self) -> str:
        """ "3/17" (or "–/17" before the first step), "" with no search."""
        if not self.active:
            return ""
        number = str(self.current + 1) if self.current >= 0 else "–"
        return f"{number}/{len(self.hits)}"

    def step_hit(
        self, step: int, paragraph: int, shown: Collection[int] | None = None
    ) -> SearchChanges:
        """Move to the next/previous hit after/before the current one (or the cursor's paragraph).

        `shown` restricts to the paragraphs focus mode shows. Wraps around, and says so.
        """
        if not self.active:
            return SearchChanges(message="no search: press / to search")
        order = [i for i, h in enumerate(self.hits) if shown is None or h.paragraph in shown]
        if not order:
            if self.hits:
                return SearchChanges(message="no matches in the paragraphs shown")
            return SearchChanges(message="no matches in this document")
        if self.current >= 0:
            here = (self.hits[self.current].paragraph, self.hits[self.current].start)
        else:
            here = (paragraph, -1 if step > 0 else 1 << 62)
        key = [(self.hits[i].paragraph, self.hits[i].start) for i in order]
        if step > 0:
            after = [i for i, k in zip(order, key, strict=True) if k > here]
            target, wrapped = (after[0], False) if after else (order[0], True)
        else:
            before = [i for i, k in zip(order, key, strict=True) if k < here]
            target, wrapped = (before[-1], False) if before else (order[-1], True)
        self.current = target
        message = f"match {order.index(target) + 1}/{len(order)}"
        if wrapped:
            message += ", wrapped to the " + ("top" if step > 0 else "bottom")
        return SearchChanges(
            current=True, marks=True, paragraph=self.hits[target].paragraph, message=message
        )

    def first_hit(self, shown: Collection[int] | None = None) -> SearchChanges:
        """Go to the document's first hit (after opening it from the results)."""
        self.current = -1
        return self.step_hit(1, -1, shown) if self.hits else NO_CHANGE
