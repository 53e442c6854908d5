"""The on-disk matcher cache: a shortcut that is never the truth."""

from __future__ import annotations

import pickle
import random

import pytest

from briefreader.control.library import load_matcher
from briefreader.entities import Matcher, cache, load_gazetteer
from briefreader.entities.cache import (
    cached_matcher,
    files_fingerprint,
    fingerprint,
    matcher_for_files,
)
from briefreader.entities.gazetteer import Entity, Gazetteer
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


def _damaged(raw: bytes, rnd: random.Random) -> bytes:
    """`raw` with one kind of damage a disk, a copy or a crash leaves."""
    kind = rnd.choice(("flip", "flips", "truncate", "zeroes", "append", "swap"))
    data = bytearray(raw)
    if kind == "flip":
        data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
    elif kind == "flips":
        for _ in range(rnd.randint(2, 40)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    elif kind == "truncate":
        del data[rnd.randrange(len(data)) :]
    elif kind == "zeroes":
        start = rnd.randrange(len(data))
        data[start : start + rnd.randint(1, 4096)] = bytes(min(4096, len(data) - start))
    elif kind == "append":
        data += rnd.randbytes(rnd.randint(1, 64))
    else:  # two blocks swapped, as a bad copy may
        a, b = sorted(rnd.sample(range(len(data) - 512), 2))
        data[a : a + 512], data[b : b + 512] = data[b : b + 512], data[a : a + 512]
    return bytes(data) if bytes(data) != raw else raw[:-1]


def test_300_damaged_caches_are_all_caught_and_rebuilt(data_paths: DataPaths) -> None:
    """A damaged file once passed as a matcher 92 times in 300; the checksum catches every one.

    A small gazetteer keeps the file small (4 KB) so that 300 rounds take a
    moment; the check does not depend on the size. The full matcher's file
    is damaged once more at the end.
    """
    small = Gazetteer(
        entities=(
            Entity("Alpha Front", "group", aliases=("Alpha Brigade",), acronyms=("ALF",)),
            Entity("Freedonia", "country", demonyms=("Freedonian",)),
        )
    )
    text = "The Alpha Brigade (ALF) raided a Freedonian post."
    expected = [(m.surface, m.canonical) for m in Matcher(small).find(text)]
    cached_matcher(small, data_paths.cache_dir)
    (cache_file,) = data_paths.cache_dir.glob("matcher-*.pickle")
    good = cache_file.read_bytes()
    rnd = random.Random(14)
    caught = rebuilt = 0
    for _ in range(300):
        cache_file.write_bytes(_damaged(good, rnd))
        caught += cache.read_cache(cache_file) is None
        matcher = cached_matcher(small, data_paths.cache_dir)
        rebuilt += cache.read_cache(cache_file) is not None  # written whole again
        assert [(m.surface, m.canonical) for m in matcher.find(text)] == expected
    assert (caught, rebuilt) == (300, 300)
    built = matcher_for_files(data_paths.user_gazetteer, data_paths.cache_dir)
    (full,) = data_paths.cache_dir.glob("files-matcher-*.pickle")
    full.write_bytes(_damaged(full.read_bytes(), rnd))
    assert _found(matcher_for_files(data_paths.user_gazetteer, data_paths.cache_dir)) == _found(
        built
    )
    assert cache.read_cache(full) is not None


def test_an_old_cache_without_a_checksum_is_rebuilt(data_paths: DataPaths) -> None:
    gazetteer = load_gazetteer()
    cached_matcher(gazetteer, data_paths.cache_dir)
    (cache_file,) = data_paths.cache_dir.glob("matcher-*.pickle")
    cache_file.write_bytes(pickle.dumps(Matcher(gazetteer)))  # as briefreader wrote it before
    assert cache.read_cache(cache_file) is None
    assert _found(cached_matcher(gazetteer, data_paths.cache_dir)) == _found(Matcher(gazetteer))
    assert cache.read_cache(cache_file) is not None


def test_the_fingerprint_is_the_same_in_every_process(tmp_path) -> None:
    """Set order follows per-process string hashing; the key must not (the analysis
    counts are keyed by it and were redone at every start)."""
    import os
    import subprocess
    import sys

    code = (
        "from briefreader.entities import load_gazetteer\n"
        "from briefreader.entities.cache import fingerprint\n"
        "print(fingerprint(load_gazetteer()))\n"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1
