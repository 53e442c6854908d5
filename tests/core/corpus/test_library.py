from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from briefreader.corpus.library import Library, open_library
from briefreader.domain import PARAGRAPH_SEPARATOR
from briefreader.paths import DataPaths

MOJIBAKE = ("‚Äô", "‚Äú", "‚Äù", "‚Äì", "‚Äî", "¬†", "√°")


def test_seed_import_gives_clean_separate_deduplicated_articles(seeded) -> None:
    library, report = seeded
    docs = library.documents()
    # 000 holds 5 articles, 004 holds those 5 again (identical once repaired) plus 2.
    assert len(docs) == 10
    assert len(report.added) == 10 and report.files_read == 5
    assert len(report.documents) == 10  # every id found, each once
    corpus = "\n".join(
        PARAGRAPH_SEPARATOR.join([d.title, d.standfirst, d.body, *d.footnotes]) for d in docs
    )
    for bad in MOJIBAKE:
        assert bad not in corpus
    for good in ("’", "“", "”", "–", "—"):
        assert good in corpus
    assert all(d.story_id for d in docs)
    assert all(d.source and Path(d.source).is_absolute() for d in docs)
    pine = next(d for d in docs if d.title.startswith("Why Is Beijing"))
    assert "mojibake:mac_roman" in pine.repairs
    assert [Path(p).name[:3] for p in library.sources(pine.id)] == ["000", "004"]


def test_seed_stories_fold_the_reprint_and_say_which_paragraphs_differ(seeded) -> None:
    library, _ = seeded
    stories = library.stories()
    assert len(stories) == 9
    by_title = {d.title: d for d in library.documents()}
    telegraph = by_title[
        "Isis-K has struck a massive blow at its two main enemies – the West and the Taliban"
    ]
    reprint = by_title["IS-K attack reveals Taliban’s vulnerability"]
    assert telegraph.story_id == reprint.story_id
    story = library.story(telegraph.story_id)
    assert story is not None
    assert story.document_ids == (telegraph.id, reprint.id)
    differing = story.differing[reprint.id]
    assert differing  # light edits: organisation/organization, Isis-K/IS-K …
    assert all(0 <= i < len(reprint.paragraphs) for i in differing)
    pine = next(s for s in stories if s.title.startswith("Why Is Beijing"))
    (pine_id,) = pine.document_ids  # the exact duplicate in 004 is the same document …
    assert [Path(p).name[:3] for p in pine.sources[pine_id]] == ["000", "004"]  # … in 2 files
    others = [s for s in stories if s.id != story.id]
    assert all(len(s.document_ids) == 1 for s in others)


def test_documents_keep_original_bytes_and_cleaned_text(seeded, seeds: Path) -> None:
    library, _ = seeded
    doc = next(d for d in library.documents() if d.source.endswith(".txt"))
    assert library.original_bytes(doc.id) == Path(doc.source).read_bytes()
    assert library.get(doc.id) == doc
    assert library.get("0000000000000000") is None


def test_importing_the_same_folder_twice_adds_nothing(library: Library, seeds: Path) -> None:
    first = library.import_paths([seeds])
    before = library.documents()
    again = library.import_paths([seeds])
    assert again.added == () and again.new_versions == ()
    assert set(again.unchanged) == set(first.added)
    assert not again.changed and again.stories_changed == ()
    assert library.documents() == before


def test_a_changed_file_becomes_a_new_version(library: Library, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    paras = [
        "Kabul attack raises fears",
        "Officials said the attack on the ministry killed twelve people and wounded dozens, "
        "in the deadliest strike on the capital this year.",
        "The group claimed responsibility within hours, according to its news agency.",
    ]
    article.write_text("\n\n".join(paras), encoding="utf-8")
    first = library.import_paths([article])
    (old_id,) = first.added
    article.write_text("\n\n".join([*paras, "A later paragraph added by the editors."]))
    second = library.import_paths([article])
    assert second.added == ()
    (new_id,) = second.new_versions
    assert second.superseded == (old_id,)
    assert [d.id for d in library.documents()] == [new_id]
    new = library.get(new_id)
    old = library.get(old_id)
    assert new is not None and old is not None
    assert (old.version, new.version) == (1, 2)
    assert [d.id for d in library.versions(old_id)] == [old_id, new_id]
    assert old.body in new.body  # offsets into the old version stay valid in the old one
    # Reverting the file brings the first version back as the current one.
    article.write_text("\n\n".join(paras), encoding="utf-8")
    third = library.import_paths([article])
    assert third.new_versions == (old_id,) and third.superseded == (new_id,)
    assert [d.id for d in library.documents()] == [old_id]


def test_first_run_seeds_only_an_empty_library(data_paths: DataPaths, seeds: Path) -> None:
    library = open_library(data_paths)
    try:
        assert len(library.documents()) == 10
        assert library.ensure_seeded(seeds) is None
    finally:
        library.close()
    unseeded = DataPaths.at(data_paths.root / "other").ensure()
    library = open_library(unseeded, seed=False)
    try:
        assert library.documents() == []
    finally:
        library.close()


def test_the_library_persists_and_reopens(data_paths: DataPaths, seeds: Path) -> None:
    with Library.open(data_paths.library_db) as library:
        library.import_paths([seeds])
        docs = library.documents()
        stories = library.stories()
    with Library.open(data_paths.library_db) as library:
        assert library.documents() == docs
        assert library.stories() == stories
    with sqlite3.connect(data_paths.library_db) as raw:
        (count,) = raw.execute("SELECT COUNT(*) FROM files").fetchone()
    assert count == 5


def test_import_on_a_worker_thread_while_another_thread_reads(
    library: Library, seeds: Path
) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def importer() -> None:
        try:
            library.import_paths([seeds])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=importer)
    worker.start()
    while not done.is_set():
        for doc in library.documents():
            assert doc.id
        library.stories()
    worker.join(timeout=60)
    assert not errors
    assert len(library.documents()) == 10


def test_progress_reports_every_file(library: Library, seeds: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    library.import_paths(
        [seeds], progress=lambda done, total, path: calls.append((done, total, path))
    )
    assert [c[0] for c in calls] == [1, 2, 3, 4, 5]
    assert all(c[1] == 5 for c in calls)


def test_a_new_version_keeps_its_article_s_place_in_the_list(
    library: Library, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    body = "The ministry said the convoy was attacked near the border on Monday morning."
    first.write_text(f"First article\n\n{body}")
    second.write_text(f"Second article\n\n{body.replace('Monday', 'Tuesday')} Unrelated.")
    library.import_paths([first, second])
    first.write_text(f"First article\n\n{body} A correction was appended.")
    report = library.import_paths([first])
    assert [d.title for d in library.documents()] == ["First article", "Second article"]
    assert library.documents()[0].id == report.new_versions[0]
