"""One normalisation for indexing, querying and highlighting."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.formats import Positions

from briefreader.search import analysis
from briefreader.search.analysis import (
    BriefAnalyzer,
    compound_term,
    fold,
    iter_terms,
    iter_tokens,
    normalise,
    positions_of,
    split_words,
)
from briefreader.search.formats import PackedPositions

WORDS = st.sampled_from(
    [
        "Kabul",
        "attacks",
        "IS-K",
        "ISIS-K",
        "al-Qaeda",
        "U.S.",
        "Pérez",
        "Ḫorāsān",
        "naïve",
        "Taliban’s",
        "3.5",
        "x_y",
        "well-known",
        "—",
        "-",
        " ",
        "\n\n",
        "ISKP",
        "ﬁnance",
        "A" * 70,
    ]
)
TEXTS = st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200)


def test_fold_and_stem() -> None:
    assert fold("Pérez ḪORĀSĀN") == "perez horasan"
    assert normalise("Attacks") == normalise("attack") == "attack"
    assert normalise("2021") == "2021"
    assert len(normalise("a" * 500)) == 60


def test_compounds_index_parts_and_the_joined_term() -> None:
    positions = positions_of("The IS-K and al-Qaeda")
    assert positions["is"] == [1] and positions["k"] == [2] and positions["isk"] == [1]
    assert positions["alqaeda"] == [4] and positions["qaeda"] == [5]
    assert compound_term("ISIS-K") == "isisk"
    tokens = list(iter_tokens("IS-K"))
    assert tokens[0] == ("isk", 0, 4, True)
    assert [t[0] for t in iter_terms("IS-K")] == ["is", "k"]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_bulk_path_equals_the_analyzer_and_the_highlighter(text: str) -> None:
    bulk = positions_of(text)
    analyzer: dict[str, list[int]] = {}
    for token in BriefAnalyzer()(text, positions=True, mode="index"):
        analyzer.setdefault(token.text, []).append(token.pos)
    assert bulk == analyzer
    highlighter: dict[str, list[int]] = {}
    for pos, (term, start, end) in enumerate(iter_terms(text)):
        highlighter.setdefault(term, []).append(pos)
        assert normalise(text[start:end]) == term
    # The highlighter sees words only (a compound's joined term can equal a
    # word's: "Uᎀ-E" stems to the term of "Uᎀ").
    words: dict[str, list[int]] = {}
    for pos, word in enumerate(split_words(text)[0]):
        words.setdefault(normalise(word), []).append(pos)
    assert highlighter == words


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_packed_format_holds_what_whoosh_positions_holds(text: str) -> None:
    packed, stock = PackedPositions(field_boost=2.0), Positions(field_boost=2.0)
    fast = sorted(packed.word_values(text, BriefAnalyzer(), mode="index"))
    plain = sorted(stock.word_values(text, BriefAnalyzer(), mode="index"))
    assert [(t, f, w) for t, f, w, _ in fast] == [(t, f, w) for t, f, w, _ in plain]
    for (_, freq, weight, value), (_, _, _, value2) in zip(fast, plain, strict=True):
        assert packed.decode_positions(value) == stock.decode_positions(value2)
        assert packed.decode_frequency(value) == freq
        assert packed.decode_weight(value) == weight


def test_query_mode_never_emits_joined_terms() -> None:
    assert [t.text for t in BriefAnalyzer()("IS-K attack", mode="query")] == ["is", "k", "attack"]


def test_untokenized_value_is_one_normalised_term() -> None:
    (token,) = list(BriefAnalyzer()("Attacks", tokenize=False, mode="query"))
    assert token.text == "attack"


#: The patterns as first written, with ordinary backtracking quantifiers:
#: the possessive ones in analysis.py must split every text the same way.
_PLAIN_TOKEN = re.compile(r"\w+(?:\.\w+)*(?:[-\u2010\u2011]\w+(?:\.\w+)*)*")
_PLAIN_WORD = re.compile(r"\w+(?:\.\w+)*")
_PLAIN_WORD_LINK = re.compile(r"(\w+(?:\.\w+)*)([-\u2010\u2011](?=\w))?")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZ1_é.-\u2010\u2011 ’'\n", max_size=24))
def test_possessive_patterns_split_like_the_plain_ones(text: str) -> None:
    for fast, plain in (
        (analysis.TOKEN, _PLAIN_TOKEN),
        (analysis._WORD, _PLAIN_WORD),
        (analysis._WORD_LINK, _PLAIN_WORD_LINK),
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_python_with_broken_possessive_repeats_gets_the_plain_patterns(monkeypatch) -> None:
    """Debian 12's python3 (3.11.2) matched "1.." as "1." with the possessive patterns: there,
    and on any Python whose `re` fails the probes, the plain patterns are used."""
    plain = analysis._TOKEN_SOURCE
    monkeypatch.setattr(analysis.sys, "version_info", (3, 11, 2, "final", 0))
    assert analysis._compiled(plain).pattern == plain
    monkeypatch.undo()
    if sys.version_info >= (3, 11, 7):  # a sound re: the possessive form
        assert analysis._compiled(plain).pattern != plain
    assert [m.group() for m in analysis.TOKEN.finditer("1.. IS-K's a.b.-c")] == [
        "1",
        "IS-K",
        "s",
        "a.b",
        "c",
    ]
