"""What the window's start-up path imports before its first paint.

The analysis pane and the entity matcher are built or loaded after the first
highlighted paint (see `ui.launch`), so importing the window must not pull
them in: each would put tens of milliseconds back on every cold start.
"""

from __future__ import annotations

import subprocess
import sys

LATER = (
    "briefreader.ui.analysis.pane",
    "briefreader.ui.analysis.wiring",
    "briefreader.ui.composer.wiring",
    "briefreader.entities",
    "briefreader.entities.matcher",
    "ahocorasick",
    "reportlab",
    "whoosh",
)


def test_the_window_module_leaves_the_later_parts_alone() -> None:
    script = (
        "import sys, briefreader.app, briefreader.ui.launch\n"
        f"print(','.join(m for m in {LATER!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported before the first paint: {result.stdout}"
