"""What's new since a date or a briefing."""

from __future__ import annotations

from datetime import date

import pytest

from briefreader.analysis.since import Cut, cut_at, cut_at_briefing, since
from briefreader.paths import DataPaths
from briefreader.store import NotFoundError, Store
from briefreader.store.notes import NoteTarget

from .conftest import Built

ISKP = ("group", "Islamic State Khorasan Province")


def test_since_a_date_counts_what_was_published_or_imported_since(shared: Built) -> None:
    result = since(shared.counts, cut_at(date(2024, 3, 1)))
    # Sahel and the pine nuts were published in March; the undated one was imported in June.
    assert result.doc_ids == (shared.ids["undated"], shared.ids["quiet"], shared.ids["sahel"])
    undated, quiet, sahel = result.documents
    assert undated.imported_since and not undated.published_since
    assert quiet.imported_since and quiet.published_since
    assert result.older_documents == 2
    # A cut in the middle of the pine nuts' day: published that day, imported before the cut.
    midday = since(shared.counts, Cut("2024-03-20T12:00:00", "noon"))
    quiet = next(d for d in midday.documents if d.doc_id == shared.ids["quiet"])
    assert quiet.published_since and not quiet.imported_since
    late = since(shared.counts, Cut("2024-03-25T00:00:00", "late"))
    sahel = next(d for d in late.documents if d.doc_id == shared.ids["sahel"])
    assert sahel.imported_since and not sahel.published_since  # the backlog still shows


def test_first_seen_and_shares(shared: Built) -> None:
    result = since(shared.counts, cut_at(date(2024, 3, 1)))
    first = {t.entity[1] for t in result.first_seen}
    assert first == {
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Mali",
        "Burkina Faso",
        "Islamic State Sahel Province",
        "Uzbekistan",
        "Islamic Movement of Uzbekistan",
    }
    assert result.first_seen[0].entity[1] == "Jama'at Nusrat al-Islam wal-Muslimin"  # 2 mentions
    rising = {c.entity for c in result.rising}
    falling = {c.entity: c for c in result.falling}
    assert not rising & {t.entity for t in result.first_seen}
    assert ("group", "Taliban") in falling and ("country", "Pakistan") in falling
    taliban = falling[("group", "Taliban")]
    assert (taliban.before, taliban.after, taliban.mentions_before) == (30.0, 0.0, 3)
    assert [c.change for c in result.falling] == sorted(c.change for c in result.falling)
    everything = since(shared.counts, cut_at(date(2000, 1, 1)))
    assert everything.older_documents == 0 and everything.rising == ()


def test_an_import_after_the_cut_is_new_whatever_its_date(built: Built) -> None:
    from .conftest import Spec

    built.add(
        Spec("old-news", "Old news", ("Hamas in Gaza.",), "2019-05-01", "2024-07-01T10:00:00")
    )
    result = since(built.counts, Cut("2024-06-30T00:00:00", "test"))
    assert result.doc_ids == (built.ids["old-news"],)
    assert result.first_seen[0].entity == ("group", "Hamas")


def test_new_excerpts_and_notes(shared: Built, tmp_path) -> None:
    paths = DataPaths.at(tmp_path / "work").ensure()
    doc = shared.library.get(shared.ids["doha"])
    assert doc is not None
    with Store.open(paths) as store:
        store.excerpts.capture(doc.id, doc.body, 0, 20)
        store.save_note(NoteTarget.memo(), "A memo.")
        now = since(shared.counts, Cut("2000-01-01T00:00:00", "x"), store=store)
        later = since(shared.counts, Cut("2999-01-01T00:00:00", "x"), store=store)
    assert len(now.excerpts) == 1 and [n.text for n in now.notes] == ["A memo."]
    assert later.excerpts == () and later.notes == ()


def test_the_cut_of_a_briefing_is_when_it_was_last_changed(tmp_path) -> None:
    paths = DataPaths.at(tmp_path / "work").ensure()
    with Store.open(paths) as store:
        with pytest.raises(NotFoundError, match="no briefing yet"):
            cut_at_briefing(store)
        store.briefings.create("Weekly 11")
        store.briefings.create("Weekly 12")
        touches = 0
        updated: dict[str, str] = {}
        while not updated or updated["Weekly 11"] <= updated["Weekly 12"]:
            touches += 1  # until the clock moved on: the two may share a millisecond
            store.briefings.update("Weekly 11", title=f"Touched {touches}")
            updated = {s.name: s.updated for s in store.briefings.list()}
        latest = cut_at_briefing(store)
        named = cut_at_briefing(store, "weekly 12")
        with pytest.raises(NotFoundError, match="Weekly 11"):
            cut_at_briefing(store, "Weekly 13")
    assert latest.moment == updated["Weekly 11"][:19]
    assert "“Weekly 11”" in latest.label
    assert named.moment == updated["Weekly 12"][:19] and "“Weekly 12”" in named.label
