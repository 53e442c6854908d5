"""Snippets, marks and match spans: plain text, offsets that land on the words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.search.analysis import iter_tokens
from briefreader.search.highlight import MatchPlan, merge_spans, snippets
from tests.core.search.conftest import CORPUS

BODY = {d.id: d.body for d in CORPUS}


def marked(snippet: str, marks: tuple[tuple[int, int], ...]) -> list[str]:
    return [snippet[s:e] for s, e in marks]


def test_hits_carry_snippets_with_marks_on_stemmed_matches(searcher) -> None:
    (hit,) = [h for h in searcher.search("attack").hits if h.doc_id == "isk-only"]
    assert hit.hit_count == 2  # "attack" and "attacks"
    words = [
        w for snip, marks in zip(hit.snippets, hit.marks, strict=True) for w in marked(snip, marks)
    ]
    assert sorted(words) == ["attack", "attacks"]


def test_alias_hits_mark_what_was_written(searcher) -> None:
    hits = {h.doc_id: h for h in searcher.search("ISIL-K").hits}
    assert marked(hits["is-k-only"].snippets[0], hits["is-k-only"].marks[0]) == ["IS-K"]
    assert marked(hits["isis-k-guardian"].snippets[0], hits["isis-k-guardian"].marks[0]) == [
        "Isis-K"
    ]
    long = hits["iskp-long"]
    assert set(marked(long.snippets[0], long.marks[0])) >= {"ISKP"}
    assert any(
        w.startswith("Islamic State in Khorasan") for w in marked(long.snippets[0], long.marks[0])
    )


def test_phrase_marks_only_words_standing_together(searcher) -> None:
    spans = searcher.match_spans('"pine nuts"', BODY["pine-nuts"])
    assert [BODY["pine-nuts"][s:e] for s, e in spans] == ["pine nuts", "pine nuts"]
    # A phrase expansion like "is k" never marks a lone "is".
    text = "This is a test: IS-K is here."
    spans = searcher.match_spans("ISKP", text)
    assert [text[s:e] for s, e in spans] == ["IS-K"]


def test_negated_terms_are_not_highlighted(searcher) -> None:
    text = BODY["isk-only"]
    spans = searcher.match_spans("airport NOT jalalabad", text)
    assert [text[s:e] for s, e in spans] == ["airport"]


def test_wildcard_and_fuzzy_highlight_their_expansions(searcher) -> None:
    text = BODY["iskp-long"]
    assert [text[s:e] for s, e in searcher.match_spans("tajik*", text)] == ["Tajikistan"]
    text = BODY["isk-only"]
    assert [text[s:e] for s, e in searcher.match_spans("jalalabd~", text)] == ["Jalalabad"]


def test_reader_can_step_through_every_match(searcher) -> None:
    body = "\n\n".join(
        ["The Taliban said.", "Taleban fighters.", "No match here.", "taliban again"]
    )
    spans = searcher.match_spans("Taliban", body)
    assert [body[s:e] for s, e in spans] == ["Taliban", "Taleban", "taliban"]
    assert spans == sorted(spans)


def test_snippet_text_is_plain_and_collapses_whitespace() -> None:
    text = "<b>bold</b>   kabul\n\nnext   paragraph with kabul"
    plan = MatchPlan(terms=frozenset({"kabul"}))
    cut = snippets(text, plan.spans(text), limit=3)
    joined = " ".join(s.text for s in cut)
    assert "<b>bold</b>" in joined  # untouched: the view escapes, never interprets
    assert "\n" not in joined and "   " not in joined
    assert all(s.text[a:b] == "kabul" for s in cut for a, b in s.marks)


def test_no_spans_gives_the_opening() -> None:
    (snip,) = snippets("word " * 200, [])
    assert snip.text.startswith("word word") and snip.marks == ()


def test_merge_spans() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 10)]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.sampled_from(["kabul", "Kabul", "attacks", "x", "  ", "\n\n", "é", "-", "IS-K"]),
        max_size=120,
    ),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=20, max_value=300),
)
def test_marks_always_land_on_matches(words: list[str], limit: int, width: int) -> None:
    text = " ".join(words)
    plan = MatchPlan(terms=frozenset({"kabul", "attack"}), phrases=(("is", "k"),))
    spans = plan.spans(text)
    cut = snippets(text, spans, limit=limit, width=width)
    assert len(cut) <= limit
    for snip in cut:
        for start, end in snip.marks:
            assert snip.text[start:end].lower() in {"kabul", "attacks", "is-k"}


def _reference_spans(plan: MatchPlan, text: str) -> list[tuple[int, int]]:
    """The spans as first computed: every token with its offsets (slow, plain)."""
    found: list[tuple[int, int]] = []
    tokens: list[tuple[str, int, int]] = []
    for term, start, end, compound in iter_tokens(text):
        if compound:
            if term in plan.terms:
                found.append((start, end))
        else:
            tokens.append((term, start, end))
    for i, (term, start, _end) in enumerate(tokens):
        if term in plan.terms:
            found.append((start, tokens[i][2]))
        for phrase in plan.phrases:
            n = len(phrase)
            if tuple(t for t, _, _ in tokens[i : i + n]) == phrase:
                found.append((start, tokens[i + n - 1][2]))
    return merge_spans(found)


PIECES = st.sampled_from(
    [
        "kabul",
        "Kabul",
        "Kabuli",
        "pine",
        "nuts",
        "pine-nuts",
        "U.S",
        "S",
        "s",
        "x.Kabul",
        "Kabul.x",
        "attacks",
        "IS-K",
        "is",
        "k",
        "K",
        "ISK",
        "é",
        "Pérez",
        "perez",
        "_kabul",
        "3.5",
        "5",
        ".",
        "...",
        "-",
        "'",
        "’",
        " ",
        "  ",
        "\n\n",
        "ﬁnance",
        "finance",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60), st.lists(st.sampled_from(["", " ", "-", "."]), max_size=60))
def test_fast_spans_equal_the_token_by_token_spans(pieces: list[str], glue: list[str]) -> None:
    text = "".join(p + (glue[i] if i < len(glue) else " ") for i, p in enumerate(pieces))
    plan = MatchPlan(
        terms=frozenset({"kabul", "attack", "s", "isk", "perez", "5", "financ"}),
        phrases=(("is", "k"), ("pine", "nut"), ("u.s", "kabul")),
    )
    assert plan.spans(text) == _reference_spans(plan, text)


def test_snippets_can_wait_for_the_rows_on_screen(searcher) -> None:
    bare = searcher.search("attack", snippet_count=0)
    assert bare.hits and all(h.snippets == () and h.hit_count == 0 for h in bare.hits)
    full = {h.doc_id: h for h in searcher.search("attack").hits}
    later = searcher.with_snippets("attack", bare.hits[:1], 3)
    assert later == (full[bare.hits[0].doc_id],)
