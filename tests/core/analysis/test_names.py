"""Names as the analyst types them: any spelling, and a hint for a typo."""

from __future__ import annotations

import pytest

from briefreader.analysis.names import UnknownEntityError, resolve, resolve_all
from briefreader.entities import load_gazetteer

ISKP = ("group", "Islamic State Khorasan Province")


@pytest.fixture(scope="module")
def gazetteer():  # type: ignore[no-untyped-def]
    return load_gazetteer(None)


@pytest.mark.parametrize(
    "name", ["ISKP", "ISIS-K", "IS-K", "iskp", "Islamic State Khorasan Province", "  ISIL-K "]
)
def test_any_spelling_names_the_group(gazetteer, name: str) -> None:
    assert resolve(gazetteer, name) == ISKP


def test_demonyms_and_case_reach_the_country(gazetteer) -> None:
    assert resolve(gazetteer, "Afghan") == ("country", "Afghanistan")
    assert resolve(gazetteer, "afghanistan") == ("country", "Afghanistan")


def test_two_spellings_of_one_entity_are_one_entity(gazetteer) -> None:
    assert resolve_all(gazetteer, ["ISKP", "IS-K", "Taliban"]) == [ISKP, ("group", "Taliban")]


def test_a_typo_gets_suggestions(gazetteer) -> None:
    with pytest.raises(UnknownEntityError) as caught:
        resolve(gazetteer, "Talibann")
    assert "Taliban" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_a_short_lowercase_acronym_is_not_guessed(gazetteer) -> None:
    with pytest.raises(UnknownEntityError):
        resolve(gazetteer, "is")
    with pytest.raises(UnknownEntityError):
        resolve(gazetteer, "   ")
