"""Search state and engine for the window: stale answers dropped, hits counted, hostile queries."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.control.search_engine import SearchEngine, read_note_infos
from briefreader.control.searching import (
    LocalHit,
    ResultRow,
    SearchOutcome,
    SearchState,
    locate,
)
from briefreader.domain import Document, Hit
from briefreader.search.indexer import update_index
from briefreader.search.sources import gazetteer_fingerprint, load_matcher, make_tagger
from briefreader.store import Store
from briefreader.store.notes import NoteTarget


def doc(doc_id: str, title: str, *paragraphs: str) -> Document:
    return Document(id=doc_id, title=title, body="\n\n".join(paragraphs))


KABUL = doc(
    "kabul",
    "Kabul airport bombing",
    "The ISK claimed the attack on Kabul airport.",
    "Several attacks followed in Jalalabad; IS-K said it attacked again.",
    "Nothing to see.",
)
REGION = doc("region", "A threat to the region", "Isis-K poses a threat to Pakistan.")
NUTS = doc("nuts", "Pine nuts", "China buys pine nuts from Afghanistan.")
DOCS = (KABUL, REGION, NUTS)


# -- locate ----------------------------------------------------------------------------


def test_locate_gives_paragraph_relative_hits_and_cuts_at_paragraph_breaks() -> None:
    body = KABUL.body
    second = body.index("Several")
    spans = [(body.index("attack"), body.index("attack") + 6), (second, second + 7)]
    hits = locate(KABUL, spans)
    start = KABUL.paragraphs[0].index("attack")
    assert hits == (LocalHit(0, start, start + 6), LocalHit(1, 0, 7))
    assert KABUL.paragraphs[0][hits[0].start : hits[0].end] == "attack"
    # A span running over a paragraph break is cut into one hit per paragraph.
    end_first = len(KABUL.paragraphs[0])
    across = locate(KABUL, [(end_first - 8, second + 7)])
    assert [h.paragraph for h in across] == [0, 1]
    assert across[0].end == end_first and across[1].start == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 140), st.integers(1, 30)), max_size=8))
def test_locate_never_leaves_its_paragraph(spans) -> None:
    pairs = [(s, min(s + n, len(KABUL.body))) for s, n in spans if s < len(KABUL.body)]
    for hit in locate(KABUL, pairs):
        paragraph = KABUL.paragraphs[hit.paragraph]
        assert 0 <= hit.start < hit.end <= len(paragraph)


# -- state -----------------------------------------------------------------------------


def row(doc_id: str, rank: int, kind: str = "document") -> ResultRow:
    return ResultRow(Hit(doc_id, doc_id, 1.0 / rank, hit_count=2), rank, kind, doc_id, doc_id)


def outcome(query: str, *ids: str, total: int | None = None) -> SearchOutcome:
    rows = tuple(row(i, n) for n, i in enumerate(ids, 1))
    return SearchOutcome(query, rows, total if total is not None else len(rows), plan=object())


def test_only_the_latest_answer_is_shown() -> None:
    state = SearchState()
    first = state.request("kab")
    second = state.request("kabul")
    assert first is not None and second is not None and first != second
    stale = state.accept(first, outcome("kab", "nuts"))
    assert not (stale.results or stale.marks or stale.message)  # dropped
    assert state.outcome is None
    fresh = state.accept(second, outcome("kabul", "kabul", "region"))
    assert fresh.results and state.query == "kabul"
    assert [r.doc_id for r in state.rows] == ["kabul", "region"]
    assert state.request("kabul ") is None  # the same query is not asked twice
    assert state.request("kabul", again=True) is not None  # unless the index changed


def test_an_error_answer_shows_its_message_and_no_marks() -> None:
    state = SearchState()
    token = state.request('"')
    assert token is not None
    changes = state.accept(token, SearchOutcome('"', error="cannot search: no words"))
    assert changes.results
    assert not state.active and state.rows == []
    assert state.summary() == "cannot search: no words"
    assert state.counter() == ""


def test_clearing_makes_running_queries_stale() -> None:
    state = SearchState()
    token = state.request("kabul")
    assert token is not None
    cleared = state.clear()
    assert not cleared.results  # nothing was shown yet
    assert not state.accept(token, outcome("kabul", "kabul")).results
    assert state.outcome is None
    assert state.request("kabul") is not None  # asking again after a clear works


def test_filters_narrow_the_rows_and_the_summary_says_so() -> None:
    state = SearchState()
    token = state.request("afghanistan")
    assert token is not None
    state.accept(token, outcome("afghanistan", "kabul", "region", "nuts", total=120))
    assert state.summary().startswith("120 matches (best 3 listed)")
    changes = state.set_visible({"kabul", "nuts"})
    assert changes.results
    assert [r.doc_id for r in state.rows] == ["kabul", "nuts"]
    assert "1 hidden by the filters" in state.summary()
    assert state.row_for("nuts") == 1 and state.row_for("region") is None
    assert not state.set_visible(["nuts", "kabul"]).results  # the same filter: no redraw


def test_hits_step_with_a_counter_and_wrap() -> None:
    state = SearchState()
    token = state.request("attack")
    assert token is not None
    state.accept(token, outcome("attack", "kabul"))
    hits = [LocalHit(0, 4, 10), LocalHit(1, 0, 7), LocalHit(1, 20, 27), LocalHit(3, 1, 5)]
    state.set_hits("kabul", hits)
    assert state.counter() == "–/4"
    moved = state.step_hit(1, paragraph=1)  # from the cursor's paragraph
    assert moved.current and moved.paragraph == 1 and state.counter() == "2/4"
    state.step_hit(1, paragraph=0)
    assert state.counter() == "3/4"
    state.step_hit(1, paragraph=0)
    last = state.step_hit(1, paragraph=0)
    assert state.counter() == "1/4" and "wrapped to the top" in last.message
    back = state.step_hit(-1, paragraph=0)
    assert state.counter() == "4/4" and "wrapped to the bottom" in back.message
    # Focus mode shows paragraphs 1 only: the others are skipped.
    state.current = -1
    state.step_hit(1, paragraph=0, shown=[1])
    assert state.hits[state.current].paragraph == 1
    assert "no matches in the paragraphs shown" in state.step_hit(1, 0, shown=[2]).message
    assert state.first_hit().paragraph == 0 and state.counter() == "1/4"


def test_no_search_and_no_hits_say_why() -> None:
    state = SearchState()
    assert "press /" in state.step_hit(1, 0).message
    assert isinstance(state.step_document("kabul", 1), type(state.clear()))
    token = state.request("attack")
    assert token is not None
    state.accept(token, outcome("attack", "kabul"))
    state.set_hits("kabul", [])
    assert state.step_hit(1, 0).message == "no matches in this document"
    assert state.counter() == "–/0"


def test_documents_with_hits_step_in_rank_order() -> None:
    state = SearchState()
    token = state.request("k")
    assert token is not None
    state.accept(token, outcome("k", "region", "kabul", "nuts"))
    assert state.step_document(None, 1) == "region"
    assert state.step_document("region", 1) == "kabul"
    assert state.step_document("kabul", -1) == "region"
    end = state.step_document("nuts", 1)
    assert not isinstance(end, str) and "last document" in end.message
    assert state.step_document("somewhere-else", -1) == "nuts"


def test_another_document_forgets_the_hits_until_they_arrive() -> None:
    state = SearchState()
    token = state.request("attack")
    assert token is not None
    state.accept(token, outcome("attack", "kabul"))
    state.set_hits("kabul", [LocalHit(0, 1, 2)])
    assert not state.forget_document("kabul").marks  # the same document: hits kept
    assert state.hits
    assert state.hits_known
    changes = state.forget_document("region")
    assert changes.marks and state.hits == () and state.doc_id == "region"
    assert not state.hits_known  # not "no hits": not known yet
    state.set_hits("region", [])
    assert state.hits_known and not state.hits  # now it is known: none in the text


# -- engine over a real index ----------------------------------------------------------


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    from briefreader.paths import DataPaths

    paths = DataPaths.at(tmp_path_factory.mktemp("search-engine")).ensure()
    with Store.open(paths) as store:
        store.save_note(NoteTarget.document("kabul"), "Ask the desk about the Jalalabad follow-up.")
        store.save_note(NoteTarget.memo(), "Weekly memo: watch Jalalabad.")
        notes = list(store.iter_notes())
    matcher = load_matcher(paths)
    update_index(
        paths.index_dir,
        DOCS,
        make_tagger(matcher.find),
        notes=notes,
        fingerprint=gazetteer_fingerprint(paths),
        procs=1,
    )
    engine = SearchEngine(paths)
    engine.set_documents(DOCS)
    yield engine
    engine.close()


def test_any_spelling_finds_every_other(indexed) -> None:
    result = indexed.run("ISIL-K")
    assert not result.error
    assert {r.doc_id for r in result.rows} >= {"kabul", "region"}
    assert "nuts" not in {r.doc_id for r in result.rows}
    first = result.rows[0]
    assert first.rank == 1 and first.label in {KABUL.title, REGION.title}
    assert first.hit.snippets and first.hit.marks[0]
    text, marks = first.hit.snippets[0], first.hit.marks[0]
    assert all(0 <= s < e <= len(text) for s, e in marks)


def test_document_hits_mark_stemmed_words_and_entities(indexed) -> None:
    result = indexed.run("attack")
    hits = indexed.document_hits(result.plan, KABUL)
    words = [KABUL.paragraphs[h.paragraph][h.start : h.end].lower() for h in hits]
    assert words == ["attack", "attacks", "attacked"]
    alias = indexed.run("ISKP")
    marked = indexed.document_hits(alias.plan, KABUL)
    assert {KABUL.paragraphs[h.paragraph][h.start : h.end] for h in marked} >= {"ISK", "IS-K"}
    assert indexed.document_hits(None, KABUL) == ()


def test_note_hits_name_their_document(indexed) -> None:
    result = indexed.run("Jalalabad")
    notes = [r for r in result.rows if r.kind == "note"]
    assert {r.label for r in notes} == {f"Note on {KABUL.title}", "Note: the memo"}
    on_doc = next(r for r in notes if r.doc_id)
    assert on_doc.doc_id == "kabul"
    infos = read_note_infos(indexed.paths)
    assert {i.target for i in infos.values()} == {"document", "memo"}


@pytest.mark.parametrize(
    "query",
    [
        "NOT NOT x",
        "(" * 1000 + "kabul" + ")" * 1000,
        '"',
        "kabul " * 1700,
        "***",
        "title:",
        "group:(",
        "\x00\ufffe",
        "kabul~99999",
        "*a*",
    ],
)
def test_hostile_queries_never_raise(indexed, query) -> None:
    result = indexed.run(query)
    assert isinstance(result, SearchOutcome)
    if result.error:
        assert "\n" not in result.error and len(result.error) <= 160
    else:
        assert result.total >= 0


def test_without_an_index_search_says_so(data_paths) -> None:
    engine = SearchEngine(data_paths)
    try:
        result = engine.run("kabul")
        assert not result.error and result.rows == ()
        assert "not built" in result.notice
    finally:
        engine.close()


@pytest.mark.parametrize(
    ("query", "says"), [("titl:china", "did you mean title:?"), ('"pine nuts', "never closed")]
)
def test_a_slip_in_the_query_is_said_in_the_search_bar(indexed, query, says) -> None:
    """Not "0 matches": the search bar's one line says what is wrong and what to type."""
    outcome = indexed.run(query)
    assert outcome.error and says in outcome.error and not outcome.rows
    state = SearchState()
    token = state.request(query)
    assert token is not None
    state.accept(token, outcome)
    assert says in state.summary()
