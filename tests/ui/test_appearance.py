"""Themes, zoom, elided status text and announcements (issue 11: items 6, accessibility)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from briefreader.control.contrast import contrast_ratio
from briefreader.control.uistate import load_ui_state
from briefreader.entities import find_mentions
from briefreader.ui.analysis.prompts import ask_text as analysis_ask
from briefreader.ui.common.theme import THEMES, apply_theme, current_theme, theme_palette
from briefreader.ui.composer.dialogs import ask_text as composer_ask
from briefreader.ui.window import MainWindow
from tests.ui.conftest import make_doc, press, sample_snapshot

Role = QPalette.ColorRole
#: (foreground, background) pairs a reader reads text in.
PAIRS = (
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.ButtonText, Role.Button),
    (Role.ToolTipText, Role.ToolTipBase),
)


@pytest.fixture(autouse=True)
def _system_theme_after(qapp) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")  # the application outlives the test


@pytest.mark.parametrize("name", [t for t in THEMES if t != "system"])
def test_every_theme_reads_at_aa_and_high_contrast_at_aaa(name) -> None:
    palette = theme_palette(name)
    floor = 7.0 if name == "high-contrast" else 4.5
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in PAIRS:
            ratio = contrast_ratio(palette.color(group, fg).name(), palette.color(group, bg).name())
            assert ratio >= floor, (name, group, fg, bg, round(ratio, 2))


def test_theme_by_command_and_key_is_remembered(qtbot, window, data_paths) -> None:
    window.run_command("theme-high-contrast")
    assert current_theme() == "high-contrast"
    assert QApplication.palette().color(Role.Window).name() == "#000000"
    qtbot.waitUntil(lambda: window.reader.palette().color(Role.Base).name() == "#000000")
    press(qtbot, "Ctrl+Shift+T")  # cycles on: back to the system's
    assert current_theme() == "system"
    window.focus_pane("reader")
    press(qtbot, "z")
    press(qtbot, "d")
    assert current_theme() == "dark"
    window.close()
    assert load_ui_state(data_paths.ui_state).theme == "dark"
    apply_theme(QApplication.instance(), "system")
    again = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(again)
    assert current_theme() == "dark"  # the setting, read at start


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_the_bylines_muted_colour_is_readable_in_every_theme(qtbot, window, name) -> None:
    window.run_command(f"theme-{name}")
    reader = window.reader
    base = theme_palette(name).color(Role.Base).name()
    qtbot.waitUntil(lambda: reader.palette().color(Role.Base).name() == base)
    colour = reader.highlighter.header_formats[1].foreground().color().name()
    base = reader.palette().color(Role.Base).name()
    assert contrast_ratio(colour, base) >= 4.5, (name, colour, base)


def test_a_theme_switch_keeps_the_panes_where_they_were(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.reader.width() > 300)
    before = window.reader.width()
    window.run_command("theme-dark")
    window.run_command("theme-light")
    qtbot.wait(50)
    assert window.reader.width() >= before * 0.9


def test_zoom_applies_to_every_pane(qtbot, window) -> None:
    widgets = {
        "documents": window.doc_list,
        "legend": window.legend,
        "filters": window.facets.list,
        "notes": window.notes,
        "status": window.status_line.doc_label,
        "excerpt bin": window.docks["excerpts"].widget(),
        "composer": window.docks["composer"].widget(),
    }
    before = {name: w.font().pointSizeF() for name, w in widgets.items()}
    reader_before = window.reader.document().defaultFont().pointSizeF()
    press(qtbot, "Ctrl+=")
    press(qtbot, "Ctrl+=")
    for name, widget in widgets.items():
        assert widget.font().pointSizeF() > before[name] * 1.15, name
    assert window.reader.document().defaultFont().pointSizeF() > reader_before * 1.15
    assert window.help_box.font().pointSizeF() > before["documents"] * 1.15  # a dialog too
    press(qtbot, "Ctrl+0")
    for name, widget in widgets.items():
        assert widget.font().pointSizeF() == pytest.approx(before[name]), name


def test_zoom_reaches_the_composers_and_the_analysis_prompts(qtbot, window) -> None:
    """Every prompt opened from the window takes its zoomed font (they opened at the
    application's size whatever the zoom: the new-briefing name, the export path, the
    analysis views' questions)."""
    base = window.doc_list.font().pointSizeF()
    press(qtbot, "Ctrl+=")
    press(qtbot, "Ctrl+=")
    composer = composer_ask(window, "New briefing", "Name:", lambda _name: None)
    analysis = analysis_ask(window, "Timeline", "Group or country:", lambda _t: None, ["ISKP"])
    for prompt in (composer, analysis):
        assert prompt.font().pointSizeF() > base * 1.15, prompt.windowTitle()
        line = prompt.findChild(QLineEdit)
        assert line is not None and line.font().pointSizeF() > base * 1.15
        prompt.reject()
    press(qtbot, "Ctrl+0")
    again = analysis_ask(window, "Timeline", "Group or country:", lambda _t: None, ["ISKP"])
    assert again.font().pointSizeF() == pytest.approx(base)
    again.reject()


LONG_TITLE = "An extraordinarily long headline about " + "provincial militant networks " * 6


def test_long_status_text_is_elided_with_an_ellipsis_not_clipped(qtbot, data_paths) -> None:
    doc = make_doc(LONG_TITLE, ["ISKP attacked Kabul again.", "Nothing else."])
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot([doc]))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    label = win.status_line.doc_label
    assert label.text().startswith(LONG_TITLE.strip()[:60])  # whole, for a screen reader
    qtbot.waitUntil(lambda: label.width() > 0)
    assert label.shown_text().endswith("…")
    assert label.fontMetrics().horizontalAdvance(label.shown_text()) <= label.width()
    assert win.minimumSizeHint().width() < 1280  # a long title never widens the window
    message = "imported 3 files: " + ", ".join(
        f"report-{n}-on-the-northern-districts" for n in range(40)
    )
    win.status(message)
    bar = win.statusBar()
    assert bar.currentMessage() == message
    shown = bar.shown_message()
    assert shown.endswith("…") and len(shown) < len(message)
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()


def test_mode_changes_and_counters_are_announced(qtbot, window, monkeypatch) -> None:
    sent: list[tuple[object, object, str]] = []

    def record(event) -> None:
        text = event.message() if hasattr(event, "message") else ""
        sent.append((event.type(), event.object(), text))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    press(qtbot, "/")
    mode_label = window.status_line.mode_label
    assert (QAccessible.Event.NameChanged, mode_label, "") in sent
    assert any(
        kind == QAccessible.Event.Announcement and text == "search mode" for kind, _o, text in sent
    )
    interface = QAccessible.queryAccessibleInterface(mode_label)
    assert interface.text(QAccessible.Text.Name) == "SEARCH"
