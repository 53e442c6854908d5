"""Briefings: metadata, items, order, comments, sections and grouping; load in one call."""

from __future__ import annotations

import dataclasses

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, NotFoundError, Store, StoreError
from tests.core.store.conftest import ARTICLE, span

QUOTES = [
    "claimed the attack in Kabul on Monday",  # names no group or country
    "Islamic State Khorasan Province (ISKP) claimed the attack",
    "The Taliban denied that security had failed.",
    "A spokesman blamed fighters from Pakistan.",
    "Analysts said IS-K has recruited in Tajikistan for years.",
]


@pytest.fixture
def ids(store: Store) -> list[int]:
    out = []
    for quote in QUOTES:
        start, end = span(ARTICLE, quote)
        out.append(store.excerpts.capture("doc-a", ARTICLE, start, end).excerpt.id)
    return out


def test_create_and_load_everything_in_one_call(store: Store, ids: list[int]) -> None:
    created = store.briefings.create(
        "Weekly ISKP",
        title="ISKP: the week in review",
        author="A. Analyst",
        date="2024-05-06",
        marking="OFFICIAL-SENSITIVE",
        summary="ISKP remains capable of mass-casualty attacks in Kabul.",
    )
    assert created.changes.briefings == {created.briefing.id}
    store.briefings.add("weekly iskp", ids[:3])  # names are case-insensitive
    store.briefings.set_comment("Weekly ISKP", ids[1], "Claim via Amaq.")
    store.save_note(NoteTarget.briefing(created.briefing.id), "send Friday")
    b = store.load_briefing("Weekly ISKP")
    assert (b.title, b.author, b.date, b.marking) == (
        "ISKP: the week in review",
        "A. Analyst",
        "2024-05-06",
        "OFFICIAL-SENSITIVE",
    )
    assert b.summary.startswith("ISKP remains") and b.note == "send Friday"
    assert b.grouping == "manual" and len(b.sections) == 1 and b.sections[0].title == ""
    assert b.excerpt_ids == tuple(ids[:3])
    assert [i.comment for i in b.items] == ["", "Claim via Amaq.", ""]
    assert b.items[2].excerpt.quote == QUOTES[2]
    assert store.load_briefing(b.id) == b == store.load_briefing(str(b.id))
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.title = "x"  # type: ignore[misc]


def test_names_are_unique_and_required(store: Store) -> None:
    store.briefings.create("Weekly")
    with pytest.raises(StoreError, match="already"):
        store.briefings.create("weekly")
    with pytest.raises(StoreError, match="name"):
        store.briefings.create("   ")
    with pytest.raises(NotFoundError):
        store.load_briefing("nope")
    assert [s.name for s in store.briefings.list()] == ["Weekly"]


def test_update_and_delete(store: Store, ids: list[int]) -> None:
    bid = store.briefings.create("draft").briefing.id
    store.briefings.add(bid, ids[:2])
    store.briefings.update(bid, name="final", marking="SECRET", summary="Key judgements.")
    b = store.load_briefing("final")
    assert (b.marking, b.summary) == ("SECRET", "Key judgements.")
    with pytest.raises(TypeError):
        store.briefings.update(bid, colour="red")
    assert store.briefings.list()[0].items == 2
    assert store.briefings.delete("final").briefings == {bid}
    assert store.briefings.list() == []
    assert len(store.excerpts.list()) == len(ids)  # excerpts outlive their briefings


def test_adding_twice_keeps_one_place_and_unknown_excerpt_fails(
    store: Store, ids: list[int]
) -> None:
    store.briefings.create("b")
    store.briefings.add("b", [ids[0], ids[1]])
    store.briefings.add("b", [ids[1], ids[2]])
    assert store.load_briefing("b").excerpt_ids == (ids[0], ids[1], ids[2])
    with pytest.raises(NotFoundError):
        store.briefings.add("b", [9999])
    assert store.load_briefing("b").excerpt_ids == (ids[0], ids[1], ids[2])


def test_move_reorder_and_remove(store: Store, ids: list[int]) -> None:
    store.briefings.create("b")
    store.briefings.add("b", ids)
    store.briefings.move("b", ids[3], -2)
    assert store.load_briefing("b").excerpt_ids == (ids[0], ids[3], ids[1], ids[2], ids[4])
    store.briefings.move("b", ids[0], -5)  # stops at the top: no change
    assert store.load_briefing("b").excerpt_ids[0] == ids[0]
    store.briefings.move("b", ids[0], 99)
    assert store.load_briefing("b").excerpt_ids[-1] == ids[0]
    store.briefings.reorder("b", [ids[4], ids[2]])
    assert store.load_briefing("b").excerpt_ids[:2] == (ids[4], ids[2])
    store.briefings.remove("b", [ids[4]])
    assert ids[4] not in store.load_briefing("b").excerpt_ids
    assert [i.position for i in store.load_briefing("b").items] == [0, 1, 2, 3]


def test_manual_sections(store: Store, ids: list[int]) -> None:
    store.briefings.create("b")
    store.briefings.add("b", ids)
    attacks = store.briefings.add_section("b", "Attacks").section_id
    politics = store.briefings.add_section("b", "Politics").section_id
    store.briefings.set_section("b", [ids[0], ids[1]], attacks)
    store.briefings.set_section("b", [ids[2]], politics)
    b = store.load_briefing("b")
    assert [(s.title, [i.excerpt.id for i in s.items]) for s in b.sections] == [
        ("Attacks", [ids[0], ids[1]]),
        ("Politics", [ids[2]]),
        ("Other excerpts", [ids[3], ids[4]]),
    ]
    assert b.sections[0].id == attacks and b.sections[0].key == f"section:{attacks}"
    store.briefings.move("b", ids[1], -1)  # within its section
    assert [i.excerpt.id for i in store.load_briefing("b").sections[0].items] == [ids[1], ids[0]]
    store.briefings.move_section("b", politics, -1)
    store.briefings.rename_section("b", attacks, "Attacks in Kabul")
    assert [s.title for s in store.load_briefing("b").sections] == [
        "Politics",
        "Attacks in Kabul",
        "Other excerpts",
    ]
    store.briefings.remove_section("b", politics)
    b = store.load_briefing("b")
    assert [s.title for s in b.sections] == ["Attacks in Kabul", "Other excerpts"]
    assert ids[2] in [i.excerpt.id for i in b.sections[1].items]
    with pytest.raises(NotFoundError):
        store.briefings.set_section("b", [ids[0]], politics)


def test_grouping_by_group_country_and_source(store: Store, ids: list[int]) -> None:
    other_text = "Pakistan's army said the Taliban had sheltered ISKP fighters."
    extra = store.excerpts.capture("doc-b", other_text, 0, len(other_text)).excerpt.id
    store.briefings.create("g", grouping="group")
    store.briefings.add("g", [*ids, extra])
    by_group = store.load_briefing("g")
    assert [s.title for s in by_group.sections] == [
        "Islamic State Khorasan Province",
        "Taliban",
        "No group named",
    ]
    assert [i.excerpt.id for i in by_group.sections[0].items] == [ids[1], ids[4]]
    assert {i.excerpt.id for i in by_group.sections[2].items} == {ids[0], ids[3]}
    store.briefings.update("g", grouping="country")
    by_country = store.load_briefing("g")
    assert by_country.sections[0].title == "Pakistan"
    assert by_country.sections[-1].title == "No country named"
    store.briefings.update("g", grouping="source")
    titles = {"doc-a": "Kabul attack", "doc-b": "Army statement"}
    by_source = store.load_briefing("g", document_title=titles.get)
    assert [(s.key, s.title, len(s.items)) for s in by_source.sections] == [
        ("source:doc-a", "Kabul attack", 5),
        ("source:doc-b", "Army statement", 1),
    ]
    with pytest.raises(StoreError):
        store.briefings.update("g", grouping="alphabet")


def test_print_options_default_change_persist_and_undo(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        bid = store.briefings.create("weekly").briefing.id
        fresh = store.load_briefing(bid)
        assert fresh.charts == ("trend", "matrix") and not fresh.section_breaks
        assert store.briefings.update(bid, charts=["matrix"], section_breaks=True).briefings == {
            bid
        }
        store.briefings.update(bid, title="Renamed")  # other edits keep the options
    with Store.open(data_paths) as store:
        b = store.load_briefing("weekly")
        assert (b.title, b.charts, b.section_breaks) == ("Renamed", ("matrix",), True)
        store.briefings.update(bid, charts="")
        assert store.load_briefing(bid).charts == ()
        store.briefings.update(bid, charts="matrix, trend")
        assert store.load_briefing(bid).charts == ("trend", "matrix")
        with pytest.raises(StoreError, match="unknown chart 'pie'"):
            store.briefings.update(bid, charts=["pie", "trend"])
        store.undo()
        assert store.load_briefing(bid).charts == ()
