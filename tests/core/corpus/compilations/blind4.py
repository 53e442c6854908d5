"""A fourth BLIND part of the compilation corpus: newsletter mastheads with issue lines.

Written and measured before any rule for issue lines was changed, and never
tuned to (the tuning pages for that work are in newsletters.py). A digest's
masthead carries an issue line ("Issue #14 | Monday, 18 October 2021",
"Vol. 12, No. 4 -- 22 November 2022"): it is the issue's metadata, not the
first story's title, and its date dates the stories that state none, not
the e-mail's sending date (every e-mail here is sent on 9 November 2021,
`pages.Page.data`). The layouts differ from the tuning part's on purpose:
a Mailchimp template whose issue line sits in a content block of its own,
a Substack issue whose number and date are two lines, a plain-text list
with setext rules, a Google Groups message with bold paragraphs for
titles, a newsletter archive web page, a digest whose first story's title
begins with "Issue", and a one-story issue.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want
from tests.core.corpus.compilations.prose import notes as N
from tests.core.corpus.compilations.prose import paragraphs as P


def _html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _mc_block(inner: str) -> str:
    return (
        "<table class='mcnTextBlock' width='100%'><tbody class='mcnTextBlockOuter'><tr>"
        f"<td class='mcnTextBlockInner'><table class='mcnTextContentContainer'><tr>"
        f"<td class='mcnTextContent'>{inner}</td></tr></table></td></tr></tbody></table>"
    )


# K1. Mailchimp: the issue line in a text block of its own under an image header.
K1 = Page(
    "mailchimp-issue-block",
    "email",
    "<html><body><center><table id='bodyTable'><tr><td id='templatePreheader'>"
    "<span class='mcnPreviewText'>This week: Beni, Sabha, Shabwa</span>"
    "<a href='*|ARCHIVE|*'>View in browser</a></td></tr><tr><td id='templateHeader'>"
    "<img alt='Conflict Monitor' src='https://example.org/logo.png'></td></tr>"
    "<tr><td id='templateBody'>"
    + _mc_block("<p style='text-align:center'>Issue #14 | Monday, 18 October 2021</p>")
    + "".join(
        _mc_block(
            f"<h3>{title}</h3>{_html(body)}<p><a href='https://example.org/{k}'>Read more</a></p>"
        )
        for k, (title, body) in enumerate(
            (
                ("Massacres return to Beni", N("drc", 4)),
                ("The Fezzan's smuggling economy", P("libya", 3)),
                ("AQAP and the Shabwa oil fields", N("yemen", 5)),
            )
        )
    )
    + "</td></tr><tr><td id='templateFooter'><em>Copyright © 2021 Conflict Monitor, All "
    "rights reserved.</em><br>Want to change how you receive these emails? You can "
    "<a href='*|UPDATE_PROFILE|*'>update your preferences</a> or "
    "<a href='*|UNSUB|*'>unsubscribe from this list</a>.</td></tr></table></center>"
    "</body></html>",
    (
        Want("Massacres return to Beni", "", "2021-10-18"),
        Want("The Fezzan's smuggling economy", "", "2021-10-18"),
        Want("AQAP and the Shabwa oil fields", "", "2021-10-18"),
    ),
    subject="Conflict Monitor #14: Beni, Sabha, Shabwa",
)

# K2. Substack: the number and the date are two lines under the name; signed stories.
K2 = Page(
    "substack-numbered-issue",
    "email",
    "<html><body><div class='email-body'><div class='post typography'>"
    "<h1 class='post-title'>Caucasus Watch</h1><h3 class='subtitle'>Newsletter #7</h3>"
    "<p class='post-date'>Oct 8, 2021</p>"
    "<div class='body markup'><p>Hello again. Two long reads and one short note this "
    "week.</p>"
    "<h2>Grozny's online preachers, revisited</h2><p><em>By Ruslan Aliev</em></p>"
    + _html(N("chechnya", 4))
    + "<h2>Xinjiang's exiles in Idlib</h2><p><em>By Mehmet Tursun</em></p>"
    + _html(P("uyghur", 3))
    + "<h2>A note on Dushanbe</h2><p><em>By Ruslan Aliev</em></p>"
    + _html(P("tajik", 2))
    + "</div><p class='footer'>You're on the free list for Caucasus Watch. "
    "<a href='https://example.substack.com/subscribe'>Upgrade to paid</a></p>"
    "<p>Unsubscribe</p></div></div></body></html>",
    (
        Want("Grozny's online preachers, revisited", "Ruslan Aliev", "2021-10-08"),
        Want("Xinjiang's exiles in Idlib", "Mehmet Tursun", "2021-10-08"),
        Want("A note on Dushanbe", "Ruslan Aliev", "2021-10-08"),
    ),
    subject="Caucasus Watch — Newsletter #7",
)

# K3. A plain-text list: setext rules under the masthead, "--" between stories.
K3 = Page(
    "plain-list-volume",
    "email",
    "\n".join(
        [
            "EAST AFRICA SECURITY NOTES",
            "Vol. 12, No. 4 -- 22 November 2022",
            "==================================",
            "",
            "Mtwara: raids across the Ruvuma",
            "--------------------------------",
            "",
            "\n\n".join(P("tanzania", 3)),
            "",
            "Mogadishu's port and the tax men",
            "--------------------------------",
            "",
            "\n\n".join(N("mogadishu", 4)),
            "",
            "Beni after the offensive",
            "------------------------",
            "",
            "\n\n".join(P("drc", 4)),
            "",
            "--",
            "To leave this list, reply with UNSUBSCRIBE in the subject line.",
        ]
    ),
    (
        Want("Mtwara: raids across the Ruvuma", "", "2022-11-22"),
        Want("Mogadishu's port and the tax men", "", "2022-11-22"),
        Want("Beni after the offensive", "", "2022-11-22"),
    ),
    subject="[ea-notes] Vol. 12, No. 4",
)

# K4. A Google Groups message: bold paragraphs as titles, the group's footer.
K4 = Page(
    "google-groups-edition",
    "email",
    "<html><body><div dir='ltr'><div><b>Sri Lanka &amp; Maldives Reader</b></div>"
    "<div>Edition 41 | 2 March 2023</div><div><br></div>"
    + "".join(
        f"<div><b>{title}</b></div>" + "".join(f"<div>{p}</div><div><br></div>" for p in body)
        for title, body in (
            ("Colombo's investigation stalls again", P("sri", 3)),
            ("Returnees in Malé's prisons", N("maldives", 4)),
        )
    )
    + "<div>-- <br>You received this message because you are subscribed to the Google "
    "Groups &quot;SL-MV Reader&quot; group.<br>To unsubscribe from this group and stop "
    "receiving emails from it, send an email to slmv-reader+unsubscribe@googlegroups.com."
    "</div></div></body></html>",
    (
        Want("Colombo's investigation stalls again", "", "2023-03-02"),
        Want("Returnees in Malé's prisons", "", "2023-03-02"),
    ),
    subject="[slmv-reader] Edition 41",
)

# K5. A newsletter's web archive: one issue as a page, signed stories under h3.
K5 = Page(
    "newsletter-archive-page",
    "html",
    "<html><head><title>Issue 203 – Kashmir Conflict Review</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/archive'>Archive</a></nav><main>"
    "<h1>Kashmir Conflict Review</h1><p class='issue-meta'>Issue 203 – 30 June 2022</p>"
    "<h3>The Resistance Front's new targets</h3><p>By Aamir Rather</p>"
    + _html(P("kashmir", 4))
    + "<h3>Quetta and the engineers</h3><p>By Sana Baloch</p>"
    + _html(N("balochistan", 4))
    + "</main><footer><p>Subscribe to the Review</p></footer></body></html>",
    (
        Want("The Resistance Front's new targets", "Aamir Rather", "2022-06-30"),
        Want("Quetta and the engineers", "Sana Baloch", "2022-06-30"),
    ),
)

# K6. A plain-text digest whose first story's title starts with "Issue": that is a title.
K6 = Page(
    "issue-word-title",
    "email",
    "\n\n".join(
        [
            "THE WEEK IN SAHEL SECURITY",
            "No. 55 · 3 December 2021",
            "Issue of ransom payments resurfaces in Niger",
            "\n\n".join(P("menaka", 3)),
            "Djibo: a second year under blockade",
            "\n\n".join(N("burkina", 4)),
            "Ansarul Islam's new commander",
            "\n\n".join(P("burkina", 2)),
        ]
    ),
    (
        Want("Issue of ransom payments resurfaces in Niger", "", "2021-12-03"),
        Want("Djibo: a second year under blockade", "", "2021-12-03"),
        Want("Ansarul Islam's new commander", "", "2021-12-03"),
    ),
    subject="The Week in Sahel Security, No. 55",
)

# K7. A one-story issue: the issue date, not the e-mail's.
K7 = Page(
    "one-story-issue",
    "email",
    "<html><body><table><tr><td><h1>Kirkuk Letters</h1>"
    "<p>Issue No. 5 — 1 February 2022</p>"
    "<h2>The disputed territories, a year on</h2><p>By Dilan Aziz</p>"
    + _html(P("iraq", 5))
    + "<p>Thanks for reading Kirkuk Letters.</p></td></tr></table></body></html>",
    (Want("The disputed territories, a year on", "Dilan Aziz", "2022-02-01"),),
    subject="Kirkuk Letters, Issue No. 5",
)

PAGES: tuple[Page, ...] = (K1, K2, K3, K4, K5, K6, K7)
