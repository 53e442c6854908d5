"""The composer's state and operations over a real store and library (no Qt)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from briefreader.control.composer_jobs import (
    Stage,
    check_briefing,
    default_export_path,
    export_to,
    file_stem,
    result_lines,
)
from briefreader.control.composer_views import Flag, check_summary, matching
from briefreader.control.composing import Composer
from briefreader.corpus.library import open_library
from briefreader.domain import Document
from briefreader.export.exporter import ExportCancelled, ExportError
from briefreader.store import Store


@pytest.fixture
def library_docs(data_paths) -> list[Document]:
    with open_library(data_paths) as library:
        return library.documents()


@pytest.fixture
def store(data_paths, library_docs):
    with Store.open(data_paths) as opened:
        yield opened


def capture(store: Store, doc: Document, paragraph: int, text: str | None = None) -> int:
    start, end = doc.paragraph_spans()[paragraph]
    body = doc.body if text is None else text
    return store.excerpts.capture(doc.id, body, start, end).excerpt.id


@pytest.fixture
def composer(store, library_docs) -> Composer:
    titles = {d.id: d.title for d in library_docs}
    return Composer(store, lambda doc_id: titles.get(doc_id, ""))


def test_create_opens_the_new_briefing_and_inherits_author_and_marking(composer, store) -> None:
    changes = composer.create("First", today=date(2024, 5, 1))
    assert changes.briefings and changes.details and changes.store.briefings
    assert composer.briefing is not None and composer.briefing.date == "2024-05-01"
    composer.set_field("author", "J. Analyst")
    composer.set_field("marking", "OFFICIAL-SENSITIVE")
    composer.create("Second")
    assert composer.briefing.name == "Second"
    assert (composer.briefing.author, composer.briefing.marking) == (
        "J. Analyst",
        "OFFICIAL-SENSITIVE",
    )
    assert [name for _id, name, _n in composer.list_briefings()] == ["Second", "First"]
    assert "already a briefing" in composer.create("first").message  # names are unique
    assert composer.select("First").details and composer.briefing.name == "First"
    assert "no briefing" in composer.select("nope").message


def test_setting_a_field_to_its_value_records_no_undo_step(composer, store) -> None:
    composer.create("B")
    composer.set_field("summary", "- Key judgement one")
    label = store.history.undo_label
    assert not composer.set_field("summary", "- Key judgement one").store
    assert store.history.undo_label == label
    with pytest.raises(ValueError, match="not a briefing field"):
        composer.set_field("grouping", "group")


def test_add_into_the_current_section_move_and_stop_at_the_ends(
    composer, store, library_docs
) -> None:
    doc = library_docs[0]
    a, b, c = (capture(store, doc, n) for n in range(3))
    composer.create("B")
    assert "no excerpt" in composer.add([]).message
    changes = composer.add([a, b, a])
    assert changes.items and changes.needs_check and "added 2 excerpts" in changes.message
    assert composer.current_item == a
    composer.add_section("Threat")
    assert composer.briefing.grouping == "manual"
    section = composer.section(composer.current_section)
    assert section is not None and section.title == "Threat" and not section.items
    assert "to 'Threat'" in composer.add([c]).message
    assert composer.section_of(c).title == "Threat"
    # Items move within their section and stop at its ends, saying so.
    composer.set_cursor(a)
    assert "already first" in composer.move(-1).message
    assert composer.move(1).store
    other = composer.section_of(a)
    assert [i.excerpt_id for i in other.items] == [b, a]
    assert "already last" in composer.move(1).message
    # By hand: to the section above, and there is none above the first.
    composer.set_cursor(c)
    assert "no section above" in composer.move_to_section(-1).message
    assert composer.move_to_section(1).store
    assert [i.excerpt_id for i in composer.section_of(c).items] == [b, a, c]
    numbers = [i.number for s in composer.sections for i in s.items]
    assert numbers == [1, 2, 3]


def test_sections_move_rename_and_remove(composer, store, library_docs) -> None:
    a = capture(store, library_docs[0], 0)
    composer.create("B")
    composer.add_section("One")
    composer.add_section("Two")
    assert [s.title for s in composer.sections if s.section_id] == ["One", "Two"]
    assert composer.move(-1).store  # "Two" is current: it goes first
    assert [s.title for s in composer.sections if s.section_id] == ["Two", "One"]
    assert "already the first" in composer.move(-1).message
    composer.rename_section("Second thoughts")
    assert composer.section(composer.current_section).title == "Second thoughts"
    composer.add([a])
    composer.set_cursor(None, composer.section_of(a).key)
    assert "moved out" in composer.remove_current().message
    assert a in composer.briefing.excerpt_ids
    assert [s.title for s in composer.sections if s.section_id] == ["One"]


def test_grouping_cycles_and_computed_sections_cannot_be_moved_between(
    composer, store, library_docs
) -> None:
    ids = [capture(store, d, 0) for d in library_docs[:3]]
    composer.create("B")
    composer.add(ids)
    assert composer.cycle_grouping().message == "sections by group"
    assert composer.briefing.grouping == "group"
    composer.set_cursor(ids[0])
    assert "computed" in composer.move_to_section(1).message
    composer.cycle_grouping()
    composer.cycle_grouping()
    assert composer.briefing.grouping == "source"
    assert {s.title for s in composer.sections} == {d.title for d in library_docs[:3]}
    composer.cycle_grouping()
    assert composer.briefing.grouping == "manual"


def test_comment_remove_delete_and_undo(composer, store, library_docs) -> None:
    a, b = capture(store, library_docs[0], 0), capture(store, library_docs[0], 1)
    composer.create("B")
    composer.add([a, b])
    composer.set_cursor(a)
    assert composer.set_comment("Corroborates the UN report").items
    assert composer.item(a).comment == "Corroborates the UN report"
    assert not composer.set_comment("Corroborates the UN report").store
    assert composer.remove_current().items
    assert composer.current_item == b  # the cursor goes to the next item
    changes = store.undo()
    assert composer.reload(changes).items and a in composer.briefing.excerpt_ids
    assert composer.reload(store.excerpts.set_comment(b, "x")).items  # its excerpt changed
    assert not composer.reload(store.briefings.create("Other").changes).items
    deleted = composer.delete()
    assert "deleted briefing" in deleted.message and composer.briefing is None
    assert "no briefing" in composer.add([a]).message
    store.undo()
    assert composer.open_latest().details
    assert composer.briefing is not None and composer.briefing.name in {"B", "Other"}


def test_read_only_store_reports_instead_of_raising(data_paths, library_docs) -> None:
    with Store.open(data_paths) as store:
        store.briefings.create("B")
    with Store.open(data_paths, read_only=True) as store:
        composer = Composer(store)
        assert composer.select("B").details
        message = composer.set_field("title", "New").message
        assert (message and "read-only" in message.lower()) or "cannot" in message.lower()
        assert composer.briefing.title == "B"
    assert "not open" in Composer().create("X").message


def test_candidates_leave_out_what_is_in_and_match_every_word(
    composer, store, library_docs
) -> None:
    doc = library_docs[0]
    a, b = capture(store, doc, 0), capture(store, doc, 1)
    composer.create("B")
    composer.add([a])
    assert [e.id for e in composer.candidates()] == [b]
    word = doc.paragraphs[1].split()[0]
    assert [e.id for e in composer.candidates(word.upper())] == [b]
    assert composer.candidates("zzzz-no-such-word") == []
    excerpt = store.excerpts.get(b)
    assert matching([excerpt], doc.title.split()[0], lambda _d: doc.title) == [excerpt]


def test_check_flags_stale_orphaned_and_undrawable(composer, store, library_docs, data_paths):
    doc = library_docs[0]
    ok = capture(store, doc, 0)
    shifted = "x" * 9 + doc.body
    start, end = doc.paragraph_spans()[1]
    stale = store.excerpts.capture(doc.id, shifted, start + 9, end + 9).excerpt.id
    odd = "Quote in Hebrew אבן that was never in the article."  # Arabic is drawn now
    orphan = store.excerpts.capture(doc.id, odd, 0, len(odd)).excerpt.id
    composer.create("B")
    composer.add([ok, stale, orphan])
    generation, briefing_id = composer.begin_check()
    flags = check_briefing(store, data_paths, briefing_id)
    assert flags[ok] == Flag("ok")
    assert flags[stale].integrity == "stale" and flags[stale].label == "stale"
    assert flags[orphan].integrity == "orphaned"
    assert any("HEBREW" in u for u in flags[orphan].undrawable)
    assert flags[orphan].label == "orphaned, 3 undrawable"
    assert "cannot draw" in flags[orphan].detail
    # A check overtaken by a newer one is dropped.
    newer, _ = composer.begin_check()
    assert not composer.apply_flags(generation, flags).flags
    applied = composer.apply_flags(newer, flags)
    assert applied.flags and "1 stale, 1 orphaned" in applied.message
    assert composer.item(stale).flag == flags[stale]
    assert composer.move(1).items and composer.item(stale).flag == flags[stale]  # kept
    assert check_summary({ok: flags[ok]}) == (
        "checked 1 excerpts against their sources: all intact"
    )


def test_export_writes_reports_and_cancels(composer, store, library_docs, data_paths, tmp_path):
    ids = [capture(store, library_docs[0], n) for n in range(2)]
    composer.create("Weekly: ISKP")
    composer.add(ids)
    out = tmp_path / "out.pdf"
    seen: list[tuple[int, int]] = []
    result = export_to(
        store, data_paths, composer.briefing_id, out, lambda d, t: seen.append((d, t))
    )
    assert out.read_bytes().startswith(b"%PDF") and result.excerpts == 2
    assert seen[-1][0] == seen[-1][1] == 5
    headline, warnings = result_lines(result)
    assert headline.startswith("exported ") and str(out) in headline and warnings == []
    before = out.read_bytes()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        export_to(store, data_paths, composer.briefing_id, out, cancel=cancel)
    assert out.read_bytes() == before  # the old PDF is untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    with pytest.raises(ExportError, match="does not exist"):
        export_to(store, data_paths, composer.briefing_id, tmp_path / "no" / "x.pdf")


def test_stage_and_paths(tmp_path: Path) -> None:
    assert Stage(0, 21).describe() == "0% · finding groups and countries 0/10"
    assert Stage(15, 21).describe().endswith("laying out excerpts 5/10")
    assert Stage(20, 21).describe().endswith("writing pages")
    assert Stage(21, 21).describe() == "100% · written"
    assert file_stem("Weekly: ISKP / Kabul?") == "Weekly-ISKP-Kabul"
    assert file_stem("///") == "briefing"
    assert default_export_path("A b", tmp_path) == tmp_path / "A-b.pdf"
    (tmp_path / "Documents").mkdir()
    assert default_export_path("A b", tmp_path) == tmp_path / "Documents" / "A-b.pdf"
    assert default_export_path("A b", tmp_path, tmp_path / "x.pdf") == tmp_path / "x.pdf"


def test_the_comment_shown_is_the_one_the_pdf_prints(composer, store, library_docs) -> None:
    a = capture(store, library_docs[0], 0)
    store.excerpts.set_comment(a, "general remark")
    composer.create("B")
    composer.add([a])
    assert composer.item(a).comment == "general remark"
    composer.set_comment("for this briefing")
    assert composer.item(a).comment == "for this briefing"
    assert store.excerpts.get(a).comment == "general remark"
