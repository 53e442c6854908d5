"""The composer's widgets: which briefing, its details, and its sections and items.

Only layout and keyboard plumbing live here; what a key does is a named
command bound in `controller.py`. The item tree claims its navigation keys
(arrows, pages, j/k) from the window-wide shortcuts, as the list panes do,
so moving through a briefing never runs a reading command by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefreader.control.composer_views import GROUPING_LABELS
from briefreader.store import Briefing
from briefreader.ui.common.columns import fit_columns
from briefreader.ui.common.panes import NAVIGATION_KEYS, claims_keys, vim_translated
from briefreader.ui.composer.models import ComposerModel

#: The most of the tree's width the source, comment and check columns may take.
TREE_COLUMN_CAPS = {1: 0.24, 2: 0.18, 3: 0.14}
_OWN_KEYS = NAVIGATION_KEYS | {Qt.Key.Key_Left, Qt.Key.Key_Right}
#: The keys an analyst needs first; `?` lists every one (a longer hint took five lines
#: of a 400 px column and pushed the excerpts off the pane).
HINT = (
    "a add excerpts · c comment · Delete remove · Alt+↑/↓ move · x export · "
    "b/B open/new briefing · ? every key"
)


class ComposerTree(QTreeView):
    """Sections and their excerpts; a visible current row; j/k move like the other panes."""

    def __init__(self, model: ComposerModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer-items")
        self.setAccessibleName("Briefing excerpts")
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setResizeContentsPrecision(200)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.fit)
        self.fit()

    def fit(self, *_args: object) -> None:
        """The excerpt column gets at least half the width; the others what they need."""
        fit_columns(self, TREE_COLUMN_CAPS)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, _OWN_KEYS) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(vim_translated(event) or event)


class PaneCombo(QComboBox):
    """A combo box that keeps its own keys (arrows, letters, Space, Return) when focused,
    instead of letting the window's single-key commands take them."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            own = event.key() in _OWN_KEYS or event.key() in (
                Qt.Key.Key_Space,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            )
            if plain and (own or event.text().isalnum()):
                event.accept()
                return True
        return super().event(event)


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def changed_text(briefing: Briefing | None) -> str:
    """Who changed the briefing last and when; who started it, if someone else."""
    if briefing is None:
        return ""
    text = f"changed {briefing.updated[:10]} {briefing.updated[11:16]} UTC"
    if briefing.updated_by:
        text += f" by {briefing.updated_by}"
    if briefing.created_by and briefing.created_by != briefing.updated_by:
        text += f" · started by {briefing.created_by}"
    return text


class ComposerPane(QWidget):
    """The briefing picker, its details form, the item tree and a key hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAccessibleName("Briefing composer")
        self.briefing_box = PaneCombo(self)
        self.briefing_box.setObjectName("composer-briefing")
        self.briefing_box.setAccessibleName("Briefing")
        self.briefing_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.briefing_box.setMinimumContentsLength(16)
        top = QHBoxLayout()
        top.addWidget(self._buddy("&Briefing", self.briefing_box))
        top.addWidget(self.briefing_box, 1)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, placeholder in (
            ("title", "&Title", "printed on the cover"),
            ("author", "A&uthor", "who wrote the briefing"),
            ("date", "&Date", "YYYY-MM-DD"),
            ("marking", "&Marking", "handling marking, e.g. OFFICIAL-SENSITIVE"),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(f"composer-{name}")
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[name] = edit
            form.addRow(self._buddy(label, edit), edit)
        self.grouping = PaneCombo(self)
        self.grouping.setObjectName("composer-grouping")
        for key, label in GROUPING_LABELS.items():
            self.grouping.addItem(f"Sections {label}", key)
        form.addRow(self._buddy("&Grouping", self.grouping), self.grouping)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("composer-summary")
        self.summary.setAccessibleName("Key judgements")
        self.summary.setPlaceholderText(
            "Key judgements: paragraphs, or lines starting with “- ” for bullets"
        )
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(110)
        form.addRow(self._buddy("&Key judgements", self.summary), self.summary)
        self.changed = _plain("", self)  # who changed the briefing last, and when
        self.changed.setObjectName("composer-changed")
        self.model = ComposerModel(self)
        self.tree = ComposerTree(self.model, self)
        self.empty = _plain("", self)
        self.empty.setWordWrap(True)
        self.hint = _plain(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("composer-hint")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.changed)
        layout.addLayout(form)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hint)
        self.setTabOrder(self.briefing_box, self.fields["title"])
        self.setFocusProxy(self.tree)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = _plain(text, self)
        label.setTextFormat(Qt.TextFormat.AutoText)  # our own text: lets "&" mark the Alt key
        label.setBuddy(widget)
        return label

    def set_enabled_form(self, enabled: bool) -> None:
        for widget in (*self.fields.values(), self.grouping, self.summary):
            widget.setEnabled(enabled)

    def contains_focus(self) -> bool:
        focused = self.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    # -- showing the composer's state ------------------------------------------------------

    def show_briefings(self, rows: list[tuple[int, str, int]], current: int | None) -> None:
        box = self.briefing_box
        box.blockSignals(True)
        box.clear()
        for bid, name, count in rows:
            box.addItem(f"{name}  ({count})", bid)
        box.setCurrentIndex(box.findData(current))
        box.blockSignals(False)

    def show_details(self, briefing: Briefing | None, read_only: bool = False) -> None:
        """The briefing's fields; read-only (another briefreader holds the store) shows
        them without letting them be edited, since nothing typed could be saved."""
        self.set_enabled_form(briefing is not None and not read_only)
        self.changed.setText(changed_text(briefing))
        for name, edit in self.fields.items():
            value = getattr(briefing, name) if briefing is not None else ""
            if edit.text() != value:
                edit.setText(value)
        value = briefing.summary if briefing is not None else ""
        if self.summary.toPlainText() != value:
            self.summary.blockSignals(True)
            self.summary.setPlainText(value)
            self.summary.blockSignals(False)
        self.grouping.setCurrentIndex(
            max(0, self.grouping.findData(briefing.grouping if briefing else ""))
        )

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def show_cursor(self, excerpt_id: int | None, section_key: str | None) -> None:
        index = self.model.index_of_item(excerpt_id)
        if not index.isValid():
            index = self.model.index_of_section(section_key)
        if index.isValid() and self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
        if index.isValid():
            self.tree.scrollTo(index)
