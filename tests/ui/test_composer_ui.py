"""The briefing composer in the window, driven by keys: compose, check, export in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from briefreader.corpus.library import open_library
from briefreader.store import Store
from briefreader.ui.composer import make_dock
from briefreader.ui.composer_models import EXCERPT_ROLE, CandidateModel, ComposerModel
from tests.ui.conftest import press, sample_snapshot


@pytest.fixture
def library_docs(data_paths):
    with open_library(data_paths) as library:
        return library.documents()


@pytest.fixture
def composer_window(qtbot, data_paths, library_docs, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    from briefreader.entities import find_mentions
    from briefreader.ui.window import MainWindow

    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    store = Store.open(data_paths)
    win.attach_store(store)
    win.apply_snapshot(sample_snapshot(library_docs))
    dock, controller = make_dock(win)
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    win.composer = controller
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    controller.runner.wait(20000)
    win.jobs.wait(20000)


def captured(window, docs, count: int = 3) -> list[int]:
    store = window.session.store
    ids = []
    for n in range(count):
        doc = docs[n % len(docs)]
        start, end = doc.paragraph_spans()[n // len(docs)]
        ids.append(store.excerpts.capture(doc.id, doc.body, start, end).excerpt.id)
    return ids


def modal(qtbot, kind: type) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def test_models_pass_the_model_tester(qtmodeltester, composer_window, library_docs) -> None:
    controller = composer_window.composer
    qtmodeltester.check(ComposerModel())
    ids = captured(composer_window, library_docs, 4)
    controller.apply(controller.composer.create("B"))
    controller.apply(controller.composer.add(ids))
    controller.apply(controller.composer.add_section("Threat"))
    qtmodeltester.check(controller.pane.model)
    model = CandidateModel()
    qtmodeltester.check(model)
    model.set_excerpts([composer_window.session.store.excerpts.get(i) for i in ids])
    qtmodeltester.check(model)


def test_smoke_create_add_export(qtbot, composer_window, library_docs, tmp_path) -> None:
    controller = composer_window.composer
    ids = captured(composer_window, library_docs, 3)
    controller.new_briefing()
    prompt = modal(qtbot, QDialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Weekly ISKP")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.composer.briefing is not None)
    assert prompt is not None
    controller.add_excerpts()
    modal(qtbot, QDialog)
    press(qtbot, "Ctrl+Space")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    press(qtbot, "Ctrl+Space")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(controller.composer.briefing.excerpt_ids) == 2)
    qtbot.waitUntil(lambda: bool(controller.composer.flags), timeout=10000)
    tree = controller.pane.tree
    assert tree.currentIndex().data(EXCERPT_ROLE) in ids
    opened: list[Path] = []
    controller.runner.open_pdf = lambda path: opened.append(path) or True
    controller.export()
    modal(qtbot, QDialog)
    line = QApplication.focusWidget()
    assert line.text().endswith("Documents/Weekly-ISKP.pdf")
    out = tmp_path / "out.pdf"
    line.setText(str(out))
    qtbot.keyClick(line, Qt.Key.Key_Return)
    box = modal(qtbot, QMessageBox)
    assert "Open it in the PDF viewer?" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: opened == [out])
    assert out.read_bytes().startswith(b"%PDF")
