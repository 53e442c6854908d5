"""Scoring a split against what a compilation page holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefreader.corpus.parse import parse_bytes
from tests.core.corpus.compilations.pages import Page


@dataclass
class Score:
    pages: int = 0
    pages_exact: int = 0  # pages split into exactly as many documents as they hold articles
    wanted: int = 0
    produced: int = 0
    titles: int = 0  # wanted articles found with exactly their title
    authors: int = 0  # ... and with exactly their author(s)
    dates: int = 0  # ... and with exactly their date
    misses: list[str] = field(default_factory=list)

    def add(self, page: Page) -> None:
        docs = parse_bytes(page.data(), fmt=page.fmt, name=f"{page.name}.x").documents
        self.pages += 1
        self.wanted += len(page.want)
        self.produced += len(docs)
        if len(docs) == len(page.want):
            self.pages_exact += 1
        else:
            self.misses.append(f"{page.name}: {len(docs)} documents for {len(page.want)}")
        by_title = {doc.title: doc for doc in docs}
        for want in page.want:
            doc = by_title.get(want.title)
            if doc is None:
                self.misses.append(f"{page.name}: no title {want.title!r}")
                continue
            self.titles += 1
            if doc.author == want.author:
                self.authors += 1
            else:
                self.misses.append(f"{page.name}: author {doc.author!r} for {want.author!r}")
            if doc.date == want.date:
                self.dates += 1
            else:
                self.misses.append(f"{page.name}: date {doc.date!r} for {want.date!r}")

    def line(self) -> str:
        return (
            f"{self.pages_exact}/{self.pages} pages split exactly, {self.produced} documents "
            f"for {self.wanted} articles; titles {self.titles}/{self.wanted}, authors "
            f"{self.authors}/{self.wanted}, dates {self.dates}/{self.wanted}"
        )


def score(pages: tuple[Page, ...]) -> Score:
    result = Score()
    for page in pages:
        result.add(page)
    return result
