"""The window's import reports how far it is, pages of a long PDF included (no Qt)."""

from __future__ import annotations

import random
from pathlib import Path

from briefreader.control.library import import_files
from briefreader.paths import DataPaths
from tests.fixtures.pdfs import report, write_pdf


def test_fractions_rise_through_the_pages_of_one_file(
    data_paths: DataPaths, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_pdf(inbox / "a.pdf", report(random.Random(1), sections=12, paras=12), columns=1)
    (inbox / "b.txt").write_text("A title\n\n" + "Some words of a short article. " * 10)
    fractions: list[float] = []
    texts: list[str] = []
    outcome = import_files(data_paths, [inbox], texts.append, fractions.append)
    assert len(outcome.added) == 2
    assert fractions == sorted(fractions) and fractions[0] == 0.0
    inside = [f for f in fractions if 0.0 < f < 0.5]  # a.pdf is the first of two files
    assert len(inside) >= 2
    assert any(t.startswith("importing 1/2: inbox/a.pdf, 10/") for t in texts)
    assert not any(str(tmp_path) in t for t in texts)
