"""What the window needs before its first paint must not pull in the heavy libraries.

Cold start is budgeted (under 0.6 s to the first highlighted document): the
library, the store and the entity matcher are read at start-up, but the
parsers (BeautifulSoup, ftfy, charset-normalizer), ReportLab and Whoosh are
needed only when importing, exporting or searching.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("bs4", "ftfy", "charset_normalizer", "reportlab", "whoosh", "lxml", "psycopg")


@pytest.mark.parametrize(
    "module",
    ["briefreader.app", "briefreader.corpus.library", "briefreader.store", "briefreader.entities"],
)
def test_start_up_modules_stay_light(module: str) -> None:
    script = f"import sys, {module}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_the_window_spells_the_index_note_prefix_as_the_index_does() -> None:
    """The window reads result rows without importing Whoosh, so it keeps its own copy."""
    from briefreader.control.search_engine import NOTE_PREFIX as window_prefix
    from briefreader.search.schema import NOTE_PREFIX as index_prefix

    assert window_prefix == index_prefix
