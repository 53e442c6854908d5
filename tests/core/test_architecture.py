"""The house rules that keep the core free of Qt and the layers pointing down."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import briefreader

PACKAGE_DIR = Path(briefreader.__file__).resolve().parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
        parts = rel.parts
        if "ui" in parts[1:2] or "_bundled" in parts:
            continue
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_core_modules_are_found() -> None:
    names = core_modules()
    assert "briefreader.domain" in names
    assert "briefreader.app" in names
    assert not any(name.startswith("briefreader.ui") for name in names)


def test_importing_the_whole_core_never_loads_qt() -> None:
    """Import every core module in a fresh interpreter and look at sys.modules."""
    script = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {core_modules()!r}:
            importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
        print(','.join(loaded))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout.strip()}"


def test_import_linter_contracts_hold() -> None:
    """The contracts in pyproject.toml: no Qt below ui/, imports point downward, and no
    ui feature imports the window back."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE_DIR.parent,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 broken" in result.stdout, result.stdout
    for contract in (
        "The core never imports Qt",
        "Imports point downward only",
        "The ui features never import the window",
    ):
        assert f"{contract} KEPT" in result.stdout, result.stdout


@pytest.mark.parametrize("tool", [["check"], ["format", "--check"]])
def test_ruff_is_clean(tool: list[str]) -> None:
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", *tool, "briefreader", "tests", "main.py"],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE_DIR.parent,
        timeout=120,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


def test_modules_stay_small() -> None:
    """One idea per module: anything past 400 lines wants splitting."""
    big = {
        str(path.relative_to(PACKAGE_DIR.parent)): n
        for path in PACKAGE_DIR.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not big, big


#: The repository's top level is fixed by the developers' guide.
TOP_LEVEL = {
    ".ci",
    ".gitignore",
    "README.md",
    "briefreader",
    "main.py",
    "pyproject.toml",
    "resources",
    "seeds",
    "tests",
}


def test_the_top_level_holds_only_the_fixed_entries() -> None:
    root = Path(briefreader.__file__).resolve().parent.parent
    if not (root / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout, or no git: which files are tracked is unknown")
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files"], capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:  # e.g. a checkout another user owns ("dubious ownership")
        pytest.skip(f"git cannot list the files: {listed.stderr.strip()}")
    assert {path.split("/")[0] for path in listed.stdout.split()} <= TOP_LEVEL
