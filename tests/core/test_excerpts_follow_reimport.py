"""A changed file re-imported with `briefreader docs` carries the analyst's excerpts along."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefreader.corpus.library import Library
from briefreader.paths import DataPaths
from briefreader.store.store import Store

ARTICLE = """Bridges over the Oxus

A standfirst that says what the piece is about in one sentence.

The first paragraph talks about trade across the river and the Taliban's customs posts.

The second paragraph is the one the analyst quotes: ISKP claimed the attack near the crossing.

The third paragraph closes the piece with a look at Tajikistan and the border.
"""


def _docs(paths: DataPaths, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefreader", "--data-dir", str(paths.root), "docs", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_reimported_changed_file_moves_excerpts_to_the_new_version(
    data_paths: DataPaths, tmp_path: Path
) -> None:
    source = tmp_path / "oxus.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert _docs(data_paths, str(source)).returncode == 0

    with Library.open(data_paths.library_db) as library:
        (old,) = library.documents()
    quote = "ISKP claimed the attack near the crossing."
    start = old.body.index(quote)
    store = Store.open(data_paths)
    captured = store.excerpts.capture(old.id, old.body, start, start + len(quote))
    store.close()

    source.write_text(
        ARTICLE.replace("talks about trade", "now talks at length about trade"), encoding="utf-8"
    )
    result = _docs(data_paths, str(source))
    assert result.returncode == 0, result.stderr
    assert "1 moved" in result.stderr

    with Library.open(data_paths.library_db) as library:
        (new,) = library.documents()
    assert new.id != old.id
    store = Store.open(data_paths)
    try:
        excerpt = store.excerpts.get(captured.excerpt.id)
    finally:
        store.close()
    assert excerpt.doc_id == new.id
    assert new.body[excerpt.start : excerpt.end] == quote
    assert excerpt.status == "anchored"


def test_a_busy_store_is_reported_not_fatal(data_paths: DataPaths, tmp_path: Path) -> None:
    source = tmp_path / "oxus.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert _docs(data_paths, str(source)).returncode == 0
    holder = Store.open(data_paths)  # this test process plays the running window
    try:
        source.write_text(ARTICLE.replace("closes", "ends"), encoding="utf-8")
        result = _docs(data_paths, str(source))
    finally:
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "excerpts not moved to the new versions yet" in result.stderr
