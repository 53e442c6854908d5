"""Quote fragments built without the parser give the very same PDF as the markup."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.entities import find_mentions
from briefreader.export import quote_frags
from briefreader.export.exporter import export_briefing
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection
from tests.core.export.sample import seed_briefing

TRICKY = (
    "  ISKP  and   the Taliban\n\nattacked Kabul.  ",
    "ISKP Taliban Afghanistan Pakistan",
    "Fish & chips <b>not bold</b> &amp; <font color='red'>no</font> in Afghanistan",
    "“Quoted” — Pakistan’s ISI and U.S. forces, then the Islamic State in Khorasan Province.",
    "Arrows → in Iran and ☂ in Iraq",  # another font: the markup path
    "Soft\u00adhyphen in Syria",  # an invisible character: the markup path
    "Afghanistan",
    "   ",
    " ".join(["The Taliban met Pakistan's envoys in Doha and Kabul."] * 120),
)

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")


def _briefing() -> Briefing:
    seeds = seed_briefing(150, sections=3).map_excerpts(lambda e: replace(e, mentions=None))
    tricky = BriefingSection("Tricky", tuple(BriefingExcerpt(q) for q in TRICKY))
    return replace(seeds, sections=(*seeds.sections, tricky))


def _export(path: Path) -> bytes:
    export_briefing(_briefing(), path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def test_fragments_draw_exactly_what_the_markup_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = []
    original = quote_frags.QuoteFragments.fragments

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        frags = original(self, *args, **kwargs)
        built.append(frags is not None)
        return frags

    monkeypatch.setattr(quote_frags.QuoteFragments, "fragments", counting)
    fast = _export(tmp_path / "fast.pdf")
    assert sum(built) > 150 and not all(built)  # both paths were taken
    monkeypatch.setattr(quote_frags.QuoteFragments, "fragments", lambda *a, **k: None)
    slow = _export(tmp_path / "markup.pdf")
    assert fast == slow
