"""A third TUNING part of the compilation corpus, written after the third blind part was frozen.

Rules of the fourth round were shaped on these pages (and the other tuning
parts), never on blind3.py: single articles whose byline is only markup
(rel=author links, a comment thread with its own authors below), excerpt
listings copied as text, bylines with a role after a bar or a comma,
ordinal and slashed dates, a flat HTML newsletter set apart by rules, a
listing of bare <li> items.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want
from tests.core.corpus.compilations.prose import paragraphs as P


def _p(topic: str, n: int) -> str:
    return "\n\n".join(P(topic, n))


def _html_ps(topic: str, n: int) -> str:
    return "".join(f"<p>{p}</p>" for p in P(topic, n))


# E1. One news article: two rel=author links in the byline, no author meta, comments below.
E1 = Page(
    "single-rel-author",
    "html",
    "<html><head><title>Idlib's Quiet Ministries – The Levant Desk</title></head><body>"
    "<header class='site-header'><a>The Levant Desk</a></header><main><article>"
    "<h1>Idlib's Quiet Ministries</h1><div class='article-meta'><span class='byline'>By "
    "<a rel='author' href='/a/lina'>Lina Haddad</a> and <a rel='author' href='/a/omar'>"
    "Omar Said</a></span> · <time datetime='2021-10-14T08:00:00Z'>14 October 2021</time>"
    "</div>" + _html_ps("idlib", 4) + "</article><section id='comments'><h2>3 comments</h2>"
    "<div class='comment'><span class='comment-author vcard'><b class='fn'>Sam Jones</b></span>"
    "<p>Thanks for this, it matches what we hear from Sarmada.</p></div></section></main>"
    "</body></html>",
    (Want("Idlib's Quiet Ministries", "Lina Haddad, Omar Said", "2021-10-14"),),
)

# E2. A topic page of excerpts copied as text: one paragraph per story, ordinal dates.
_E2 = (
    ("Kidnappings rise on the Abuja-Kaduna road", "Emeka Obi", "October 3rd, 2021", "lake"),
    ("Benin deploys troops to its northern parks", "Marc Houngbo", "October 1st, 2021", "benin"),
    ("Djibo's blockade enters a second year", "Aïcha Diallo", "September 28th, 2021", "burkina"),
)
E2 = Page(
    "text-excerpt-listing",
    "text",
    "\n\n".join(
        ["West Africa", "Latest stories"]
        + [
            part
            for title, author, date, topic in _E2
            for part in (title, P(topic, 1)[0], f"By {author}", date)
        ]
    ),
    (
        Want("Kidnappings rise on the Abuja-Kaduna road", "Emeka Obi", "2021-10-03"),
        Want("Benin deploys troops to its northern parks", "Marc Houngbo", "2021-10-01"),
        Want("Djibo's blockade enters a second year", "Aïcha Diallo", "2021-09-28"),
    ),
)

# E3. A think-tank page as text: "Name | Role" and "Name, Role at Org" bylines, "3rd of
# October 2021" and "2021/09/20" dates.
E3 = Page(
    "text-role-bylines",
    "text",
    "\n\n".join(
        [
            "Analysis",
            "The TTP's Return to Swat",
            "Imran Qureshi | Senior Fellow",
            "3rd of October 2021",
            _p("karachi", 3),
            "Balochistan's Insurgents Look to China",
            "Sana Mir, Research Associate at the Quetta Policy Forum",
            "2021/09/20",
            _p("balochistan", 3),
        ]
    ),
    (
        Want("The TTP's Return to Swat", "Imran Qureshi", "2021-10-03"),
        Want("Balochistan's Insurgents Look to China", "Sana Mir", "2021-09-20"),
    ),
)

# E4. A flat HTML newsletter: no containers, <hr> between stories, no bylines, a masthead.
E4 = Page(
    "flat-html-newsletter",
    "email",
    "<html><body><h1>The Friday Wrap</h1><p>12 November 2021</p><hr>"
    + "".join(
        f"<h2>{title}</h2>{_html_ps(topic, n)}<hr>"
        for title, topic, n in (
            ("Malé's prisons and the returnees", "maldives", 3),
            ("Grozny's online preachers", "chechnya", 2),
            ("Colombo's investigation stalls", "sri", 3),
        )
    )
    + "<p>Forward this to a colleague.</p></body></html>",
    (
        Want("Malé's prisons and the returnees", "", "2021-11-12"),
        Want("Grozny's online preachers", "", "2021-11-12"),
        Want("Colombo's investigation stalls", "", "2021-11-12"),
    ),
    subject="The Friday Wrap",
)

# E5. A listing of bare <li> items (no classes): linked h3 titles, slashed dates in a span.
E5 = Page(
    "bare-li-listing",
    "html",
    "<html><body><h1>Publications</h1><ul>"
    + "".join(
        f"<li><h3><a href='https://inst.example/{k}'>{title}</a></h3><span class='date'>{date}"
        f"</span><p>{P(topic, 1)[0]}</p><p>{P(topic, 2)[1]}</p></li>"
        for k, (title, date, topic) in enumerate(
            (
                ("Sinai After the Tribes", "2021/11/02", "sinai"),
                ("Marawi's Reconstruction", "2021/10/18", "mindanao"),
                ("Ituri's Displaced", "2021/10/05", "drc"),
            )
        )
    )
    + "</ul></body></html>",
    (
        Want("Sinai After the Tribes", "", "2021-11-02"),
        Want("Marawi's Reconstruction", "", "2021-10-18"),
        Want("Ituri's Displaced", "", "2021-10-05"),
    ),
)

# E6. One blog post whose author is only a linked name in the header (no "By", no meta),
# with replies below whose authors are marked up the same way.
E6 = Page(
    "single-bare-author",
    "html",
    "<html><body><div class='post-single'><header class='post-header'>"
    "<h1 class='post-title'>The Pemba Deployment, Six Months On</h1>"
    "<div class='post-info'><span class='post-author'><a href='/by/joao'>João Mucavele</a>"
    "</span><span class='post-date'>November 20, 2021</span></div></header>"
    "<div class='post-content'>" + _html_ps("cabo", 4) + "</div></div>"
    "<div class='replies'><div class='reply'><span class='reply-author'>Ana Lopes</span>"
    "<p>Do you have figures for the number of returnees in Palma?</p></div></div>"
    "</body></html>",
    (Want("The Pemba Deployment, Six Months On", "João Mucavele", "2021-11-20"),),
)

PAGES = (E1, E2, E3, E4, E5, E6)
