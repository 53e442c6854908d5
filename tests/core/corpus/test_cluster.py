from __future__ import annotations

import random

from briefreader.corpus.cluster import cluster, make_story
from briefreader.corpus.parse import document_id
from briefreader.domain import Document

_WORDS = (
    "taliban",
    "kabul",
    "province",
    "attack",
    "group",
    "fighters",
    "border",
    "security",
    "officials",
    "region",
    "government",
    "militant",
    "network",
    "funding",
    "recruits",
    "leadership",
    "commander",
    "district",
    "report",
    "analysts",
    "warned",
    "claimed",
    "suicide",
    "bombing",
    "mosque",
    "checkpoint",
    "convoy",
    "airstrike",
    "ministry",
    "interior",
    "foreign",
    "talks",
    "delegation",
    "envoy",
    "sanctions",
    "economy",
    "aid",
    "trade",
)


def _paragraph(rng: random.Random, n: int = 60) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."


def _doc(title: str, paragraphs: list[str]) -> Document:
    body = "\n\n".join(paragraphs)
    return Document(id=document_id(title, body), title=title, body=body)


def test_exact_duplicates_and_edited_reprints_share_a_story() -> None:
    rng = random.Random(1)
    paras = [_paragraph(rng) for _ in range(8)]
    original = _doc("Original headline", paras)
    same_text_new_title = _doc("Another headline", paras)
    edited = [*paras[:6], paras[6].replace("taliban", "Taliban movement", 1) + " Added."]
    reprint = _doc("Reprint headline", edited)
    unrelated = _doc("Unrelated", [_paragraph(random.Random(99)) for _ in range(8)])
    result = cluster([original, unrelated, same_text_new_title, reprint])
    story = result.stories[0]
    assert story.document_ids == (original.id, same_text_new_title.id, reprint.id)
    assert story.canonical_id == original.id
    assert story.title == "Original headline"
    assert story.differing[same_text_new_title.id] == ()
    assert story.differing[reprint.id] == (6,)
    assert result.story_of[unrelated.id] != story.id
    assert set(result.story_of) == {original.id, unrelated.id, same_text_new_title.id, reprint.id}


def test_a_cut_reprint_with_merged_paragraphs_is_found_and_has_no_false_differences() -> None:
    rng = random.Random(2)
    paras = [_paragraph(rng) for _ in range(10)]
    cut = _doc("Cut", [paras[0] + " " + paras[1], paras[2], paras[3]])
    full = _doc("Full", paras)
    result = cluster([full, cut])
    (story,) = result.stories
    assert story.differing == {cut.id: ()}


def test_short_documents_cluster_only_with_near_copies() -> None:
    a = _doc("A", ["Kabul airport attack kills dozens."])
    b = _doc("B", ["Kabul airport attack kills dozens"])
    c = _doc("C", ["Trade talks resume in Doha."])
    result = cluster([a, b, c])
    assert result.story_of[a.id] == result.story_of[b.id] != result.story_of[c.id]


def test_story_ids_are_stable_when_a_reprint_arrives_later() -> None:
    rng = random.Random(3)
    paras = [_paragraph(rng) for _ in range(5)]
    original = _doc("O", paras)
    first = cluster([original]).story_of[original.id]
    later = cluster([original, _doc("R", paras[:4])]).story_of[original.id]
    assert first == later == make_story([original]).id


def test_many_unrelated_documents_stay_apart() -> None:
    rng = random.Random(4)
    docs = [_doc(f"D{i}", [_paragraph(rng, 80) for _ in range(3)]) for i in range(300)]
    result = cluster(docs)
    assert len(result.stories) == 300
