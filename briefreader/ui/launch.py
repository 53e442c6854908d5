"""Start the window: paint it first, then load the library and the matcher in a worker.

Nothing heavy is imported here: the corpus importer, the gazetteer and the
search index load in the worker after the first paint, which is what keeps
cold start under the 0.6 s budget. `BRIEFREADER_EXIT_AFTER_FIRST_PAINT=1`
makes the app quit as soon as the first document has been painted
highlighted (the start-up benchmark uses it).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefreader.control.first_view import read_first_view
from briefreader.control.library import count_entities, gazetteer_notice, load_matcher
from briefreader.control.startup import Startup, open_work_then_library
from briefreader.paths import DataPaths, resources_dir
from briefreader.ui.common.quit_signals import QuitOnSignal
from briefreader.ui.common.theme import apply_style
from briefreader.ui.window import MainWindow

EXIT_AFTER_FIRST_PAINT = "BRIEFREADER_EXIT_AFTER_FIRST_PAINT"
#: However the first paint goes, the window is whole and takes keys by then.
FINISH_AT_LATEST_MS = 3000
_STARTED = time.perf_counter()


def run_gui(paths: DataPaths, open_link: str | None = None) -> int:
    """The window; `open_link` (a briefreader:// link) is shown once the library has loaded."""
    paths.ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("briefreader")
    app.setDesktopFileName("briefreader")
    icon = resources_dir() / "icons" / "briefreader.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app)
    window = MainWindow(paths, defer_panes=True)  # the rest once the first document shows
    window.key_gate.hold()  # keys typed before the library has loaded wait for it
    window.show()
    window.links.pending = open_link or ""

    def quit_on_signal() -> None:  # SIGTERM, SIGHUP: saved as a quit saves
        window.close()
        app.quit()

    signals = QuitOnSignal(quit_on_signal, app)  # held until the event loop ends
    if os.environ.get(EXIT_AFTER_FIRST_PAINT):
        # The variable holds the caller's time.time() at process start, if it knows it.
        try:
            origin = float(os.environ[EXIT_AFTER_FIRST_PAINT])
        except ValueError:
            origin = 0.0

        def report() -> None:
            now = time.perf_counter()
            since_launch = now - _STARTED
            since_start = time.time() - origin if origin > 1e9 else float("nan")
            text_at = window.first_paint.text_at or now
            print(
                f"first document painted: {since_start:.3f} s after process start, "
                f"{since_launch:.3f} s after the GUI module loaded; "
                f"its text showed {now - text_at:.3f} s before its highlighting",
                flush=True,
            )
            window.close()

        window.first_paint.painted.connect(report)
    QTimer.singleShot(0, lambda: start_loading(window, paths, lambda: finish_when_painted(window)))
    code = app.exec()
    signals.uninstall()
    return code


def finish_when_painted(window: MainWindow) -> None:
    """The library and the matcher are in: build the rest, then let the held keys through.

    The rest (the composer, the analysis pane, and answering briefreader:// links, which imports
    QtNetwork) is built after the first highlighted paint, so it
    does not delay it. Where nothing will paint highlighted (an empty library, no
    gazetteer) it is built now, and a window that never paints (started minimised)
    gets it after FINISH_AT_LATEST_MS all the same.
    """
    done = False

    def finish() -> None:
        nonlocal done
        if not done:
            done = True
            window.finish_building()
            listen_for_links(window)
            window.key_gate.open()

    if (window.matcher_ready or window.first_paint.from_kept) and window.state.current:
        window.first_paint.after(finish)
        QTimer.singleShot(FINISH_AT_LATEST_MS, window, finish)
    else:
        finish()


def listen_for_links(window: MainWindow) -> None:
    """Answer `briefreader open URL` for this data directory (unless a window already does)."""
    problem = window.links.listen()
    if problem:
        window.status(problem, 10000)


def start_loading(
    window: MainWindow, paths: DataPaths, on_ready: Callable[[], None] = lambda: None
) -> None:
    """Two jobs: the library (shown as text as soon as it is read) and the matcher
    (building the gazetteer's automaton is the slow part); highlighting follows it, then
    the entity facets, which need both. Both start at once, unless the last session kept
    the mentions of the document the window reopens: then the matcher waits for that
    document's first paint. `on_ready` runs once both have ended, loaded or
    not: the keys typed meanwhile then run against the library, the store and the matcher."""
    ready: dict[str, object] = {}
    ended: set[str] = set()
    matcher_started = False
    # The document the last session closed on paints with the mentions it kept; the
    # matcher (whose loading holds the GIL for ~50 ms) then loads after that paint.
    kept = read_first_view(paths)
    if kept is not None:
        window.use_kept_view(kept)

    def start_matcher() -> None:
        nonlocal matcher_started
        if matcher_started:
            return
        matcher_started = True
        window.jobs.start(
            lambda _progress: load_matcher(paths),
            matcher_loaded,
            lambda error: (
                window.status(f"no highlighting: the gazetteer did not load ({error})", 0),
                end("matcher"),
            ),
            lambda text: window.status(text, 0),
        )

    def library_failed() -> None:
        end("library")
        start_matcher()

    def end(job: str) -> None:
        ended.add(job)
        if ended == {"library", "matcher"}:
            on_ready()

    def library_loaded(result: object) -> None:
        assert isinstance(result, Startup)
        snapshot = result.snapshot
        window.state.set_library(snapshot.documents, snapshot.stories)
        if result.store is not None:
            window.attach_store(result.store)
        window.apply_snapshot(snapshot)
        window.links.open_pending()  # started by `briefreader open URL`: go there
        if window.first_paint.from_kept:
            window.first_paint.after(start_matcher)
            QTimer.singleShot(FINISH_AT_LATEST_MS, window, start_matcher)  # if it never paints
        else:
            start_matcher()
        # Indexing (Whoosh, a child process) waits until the first document shows
        # highlighted: started now, it would compete with the matcher for both cores.
        window.first_paint.after(window.search.library_changed)
        for problem in (result.store_error, result.library_error):
            if problem:
                window.status(problem, 0)
        ready["snapshot"] = snapshot
        index_entities()
        end("library")

    def matcher_loaded(matcher: object) -> None:
        window.set_matcher(matcher)  # type: ignore[arg-type]
        notice = gazetteer_notice(matcher)  # type: ignore[arg-type]
        if notice:
            window.status(notice, 20000)
        ready["matcher"] = matcher
        index_entities()
        end("matcher")

    def index_entities() -> None:
        # After both: counting a new library matches every document, which would
        # compete with the matcher's first highlighted paint for both cores.
        if "snapshot" not in ready or "matcher" not in ready:
            return
        notice = gazetteer_notice(ready["matcher"])  # type: ignore[arg-type]

        def counted(found: object) -> None:
            window.apply(window.state.set_entities(found))  # type: ignore[arg-type]
            if notice:  # again: the counting's progress wrote over it
                window.status(notice, 20000)

        window.jobs.start(
            lambda progress: count_entities(paths, progress),
            counted,
            lambda error: window.status(f"could not list entities: {error}", 0),
            lambda text: window.status(text, 0),
        )

    window.status("opening the library…", 0)
    window.jobs.start(
        lambda progress: open_work_then_library(paths, progress),  # notes never wait on it
        library_loaded,
        lambda error: (window.status(f"could not open the library: {error}", 0), library_failed()),
        lambda text: window.status(text, 0),
    )
    if kept is None:
        start_matcher()
