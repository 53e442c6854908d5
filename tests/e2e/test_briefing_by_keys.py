"""The real app under Xvfb: excerpts into a new briefing, exported as a PDF; keys only.

After the help (?) is opened and closed, x captures three paragraphs, the
palette (:) reaches the composer, B names a briefing, a
picks the excerpts, R then b grades the source B and i then 2 the
first excerpt's credibility, Ctrl+E exports to the suggested path (a worker, with
progress), and the offer to open the PDF is declined with n. The PDF must
then hold every excerpt's words and pass qpdf.
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from briefreader.paths import DataPaths
from briefreader.store import Store
from tests.e2e.xsession import ARTIFACTS, Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def dialog(desktop: Desktop, title: str, *keys: str) -> None:
    """Wait for the dialog titled `title`, press `keys` in it, wait for it to close."""
    desktop.find_window(f"^{title}$")
    desktop.key(*keys)
    desktop.wait_closed(f"^{title}$")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_compose_and_export_a_briefing_by_keys_only(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    pdf = home / "Documents" / "Weekly-ISKP.pdf"  # the path the export dialog suggests
    with xvfb() as display:
        desktop = Desktop(display)
        desktop.env["HOME"] = str(home)
        with running_app(desktop, data_dir, "e2e-briefing-failure.png") as app:
            time.sleep(1.5)  # the store and the matcher load after the first paint
            # The help and the palette give the keyboard back when they close (a bare
            # X server has no window manager to do it). Each dialog is waited for by its
            # window, so keys never run ahead of it on a loaded machine.
            desktop.key("question")
            dialog(desktop, "Keys", "Escape")
            desktop.key("x", "j", "x", "j", "x")  # three paragraphs, three excerpts
            desktop.key("colon")
            desktop.find_window("^Commands$")
            desktop.xdotool("type", "--delay", "30", "focus-composer")
            desktop.key("Return")  # the composer, from the palette
            desktop.wait_closed("^Commands$")
            desktop.key("shift+b")  # a new briefing
            desktop.find_window("^New briefing$")
            desktop.xdotool("type", "--delay", "30", "Weekly ISKP")
            desktop.key("Return")
            desktop.wait_closed("^New briefing$")
            desktop.key("a")  # the excerpt picker: tick all three
            desktop.find_window("^Add excerpts")
            desktop.key("ctrl+space", "Down", "ctrl+space", "Down", "ctrl+space", "Return")
            desktop.wait_closed("^Add excerpts")
            time.sleep(0.5)  # the composer redraws with its excerpts
            # Grades from the composer: the source's reliability, the excerpt's credibility.
            desktop.key("shift+r")
            dialog(desktop, "Source reliability", "b")
            desktop.key("i")
            dialog(desktop, "Credibility of the information", "2")
            desktop.screenshot(ARTIFACTS / "e2e-briefing-composed.png")
            desktop.key("ctrl+e")  # the export dialog, at the suggested path
            dialog(desktop, "Export briefing", "Return")
            deadline = time.monotonic() + 60
            while not pdf.exists():
                assert time.monotonic() < deadline, "the PDF was never written"
                time.sleep(0.2)
            desktop.find_window("^Briefing exported$")  # the offer to open it
            desktop.screenshot(ARTIFACTS / "e2e-briefing-exported.png")
            dialog(desktop, "Briefing exported", "n")
            app.quit()
    errors = app.stderr
    assert app.returncode == 0, errors
    assert "Traceback" not in errors, errors
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        excerpts = store.excerpts.list()
        briefings = store.briefings.list()
        briefing = store.briefings.load(briefings[0].id) if briefings else None
        book = store.grades.book()
    assert len(excerpts) == 3
    assert [e.credibility for e in excerpts].count(2) == 1
    assert book.publishers or book.documents, "no reliability grade was saved"
    assert [b.name for b in briefings] == ["Weekly ISKP"]
    assert briefing is not None
    assert sorted(briefing.excerpt_ids) == sorted(e.id for e in excerpts)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None or shutil.which("qpdf") is None:
        pytest.skip("poppler-utils and qpdf check the PDF's text and structure")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    flowing = _words(text.replace("-\n", ""))
    for excerpt in excerpts:
        assert _words(excerpt.quote)[:120] in flowing
    assert "Weekly ISKP" in text
    assert "B2" in text and "B–" in text  # the graded excerpt and its two ungraded siblings
    subprocess.run(["qpdf", "--check", str(pdf)], check=True, capture_output=True, timeout=60)
