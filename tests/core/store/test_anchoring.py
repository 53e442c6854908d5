"""Re-anchoring quotes in changed text: exact, whitespace-insensitive, fuzzy, orphaned."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.store.anchoring import (
    FUZZY_THRESHOLD,
    TextQuoteSelector,
    anchor,
    quote_selector,
)

TEXT = (
    "Islamic State Khorasan Province (ISKP) claimed the attack in Kabul on Monday. "
    "Officials said twelve people died.\n\n"
    "The Taliban denied that security had failed. A spokesman blamed foreign fighters."
)


def sel(text: str, quote: str) -> tuple[TextQuoteSelector, int]:
    start = text.index(quote)
    return quote_selector(text, start, start + len(quote)), start


def test_selector_keeps_quote_and_context() -> None:
    selector, start = sel(TEXT, "claimed the attack")
    assert selector.exact == "claimed the attack"
    assert TEXT[:start].endswith(selector.prefix) and len(selector.prefix) == 32
    assert TEXT[start + 18 :].startswith(selector.suffix)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)])
def test_selector_rejects_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        quote_selector(TEXT, start, end)


def test_unchanged_text_anchors_at_the_same_place() -> None:
    selector, start = sel(TEXT, "Officials said twelve people died.")
    found = anchor(TEXT, selector, hint=start)
    assert found is not None
    assert (found.start, found.end, found.exact, found.similarity) == (
        start,
        start + len(selector.exact),
        True,
        1.0,
    )


def test_text_inserted_before_moves_the_anchor() -> None:
    selector, start = sel(TEXT, "Officials said twelve people died.")
    changed = "Updated at 10:00. A new lead paragraph.\n\n" + TEXT
    found = anchor(changed, selector, hint=start)
    assert found is not None and found.exact
    assert changed[found.start : found.end] == selector.exact


def test_repeated_quote_is_disambiguated_by_context() -> None:
    text = "Alpha said: the group denied it. Later, Beta said: the group denied it. End."
    second = text.index("the group denied it", text.index("Beta"))
    selector = quote_selector(text, second, second + len("the group denied it"))
    changed = "Preface. " + text
    found = anchor(changed, selector, hint=second)  # the hint now points at neither
    assert found is not None
    assert changed[found.start - 11 : found.start] == "Beta said: "


def test_rewrapped_whitespace_still_anchors() -> None:
    selector, start = sel(TEXT, "The Taliban denied that security had failed.")
    changed = TEXT.replace("denied that security", "denied  that\nsecurity")
    found = anchor(changed, selector, hint=start)
    assert found is not None and not found.exact
    assert changed[found.start : found.end] == "The Taliban denied  that\nsecurity had failed."


def test_small_edit_inside_the_quote_anchors_fuzzily() -> None:
    quote = "claimed the attack in Kabul on Monday"
    selector, start = sel(TEXT, quote)
    changed = "Breaking: " + TEXT.replace("claimed the attack", "claimed the deadly attack")
    found = anchor(changed, selector, hint=start)
    assert found is not None and not found.exact
    assert FUZZY_THRESHOLD <= found.similarity < 1
    assert changed[found.start : found.end] == "claimed the deadly attack in Kabul on Monday"


def test_typo_fix_anchors_fuzzily() -> None:
    text = "The commander was reportedly killd in a drone strike near Jalalabad last week."
    quote = "was reportedly killd in a drone strike near Jalalabad"
    selector, start = sel(text, quote)
    changed = text.replace("killd", "killed")
    found = anchor(changed, selector, hint=start)
    assert found is not None
    assert changed[found.start : found.end] == quote.replace("killd", "killed")


def test_removed_quote_is_not_found() -> None:
    selector, start = sel(TEXT, "A spokesman blamed foreign fighters.")
    changed = TEXT.replace("A spokesman blamed foreign fighters.", "")
    assert anchor(changed, selector, hint=start) is None
    assert anchor("completely different text about the weather", selector) is None


def test_short_quotes_are_never_matched_fuzzily() -> None:
    selector, start = sel(TEXT, "ISKP")
    assert anchor(TEXT.replace("ISKP", "ISK"), selector, hint=start) is None


def test_empty_quote_is_not_found() -> None:
    assert anchor(TEXT, TextQuoteSelector("")) is None


words = st.text(alphabet="abcdefghij klmnop.,’é—Ж\n", min_size=0, max_size=200)


@settings(max_examples=60, deadline=None)
@given(before=words, quote=st.text(min_size=1, max_size=80), after=words, inserted=words)
def test_quote_survives_any_insertion_outside_it(
    before: str, quote: str, after: str, inserted: str
) -> None:
    """Whatever text lands before or after, the quote is found where it is."""
    text = before + quote + after
    selector = quote_selector(text, len(before), len(before) + len(quote))
    changed = inserted + text
    found = anchor(changed, selector, hint=len(before))
    assert found is not None and found.exact
    assert changed[found.start : found.end] == quote


def test_long_quote_in_a_large_repetitive_text_is_found_at_the_right_place() -> None:
    """Seeds occur everywhere in text from a tiny vocabulary; votes still find the place."""
    import random

    rng = random.Random(1)
    vocabulary = ["the", "group", "said", "attack", "Kabul", "officials", "ISKP", "Taliban"]
    text = " ".join(rng.choice(vocabulary) for _ in range(60_000))
    start = len(text) // 2
    start = text.index(" ", start) + 1
    selector = quote_selector(text, start, start + 1500)
    edited = "Lead. " + text[: start + 700] + " an inserted clause, " + text[start + 700 :]
    found = anchor(edited, selector, hint=start)
    assert found is not None and not found.exact
    assert abs(found.start - (start + 6)) <= 2
    rewrapped = text[:start] + text[start : start + 1500].replace(" ", "\n") + text[start + 1500 :]
    found = anchor(rewrapped, selector, hint=0)
    assert found is not None and (found.start, found.similarity) == (start, 1.0)
