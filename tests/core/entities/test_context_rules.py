"""The context rules of issue #13: look-alikes, qualified names, ethnic adjectives."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.entities import Matcher, find_mentions, load_gazetteer
from briefreader.entities.context_rules import ContextRuleError, context_rule


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.canonical) for m in find_mentions(text)]


def countries(text: str) -> list[str]:
    return [m.surface for m in find_mentions(text) if m.kind == "country"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Georgia: the US state...
        ("The FBI arrested a man in Atlanta, Georgia, on Tuesday.", []),
        ("Georgia's governor said the state would review security.", []),
        ("The bill passed the Georgia Senate after a long debate.", []),
        ("A farmer in Georgia said sales fell before Thanksgiving.", []),
        ("He moved to the state of Georgia in 2010.", []),
        # ...and the country, even beside a US cue when the Caucasus is there.
        ("Georgia joined the coalition against the Islamic State.", ["Georgia"]),
        ("The governor of Georgia's Pankisi region met Russian envoys.", ["Georgia", "Russian"]),
        ("Tbilisi, Georgia, hosted the talks.", ["Georgia"]),
        # Turkey: the bird...
        ("Turkey prices doubled before Thanksgiving.", []),
        ("Turkey sandwiches were served to the troops.", []),
        ("the turkey was roasted", []),
        # ...and the country.
        ("Turkey itself has banned poultry imports from the US.", ["Turkey", "US"]),
        ("Turkey farmers protest as the lira falls.", ["Turkey"]),
        # Niger: the Nigerian state, the river, the delta...
        ("Bandits killed 12 people in Niger State on Sunday.", []),
        ("Gunmen struck in Kebbi, Niger and Sokoto states.", []),
        ("Gunmen struck in Zamfara and Niger states.", []),
        ("The attacks hit the states of Kebbi and Niger.", []),
        ("Boats carried fuel along the Niger at Mopti.", []),
        ("In the Niger Delta, militants blew up a pipeline.", []),
        ("Herders drove cattle across the river Niger.", []),
        # ...and the country.
        ("the Niger government in Niamey closed its border", ["Niger"]),
        ("Troops from Niger, Mali and Burkina Faso met.", ["Niger", "Mali", "Burkina Faso"]),
        ("The junta in Niger expelled French troops.", ["Niger", "French"]),
        # Guinea and its look-alikes.
        ("The Carter Center fights Guinea worm in Chad.", ["Chad"]),
        ("Piracy rose in the Gulf of Guinea.", []),
        (
            "Guinea-Bissau, Equatorial Guinea and Papua New Guinea voted; Guinea abstained.",
            ["Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea", "Guinea"],
        ),
        # "us" is never the United States.
        ("A farmer told us the US was to blame.", ["US"]),
    ],
)
def test_look_alikes(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


def test_peoples_names() -> None:
    assert countries("Michael Jordan's foundation gave money, King Abdullah of Jordan said.") == [
        "Jordan"
    ]
    assert countries("Chad Smith, the aid coordinator, said conditions in Chad were worse.") == [
        "Chad"
    ]
    # Once a text has named the person, the bare name with a verb of saying is them.
    text = "Michael Jordan visited Amman. Jordan said he was moved; Jordan has closed its border."
    assert [(m.surface, m.start) for m in find_mentions(text) if m.kind == "country"] == [
        ("Jordan", text.rindex("Jordan"))
    ]
    # Without that, "Jordan said" is the country.
    assert countries("Jordan said it would reopen the crossing.") == ["Jordan"]


def test_a_country_inside_a_groups_name_is_not_a_country() -> None:
    assert found("the Islamic Movement of Uzbekistan and Ansarul Muslimina Fi Biladis Sudan") == [
        ("Islamic Movement of Uzbekistan", "Islamic Movement of Uzbekistan"),
        ("Ansarul Muslimina Fi Biladis Sudan", "Ansaru"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Pakistani Taliban claimed it",
            [("Pakistani", "Pakistan"), ("Taliban", "Tehrik-i-Taliban Pakistan")],
        ),
        ("the Afghan Taliban deny it", [("Afghan", "Afghanistan"), ("Taliban", "Taliban")]),
        (
            "known as the Tajik Taliban",
            [("Tajik", "Tajikistan"), ("Taliban", "Jamaat Ansarullah")],
        ),
        # Not right after the demonym: the Taliban stay the Taliban.
        (
            "Pakistani officials said the Taliban had left",
            [("Pakistani", "Pakistan"), ("Taliban", "Taliban")],
        ),
    ],
)
def test_a_demonym_qualifies_the_taliban(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethnic Uzbek and Tajik commanders fought the Taliban.", []),
        ("ethnic Uzbeks, Tajiks and Turkmens live in the north", []),
        ("some Afghan Tajiks crossed over", ["Afghan"]),
        ("Uzbek diplomats met the Tajik government.", ["Uzbek", "Tajik"]),
        ("Clashes broke out at the Kyrgyz-Tajik border.", ["Kyrgyz", "Tajik"]),
        ("Tajik border guards and ethnic Russians", ["Tajik"]),
    ],
)
def test_ethnic_adjectives(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


def test_rules_are_data_an_analyst_can_extend(tmp_path: Path) -> None:
    user = tmp_path / "gazetteer.toml"
    user.write_text(
        '[[context]]\nspelling = "Chad"\nmeans = "a first name"\nnext_words = ["wrote"]\n',
        encoding="utf-8",
    )
    matcher = Matcher(load_gazetteer(user))
    assert [m.surface for m in matcher.find("Chad wrote back; Chad replied.")] == ["Chad"]


def test_a_broken_rule_is_reported_not_crashed_on(tmp_path: Path) -> None:
    user = tmp_path / "gazetteer.toml"
    user.write_text('[[context]]\nspelling = "Chad"\nmeans = "x"\naround = ["(@"]\n', "utf-8")
    gazetteer = load_gazetteer(user)
    assert any("around" in problem for problem in gazetteer.problems)
    with pytest.raises(ContextRuleError):
        context_rule({"spelling": "Chad", "means": "x", "colour": "red"})
    with pytest.raises(ContextRuleError):
        context_rule({"spelling": "Chad", "means": "x", "around": ["no mention marker"]})
