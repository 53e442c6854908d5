"""The reader state: documents, paragraphs, mentions, focus mode, toggles, read state."""

from __future__ import annotations

import pytest

from briefreader.control.facets import FacetFilter
from briefreader.control.library import document_entities
from briefreader.control.state import ReaderState
from briefreader.domain import Document, Story, content_id
from briefreader.entities import find_mentions


def doc(title: str, *paragraphs: str, story: str = "") -> Document:
    body = "\n\n".join(paragraphs)
    return Document(
        id=content_id(title + body), title=title, body=body, story_id=story or content_id(title)
    )


ISKP = doc(
    "ISKP",
    "The Islamic State Khorasan Province (ISKP) struck Kabul.",
    "Nothing here.",
    "Pakistan and Afghanistan blamed IS-K.",
    "The end.",
)
SHABAAB = doc("Shabaab", "Al-Shabaab attacked Somalia.", "Kenya responded.")
REPRINT = doc("ISKP reprint", "ISKP struck Kabul again, Pakistan said.", story="s-iskp")
ORIGINAL = doc("ISKP original", "ISKP struck Kabul, Pakistan said.", story="s-iskp")


@pytest.fixture
def state() -> ReaderState:
    s = ReaderState(find_mentions)
    docs = [ISKP, SHABAAB, ORIGINAL, REPRINT]
    stories = [
        Story("s-iskp", "ISKP original", (ORIGINAL.id, REPRINT.id)),
        *(Story(d.story_id, d.title, (d.id,)) for d in (ISKP, SHABAAB)),
    ]
    s.set_library(docs, stories)
    s.set_entities({d.id: document_entities(d, find_mentions) for d in docs})
    s.open(ISKP.id)
    return s


def test_documents_step_within_the_filtered_list(state) -> None:
    assert state.next_document().current
    assert state.current.id == SHABAAB.id
    state.previous_document()
    assert state.current.id == ISKP.id
    assert state.previous_document().message == "this is the first document"
    state.last_document()
    assert state.current.id == REPRINT.id


def test_positions_are_kept_per_document(state) -> None:
    state.next_paragraph()
    state.next_paragraph()
    state.next_document()
    assert state.paragraph == 0
    state.previous_document()
    assert state.paragraph == 2


def test_paragraph_steps_stop_at_the_ends_and_reading_the_last_marks_read(state) -> None:
    assert state.previous_paragraph().message == "start of the document"
    state.bottom()
    assert state.paragraph == 3
    assert ISKP.id in state.read
    assert state.next_paragraph().message == "end of the document"
    changes = state.toggle_read()
    assert changes.read and changes.documents and ISKP.id not in state.read


def test_mentions_step_in_order_and_wrap(state) -> None:
    seen = []
    for _ in range(len(state.mentions)):
        changes = state.next_mention()
        seen.append((state.paragraph, state.mention.start))
        assert changes.cursor
    assert seen == sorted(seen)
    wrap = state.next_mention()
    assert "wrapped to the top" in wrap.message
    assert (state.paragraph, state.mention.start) == seen[0]
    assert "wrapped to the bottom" in state.previous_mention().message
    assert (state.paragraph, state.mention.start) == seen[-1]


def test_hidden_kinds_are_skipped_when_stepping(state) -> None:
    state.toggle_kind("country")
    kinds = set()
    for _ in range(len(state.mentions)):
        state.next_mention()
        kinds.add(state.mention.mention.kind)
    assert kinds == {"group"}
    state.toggle_kind("group")
    assert state.next_mention().message == "every kind is hidden"


def test_select_entity_steps_its_mentions_and_focus_mode_hides_the_rest(state) -> None:
    state.select_entity()
    assert state.selected == ("group", "Islamic State Khorasan Province")
    paragraphs = []
    for _ in range(3):
        state.next_entity_mention()
        paragraphs.append(state.paragraph)
    assert set(paragraphs) == {0, 2}
    changes = state.toggle_focus_mode()
    assert changes.focus and state.focus_mode
    assert state.visible_paragraphs() == [0, 2]
    state.top()
    state.next_paragraph()
    assert state.paragraph == 2
    assert state.next_paragraph().message == "end of the document"
    state.toggle_focus_mode()
    assert state.visible_paragraphs() is None


def test_toggle_entity_hides_one_entity(state) -> None:
    key = ("country", "Pakistan")
    state.toggle_entity(key)
    assert not state.is_shown(key)
    assert state.is_shown(("country", "Afghanistan"))


def test_filters_combine_with_and_and_count(state) -> None:
    state.toggle_filter_entity(("country", "Pakistan"))
    assert {d.id for d in state.visible} == {ISKP.id, ORIGINAL.id, REPRINT.id}
    state.toggle_filter_entity(("country", "Afghanistan"))
    assert [d.id for d in state.visible] == [ISKP.id]
    counts = dict(state.counts().entities)
    assert counts[("country", "Pakistan")] == 1
    state.clear_filters()
    assert len(state.visible) == 4


def test_one_version_per_story_keeps_the_canonical_one(state) -> None:
    state.toggle_story_versions()
    ids = [d.id for d in state.visible]
    assert ORIGINAL.id in ids and REPRINT.id not in ids
    assert state.story_sizes[REPRINT.id] == 2
    counts = state.counts()
    assert dict(counts.stories) == {False: 4, True: 3}


def test_read_filter_cycles_and_counts(state) -> None:
    state.toggle_read()
    state.cycle_read_filter()
    assert state.filter.read == "unread"
    assert ISKP.id not in {d.id for d in state.visible}
    assert dict(state.counts().read) == {"all": 4, "unread": 3, "read": 1}
    state.cycle_read_filter()
    assert [d.id for d in state.visible] == [ISKP.id]
    state.set_filter(FacetFilter())
    assert len(state.visible) == 4


def test_an_empty_document_is_harmless(state) -> None:
    empty = Document(id="e", title="Empty", body="")
    state.set_library([empty], [])
    state.open("e")
    assert state.paragraph_count == 0
    assert not state.next_paragraph().any
    assert state.next_mention().message
    assert state.toggle_focus_mode().message


def test_a_document_naming_nobody_still_moves_by_paragraph() -> None:
    quiet = Document(id="q", title="Quiet", body="one\n\ntwo\n\nthree")
    s = ReaderState(find_mentions)
    s.set_library([quiet], [])
    s.open("q")
    assert s.paragraph_count == 3
    s.next_paragraph()
    assert s.paragraph == 1


def test_mentions_arriving_late_keep_the_place(state) -> None:
    from briefreader.control.mentions import DocumentMentions

    state.next_paragraph()
    changes = state.set_mentions(DocumentMentions(state.current, []))
    assert changes.current and state.paragraph == 1
    assert len(state.mentions) == 0
    other = DocumentMentions(SHABAAB, [])
    assert not state.set_mentions(other).any  # not the open document: ignored


def test_a_facet_row_sets_read_state_story_versions_or_toggles_an_entity() -> None:
    flt = FacetFilter()
    assert flt.with_row(("read", "unread")).read == "unread"
    assert flt.with_row(("story", True)).one_per_story
    assert flt.with_row(("story", True)).with_row(("story", False)) == flt
    isk = ("group", "Islamic State Khorasan Province")
    assert flt.with_row(isk).entities == {isk}
    assert flt.with_row(isk).with_row(isk) == flt
    for junk in (None, "read", ("read", "sometimes"), ("colour", "red"), ("group",)):
        assert flt.with_row(junk) == flt
