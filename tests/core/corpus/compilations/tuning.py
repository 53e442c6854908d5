"""The TUNING part of the compilation corpus: pages the splitter's rules are shaped on.

Written with `blind.py` before the rules were touched; unlike the blind
pages, these may be looked at while tuning and are asserted exactly.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want
from tests.core.corpus.compilations.prose import paragraphs as P


def _p(topic: str, n: int) -> str:
    return "\n\n".join(P(topic, n))


def _html_ps(topic: str, n: int) -> str:
    return "".join(f"<p>{p}</p>" for p in P(topic, n))


# T1. WordPress tag archive (HTML), share furniture between posts.
T1 = Page(
    "wp-tag-archive",
    "html",
    "<html><head><title>ISKP | Threat Notes</title></head><body>"
    "<div class='site-branding'><p class='site-title'>Threat Notes</p></div>"
    "<h1 class='page-title'>Tag: <span>ISKP</span></h1>"
    + "".join(
        f"<article><header class='entry-header'><h2 class='entry-title'>"
        f"<a href='https://threatnotes.example/{slug}/' rel='bookmark'>{title}</a></h2>"
        f"<div class='entry-meta'><span class='posted-on'>Posted on <time class='entry-date "
        f"published' datetime='{iso}T08:00:00+00:00'>{shown}</time></span> "
        f"<span class='byline'> by <span class='author vcard'>{author}</span></span></div>"
        f"</header><div class='entry-content'>{_html_ps(topic, n)}</div>"
        f"<footer class='entry-footer'><div class='sharedaddy'><h3>Share this:</h3>"
        f"<ul><li>Twitter</li><li>Facebook</li><li>LinkedIn</li></ul></div>"
        f"<div class='likes'><h3>Like this:</h3><p>Like Loading...</p></div>"
        f"<span class='tags-links'>Tagged Afghanistan, ISKP</span></footer></article>"
        for slug, title, iso, shown, author, topic, n in (
            (
                "kunduz-bombing",
                "The Kunduz Bombing and What Came After",
                "2021-10-10",
                "October 10, 2021",
                "Sarah Khan",
                "kunduz",
                3,
            ),
            (
                "pine-nuts",
                "China, the Taliban and the Pine Nut Trade",
                "2021-10-02",
                "October 2, 2021",
                "Sarah Khan",
                "pine",
                4,
            ),
            (
                "karachi-ttp",
                "The TTP's Karachi Problem",
                "2021-09-20",
                "September 20, 2021",
                "Omar Farooq",
                "karachi",
                3,
            ),
        )
    )
    + "</body></html>",
    (
        Want("The Kunduz Bombing and What Came After", "Sarah Khan", "2021-10-10"),
        Want("China, the Taliban and the Pine Nut Trade", "Sarah Khan", "2021-10-02"),
        Want("The TTP's Karachi Problem", "Omar Farooq", "2021-09-20"),
    ),
)

# T2. A "Posts Tagged" blog page in another layout: intro lines, "Posted by",
# wire datelines, crossheads inside articles (the 10 articles).
_T2_ITEMS = (
    (
        "A short piece for the Interpreter on the Sinai, drawing on a recent trip.",
        "Wilayat Sinai Under Pressure",
        "sinai",
        3,
        "Posted by Karim Adel on 3 November 2021",
        "EL-ARISH, Nov 2 (Reuters) -",
        "The Tribal Militias",
    ),
    ("", "Marawi Four Years On", "mindanao", 3, "Posted by Karim Adel on 28 October 2021", "", ""),
    (
        "Catching up on some recent writing, this one for War on the Rocks.",
        "The ADF and the Islamic State",
        "drc",
        4,
        "Posted by Karim Adel on 20 October 2021",
        "",
        "A Franchise in Central Africa",
    ),
    (
        "",
        "Boko Haram After Shekau",
        "lake",
        3,
        "Posted by Karim Adel on 11 October 2021",
        "MAIDUGURI, Oct 10 (AP) -",
        "",
    ),
    (
        "Quick note on a piece I wrote with a colleague for Lawfare.",
        "Prisons and the Maldives",
        "maldives",
        3,
        "Posted by Karim Adel on 1 October 2021",
        "",
        "",
    ),
    (
        "",
        "Fezzan Smuggling and the Islamic State",
        "libya",
        4,
        "Posted by Karim Adel on 22 September 2021",
        "",
        "Routes South",
    ),
    (
        "",
        "Cabo Delgado's Gas and Guns",
        "cabo",
        3,
        "Posted by Karim Adel on 12 September 2021",
        "PEMBA, Sept 11 (Reuters) -",
        "",
    ),
    (
        "New column for the South China Morning Post on Xinjiang and Syria.",
        "The Turkistan Islamic Party in Idlib",
        "uyghur",
        3,
        "Posted by Karim Adel on 1 September 2021",
        "",
        "",
    ),
    (
        "",
        "Kashmir's New Militant Brand",
        "kashmir",
        3,
        "Posted by Karim Adel on 25 August 2021",
        "SRINAGAR, Aug 24 (Reuters) -",
        "Targeted Killings",
    ),
    ("", "AQAP's Shabwa Gambit", "yemen", 3, "Posted by Karim Adel on 15 August 2021", "", ""),
)


def _t2_article(item: tuple[str, str, str, int, str, str, str]) -> list[str]:
    intro, title, topic, n, posted, dateline, crosshead = item
    body = P(topic, n)
    if dateline:
        body[0] = f"{dateline} {body[0]}"
    if crosshead:
        body.insert(2, crosshead)
    return [
        part
        for part in (
            intro,
            title,
            posted,
            *body,
            "Share this: Twitter Facebook LinkedIn",
            "Like this: Like Loading...",
        )
        if part
    ]


T2 = Page(
    "posts-tagged-other-layout",
    "text",
    "\n\n".join(
        ["Posts Tagged ‘jihadism’"] + [part for item in _T2_ITEMS for part in _t2_article(item)]
    ),
    tuple(
        Want(item[1], "Karim Adel", date)
        for item, date in zip(
            _T2_ITEMS,
            (
                "2021-11-03",
                "2021-10-28",
                "2021-10-20",
                "2021-10-11",
                "2021-10-01",
                "2021-09-22",
                "2021-09-12",
                "2021-09-01",
                "2021-08-25",
                "2021-08-15",
            ),
            strict=True,
        )
    ),
)

# T3. A "morning brief" e-mail (HTML) from a news outlet.
T3 = Page(
    "morning-brief-html",
    "email",
    "<html><body><div><p>Having trouble viewing this email? View it in your browser.</p>"
    "<h1>Morning Brief</h1><p>By the Newsletter Team</p>"
    "<p>Good morning, and welcome to today's Morning Brief. Here is what we are "
    "watching this Tuesday.</p>"
    + "".join(
        f"<h2>{title}</h2><p>{_p(topic, 1)}</p><p>{P(topic, n)[-1]}</p>"
        + "".join(f"<p>{p}</p>" for p in P(topic, n)[1:-1])
        for title, topic, n in (
            ("Islamic State Steps Up Attacks in Iraq", "iraq", 3),
            ("Yemen's Shabwa Becomes a Battleground", "yemen", 4),
            ("Benin Faces a Spillover From the Sahel", "benin", 3),
        )
    )
    + "<p>That's it for today. Was this newsletter forwarded to you? Sign up here.</p>"
    "<p>Unsubscribe · Privacy Policy</p></div></body></html>",
    (
        Want("Islamic State Steps Up Attacks in Iraq", "", "2021-11-09"),
        Want("Yemen's Shabwa Becomes a Battleground", "", "2021-11-09"),
        Want("Benin Faces a Spillover From the Sahel", "", "2021-11-09"),
    ),
    subject="Morning Brief: Iraq, Yemen, Benin",
)

# T4. A PressReader "Newspapers in English" page holding two articles.
T4 = Page(
    "pressreader-national-post",
    "text",
    "\n\n".join(
        [
            "Newspapers in English",
            "Newspapers from Canada",
            "National Post",
            "2021-08-28",
            "IS-K attack reveals Taliban's weakness",
            "Kabul airport bombing shows limits of control",
            "RAFFAELLO PANTUCCI Raffaello Pantucci is a senior fellow at RSIS.",
            _p("kunduz", 4),
            "National Post",
            "2021-08-28",
            "Chechen networks regroup online",
            "New channels push old message",
            "ADAM RADWAN",
            _p("chechnya", 3),
        ]
    ),
    (
        Want("IS-K attack reveals Taliban's weakness", "Raffaello Pantucci", "2021-08-28"),
        Want("Chechen networks regroup online", "Adam Radwan", "2021-08-28"),
    ),
)

# T5. A newsletter digest (plain text) with "By X | Outlet" lines and "Read more".
T5 = Page(
    "digest-plain",
    "text",
    "\n\n".join(
        ["THE CONFLICT DIGEST", "Week of 1 November 2021", "In this issue: Tanzania, Libya, Benin"]
        + [
            part
            for title, author, outlet, date, topic, n in (
                (
                    "Raids Across the Ruvuma",
                    "Grace Mushi",
                    "The Citizen",
                    "1 November 2021",
                    "tanzania",
                    3,
                ),
                (
                    "Sabha's Smugglers and the State",
                    "Ali Zeidan",
                    "Libya Herald",
                    "2 November 2021",
                    "libya",
                    3,
                ),
                (
                    "Parks, Poachers and Jihadists",
                    "Marc Houngbo",
                    "Le Monde Afrique",
                    "4 November 2021",
                    "benin",
                    3,
                ),
            )
            for part in (title, f"By {author} | {outlet} | {date}", _p(topic, n), "Read more")
        ]
    ),
    (
        Want("Raids Across the Ruvuma", "Grace Mushi", "2021-11-01"),
        Want("Sabha's Smugglers and the State", "Ali Zeidan", "2021-11-02"),
        Want("Parks, Poachers and Jihadists", "Marc Houngbo", "2021-11-04"),
    ),
)

# T6. A category archive with "Continue reading", "Leave a comment" and day-first dates.
T6 = Page(
    "category-archive-continue",
    "html",
    "<html><body><h1>Archive for the ‘Somalia’ Category</h1>"
    + "".join(
        f"<div class='post'><h2><a href='https://hornwatch.example/{i}'>{title}</a></h2>"
        f"<p class='meta'>{date} | {author}</p>{_html_ps(topic, n)}"
        f"<p><a href='#'>Continue reading →</a></p><p>Leave a comment</p></div>"
        for i, title, date, author, topic, n in (
            (1, "Al-Shabaab's Port Revenues", "05/11/2021", "Hodan Warsame", "mogadishu", 3),
            (2, "Ituri and the Somali Connection", "28/10/2021", "Hodan Warsame", "drc", 3),
        )
    )
    + "</body></html>",
    (
        Want("Al-Shabaab's Port Revenues", "Hodan Warsame", "2021-11-05"),
        Want("Ituri and the Somali Connection", "Hodan Warsame", "2021-10-28"),
    ),
)

PAGES = (T1, T2, T3, T4, T5, T6)
