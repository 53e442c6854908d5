"""The dossier view: one group or country, everything the library and the work say of it.

The summary names the counts, first and last seen, every spelling, the
relatives and the companions; below, its documents newest first (Return
opens one) and the excerpts and notes that mention it (Return on an
excerpt opens it in its document).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from briefreader.analysis.dossier import Dossier, DossierDocument
from briefreader.ui.analysis.tables import AnalysisTable, RowsModel
from briefreader.ui.analysis.view_base import AnalysisView, plain_label

_SHOWN = 8  # companions and spellings written out; the rest are counted


def day_text(day: str, dated: bool) -> str:
    return day if dated else f"{day} (imported)"


def _seen(doc: DossierDocument | None) -> str:
    return day_text(doc.day, doc.dated) if doc else "never"


def _listed(items: list[str], more: int) -> str:
    return ", ".join(items) + (f" and {more} more" if more > 0 else "") if items else "none"


def dossier_summary(dossier: Dossier) -> str:
    """The dossier's facts as plain lines (also what a screen reader reads)."""
    if not dossier.documents:
        lines = ["Not mentioned in any document of the library yet."]
    else:
        lines = [
            f"{dossier.mentions} mentions in {len(dossier.documents)} documents · "
            f"first seen {_seen(dossier.first_seen)} · last seen {_seen(dossier.last_seen)}"
        ]
        if dossier.undated:
            lines.append(
                f"{dossier.undated} of its documents have no publication date: "
                "placed on their import day."
            )
        spellings = [f"{s.text} ({s.mentions})" for s in dossier.spellings[:_SHOWN]]
        lines.append("Spellings seen: " + _listed(spellings, len(dossier.spellings) - _SHOWN))
    if dossier.unseen_spellings:
        lines.append(f"Known spellings not seen yet: {len(dossier.unseen_spellings)}")
    if dossier.relatives:
        relatives = [f"{r.relation} {r.entity[1]} ({r.mentions})" for r in dossier.relatives]
        lines.append("Related: " + _listed(relatives[:_SHOWN], len(relatives) - _SHOWN))
    for title, companions in (
        ("Groups most often with it", dossier.groups_with),
        ("Countries most often with it", dossier.countries_with),
    ):
        if companions:
            named = [f"{c.entity[1]} ({c.documents})" for c in companions]
            lines.append(f"{title} (documents): " + ", ".join(named))
    if dossier.notes:
        lines.append(f"Notes that mention it: {len(dossier.notes)}")
        lines.extend(f"  · {' '.join(n.text.split())[:160]}" for n in dossier.notes[:3])
    return "\n".join(lines)


class DossierView(AnalysisView):
    title = "Dossier"
    command = "show-dossier"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dossier-view", parent)
        self.documents_model = RowsModel(("day", "mentions", "title", "publisher"), self)
        self.documents = AnalysisTable("dossier-documents", self.documents_model, self, stretch=2)
        self.excerpts_model = RowsModel(("excerpt", "document"), self)
        self.excerpts = AnalysisTable("dossier-excerpts", self.excerpts_model, self, stretch=0)
        self.excerpts_label = plain_label("dossier-excerpts-label")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.documents)
        box = QWidget(split)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.excerpts_label)
        inner.addWidget(self.excerpts)
        split.addWidget(box)
        split.setSizes([300, 120])
        self.layout_.addWidget(split, 1)
        self.dossier: Dossier | None = None
        self.show_message(
            "No dossier yet",
            "Put the cursor on a group or country in the reader (or a row of the legend) "
            "and press D.",
        )

    def focus_widget(self) -> QWidget:
        return self.excerpts if self.excerpts.hasFocus() else self.documents

    def show_dossier(self, dossier: Dossier, title_of: Callable[[str], str]) -> None:
        self.dossier = dossier
        kind, name = dossier.entity
        self.heading.setText(f"{name} ({kind})")
        self.summary.setText(dossier_summary(dossier))
        self.documents_model.set_rows(
            [
                (day_text(d.day, d.dated), str(d.mentions), d.title or "(untitled)", d.publisher)
                for d in dossier.documents
            ],
            [d.doc_id for d in dossier.documents],
        )
        self.excerpts_label.setText(
            f"Excerpts that mention it: {len(dossier.excerpts)}"
            if dossier.excerpts
            else "No excerpt mentions it yet."
        )
        self.excerpts_model.set_rows(
            [(" ".join(e.quote.split()), title_of(e.doc_id)) for e in dossier.excerpts],
            [e.id for e in dossier.excerpts],
        )
        self.excerpts.setVisible(bool(dossier.excerpts))
