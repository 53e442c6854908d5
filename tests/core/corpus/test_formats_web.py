"""Web pages and Markdown through the format registry: metadata, dates, footnotes."""

from __future__ import annotations

import json

import pytest

from briefreader.corpus.parse import parse_bytes

BODY = "".join(
    f"<p>Paragraph {n} on the insurgency in the north, where officials said attacks on "
    f"roads and markets rose again this spring across several districts.</p>"
    for n in range(1, 4)
)


def _page(head: str, body: str = "") -> bytes:
    return (
        f"<html><head>{head}</head><body><article><h1>Militants regroup in the north</h1>"
        f"{body}{BODY}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        (
            '<meta property="article:published_time" content="2021-11-08T10:00:00+04:30">',
            "",
            "2021-11-08",
        ),
        ('<meta name="citation_publication_date" content="2021/11/08">', "", "2021-11-08"),
        ('<meta name="dc.date" content="2021-11-08">', "", "2021-11-08"),
        (
            '<script type="application/ld+json">'
            + json.dumps(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "WebSite", "name": "X"},
                        {"@type": "NewsArticle", "datePublished": "2021-11-08T23:30:00-05:00"},
                    ],
                }
            )
            + "</script>",
            "",
            "2021-11-08",
        ),
        (
            "",
            '<time class="entry-date published" datetime="2021-11-08T09:00:00Z">8 Nov</time>',
            "2021-11-08",
        ),
        ("", "<p>8 November 2021</p>", "2021-11-08"),
        ("", "", ""),
    ],
)
def test_a_page_states_its_date_in_many_ways(head: str, body: str, date: str) -> None:
    (doc,) = parse_bytes(_page(head, body), fmt="html", name="page.html").documents
    assert doc.date == date


def test_provenance_of_a_web_page() -> None:
    head = (
        '<link rel="canonical" href="https://example.org/2021/11/militants-regroup/">'
        '<meta property="og:url" content="https://example.org/other">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="og:site_name" content="The Example Review">'
    )
    data = _page(head)
    parsed = parse_bytes(
        data,
        source="/home/analyst/in/page.html",
        fmt="html",
        name="page.html",
        imported_at="2026-01-02T03:04:05+00:00",
    )
    (doc,) = parsed.documents
    assert doc.url == "https://example.org/2021/11/militants-regroup/"
    assert doc.file_name == "page.html"
    assert len(doc.sha256) == 64
    assert doc.imported_at == "2026-01-02T03:04:05+00:00"
    assert doc.author == "Jane Doe"
    assert doc.publisher == "The Example Review"
    og_only = _page('<meta property="og:url" content="https://example.org/og">')
    assert parse_bytes(og_only, fmt="html").documents[0].url == "https://example.org/og"


def test_html_footnotes_are_footnotes_with_markers_apart_from_the_word() -> None:
    page = (
        "<html><body><h1>Financing the group</h1>"
        "<p>The militants<sup id='fnref1'><a href='#fn1' class='footnote-ref'>1</a></sup> "
        "raised money from taxes on trade, and officials in the region say the amounts grew "
        "steadily over the year as the roads came under their control.</p>"
        "<p>Donations<a href='#fn2'><sup>2</sup></a> from abroad fell away after the arrests, "
        "according to two reports published in the spring by monitoring groups.</p>"
        "<p>A third paragraph describes 10 km2 of land and nothing else of note at all here.</p>"
        "<section class='footnotes' role='doc-endnotes'><hr><ol>"
        "<li id='fn1'><p>UN Monitoring Team, 12th report, 2021. <a href='#fnref1'>↩</a></p></li>"
        "<li id='fn2'><p>Ibid., p. 14.</p></li>"
        "</ol></section></body></html>"
    )
    (doc,) = parse_bytes(page.encode(), fmt="html").documents
    assert "militants[1] raised" in doc.body
    assert "Donations[2] from" in doc.body
    assert "10 km2" in doc.body
    assert doc.footnotes == ("1 UN Monitoring Team, 12th report, 2021.", "2 Ibid., p. 14.")
    assert "↩" not in doc.body + "".join(doc.footnotes)


def test_markdown_footnotes_are_kept() -> None:
    text = (
        "# Financing the group\n\n"
        "The militants[^1] raised money from taxes on trade, and officials in the region say "
        "the amounts grew steadily over the year.[^isw]\n\n"
        "A second paragraph of the article, long enough to be body text on any reading of it.\n\n"
        "[^1]: UN Monitoring Team, 12th report, 2021.\n"
        "[^isw]: Institute for the Study of War, *Afghanistan Update*,\n"
        "    14 March 2022.\n"
    )
    (doc,) = parse_bytes(text.encode(), fmt="markdown").documents
    assert "militants[1] raised" in doc.body and "year.[2]" in doc.body
    assert doc.footnotes == (
        "1 UN Monitoring Team, 12th report, 2021.",
        "2 Institute for the Study of War, Afghanistan Update, 14 March 2022.",
    )
    assert "[^" not in doc.body
