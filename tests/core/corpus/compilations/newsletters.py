"""A TUNING part of the compilation corpus: newsletter mastheads with issue lines.

The rules for issue lines ("Issue No. 23 — 14 September 2021", "Vol. 3,
No. 12 · Oct 4, 2021", "Edition 41 | 2 March 2023", "Newsletter #7") were
shaped on these pages; blind4.py was written and measured before them and
is never tuned to. Every e-mail here is sent on 9 November 2021
(`pages.Page.data`), so a story dated that day took the sending date where
the issue's was stated. Pages whose issue line carries no date, or whose
title merely holds "No. 2", check that the rule goes no further.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want
from tests.core.corpus.compilations.prose import notes as N
from tests.core.corpus.compilations.prose import paragraphs as P


def _html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _mc_block(inner: str) -> str:
    return (
        "<table class='mcnTextBlock'><tbody class='mcnTextBlockOuter'><tr>"
        f"<td class='mcnTextBlockInner'><div class='mcnTextContent'>{inner}</div>"
        "</td></tr></tbody></table>"
    )


# T1. Mailchimp: masthead and issue line in the header, stories in text blocks,
# one of which states its own date.
T1 = Page(
    "mailchimp-issue-no",
    "email",
    "<html><body><table id='bodyTable'><tr><td id='templatePreheader'>"
    "<a href='*|ARCHIVE|*'>View this email in your browser</a></td></tr>"
    "<tr><td id='templateHeader'><h1>The Horn Monitor</h1>"
    "<p>Issue No. 23 — 14 September 2021</p></td></tr><tr><td id='templateBody'>"
    + _mc_block(
        "<h2>Al-Shabaab's courts in the Juba valley</h2><p>By Hodan Warsame</p>"
        + _html(N("mogadishu", 4))
    )
    + _mc_block(
        "<h2>Cabo Delgado's displaced go home</h2>"
        "<p>By Joana Macuácua · 12 September 2021</p>" + _html(P("cabo", 3))
    )
    + _mc_block(
        "<h2>Tanzania's southern border</h2><p>By Hodan Warsame</p>" + _html(P("tanzania", 3))
    )
    + "</td></tr><tr><td id='templateFooter'><p>You are receiving this email because you "
    "opted in via our website.</p><p><a href='*|UNSUB|*'>unsubscribe from this list</a></p>"
    "</td></tr></table></body></html>",
    (
        Want("Al-Shabaab's courts in the Juba valley", "Hodan Warsame", "2021-09-14"),
        Want("Cabo Delgado's displaced go home", "Joana Macuácua", "2021-09-12"),
        Want("Tanzania's southern border", "Hodan Warsame", "2021-09-14"),
    ),
    subject="The Horn Monitor — Issue No. 23",
)

# T2. A Substack issue: "Vol. 3, No. 12 · Oct 4, 2021" as the subtitle, unsigned stories.
T2 = Page(
    "substack-volume-issue",
    "email",
    "<html><body><div class='post typography'><h1>Levant Letters</h1>"
    "<h3 class='subtitle'>Vol. 3, No. 12 · Oct 4, 2021</h3>"
    "<p>Hi everyone, and thanks for reading. Three things caught my eye this week.</p>"
    "<h2>HTS and the Idlib ministries</h2>"
    + _html(N("idlib", 4))
    + "<h2>Kirkuk's disputed districts</h2>"
    + _html(P("iraq", 3))
    + "<h2>Wilayat Sinai after the tribal offensive</h2>"
    + _html(P("sinai", 3))
    + "<p>Unsubscribe</p></div></body></html>",
    (
        Want("HTS and the Idlib ministries", "", "2021-10-04"),
        Want("Kirkuk's disputed districts", "", "2021-10-04"),
        Want("Wilayat Sinai after the tribal offensive", "", "2021-10-04"),
    ),
    subject="Levant Letters, Vol. 3 No. 12",
)

# T3. A plain-text list: "Edition 41 | 2 March 2023", numbered stories, source lines.
T3 = Page(
    "plain-edition-numbered",
    "email",
    "\n\n".join(
        [
            "SAHEL SECURITY UPDATE",
            "Edition 41 | 2 March 2023",
            "1. JNIM in the Benin parks",
            "\n\n".join(P("benin", 3)),
            "Source: Le Monde",
            "2. Ménaka's herders under attack",
            "\n\n".join(N("menaka", 4)),
            "Source: RFI",
            "3. Djibo's blockade and the convoys",
            "\n\n".join(P("burkina", 3)),
            "Source: Reuters",
        ]
    ),
    (
        Want("JNIM in the Benin parks", "", "2023-03-02"),
        Want("Ménaka's herders under attack", "", "2023-03-02"),
        Want("Djibo's blockade and the convoys", "", "2023-03-02"),
    ),
    subject="Sahel Security Update, Edition 41",
)

# T4. A Google Groups list in plain text: "*Title*" marks, "Newsletter #7 - date", a footer.
T4 = Page(
    "groups-plain-newsletter",
    "email",
    "\n\n".join(
        [
            "Pakistan Militancy Notes",
            "Newsletter #7 - Friday, 8 October 2021",
            "*TTP rackets in Karachi's markets*",
            "\n\n".join(P("karachi", 3)),
            "*The BLA and the Chinese engineers*",
            "\n\n".join(N("balochistan", 4)),
            "--",
            "You received this message because you are subscribed to the Google Groups "
            '"pk-militancy" group.\nTo unsubscribe from this group and stop receiving '
            "emails from it, send an email to pk-militancy+unsubscribe@googlegroups.com.",
        ]
    ),
    (
        Want("TTP rackets in Karachi's markets", "", "2021-10-08"),
        Want("The BLA and the Chinese engineers", "", "2021-10-08"),
    ),
    subject="[pk-militancy] Newsletter #7",
)

# T5. An issue line without a date: the stories keep the e-mail's date.
T5 = Page(
    "issue-line-undated",
    "email",
    "<html><body><h1>Mindanao Update</h1><p>Issue 31</p>"
    "<h2>Marawi's rebuilding, four years on</h2>"
    + _html(P("mindanao", 3))
    + "<h2>Sulu's kidnap-for-ransom trade</h2>"
    + _html(N("mindanao", 4))
    + "</body></html>",
    (
        Want("Marawi's rebuilding, four years on", "", "2021-11-09"),
        Want("Sulu's kidnap-for-ransom trade", "", "2021-11-09"),
    ),
    subject="Mindanao Update 31",
)

# T6. A digest whose first story's title holds "No. 2": a title, not an issue line.
T6 = Page(
    "no-2-title",
    "email",
    "\n\n".join(
        [
            "MORNING BRIEF | 5 November 2021",
            "No. 2 of Islamic State in Somalia killed in Puntland",
            "\n\n".join(P("mogadishu", 3)),
            "Kunduz mosque bombers named",
            "\n\n".join(P("kunduz", 3)),
        ]
    ),
    (
        Want("No. 2 of Islamic State in Somalia killed in Puntland", "", "2021-11-05"),
        Want("Kunduz mosque bombers named", "", "2021-11-05"),
    ),
    subject="Morning Brief",
)

# T7. A one-story issue e-mail (the whole issue is one essay): the issue date.
T7 = Page(
    "one-essay-issue",
    "email",
    "<html><body><div class='post'><h1>Lake Chad Dispatch</h1>"
    "<p class='meta'>Issue #88 · 5 October 2021</p>"
    "<h2>The islands Boko Haram still holds</h2><p>By Emeka Obi</p>"
    + _html(N("lake", 5))
    + "<p>Forward this to a colleague.</p></div></body></html>",
    (Want("The islands Boko Haram still holds", "Emeka Obi", "2021-10-05"),),
    subject="Lake Chad Dispatch #88",
)

# T8. A newsletter template whose stories are posts (linked titles in repeated cards):
# the listing reader cuts it, and the head's issue date still dates the posts.
T8 = Page(
    "card-template-edition",
    "email",
    "<html><body><div class='wrapper'><div class='masthead'><h1>Afghanistan Monitor</h1>"
    "<div class='edition'>Edition 12 | Thursday, 7 October 2021</div></div>"
    + "".join(
        f"<div class='story-card'><h2><a href='https://example.org/am/{k}'>{title}</a></h2>"
        f"<div class='story-author'>{author}</div>{_html(body)}</div>"
        for k, (title, author, body) in enumerate(
            (
                ("The pine nut trade after August", "Farid Kazemi", P("pine", 3)),
                ("ISKP's mosque campaign", "Sana Mir", N("kunduz", 4)),
                ("Who runs Kabul's checkpoints", "Farid Kazemi", P("pine", 2)),
            )
        )
    )
    + "<div class='footer'><p>Unsubscribe · Privacy policy</p></div></div></body></html>",
    (
        Want("The pine nut trade after August", "Farid Kazemi", "2021-10-07"),
        Want("ISKP's mosque campaign", "Sana Mir", "2021-10-07"),
        Want("Who runs Kabul's checkpoints", "Farid Kazemi", "2021-10-07"),
    ),
    subject="Afghanistan Monitor, Edition 12",
)

# T9. A Beehiiv-style issue: the issue line above the name, a reading time, emoji
# before each headline, and a sponsor's slot between two stories.
T9 = Page(
    "emoji-headlines-sponsor",
    "email",
    "<html><body><div style='max-width:600px'><table><tr><td><img alt='logo'></td>"
    "<td><p style='font-size:12px'>November 8, 2021 | Issue #45</p></td></tr></table>"
    "<h1>The Militancy Memo</h1><p>Read time: 4 minutes</p>"
    "<p>Good morning. In today's edition: Kunduz, Cabo Delgado and Sinai.</p>"
    "<h2>🇦🇫 Kunduz mosque bombers named</h2>"
    + _html(P("kunduz", 3))
    + "<div><p>In partnership with</p><h3>Acme Risk Intelligence</h3><p>Get alerts before "
    "anyone else. Try Acme free for 14 days.</p></div>"
    "<h2>🇲🇿 Cabo Delgado's displaced go home</h2>"
    + _html(N("cabo", 4))
    + "<h2>🇪🇬 Wilayat Sinai after the offensive</h2>"
    + _html(P("sinai", 3))
    + "<p>That's it for today. See you tomorrow!</p><p><a href='https://x.example/p/45'>"
    "Read online</a> | <a href='https://x.example/unsub'>Unsubscribe</a></p></div></body></html>",
    (
        Want("🇦🇫 Kunduz mosque bombers named", "", "2021-11-08"),
        Want("🇲🇿 Cabo Delgado's displaced go home", "", "2021-11-08"),
        Want("🇪🇬 Wilayat Sinai after the offensive", "", "2021-11-08"),
    ),
    subject="The Militancy Memo #45",
)

PAGES: tuple[Page, ...] = (T1, T2, T3, T4, T5, T6, T7, T8, T9)
