"""Names in Arabic script and Cyrillic: folding, joined prefixes, Russian cases."""

from __future__ import annotations

import pytest

from briefreader.entities import find_mentions, load_gazetteer
from briefreader.entities.match_text import match_text
from briefreader.entities.scripts import arabic_variants, russian_forms


def found(text: str) -> list[tuple[str, str]]:
    """(surface, canonical), checking that every span indexes the text as given."""
    out = []
    for mention in find_mentions(text):
        assert text[mention.start : mention.end] == mention.surface
        out.append((mention.surface, mention.canonical))
    return out


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أفغانستان", "افغانستان"),  # alef with hamza above
        ("إيران", "ايران"),  # alef with hamza below
        ("آمریکا", "امریکا"),  # alef with madda
        ("دولت اسلامی", "دولت اسلامي"),  # Persian yeh, Arabic yeh
        ("مصطفى", "مصطفي"),  # alef maksura
        ("پاکستان", "پاكستان"),  # keheh, kaf
        ("ولاية", "ولايه"),  # teh marbuta, heh
        ("برطانیہ", "برطانيه"),  # Urdu heh goal and yeh
        ("مؤتمر", "موتمر"),  # hamza on waw
        ("ИГИЛ", "игил"),
        ("Ёлка", "елка"),
    ],
)
def test_script_letter_forms_fold_to_one(variant: str, plain: str) -> None:
    assert match_text(variant).text == match_text(plain).text


def test_tatweel_and_vowel_marks_are_deleted_with_offsets_kept() -> None:
    text = "قال مسؤول إن داعـــش و طالِبان هاجموا."
    assert found(text) == [("داعـــش", "Islamic State"), ("طالِبان", "Taliban")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ولاية خراسان", [("ولاية خراسان", "Islamic State Khorasan Province")]),
        ("ولايه خراسان", [("ولايه خراسان", "Islamic State Khorasan Province")]),
        ("داعش خراسان", [("داعش خراسان", "Islamic State Khorasan Province")]),
        ("طالبان", [("طالبان", "Taliban")]),
        ("ИГИЛ", [("ИГИЛ", "Islamic State")]),
        ("игил", [("игил", "Islamic State")]),
    ],
)
def test_the_issues_examples_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(f"« {text} »") == expected


def test_arabic_joined_prefixes_stay_out_of_the_span() -> None:
    text = "هاجم مسلحون وداعش، وقال بيان للقاعدة إن بالعراق خلايا."
    assert found(text) == [("داعش", "Islamic State"), ("لقاعدة", "al-Qaeda"), ("العراق", "Iraq")]
    assert ("للقاعدة", 1) in arabic_variants("القاعدة")


def test_russian_names_are_found_in_every_case() -> None:
    text = (
        "Боевики «Талибана» заявили, что в Афганистане воюют с ИГИЛ; "
        "об Исламском государстве говорили в Сирии и Египте, а СССР ушёл в 1989 году."
    )
    assert found(text) == [
        ("Талибана", "Taliban"),
        ("Афганистане", "Afghanistan"),
        ("ИГИЛ", "Islamic State"),
        ("Исламском государстве", "Islamic State"),
        ("Сирии", "Syria"),
        ("Египте", "Egypt"),
        ("СССР", "Soviet Union"),
    ]
    assert "Исламского государства Ирака и Леванта" in russian_forms(
        "Исламское государство Ирака и Леванта"
    )
    assert russian_forms("Мали") == ["Мали"]  # indeclinable
    assert russian_forms("США") == ["США"]  # an acronym


@pytest.mark.parametrize(
    "text",
    [
        "کمک مالی به ولایت",  # Persian "financial aid", not Mali
        "دعم مالي للحكومة",  # Arabic "financial support"
        "после того как",  # Russian "того" is not Togo
        "در عمان پایتخت اردن",  # Amman, written like Oman
    ],
)
def test_words_that_look_like_country_names_are_not(text: str) -> None:
    assert [c for _s, c in found(text) if c in {"Mali", "Togo", "Oman"}] == []


def test_the_main_countries_have_names_in_every_script() -> None:
    gazetteer = load_gazetteer()
    for canonical in ("Afghanistan", "Pakistan", "Iran", "Iraq", "Syria", "United States"):
        entity = gazetteer.by_canonical(canonical)
        assert entity is not None
        assert {language for language, _names in entity.scripts} >= {"ar", "fa", "ps", "ur", "ru"}
    for canonical in ("Islamic State", "Taliban", "al-Qaeda", "Islamic State Khorasan Province"):
        entity = gazetteer.by_canonical(canonical)
        assert entity is not None
        assert {language for language, _names in entity.scripts} >= {"ar", "ru"}


def test_a_user_scripts_table_adds_names_and_reports_what_it_cannot(tmp_path) -> None:
    user = tmp_path / "gazetteer.toml"
    user.write_text(
        '[scripts."Mali"]\nar = ["مالي"]\n[scripts."Nowhere"]\nru = ["Нигде"]\n'
        '[scripts."Chad"]\nar = ["داعش"]\n',
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(user)
    mali = gazetteer.by_canonical("Mali")
    assert mali is not None and "مالي" in mali.script_names
    assert any("Nowhere" in p for p in gazetteer.problems)
    assert any("داعش" in p for p in gazetteer.problems)  # the Islamic State's name
