"""Keyboard capture spans, visual selections, excerpt actions and the bin's filters."""

from __future__ import annotations

import pytest

from briefreader.control.annotations import NO_STORE, Annotations
from briefreader.control.excerpt_filter import (
    BinFilter,
    choices,
    filtered,
    flags_text,
    matches,
    order_key,
)
from briefreader.control.excerpting import (
    VisualSelection,
    current_sentence,
    excerpt_paragraphs,
    mentions_in_span,
    next_sentence,
    paragraph_span,
    previous_sentence,
)
from briefreader.control.grading import Grading
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import Document, content_id
from briefreader.entities import find_mentions
from briefreader.store import Store

PARAGRAPHS = [
    "ISKP claimed the attack in Kabul. Gen. Smith said the U.S. would respond. Nobody else spoke.",
    "Pakistan closed the border. Iran sent envoys!",
    "A quiet closing paragraph.",
]


def make_doc(paragraphs: list[str] = PARAGRAPHS, title: str = "Kabul attack") -> Document:
    body = "\n\n".join(paragraphs)
    return Document(id=content_id(title + body), title=title, body=body)


@pytest.fixture
def doc() -> Document:
    return make_doc()


def text_of(doc: Document, span) -> str:
    return doc.body[span[0] : span[1]]


def test_paragraph_and_sentence_spans(doc) -> None:
    assert text_of(doc, paragraph_span(doc, 1)) == PARAGRAPHS[1]
    assert text_of(doc, paragraph_span(doc, 99)) == PARAGRAPHS[2]  # clamped
    assert text_of(doc, current_sentence(doc, 0, None)) == "ISKP claimed the attack in Kabul."
    mentions = DocumentMentions.build(doc, find_mentions)
    kabul_sentence_mention = next(
        m for m in mentions.in_paragraph(1) if m.mention.canonical == "Iran"
    )
    assert text_of(doc, current_sentence(doc, 1, kabul_sentence_mention)) == "Iran sent envoys!"
    # a mention in another paragraph is ignored: the paragraph's first sentence
    assert text_of(doc, current_sentence(doc, 0, kabul_sentence_mention)).startswith("ISKP")
    assert paragraph_span(Document(id="e", title="", body=""), 0) is None


def test_sentences_step_across_abbreviations_and_paragraphs(doc) -> None:
    body = doc.body
    first = current_sentence(doc, 0, None)
    second = next_sentence(body, first[1])
    assert text_of(doc, second) == "Gen. Smith said the U.S. would respond."
    third = next_sentence(body, second[1])
    fourth = next_sentence(body, third[1])
    assert text_of(doc, fourth) == "Pakistan closed the border."  # into the next paragraph
    assert previous_sentence(body, fourth[0]) == third
    assert previous_sentence(body, first[0]) is None
    last = paragraph_span(doc, 2)
    assert next_sentence(body, last[1]) is None


def test_visual_selection_extends_shrinks_swaps_and_moves(doc) -> None:
    sel = VisualSelection.start(doc, 0)
    assert sel.text == "ISKP claimed the attack in Kabul."
    sel = sel.extend_sentence(1).extend_sentence(1)
    assert sel.text == PARAGRAPHS[0]
    sel = sel.extend_sentence(-1)
    assert sel.text.endswith("would respond.")
    sel = sel.extend_paragraph(1)
    assert sel.text == "\n\n".join(PARAGRAPHS[:2])
    assert sel.head_paragraph == 1
    assert "2 paragraphs" in sel.describe()
    # the head may cross the anchor: the selection is then head..anchor
    back = VisualSelection.start(doc, 1, unit="paragraph").extend_sentence(-1)
    assert back.text == "Nobody else spoke.\n\n" + PARAGRAPHS[1]
    swapped = back.swap()
    assert swapped.span == back.span and swapped.head == back.anchor
    moved = VisualSelection.start(doc, 0).select_sentence(1)
    assert moved.text == "Gen. Smith said the U.S. would respond."
    assert moved.select_paragraph(1).text == PARAGRAPHS[1]
    end = VisualSelection.start(doc, 2, unit="paragraph")
    assert end.extend_paragraph(1) is end  # nothing after: unchanged
    assert end.select_sentence(1) is end


def test_mentions_in_span_are_relative_to_the_quote(doc) -> None:
    mentions = DocumentMentions.build(doc, find_mentions)
    span = paragraph_span(doc, 1)
    inside = mentions_in_span(mentions.items, *span)
    assert {m.canonical for m in inside} == {"Pakistan", "Iran"}
    for m in inside:
        assert text_of(doc, span)[m.start : m.end] == m.surface
    assert mentions_in_span(mentions.items, span[0], span[0] + 3) == []  # cut mentions left out
    assert excerpt_paragraphs(doc, span[0], paragraph_span(doc, 2)[1]) == (1, 2)


@pytest.fixture
def store(data_paths):
    opened = Store.open(data_paths)
    yield opened
    opened.close()


def test_capture_tag_comment_flag_delete_and_undo(store, doc) -> None:
    actions = Annotations(store)
    mentions = DocumentMentions.build(doc, find_mentions)
    span = paragraph_span(doc, 0)
    outcome = actions.capture(doc, span, mentions_in_span(mentions.items, *span), tags=["kabul"])
    assert outcome.ok and outcome.excerpt_id is not None
    assert "Islamic State Khorasan Province" in outcome.message
    eid = outcome.excerpt_id
    excerpt = store.excerpts.get(eid)
    assert excerpt.quote == PARAGRAPHS[0]
    assert {e.canonical for e in excerpt.entities} == {
        m.canonical for m in mentions_in_span(mentions.items, *span)
    }
    assert "Islamic State Khorasan Province" in {e.canonical for e in excerpt.entities}
    assert eid in outcome.changes.excerpts
    assert actions.add_tags(eid, ["Attack", " attack "]).changes.tags
    assert store.excerpts.get(eid).tags == ("Attack", "kabul")
    assert actions.remove_tags(eid, ["KABUL"]).ok
    assert actions.set_comment(eid, "  check the date  ").ok
    assert actions.toggle_priority(eid).message.endswith("flagged priority")
    got = store.excerpts.get(eid)
    assert (got.tags, got.comment, got.priority) == (("Attack",), "check the date", True)
    assert actions.delete(eid).ok
    assert store.excerpts.list() == []
    undone = actions.undo()
    assert undone.message == "undone: delete excerpt" and eid in undone.changes.excerpts
    assert store.excerpts.get(eid).priority
    assert actions.redo().message == "redone: delete excerpt"
    for _ in range(10):
        actions.undo()
    assert actions.undo().message == "nothing to undo"
    assert store.excerpts.list() == []  # back to before the capture
    assert actions.add_tags(eid, []).message == "no tag given"


def test_actions_without_a_store_or_on_a_read_only_one(data_paths, doc) -> None:
    outcome = Annotations(None).capture(doc, (0, 4), None)
    assert not outcome.ok and outcome.message == NO_STORE
    with Store.open(data_paths) as writer:
        second = Store.open(data_paths, if_locked="read_only")
        try:
            refused = Annotations(second).capture(doc, (0, 4), None)
            assert not refused.ok and "could not capture" in refused.message
        finally:
            second.close()
        assert writer.excerpts.list() == []


def test_bin_filters_by_entity_tag_document_flag_and_words(store, doc) -> None:
    other = make_doc(["Al-Shabaab attacked a base in Somalia."], title="Somalia")
    for d in (doc, other):
        mentions = DocumentMentions.build(d, find_mentions)
        for index in range(len(d.paragraphs)):
            span = paragraph_span(d, index)
            store.excerpts.capture(
                d.id, d.body, *span, mentions=mentions_in_span(mentions.items, *span)
            )
    everything = store.excerpts.list()
    assert len(everything) == 4
    store.excerpts.add_tags([everything[0].id], ["border"])
    store.excerpts.set_priority([everything[-1].id], True)
    titles = {doc.id: doc.title, other.id: other.title}
    assert len(filtered(store, BinFilter())) == 4
    assert [e.doc_id for e in filtered(store, BinFilter(doc_id=other.id))] == [other.id]
    assert len(filtered(store, BinFilter(entity="Pakistan"))) == 1
    assert filtered(store, BinFilter(tag="BORDER"))[0].id == everything[0].id
    assert [e.id for e in filtered(store, BinFilter(flag="priority"))] == [everything[-1].id]
    assert filtered(store, BinFilter(flag="orphaned")) == []
    words = filtered(store, BinFilter(words="somalia base"), titles.get)
    assert len(words) == 1 and words[0].doc_id == other.id
    assert len(filtered(store, BinFilter(words="kabul attack"), titles.get)) == 3  # title words
    offered = choices(store, titles.get)
    assert ("Pakistan", "Pakistan (country, 1)") in offered["entity"]
    assert offered["tag"] == [("", "any tag"), ("border", "border (1)")]
    assert offered["document"][0] == ("", "any document")
    assert any("Somalia (1)" in label for _, label in offered["document"])
    assert BinFilter(tag="x", flag="priority").describe() == "tag x, flag priority"
    assert not BinFilter().active and BinFilter(words=" a ").active
    assert flags_text(store.excerpts.get(everything[-1].id)) == "★ priority"
    for flt in (
        BinFilter(),
        BinFilter(doc_id=other.id),
        BinFilter(entity="Pakistan"),
        BinFilter(tag="Border"),
        BinFilter(flag="priority"),
        BinFilter(words="kabul attack"),
        BinFilter(entity="Iran", words="envoys"),
    ):
        shown = {e.id for e in filtered(store, flt, titles.get)}
        assert shown == {e.id for e in store.excerpts.list() if matches(e, flt, titles.get)}, flt
        assert [order_key(e) for e in filtered(store, flt)] == sorted(
            order_key(e) for e in filtered(store, flt)
        )


def test_follow_versions_moves_excerpts_and_reports(data_paths, tmp_path) -> None:
    from briefreader.corpus.library import Library

    article = tmp_path / "article.txt"
    original = (
        "Kabul attack claimed by ISKP\n\n"
        "Islamic State Khorasan Province claimed the attack in Kabul on Monday.\n\n"
        "A spokesman blamed fighters who had crossed from Pakistan.\n"
    )
    article.write_text(original, encoding="utf-8")
    with Library.open(data_paths.library_db) as library:
        library.import_paths([article])
        old = library.documents()[0]
    with Store.open(data_paths) as store:
        actions = Annotations(store)
        assert actions.follow_versions(data_paths, ()).message == ""
        for quote in ("claimed the attack in Kabul", "A spokesman blamed fighters"):
            start = old.body.index(quote)
            store.excerpts.capture(old.id, old.body, start, start + len(quote))
        article.write_text(original.replace("A spokesman", "An official"), encoding="utf-8")
        with Library.open(data_paths.library_db) as library:
            superseded = library.import_paths([article]).superseded
        assert superseded == (old.id,)
        outcome = actions.follow_versions(data_paths, superseded)
        assert outcome.ok, outcome.message
        assert "1 moved" in outcome.message and "1 orphaned" in outcome.message
        assert len(outcome.changes.excerpts) == 2
        statuses = sorted(e.status for e in store.excerpts.list())
        assert statuses == ["anchored", "orphaned"]


def test_no_single_key_of_a_window_mode_hides_a_sequence_of_another() -> None:
    """Qt makes one shortcut per key for every window mode: `t` anywhere would eat `t g`."""
    from briefreader.control.keymap import DEFAULT_KEYS, WINDOW_MODES, normalise_key

    keys = {normalise_key(k) for mode in WINDOW_MODES for k in DEFAULT_KEYS.get(mode, {})}
    firsts = {k.split(" ")[0] for k in keys if " " in k}
    assert not firsts & keys, firsts & keys
    for mode in ("visual", "excerpts"):
        assert DEFAULT_KEYS[mode]["Ctrl+Z"] == "undo"
        assert DEFAULT_KEYS[mode]["Ctrl+Shift+Z"] == "redo"


def test_messages_name_an_excerpt_by_its_words_never_its_store_id(store, doc) -> None:
    """The status bar says which excerpt an action touched as the analyst sees it in the
    bin (its first words); the store's row id is internal and never shown."""
    actions, grading = Annotations(store), Grading(store)
    for n in range(1, 3):  # excerpts before ours, so its id is not 1
        actions.capture(doc, paragraph_span(doc, n), None)
    outcome = actions.capture(doc, paragraph_span(doc, 0), None)
    eid = outcome.excerpt_id
    assert eid is not None and eid > 2
    messages = [
        outcome.message,
        actions.add_tags(eid, ["kabul"]).message,
        actions.remove_tags(eid, ["kabul"]).message,
        actions.set_comment(eid, "check").message,
        actions.toggle_priority(eid).message,
        grading.set_credibility(eid, "2").message,
        grading.set_claim(eid, "Amaq").message,
        actions.delete(eid).message,
    ]
    for message in messages:
        assert "excerpt “ISKP claimed the attack in Kabul. Gen. Smith…”" in message, message
        assert str(eid) not in message.replace("credibility 2", ""), message
    refused = actions.add_tags(eid + 50, ["x"])
    assert not refused.ok and str(eid + 50) not in refused.message
