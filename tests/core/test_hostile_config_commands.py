"""Commands run as the analyst runs them, with hostile config files and damaged caches:
no traceback, the valid rest of the config used, one clear line about the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.app import main

TEXT = "The Zeta Brigade and the Taliban met ISIS envoys in Kabul on Monday.\n"
HALF_BAD = """\
[[group]]
canonical = "Zeta Front"
aliases = ["Zeta Brigade"]

[[group]]
canonical = "Broken Front
"""
HOSTILE = {
    "half-bad": HALF_BAD.encode(),
    "nested": HALF_BAD.replace(
        '"Broken Front', '"Deep"\naliases = ' + "[" * 3000 + "]" * 3000
    ).encode(),
    "binary": bytes(range(256)) * 8,
}


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "briefreader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=data.parent,
        check=False,
        timeout=300,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "docs", str(tmp_path / "report.txt")]) == 0
    return data


def test_entities_search_and_export_with_a_half_bad_gazetteer(data: Path) -> None:
    (data / "gazetteer.toml").write_bytes(HOSTILE["half-bad"])
    entities = _run(data, "entities", "report.txt")
    search = _run(data, "search", "Taliban")
    export = _run(data, "export", "--query", "Taliban", "--out", "out.pdf")
    for result in (entities, search, export):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "gazetteer.toml, line 6" in result.stderr  # the bad entry named by line
        assert str(data) not in result.stderr
    assert "Zeta Front" in entities.stdout  # the valid entry is used
    assert "1 matching document" in search.stdout
    assert (data.parent / "out.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("kind", ["nested", "binary"])
def test_a_nested_or_binary_gazetteer_keeps_the_rest(data: Path, kind: str) -> None:
    (data / "gazetteer.toml").write_bytes(HOSTILE[kind])
    result = _run(data, "entities", "report.txt")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "Taliban" in result.stdout
    assert ("nested more than" if kind == "nested" else "not UTF-8") in result.stderr
    assert ("Zeta Front" in result.stdout) == (kind == "nested")


def test_damaged_caches_are_rebuilt_quietly(data: Path) -> None:
    assert _run(data, "search", "Taliban").returncode == 0  # builds the matcher cache and index
    (cache,) = (data / "cache").glob("files-matcher-*.pickle")
    raw = bytearray(cache.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    cache.write_bytes(bytes(raw))
    export = _run(data, "export", "--query", "Taliban", "--out", "out.pdf")
    assert export.returncode == 0 and "Traceback" not in export.stderr, export.stderr
    for path in sorted((data / "index").iterdir(), reverse=True):
        path.unlink()
    (data / "index").rmdir()
    (data / "index").write_text("not an index")
    search = _run(data, "search", "Taliban")
    assert search.returncode == 0 and "Traceback" not in search.stderr, search.stderr
    assert "search index rebuilt (a file stood where its folder belongs)" in search.stderr
    assert "1 matching document" in search.stdout


def test_a_hostile_workspace_file_is_refused_in_one_line(data: Path) -> None:
    (data / "workspace.toml").write_bytes(b"url = " + b"[" * 3000)
    result = _run(data, "docs")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "workspace.toml, line 1" in result.stderr
