"""Paragraph and sentence spans for keyboard capture."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.store.passages import paragraph_at, sentence_at, sentences

TEXT = (
    "Gen. Smith said the U.S. would act. “We will respond.” Approx. five died in Kabul "
    "on Jan. 3! Did they? Yes.\n\nSecond para. J. Doe wrote it in 2024.\n\n  Indented last.  "
)


def at(offset: int) -> str:
    s, e = sentence_at(TEXT, offset)
    return TEXT[s:e]


def test_sentences_respect_abbreviations_quotes_and_initials() -> None:
    assert at(0) == "Gen. Smith said the U.S. would act."
    assert at(TEXT.index("We")) == "“We will respond.”"
    assert at(TEXT.index("five")) == "Approx. five died in Kabul on Jan. 3!"
    assert at(TEXT.index("they")) == "Did they?"
    assert at(TEXT.index("Doe")) == "J. Doe wrote it in 2024."


def test_paragraphs_are_trimmed() -> None:
    s, e = paragraph_at(TEXT, TEXT.index("Second"))
    assert TEXT[s:e] == "Second para. J. Doe wrote it in 2024."
    s, e = paragraph_at(TEXT, len(TEXT))
    assert TEXT[s:e] == "Indented last."
    assert paragraph_at("", 0) == (0, 0)


def test_sentences_cover_a_paragraph_in_order() -> None:
    s, e = paragraph_at(TEXT, 0)
    found = [TEXT[a:b] for a, b in sentences(TEXT, s, e)]
    assert found == [
        "Gen. Smith said the U.S. would act.",
        "“We will respond.”",
        "Approx. five died in Kabul on Jan. 3!",
        "Did they?",
        "Yes.",
    ]


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet="ab .!?\n”J", max_size=80), offset=st.integers(0, 90))
def test_spans_are_always_valid_and_contain_no_paragraph_break(text: str, offset: int) -> None:
    for finder in (paragraph_at, sentence_at):
        s, e = finder(text, offset)
        assert 0 <= s <= e <= len(text)
        assert "\n\n" not in text[s:e]
        assert text[s:e] == text[s:e].strip()
