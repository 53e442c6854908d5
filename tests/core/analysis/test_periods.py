"""Days, weeks and months: where a document falls and how periods are cut."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from briefreader.analysis.periods import (
    parse_day,
    period_of,
    periods_between,
    placement,
    utc_second,
)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2021-11-08", date(2021, 11, 8)),
        ("2021-11-08T10:00:00+05:00", date(2021, 11, 8)),
        ("2021-11", date(2021, 11, 1)),
        (" 2024-02-29 ", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("November 2021", None),
        ("", None),
    ],
)
def test_parse_day(text: str, day: date | None) -> None:
    assert parse_day(text) == day


def test_placement_prefers_the_publication_date() -> None:
    assert placement("2021-11-08", "2024-06-01T09:00:00") == ("2021-11-08", True)
    assert placement("", "2024-06-01T09:00:00") == ("2024-06-01", False)
    assert placement("sometime", "2024-06-01T23:59:59") == ("2024-06-01", False)


def test_import_times_are_written_one_way() -> None:
    assert utc_second("2024-06-01T09:00:00+00:00") == "2024-06-01T09:00:00"
    assert utc_second("2024-06-01T09:00:00.123Z") == "2024-06-01T09:00:00"
    assert utc_second("2024-06-01T11:00:00+02:00") == "2024-06-01T09:00:00"
    assert utc_second("2024-06-01") == "2024-06-01T00:00:00"
    with pytest.raises(ValueError, match="not an ISO"):
        utc_second("yesterday")


def test_weeks_run_monday_to_sunday_and_carry_their_iso_number() -> None:
    week = period_of(date(2021, 1, 3), "week")  # a Sunday, in ISO week 2020-W53
    assert (week.start, week.end, week.label) == (date(2020, 12, 28), date(2021, 1, 3), "2020-W53")
    assert week.contains(date(2020, 12, 31)) and not week.contains(date(2021, 1, 4))


def test_months_end_on_their_last_day() -> None:
    assert period_of(date(2024, 2, 10), "month").end == date(2024, 2, 29)
    december = period_of(date(2023, 12, 31), "month")
    assert (december.start, december.end, december.label) == (
        date(2023, 12, 1),
        date(2023, 12, 31),
        "2023-12",
    )


def test_periods_between_include_the_empty_ones() -> None:
    months = periods_between(date(2023, 11, 20), date(2024, 2, 1), "month")
    assert [p.label for p in months] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    weeks = periods_between(date(2024, 1, 1), date(2024, 1, 31), "week")
    assert len(weeks) == 5 and weeks[0].start == date(2024, 1, 1)
    assert all(a.end.toordinal() + 1 == b.start.toordinal() for a, b in itertools.pairwise(weeks))
    assert periods_between(date(2024, 2, 1), date(2024, 1, 1), "month") == []
