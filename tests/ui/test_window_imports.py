"""The window module must not pull in Whoosh, ReportLab or the import parsers.

They are loaded with the first search, export or import, after the first
paint; importing them with the window cost a fifth of the 0.6 s start-up budget.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("bs4", "ftfy", "charset_normalizer", "reportlab", "whoosh", "lxml")


def test_the_window_module_stays_light() -> None:
    script = (
        "import sys, briefreader.ui.launch, briefreader.ui.window\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the window imports {result.stdout.strip()}"
