"""Every date source: unit cases for each reader, and the blind set's figure."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from briefreader.corpus.dates import (
    dateline_date,
    datetime_date,
    find_date,
    iso_date,
    jsonld_date,
    leading_date,
    meta_date,
    pdf_date,
    rfc2822_date,
    struct_date,
    unix_date,
)
from briefreader.corpus.parse import parse_bytes
from tests.core.corpus.dates_gold.blind import CASES


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("8 November 2021", "2021-11-08"),
        ("Nov. 8, 2021", "2021-11-08"),
        ("08.11.2021", "2021-11-08"),
        ("2021-11-08", "2021-11-08"),
        ("Published on Monday, November 8, 2021", "2021-11-08"),
        ("in 2021 the group", ""),
        # Copied from a browser, the time sticks to the year.
        ("October 3, 20214:12 PM GMT+1Updated 3 days ago", "2021-10-03"),
        ("3 days ago", ""),
        ("Sept. 28, 2021", "2021-09-28"),
        ("٣ أكتوبر ٢٠٢١ ٢٠٢١-١٠-٠٣", "2021-10-03"),  # Arabic-Indic digits
        ("in 20214 cases", ""),
        ("October 3rd, 2021", "2021-10-03"),
        ("3rd of October 2021", "2021-10-03"),
        ("WEDNESDAY, 2 MARCH 2022", "2022-03-02"),
        ("2021/09/20", "2021-09-20"),
        ("2021.9.20", "2021-09-20"),
        # An ISO 8601 stamp written out in text (a front matter, an exported record).
        ("Published 2021-10-04T08:00:00Z", "2021-10-04"),
        ("2021-10-045", ""),
    ],
)
def test_dates_in_text(text: str, date: str) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(
    ("paragraph", "year", "date"),
    [
        ("KABUL, Oct. 3 (Reuters) - The Taliban said", 2021, "2021-10-03"),
        ("ISLAMABAD, March 3 (AP) — Officials", 2022, "2022-03-03"),
        ("PESHAWAR, Pakistan, Jan 5 - A bomb", 2020, "2020-01-05"),
        ("KABUL, Oct. 3, 2019 (Reuters) - The", None, "2019-10-03"),
        ("KABUL, Oct. 3 (Reuters) - without a year to complete it", None, ""),
        ("Kabul is a city of five million people", 2021, ""),
    ],
)
def test_wire_datelines(paragraph: str, year: int | None, date: str) -> None:
    assert dateline_date(paragraph, year) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Oct. 1, 2021 · 4 min read", "2021-10-01"),
        ("Wednesday, 2 March 2022", "2022-03-02"),
        ("Published on 2021-10-03 by the desk", "2021-10-03"),
        ("The attack of 3 October 2021 was the worst", ""),
    ],
)
def test_lines_that_open_with_a_date(line: str, date: str) -> None:
    assert leading_date(line) == date


def test_machine_dates() -> None:
    assert iso_date("2021-11-08T23:30:00-05:00") == "2021-11-08"  # the writer's own day
    assert iso_date("20211108") == "2021-11-08"
    assert iso_date("2021/11/08") == "2021-11-08"
    assert iso_date("2021-02-30") == ""
    assert pdf_date("D:20211108103000+05'00'") == "2021-11-08"
    assert pdf_date("D:2021") == "2021-01-01"
    assert rfc2822_date("Mon, 08 Nov 2021 23:30:00 -0500") == "2021-11-08"
    assert datetime_date(dt.datetime(2021, 11, 8, 23, 59, tzinfo=dt.UTC)) == "2021-11-08"
    assert struct_date(time.gmtime(1636329600)) == "2021-11-08"
    assert unix_date("1636329600") == "2021-11-08" and unix_date("soon") == ""
    assert meta_date({"dc.date": "2021-11-08", "date": "2020-01-01"}) == "2021-11-08"
    assert jsonld_date(['{"@graph": [{"@type": "WebPage"}, {"datePublished": "2021-11-08"}]}'])
    assert jsonld_date(["not json", "{}"]) == ""


def test_a_wire_story_takes_its_year_from_the_page() -> None:
    page = (
        "<html><head><meta name='date' content='2021-10-04'></head><body>"
        "<h1>Taliban detain ISKP suspects</h1>"
        "<p>KABUL, Oct. 3 (Reuters) - The Taliban said on Sunday they had detained several "
        "suspects after the attack on a mosque in the capital, officials said.</p>"
        "<p>A second paragraph with more detail on the raid and on the people detained by "
        "the Taliban's intelligence service in the west of the city.</p></body></html>"
    )
    (doc,) = parse_bytes(page.encode(), fmt="html").documents
    assert doc.date == "2021-10-04"  # the page's own date wins over the dateline's


def test_blind_dates_figure(capsys: pytest.CaptureFixture[str]) -> None:
    right = sum(
        parse_bytes(data, fmt=fmt).documents[0].date == want for _name, (fmt, data), want in CASES
    )
    with capsys.disabled():
        print(f"\nblind dates: {right}/{len(CASES)} right")
    assert right >= 19  # as measured when written (never tuned to)
