"""The bidirectional algorithm the PDF export runs (bidi.py), and which characters it draws."""

from __future__ import annotations

import pytest

from briefreader.export.bidi import has_rtl, mirrored, paragraph_level, resolve, visual_order
from briefreader.export.fonts import load_fonts

FONTS = load_fonts()


def runs(text: str) -> list[tuple[int, str]]:
    """`text` as (level, run) pairs."""
    _, levels = resolve(text)
    out: list[tuple[int, str]] = []
    for char, level in zip(text, levels, strict=True):
        if out and out[-1][0] == level:
            out[-1] = (level, out[-1][1] + char)
        else:
            out.append((level, char))
    return out


def visual(text: str, base: int | None = None) -> str:
    """`text` in drawing order, left to right, characters mirrored where right-to-left."""
    _, levels = resolve(text, base)
    return "".join(mirrored(text[i]) if levels[i] % 2 else text[i] for i in visual_order(levels))


def test_shaping_is_installed() -> None:
    from briefreader.export.shaping import SHAPING

    assert SHAPING, "uharfbuzz is a dependency since issue #13: run pip install -e '.[test]'"


def test_the_first_strong_letter_sets_the_paragraph_direction() -> None:
    assert paragraph_level("ISKP said") == 0
    assert paragraph_level("«داعش» said") == 1
    assert paragraph_level("2024: قال") == 1  # digits and punctuation are not strong
    assert paragraph_level("123") == 0


def test_an_arabic_name_in_english_is_one_right_to_left_run() -> None:
    assert runs("names ولاية خراسان (ISKP) today") == [
        (0, "names "),
        (1, "ولاية خراسان"),
        (0, " (ISKP) today"),
    ]


def test_numbers_and_latin_in_arabic_read_left_to_right() -> None:
    level, levels = resolve("في عام 2024 قالت ISKP")
    assert level == 1
    text = "في عام 2024 قالت ISKP"
    assert {levels[i] for i in range(text.index("2024"), text.index("2024") + 4)} == {2}
    assert {levels[i] for i in range(text.index("ISKP"), len(text))} == {2}


def test_arabic_digits_after_arabic_letters_are_arabic_numbers() -> None:
    text = "عام ٢٠٢٤"
    _, levels = resolve(text)
    assert levels[-4:] == [2, 2, 2, 2]


def test_visual_order_reverses_right_to_left_runs_only() -> None:
    assert visual("abc אבג def") == "abc גבא def"
    assert visual("אבג abc דהו") == "והד abc גבא"
    assert visual("אבג 123 דהו") == "והד 123 גבא"  # the number keeps its own order
    assert visual("a (אבג) b") == "a (גבא) b"  # brackets around a run stay around it
    assert visual("אבג (abc)") == "(abc) גבא"
    assert visual("אבג (דהו)") == "(והד) גבא"  # mirrored: still opens before the run


def test_mirroring_reverses_and_swaps_brackets() -> None:
    assert mirrored("(a]") == "[a)"
    assert mirrored("«x»") == "«x»"


def test_only_right_to_left_letters_and_arabic_digits_need_resolving() -> None:
    assert has_rtl("ولاية") and has_rtl("x ١٢") and has_rtl("שלום")
    assert not has_rtl("ИГИЛ, café, 2024, —")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ولاية خراسان", "rtl"),  # Arabic
        ("دولت اسلامی", "rtl"),  # Persian (yeh, keheh)
        ("ښځې ګډ ټول ړ ږ ڼ ۍ", "rtl"),  # Pashto letters
        ("تحریک ٹ ڈ ڑ ں ہ ھ ے", "rtl"),  # Urdu letters
        ("٠١٢ ۰۱۲ ، ؛ ؟", "rtl"),  # Arabic and Persian digits, punctuation
        ("ИГИЛ Талибан ёЁ", "primary"),  # Cyrillic is in the Noto faces
    ],
)
def test_the_scripts_of_issue_13_can_be_drawn(text: str, kind: str) -> None:
    kinds = {FONTS.kind(c) for c in text if not c.isspace()}
    assert kinds <= {kind, "primary"}, {c: FONTS.kind(c) for c in text}
    assert FONTS.undrawable(text) == []


def test_right_to_left_scripts_without_a_face_stay_placeholders() -> None:
    assert FONTS.kind("א") == "missing"  # Hebrew: no bundled face
    assert FONTS.kind("ܐ") == "missing"  # Syriac
    assert FONTS.kind("\u200c") == "rtl"  # the Persian non-joiner is kept
    assert FONTS.kind("\u200b") == "invisible"


def test_a_neutral_arabic_sign_still_needs_the_arabic_face() -> None:
    """U+0606 (Arabic-Indic cube root) is neutral, but only the Arabic-script faces draw it."""
    assert FONTS.kind("\u0606") == "rtl" and has_rtl("x \u0606")
