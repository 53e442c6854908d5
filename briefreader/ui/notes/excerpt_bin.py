"""The excerpt bin: every excerpt across documents, filterable by entity, tag, document, flag.

The filter fields sit above the table; letters typed in them never run the
window's commands, and Escape or Return goes back to the table. The table
itself keeps to navigation keys, so t, c, p, d, Return ... run the
"excerpts" mode commands (see excerpt_model.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefreader.control.excerpt_filter import (
    BinFilter,
    Choice,
    choices,
    matches,
    narrowed,
    order_key,
    queried,
    sql_key,
)
from briefreader.store import Changes, Excerpt, Store
from briefreader.store.errors import NotFoundError
from briefreader.ui.notes.excerpt_model import (
    ExcerptModel,
    ExcerptTable,
    current_excerpt_id,
    provenance,
    select_excerpt,
)


def _claims_back_keys(event: QEvent) -> bool:
    """Escape or Return in a filter field goes back to the table, not to the reader."""
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )


class FilterCombo(QComboBox):
    """A filter's choices; letters and arrows pick (they never run window commands)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name.replace("-", " "))
        # Long choices (document titles) must not widen the bin, nor the window with it:
        # the closed box elides, the open list shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(3)
        self.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.back: Callable[[], None] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            text = event.text()
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
            if _claims_back_keys(event) or (plain and text.isprintable() and text):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.back:
            self.back()
            return
        super().keyPressEvent(event)

    def set_choices(self, rows: list[Choice], keep: str) -> None:
        self.blockSignals(True)
        self.clear()
        for value, label in rows:
            self.addItem(label, value)
        if keep and self.findData(keep) < 0:
            self.addItem(f"{keep} (0)", keep)  # still the filter, though nothing has it now
        found = self.findData(keep)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)

    def value(self) -> str:
        data = self.currentData()
        return str(data) if data is not None else ""


class WordsLine(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerpt-words")
        self.setPlaceholderText("words in quote, comment, tags or title…")
        self.setClearButtonEnabled(True)
        self.back: Callable[[], None] | None = None

    def event(self, event: QEvent) -> bool:
        if _claims_back_keys(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.back:
            self.back()
            return
        super().keyPressEvent(event)


class ExcerptBin(QWidget):
    """Filters above a table of excerpts; `refresh()` re-reads the store."""

    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerpt-bin")
        self.store: Store | None = None
        self.title_of: Callable[[str], str] = lambda doc_id: ""
        self.filter = BinFilter()
        self._queried: tuple[tuple[str, str, str], list[Excerpt]] | None = None
        self.model = ExcerptModel(self)
        self.table = ExcerptTable(self.model, self)
        self.words = WordsLine(self)
        self.combos = {
            name: FilterCombo(f"excerpt-filter-{name}", self)
            for name in ("entity", "tag", "document", "flag")
        }
        for field in (self.words, *self.combos.values()):
            field.back = self.focus_table
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.who = QLabel(self)  # the current excerpt's authors and times
        self.who.setObjectName("excerpt-provenance")
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        # The words on a line of their own, the four choices two by two: the bin stays
        # narrow enough to share the side of the window with the reader.
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for number, combo in enumerate(self.combos.values()):
            row.addWidget(combo, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.words)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.who)
        layout.addWidget(self.count)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_who())
        self.model.dataChanged.connect(lambda *_: self._show_who())
        self.words.textChanged.connect(lambda _text: self._filters_edited())
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(lambda _row: self._filters_edited())
        self.setFocusProxy(self.table)
        self.set_source(None)

    def set_source(self, store: Store | None, title_of: Callable[[str], str] | None = None) -> None:
        self.store = store
        if title_of is not None:
            self.title_of = title_of
        self.refresh()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filters(self) -> None:
        self.words.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.words.selectAll()

    def set_filter(self, flt: BinFilter) -> None:
        self.filter = flt
        self.refresh()

    def clear_filters(self) -> None:
        self.set_filter(BinFilter())

    def _filters_edited(self) -> None:
        flt = BinFilter(
            entity=self.combos["entity"].value(),
            tag=self.combos["tag"].value(),
            doc_id=self.combos["document"].value(),
            flag=self.combos["flag"].value(),  # type: ignore[arg-type]
            words=self.words.text(),
        )
        if flt != self.filter:
            self.filter = flt
            self._reload(requery=False)
            self.filter_changed.emit()

    def refresh(self) -> None:
        """Re-read choices and rows (after the store changed under the bin)."""
        self._offer_choices()
        if self.words.text() != self.filter.words:
            self.words.blockSignals(True)
            self.words.setText(self.filter.words)
            self.words.blockSignals(False)
        self._reload()

    def _offer_choices(self) -> None:
        store = self.store
        offered = choices(store, self.title_of) if store is not None else {}
        keep = {
            "entity": self.filter.entity,
            "tag": self.filter.tag,
            "document": self.filter.doc_id,
            "flag": self.filter.flag,
        }
        for name, combo in self.combos.items():
            combo.set_choices(offered.get(name, [("", f"any {name}")]), keep[name])

    def apply_changes(self, changes: Changes) -> None:
        """Redraw what a store action changed: the rows it touched, not all of them."""
        store = self.store
        if store is None or not (changes.excerpts or changes.tags):
            return
        if len(changes.excerpts) > 50:
            self.refresh()
            return
        current = self.current_id()
        self._queried = None  # the next words typed query the store again
        for excerpt_id in sorted(changes.excerpts):
            try:
                excerpt = store.excerpts.get(excerpt_id)
            except NotFoundError:
                excerpt = None
            if excerpt is not None and matches(excerpt, self.filter, self.title_of):
                self.model.upsert(excerpt, order_key)
            else:
                self.model.remove(excerpt_id)
        self._offer_choices()
        if not self.select(current) and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._count()

    def _reload(self, *, requery: bool = True) -> None:
        """Show the rows for the filter; typing words re-uses the last query's answer."""
        current = current_excerpt_id(self.table)
        if self.store is None:
            self._queried = None
        elif requery or self._queried is None or self._queried[0] != sql_key(self.filter):
            self._queried = (sql_key(self.filter), queried(self.store, self.filter))
        rows = narrowed(self._queried[1], self.filter, self.title_of) if self._queried else []
        self.model.set_excerpts(rows, self.title_of)
        if not select_excerpt(self.table, self.model, current) and rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._count()

    def _count(self) -> None:
        if self.store is None:
            self.count.setText("the work database is not open")
            return
        total = sum(n for _, n in self.store.excerpts.documents())
        shown = self.model.rowCount()
        self.count.setText(f"{shown} of {total} excerpts · {self.filter.describe()}")

    def current_id(self) -> int | None:
        return current_excerpt_id(self.table)

    def _show_who(self) -> None:
        row = self.table.currentIndex().row()
        excerpt = self.model.excerpt(row) if row >= 0 else None
        self.who.setText(provenance(excerpt) if excerpt is not None else "")

    def select(self, excerpt_id: int | None) -> bool:
        return select_excerpt(self.table, self.model, excerpt_id)
