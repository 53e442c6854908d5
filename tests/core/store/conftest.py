"""Fixtures for the store tests: a real Store on a fresh data directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefreader.paths import DataPaths
from briefreader.store import Store

ARTICLE = (
    "Islamic State Khorasan Province (ISKP) claimed the attack in Kabul on Monday. "
    "Officials in Afghanistan said twelve people died.\n\n"
    "The Taliban denied that security had failed. A spokesman blamed fighters from Pakistan.\n\n"
    "Analysts said IS-K has recruited in Tajikistan for years."
)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    opened = Store.open(data_paths)
    yield opened
    opened.close()
