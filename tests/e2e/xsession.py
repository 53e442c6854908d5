"""A private X display for end-to-end tests: Xvfb started here, xdotool to type on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

GRAB_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
screen = app.primaryScreen()
ok = screen.grabWindow(0).save(sys.argv[1], "PNG")
sys.exit(0 if ok else 1)
"""


def require_tools() -> None:
    """Skip without Xvfb/xdotool, unless CI is set: there a missing tool is a failure."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        message = f"end-to-end tests need {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is not skipped)")
        pytest.skip(message)


@contextmanager
def xvfb(width: int = 1280, height: int = 800) -> Iterator[str]:
    """Start Xvfb on a free display number (it picks and reports one through -displayfd)."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as reader:
            number = reader.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report a display")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


class Desktop:
    """Typing and looking at one display."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.env = {**os.environ, "DISPLAY": display}
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout.strip()

    def find_window(
        self, name: str, timeout: float = 120.0, process: subprocess.Popen[str] | None = None
    ) -> str:
        """The window's id once it is shown. A generous timeout (a cold start on a machine
        at load 7 took over 60 s); a `process` that exits meanwhile fails at once, with
        what it printed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
            if found:
                return found.splitlines()[0]
            if process is not None and process.poll() is not None:
                said = process.stderr.read() if process.stderr else ""
                raise RuntimeError(
                    f"the app exited ({process.returncode}) before its window showed: {said}"
                )
            time.sleep(0.2)
        raise TimeoutError(f"no window named {name!r} appeared")

    def type_when_shown(self, name: str, *keys: str, timeout: float = 60.0) -> tuple[str, float]:
        """Type `keys` into the first visible window named `name` as soon as it is shown.

        The xdotool that types is started first and waits for its script on stdin, so
        nothing is started between finding the window (the display is asked every
        20 ms) and focusing it and typing. Returns the window and at most how many
        seconds passed from its being shown to the first key.
        """
        typist = subprocess.Popen(
            ["xdotool", "-"],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                asked = time.monotonic()
                found = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
                if found:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no window named {name!r} appeared")
                time.sleep(0.02)
            window = found.splitlines()[0]
            typist.stdin.write(f"windowfocus {window}\nkey --delay 30 {' '.join(keys)}\n")
            typist.stdin.close()  # the focus request, then the keys, in this order
            within = time.monotonic() - asked + 0.02  # shown at the latest while the
            typist.wait(30)  # last search ran, at the earliest in the sleep before it
        finally:
            if typist.poll() is None:
                typist.kill()
                typist.wait(10)
        return window, within

    def wait_closed(self, name: str, timeout: float = 30.0) -> None:
        """Until no visible window is named `name` (a dialog has gone)."""
        deadline = time.monotonic() + timeout
        while self.xdotool("search", "--onlyvisible", "--name", name, check=False):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the window named {name!r} stayed open")
            time.sleep(0.1)

    def window_name(self, window: str) -> str:
        return self.xdotool("getwindowname", window)

    def focus(self, window: str) -> None:
        self.xdotool("windowfocus", "--sync", window)

    def key(self, *keys: str, delay_ms: int = 60) -> None:
        self.xdotool("key", "--delay", str(delay_ms), *keys)
        time.sleep(0.15)

    def type_keys(self, *keys: str) -> None:
        """Keys as a fast typist types them (30 ms apart), not waiting for anything after."""
        self.xdotool("key", "--delay", "30", *keys)

    def wait_for_name(self, window: str, predicate, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        name = ""
        while time.monotonic() < deadline:
            name = self.window_name(window)
            if predicate(name):
                return name
            time.sleep(0.1)
        raise TimeoutError(f"window name stayed {name!r}")

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-c", GRAB_SCRIPT, str(path)],
            env=self.env,
            check=True,
            timeout=60,
            capture_output=True,
        )


#: The window title once a document is open ("briefreader — <title>").
TITLE_PREFIX = "briefreader — "
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


class RunningApp:
    """briefreader started on a desktop, its window found, focused and showing a document."""

    def __init__(self, desktop: Desktop, process: subprocess.Popen[str]) -> None:
        self.desktop = desktop
        self.process = process
        self.window = ""
        self.first_title = ""
        self.first_keys_after = 0.0  # seconds from the window being shown to the first key
        self.stderr = ""

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def quit(self) -> None:
        """Ctrl+Q, as a user quits, and wait for the process to end."""
        self.desktop.key("ctrl+q")
        self.process.wait(60)


@contextmanager
def running_app(
    desktop: Desktop,
    data_dir: Path,
    failure_png: str,
    env: dict[str, str] | None = None,
    *,
    wait_for_document: bool = True,
    first_keys: tuple[str, ...] = (),
) -> Iterator[RunningApp]:
    """Start `python -m briefreader --data-dir DATA_DIR` and wait for its first document
    (or, without `wait_for_document`, only for its window to have the keyboard).
    `first_keys` are typed the moment the window is shown, before anything is waited
    for (`RunningApp.first_keys_after` says how soon).

    On any failure the screen is saved as `artifacts/FAILURE_PNG`; a process
    still running at the end is killed. `stderr` holds what the app printed.
    `env` adds to the desktop's environment (e.g. BRIEFREADER_WORKSPACE).
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "briefreader", "--data-dir", str(data_dir)],
        env={**desktop.env, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    app = RunningApp(desktop, process)
    try:
        if first_keys:
            app.window, app.first_keys_after = desktop.type_when_shown(
                "^briefreader", *first_keys, timeout=120.0
            )
        else:
            app.window = desktop.find_window("^briefreader", process=process)
            desktop.focus(app.window)
        if wait_for_document:
            app.first_title = desktop.wait_for_name(
                app.window, lambda name: name.startswith(TITLE_PREFIX), timeout=90
            )
        yield app
    except Exception:
        desktop.screenshot(ARTIFACTS / failure_png)  # what the screen showed
        raise
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        app.stderr = process.stderr.read() if process.stderr else ""
