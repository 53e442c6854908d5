"""Listing pages found by their repeated structure (formats/listing.py), and pages that are not.

Each page is written here; what matters is the shape of its markup, so the
wording is plain and the structure varies: news article pages with teaser
cards, single articles cut into sections, archives whose first post is
whole and the rest excerpts, posts grouped under date headers.
"""

from __future__ import annotations

from briefreader.corpus.parse import parse_bytes
from tests.core.corpus.compilations.prose import paragraphs as P


def _ps(topic: str, n: int) -> str:
    return "".join(f"<p>{p}</p>" for p in P(topic, n))


def _docs(html: str) -> list[tuple[str, str, str]]:
    docs = parse_bytes(html.encode(), fmt="html", name="page.html").documents
    return [(d.title, d.author, d.date) for d in docs]


def _teaser(k: int, title: str, topic: str) -> str:
    return (
        f"<article class='teaser'><h3><a href='https://news.example/{k}'>{title}</a></h3>"
        f"<p>{P(topic, 1)[0]}</p><time datetime='2021-10-0{k}'>Oct {k}</time></article>"
    )


def test_a_news_article_with_teaser_cards_is_one_article() -> None:
    page = (
        "<html><head><meta property='article:published_time' content='2021-10-09'>"
        "<meta name='author' content='Sara Ahmed'></head><body><main><article>"
        "<h1>Kunduz after the bombing</h1>" + _ps("kunduz", 5) + "</article>"
        "<section class='more'><h2>More stories</h2>"
        + "".join(
            _teaser(k, t, topic)
            for k, t, topic in ((1, "Idlib's new rulers", "idlib"), (2, "Port taxes", "mogadishu"))
        )
        + "</section></main></body></html>"
    )
    docs = _docs(page)
    assert docs[0] == ("Kunduz after the bombing", "Sara Ahmed", "2021-10-09")
    assert len(docs) == 1


def test_an_article_in_sections_is_not_a_listing() -> None:
    page = (
        "<html><body><article><h1>The long war in Cabo Delgado</h1>"
        "<p>By Tomás Cossa</p>"
        + "".join(
            f"<section class='chapter'><h2>{head}</h2>{_ps(topic, 3)}</section>"
            for head, topic in (
                ("The gas project", "cabo"),
                ("The insurgents", "tanzania"),
                ("The neighbours", "drc"),
            )
        )
        + "</article></body></html>"
    )
    assert _docs(page) == [("The long war in Cabo Delgado", "Tomás Cossa", "")]


def test_an_archive_with_one_whole_post_and_excerpts_splits_into_each() -> None:
    posts = [
        ("Whole post", "menaka", 5, "2021-11-03", "Aïcha Diallo"),
        ("Second post", "benin", 1, "2021-10-20", "Marc Houngbo"),
        ("Third post", "burkina", 1, "2021-10-02", "Aïcha Diallo"),
    ]
    page = (
        "<html><body><h1>Sahel archive</h1>"
        + "".join(
            f"<div class='post'><h2><a href='https://blog.example/{k}'>{title}</a></h2>"
            f"<div class='post-meta'><time datetime='{iso}'>{iso}</time> "
            f"<span class='author'>{author}</span></div>{_ps(topic, n)}</div>"
            for k, (title, topic, n, iso, author) in enumerate(posts)
        )
        + "</body></html>"
    )
    assert _docs(page) == [(t, a, d) for t, _topic, _n, d, a in posts]


def test_posts_grouped_under_date_headers_are_each_an_article() -> None:
    page = (
        "<html><body>"
        + "".join(
            f"<div class='date-outer'><h2 class='date-header'>{day}</h2>"
            + "".join(
                f"<div class='post-outer'><h3 class='post-title'>{title}</h3>"
                f"<div class='post-body'>{_ps(topic, 2)}</div>"
                f"<div class='post-footer'>Posted by <span class='fn'>Emeka Obi</span></div>"
                "</div>"
                for title, topic in posts
            )
            + "</div>"
            for day, posts in (
                ("Tuesday, 9 November 2021", (("Lake Chad", "lake"), ("Benin", "benin"))),
                ("Monday, 8 November 2021", (("Idlib", "idlib"),)),
            )
        )
        + "</body></html>"
    )
    assert [t for t, _a, _d in _docs(page)] == ["Lake Chad", "Benin", "Idlib"]


def test_a_related_box_under_a_short_article_is_not_a_listing() -> None:
    page = (
        "<html><body><h1>A short note on Marawi</h1>"
        + _ps("mindanao", 3)
        + "<div class='related'><h4><a href='https://x.example/1'>Older note one</a></h4>"
        "<p>" + P("sri", 1)[0] + "</p><h4><a href='https://x.example/2'>Older note two</a></h4>"
        "<p>" + P("maldives", 1)[0] + "</p></div></body></html>"
    )
    assert [t for t, _a, _d in _docs(page)] == ["A short note on Marawi"]
