"""The window module must not pull in Whoosh, ReportLab or the import parsers,
nor what the app builds or loads after the first paint.

They are loaded with the first search, export or import, after the first
paint; importing them with the window cost a fifth of the 0.6 s start-up budget.
The analysis pane, the composer and the entity matcher are built or loaded
just after the first highlighted paint (see `ui.launch`): each would put tens
of milliseconds back on every cold start.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("bs4", "ftfy", "charset_normalizer", "reportlab", "whoosh", "lxml")
LATER = (
    "briefreader.ui.analysis.pane",
    "briefreader.ui.analysis.wiring",
    "briefreader.ui.composer.wiring",
    "briefreader.entities",
    "briefreader.entities.matcher",
    "ahocorasick",
)


def test_the_window_module_stays_light() -> None:
    script = (
        "import sys, briefreader.app, briefreader.ui.launch, briefreader.ui.window\n"
        f"print(','.join(m for m in {HEAVY + LATER!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the window imports {result.stdout.strip()}"


def test_the_window_offers_every_part_of_the_host_interface(window) -> None:
    """The features see the window only as a `Host`; it must have all of it, of the right kind."""
    from briefreader.ui.common.host import Host

    members = [name for name in vars(Host) if not name.startswith("_")]
    members += list(Host.__annotations__)
    assert {"apply", "status", "focus_pane", "state", "registry"} <= set(members)
    for name in members:
        assert hasattr(window, name), name
        if callable(getattr(Host, name, None)):
            assert callable(getattr(window, name)), name
    assert window.main_window() is window
    assert window.store() is window.session.store
    assert window.current_briefing() is window.composer.composer.briefing


def test_no_feature_module_imports_the_window() -> None:
    """The one circle of the house (window <-> its wiring modules) stays open."""
    import ast
    from pathlib import Path

    import briefreader.ui

    root = Path(briefreader.ui.__file__).parent
    offenders = []
    for path in root.glob("*/*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "briefreader.ui.window",
                "briefreader.ui.launch",
                "briefreader.ui.bindings",
            ):
                offenders.append(str(path.relative_to(root)))
    assert len(list(root.glob("*/*.py"))) > 30  # the feature packages are where they should be
    assert offenders == []
