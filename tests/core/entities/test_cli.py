"""`briefreader entities FILE ... [--json]`, run through the real entry point."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.paths import DataPaths

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def run_json(capsys: pytest.CaptureFixture[str], data_paths: DataPaths, *files: Path) -> list:
    status = main(["--data-dir", str(data_paths.root), "entities", *map(str, files), "--json"])
    out = capsys.readouterr().out
    return [status, json.loads(out)]


def test_json_shape_and_offsets_index_the_decoded_text(
    capsys: pytest.CaptureFixture[str], data_paths: DataPaths
) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    status, result = run_json(capsys, data_paths, seed)
    assert status == 0
    assert len(result) == 1 and result[0]["file"] == str(seed)
    text = seed.read_bytes().decode("utf-8")
    mentions = result[0]["mentions"]
    assert mentions, "the seed names groups and countries"
    for mention in mentions:
        assert set(mention) == {"start", "end", "text", "kind", "canonical"}
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["kind"] in {"group", "country"}
    kinds = {(m["text"], m["canonical"]) for m in mentions}
    assert ("IS-K", "Islamic State Khorasan Province") in kinds
    assert ("Haqqanis", "Haqqani network") in kinds


def test_bom_utf16_and_legacy_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_paths: DataPaths
) -> None:
    text = "The ISKP’s attack in Afghanistan."
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Hezbollah in Lebanon’s south, café".encode("cp1252"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, result = run_json(capsys, data_paths, bom, utf16, legacy, empty)
    assert status == 0
    for entry in result[:2]:
        assert [(m["start"], m["text"]) for m in entry["mentions"]] == [
            (4, "ISKP"),
            (21, "Afghanistan"),
        ]
    assert [m["canonical"] for m in result[2]["mentions"]] == ["Hezbollah", "Lebanon"]
    assert result[3] == {"file": str(empty), "mentions": []}


def test_unreadable_files_are_reported_and_the_rest_still_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_paths: DataPaths
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Boko Haram in Nigeria", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02")
    missing = tmp_path / "missing.txt"
    files = [str(missing), str(binary), str(good)]
    status = main(["--data-dir", str(data_paths.root), "entities", *files, "--json"])
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert status == 1
    assert "missing.txt" in captured.err and "binary.txt" in captured.err
    assert [entry["file"] for entry in result] == [str(missing), str(binary), str(good)]
    assert "error" in result[0] and "error" in result[1]
    assert [m["text"] for m in result[2]["mentions"]] == ["Boko Haram", "Nigeria"]


def test_user_gazetteer_additions_are_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_paths: DataPaths
) -> None:
    data_paths.user_gazetteer.write_text(
        'group = [{ canonical = "Tehreek-e-Labbaik Pakistan", acronyms = ["TLP"] }]',
        encoding="utf-8",
    )
    file = tmp_path / "a.txt"
    file.write_text("TLP protests", encoding="utf-8")
    _, result = run_json(capsys, data_paths, file)
    assert result[0]["mentions"][0]["canonical"] == "Tehreek-e-Labbaik Pakistan"


def test_readable_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_paths: DataPaths
) -> None:
    file = tmp_path / "a.txt"
    file.write_text("The TTP attacked Pakistani police; the Taliban denied it.", "utf-8")
    status = main(["--data-dir", str(data_paths.root), "entities", str(file)])
    out = capsys.readouterr().out
    assert status == 0
    assert "3 mentions of 3 entities (2 group, 1 country)" in out
    assert "Tehrik-i-Taliban Pakistan" in out and "Pakistani" in out
