"""A newsletter's issue line is the issue's metadata, and its date dates the stories.

Each test states one thing the splitter and the readers must do with
"Issue No. 88 — 5 October 2021"-like lines, and one thing they must not
(a headline holding "No. 2", a journal article's "Volume 14, Issue 8").
The layouts as a whole are in compilations/newsletters.py (tuning) and
compilations/blind4.py (blind).
"""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from briefreader.corpus.furniture import is_furniture, sponsor_label
from briefreader.corpus.issue_line import is_issue_line
from briefreader.corpus.parse import parse_bytes


def _body(place: str, n: int = 3) -> list[str]:
    lines = [
        f"Officials in {place} describe a steady rise in attacks on the roads out of town, "
        f"most of them at night and most of them against traders who refuse to pay.",
        f"Local leaders in {place} say they have asked for soldiers for months, and that the "
        f"few who came left again before the rains.",
        f"Nobody in {place} expects the pressure to ease soon, and several families have "
        f"already moved to the capital with what they could carry.",
    ]
    return lines[:n]


def _mail(body: str, *, html: bool = True, date: str = "Tue, 09 Nov 2021 06:00:00 +0000") -> bytes:
    message = EmailMessage()
    message["From"] = "Newsletter <news@example.org>"
    message["Subject"] = "This week"
    message["Date"] = date
    if html:
        message.set_content("Read this in a client that shows HTML.")
        message.add_alternative(body, subtype="html")
    else:
        message.set_content(body)
    return message.as_bytes()


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "Issue No. 88 — 5 October 2021",
        "Vol. 3, No. 12 · Oct 4, 2021",
        "Edition 41 | 2 March 2023",
        "Newsletter #7",
        "Newsletter #7 - Friday, 8 October 2021",
        "The Extremism Monitor · Issue 88 · 5 October 2021",
        "Lake Chad Dispatch #88",
        "Volume 14, Issue 8",
        "MORNING BRIEF | 5 November 2021",
        "Issue 88 / 5 October 2021",
        "Issue 88 (5 October 2021)",
        "Bulletin n° 12 · 2 March 2023",
        "ISSUE 88 • OCTOBER 5, 2021 • View online",
    ],
)
def test_issue_lines_are_read_by_their_shape(line: str) -> None:
    assert is_issue_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "No. 2 of Islamic State in Somalia killed in Puntland",
        "Issue of ransom payments resurfaces in Niger",
        "Islamic State No. 2 Killed In Raid",
        "Syria: 10 Years On",
        "Part 2: The Islands",
        "Hodan Warsame | 5 November 2021",
        "COMMENTARY | 15 October 2021",
        "Why Issue 5 matters.",
    ],
)
def test_headlines_and_bylines_are_no_issue_lines(line: str) -> None:
    assert not is_issue_line(line)


def test_a_digests_issue_line_is_no_title_and_dates_its_stories() -> None:
    text = "\n\n".join(
        [
            "SAHEL SECURITY UPDATE",
            "Edition 41 | 2 March 2023",
            "Raids on the Niamey road",
            *_body("Tillabéri"),
            "Herders leave Ménaka",
            *_body("Ménaka"),
        ]
    )
    docs = parse_bytes(_mail(text, html=False), fmt="email", name="update.eml").documents
    assert [(d.title, d.date) for d in docs] == [
        ("Raids on the Niamey road", "2023-03-02"),
        ("Herders leave Ménaka", "2023-03-02"),
    ]


def test_a_one_story_issue_takes_the_issue_date_not_the_sending_date() -> None:
    html = (
        "<html><body><h1>Kirkuk Letters</h1><p>Issue #5 · 1 February 2022</p>"
        "<h2>The disputed districts</h2><p>By Dilan Aziz</p>" + _ps(_body("Kirkuk")) + "</body>"
    )
    (doc,) = parse_bytes(_mail(html), fmt="email", name="letters.eml").documents
    assert (doc.title, doc.author, doc.date) == (
        "The disputed districts",
        "Dilan Aziz",
        "2022-02-01",
    )


def test_a_story_keeps_its_own_date_over_the_issue_date() -> None:
    html = (
        "<html><body><h1>Horn Monitor</h1><p>Issue No. 23 — 14 September 2021</p>"
        "<h2>Courts in the Juba valley</h2><p>By Hodan Warsame · 12 September 2021</p>"
        + _ps(_body("Jilib"))
        + "<h2>The southern border</h2><p>By Hodan Warsame</p>"
        + _ps(_body("Mtwara"))
        + "</body></html>"
    )
    docs = parse_bytes(_mail(html), fmt="email", name="monitor.eml").documents
    assert [d.date for d in docs] == ["2021-09-12", "2021-09-14"]


def test_an_issue_line_without_a_date_leaves_the_sending_date() -> None:
    html = (
        "<html><body><h1>Mindanao Update</h1><p>Issue 31</p><h2>Rebuilding Marawi</h2>"
        + _ps(_body("Marawi"))
        + "<h2>Sulu's ransom trade</h2>"
        + _ps(_body("Jolo"))
        + "</body></html>"
    )
    docs = parse_bytes(_mail(html), fmt="email", name="update.eml").documents
    assert [(d.title, d.date) for d in docs] == [
        ("Rebuilding Marawi", "2021-11-09"),
        ("Sulu's ransom trade", "2021-11-09"),
    ]


def test_a_listings_posts_take_the_issue_date_but_keep_their_own() -> None:
    cards = "".join(
        f"<div class='story-card'><h2><a href='https://example.org/{k}'>{title}</a></h2>{extra}"
        + _ps(_body(place))
        + "</div>"
        for k, (title, place, extra) in enumerate(
            [
                ("Checkpoints in Kabul", "Kabul", ""),
                ("The pine nut trade", "Kunar", "<time datetime='2021-10-02'>2 Oct</time>"),
            ]
        )
    )
    html = (
        "<html><body><div class='masthead'><h1>Afghanistan Monitor</h1>"
        "<div>Edition 12 | Thursday, 7 October 2021</div></div>" + cards + "</body></html>"
    )
    docs = parse_bytes(_mail(html), fmt="email", name="monitor.eml").documents
    assert [(d.title, d.date) for d in docs] == [
        ("Checkpoints in Kabul", "2021-10-07"),
        ("The pine nut trade", "2021-10-02"),
    ]


def test_a_journal_articles_volume_line_does_not_cut_it_at_its_crossheads() -> None:
    html = (
        "<html><body><p>CTC Review</p><p>Volume 14, Issue 8</p>"
        "<h1>The Islands Boko Haram Holds</h1><p>By Emeka Obi</p>"
        + _ps(_body("Baga"))
        + "<h2>Fishing and Taxes</h2>"
        + _ps(_body("Kukawa"))
        + "<h2>What Comes Next</h2>"
        + _ps(_body("Monguno"))
        + "</body></html>"
    )
    docs = parse_bytes(html.encode(), fmt="html", name="ctc.html").documents
    assert [(d.title, d.author) for d in docs] == [("The Islands Boko Haram Holds", "Emeka Obi")]
    assert "Fishing and Taxes" in docs[0].body


def test_a_numbered_headline_further_down_stays_a_title() -> None:
    text = "\n\n".join(
        [
            "MORNING BRIEF | 5 November 2021",
            "Kunduz mosque bombers named",
            *_body("Kunduz"),
            "Resolution No. 2231",
            *_body("Vienna"),
        ]
    )
    docs = parse_bytes(_mail(text, html=False), fmt="email", name="brief.eml").documents
    assert [(d.title, d.author, d.date) for d in docs] == [
        ("Kunduz mosque bombers named", "", "2021-11-05"),
        ("Resolution No. 2231", "", "2021-11-05"),
    ]


def test_list_footers_and_signatures_leave_the_last_story() -> None:
    text = "\n\n".join(
        [
            "Pakistan Militancy Notes",
            "Newsletter #7 - Friday, 8 October 2021",
            "*Rackets in Karachi*",
            *_body("Karachi"),
            "--",
            "You received this message because you are subscribed to the Google Groups "
            '"pk-notes" group.\nTo unsubscribe from this group and stop receiving emails from '
            "it, send an email to pk-notes+unsubscribe@googlegroups.com.",
        ]
    )
    (doc,) = parse_bytes(_mail(text, html=False), fmt="email", name="notes.eml").documents
    assert doc.title == "Rackets in Karachi" and doc.date == "2021-10-08"
    assert "subscribed" not in doc.body and "unsubscribe" not in doc.body
    assert doc.body.endswith("what they could carry.")


def test_prose_about_a_reports_authors_is_no_author_bio() -> None:
    text = "\n\n".join(
        [
            "A new report on the Kunar valley",
            "By Farid Kazemi",
            *_body("Asadabad", 2),
            "The authors are careful not to overstate the case: much of what is known about "
            "the valley comes from defectors, whose accounts are hard to check.",
            *_body("Asadabad", 3)[2:],
        ]
    )
    (doc,) = parse_bytes(text.encode(), fmt="text", name="note.txt").documents
    assert "The authors are careful" in doc.body and not doc.bios


def test_a_sponsors_label_is_furniture_but_a_sentence_is_not() -> None:
    assert is_furniture("In partnership with") and sponsor_label("Sponsored by Acme Risk")
    assert not is_furniture("Together with its allies, JNIM struck Djibo.")
    assert not sponsor_label("Together with its allies, JNIM struck Djibo.")


@pytest.mark.parametrize(
    ("sent", "head", "date"),
    [
        ("Wed, 10 Nov 2021 06:00:00 +0000", "MORNING BRIEF | Tuesday 9 November", "2021-11-09"),
        # Sent in the new year about the last day of the old one.
        ("Sun, 02 Jan 2022 06:00:00 +0000", "The Sahel Brief — Friday, December 31", "2021-12-31"),
        ("Wed, 10 Nov 2021 06:00:00 +0000", "Issue 45 · Monday 8 November", "2021-11-08"),
    ],
)
def test_a_heads_day_without_its_year_takes_the_sending_year(
    sent: str, head: str, date: str
) -> None:
    text = "\n\n".join([head, "Raids on the Niamey road", *_body("Tillabéri")])
    text += "\n\n" + "\n\n".join(["Herders leave Ménaka", *_body("Ménaka")])
    docs = parse_bytes(_mail(text, html=False, date=sent), fmt="email", name="b.eml").documents
    assert [(d.title, d.date) for d in docs] == [
        ("Raids on the Niamey road", date),
        ("Herders leave Ménaka", date),
    ]


def test_a_listings_issue_day_without_its_year_takes_the_sending_year() -> None:
    cards = "".join(
        f"<div class='story-card'><h2><a href='https://example.org/{k}'>{title}</a></h2>"
        + _ps(_body(place))
        + "</div>"
        for k, (title, place) in enumerate([("Checkpoints in Kabul", "Kabul"), ("Kunar", "Kunar")])
    )
    html = (
        "<html><body><div class='masthead'><h1>Afghanistan Monitor</h1>"
        "<div>Edition 12 | Thursday, 7 October</div></div>" + cards + "</body></html>"
    )
    sent = "Sat, 09 Oct 2021 06:00:00 +0000"
    docs = parse_bytes(_mail(html, date=sent), fmt="email", name="monitor.eml").documents
    assert [d.date for d in docs] == ["2021-10-07", "2021-10-07"]


def test_a_subject_that_is_an_issue_line_dates_the_stories_when_the_body_does_not() -> None:
    html = (
        "<html><body><h1>Horn Monitor</h1><h2>Courts in the Juba valley</h2>"
        + _ps(_body("Jilib"))
        + "<h2>The southern border</h2>"
        + _ps(_body("Mtwara"))
        + "</body></html>"
    )
    message = EmailMessage()
    message["From"] = "Horn Monitor <news@example.org>"
    message["Subject"] = "Horn Monitor — Issue No. 23 — 14 September 2021"
    message["Date"] = "Thu, 16 Sep 2021 06:00:00 +0000"
    message.set_content("HTML only.")
    message.add_alternative(html, subtype="html")
    docs = parse_bytes(message.as_bytes(), fmt="email", name="monitor.eml").documents
    assert [(d.title, d.date) for d in docs] == [
        ("Courts in the Juba valley", "2021-09-14"),
        ("The southern border", "2021-09-14"),
    ]


def test_a_numbered_subject_does_not_cut_an_essay_at_its_crossheads() -> None:
    html = (
        "<html><body><h1>The islands the group still holds</h1>"
        + _ps(_body("Baga"))
        + "<h2>Fishing and taxes</h2>"
        + _ps(_body("Kukawa"))
        + "<h2>What comes next</h2>"
        + _ps(_body("Monguno"))
        + "</body></html>"
    )
    message = EmailMessage()
    message["From"] = "Lake Chad Dispatch <news@example.org>"
    message["Subject"] = "Lake Chad Dispatch #88"
    message["Date"] = "Thu, 16 Sep 2021 06:00:00 +0000"
    message.set_content("HTML only.")
    message.add_alternative(html, subtype="html")
    docs = parse_bytes(message.as_bytes(), fmt="email", name="dispatch.eml").documents
    assert [d.title for d in docs] == ["The islands the group still holds"]
