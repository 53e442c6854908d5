"""The SECOND blind part of the compilation corpus, frozen before the first was used to tune.

The first blind part (former_blind.py) was measured once, untouched, and
then became tuning material; these pages were written before that and
measured at 3/5 pages split exactly, 8 documents for 11 articles, titles
5/11, authors 3/11, dates 5/11. In the third round of tuning they became
tuning material too (asserted exactly), after a third blind part
(blind3.py) had been frozen.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want
from tests.core.corpus.compilations.prose import paragraphs as P


def _p(topic: str, n: int) -> str:
    return "\n\n".join(P(topic, n))


def _html_ps(topic: str, n: int) -> str:
    return "".join(f"<p>{p}</p>" for p in P(topic, n))


# C1. A Ghost-style tag page: cards with excerpts of full text, "by" and dates after titles.
C1 = Page(
    "ghost-tag-page",
    "html",
    "<html><body><header class='site-header'><a class='site-logo'>Frontline Notes</a></header>"
    "<section class='tag-header'><h1>Al-Shabaab</h1><p>12 posts</p></section>"
    + "".join(
        f"<article class='post-card'><div class='post-card-content'>"
        f"<a href='https://frontline.example/{slug}/'><header>"
        f"<h2 class='post-card-title'>{title}</h2>"
        f"</header></a><section class='post-card-excerpt'>{_html_ps(topic, n)}</section>"
        f"<footer class='post-card-meta'><span class='post-card-byline-content'>"
        f"<span><a>{author}</a></span><span><time datetime='{iso}'>{shown}</time>"
        f"<span class='bull'>&bull;</span> 4 min read</span></span></footer></div></article>"
        for slug, title, author, iso, shown, topic, n in (
            (
                "port-taxes",
                "How al-Shabaab Taxes the Port",
                "Hodan Warsame",
                "2022-02-03",
                "Feb 3, 2022",
                "mogadishu",
                3,
            ),
            (
                "kenya-border",
                "The Border War with Kenya",
                "Abdi Nur",
                "2022-01-19",
                "Jan 19, 2022",
                "tanzania",
                4,
            ),
            (
                "drc-links",
                "Links to the ADF",
                "Hodan Warsame",
                "2022-01-05",
                "Jan 5, 2022",
                "drc",
                3,
            ),
        )
    )
    + "<footer class='site-footer'>Frontline Notes © 2022 · Published with Ghost</footer>"
    "</body></html>",
    (
        Want("How al-Shabaab Taxes the Port", "Hodan Warsame", "2022-02-03"),
        Want("The Border War with Kenya", "Abdi Nur", "2022-01-19"),
        Want("Links to the ADF", "Hodan Warsame", "2022-01-05"),
    ),
)

# C2. A plain-text "Daily Security Brief" e-mail with bullet summaries and "Via" lines.
C2 = Page(
    "daily-security-brief",
    "email",
    "\n\n".join(
        [
            "DAILY SECURITY BRIEF",
            "Wednesday, 2 March 2022",
            "Today: Yemen, Libya and Iraq.",
        ]
        + [
            part
            for title, via, topic, n in (
                ("AQAP attacks checkpoint in Shabwa", "Via Reuters", "yemen", 3),
                ("Islamic State cells active near Sabha", "Via Libya Observer", "libya", 3),
                ("Kirkuk police arrest cell leader", "Via Rudaw", "iraq", 4),
            )
            for part in (f"** {title} **", via, _p(topic, n))
        ]
        + ["You can unsubscribe at any time using the link below."]
    ),
    (
        Want("AQAP attacks checkpoint in Shabwa", "", "2022-03-02"),
        Want("Islamic State cells active near Sabha", "", "2022-03-02"),
        Want("Kirkuk police arrest cell leader", "", "2022-03-02"),
    ),
    subject="Daily Security Brief: 2 March 2022",
)

# C3. A Squarespace-like blog roll: date above title, author below, "Read More" links.
C3 = Page(
    "blog-roll",
    "html",
    "<html><body><h1 class='page-title'>Blog</h1>"
    + "".join(
        f"<div class='blog-item'><div class='blog-date'>{date}</div>"
        f"<h1 class='blog-title'><a href='/blog/{i}'>{title}</a></h1>"
        f"<div class='blog-author'>{author}</div>{_html_ps(topic, n)}"
        f"<a class='blog-more-link' href='/blog/{i}'>Read More</a></div>"
        for i, date, title, author, topic, n in (
            (1, "March 9, 2022", "Notes from Maiduguri", "Emeka Obi", "lake", 3),
            (2, "February 24, 2022", "The ISWAP Economy", "Emeka Obi", "benin", 4),
        )
    )
    + "</body></html>",
    (
        Want("Notes from Maiduguri", "Emeka Obi", "2022-03-09"),
        Want("The ISWAP Economy", "Emeka Obi", "2022-02-24"),
    ),
)

# C4. A PressReader page with one article and an author bio at the end.
C4 = Page(
    "pressreader-one",
    "text",
    "\n\n".join(
        [
            "Newspapers in English",
            "Newspapers from Pakistan",
            "Dawn",
            "2022-03-10",
            "The TTP's new offensive",
            "ZAHID HUSSAIN",
            _p("karachi", 4),
            "The writer is an author and journalist.",
        ]
    ),
    (Want("The TTP's new offensive", "Zahid Hussain", "2022-03-10"),),
)

# C5. A Markdown newsletter archive with "##" issues, each holding one story.
C5 = Page(
    "markdown-newsletter",
    "markdown",
    "\n\n".join(
        [
            "# Sahel Weekly",
            "Welcome to the archive of this newsletter.",
            "## Mali's Northern Towns Under Siege",
            "By Aïcha Diallo · 11 March 2022",
            _p("menaka", 3),
            "---",
            "## Burkina's Blockaded Towns",
            "By Aïcha Diallo · 4 March 2022",
            _p("burkina", 3),
        ]
    ),
    (
        Want("Mali's Northern Towns Under Siege", "Aïcha Diallo", "2022-03-11"),
        Want("Burkina's Blockaded Towns", "Aïcha Diallo", "2022-03-04"),
    ),
)

PAGES = (C1, C2, C3, C4, C5)
