"""Placing documents in time: their day, and the weeks or months the views count by.

A document is placed on its publication date when the ingestion found one,
else on the day it was imported; the views say how many were placed the
second way, because a burst of imports is not a burst of reporting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

Unit = Literal["week", "month"]
UNITS: tuple[Unit, ...] = ("week", "month")

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def parse_day(text: str) -> date | None:
    """The day an ISO date names ("2021-11-08", "2021-11-08T10:00Z", "2021-11"), else None.

    A month alone is placed on its first day.
    """
    match = _ISO_DAY.match(text.strip()) if text else None
    if match is None:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def placement(published: str, imported: str) -> tuple[str, bool]:
    """(day as YYYY-MM-DD, whether it is the publication date) for one document."""
    day = parse_day(published)
    if day is not None:
        return day.isoformat(), True
    day = parse_day(imported) or datetime.now(UTC).date()
    return day.isoformat(), False


def utc_second(stamp: str) -> str:
    """An ISO time as 'YYYY-MM-DDTHH:MM:SS' in UTC (naive input is taken as UTC).

    Import times are compared as text, so they must all be written one way;
    a bare date becomes its midnight.
    """
    text = stamp.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        day = parse_day(text)
        if day is None:
            raise ValueError(f"not an ISO date or time: {stamp!r}") from None
        moment = datetime(day.year, day.month, day.day)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Period:
    """One week (Monday to Sunday) or one calendar month; days inclusive."""

    unit: Unit
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.unit == "month":
            return self.start.strftime("%Y-%m")
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def period_of(day: date, unit: Unit) -> Period:
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return Period(unit, start, start + timedelta(days=6))
    start = day.replace(day=1)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return Period(unit, start, following - timedelta(days=1))


def periods_between(first: date, last: date, unit: Unit) -> list[Period]:
    """Every period from the one holding `first` to the one holding `last`, gaps included."""
    out: list[Period] = []
    if last < first:
        return out
    current = period_of(first, unit)
    while current.start <= last:
        out.append(current)
        current = period_of(current.end + timedelta(days=1), unit)
    return out
