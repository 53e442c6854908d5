"""The forgiving TOML reader: a bad entry is named by file and line and skipped; the rest loads."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.tomlfile import MAX_DEPTH, MAX_PROBLEMS, parse_toml, read_toml

GOOD = """\
# my additions
negatives = ["Afghan Hound"]

[[group]]
canonical = "Alpha Front"
aliases = ["Alpha Brigade"]

[[group.official]]
source = "un"
names = ["ALPHA FRONT"]

[[group]]
canonical = "Beta Front"

[sources.un]
title = "UN list"
"""


def _canonicals(data: dict) -> list[str]:
    return [entry.get("canonical") for entry in data.get("group", [])]


def test_a_good_file_reads_whole_with_each_entrys_line() -> None:
    read = parse_toml(GOOD.encode(), "gazetteer.toml")
    assert read.problems == ()
    assert read.data == tomllib.loads(GOOD)
    assert read.where("group", 0) == "gazetteer.toml, line 4"
    assert read.where("group", 1) == "gazetteer.toml, line 12"
    assert read.where() == "gazetteer.toml"


def test_a_syntax_error_skips_its_entry_only_and_names_file_and_line() -> None:
    broken = GOOD.replace('canonical = "Beta Front"', 'canonical = "Beta Front')
    read = parse_toml(broken.encode(), "gazetteer.toml")
    assert _canonicals(read.data) == ["Alpha Front"]
    assert read.data["group"][0]["official"][0]["names"] == ["ALPHA FRONT"]
    assert read.data["negatives"] == ["Afghan Hound"] and read.data["sources"]["un"]
    (problem,) = read.problems
    assert problem.startswith("gazetteer.toml, line 13: ") and "skipped" in problem


def test_bytes_that_are_not_utf8_skip_their_entry_never_misread() -> None:
    raw = GOOD.encode().replace(b'"Alpha Brigade"', b'"Alpha \xff\xfe Brigade"')
    read = parse_toml(raw, "gazetteer.toml")
    assert _canonicals(read.data) == ["Beta Front"]
    (problem,) = read.problems
    assert problem.startswith("gazetteer.toml, line 6: not UTF-8")


def test_deep_nesting_is_refused_without_a_recursion_error() -> None:
    for depth in (MAX_DEPTH + 2, 400, 5000):
        text = GOOD + f"\n[deep]\nvalue = {'[' * depth}{']' * depth}\n"
        read = parse_toml(text, "keys.toml")
        assert _canonicals(read.data) == ["Alpha Front", "Beta Front"]
        assert "deep" not in read.data
        (problem,) = read.problems
        assert problem.startswith("keys.toml, line 18: ")
        assert "nested" in problem or "recursion" in problem.lower()


def test_a_key_given_twice_skips_the_second_entry() -> None:
    read = parse_toml('[normal]\nj = "next"\n[normal]\nj = "previous"\n', "keys.toml")
    assert read.data == {"normal": {"j": "next"}}
    assert read.problems and read.problems[0].startswith("keys.toml, line 3: `normal.j`")


def test_many_problems_are_summed_up() -> None:
    text = "".join(f'[[group]]\ncanonical = "G{i}\n' for i in range(50))
    read = parse_toml(text, "gazetteer.toml")
    assert len(read.problems) == MAX_PROBLEMS
    assert read.problems[-1].startswith("... and 39 more")


def test_missing_unreadable_and_odd_files(tmp_path: Path) -> None:
    assert read_toml(tmp_path / "keys.toml").problems == ()
    (tmp_path / "keys.toml").mkdir()
    (problem,) = read_toml(tmp_path / "keys.toml").problems
    assert problem.startswith("keys.toml: could not be read") and str(tmp_path) not in problem
    bom = tmp_path / "workspace.toml"
    bom.write_bytes(b'\xef\xbb\xbfurl = "postgresql://h/db"\r\n')
    assert read_toml(bom).data == {"url": "postgresql://h/db"}


_LINES = st.sampled_from(
    [
        "[[group]]",
        "[group]",
        "[[group.official]]",
        "[normal]",
        'canonical = "X"',
        "aliases = [",
        '  "a", "b",',
        "]",
        'x = """',
        '"""',
        "x = [[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]",
        "x = " + "[" * 600,
        "= 1",
        "a.b.c = {d = 1}",
        "# comment",
        "",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=2000) | st.lists(_LINES, max_size=40).map("\n".join))
def test_random_bytes_or_toml_ish_text_never_raise(raw: bytes | str) -> None:
    read = parse_toml(raw, "gazetteer.toml")
    assert isinstance(read.data, dict)
    assert all(p.startswith(("gazetteer.toml", "...")) for p in read.problems)
    assert len(read.problems) <= MAX_PROBLEMS
    read.where("group", 3)


@settings(max_examples=150, deadline=None)
@given(
    broken=st.lists(st.booleans(), min_size=1, max_size=12),
    garbage=st.sampled_from(['x = "', "= =", "\xff", "y = [[[", "canonical = 1 2", "[[[oops"]),
)
def test_every_entry_not_broken_still_loads(broken: list[bool], garbage: str) -> None:
    parts = []
    for number, bad in enumerate(broken):
        parts.append(f'[[group]]\ncanonical = "G{number}"\n' + (garbage + "\n" if bad else ""))
    raw = "".join(parts).encode("utf-8", errors="surrogateescape")
    if garbage == "\xff":
        raw = raw.replace("\xff".encode(), b"\xff")
    read = parse_toml(raw, "gazetteer.toml")
    kept = {f"G{n}" for n, bad in enumerate(broken) if not bad}
    assert kept <= set(_canonicals(read.data))
    assert bool(read.problems) == any(broken)
