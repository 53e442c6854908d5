"""Entry point: parse the command line, then start the GUI or a CLI command.

With no subcommand briefreader opens its window; with one it runs headless.
Qt is imported only on the GUI path, and only after checking that a display
exists, so the CLI works on a server and a missing display gets one clear
line instead of a Qt abort.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from briefreader import __version__
from briefreader.paths import DataPaths
from briefreader.workspace.settings import (
    ENV_VAR,
    SETTING_FILE,
    WorkspaceError,
    resolve_workspace,
)

NO_DISPLAY_MESSAGE = (
    "briefreader: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
    "so the window cannot open. Run it from a desktop session, or on a virtual "
    "display: `apt-get install -y xvfb xauth && xvfb-run -a {command}`; the "
    "command-line interface needs no display: see `{command} --help`."
)


def invoked_as(argv0: str, executable: str, cwd: Path) -> str:
    """The command the user typed to start briefreader, to repeat it back in advice.

    The Quick start runs `.venv/bin/briefreader` from inside the clone, where a bare
    `briefreader` is not on PATH; advice naming the bare command would not work there.
    A path outside the working directory is not shown (it is the user's local path).
    """

    def shown(path: str) -> str | None:
        try:
            relative = (cwd / path).resolve().relative_to(cwd.resolve())
        except ValueError:
            return None
        return str(relative)

    if Path(argv0).name in {"__main__.py", "main.py"}:
        python = shown(executable) if Path(executable).parent.name == "bin" else None
        return f"{python or 'python3'} -m briefreader"
    if Path(argv0).parent != Path() and (relative := shown(argv0)):
        return relative
    return "briefreader"


#: What Qt's X11 platform plugin loads (soname -> the Debian package that has it).
#: Without one of them Qt does not fail politely: it aborts the process.
QT_X11_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

MISSING_QT_LIBS_MESSAGE = (
    "briefreader: Qt cannot start: {error}. On Debian or Ubuntu install its "
    "system libraries with `apt-get install -y {packages}`; the command-line "
    "interface works without them: see `briefreader --help`."
)


def missing_x11_packages(load: Callable[[str], object] | None = None) -> list[str]:
    """The Debian packages Qt's X11 plugin needs that cannot be loaded (Linux, X11 only)."""
    if not sys.platform.startswith("linux") or os.environ.get("WAYLAND_DISPLAY"):
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] != "xcb":
        return []
    if load is None:
        import ctypes

        load = ctypes.CDLL
    missing = []
    for soname, package in QT_X11_LIBRARIES.items():
        try:
            load(soname)
        except OSError:
            missing.append(package)
    return missing


DEAD_DISPLAY_MESSAGE = (
    "briefreader: cannot open the display DISPLAY={display}: no X server answers there "
    "(or it refused the connection), so the window cannot open. Check that the desktop "
    "session is running and DISPLAY names it (over ssh: `ssh -X`), or use a virtual "
    "display: `xvfb-run -a briefreader`; the command-line interface needs no display: "
    "see `briefreader --help`."
)


def unreachable_x_display(open_display: Callable[[], bool] | None = None) -> str | None:
    """DISPLAY's value if Qt would use X11 and no X server can be opened there, else None.

    Qt answers a dead X server by aborting with "Reinstalling the application
    may fix this problem", which sends the analyst the wrong way. libX11's
    own XOpenDisplay says whether the server answers (and lets us in).
    """
    display = os.environ.get("DISPLAY", "")
    if not sys.platform.startswith("linux") or not display or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] != "xcb":
        return None
    opens = open_display or _x_display_opens
    return None if opens() else display


def _x_display_opens() -> bool:
    import ctypes

    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return True  # no libX11: missing_x11_packages has said what to install
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    handle = xlib.XOpenDisplay(None)
    if not handle:
        return False
    xlib.XCloseDisplay(handle)
    return True


def _folder_option(value: str) -> Path | str:
    """A Path, except that an empty value stays "" (Path("") is ".") for `data_paths` to refuse."""
    return Path(value) if value.strip() else value


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=_folder_option,
        default=None,
        metavar="DIR",
        help="where the library, the analyst's work and the search index live "
        "(default: the per-user data directory)",
    )
    parser.add_argument(
        "--workspace",
        default=None,
        metavar="URL",
        help="work in a team workspace on PostgreSQL (postgresql://user@host/db?sslmode=…; "
        "libpq settings such as ~/.pgpass apply); 'local' for this analyst's own files. "
        f"Default: ${ENV_VAR}, else {SETTING_FILE} in the data directory",
    )


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand.

    Importing the subcommands pulls in the parsers, ReportLab and Whoosh,
    which the window does not need before its first paint; `main` builds
    this parser only when the command line asks for more than the window.
    """
    from briefreader import cli  # the heavy imports live behind the subcommands

    parser = argparse.ArgumentParser(
        prog="briefreader",
        description=(
            "Read reporting on militant groups with groups and countries highlighted, "
            "search it, collect excerpts and export PDF briefings. "
            "With no command, opens the reading window."
        ),
    )
    _add_global_options(parser)
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in cli.SUBCOMMANDS:
        module.register(subparsers)
    return parser


def has_display() -> bool:
    """Whether a Qt window could be shown, judged without importing Qt."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {"offscreen", "minimal", "vnc"}:
        return True
    if sys.platform in {"win32", "darwin"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_gui(paths: DataPaths, open_link: str | None = None) -> int:
    if not has_display():
        command = invoked_as(sys.argv[0], sys.executable, Path.cwd())
        print(NO_DISPLAY_MESSAGE.format(command=command), file=sys.stderr)
        return 2
    every = " ".join(QT_X11_LIBRARIES.values())
    if missing := missing_x11_packages():
        error = "its X11 plugin needs " + ", ".join(missing)
        print(MISSING_QT_LIBS_MESSAGE.format(error=error, packages=every), file=sys.stderr)
        return 2
    if (display := unreachable_x_display()) is not None:
        print(DEAD_DISPLAY_MESSAGE.format(display=display), file=sys.stderr)
        return 2
    try:
        from briefreader.ui.launch import run_gui  # Qt only on this path
    except ImportError as error:
        print(MISSING_QT_LIBS_MESSAGE.format(error=error, packages=every), file=sys.stderr)
        return 2
    return run_gui(paths, open_link)


class DataDirError(ValueError):
    """`--data-dir` names no folder; the message is one line."""


def data_paths(data_dir: Path | str | None, workspace: str | None) -> DataPaths:
    """The data directory, working in the team workspace the options or settings name.

    Raises WorkspaceError (its message never holds a password), or
    DataDirError for an empty `--data-dir` (`--data-dir ""` or an unset
    variable in a script), which would otherwise mean the current folder.
    """
    if data_dir is not None and not str(data_dir).strip():
        raise DataDirError(
            "--data-dir is empty; give a folder, or leave the option out to use "
            "the per-user data folder"
        )
    local = DataPaths.at(data_dir)
    return DataPaths.at(local.root, resolve_workspace(workspace, local.root))


def main(argv: Sequence[str] | None = None) -> int:
    """Run briefreader; whatever goes wrong ends in one line on stderr, never a traceback."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last net: see last_net.py
        from briefreader.last_net import report  # only when something went wrong

        return report(error)


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    window_only = argparse.ArgumentParser(add_help=False)
    _add_global_options(window_only)
    known, rest = window_only.parse_known_args(argv)
    if not rest:  # no subcommand, no --help: the window, without the CLI's imports
        try:
            paths = data_paths(known.data_dir, known.workspace)
        except (WorkspaceError, DataDirError) as error:
            print(f"briefreader: {error}", file=sys.stderr)
            return 2
        return launch_gui(paths)
    args = build_parser().parse_args(argv)
    try:
        paths = data_paths(args.data_dir, args.workspace)
    except (WorkspaceError, DataDirError) as error:
        print(f"briefreader: {error}", file=sys.stderr)
        return 2
    if args.command is None:
        return launch_gui(paths)
    # `open` starts the window when none is open; the CLI itself never imports Qt.
    args.start_window = lambda link=None: launch_gui(paths, link)
    from briefreader.last_net import tell_notices_on_stderr

    tell_notices_on_stderr()
    try:
        return int(args.run(args, paths))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefreader docs | head` closes the pipe early: not an error.
        sys.stderr.close()
        return 0
