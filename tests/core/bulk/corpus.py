"""A corpus of a few hundred HTML reports written by the test: new articles,
reprints with an edited paragraph, and exact copies of a file under another name.

New articles are made of sentences drawn word by word from the seed corpus's
vocabulary (so their text is their own, with the seeds' names of groups and
places in it); a reprint repeats an earlier article with its last paragraph
replaced, as a site reprinting wire copy does.
"""

from __future__ import annotations

import random
from pathlib import Path

from briefreader.corpus.library import Library
from briefreader.paths import seeds_dir


def seed_paragraphs(scratch: Path) -> list[str]:
    with Library.open(scratch / "seed-library.sqlite3") as library:
        library.import_paths([seeds_dir()])
        return sorted({p for d in library.documents() for p in d.paragraphs if len(p) > 60})


def write_corpus(folder: Path, count: int, scratch: Path, seed: int = 11) -> Path:
    words = sorted({w for p in seed_paragraphs(scratch) for w in p.split()})
    rng = random.Random(seed)

    def paragraph() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(35, 80))) + "."

    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, list[str]]] = []
    for n in range(count):
        if n % 7 == 6 and written:  # a reprint of an earlier report, one paragraph changed
            title, body = written[rng.randrange(len(written))]
            body = [*body[:-1], paragraph()]
        else:
            title = f"Report {n}: " + " ".join(rng.choice(words) for _ in range(6))
            body = [paragraph() for _ in range(rng.randint(3, 9))]
        written.append((title, body))
        page = (
            f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "</body></html>"
        )
        (folder / f"report-{n:04d}.html").write_text(page, encoding="utf-8")
        if n % 25 == 24:  # the same file saved twice under another name
            (folder / f"copy-of-report-{n:04d}.html").write_text(page, encoding="utf-8")
    return folder
