"""The status bar never shows a local path: a message keeps a file's name, never its folders."""

from __future__ import annotations

from pathlib import Path


def test_an_error_naming_a_file_shows_its_name_only(window, tmp_path: Path) -> None:
    where = tmp_path / "analyst data" / "index"
    window.status(f"import failed: [Errno 28] No space left on device: '{where}/_MAIN_3.seg'")
    shown = window.statusBar().currentMessage()
    assert str(tmp_path) not in shown and "'_MAIN_3.seg'" in shown
    # The composer's export job writes to the bar itself, not through window.status.
    window.statusBar().showMessage(f"exported 2 pages, 3 excerpts (9 KiB) to {tmp_path}/b.pdf")
    shown = window.statusBar().currentMessage()
    assert shown == "exported 2 pages, 3 excerpts (9 KiB) to b.pdf"
    assert window.statusBar().accessibleDescription() == shown


def test_messages_without_paths_are_left_as_they_are(window) -> None:
    text = "¶ 3/5 read; 12/40 documents, briefreader://doc/abc and/or 2024/03/01 kept"
    window.status(text)
    assert window.statusBar().currentMessage() == text


def test_the_composers_dialogs_show_a_files_name_not_its_folders(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from briefreader.ui.composer.dialogs import ask_yes_no, tell

    parent = QWidget()
    qtbot.addWidget(parent)
    failed = tell(
        parent,
        "Export failed",
        "The briefing “Weekly” was not exported.",
        f"[Errno 13] Permission denied: '{tmp_path}/out/weekly.pdf'",
    )
    assert str(tmp_path) not in failed.informativeText()
    assert "'weekly.pdf'" in failed.informativeText()
    done = ask_yes_no(parent, "Briefing exported", f"Exported 2 pages to {tmp_path}/b.pdf.", print)
    assert done.text() == "Exported 2 pages to b.pdf."
    failed.close()
    done.close()
