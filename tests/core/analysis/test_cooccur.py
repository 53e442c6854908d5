"""The co-mention table, checked cell by cell against a brute-force count over the texts."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import product
from pathlib import Path

import pytest

from briefreader.analysis.bitsets import set_bits
from briefreader.analysis.cooccur import documents_behind, matrix
from briefreader.analysis.counts import Counts
from briefreader.analysis.opening import sync_counts
from briefreader.analysis.scope import Scope
from briefreader.corpus.library import Library
from briefreader.domain import Document
from briefreader.entities import Matcher
from briefreader.paths import seeds_dir

from .conftest import Built

ISKP = ("group", "Islamic State Khorasan Province")
TALIBAN = ("group", "Taliban")
PAKISTAN = ("country", "Pakistan")
AFGHANISTAN = ("country", "Afghanistan")


def brute_force(documents: list[Document], matcher: Matcher) -> tuple[Counter, Counter]:
    """Pair counts per document and per paragraph, straight from the text."""
    per_doc: Counter = Counter()
    per_paragraph: Counter = Counter()
    for doc in documents:
        named = set()
        for part in (doc.title, doc.standfirst):
            named |= {(m.kind, m.canonical) for m in matcher.find(part)}
        mentions = matcher.find(doc.body)
        spans = doc.paragraph_spans()
        for start, end in spans:
            here = {(m.kind, m.canonical) for m in mentions if start <= m.start < end}
            named |= here
            per_paragraph.update((a, b) for a, b in product(here, here) if a != b)
        per_doc.update((a, b) for a, b in product(named, named) if a != b)
    return per_doc, per_paragraph


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, matcher: Matcher):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("seeded") / "library.sqlite3"
    library = Library.open(db)
    library.import_paths([seeds_dir()])
    counts = Counts.open(db.with_name("counts.sqlite3"))
    sync_counts(counts, library, matcher)
    yield library, counts
    counts.close()
    library.close()


@pytest.mark.parametrize("count_by", ["document", "paragraph"])
@pytest.mark.parametrize(("rows", "columns"), [("group", "country"), ("group", "group")])
def test_every_cell_matches_the_brute_force_count(
    seeded, matcher: Matcher, count_by: str, rows: str, columns: str
) -> None:
    library, counts = seeded
    per_doc, per_paragraph = brute_force(library.documents(), matcher)
    expected = per_doc if count_by == "document" else per_paragraph
    table = matrix(counts, rows, columns, count_by=count_by, limit=8)  # type: ignore[arg-type]
    assert len(table.rows) == 8 and len(table.columns) == 8
    assert table.documents == len(library.documents())
    checked = 0
    for r, row in enumerate(table.rows):
        for c, column in enumerate(table.columns):
            value = table.cells[r][c]
            if row.entity == column.entity:
                assert value is None
            else:
                assert value == expected[(row.entity, column.entity)], (row, column)
                checked += value > 0
    assert checked > 10  # the seeds name enough pairs for this to mean something


def test_groups_by_groups_is_symmetric(seeded) -> None:
    _, counts = seeded
    table = matrix(counts, "group", "group", limit=6)
    assert [r.entity for r in table.rows] == [c.entity for c in table.columns]
    for r in range(6):
        for c in range(6):
            assert table.cells[r][c] == table.cells[c][r]


def test_cells_behind_open_into_their_documents(shared: Built) -> None:
    counts = shared.counts
    both = documents_behind(counts, ISKP, PAKISTAN)
    assert both == [shared.ids["doha"], shared.ids["kabul"]]
    # Per paragraph, only Doha names them together; Kabul names Pakistan two paragraphs on.
    assert documents_behind(counts, ISKP, PAKISTAN, count_by="paragraph") == [shared.ids["doha"]]
    table = matrix(counts, [ISKP, TALIBAN], [PAKISTAN, AFGHANISTAN], count_by="paragraph")
    assert table.cells == ((1, 1), (1, 0))
    assert documents_behind(counts, ISKP, ("group", "Hamas")) == []


def test_a_scope_counts_only_its_documents(shared: Built) -> None:
    counts = shared.counts
    table = matrix(counts, [ISKP], [PAKISTAN, AFGHANISTAN])
    assert table.cells == ((2, 2),)
    january = Scope(date(2024, 1, 1), date(2024, 1, 31))
    assert matrix(counts, [ISKP], [PAKISTAN, AFGHANISTAN], scope=january).cells == ((2, 1),)
    listed = Scope(doc_ids=frozenset({shared.ids["undated"]}))
    scoped = matrix(counts, [ISKP], [PAKISTAN, AFGHANISTAN], scope=listed)
    assert scoped.cells == ((0, 1),) and scoped.documents == 1
    assert documents_behind(counts, ISKP, AFGHANISTAN, scope=january) == [shared.ids["kabul"]]


def test_named_axes_keep_their_order_and_show_absent_entities(shared: Built) -> None:
    table = matrix(shared.counts, [("group", "Hamas"), ISKP], "country", limit=2)
    assert [r.entity for r in table.rows] == [("group", "Hamas"), ISKP]
    assert table.rows[0].mentions == 0 and table.cells[0] == (0, 0)
    assert table.largest == max(v for row in table.cells for v in row if v is not None)
    assert next(iter(table.nonzero()))[2] == table.largest


def test_bits_lists_every_set_bit() -> None:
    value = (1 << 0) | (1 << 9) | (1 << 64) | (1 << 1000)
    assert set_bits(value) == [0, 9, 64, 1000]
    assert set_bits(0) == []


def test_a_document_without_paragraphs_is_still_counted(tmp_path: Path, matcher: Matcher) -> None:
    db = tmp_path / "library.sqlite3"
    (tmp_path / "t.txt").write_text("Hamas and Israel\n", encoding="utf-8")
    with Library.open(db) as library:
        library.import_paths([tmp_path / "t.txt"])
        counts = Counts.open(tmp_path / "counts.sqlite3")
        sync_counts(counts, library, matcher)
        table = matrix(counts, "group", "country")
        counts.close()
    assert table.documents == 1
    assert table.cells[0][0] == 1
