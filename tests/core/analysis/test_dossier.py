"""The entity dossier: spellings, relatives, documents by date, companions, work."""

from __future__ import annotations

from briefreader.analysis.dossier import dossier
from briefreader.store import Store
from briefreader.store.notes import NoteTarget

from .conftest import Built

ISKP = ("group", "Islamic State Khorasan Province")


def test_spellings_documents_and_first_and_last_seen(shared: Built) -> None:
    result = dossier(shared.counts, ISKP, shared.matcher.gazetteer)
    assert result.mentions == 4
    assert {s.text: (s.mentions, s.documents) for s in result.spellings} == {
        "ISIS-K": (2, 2),
        "ISKP": (1, 1),
        "Islamic State Khorasan Province": (1, 1),
    }
    assert [d.doc_id for d in result.documents] == [
        shared.ids["undated"],
        shared.ids["kabul"],
        shared.ids["doha"],
    ]
    assert result.last_seen is not None and not result.last_seen.dated  # import day stands in
    assert result.first_seen is not None and result.first_seen.day == "2024-01-08"
    assert result.undated == 1
    kabul = result.documents[1]
    assert (kabul.title, kabul.mentions, kabul.dated) == ("Blast in Kabul", 2, True)
    assert "IS-K" in result.unseen_spellings and "ISKP" not in result.unseen_spellings


def test_relatives_come_from_the_gazetteer_both_ways(shared: Built) -> None:
    gazetteer = shared.matcher.gazetteer
    child = dossier(shared.counts, ISKP, gazetteer)
    assert [(r.relation, r.entity) for r in child.relatives] == [
        ("branch of", ("group", "Islamic State"))
    ]
    parent = dossier(shared.counts, ("group", "Islamic State"), gazetteer)
    assert (parent.relatives[0].relation, parent.relatives[0].entity) == (
        "successor of",
        ("group", "al-Qaeda in Iraq"),
    )  # what it is to others first
    branches = [r for r in parent.relatives if r.relation == "has branch"]
    assert len(branches) == len(parent.relatives) - 1 >= 8
    assert branches[0].entity == ISKP and branches[0].mentions == 4  # most mentioned first
    assert branches[1].entity == ("group", "Islamic State Sahel Province")
    assert branches[1].mentions == 1 and branches[-1].mentions == 0
    fronted = dossier(shared.counts, ("group", "Lashkar-e-Taiba"), gazetteer)
    assert {(r.relation, r.entity[1]) for r in fronted.relatives} == {
        ("has front", "The Resistance Front"),
        ("has front", "Jamaat-ud-Dawa"),
    }
    assert len(parent.relatives) >= 8


def test_companions_are_counted_by_shared_documents(shared: Built) -> None:
    result = dossier(shared.counts, ISKP, shared.matcher.gazetteer)
    countries = {t.entity[1]: t.documents for t in result.countries_with}
    assert countries == {"Pakistan": 2, "Afghanistan": 2, "Qatar": 1, "Uzbekistan": 1}
    assert [t.entity[1] for t in result.countries_with][:2] == ["Afghanistan", "Pakistan"]
    groups = {t.entity[1]: t.documents for t in result.groups_with}
    assert groups == {"Taliban": 2, "Islamic Movement of Uzbekistan": 1}


def test_excerpts_and_notes_that_mention_it(shared: Built, tmp_path) -> None:
    from briefreader.paths import DataPaths

    paths = DataPaths.at(tmp_path / "work").ensure()
    doc = shared.library.get(shared.ids["kabul"])
    assert doc is not None
    with Store.open(paths) as store:
        start = doc.body.index("ISKP")
        store.excerpts.capture(doc.id, doc.body, start, start + 47)
        store.excerpts.capture(doc.id, doc.body, doc.body.index("The Taliban"), len(doc.body))
        store.save_note(NoteTarget.document(doc.id), "Ask about IS-K recruitment in Kabul.")
        store.save_note(NoteTarget.memo(), "Nothing about that group here.")
        result = dossier(
            shared.counts, ISKP, shared.matcher.gazetteer, store=store, find=shared.matcher.find
        )
    assert [e.quote for e in result.excerpts] == [doc.body[start : start + 47]]
    assert [n.text for n in result.notes] == ["Ask about IS-K recruitment in Kabul."]


def test_an_entity_no_document_names_has_an_empty_dossier(shared: Built) -> None:
    result = dossier(shared.counts, ("group", "Hamas"), shared.matcher.gazetteer)
    assert result.documents == () and result.mentions == 0
    assert result.first_seen is None and result.groups_with == ()
    assert "Hamas" in result.unseen_spellings
