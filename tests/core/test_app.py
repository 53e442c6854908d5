"""The entry point: global options, the no-display message, seeds location."""

from __future__ import annotations

import subprocess
import sys

from briefreader import paths
from briefreader.app import NO_DISPLAY_MESSAGE, build_parser, invoked_as


def test_data_dir_is_a_global_option(tmp_path) -> None:
    args = build_parser().parse_args(["--data-dir", str(tmp_path), "docs"])
    assert args.data_dir == tmp_path
    assert args.command == "docs"


def test_no_display_says_so_in_one_line_and_points_to_the_cli(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "briefreader", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY_MESSAGE.format(command="python3 -m briefreader")
    assert "no display" in result.stderr and "briefreader --help" in result.stderr
    assert "xvfb-run -a python3 -m briefreader" in result.stderr
    assert "\n" not in result.stderr.strip()


def test_seeds_are_the_bundled_corpus(repo_root) -> None:
    seeds = paths.seeds_dir()
    assert seeds.is_dir()
    assert sorted(p.name for p in seeds.iterdir()) == sorted(
        p.name for p in (repo_root / "seeds").iterdir()
    )


def test_data_paths_live_under_one_root(tmp_path) -> None:
    data = paths.DataPaths.at(tmp_path)
    for path in (data.library_db, data.work_db, data.index_dir, data.backups_dir, data.keys_file):
        assert path.parent == tmp_path


def test_the_window_path_does_not_import_the_cli_or_heavy_libraries(tmp_path) -> None:
    """Cold start matters: the CLI's parsers, ReportLab and Whoosh wait until asked for."""
    script = (
        "import os, sys\n"
        "for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'QT_QPA_PLATFORM'):\n"
        "    os.environ.pop(name, None)\n"
        "from briefreader.app import main\n"
        f"status = main(['--data-dir', {str(tmp_path)!r}])\n"
        "heavy = [m for m in ('briefreader.cli', 'reportlab', 'whoosh', 'bs4', 'ftfy')"
        " if m in sys.modules]\n"
        "print(status, ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout.split() == ["2"], result.stdout + result.stderr


def test_missing_x11_libraries_are_named_by_their_debian_packages(monkeypatch) -> None:
    """Qt aborts the process when its X11 plugin cannot load: say what to install instead."""
    from briefreader.app import QT_X11_LIBRARIES, missing_x11_packages

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)

    def load(soname: str) -> object:
        if soname in ("libxcb-cursor.so.0", "libEGL.so.1"):
            raise OSError(f"{soname}: cannot open shared object file")
        return object()

    assert missing_x11_packages(load) == ["libegl1", "libxcb-cursor0"]
    assert missing_x11_packages(lambda _name: object()) == []
    assert len(set(QT_X11_LIBRARIES.values())) == len(QT_X11_LIBRARIES)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # no X11 plugin: nothing to check
    assert missing_x11_packages(load) == []


def test_the_libraries_qt_needs_here_are_all_present(monkeypatch) -> None:
    """This machine runs the real window under Xvfb, so the check must find nothing missing."""
    from briefreader.app import missing_x11_packages

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert missing_x11_packages() == []


def test_the_advice_repeats_the_command_as_typed_in_the_clone(tmp_path) -> None:
    """The Quick start runs `.venv/bin/briefreader` in the clone, where a bare
    `briefreader` is not on PATH, so the advice must name the command that works."""
    clone = tmp_path / "clone"
    (clone / ".venv" / "bin").mkdir(parents=True)
    venv_python = str(clone / ".venv" / "bin" / "python")
    assert invoked_as(".venv/bin/briefreader", venv_python, clone) == ".venv/bin/briefreader"
    assert invoked_as(str(clone / ".venv/bin/briefreader"), venv_python, clone) == (
        ".venv/bin/briefreader"
    )
    main_py = str(clone / "src" / "briefreader" / "__main__.py")
    assert invoked_as(main_py, venv_python, clone) == ".venv/bin/python -m briefreader"
    # on PATH, or outside the working directory: no local path is shown
    assert invoked_as("briefreader", "/usr/bin/python3", clone) == "briefreader"
    assert invoked_as("/opt/tools/bin/briefreader", "/usr/bin/python3", clone) == "briefreader"
    assert invoked_as(main_py, "/usr/bin/python3", clone) == "python3 -m briefreader"
