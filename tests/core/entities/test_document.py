"""Document-level resolution: short forms after the full name, weak names in brackets."""

from __future__ import annotations

import pytest

from briefreader.domain import Mention
from briefreader.entities import find_mentions
from briefreader.entities.document import (
    resolve_short_forms,
    short_form_mark,
    split_short_form,
)


def groups(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.canonical) for m in find_mentions(text) if m.kind == "group"]


def test_a_short_form_counts_after_the_full_name() -> None:
    text = (
        "Lashkar-e-Taiba trained the gunmen, officials said. The Lashkar denies it, "
        "and Jaish-e-Mohammed claimed Pulwama; the Jaish chief was listed."
    )
    assert groups(text) == [
        ("Lashkar-e-Taiba", "Lashkar-e-Taiba"),
        ("Lashkar", "Lashkar-e-Taiba"),
        ("Jaish-e-Mohammed", "Jaish-e-Mohammed"),
        ("Jaish", "Jaish-e-Mohammed"),
    ]


def test_a_short_form_alone_is_an_ordinary_word() -> None:
    assert (
        groups("A Lashkar raised by tribal elders fought the militants; the Front line held.") == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The group named last wins when several share the short form.
        (
            "Lashkar-e-Jhangvi attacked Hazaras; Lashkar-e-Taiba denied any role. "
            "The Lashkar said so.",
            ("Lashkar", "Lashkar-e-Taiba"),
        ),
        (
            "The Nusra Front took Idlib. The Front later merged into a new coalition.",
            ("Front", "Jabhat al-Nusra"),
        ),
    ],
)
def test_the_last_named_group_takes_the_short_form(text: str, expected: tuple[str, str]) -> None:
    assert groups(text)[-1] == expected


def test_the_front_needs_its_article_and_never_hides_a_longer_name() -> None:
    # "Front" without "the" is not the short form.
    assert groups("The Nusra Front took Idlib. Front lines moved.") == [
        ("Nusra Front", "Jabhat al-Nusra")
    ]
    # A real name that starts with the short form's word wins as the longer match.
    text = "Jamaat-ud-Dawa was banned; the Jamaat Ansarullah recruits in Tajikistan."
    assert ("Jamaat Ansarullah", "Jamaat Ansarullah") in groups(text)


def test_resolution_is_a_pure_function_of_the_mentions() -> None:
    mark = short_form_mark(["A", "B"], needs_the=True)
    text = "A met B. then the X"
    mentions = [
        Mention(0, 1, "group", "A", "A"),
        Mention(6, 7, "group", "B", "B"),
        Mention(18, 19, "group", mark, "X"),
    ]
    assert resolve_short_forms(mentions, text)[-1] == Mention(18, 19, "group", "B", "X")
    no_article = [*mentions[:2], Mention(14, 15, "group", mark, "h")]
    assert len(resolve_short_forms(no_article, "A met B. thXn the X")) == 2
    assert split_short_form("the Front") == ("Front", True)
    assert split_short_form("Lashkar") == ("Lashkar", False)


def test_a_weak_official_name_counts_in_brackets_after_its_group() -> None:
    text = "The Islamic State of Iraq (ISI) grew out of al-Qaeda in Iraq. Pakistan's ISI denied it."
    found = groups(text)
    assert ("ISI", "Islamic State") in found
    assert sum(1 for surface, _ in found if surface == "ISI") == 1  # not Pakistan's agency
