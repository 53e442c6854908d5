"""A long quote dense with one name: each chunk handles only its own mentions.

A 500 KB paragraph naming one group 20,000 times took 42 s to export because
every chunk sorted and scanned the whole quote's mentions. The work is now
proportional to the mentions; these tests count it, so they fail on the old
quadratic code whatever the machine's speed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefreader.domain import Mention
from briefreader.export import markup, quote_frags
from briefreader.export.chunks import MentionIndex, chunk_spans
from briefreader.export.exporter import export_briefing
from tests.core.export.sample import seed_briefing

UNIT = "Reports say ISKP struck again, and ISKP denied it. "


def dense_quote(size: int) -> tuple[str, tuple[Mention, ...]]:
    quote = (UNIT * (size // len(UNIT) + 1))[:size]
    mentions, pos = [], quote.find("ISKP")
    while pos != -1:
        mentions.append(Mention(pos, pos + 4, "group", "ISKP", "ISKP"))
        pos = quote.find("ISKP", pos + 4)
    return quote, tuple(mentions)


def test_each_chunk_highlights_only_its_own_mentions(tmp_path: Path, monkeypatch) -> None:
    quote, mentions = dense_quote(120_000)
    seen: list[int] = []
    real = markup.highlight_pieces

    def counting(text: str, found, offset: int = 0):
        found = list(found)
        seen.append(len(found))
        return real(text, found, offset)

    monkeypatch.setattr(quote_frags, "highlight_pieces", counting)
    monkeypatch.setattr(markup, "highlight_pieces", counting)
    briefing = seed_briefing(1)
    section = briefing.sections[0]
    excerpt = replace(section.excerpts[0], quote=quote, mentions=mentions)
    briefing = replace(briefing, sections=(replace(section, excerpts=(excerpt,)),))
    result = export_briefing(briefing, tmp_path / "dense.pdf")
    assert result.pages > 20
    assert len(seen) >= 40  # the quote was cut into many chunks...
    assert sum(seen) == len(mentions)  # ...and each mention went to exactly one of them


mention_lists = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30)).map(
        lambda p: Mention(p[0], p[0] + p[1], "group", "x", "x")
    ),
    max_size=40,
)


@given(mention_lists, st.integers(0, 240))
def test_mention_index_agrees_with_a_scan(mentions: list[Mention], pos: int) -> None:
    index = MentionIndex(mentions)
    containing = [m for m in mentions if m.start < pos < m.end]
    expected = min(containing, key=lambda m: (m.start, -m.end)) if containing else None
    assert index.containing(pos) == expected
    inside = index.within(pos, pos + 50)
    assert sorted(inside, key=lambda m: (m.start, -m.end)) == inside
    assert sorted(inside) == sorted(m for m in mentions if pos <= m.start < pos + 50)


def test_cuts_never_fall_inside_a_mention_of_a_dense_quote() -> None:
    quote, mentions = dense_quote(60_000)
    spans = chunk_spans(quote, mentions, max_chunk=3000)
    assert "".join(quote[s:e] for s, e, _ in spans) == quote
    for start, end, _ in spans:
        assert not any(m.start < start < m.end or m.start < end < m.end for m in mentions)
