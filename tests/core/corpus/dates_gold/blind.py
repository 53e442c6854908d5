"""BLIND date cases: written once, after the date readers, and never tuned to.

Each case is a small page in one format and the publication date it states
("" where it states none). The test reports how many come out right.
"""

# ruff: noqa: E501

from __future__ import annotations

BODY = (
    "Officials in the province said the group had moved its fighters south over the winter, "
    "and that the district centres were now surrounded for most of each week.\n\n"
    "Residents described checkpoints that appear at night and vanish by morning, and said "
    "local leaders are wary of speaking about the taxes the group now collects."
)
HTML_BODY = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))


def html(head: str, top: str = "") -> tuple[str, bytes]:
    page = (
        f"<html><head>{head}</head><body><h1>Fighters move south</h1>{top}{HTML_BODY}</body></html>"
    )
    return "html", page.encode()


def text(top: str) -> tuple[str, bytes]:
    return "text", f"Fighters move south\n\n{top}\n\n{BODY}\n".encode()


CASES: list[tuple[str, tuple[str, bytes], str]] = [
    (
        "og published_time with Z",
        html('<meta property="article:published_time" content="2022-03-14T05:10:00Z">'),
        "2022-03-14",
    ),
    (
        "itemprop datePublished",
        html('<meta itemprop="datePublished" content="2022-03-14">'),
        "2022-03-14",
    ),
    ("DC.date.issued", html('<meta name="DC.date.issued" content="2022-03-14">'), "2022-03-14"),
    (
        "parsely-pub-date",
        html('<meta name="parsely-pub-date" content="2022-03-14T09:00:00-04:00">'),
        "2022-03-14",
    ),
    (
        "JSON-LD NewsArticle list",
        html(
            '<script type="application/ld+json">[{"@type":"NewsArticle","headline":"x","datePublished":"2022-03-14T22:00:00+05:00"}]</script>'
        ),
        "2022-03-14",
    ),
    (
        "JSON-LD dateCreated only",
        html(
            '<script type="application/ld+json">{"@type":"Article","dateCreated":"2022-03-14"}</script>'
        ),
        "2022-03-14",
    ),
    (
        "time pubdate attribute",
        html("", '<p><time pubdate datetime="2022-03-14">14 March</time></p>'),
        "2022-03-14",
    ),
    (
        "time itemprop",
        html(
            "",
            '<span>Published <time itemprop="datePublished" datetime="2022-03-14T08:00">March 14</time></span>',
        ),
        "2022-03-14",
    ),
    ("byline long month", text("By Jane Doe, March 14, 2022"), "2022-03-14"),
    ("byline day first", text("Jane Doe · 14 March 2022"), "2022-03-14"),
    ("weekday and ordinal", text("Monday 14th March 2022"), "2022-03-14"),
    ("month ordinal", text("March 14th, 2022"), "2022-03-14"),
    ("abbreviated with dot", text("Mar. 14, 2022"), "2022-03-14"),
    ("Published label with time", text("Published: 14 Mar 2022 09:32 GMT"), "2022-03-14"),
    ("dotted European", text("14.03.2022"), "2022-03-14"),
    ("ISO in a line", text("Posted 2022-03-14"), "2022-03-14"),
    (
        "Updated then published",
        text("Published 14 March 2022, updated 16 March 2022"),
        "2022-03-14",
    ),
    (
        "wire dateline with year",
        text("ISLAMABAD, March 14, 2022 (AP) — officials said the group moved south."),
        "2022-03-14",
    ),
    ("no date at all", text("By Jane Doe"), ""),
    ("a year in prose is not a date", text("In 2021 the group moved south, officials said."), ""),
    ("US numeric in a US byline", text("By Jane Doe | 3/14/2022"), "2022-03-14"),
    ("sept abbreviation", text("Sept. 4, 2022"), "2022-09-04"),
]
