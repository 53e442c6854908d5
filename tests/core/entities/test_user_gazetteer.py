"""The analyst's gazetteer.toml: hostile files never stop loading; entries load in linear time."""

from __future__ import annotations

import random
import string
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.entities import load_gazetteer
from briefreader.paths import DataPaths


def user_entries(count: int, seed: int = 7) -> str:
    """`count` [[group]] entries with made-up names, two aliases and an acronym each."""
    rnd = random.Random(seed)
    lines = ["# generated additions"]
    for number in range(count):
        word = "".join(rnd.choice(string.ascii_lowercase) for _ in range(9)).title()
        lines += [
            "[[group]]",
            f'canonical = "{word} Front {number}"',
            f'aliases = ["{word} Brigade {number}", "{word} Movement {number}"]',
            f'acronyms = ["ZQ{number}"]',
        ]
    return "\n".join(lines) + "\n"


def test_hostile_files_never_stop_loading(data_paths: DataPaths) -> None:
    user = data_paths.user_gazetteer
    hostile = {
        "binary": bytes(random.Random(1).randrange(256) for _ in range(4000)),
        "nested": ("a = " + "[" * 3000 + "]" * 3000 + "\n").encode(),
        "nested tables": ("[" + ".".join(["t"] * 3000) + "]\n").encode(),
        "utf-16": '[[group]]\ncanonical = "X Front"\n'.encode("utf-16"),
        "group not a list": b'group = "Taliban"\n',
        "entry not a table": b"group = [1, 2]\n",
    }
    for name, raw in hostile.items():
        user.write_bytes(raw)
        gazetteer = load_gazetteer(user)
        assert gazetteer.by_canonical("Taliban") is not None, name
        assert gazetteer.problems, name
        assert all(p.startswith("gazetteer.toml") for p in gazetteer.problems), name
        assert not any(str(data_paths.root) in p for p in gazetteer.problems), name


def test_bad_entries_are_named_by_line_and_the_rest_loads(data_paths: DataPaths) -> None:
    data_paths.user_gazetteer.write_text(
        """\
[[group]]
canonical = "Alpha Front"
aliases = ["Alpha Brigade"]

[[group]]
canonical = "Beta Front"
aliases = "not closed

[[group]]
canonical = "Gamma Front"
aliases = [1, 2]

[[group]]
canonical = "Delta Front"
alias = ["typo for aliases"]

[[group]]
canonical = "Epsilon Front"
acronyms = ["EPF"]

[[country]]
demonyms = ["Nowhereans"]

negatives_typo = 3
""",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(data_paths.user_gazetteer)
    kept = {"Alpha Front", "Epsilon Front"}
    assert all(gazetteer.by_canonical(name) for name in kept)
    assert not any(gazetteer.by_canonical(n) for n in ("Beta Front", "Gamma Front", "Delta Front"))
    assert gazetteer.resolve("EPF") is gazetteer.by_canonical("Epsilon Front")
    problems = "\n".join(gazetteer.problems)
    assert "gazetteer.toml, line 7:" in problems  # the unclosed string
    assert "gazetteer.toml, line 9: Gamma Front must be a list of strings" in problems
    assert "gazetteer.toml, line 13: Delta Front: unknown fields ['alias']" in problems
    assert "gazetteer.toml, line 21: a country entry has no canonical name" in problems


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=st.binary(max_size=600)
    | st.lists(
        st.sampled_from(
            [
                "[[group]]",
                "[[country]]",
                "[[group.official]]",
                "[scripts]",
                "[[context]]",
                "[qualified.Taliban]",
                'canonical = "Taliban"',
                'canonical = "New Front"',
                'aliases = ["Taliban", "ISIS"]',
                "aliases = [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
                "parent = 3",
                'parent = "Nowhere"',
                'source = "un"',
                "names = [1]",
                "acronyms = {}",
                'negatives = "x"',
                'ar = ["طالبان"]',
                'spelling = "Georgia"',
                'Pakistan = "Nowhere"',
                "x = " + "[" * 500,
                "= =",
            ]
        ),
        max_size=30,
    ).map("\n".join)
)
def test_random_user_files_always_load_the_bundled_gazetteer(
    tmp_path_factory, raw: bytes | str
) -> None:
    user = tmp_path_factory.mktemp("user") / "gazetteer.toml"
    user.write_bytes(raw if isinstance(raw, bytes) else raw.encode())
    gazetteer = load_gazetteer(user)
    assert gazetteer.by_canonical("Islamic State Khorasan Province") is not None
    assert gazetteer.resolve("Taliban") is gazetteer.by_canonical("Taliban")


def test_4000_user_entries_load_in_linear_time(tmp_path: Path) -> None:
    """Fails on the quadratic loader (4,000 entries took minutes; now about 0.5 s here)."""
    user = tmp_path / "gazetteer.toml"
    user.write_text(user_entries(4000), encoding="utf-8")
    started = time.process_time()
    gazetteer = load_gazetteer(user)
    took = time.process_time() - started
    assert gazetteer.problems == ()
    assert gazetteer.resolve("ZQ3999") is not None
    assert took < 20, f"4,000 user entries took {took:.1f} s of CPU"


def test_the_window_is_told_of_the_problems_in_one_line(data_paths: DataPaths) -> None:
    from briefreader.control.library import gazetteer_notice, load_matcher

    assert gazetteer_notice(load_matcher(data_paths)) == ""
    data_paths.user_gazetteer.write_text(
        '[[group]]\ncanonical = "A Front"\n[[group]]\ncanonical = 3\n[[group]]\nx = "\n',
        encoding="utf-8",
    )
    notice = gazetteer_notice(load_matcher(data_paths))
    assert notice.startswith("gazetteer.toml, line ") and notice.endswith("(and 1 more)")
