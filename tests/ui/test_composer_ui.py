"""The briefing composer in the window, driven by keys: compose, check, export in the background."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from shiboken6 import isValid

import briefreader.ui.composer.export_job as export_job
from briefreader.corpus.library import open_library
from briefreader.entities import find_mentions
from briefreader.store import Store
from briefreader.ui.composer.dialogs import ExcerptPicker, ExportPathDialog, TextPrompt
from briefreader.ui.composer.models import EXCERPT_ROLE, CandidateModel, ComposerModel
from briefreader.ui.window import MainWindow
from tests.ui.conftest import press, sample_snapshot


@pytest.fixture
def library_docs(data_paths):
    with open_library(data_paths) as library:
        return library.documents()


@pytest.fixture
def home(monkeypatch, tmp_path) -> Path:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def win(qtbot, data_paths, library_docs, home):
    window = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(window)
    window.attach_store(Store.open(data_paths))
    window.apply_snapshot(sample_snapshot(library_docs))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.focus_pane("reader")
    yield window
    window.composer.runner.wait(20000)
    window.jobs.wait(20000)


def capture(window, docs, count: int) -> list[int]:
    store = window.session.store
    ids = []
    for n in range(count):
        doc = docs[n % len(docs)]
        start, end = doc.paragraph_spans()[n // len(docs)]
        ids.append(store.excerpts.capture(doc.id, doc.body, start, end).excerpt.id)
    return ids


def shown(kind: type):
    """The open prompt of that kind (prompts are modal through the window's KeyGate)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def modal(qtbot, kind: type):
    qtbot.waitUntil(lambda: shown(kind) is not None)
    widget = shown(kind)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def closed(prompt) -> bool:
    """Whether a prompt has closed (one deleted on closing is closed too)."""
    return not isValid(prompt) or not prompt.isVisible()


def typed(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, name: str) -> None:
    """A key on the focused widget, once a closing dialog has handed focus back."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, name)


def composed(qtbot, win, docs, count: int = 3, name: str = "Weekly ISKP") -> list[int]:
    """A briefing made by keys: 7, B, a name, then a, tick every excerpt, Return."""
    ids = capture(win, docs, count)
    key(qtbot, "7")
    assert win.mode() == "composer"
    key(qtbot, "B")
    modal(qtbot, TextPrompt)
    typed(qtbot, name)
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.composer.composer.briefing is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.composer.pane.tree)
    key(qtbot, "a")
    modal(qtbot, ExcerptPicker)
    for _ in range(count):
        key(qtbot, "Ctrl+Space")
        key(qtbot, "Down")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: len(win.composer.composer.briefing.excerpt_ids) == count)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.composer.pane.tree)
    assert sorted(order(win)) == sorted(ids)
    qtbot.waitUntil(lambda: set(win.composer.composer.flags) == set(ids), timeout=10000)
    return order(win)  # the picker lists the most recent first


def column(win, excerpt_id: int, col: int) -> str:
    model = win.composer.pane.model
    index = model.index_of_item(excerpt_id)
    return model.index(index.row(), col, index.parent()).data()


def order(win) -> list[int]:
    return list(win.composer.composer.briefing.excerpt_ids)


def test_models_pass_the_model_tester(qtmodeltester, win, library_docs) -> None:
    qtmodeltester.check(ComposerModel())
    ids = capture(win, library_docs, 4)
    controller = win.composer
    controller.apply(controller.composer.create("B"))
    controller.apply(controller.composer.add(ids))
    controller.apply(controller.composer.add_section("Threat"))
    qtmodeltester.check(controller.pane.model)
    model = CandidateModel()
    qtmodeltester.check(model)
    model.set_excerpts([win.session.store.excerpts.get(i) for i in ids])
    model.toggle(1)
    qtmodeltester.check(model)
    assert model.ticked() == [ids[1]]


def test_compose_by_keys_and_flags_appear(qtbot, win, library_docs) -> None:
    ids = composed(qtbot, win, library_docs)
    assert win.mode_label.text() == "COMPOSER"
    assert win.composer.pane.briefing_box.currentText().startswith("Weekly ISKP")
    assert "added 3 excerpts" in win.statusBar().currentMessage() or order(win)
    # The pre-export check runs in a worker and fills the Check column with words.
    qtbot.waitUntil(lambda: all(column(win, i, 3) == "ok" for i in ids), timeout=10000)
    assert column(win, ids[0], 0).startswith("1. ")


def test_reorder_sections_comment_remove_and_undo_by_keys(qtbot, win, library_docs) -> None:
    ids = composed(qtbot, win, library_docs)
    tree = win.composer.pane.tree
    assert tree.currentIndex().data(EXCERPT_ROLE) == ids[0]
    key(qtbot, "Alt+Down")
    assert order(win) == [ids[1], ids[0], ids[2]]
    key(qtbot, "Ctrl+Up")
    assert order(win) == ids
    key(qtbot, "j")  # j/k move in the tree, they do not run reading commands
    assert tree.currentIndex().data(EXCERPT_ROLE) == ids[1]
    # A section of our own, then the excerpt moves into it with Alt+Shift+Down.
    key(qtbot, "S")
    modal(qtbot, TextPrompt)
    typed(qtbot, "Threat picture")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.composer.composer.section_of(ids[0]) is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    tree.setCurrentIndex(win.composer.pane.model.index_of_item(ids[2]))
    key(qtbot, "Alt+Shift+Up")
    assert win.composer.composer.section_of(ids[2]).title == "Threat picture"
    key(qtbot, "Alt+Shift+Down")
    assert win.composer.composer.section_of(ids[2]).title == "Other excerpts"
    key(qtbot, "Alt+Shift+Up")
    # A comment, several lines, saved with Ctrl+Return.
    key(qtbot, "c")
    modal(qtbot, TextPrompt)
    typed(qtbot, "Corroborated by the UN monitoring team")
    key(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: column(win, ids[2], 2) == "Corroborated by the UN monitoring team")
    # Remove, then undo brings it back (the notes work's undo; the composer follows).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    key(qtbot, "d")
    assert ids[2] not in order(win)
    key(qtbot, "Ctrl+Z")
    qtbot.waitUntil(lambda: ids[2] in order(win))
    # Grouping cycles with o: by group, the sections are computed.
    key(qtbot, "o")
    assert win.composer.composer.briefing.grouping == "group"
    assert win.composer.pane.grouping.currentData() == "group"


def test_details_are_edited_from_the_keyboard(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 1)
    key(qtbot, "e")
    assert QApplication.focusWidget() is win.composer.pane.fields["title"]
    assert win.mode() == "insert"
    typed(qtbot, "ISKP after Kabul")
    key(qtbot, "Tab")
    typed(qtbot, "J. Analyst")
    key(qtbot, "Tab")
    key(qtbot, "Tab")
    typed(qtbot, "OFFICIAL-SENSITIVE")
    summary = win.composer.pane.summary
    summary.setFocus()
    typed(qtbot, "- ISKP keeps its reach")
    key(qtbot, "Escape")  # back to the reader; the summary is saved on leaving
    stored = win.session.store.load_briefing(win.composer.composer.briefing_id)
    assert (stored.title, stored.author, stored.marking) == (
        "ISKP after Kabul",
        "J. Analyst",
        "OFFICIAL-SENSITIVE",
    )
    assert stored.summary == "- ISKP keeps its reach"


def test_go_to_the_excerpt_in_the_reader(qtbot, win, library_docs) -> None:
    ids = composed(qtbot, win, library_docs, 2)
    tree = win.composer.pane.tree
    tree.setCurrentIndex(win.composer.pane.model.index_of_item(ids[1]))
    key(qtbot, "Return")
    excerpt = win.session.store.excerpts.get(ids[1])
    assert win.state.current.id == excerpt.doc_id
    assert win.state.paragraph == excerpt.paragraph
    assert QApplication.focusWidget() is win.reader


def test_stale_and_orphaned_excerpts_are_flagged(qtbot, win, library_docs) -> None:
    doc = library_docs[0]
    store = win.session.store
    start, end = doc.paragraph_spans()[1]
    stale = store.excerpts.capture(doc.id, "x" * 7 + doc.body, start + 7, end + 7).excerpt.id
    odd = "A quote that never was in the article."
    orphan = store.excerpts.capture(doc.id, odd, 0, len(odd)).excerpt.id
    composed(qtbot, win, library_docs, 1)
    win.composer.apply(win.composer.composer.add([stale, orphan]))
    key(qtbot, "C")
    qtbot.waitUntil(lambda: column(win, orphan, 3) == "⚠ orphaned", timeout=10000)
    assert column(win, stale, 3) == "⚠ stale"
    assert "1 stale, 1 orphaned" in win.statusBar().currentMessage()


def export_by_keys(qtbot, win, out: Path, first: bool = True) -> None:
    key(qtbot, "Ctrl+E")
    dialog = modal(qtbot, ExportPathDialog)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    suggested = Path.home() / "Documents" / "Weekly-ISKP.pdf" if first else out
    assert line.text() == str(suggested)
    line.selectAll()
    typed(qtbot, str(out))
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)


def test_export_runs_in_the_background_and_offers_to_open(qtbot, win, library_docs, tmp_path):
    composed(qtbot, win, library_docs)
    opened: list[Path] = []
    win.composer.runner.open_pdf = lambda path: opened.append(path) or True
    out = tmp_path / "weekly.pdf"
    export_by_keys(qtbot, win, out)
    box = modal(qtbot, QMessageBox)
    assert "Open it in the PDF viewer?" in box.text() and f"to {out.name}." in box.text()
    assert str(out.parent) not in box.text()  # the file's name, never its folders
    assert not win.composer.runner.bar.isVisible()
    key(qtbot, "y")
    qtbot.waitUntil(lambda: opened == [out])
    assert out.read_bytes().startswith(b"%PDF")
    assert "exported" in win.statusBar().currentMessage()
    # Again, to the same path: replacing asks first; No leaves the file alone.
    before = out.stat().st_mtime_ns
    export_by_keys(qtbot, win, out, first=False)
    replace = modal(qtbot, QMessageBox)
    assert "exists" in replace.text()
    key(qtbot, "Escape")
    qtbot.wait(200)
    assert out.stat().st_mtime_ns == before and not win.composer.runner.running


def test_the_composer_exports_word_and_markdown_chosen_by_keys(
    qtbot, win, library_docs, home, tmp_path
) -> None:
    composed(qtbot, win, library_docs, 2)
    quotes = [win.session.store.excerpts.get(i).quote for i in order(win)]
    win.composer.runner.open_pdf = lambda path: True
    key(qtbot, "Ctrl+E")
    dialog = modal(qtbot, ExportPathDialog)
    key(qtbot, "Alt+W")  # Word: the suggested name's ending follows
    qtbot.waitUntil(lambda: dialog.format == "docx")  # a mnemonic clicks after a moment
    assert dialog.path.text() == str(home / "Documents" / "Weekly-ISKP.docx")
    dialog.path.setFocus()
    key(qtbot, "Return")
    box = modal(qtbot, QMessageBox)
    assert "word processor" in box.text() and "pages" not in box.text()
    key(qtbot, "n")
    qtbot.waitUntil(lambda: closed(box))  # the key clicks late
    docx = home / "Documents" / "Weekly-ISKP.docx"
    from docx import Document as WordDocument

    text = "\n".join(p.text for p in WordDocument(str(docx)).paragraphs)
    assert all(" ".join(q.split())[:80] in " ".join(text.split()) for q in quotes)
    # Typing the ending picks the format too; the dialog remembers the last path.
    key(qtbot, "Ctrl+E")
    dialog = modal(qtbot, ExportPathDialog)
    assert dialog.path.text() == str(docx) and dialog.format == "docx"
    dialog.path.selectAll()
    out = tmp_path / "notes.md"
    typed(qtbot, str(out))
    assert dialog.format == "md"
    key(qtbot, "Return")
    box = modal(qtbot, QMessageBox)
    assert "Markdown" in box.text()
    key(qtbot, "n")
    qtbot.waitUntil(lambda: closed(box))
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# Weekly ISKP") and "briefreader://doc/" in markdown


def test_export_errors_are_shown(qtbot, win, library_docs, tmp_path) -> None:
    composed(qtbot, win, library_docs, 1)
    export_by_keys(qtbot, win, tmp_path / "no-such-folder" / "b.pdf")
    box = modal(qtbot, QMessageBox)
    assert box.text().startswith("The briefing “Weekly ISKP” was not exported")
    assert "does not exist" in box.informativeText()
    assert "export failed" in win.statusBar().currentMessage()
    key(qtbot, "Return")


def test_undrawable_characters_are_reported_with_the_offer(qtbot, win, library_docs, tmp_path):
    store = win.session.store
    odd = "ISKP’s statement in Hebrew: הודעה"  # Arabic is drawn; Hebrew has no face
    eid = store.excerpts.capture(library_docs[0].id, odd, 0, len(odd)).excerpt.id
    composed(qtbot, win, library_docs, 1)
    win.composer.apply(win.composer.composer.add([eid]))
    win.composer.runner.open_pdf = lambda path: True
    export_by_keys(qtbot, win, tmp_path / "b.pdf")
    box = modal(qtbot, QMessageBox)
    assert "HEBREW" in box.informativeText() and "[U+" in box.informativeText()
    assert "orphaned" in box.informativeText()
    key(qtbot, "n")


def test_a_running_export_keeps_the_window_responsive_and_cancels(
    qtbot, win, library_docs, tmp_path, monkeypatch
) -> None:
    composed(qtbot, win, library_docs)
    gate = threading.Event()
    real = export_job.export_to

    def held(store, paths, briefing_id, out, progress, cancel):
        def step(done: int, total: int) -> None:
            progress(done, total)
            gate.wait(10)

        return real(store, paths, briefing_id, out, step, cancel)

    monkeypatch.setattr(export_job, "export_to", held)
    out = tmp_path / "held.pdf"
    export_by_keys(qtbot, win, out)
    runner = win.composer.runner
    qtbot.waitUntil(
        lambda: runner.bar.isVisible() and "exporting" in win.statusBar().currentMessage()
    )
    key(qtbot, "2")  # the window still answers keys while the export runs
    key(qtbot, "j")
    assert win.state.paragraph == 1
    key(qtbot, "Ctrl+E")  # again while running: offers to cancel
    box = modal(qtbot, QMessageBox)
    assert "Cancel the export" in box.text()
    key(qtbot, "y")
    qtbot.waitUntil(lambda: runner.job is not None and runner.job.cancel.is_set())
    gate.set()
    qtbot.waitUntil(lambda: not runner.running, timeout=10000)
    assert "cancelled" in win.statusBar().currentMessage()
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_rename_switch_and_delete_briefings(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 1, name="First")
    key(qtbot, "F2")
    modal(qtbot, TextPrompt)
    key(qtbot, "Ctrl+A")
    typed(qtbot, "Renamed")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.composer.composer.briefing.name == "Renamed")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.composer.pane.tree)
    key(qtbot, "B")
    modal(qtbot, TextPrompt)
    typed(qtbot, "Second")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.composer.composer.briefing.name == "Second")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.composer.pane.tree)
    key(qtbot, "Ctrl+Delete")
    box = modal(qtbot, QMessageBox)
    assert "Delete the briefing “Second”" in box.text()
    key(qtbot, "y")
    qtbot.waitUntil(lambda: win.composer.composer.briefing is None)
    assert [name for _i, name, _n in win.composer.composer.list_briefings()] == ["Renamed"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.composer.focus()
    key(qtbot, "b")  # the briefing list opens; Return picks
    qtbot.waitUntil(lambda: win.composer.pane.briefing_box.view().isVisible())
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.composer.composer.briefing is not None)
    assert win.composer.composer.briefing.name == "Renamed"


def test_the_excerpt_bin_adds_its_current_excerpt(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 1)
    extra = capture(win, library_docs[1:], 1)[0]
    win.notes_work.bin.refresh()
    key(qtbot, "6")
    assert win.mode() == "excerpts"
    win.notes_work.bin.select(extra)
    key(qtbot, "b")
    assert extra in order(win)


def test_keys_of_the_composer_are_in_the_help(win) -> None:
    from briefreader.ui.common.help import help_rows

    rows = help_rows(win.registry, win.keymap)
    composer = {row[2] for row in rows if row[0] == "composer"}
    assert {"add-excerpts-to-briefing", "move-briefing-item-up", "export-briefing"} <= composer
    assert not win.registry.unbound()


def test_dialogs_never_show_markup(qtbot, win, library_docs) -> None:
    store = win.session.store
    evil = '<img src="file:///etc/passwd"><b>bold</b>'
    eid = store.excerpts.capture(library_docs[0].id, evil, 0, len(evil)).excerpt.id
    composed(qtbot, win, library_docs, 1)
    key(qtbot, "a")
    picker = modal(qtbot, ExcerptPicker)
    assert evil in picker.model.index(0).data()
    key(qtbot, "Escape")
    win.composer.apply(win.composer.composer.add([eid]))
    assert column(win, eid, 0).endswith(evil)
    assert isinstance(QDialog, type)


def test_a_changed_library_rechecks_the_open_briefing(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 2)
    before = win.composer.composer.check_generation
    win.apply_snapshot(sample_snapshot(library_docs[:-1]))  # as after an import
    assert win.composer.composer.check_generation == before + 1
    qtbot.waitUntil(lambda: not win.composer.pane.model.checking, timeout=10000)
    win.apply(win.state.next_paragraph())  # reading on never re-checks
    assert win.composer.composer.check_generation == before + 1


def test_the_grouping_box_keeps_its_arrow_keys(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 2)
    paragraph = win.state.paragraph
    win.composer.pane.grouping.setFocus()
    assert win.mode() == "normal"
    key(qtbot, "Down")  # changes the grouping, does not move the reader
    assert win.composer.composer.briefing.grouping == "group"
    assert win.state.paragraph == paragraph
    key(qtbot, "Up")
    assert win.composer.composer.briefing.grouping == "manual"


def test_the_check_waits_until_the_composer_is_seen(qtbot, win, library_docs) -> None:
    ids = capture(win, library_docs, 2)
    controller = win.composer
    controller.apply(controller.composer.create("Hidden"))
    controller.apply(controller.composer.add(ids))
    assert controller.pane.visibleRegion().isEmpty()  # tabbed behind the notes
    qtbot.wait(400)
    assert controller.composer.flags == {}  # no worker spent on flags nobody sees
    key(qtbot, "7")
    qtbot.waitUntil(lambda: set(controller.composer.flags) == set(ids), timeout=10000)


def test_own_sections_move_by_keys(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 1)
    for title in ("Threat picture", "Outlook"):
        key(qtbot, "S")
        modal(qtbot, TextPrompt)
        typed(qtbot, title)
        key(qtbot, "Return")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is win.composer.pane.tree)
    own = lambda: [s.title for s in win.composer.composer.sections if s.section_id]  # noqa: E731
    assert own() == ["Threat picture", "Outlook"]
    assert win.composer.pane.tree.currentIndex().data() == "Outlook  (0)"  # its header is current
    key(qtbot, "Alt+Up")
    assert own() == ["Outlook", "Threat picture"]
    key(qtbot, "F2")  # on a section of our own, F2 renames the section
    modal(qtbot, TextPrompt)
    key(qtbot, "Ctrl+A")
    typed(qtbot, "Outlook to 2025")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: own() == ["Outlook to 2025", "Threat picture"])
    key(qtbot, "Delete")  # and Delete removes it (its excerpts stay in the briefing)
    assert own() == ["Threat picture"]


def test_a_read_only_store_shows_briefings_without_editing(qtbot, data_paths, library_docs, home):
    with Store.open(data_paths) as store:
        store.briefings.create("Shared", title="T")
    window = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(window)
    window.attach_store(Store.open(data_paths, read_only=True))
    window.apply_snapshot(sample_snapshot(library_docs))
    window.show()
    qtbot.waitExposed(window)
    window.composer.focus()
    assert window.composer.composer.briefing.name == "Shared"
    assert not window.composer.pane.fields["title"].isEnabled()
    window.composer.apply(window.composer.composer.cycle_grouping())
    assert "read-only" in window.statusBar().currentMessage().lower()
    assert window.composer.composer.briefing.grouping == "manual"


def test_changes_made_elsewhere_are_followed(qtbot, win, library_docs) -> None:
    composed(qtbot, win, library_docs, 1)
    store = win.session.store
    bid = win.composer.composer.briefing_id
    win.composer.store_changes(store.briefings.update(bid, title="Changed by the CLI"))
    assert win.composer.pane.fields["title"].text() == "Changed by the CLI"
    other = store.briefings.create("Unrelated").changes
    win.composer.store_changes(other)
    assert win.composer.composer.briefing_id == bid
    assert win.composer.pane.briefing_box.count() == 2  # the list shows the new one
