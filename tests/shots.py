"""Screenshots of every pane in every theme, under Xvfb, to look at (not a test).

    python -m tests.shots OUTDIR [--sizes 1280x800,1920x1080] [--themes light,dark,high-contrast]

For each size a private Xvfb is started (tests/e2e/xsession.py) and a child
process opens the real window on it over a data directory holding the
seeds, their search index, a few excerpts and a briefing. The child drives
the window by its named commands (as keys would) and grabs the whole screen
for each pane: documents and reader, search, notes, excerpt bin, composer,
legend, filters, analysis (each of its views) and help. Files are OUTDIR/<size>-<theme>-<pane>.png.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PANES = (
    "reader",
    "search",
    "notes",
    "excerpts",
    "composer",
    "legend",
    "filters",
    "analysis",
    "help",
)


#: Each analysis view, as its key shows it (the dossier is opened on ISKP by name).
ANALYSIS_VIEWS = (
    ("analysis-timeline", "show-timeline"),
    ("analysis-comentions", "show-comentions"),
    ("analysis-since", "show-since"),
    ("analysis-inbox", "show-inbox"),
    ("analysis-batch", "show-batch"),
)


def prepare(root: Path) -> None:
    """Seeds, their index, eight excerpts with tags and a comment, a briefing holding them."""
    from briefreader.control.library import load_library
    from briefreader.paths import DataPaths
    from briefreader.search.sources import update_from_library
    from briefreader.store import Store

    paths = DataPaths.at(root).ensure()
    update_from_library(paths, procs=1, include_notes=False)
    docs = load_library(paths, seed=False).documents
    with Store.open(paths) as store:
        ids = []
        for n in range(8):
            doc = docs[n % len(docs)]
            spans = doc.paragraph_spans()
            start, end = spans[min(1 + n // len(docs), len(spans) - 1)]
            tags = [("ISKP", "Taliban", "China")[n % 3]] + (["priority read"] if n % 4 == 0 else [])
            captured = store.excerpts.capture(
                doc.id, doc.body, start, end, tags=tags, comment="check the date" if n == 2 else ""
            )
            ids.append(captured.excerpt.id)
        created = store.briefings.create(
            "Weekly ISKP", title="ISKP and the region", author="Analyst", date="2024-03-08"
        )
        store.briefings.add(created.briefing.id, ids)
        # A standing query that has not run since before the seeds came in: the
        # window runs it once the index is up, so the inbox has hits to show.
        store.watches.add("ISKP in Afghanistan", "ISKP Afghanistan", checked="2000-01-01T00:00:00")
    update_from_library(paths, procs=1)


def child(out: Path, size: str, themes: list[str], data: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefreader.paths import DataPaths
    from briefreader.ui.common.theme import apply_style
    from briefreader.ui.launch import start_loading
    from briefreader.ui.window import MainWindow

    app = QApplication(sys.argv[:1])
    apply_style(app)
    paths = DataPaths.at(data)
    window = MainWindow(paths)
    width, height = (int(x) for x in size.split("x"))
    window.resize(width, height)
    window.show()
    QTimer.singleShot(0, lambda: start_loading(window, paths))

    def wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    def settle(seconds: float = 0.4) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    wait(lambda: window.first_paint.done and bool(window.state.counts().entities))
    window.activateWindow()  # no window manager: focus (and its frame) needs an active window
    wait(lambda: app.activeWindow() is window, 10.0)
    settle(1.0)

    def shot(theme: str, pane: str) -> None:
        settle()
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out / f"{size}-{theme}-{pane}.png"), "PNG")

    run = window.run_command
    for theme in themes:
        run(f"theme-{theme}")
        run("focus-documents")
        shot(theme, "reader")
        run("search")
        window.search.pane.line.setText("Taliban Kabul")
        wait(lambda: window.search.pane.model.rowCount() > 0)
        shot(theme, "search")
        run("clear-search")
        for pane, command in (
            ("notes", "focus-notes"),
            ("excerpts", "focus-excerpt-bin"),
            ("composer", "focus-composer"),
            ("legend", "focus-legend"),
            ("filters", "focus-facets"),
            ("analysis", "focus-analysis"),
        ):
            run(command)
            shot(theme, pane)
        for pane, command in ANALYSIS_VIEWS:
            run(command)
            shot(theme, pane)
        window.analysis.dossier_of("ISKP")
        shot(theme, "analysis-dossier")
        window.docks["analysis"].hide()
        run("focus-reader")
        run("help")
        shot(theme, "help")
        run("leave-mode")
        window.activateWindow()
        wait(lambda: app.activeWindow() is window, 10.0)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1280x800,1920x1080")
    parser.add_argument("--themes", default="light,dark,high-contrast")
    parser.add_argument("--child", default="")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    themes = args.themes.split(",")
    if args.child:
        child(args.out, args.child, themes, args.data)
        return
    from tests.e2e.xsession import Desktop, xvfb

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        prepare(data)
        for size in args.sizes.split(","):
            width, height = size.split("x")
            with xvfb(int(width), int(height)) as display:
                env = Desktop(display).env
                command = [sys.executable, "-m", "tests.shots", str(args.out), "--child", size]
                subprocess.run(
                    [*command, "--themes", args.themes, "--data", str(data)],
                    env=env,
                    check=True,
                    timeout=600,
                    cwd=Path(__file__).resolve().parents[1],
                )
    print("\n".join(sorted(str(p) for p in args.out.glob("*.png"))))


if __name__ == "__main__":
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    main()
