"""The matcher's form of a text: words kept, everything else a space, offsets intact."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.entities.match_text import fold_key, match_key, match_text


def test_words_stay_and_every_other_character_is_a_space() -> None:
    text = "IS–K’s (ISKP) “Côte\u00a0d’Ivoire”\nİ, U.S.-led; #Syria/Iraq…"
    folded = match_text(text)
    assert folded.text == "IS K s  ISKP   Cote d Ivoire  I  U S  led   Syria Iraq "
    assert len(folded.text) == len(text) and not folded.kept_starts


def test_ascii_text_is_only_blanked() -> None:
    assert match_text("al-Qaeda's 'IS-K' (2021).").text == "al Qaeda s  IS K   2021  "


def test_curly_quote_mojibake_is_punctuation() -> None:
    text = "the ‚ÄúEast Turkestan‚Äù and Chinaâ€™s â€“Pakistan"
    assert match_text(text).text == "the    East Turkestan    and China   s    Pakistan"


def test_letters_of_other_scripts_stay_letters() -> None:
    text = "داعش و ISKP; Straße 中国ISKP, ISKPдом"
    assert match_text(text).text == "داعش و ISKP  Straße 中国ISKP  ISKPдом"


def test_deleted_characters_are_mapped_back() -> None:
    nfd = unicodedata.normalize("NFD", "Türkiye")
    text = f"{nfd} Af\u00adghan\u200bistan"
    folded = match_text(text)
    assert folded.text == "Turkiye Afghanistan"
    start = folded.text.index("Afghanistan")
    s, e = folded.span_to_original(start, start + len("Afghanistan"))
    assert text[s:e] == "Af\u00adghan\u200bistan"
    assert folded.span_to_original(0, 7) == (0, len(nfd))


def test_match_key_keeps_the_closing_punctuation_aside() -> None:
    assert match_key("U.S.") == ("U S", ".")
    assert match_key("Army of Islam (Gaza)") == ("Army of Islam  Gaza", ")")
    assert match_key("St. Lucia") == ("St  Lucia", "")
    assert match_key("Hay'at Tahrir al-Sham") == ("Hay at Tahrir al Sham", "")
    assert match_key("IS - K") == ("IS   K", "")


def test_fold_key_is_one_identity_for_every_separator() -> None:
    assert fold_key("U.S.") == fold_key("U.S") == "U S"
    assert fold_key("IS–K") == fold_key("IS - K") == fold_key("IS K") == "IS K"
    assert fold_key("Hay’at") == fold_key("Hay'at") == "Hay at"
    assert fold_key("Türkiye") == "Turkiye"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_keeps_its_offsets(text: str) -> None:
    folded = match_text(text)
    deleted = len(folded.kept_starts) - 1 if folded.kept_starts else 0
    assert len(folded.text) + deleted == len(text)
    for index, char in enumerate(folded.text):
        assert char == " " or char.isalnum()
        original = text[folded.to_original(index)]
        if original.isascii() and original.isalnum():
            assert char == original
