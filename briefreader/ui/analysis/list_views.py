"""The list-shaped views: what's new since a briefing, the standing queries' inbox, batch search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from briefreader.analysis.batch import BatchRow
from briefreader.analysis.since import ShareChange, Since
from briefreader.store.watches import Watch, WatchHit
from briefreader.ui.analysis.dossier_view import day_text
from briefreader.ui.analysis.tables import AnalysisTable, RowsModel
from briefreader.ui.analysis.view_base import AnalysisView


def _short(text: str, width: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _why(imported: bool, published: bool) -> str:
    if imported and published:
        return "published and imported"
    return "published" if published else "imported"


def _change(change: ShareChange) -> tuple[str, str, str, str]:
    return (
        change.entity[1],
        f"{change.before:.1f}%",
        f"{change.after:.1f}%",
        f"{change.change:+.1f} pts",
    )


class SinceView(AnalysisView):
    title = "Since"
    command = "show-since"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("since-view", parent)
        self.documents_model = RowsModel(("day", "new because", "title"), self)
        self.documents = AnalysisTable("since-documents", self.documents_model, self)
        self.changes_model = RowsModel(("entity", "before", "since", "change"), self)
        self.changes = AnalysisTable("since-changes", self.changes_model, self, stretch=0)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.documents)
        split.addWidget(self.changes)
        split.setSizes([260, 160])
        self.layout_.addWidget(split, 1)
        self.since: Since | None = None
        self.show_message("What's new", "Counting…")

    def focus_widget(self) -> QWidget:
        return self.changes if self.changes.hasFocus() else self.documents

    def show_since(self, since: Since) -> None:
        self.since = since
        self.heading.setText(f"New since {since.cut.label}")
        first = ", ".join(f"{t.entity[1]} ({t.mentions})" for t in since.first_seen) or "none"
        work = [f"  excerpt: “{_short(e.quote)}”" for e in since.excerpts[:3]]
        work += [f"  note: {_short(n.text)}" for n in since.notes[:3]]
        more = len(since.excerpts) + len(since.notes) - len(work)
        if more > 0:
            work.append(f"  and {more} more")
        self.summary.setText(
            "\n".join(
                [
                    f"{len(since.documents)} new documents (against {since.older_documents} "
                    f"older), {len(since.excerpts)} new excerpts, {len(since.notes)} new notes.",
                    *work,
                    f"Seen for the first time: {first}.",
                    "f puts the new documents in the list filter; b counts from another "
                    "briefing or a date; Return on a group or country opens its dossier.",
                ]
            )
        )
        self.documents_model.set_rows(
            [
                (day_text(d.day, d.dated), _why(d.imported_since, d.published_since), d.title)
                for d in since.documents
            ],
            [d.doc_id for d in since.documents],
        )
        rows = [("share of mentions rose most", "", "", "")]
        rows += [_change(c) for c in since.rising]
        rows.append(("share of mentions fell most", "", "", ""))
        rows += [_change(c) for c in since.falling]
        keys: list[object] = [None, *(c.entity for c in since.rising), None]
        keys += [c.entity for c in since.falling]
        self.changes_model.set_rows(rows, keys, bold=[0, len(since.rising) + 1])


class InboxView(AnalysisView):
    title = "Inbox"
    command = "show-inbox"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("inbox-view", parent)
        self.watches_model = RowsModel(("standing query", "search", "found", "unread"), self)
        self.watches = AnalysisTable("inbox-watches", self.watches_model, self, stretch=1)
        self.hits_model = RowsModel(("found", "title", "by", ""), self)
        self.hits = AnalysisTable("inbox-hits", self.hits_model, self, stretch=1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.watches)
        split.addWidget(self.hits)
        split.setSizes([120, 300])
        self.layout_.addWidget(split, 1)
        self.show_message("Standing queries", "Counting…")

    def focus_widget(self) -> QWidget:
        return self.watches if self.watches.hasFocus() else self.hits

    def show_inbox(
        self, watches: list[Watch], hits: list[WatchHit], titles: dict[str, str], unseen: int
    ) -> None:
        self.heading.setText(f"Inbox: {unseen} documents waiting")
        self.summary.setText(
            "Saved searches run again on every import; what they find waits here until "
            "read. n saves a search, Delete deletes one, s takes a document out, A all."
            if watches
            else "No standing query yet: n saves one (the search bar's query, if any)."
        )
        self.watches_model.set_rows(
            [(w.name, w.query, str(w.hits), str(w.unseen)) for w in watches],
            [w.name for w in watches],
        )
        by_doc: dict[str, list[WatchHit]] = {}
        for hit in hits:
            by_doc.setdefault(hit.doc_id, []).append(hit)
        rows, keys, bold = [], [], []
        for doc_id, found in by_doc.items():
            unread = any(h.unseen for h in found)
            if unread:
                bold.append(len(rows))
            rows.append(
                (
                    found[0].found[:10],
                    titles.get(doc_id, "(no longer in the library)"),
                    ", ".join(h.watch for h in found),
                    "unread" if unread else "",
                )
            )
            keys.append(doc_id)
        self.hits_model.set_rows(rows, keys, bold=bold)


class BatchView(AnalysisView):
    title = "Batch"
    command = "show-batch"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("batch-view", parent)
        self.model = RowsModel(("query", "documents", "mentions", "means"), self)
        self.table = AnalysisTable("batch-results", self.model, self, stretch=0)
        self.layout_.addWidget(self.table, 1)
        self.show_message(
            "Batch search",
            "v pastes a list of names or queries, one per line; Return on a row opens its hits.",
        )

    def focus_widget(self) -> QWidget:
        return self.table

    def show_rows(self, rows: list[BatchRow]) -> None:
        found = sum(1 for r in rows if r.documents)
        self.heading.setText(f"Batch search: {found} of {len(rows)} queries found something")
        self.model.set_rows(
            [
                (
                    r.query,
                    "error" if r.error else str(r.documents),
                    str(r.mentions) if r.entity else "",
                    r.error or (f"{r.entity[1]} ({r.entity[0]})" if r.entity else ""),
                )
                for r in rows
            ],
            [r.query for r in rows],
        )
