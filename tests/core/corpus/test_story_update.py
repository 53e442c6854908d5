"""Stories after an import that only adds articles: the same as clustering everything.

An import that only adds new articles puts them in stories without reading
the library again (`corpus.story_update`). Whatever the batches, the stories
must be those `cluster` makes over the whole library: same members, same
first versions and ids, same differing paragraphs, same order.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefreader.corpus import story_update
from briefreader.corpus.cluster import cluster
from briefreader.corpus.library import Library

WORDS = [f"w{n}" for n in range(3000)] + ["Kabul", "ISKP", "Taliban", "Haqqani", "attack"]


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70))) + "."


def _articles(rng: random.Random, count: int) -> list[tuple[str, list[str]]]:
    """New articles, reprints with an edit, partial reprints, merged pieces that bridge
    two stories, short notes and their near-copies, and a boilerplate footer."""
    made: list[tuple[str, list[str]]] = []
    footer = _paragraph(rng)
    for n in range(count):
        kind = rng.random()
        if made and kind < 0.2:  # a reprint with its last paragraph replaced
            title, paragraphs = rng.choice(made)
            made.append((f"{title} (reprint {n})", [*paragraphs[:-1], _paragraph(rng)]))
        elif made and kind < 0.3:  # the first half of an earlier article
            title, paragraphs = rng.choice(made)
            made.append((f"{title} (excerpt {n})", paragraphs[: max(2, len(paragraphs) // 2)]))
        elif len(made) > 2 and kind < 0.37:  # two earlier articles run together
            (_, pa), (_, pb) = rng.sample(made, 2)
            made.append((f"roundup {n}", [*pa, *pb]))
        elif kind < 0.47:  # a short note, sometimes again with one word changed
            words = [rng.choice(WORDS) for _ in range(rng.randint(4, 9))]
            made.append((f"note {n}", [" ".join(words)]))
            if rng.random() < 0.5:
                made.append((f"note {n} again", [" ".join([*words[:-1], "Kabul"])]))
        else:
            body = [_paragraph(rng) for _ in range(rng.randint(2, 7))]
            made.append((f"article {n}", body + ([footer] if rng.random() < 0.3 else [])))
    return made


def _write(folder: Path, articles: list[tuple[str, list[str]]], start: int) -> None:
    folder.mkdir(parents=True)
    for n, (title, paragraphs) in enumerate(articles, start=start):
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")


def _stories(library: Library) -> list[tuple[str, str, tuple[str, ...], dict]]:
    return [(s.id, s.title, s.document_ids, s.differing) for s in library.stories()]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_batches_of_new_articles_make_the_stories_clustering_all_makes(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    articles = _articles(rng, 160)
    calls = {"incremental": 0}
    real = story_update.add_to_stories

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        calls["incremental"] += result is not None
        return result

    monkeypatch.setattr("briefreader.corpus.library.add_to_stories", counting)
    with Library.open(tmp_path / "library.sqlite3") as library:
        done = 0
        batch = 0
        while done < len(articles):
            size = rng.choice([1, 1, 2, 5, 20, 40])
            _write(tmp_path / f"batch{batch}", articles[done : done + size], done)
            report = library.import_paths([tmp_path / f"batch{batch}"])
            assert report.added
            done, batch = done + size, batch + 1
            documents = library.documents()
            whole = cluster(documents)
            expected = [(s.id, s.title, s.document_ids, s.differing) for s in whole.stories]
            assert _stories(library) == expected, f"after batch {batch}"
            assert {d.id: d.story_id for d in documents} == whole.story_of
        assert calls["incremental"] == batch  # every batch, the first into an empty library too
        merged = [s for s in library.stories() if len(s.document_ids) > 2]
        assert merged, "the corpus should make stories of three versions and more"


def test_a_new_version_clusters_everything_again(tmp_path: Path) -> None:
    rng = random.Random(9)
    folder = tmp_path / "reports"
    _write(folder, _articles(rng, 30), 0)
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.import_paths([folder])
        changed = folder / "0003.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nA new paragraph.\n", "utf-8")
        report = library.import_paths([folder])
        assert report.new_versions
        whole = cluster(library.documents())
        expected = [(s.id, s.title, s.document_ids, s.differing) for s in whole.stories]
        assert _stories(library) == expected


def test_a_boilerplate_footer_joins_nothing(tmp_path: Path) -> None:
    """A footer in more than MAX_POSTING documents is no evidence: briefs that share only
    it stay apart, in a later batch too (they would otherwise be half footer)."""
    rng = random.Random(5)
    footer = _paragraph(rng)
    briefs = [(f"brief {n}", [" ".join(rng.sample(WORDS, 30)), footer]) for n in range(70)]
    with Library.open(tmp_path / "library.sqlite3") as library:
        _write(tmp_path / "first", briefs[:60], 0)
        library.import_paths([tmp_path / "first"])
        _write(tmp_path / "later", briefs[60:], 60)
        library.import_paths([tmp_path / "later"])
        assert len(library.stories()) == 70
        whole = cluster(library.documents())
        assert _stories(library) == [
            (s.id, s.title, s.document_ids, s.differing) for s in whole.stories
        ]
