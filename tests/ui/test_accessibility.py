"""Accessibility: names and descriptions on everything, visible focus, the QAccessible tree.

A screen reader knows a control by its accessible name and learns what it
does from its description; a keyboard user must see where focus is. The
tree walk starts at the main window (every pane shown) and fails on any
interactive element without a name.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from briefreader.store import Store
from briefreader.ui.common.theme import apply_style, apply_theme

Role = QAccessible.Role
#: Roles a user acts on: each must be named.
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.Document,
    Role.PageTab,
    Role.PageTabList,
    Role.SpinBox,
    Role.Slider,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.Dialog,
    Role.Window,
    Role.Grouping,
}
#: Rows and cells are named by their text; headers, scroll bars and the pieces Qt
#: builds inside a control (its scroll bars, a combo's inner list) are not the app's.
SKIP_BELOW = {Role.List, Role.Table, Role.Tree, Role.ComboBox, Role.ScrollBar, Role.PageTabList}


@pytest.fixture
def styled(qapp) -> Iterator[None]:
    """The app's stylesheet, as `briefreader` runs with it (the test app has none)."""
    sheet, style = qapp.styleSheet(), qapp.style().name()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    apply_theme(qapp, "system")


@pytest.fixture
def full(qtbot, window, data_paths):
    """The window with its store and every dock shown."""
    window.attach_store(Store.open(data_paths))
    window.resize(1280, 800)
    for name in ("search", "analysis"):
        window.docks[name].show()
    qtbot.wait(20)
    return window


def walk(interface, path: str = "") -> Iterator[tuple[str, object]]:
    for number in range(interface.childCount()):
        child = interface.child(number)
        if child is None or child.state().invisible:
            continue
        here = f"{path}/{child.role().name}:{child.text(QAccessible.Text.Name)!r}"
        yield here, child
        if child.role() not in SKIP_BELOW:
            yield from walk(child, here)


def test_no_interactive_element_is_unnamed(full):
    root = QAccessible.queryAccessibleInterface(full)
    unnamed = []
    seen = 0
    for path, node in walk(root):
        label = node.role() == Role.StaticText  # named by its own text, if any
        if node.role() in INTERACTIVE or (node.state().focusable and not label):
            seen += 1
            if not node.text(QAccessible.Text.Name).strip():
                unnamed.append(path)
    assert seen > 25
    assert not unnamed, "\n".join(unnamed)


def _app_widgets(window) -> list[QWidget]:
    """The window's own focusable controls and panes (Qt's inner pieces left out)."""
    out = []
    for widget in window.findChildren(QWidget):
        if widget.objectName().startswith("qt_") or isinstance(widget, QDockWidget):
            continue
        focusable = widget.focusPolicy() != widget.focusPolicy().NoFocus
        kinds = (
            QAbstractItemView,
            QAbstractScrollArea,
            QLineEdit,
            QComboBox,
            QAbstractButton,
            QTextEdit,
            QPlainTextEdit,
        )
        parent, inner = widget.parentWidget(), False
        while parent is not None and parent is not window:  # a combo's popup list is Qt's
            inner = inner or isinstance(parent, QComboBox)
            parent = parent.parentWidget()
        direct = widget.parentWidget()
        inner = inner or isinstance(direct, QAbstractScrollArea | QTabBar)
        if focusable and isinstance(widget, kinds) and not inner:
            out.append(widget)
    return out


def test_every_pane_and_control_has_a_name_and_a_description(full):
    widgets = _app_widgets(full)
    assert len(widgets) > 20

    def where(w: QWidget) -> str:
        chain, p = [], w
        while p is not None and p is not full:
            chain.append(p.objectName() or type(p).__name__)
            p = p.parentWidget()
        return "/".join(reversed(chain))

    nameless = [where(w) for w in widgets if not w.accessibleName()]
    assert not nameless, "\n".join(nameless)
    undescribed = [where(w) for w in widgets if not w.accessibleDescription()]
    assert not undescribed, "\n".join(undescribed)
    panes = [full.reader, *(dock.widget() for dock in full.docks.values())]
    for pane in panes:
        assert pane.accessibleName() and pane.accessibleDescription(), pane.objectName()


def _grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _differs(a: QImage, b: QImage) -> int:
    """Pixels that differ between two grabs of one widget."""
    width, height = min(a.width(), b.width()), min(a.height(), b.height())
    return sum(
        1
        for y in range(0, height, 1)
        for x in (*range(0, min(6, width)), *range(max(width - 6, 0), width))
        if a.pixel(x, y) != b.pixel(x, y)
    ) + sum(
        1
        for x in range(0, width)
        for y in (*range(0, min(6, height)), *range(max(height - 6, 0), height))
        if a.pixel(x, y) != b.pixel(x, y)
    )


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_every_focusable_control_shows_focus(qtbot, styled, full, theme):
    apply_theme(QApplication.instance(), theme)
    # the composer, the bin and the analysis pane are tabs or hidden docks: show each
    for name in ("composer", "excerpts", "notes"):
        full.docks[name].show()
    invisible_focus = []
    checked = 0
    for dock_name in ("notes", "excerpts", "composer"):
        full.docks[dock_name].raise_()
        qtbot.wait(20)
        for widget in _app_widgets(full):
            if not widget.isVisible() or not widget.isEnabled() or widget.width() < 8:
                continue
            away = full.doc_list if widget is full.reader else full.reader
            away.setFocus()
            qtbot.waitUntil(lambda a=away: QApplication.focusWidget() is a)
            without = _grab(widget)
            widget.setFocus()
            qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w)
            with_focus = _grab(widget)
            checked += 1
            if _differs(without, with_focus) < 20:
                invisible_focus.append(f"{type(widget).__name__} {widget.objectName()}")
    assert checked > 15
    assert not sorted(set(invisible_focus)), sorted(set(invisible_focus))
