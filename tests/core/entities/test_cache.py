"""The on-disk matcher cache: a shortcut that is never the truth."""

from __future__ import annotations

import pytest

from briefreader.control.library import load_matcher
from briefreader.entities import Matcher, cache, load_gazetteer
from briefreader.entities.cache import (
    cached_matcher,
    files_fingerprint,
    fingerprint,
    matcher_for_files,
)
from briefreader.paths import DataPaths

SENTENCE = "ISKP and the Tehreek-e-Labbaik Pakistan (TLP) met in Kabul, Afghan officials said."


def _found(matcher: Matcher) -> set[tuple[str, str]]:
    return {(m.surface, m.canonical) for m in matcher.find(SENTENCE)}


def test_second_load_comes_from_the_cache_and_matches_the_same(data_paths: DataPaths) -> None:
    gazetteer = load_gazetteer()
    built = cached_matcher(gazetteer, data_paths.cache_dir)
    (cache_file,) = data_paths.cache_dir.glob("matcher-*.pickle")
    stamp = cache_file.stat().st_mtime_ns
    loaded = cached_matcher(gazetteer, data_paths.cache_dir)
    assert loaded is not built  # a fresh object, unpickled ...
    assert cache_file.stat().st_mtime_ns == stamp  # ... from the file, not rebuilt
    assert _found(loaded) == _found(built) == _found(Matcher(gazetteer))


def test_a_damaged_cache_is_rebuilt(data_paths: DataPaths) -> None:
    gazetteer = load_gazetteer()
    cached_matcher(gazetteer, data_paths.cache_dir)
    (cache_file,) = data_paths.cache_dir.glob("matcher-*.pickle")
    cache_file.write_bytes(b"not a pickle at all")
    matcher = cached_matcher(gazetteer, data_paths.cache_dir)
    assert ("ISKP", "Islamic State Khorasan Province") in _found(matcher)
    assert cache_file.read_bytes() != b"not a pickle at all"


def test_a_changed_gazetteer_gets_a_new_key_and_the_old_file_goes(data_paths: DataPaths) -> None:
    bundled = load_gazetteer()
    cached_matcher(bundled, data_paths.cache_dir)
    data_paths.user_gazetteer.write_text(
        'group = [{ canonical = "Tehreek-e-Labbaik Pakistan", acronyms = ["TLP"] }]\n',
        encoding="utf-8",
    )
    extended = load_gazetteer(data_paths.user_gazetteer)
    assert fingerprint(extended) != fingerprint(bundled)
    matcher = cached_matcher(extended, data_paths.cache_dir)
    assert ("TLP", "Tehreek-e-Labbaik Pakistan") in _found(matcher)
    (only,) = data_paths.cache_dir.glob("matcher-*.pickle")
    assert fingerprint(extended) in only.name


def test_an_unwritable_cache_only_costs_the_build(data_paths: DataPaths) -> None:
    data_paths.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    data_paths.cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    matcher = cached_matcher(load_gazetteer(), data_paths.cache_dir)
    assert any(canonical == "Afghanistan" for _surface, canonical in _found(matcher))


def test_the_window_matcher_honours_the_analysts_additions(data_paths: DataPaths) -> None:
    data_paths.user_gazetteer.write_text(
        'group = [{ canonical = "Tehreek-e-Labbaik Pakistan", acronyms = ["TLP"] }]\n',
        encoding="utf-8",
    )
    find = load_matcher(data_paths)
    assert ("TLP", "Tehreek-e-Labbaik Pakistan") in {
        (m.surface, m.canonical) for m in find(SENTENCE)
    }


def test_start_up_unpickles_without_reading_the_gazetteer(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = matcher_for_files(data_paths.user_gazetteer, data_paths.cache_dir)
    (cache_file,) = data_paths.cache_dir.glob("files-matcher-*.pickle")

    def no_parsing(*_args: object) -> None:
        raise AssertionError("a current cache must not parse the gazetteer")

    monkeypatch.setattr(cache, "load_gazetteer", no_parsing)
    again = matcher_for_files(data_paths.user_gazetteer, data_paths.cache_dir)
    assert again is not first and _found(again) == _found(first)
    assert again.gazetteer.by_canonical("Lashkar-e-Taiba") is not None
    monkeypatch.undo()
    # Editing the analyst's file changes the key; the stale file goes.
    data_paths.user_gazetteer.write_text(
        'group = [{ canonical = "Tehreek-e-Labbaik Pakistan", acronyms = ["TLP"] }]\n',
        encoding="utf-8",
    )
    extended = matcher_for_files(data_paths.user_gazetteer, data_paths.cache_dir)
    assert ("TLP", "Tehreek-e-Labbaik Pakistan") in _found(extended)
    (only,) = data_paths.cache_dir.glob("files-matcher-*.pickle")
    assert only != cache_file
    assert files_fingerprint(data_paths.user_gazetteer) in only.name
