"""Pages nested thousands deep, and file names that once collapsed to one stored path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefreader.corpus.formats import html
from briefreader.corpus.importer import display_path, stored_path
from briefreader.corpus.library import Library


def _texts(raw: bytes) -> list[str]:
    return [
        block.text for piece in html.read(raw, name="deep.html").pieces for block in piece.blocks
    ]


@pytest.mark.parametrize(
    ("depth", "tag"), [(400, "div"), (5000, "div"), (3000, "span"), (2000, "li")]
)
def test_deeply_nested_html_keeps_its_text(depth: int, tag: str) -> None:
    """A recursive walk stopped at ~330 levels ('internal error: RecursionError')."""
    page = (
        "<html><body><h1>Deep page</h1><p>Before the nest: the Taliban.</p>"
        + f"<{tag}>" * depth
        + "<p>Inside the nest: ISIS in Mosul.</p><p>A second paragraph.</p>"
        + f"</{tag}>" * depth
        + "<p>After the nest.</p></body></html>"
    )
    texts = _texts(page.encode())
    assert texts[0] == "Deep page" and texts[-1] == "After the nest."
    joined = " ".join(texts)
    assert "Inside the nest: ISIS in Mosul." in joined and "A second paragraph." in joined
    if tag == "div":  # block elements still end paragraphs at any depth
        assert "Inside the nest: ISIS in Mosul." in texts


def test_a_deep_page_imports(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><p>Start: the Taliban.</p>"
        + "<div>" * 3000
        + "<p>Deep: ISIS.</p>"
        + "</div>" * 3000
        + "</body></html>",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "library.sqlite3") as library:
        report = library.import_paths([page])
        assert not report.skipped
        (doc,) = library.documents()
        assert "Deep: ISIS." in doc.body


def test_names_that_read_alike_are_stored_apart(tmp_path: Path) -> None:
    latin1 = tmp_path / os.fsdecode(b"caf\xe9.txt")
    spelled = tmp_path / "caf\\xe9.txt"  # a real backslash, x, e, 9
    latin1.write_bytes(b"First report: the Taliban took Kabul airport on Monday.")
    spelled.write_bytes(b"First report: the Taliban took Kabul airport on Monday night.")
    assert display_path(latin1) == display_path(spelled)  # how both are shown
    assert stored_path(latin1) != stored_path(spelled)  # but never stored as one
    assert stored_path(tmp_path / "plain.txt") == str(tmp_path / "plain.txt")
    with Library.open(tmp_path / "library.sqlite3") as library:
        first = library.import_paths([latin1])
        second = library.import_paths([spelled])
        assert len(first.added) == 1 and len(second.added) == 1 and not second.new_versions
        assert len(library.documents()) == 2
        again = library.import_paths([latin1, spelled])
        assert len(again.unchanged) == 2 and not again.new_versions


def test_stored_paths_are_one_to_one() -> None:
    names = [b"a\\xe9\xff", b"a\xe9\\xff", b"a\\x5c\xff", b"a\\\xff", b"a\xe9\xff", b"a\\xe9"]
    stored = {stored_path(Path(os.fsdecode(b"/d/" + name))) for name in names}
    assert len(stored) == len(names)
