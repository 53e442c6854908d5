"""The matcher's rules: offsets, boundaries, case, longest match, folding, threads."""

from __future__ import annotations

import unicodedata
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.domain import Mention
from briefreader.entities import Matcher, default_matcher, find_mentions, load_gazetteer
from briefreader.entities.document import split_short_form
from briefreader.entities.match_text import fold_key
from briefreader.entities.normalise import fold

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.kind, m.canonical) for m in find_mentions(text)]


def test_empty_and_plain_text() -> None:
    assert find_mentions("") == []
    assert find_mentions("Nothing to see here, us included.") == []


def test_default_matcher_is_built_once() -> None:
    assert default_matcher() is default_matcher()


def test_longest_match_wins_and_nothing_overlaps() -> None:
    assert spans("the Islamic State in Khorasan Province struck") == [
        ("Islamic State in Khorasan Province", "group", "Islamic State Khorasan Province")
    ]
    assert spans("Tehrik-i-Taliban Pakistan and the Islamic Movement of Uzbekistan") == [
        ("Tehrik-i-Taliban Pakistan", "group", "Tehrik-i-Taliban Pakistan"),
        ("Islamic Movement of Uzbekistan", "group", "Islamic Movement of Uzbekistan"),
    ]
    assert spans("al-Qaeda in the Indian Subcontinent") == [
        ("al-Qaeda in the Indian Subcontinent", "group", "al-Qaeda in the Indian Subcontinent")
    ]


def test_a_failed_longer_match_falls_back_to_a_shorter_one() -> None:
    assert spans("ISIS Kabul cells") == [("ISIS", "group", "Islamic State")]
    assert spans("Islamic State in Khorasan Provincial") == [
        ("Islamic State in Khorasan", "group", "Islamic State Khorasan Province")
    ]


def test_word_boundaries() -> None:
    assert spans("a woman in Romania, Tirana and Indiana") == [("Romania", "country", "Romania")]
    assert spans("Nigerians in Niger") == [
        ("Nigerians", "country", "Nigeria"),
        ("Niger", "country", "Niger"),
    ]


@pytest.mark.parametrize("possessive", ["'s", "’s", "’S", "'"])
def test_possessives_stay_outside_the_span(possessive: str) -> None:
    text = f"IS-K{possessive} leader and Pakistan{possessive} army"
    assert [m.surface for m in find_mentions(text)] == ["IS-K", "Pakistan"]


@pytest.mark.parametrize("dash", ["-", "–", "—", "‐", "‑", " ", " – ", "\u00a0"])
def test_dash_and_space_variants(dash: str) -> None:
    text = f"IS{dash}K and al{dash}Qaeda"
    assert [m.canonical for m in find_mentions(text)] == [
        "Islamic State Khorasan Province",
        "al-Qaeda",
    ]


def test_acronyms_only_in_their_own_case() -> None:
    assert spans("us and US") == [("US", "country", "United States")]
    assert spans("this is IS") == [("IS", "group", "Islamic State")]
    assert spans("imu, Imu, IMU") == [("IMU", "group", "Islamic Movement of Uzbekistan")]
    assert spans("isk or ISK") == [("ISK", "group", "Islamic State Khorasan Province")]
    assert spans("Isis and Isis-K") == [
        ("Isis", "group", "Islamic State"),
        ("Isis-K", "group", "Islamic State Khorasan Province"),
    ]


def test_names_never_match_in_lower_case() -> None:
    assert spans("turkey, chad, china plates, a guinea pig, an islamic state") == []
    assert spans("TURKEY and Turkey") == [
        ("TURKEY", "country", "Turkey"),
        ("Turkey", "country", "Turkey"),
    ]


def test_guarded_english_acronyms_in_capitals() -> None:
    assert spans("WHAT IS NEXT") == []
    assert spans("LET US PRAY") == []
    assert spans("US$2.5 million") == []
    assert spans("TALIBAN SAYS IS CELL CAUGHT") == [("TALIBAN", "group", "Taliban")]
    assert spans("the IS cell") == [("IS", "group", "Islamic State")]


def test_person_names_are_not_countries() -> None:
    assert spans("Jordan Peterson said so") == []
    assert spans("said Michael Jordan") == []
    assert spans("Chad Smith wrote") == []
    assert spans("in Jordan and Chad") == [
        ("Jordan", "country", "Jordan"),
        ("Chad", "country", "Chad"),
    ]
    assert spans("Attack In Jordan Kills Five") == [("Jordan", "country", "Jordan")]
    assert spans("Jordan's king") == [("Jordan", "country", "Jordan")]


def test_negatives_consume_their_span() -> None:
    assert spans("Lake Chad, the Indian Ocean, Latin America, Atlanta, Georgia") == []
    assert spans("AQ Khan") == []
    assert spans("Latin American and American") == [("American", "country", "United States")]


def test_haqqani_surname_is_not_the_network() -> None:
    assert spans("Sirajuddin Haqqani and the Haqqanis") == [
        ("Haqqanis", "group", "Haqqani network")
    ]


def test_demonyms_are_country_mentions() -> None:
    assert [m.canonical for m in find_mentions("Afghan, Afghans, Pakistani, Uzbeks, Chinese")] == [
        "Afghanistan",
        "Afghanistan",
        "Pakistan",
        "Uzbekistan",
        "China",
    ]


def test_diacritics_are_ignored_and_offsets_are_original() -> None:
    text = "Straße: Türkiye, Côte d’Ivoire and İstanbul-born Qā'ida fans; Türkiye."
    found = find_mentions(text)
    assert [m.canonical for m in found] == ["Turkey", "Côte d'Ivoire", "Turkey"]
    for mention in found:
        assert text[mention.start : mention.end] == mention.surface


def test_deleted_characters_keep_offsets_exact() -> None:
    nfd = unicodedata.normalize("NFD", "Türkiye")
    text = f"e\u0301e\u0301 {nfd} and Af\u00adghan\u200bistan, then Pakistan."
    found = find_mentions(text)
    assert [m.canonical for m in found] == ["Turkey", "Afghanistan", "Pakistan"]
    for mention in found:
        assert text[mention.start : mention.end] == mention.surface
    assert found[0].surface == nfd
    assert found[2].surface == "Pakistan"


def test_fold_keeps_length_unless_it_must_delete() -> None:
    text = "IS–K’s Côte\u00a0d’Ivoire\nİ"
    folded = fold(text)
    assert len(folded.text) == len(text) and not folded.kept_starts
    assert folded.text == "IS-K's Cote d'Ivoire I"
    with_soft_hyphen = fold("ab\u00adcd")
    assert with_soft_hyphen.text == "abcd"
    assert with_soft_hyphen.span_to_original(0, 4) == (0, 5)


def test_mojibake_punctuation_is_a_boundary() -> None:
    text = "the ‚ÄúEast Turkestan Islamic Movement,‚Äù and Chinaâ€™s"
    assert [m.surface for m in find_mentions(text)] == [
        "East Turkestan Islamic Movement",
        "China",
    ]


FRAGMENTS = [
    "Afghanistan", "IS-K", "Isis-K", "the Taliban", "us", "IS", "Pakistani Taliban", "Chad",
    "Jordan Peterson", "Türkiye", "al-Qaeda’s", " ", ", ", ".\n", "woman", "Niger", "Nigeria",
    "Islamic State in Khorasan Province", "ISIS", "Kabul", "é", "\u0301", "\u00ad", "’s", "-",
    "Haqqani network", "US$", "LET US", "xx", "Hay’at Tahrir al-Sham", "İ", "ß",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_mentions_are_sorted_disjoint_exact_and_resolvable(parts: list[str]) -> None:
    text = "".join(parts)
    mentions = find_mentions(text)
    gazetteer = default_matcher().gazetteer
    previous_end = 0
    for mention in mentions:
        assert isinstance(mention, Mention)
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        previous_end = mention.end
        # The surface is a spelling of its entity, a short form of it after its
        # full name (document.py), or a rules.toml qualified name gave it to
        # another group ("Pakistani Taliban").
        owner = gazetteer.by_canonical(mention.canonical)
        assert owner is not None, mention
        shorts = {fold_key(split_short_form(s)[0]).casefold() for s in owner.short_forms}
        if fold_key(mention.surface).casefold() in shorts:
            continue
        entity = gazetteer.resolve(mention.surface)
        assert entity is not None, mention
        designated = {t for g, _c, t in gazetteer.rules.qualified if g == entity.canonical}
        assert mention.canonical in {entity.canonical, *designated}, mention


def test_a_matcher_is_safe_to_share_between_threads() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    matcher = Matcher(load_gazetteer())
    expected = [matcher.find(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(matcher.find, texts * 6))
    assert results == expected * 6


def test_large_texts_restore_the_collector() -> None:
    import gc

    text = "Afghanistan and the Taliban. " * 40_000
    assert gc.isenabled()
    assert len(find_mentions(text)) == 80_000
    assert gc.isenabled()


def test_names_inside_web_addresses_are_not_mentions() -> None:
    text = (
        "Syria (https://example.org/Kyrgyzstan_native_killed_in_Syria/) and "
        "www.Taliban.example, then Russia."
    )
    assert [m.surface for m in find_mentions(text)] == ["Syria", "Russia"]


def test_a_closing_full_stop_or_bracket_belongs_to_the_mention() -> None:
    assert spans("the U.S. and U.S.-backed forces; U.S troops") == [
        ("U.S.", "country", "United States"),
        ("U.S.", "country", "United States"),
        ("U.S", "country", "United States"),
    ]
    assert [m.surface for m in find_mentions("Army of Islam (Gaza).")] == ["Army of Islam (Gaza)"]


def test_any_punctuation_sets_a_mention_off() -> None:
    text = "(ISKP) “Taliban” Kabul/Afghanistan [Syria] #Iraq *Iran* end.Pakistan"
    assert [m.canonical for m in find_mentions(text)] == [
        "Islamic State Khorasan Province",
        "Taliban",
        "Afghanistan",
        "Syria",
        "Iraq",
        "Iran",
        "Pakistan",
    ]


def test_joiners_and_other_scripts_continue_a_word() -> None:
    assert spans("Afghans\u00adTürkiye ISKPдом ISKP中国") == []
    assert spans("داعشو ISKP") == [("ISKP", "group", "Islamic State Khorasan Province")]
    assert spans("داعش و ISKP") == [
        ("داعش", "group", "Islamic State"),
        ("ISKP", "group", "Islamic State Khorasan Province"),
    ]


def test_a_long_text_is_scanned_in_chunks_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefreader.entities import matcher as matcher_module

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 2
    matcher = Matcher(load_gazetteer())
    whole = matcher.find(text)
    monkeypatch.setattr(matcher_module, "CHUNK", 3_000)
    monkeypatch.setattr(matcher_module, "_CUT_SEARCH", 500)
    pieces = list(matcher._chunks(text))
    assert len(pieces) > 50
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))
    assert matcher.find(text) == whole


def test_a_text_with_no_place_to_cut_is_scanned_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefreader.entities import matcher as matcher_module

    monkeypatch.setattr(matcher_module, "CHUNK", 100)
    monkeypatch.setattr(matcher_module, "_CUT_SEARCH", 10)
    text = "Afghanistan Pakistan Iran " * 50
    matcher = default_matcher()
    assert list(matcher._chunks(text)) == [(0, len(text))]
    assert len(matcher.find(text)) == 150


def test_mentions_inside_overlapping_links_are_dropped() -> None:
    from briefreader.entities.context import outside

    mentions = [Mention(i * 10, i * 10 + 5, "country", "X", "xxxxx") for i in range(10)]
    links = [(12, 31), (25, 44), (83, 89), (200, 300)]
    kept = outside(mentions, links)
    assert [m.start for m in kept] == [0, 50, 60, 70, 90]
    assert kept == [m for m in mentions if all(m.end <= s or m.start >= e for s, e in links)]
