"""The per-document counts: right, complete, kept in step with imports and the gazetteer."""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from pathlib import Path

from briefreader.analysis.counts import Counts
from briefreader.analysis.opening import counts_path, open_counts, sync_counts
from briefreader.analysis.tally import tally_document
from briefreader.corpus.library import Library, open_library
from briefreader.domain import Document
from briefreader.entities import Matcher, load_gazetteer
from briefreader.entities.cache import fingerprint

from .conftest import Built, Spec, set_dates, write_file


def stored(counts: Counts, doc_id: str) -> dict[tuple[str, str], tuple[int, int, dict[str, int]]]:
    """(kind, name) -> (mentions, paragraph mask, spellings) as the tables hold them."""
    rows = counts.read(
        "SELECT e.kind, e.canonical, c.mentions, c.paragraphs, c.entity, c.doc "
        "FROM analysis_counts c JOIN analysis_entities e ON e.id = c.entity "
        "JOIN analysis_docs d ON d.n = c.doc WHERE d.doc_id = ?",
        (doc_id,),
    )
    out = {}
    for kind, name, mentions, blob, entity, n in rows:
        spellings = dict(
            counts.read(
                "SELECT surface, mentions FROM analysis_spellings WHERE doc = ? AND entity = ?",
                (n, entity),
            )
        )
        out[(kind, name)] = (mentions, int.from_bytes(blob, "little"), spellings)
    return out


def test_a_tally_counts_title_and_body_and_knows_the_paragraphs(matcher: Matcher) -> None:
    doc = Document(
        id="x",
        title="ISIS-K and the Taliban",
        standfirst="Kabul, Afghanistan",
        body="The Taliban met.\n\nISKP struck in Afghanistan.\n\nIslamic State\nKhorasan Province",
    )
    tally = tally_document(doc, matcher.find)
    isk = tally.entities[("group", "Islamic State Khorasan Province")]
    assert isk.mentions == 3
    assert isk.paragraphs == 0b110  # paragraphs 2 and 3, not the title
    assert isk.spellings == Counter({"ISIS-K": 1, "ISKP": 1, "Islamic State Khorasan Province": 1})
    taliban = tally.entities[("group", "Taliban")]
    assert (taliban.mentions, taliban.paragraphs) == (2, 0b1)
    afghanistan = tally.entities[("country", "Afghanistan")]
    assert (afghanistan.mentions, afghanistan.paragraphs) == (2, 0b10)
    assert tally.paragraph_count == 3
    assert tally.mentions == sum(t.mentions for t in tally.entities.values())


def test_every_current_document_is_counted_as_its_text_says(built: Built) -> None:
    documents = built.library.documents()
    assert len(documents) == 5
    for doc in documents:
        expected = tally_document(doc, built.matcher.find)
        got = stored(built.counts, doc.id)
        assert got == {
            key: (t.mentions, t.paragraphs, dict(t.spellings))
            for key, t in expected.entities.items()
        }
    assert built.counts.counted() == {doc.id for doc in documents}


def test_documents_are_placed_on_their_date_or_their_import_day(built: Built) -> None:
    facts = {f.doc_id: f for f in built.counts.documents().values()}
    doha = facts[built.ids["doha"]]
    assert (doha.day, doha.dated, doha.imported) == ("2024-01-08", True, "2024-01-09T08:00:00")
    undated = facts[built.ids["undated"]]
    assert (undated.day, undated.dated) == ("2024-06-03", False)


def test_a_second_sync_does_nothing(built: Built) -> None:
    report = sync_counts(built.counts, built.library, built.matcher)
    assert not report.changed


def test_a_sync_notices_an_import_made_through_another_connection(built: Built) -> None:
    """The window's counts stay open while the CLI (another connection) imports."""
    assert not sync_counts(built.counts, built.library, built.matcher).changed
    other = Library.open(built.paths.library_db)
    try:
        other.import_paths([write_file(built.folder, Spec("cli", "CLI", ("Hamas in Gaza.",)))])
    finally:
        other.close()
    assert sync_counts(built.counts, built.library, built.matcher).added == 1
    assert not sync_counts(built.counts, built.library, built.matcher).changed


def test_an_import_adds_only_its_documents(built: Built) -> None:
    before = built.counts.documents()
    built.add(Spec("later", "Later", ("Al-Shabaab struck in Somalia.",), date="2024-05-05"))
    after = built.counts.documents()
    assert {f.doc_id for f in after.values()} - {f.doc_id for f in before.values()} == {
        built.ids["later"]
    }
    assert all(after[n] == fact for n, fact in before.items())


def test_a_changed_file_replaces_the_old_versions_counts(built: Built) -> None:
    old = built.ids["kabul"]
    changed = Spec("kabul", "Blast in Kabul", ("Al-Qaeda, not ISKP, was blamed in Kabul.",))
    built.add(changed)
    new = built.ids["kabul"]
    assert new != old
    ids = {f.doc_id for f in built.counts.documents().values()}
    assert new in ids and old not in ids
    assert ("group", "al-Qaeda") in stored(built.counts, new)
    rows = built.counts.read(
        "SELECT COUNT(*) FROM analysis_counts WHERE doc NOT IN (SELECT n FROM analysis_docs)"
    )
    assert rows[0][0] == 0


def test_a_date_found_later_moves_the_document(built: Built) -> None:
    set_dates(built.paths.library_db, [Spec("undated", "", (), date="2023-12-30")])
    report = sync_counts(built.counts, built.library, built.matcher)
    assert report.redated == 1 and not report.added
    fact = next(f for f in built.counts.documents().values() if f.doc_id == built.ids["undated"])
    assert (fact.day, fact.dated) == ("2023-12-30", True)


def test_a_gazetteer_change_recounts_everything(built: Built, tmp_path: Path) -> None:
    user = tmp_path / "gazetteer.toml"
    user.write_text('group = [{ canonical = "Pine Nut Cartel", aliases = ["Traders"] }]\n')
    gazetteer = load_gazetteer(user)
    assert fingerprint(gazetteer) != fingerprint(built.matcher.gazetteer)
    report = sync_counts(built.counts, built.library, Matcher(gazetteer))
    assert report.rebuilt and report.added == 5
    assert ("group", "Pine Nut Cartel") in stored(built.counts, built.ids["quiet"])
    assert built.counts.entity_id(("group", "Pine Nut Cartel")) is not None


def test_two_counters_at_once_count_each_document_once(built: Built) -> None:
    """Two connections (the window and a CLI command) syncing the same import together."""
    specs = [Spec(f"extra{i}", f"Extra {i}", (f"Hamas in Gaza {i}.",)) for i in range(5)]
    built.library.import_paths([write_file(built.folder, spec) for spec in specs])
    arrived: set[int] = set()
    both = threading.Condition()

    def find_together(text: str) -> list:
        me = threading.get_ident()
        with both:
            if me not in arrived:  # first call: both have listed the same documents
                arrived.add(me)
                both.notify_all()
                assert both.wait_for(lambda: len(arrived) == 2, timeout=30)
        return built.matcher.find(text)

    fp = fingerprint(built.matcher.gazetteer)
    other = Counts.open(counts_path(built.paths))
    reports: list = []
    try:
        threads = [
            threading.Thread(
                target=lambda c=c: reports.append(c.sync(built.library, find_together, fp))
            )
            for c in (other, built.counts)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()
    assert sum(r.added for r in reports) == 5
    rows = built.counts.read("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM analysis_docs")
    assert rows[0][0] == rows[0][1] == 10
    slots = built.counts.read("SELECT slot, pbytes FROM analysis_docs ORDER BY slot")
    assert all(a[0] + a[1] <= b[0] for a, b in itertools.pairwise(slots))


def test_open_counts_seeds_a_fresh_data_directory_and_counts_it(data_paths) -> None:
    opened = open_counts(data_paths)
    with opened.counts as counts:
        assert opened.sync.rebuilt and opened.sync.added >= 5
        with open_library(data_paths, seed=False) as library:
            assert counts.counted() == {doc.id for doc in library.documents()}
        assert counts.entity_id(("group", "Taliban")) is not None
