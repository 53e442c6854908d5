"""The real app under Xvfb: excerpts into a new briefing, exported as a PDF; keys only.

After the help (?) is opened and closed, x captures three paragraphs, the
palette (:) reaches the composer, B names a briefing, a
picks the excerpts, R then b grades the source B and i then 2 the
first excerpt's credibility, Ctrl+E exports to the suggested path (a worker, with
progress), and the offer to open the PDF is declined with n. The PDF must
then hold every excerpt's words and pass qpdf. Keys are typed as a fast typist
types them, without waiting for prompts to open: the test waits only for the PDF
and for the offer that follows it.
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
            # No pauses between keys: keys typed while the store and the matcher load
            # wait for them, and keys typed while a prompt opens reach the prompt
            # (the window's KeyGate). Only what takes real work is waited for.
            desktop.type_keys("question", "Escape")  # the help, opened and closed
            desktop.type_keys("x", "j", "x", "j", "x")  # three paragraphs, three excerpts
            desktop.type_keys("colon")
            desktop.xdotool("type", "--delay", "30", "focus-composer")
            desktop.type_keys("Return", "shift+b")  # the composer, from the palette; a new briefing
            desktop.xdotool("type", "--delay", "30", "Weekly ISKP")
            desktop.type_keys("Return", "a")  # named; the excerpt picker: tick all three
            desktop.type_keys("ctrl+space", "Down", "ctrl+space", "Down", "ctrl+space", "Return")
            # Grades from the composer: the source's reliability, the excerpt's credibility.
            desktop.type_keys("shift+r", "b", "i", "2")
            desktop.type_keys("ctrl+e", "Return")  # the export dialog, at the suggested path
            deadline = time.monotonic() + 90
            while not pdf.exists():
                assert time.monotonic() < deadline, "the PDF was never written"
                time.sleep(0.2)
            desktop.find_window("^Briefing exported$", timeout=60)  # open it?
            desktop.screenshot(ARTIFACTS / "e2e-briefing-exported.png")
            desktop.type_keys("n")
            desktop.wait_closed("^Briefing exported$")
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
