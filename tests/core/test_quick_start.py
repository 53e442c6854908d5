"""The README's Quick start is what CI runs, and installs what the window needs."""

from __future__ import annotations

import re
from pathlib import Path

from briefreader.app import QT_X11_LIBRARIES


def quick_start(repo_root: Path) -> list[str]:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "one fenced block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def apt_packages(command: str) -> set[str]:
    found = re.search(r"apt-get install -y ([^&]+)&&", command)
    return set(found.group(1).split()) if found else set()


def test_two_commands_the_second_is_what_ci_runs(repo_root: Path) -> None:
    run, test = quick_start(repo_root)
    assert ".venv/bin/pip install -e . " in run and run.endswith("&& .venv/bin/briefreader")
    assert re.search(r"\.venv/bin/pip install -e '\.\[test(,\w+)*\]'", test)
    assert test.endswith("&& .venv/bin/python -m pytest")
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_both_commands_install_every_library_qt_loads(repo_root: Path) -> None:
    run, test = quick_start(repo_root)
    needed = set(QT_X11_LIBRARIES.values())
    assert needed <= apt_packages(run)
    assert needed | {"xvfb", "xdotool", "poppler-utils", "qpdf"} <= apt_packages(test)


def test_the_test_command_installs_the_team_workspace_server(repo_root: Path) -> None:
    """The store and library tests run on a real PostgreSQL (Debian's package), which the
    fixture starts itself; openssl makes the throwaway certificate for the TLS test."""
    _run, test = quick_start(repo_root)
    assert {"postgresql", "openssl"} <= apt_packages(test)


def test_the_test_command_installs_spark_and_its_java(repo_root: Path) -> None:
    """The bulk job's test runs PySpark (the optional `spark` extra) in local mode on Java."""
    _run, test = quick_start(repo_root)
    assert "default-jre-headless" in apt_packages(test)
    assert re.search(r"pip install -e '\.\[[\w,]*spark[\w,]*\]'", test)


def test_both_commands_install_into_a_venv_never_the_system_python(repo_root: Path) -> None:
    """Debian 12's python3 refuses `pip install` outside a virtual environment (PEP 668,
    externally-managed-environment) and ships neither pip nor venv: python3-venv comes
    from apt, the environment is made in the clone, and every later step uses its tools."""
    for command in quick_start(repo_root):
        assert "python3-venv" in apt_packages(command)
        steps = [step.strip() for step in command.split("&&")]
        assert "python3 -m venv .venv" in steps
        made = steps.index("python3 -m venv .venv")
        assert made > max(i for i, step in enumerate(steps) if step.startswith("apt-get install"))
        after = steps[made + 1 :]
        assert after and all(step.startswith(".venv/bin/") for step in after), after
        assert not any(re.match(r"(sudo )?(pip3?|python3?) ", step) for step in steps[:made])
