"""`--data-dir ""` is refused in one line instead of filling the current folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.app import main


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "", "docs"],
        ["--data-dir=", "notes"],
        ["--data-dir", "  "],
        ["--data-dir", ""],
    ],
    ids=["docs", "equals-form", "blank-window", "window"],
)
def test_an_empty_data_dir_is_refused(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--data-dir is empty" in err
    assert list(tmp_path.iterdir()) == []  # nothing written where the command ran


def test_a_dot_still_means_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The Taliban in Kabul.", encoding="utf-8")
    assert main(["--data-dir", ".", "docs", "a.txt"]) == 0
    assert (tmp_path / "library.sqlite3").exists()
