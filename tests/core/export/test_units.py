"""The pure pieces: font coverage, markup, chunking, integrity, query matching, palette."""

from __future__ import annotations

import re
from pathlib import Path

from briefreader.domain import Document, Mention, Story
from briefreader.entities import find_mentions
from briefreader.export.chunks import chunk_spans
from briefreader.export.fonts import load_fonts
from briefreader.export.integrity import check_excerpt, check_integrity, integrity_counts
from briefreader.export.markup import MarkupWriter, css
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from briefreader.export.palette import load_palette
from briefreader.export.query import briefing_from_paragraphs, one_version_per_story

FONTS = load_fonts()


def writer() -> MarkupWriter:
    return MarkupWriter(FONTS, load_palette(), "#0b4f9d")


def test_font_kinds() -> None:
    assert FONTS.kind("é") == "primary"
    assert FONTS.kind("Ж") == "primary"
    assert FONTS.kind("“") == "primary"
    assert FONTS.kind("✓") == "fallback"
    assert FONTS.kind("中") == "missing"
    assert FONTS.kind("א") == "missing"  # DejaVu has Hebrew, but it would print backwards
    assert FONTS.kind("\x00") == "missing"
    assert FONTS.kind("\U0001f600") == "missing"
    assert FONTS.kind("\u00ad") == "invisible"
    assert FONTS.kind("\n") == "primary"
    assert FONTS.runs("ab ✓✓ c中中") == [
        ("primary", "ab "),
        ("fallback", "✓✓"),
        ("primary", " c"),
        ("missing", "中"),
        ("missing", "中"),
    ]
    assert FONTS.undrawable("x中y中\u00ad") == ["中"]


def test_markup_escapes_and_highlights() -> None:
    w = writer()
    text = "<b>ISKP</b> & Pakistan"
    mentions = [
        Mention(3, 7, "group", "Islamic State Khorasan Province", "ISKP"),
        Mention(14, 22, "country", "Pakistan", "Pakistan"),
    ]
    markup = w.highlighted(text, mentions)
    assert markup.startswith("&lt;b&gt;<span")
    group_fg = css(load_palette()["group"].foreground)
    assert "&amp;" in markup and f'<b><u color="{group_fg}" width="0.7">ISKP</u></b>' in markup
    assert markup.count("<span") == 2 and f'<u color="{css("#0b4f9d")}"' in markup  # dotted
    assert markup.endswith("Pakistan</u></span>")
    # Overlapping or out-of-range mentions are skipped, never garble the text.
    bad = [Mention(0, 50, "group", "x", "x"), Mention(2, 1, "group", "y", "y")]
    assert w.highlighted("plain", bad) == "plain"


def test_markup_records_placeholders_with_place() -> None:
    w = writer()
    w.place = "excerpt 7"
    assert "[U+4E2D]" in w.plain("a中b")
    assert w.undrawable.counts == {"中": 1}
    assert w.undrawable.places == {"中": ["excerpt 7"]}


def test_chunks_cover_text_and_respect_mentions() -> None:
    text = ("Sentence about ISKP and more words here. " * 200).strip()
    text = text + "\n\n" + "x" * 7000
    mentions = [
        Mention(m.start(), m.end(), "group", "I", "ISKP") for m in re.finditer("ISKP", text)
    ]
    spans = chunk_spans(text, mentions, max_chunk=1000)
    assert all(end - start <= 1000 for start, end, _ in spans)
    joined = "".join(text[s:e] for s, e, _ in spans)
    assert joined == text.replace("\n\n", "")
    for start, end, _ in spans:
        assert not any(m.start < start < m.end or m.start < end < m.end for m in mentions)
    assert [first for _, _, first in spans].count(True) == 2
    assert chunk_spans("") == [(0, 0, True)]


def test_integrity_states() -> None:
    body = "Alpha beta. The quote is here. Gamma."
    start = body.index("The quote")
    good = BriefingExcerpt("The quote is here.", Citation("d"), start=start, end=start + 18)
    assert check_excerpt(good, body).integrity == "ok"
    moved = "Inserted text. " + body
    assert check_excerpt(good, moved).integrity == "stale"
    rewrapped = body.replace("quote is", "quote\n  is")
    result = check_excerpt(good, rewrapped)
    assert result.integrity == "stale" and "reads differently" in result.integrity_note
    assert check_excerpt(good, "Completely different text.").integrity == "orphaned"
    assert check_excerpt(good, None).integrity == "orphaned"


def test_check_integrity_over_a_briefing() -> None:
    texts = {"a": "One two three.", "b": None}
    excerpts = (
        BriefingExcerpt("two", Citation("a"), start=4, end=7),
        BriefingExcerpt("two", Citation("b"), start=4, end=7),
        BriefingExcerpt("no source"),
    )
    briefing = Briefing("t", (BriefingSection("s", excerpts),))
    checked = check_integrity(briefing, texts.get)
    assert [e.integrity for e in checked.excerpts] == ["ok", "orphaned", "unchecked"]
    assert integrity_counts(checked)["orphaned"] == 1


def test_chosen_paragraphs_become_sections_of_one_version_per_story() -> None:
    body_a = (
        "ISIS-K attacked Kabul.\n\nThe weather was fine.\n\nIslamic State Khorasan struck again."
    )
    a = Document(id="a", title="A", body=body_a, date="2021-01-01")
    reprint = Document(id="a2", title="A (reprint)", body=body_a, date="2021-01-02")
    b = Document(id="b", title="B", body="Nothing here about groups.", date="2022-01-01")
    c = Document(id="c", title="C", body="Undated.\n\nISKP again.")
    story = Story(id="s", title="A", document_ids=("a", "a2"))
    kept = one_version_per_story([a, reprint, b, c], [story])
    assert [d.id for d in kept] == ["a", "b", "c"]
    chosen = {"a": (0, 2), "c": (1,), "a2": (0,)}  # a2 is not among `kept`: never quoted
    briefing = briefing_from_paragraphs("ISKP", kept, chosen, find_mentions)
    assert [s.title for s in briefing.sections] == ["A", "C"]  # dated first, newest first
    quotes = [e.quote for e in briefing.excerpts]
    assert quotes == [
        "ISIS-K attacked Kabul.",
        "Islamic State Khorasan struck again.",
        "ISKP again.",
    ]
    first = briefing.excerpts[0]
    assert first.citation is not None and first.citation.paragraph == 1
    assert first.mentions and first.mentions[0].surface == "ISIS-K"
    assert briefing.excerpts[2].mentions[0].start == 0  # offsets within the paragraph
    assert briefing.subject == "Paragraphs matching: ISKP"
    assert briefing_from_paragraphs("zzz", kept, {}, find_mentions).excerpts == ()


def test_palette_defaults_when_file_is_broken(tmp_path: Path) -> None:
    broken = tmp_path / "palette.toml"
    broken.write_text('[group]\nlight_background = "not a colour"\ncue = "bold"\n[country', "utf-8")
    looks = load_palette(broken)
    assert looks["group"].background.startswith("#")
    good = tmp_path / "good.toml"
    good.write_text('[group]\nlight_background = "#ABCDEF"\ncue = "bold"\n', "utf-8")
    looks = load_palette(good)
    assert looks["group"].background == "#abcdef" and looks["group"].bold
    assert looks["group"].underline == "" and looks["country"].underline == "dotted"


def test_literal_characters_in_our_own_templates_are_drawable() -> None:
    """Non-ASCII characters written into the exporter's code must be in a font we use for them."""
    package = Path(__file__).resolve().parents[3] / "briefreader" / "export"
    for path in package.glob("*.py"):
        for char in {c for c in path.read_text(encoding="utf-8") if ord(c) > 127}:
            kind = FONTS.kind(char)
            assert kind in ("primary", "fallback"), f"{path.name}: {char!r} cannot be drawn"
            if kind == "fallback":
                source = path.read_text(encoding="utf-8")
                assert f'<font face="{{FALLBACK}}">{char}</font>' in source, (path.name, char)


def test_a_cached_paragraph_copies_cheaply_and_faithfully() -> None:
    """BalancedColumns (the appendix) copies its paragraphs for every trial split; the copy
    is shallow, so laying it out at another width must leave the original as it was."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus.flowables import cdeepcopy

    from briefreader.export.flowables import CachedParagraph

    text = "Islamic State Khorasan Province (written ISKP, IS-K) 12 excerpts: 1, 3, 5–9 " * 3
    original = CachedParagraph(text, getSampleStyleSheet()["Normal"])
    wide = original.wrap(400, 1000)
    twin = cdeepcopy(original)
    assert twin is not original and type(twin) is CachedParagraph
    narrow = twin.wrap(120, 1000)
    assert narrow[1] > wide[1]
    assert original.wrap(400, 1000) == wide and original.lines < twin.lines
    parts = twin.split(120, narrow[1] / 2)
    assert len(parts) == 2 and original.wrap(400, 1000) == wide
