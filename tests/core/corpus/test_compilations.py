"""Compilation pages of many layouts: the tuning parts exactly, the blind parts as figures.

The tuning parts are compilations/tuning.py, former_blind.py (the first
blind part, measured once untouched and then used for tuning; its figures
are in its docstring) and blind2.py (the second blind part, frozen at 3/5
pages split exactly, 8 documents for 11 articles, titles 5/11, authors
3/11, dates 5/11, then used for tuning in the third round) and
tuning3.py (written for the fourth round, after blind3.py was frozen) and
newsletters.py (issue lines on newsletter mastheads). compilations/
blind3.py (layouts no other part uses) was written and measured before any
rule was changed for it, and is never tuned to; so was blind4.py (newsletter
mastheads, frozen before the issue-line rules). Their figures are printed
and kept from falling below what was measured, so a change that makes the
splitter worse on pages it has never seen fails here.
"""

from __future__ import annotations

import pytest

from briefreader.corpus.parse import parse_bytes
from tests.core.corpus.compilations import (
    blind2,
    blind3,
    blind4,
    former_blind,
    newsletters,
    tuning,
    tuning3,
)
from tests.core.corpus.compilations.pages import Page
from tests.core.corpus.compilations.score import score


@pytest.mark.parametrize(
    "page",
    tuning.PAGES + former_blind.PAGES + blind2.PAGES + tuning3.PAGES + newsletters.PAGES,
    ids=lambda p: p.name,
)
def test_tuning_pages_split_into_exactly_their_articles(page: Page) -> None:
    docs = parse_bytes(page.data(), fmt=page.fmt, name=f"{page.name}.x").documents
    got = [(d.title, d.author, d.date) for d in docs]
    assert got == [(w.title, w.author, w.date) for w in page.want]


def test_share_buttons_are_never_titles() -> None:
    docs = parse_bytes(tuning.T1.data(), fmt="html").documents
    assert not any(
        word in d.title for d in docs for word in ("Share", "Twitter", "Facebook", "Like")
    )
    assert all("Share this" not in p for d in docs for p in d.paragraphs)


def test_crossheads_stay_inside_their_articles() -> None:
    docs = parse_bytes(tuning.T2.data(), fmt="text").documents
    sinai = next(d for d in docs if d.title == "Wilayat Sinai Under Pressure")
    assert "The Tribal Militias" in sinai.paragraphs
    assert sinai.paragraphs[0].startswith("EL-ARISH, Nov 2 (Reuters) -")
    assert sinai.intro.startswith("A short piece for the Interpreter")


def test_third_blind_part_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = score(blind3.PAGES)
    with capsys.disabled():
        print(f"\nthird blind compilation part: {result.line()}")
    # Baseline measured when frozen, before any rule was changed for it:
    # 6/11 pages split exactly, 26 documents for 31 articles; titles 15/31,
    # authors 12/31, dates 8/31. After the third round of tuning (on the
    # other parts): 11/11, 31 for 31, titles 27/31, authors 27/31, dates 24/31;
    # after the fourth: 11/11, 31 for 31, titles 29/31, authors 28/31, dates 25/31;
    # after the issue-line rules (newsletters.py): titles 30/31, authors 29/31, dates
    # 29/31 (one page's issue line was known from an earlier session's output).
    assert result.pages_exact >= 11 and result.produced == result.wanted
    assert result.titles >= 30 and result.authors >= 29 and result.dates >= 29


def test_fourth_blind_part_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = score(blind4.PAGES)
    with capsys.disabled():
        print(f"\nfourth blind compilation part (newsletters): {result.line()}")
    # Frozen before any issue-line rule: 4/7 pages split exactly, 14 documents for
    # 17 articles; titles 10/17, authors 10/17, dates 2/17. After the rules (tuned
    # on newsletters.py only): 7/7, 17 for 17, titles 16/17, authors 16/17, dates 13/17.
    assert result.pages_exact >= 7 and result.produced == result.wanted
    assert result.titles >= 16 and result.authors >= 16 and result.dates >= 13
