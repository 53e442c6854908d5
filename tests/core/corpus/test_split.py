"""The splitter on the seeds and on compilation pages written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.corpus.repair import repair_text
from briefreader.corpus.split import Split, split_text


def _split(path: Path) -> Split:
    return split_text(repair_text(path.read_text(encoding="utf-8")).text)


def _seed(seeds: Path, prefix: str) -> Split:
    return _split(next(seeds.glob(f"{prefix}_*.txt")))


def _para(topic: str, n: int) -> str:
    """A body paragraph of plain reporting prose, about 45 words."""
    return (
        f"Officials in the region said the {topic} had changed markedly over the past year, "
        f"with attacks rising in several districts and local leaders warning that the state "
        f"could not hold the roads for long. Paragraph {n} adds further detail on funding, "
        f"recruitment and the response of neighbouring governments."
    )


# -- the seeds ---------------------------------------------------------------


def test_000_posts_tagged_page_splits_into_its_five_articles(seeds: Path) -> None:
    split = _seed(seeds, "000")
    assert split.compilation
    titles = [a.title for a in split.articles]
    assert titles == [
        "Why Is Beijing Going Nuts for Afghan Pine Nuts?",
        "How China Became Jihadis’ New Target",
        "Terrorism is a war the Taliban cannot win",
        "Jihadis will remain a threat under the Taliban government",
        "Isis-K has struck a massive blow at its two main enemies – the West and the Taliban",
    ]
    first = split.articles[0]
    assert first.intro.startswith("A brief piece drawing on")
    assert not any("brief piece" in p for p in first.paragraphs)
    assert first.standfirst.startswith("The trade offers concrete")
    assert first.captions == ["Credit: Depositphotos"]
    assert first.author == "Ajmal Waziri, Raffaello Pantucci"
    assert first.publisher == "The Diplomat"
    assert first.paragraphs[0].startswith("China’s exercise of economic statecraft")
    assert first.paragraphs[-1].startswith("All in all, it is a win-win")
    assert not any(p in {"Guest Authors", "Posts Tagged ‘ISKP’"} for p in first.paragraphs)
    third = split.articles[2]
    assert third.captions and third.captions[0].endswith("PHOTO: REUTERS")
    assert "GROWING VIOLENCE" in third.paragraphs  # a subheading stays in the body
    assert third.publisher == "The Straits Times"
    fourth = split.articles[3]
    assert fourth.bios == [
        "The writer is a Senior Fellow at the S Rajaratnam School of "
        "International Studies (RSIS) in Singapore"
    ]
    assert fourth.paragraphs[0].startswith("The attack on Kabul airport")
    for article in split.articles:
        assert article.intro and not article.footnotes
        assert all("Posts Tagged" not in p for p in article.paragraphs)


def test_004_keeps_54_footnotes_on_the_annual_assessment(seeds: Path) -> None:
    split = _seed(seeds, "004")
    assert len(split.articles) == 7
    assessment = split.articles[0]
    assert assessment.title == "Central Asia"
    assert assessment.standfirst.startswith("Kazakhstan, Kyrgyzstan")
    assert len(assessment.footnotes) == 54
    assert assessment.footnotes[0].startswith("1 Anastasiya Lejepekova")
    assert assessment.footnotes[-1].startswith("54 ")
    assert "Mass Unrest" in assessment.paragraphs
    assert assessment.author == "Nodirbek Soliev, Raffaello Pantucci"
    assert not any(p == "About the Authors" for p in assessment.paragraphs)
    scmp = split.articles[1]
    assert scmp.intro.startswith("A new piece for the South China Morning Post")
    assert scmp.standfirst.startswith("Rather than being quick")  # summary bullets
    assert scmp.publisher == "The South China Morning Post"


def test_003_masthead_byline_and_standfirst(seeds: Path) -> None:
    (article,) = _seed(seeds, "003").articles
    assert article.publisher == "National Post"
    assert article.title == "IS-K attack reveals Taliban’s vulnerability"
    assert article.standfirst == "Used Kabul’s airport as place to mark arrival"
    assert article.author == "Raffaello Pantucci"
    assert article.paragraphs[0].startswith("The combination of Western forces")
    assert "Newspapers in English" not in article.paragraphs
    assert len(article.paragraphs) == 7


def test_001_dated_byline_and_attribution(seeds: Path) -> None:
    (article,) = _seed(seeds, "001").articles
    assert article.date == "2021-11-08"
    assert article.author == "Salman Rafi Sheikh"
    assert article.publisher == "New Eastern Outlook"
    assert article.title == "IS-K Threat to Afghanistan and the Region"
    assert not any("Please select digest" in p for p in article.paragraphs)
    assert not any(p.startswith("Salman Rafi Sheikh, research-analyst") for p in article.paragraphs)


def test_002_captions_and_furniture_leave_the_body(seeds: Path) -> None:
    (article,) = _seed(seeds, "002").articles
    assert len(article.captions) == 2
    assert all("©" in c for c in article.captions)
    assert not any(
        "Source link" in p or "Leave a Reply" in p or "email address" in p
        for p in article.paragraphs
    )
    assert not any(p.startswith("A coalition airstrike destroys") for p in article.paragraphs)


# -- compilation pages the splitter has never seen ---------------------------


ARCHIVE_PAGE = "\n\n".join(
    [
        "Archive for the ‘Sahel’ Category",
        "Back from a week in Bamako, I put together this piece for the Sahel Observer on how "
        "the blockade has changed daily life, more to follow.",
        "JNIM Tightens Its Grip on Central Mali",
        "The group’s blockade of river towns shows a new confidence",
        "By Amina Traoré",
        "Photo: A checkpoint near Mopti. Credit: AFP",
        _para("blockade", 1),
        _para("blockade", 2),
        "Fuel and food",
        _para("blockade", 3),
        _para("blockade", 4),
        "Amina Traoré is a research fellow at the West Africa Security Institute.",
        "Another of my columns, this time for the Lagos Ledger, on the return of Boko Haram "
        "factions to the islands of Lake Chad.",
        "Boko Haram’s Lake Chad Comeback",
        "By Chidi Okafor",
        _para("insurgency", 1),
        _para("insurgency", 2),
        _para("insurgency", 3),
        "[1] International Crisis Group, “Lake Chad report”, 2021, https://example.org/a",
        "[2] UN Security Council, letter of 3 February 2022.",
        "[3] Ibid.",
        "Share this:",
        "Leave a Reply",
    ]
)

DIGEST_PAGE = "\n\n".join(
    [
        "Militants strike convoy in North Waziristan",
        "Security officials say at least six soldiers were killed",
        "March 3, 2023",
        _para("convoy attacks", 1),
        _para("convoy attacks", 2),
        _para("convoy attacks", 3),
        "The writer is a former ambassador and a senior analyst based in Islamabad.",
        "TTP expands reach into Balochistan",
        "Analysts warn of a new alliance with separatists",
        "4 March 2023",
        _para("alliance", 1),
        _para("alliance", 2),
        "A rally in Quetta. © Banaras Khan/AFP",
        _para("alliance", 3),
        "Newspapers from Pakistan",
    ]
)

# Two posts with no end marker between them: only the blogger's intro says a new one starts.
BLOG_PAGE = "\n\n".join(
    [
        "Posts tagged al-Shabaab",
        "Had a chance to write up some thoughts on Somalia for the Horn Review, my first "
        "piece there in a while.",
        "Al-Shabaab’s Tax Machine",
        "How the group raises more revenue than the federal government",
        "A market in Mogadishu. PHOTO: REUTERS",
        _para("taxation", 1),
        "Checkpoints",
        _para("taxation", 2),
        _para("taxation", 3),
        "Catching up on posting, here is my latest column for the Nairobi Weekly about the "
        "African Union drawdown.",
        "After the Drawdown",
        _para("drawdown", 1),
        _para("drawdown", 2),
    ]
)

STANDALONE_WITH_LIST = "\n\n".join(
    [
        "What the Sanctions Missed",
        _para("sanctions", 1),
        "Three Lessons",
        "1. Designations came too late to matter for the network’s finances.",
        "2. Enforcement depended on banks that had already left the country.",
        "3. Nobody measured the effect on the ground.",
        _para("sanctions", 2),
        "10 people were arrested in the following weeks, officials said, and more were sought.",
        _para("sanctions", 3),
    ]
)


def test_category_archive_with_bylines_photo_credits_and_bracketed_notes() -> None:
    split = split_text(ARCHIVE_PAGE)
    assert split.compilation
    assert [a.title for a in split.articles] == [
        "JNIM Tightens Its Grip on Central Mali",
        "Boko Haram’s Lake Chad Comeback",
    ]
    mali, chad = split.articles
    assert mali.author == "Amina Traoré"
    assert mali.publisher == "The Sahel Observer"
    assert mali.standfirst == "The group’s blockade of river towns shows a new confidence"
    assert mali.captions == ["Photo: A checkpoint near Mopti. Credit: AFP"]
    assert mali.intro.startswith("Back from a week in Bamako")
    assert "Fuel and food" in mali.paragraphs and len(mali.paragraphs) == 5
    assert mali.bios == ["Amina Traoré is a research fellow at the West Africa Security Institute."]
    assert chad.author == "Chidi Okafor"
    assert chad.publisher == "The Lagos Ledger"
    assert chad.intro.startswith("Another of my columns")
    assert len(chad.footnotes) == 3 and chad.footnotes[2] == "[3] Ibid."
    assert len(chad.paragraphs) == 3
    assert not any("Share this" in p or "Leave a Reply" in p for p in chad.paragraphs)


def test_newspaper_digest_with_datelines_and_writer_lines() -> None:
    split = split_text(DIGEST_PAGE)
    assert [a.title for a in split.articles] == [
        "Militants strike convoy in North Waziristan",
        "TTP expands reach into Balochistan",
    ]
    first, second = split.articles
    assert first.date == "2023-03-03" and second.date == "2023-03-04"
    assert first.standfirst == "Security officials say at least six soldiers were killed"
    assert first.bios and first.bios[0].startswith("The writer is")
    assert second.captions == ["A rally in Quetta. © Banaras Khan/AFP"]
    assert len(second.paragraphs) == 3


def test_blog_posts_without_end_markers_are_split_at_first_person_intros() -> None:
    split = split_text(BLOG_PAGE)
    assert [a.title for a in split.articles] == ["Al-Shabaab’s Tax Machine", "After the Drawdown"]
    tax, drawdown = split.articles
    assert tax.publisher == "The Horn Review"
    assert tax.standfirst.startswith("How the group raises")
    assert tax.captions == ["A market in Mogadishu. PHOTO: REUTERS"]
    assert tax.paragraphs == [
        _para("taxation", 1),
        "Checkpoints",
        _para("taxation", 2),
        _para("taxation", 3),
    ]
    assert drawdown.intro.startswith("Catching up on posting")
    assert drawdown.publisher == "The Nairobi Weekly"
    assert len(drawdown.paragraphs) == 2


def test_numbered_lists_and_subheadings_stay_in_a_single_article() -> None:
    split = split_text(STANDALONE_WITH_LIST)
    (article,) = split.articles
    assert article.title == "What the Sanctions Missed"
    assert article.footnotes == []
    assert "Three Lessons" in article.paragraphs
    assert any(p.startswith("1. Designations") for p in article.paragraphs)
    assert any(p.startswith("10 people were arrested") for p in article.paragraphs)
    assert not split.compilation


@pytest.mark.parametrize(
    "text",
    ["Just one line", "a\n\nb\n\nc", "Share this:", "2022", "• a bullet\n• another"],
)
def test_tiny_pages_keep_their_words(text: str) -> None:
    split = split_text(text)
    if text == "Share this:":
        assert split.articles == ()
        return
    words = " ".join(p for a in split.articles for p in [a.title, *a.paragraphs])
    for word in text.replace("•", "").split():
        assert word in words


def test_an_op_ed_arguing_in_the_first_person_is_not_cut_at_its_subheadings() -> None:
    page = "\n\n".join(
        [
            "Why Sanctions Failed",
            _para("sanctions", 1),
            "As I argued in a report for the Council on Foreign Relations last year, the "
            "group’s finances depend on trade that no designation can reach.",
            "The Money Trail",
            _para("sanctions", 2),
            _para("sanctions", 3),
        ]
    )
    (article,) = split_text(page).articles
    assert article.title == "Why Sanctions Failed"
    assert "The Money Trail" in article.paragraphs


def test_an_html_tag_page_splits_like_its_plain_text() -> None:
    from briefreader.corpus.parse import parse_bytes

    posts = "".join(
        f"<div class='post'><p>{intro}</p><h2>{title}</h2><p><em>{standfirst}</em></p>"
        f"<figure><img src='a.jpg'><figcaption>A street in Kabul. Photo: AFP</figcaption>"
        f"</figure>" + "".join(f"<p>{_para(topic, n)}</p>" for n in range(3)) + "</div>"
        for intro, title, standfirst, topic in [
            (
                "A new piece for the Kabul Times on the price of bread, written in a hurry.",
                "Bread and the Taliban",
                "Prices have doubled since the summer",
                "bread price",
            ),
            (
                "Catching up on posting: my column for the Asia Review on the border.",
                "The Durand Line Again",
                "Clashes return to an old frontier",
                "border",
            ),
        ]
    )
    page = (
        "<html><head><title>ISKP | A Blog</title><script>track()</script></head><body>"
        "<header><h1>A Blog</h1></header><h1>Posts Tagged ‘Taliban’</h1>"
        f"{posts}<footer><p>Leave a Reply</p></footer></body></html>"
    )
    docs = parse_bytes(page.encode(), source="tag.html", fmt="html").documents
    assert [d.title for d in docs] == ["Bread and the Taliban", "The Durand Line Again"]
    assert [d.publisher for d in docs] == ["The Kabul Times", "The Asia Review"]
    assert all(len(d.paragraphs) == 3 and len(d.captions) == 1 for d in docs)
    assert docs[0].standfirst == "Prices have doubled since the summer"


def test_hard_wrapped_plain_text_paragraphs_are_joined() -> None:
    body = _para("wrapped", 1)
    wrapped = "\n".join(body[i : i + 60] for i in range(0, len(body), 60))
    (article,) = split_text(f"A Wrapped Article\n\n{wrapped}\n\n{_para('wrapped', 2)}").articles
    assert article.title == "A Wrapped Article"
    assert article.paragraphs[0].replace(" ", "") == body.replace(" ", "")
    assert len(article.paragraphs) == 2


def test_a_newspaper_reader_digest_splits_at_its_furniture_and_mastheads() -> None:
    def story(n: int) -> list[str]:
        return [
            "The Daily Courier",
            f"Headline number {n} about the border",
            f"A standfirst for story {n}",
            f"- Jane Roe{n} The Wire Service Jane Roe{n} is a staff correspondent.",
            _para(f"border story {n}", 1),
            _para(f"border story {n}", 2),
            "Newspapers in English",
            "Newspapers from Canada",
        ]

    articles = split_text("\n\n".join(story(1) + story(2) + story(3))).articles
    assert [a.title for a in articles] == [
        f"Headline number {n} about the border" for n in (1, 2, 3)
    ]
    assert all(a.publisher == "The Daily Courier" and len(a.paragraphs) == 2 for a in articles)
    assert [a.author for a in articles] == ["Jane Roe1", "Jane Roe2", "Jane Roe3"]


def test_an_untitled_article_does_not_promote_its_first_subheading() -> None:
    page = "\n\n".join([_para("untitled", 1), "Background", _para("untitled", 2)])
    (article,) = split_text(page).articles
    assert article.intro == ""
    assert article.paragraphs == [_para("untitled", 1), "Background", _para("untitled", 2)]
    assert article.title.startswith("Officials in the region said")


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        (
            "TASHKENT, March 3 (Reuters) - The Islamic Movement of Uzbekistan has splintered.",
            "Reuters",
        ),
        ("KABUL (AP) — A suicide bomber struck the airport gate on Thursday.", "AP"),
        ("ISLAMABAD/KABUL, Jan 5 (AFP) – Pakistan closed the Torkham crossing.", "AFP"),
        ("The group (ISKP) – once feared – has lost ground.", ""),
        ("In Kabul (the capital) - life goes on.", ""),
    ],
)
def test_wire_copy_names_its_agency_as_publisher(opening: str, agency: str) -> None:
    page = f"Where did the IMU go?\n\n{opening}\n\nAnalysts say its fighters moved north."
    (article,) = split_text(page).articles
    assert article.publisher == agency


# -- digests set out in plain text ---------------------------------------------


def test_rules_between_stories_end_them_and_source_lines_date_them() -> None:
    text = "\n\n".join(
        [
            "WEST AFRICA WATCH",
            "Friday 12 November 2021",
            "=" * 40,
            "1) MALI: Convoy ambushed near Gao",
            "Source: Studio Tamani | 11 November 2021",
            _para("ambush", 1),
            _para("ambush", 2),
            "=" * 40,
            "2) NIGER: Schools close in Tillaberi",
            _para("schools", 1),
            "A Pattern of Closures",
            _para("schools", 2),
            "=" * 40,
            "3) BENIN: Park rangers killed",
            "Via ORTB",
            _para("rangers", 1),
            _para("rangers", 2),
        ]
    )
    split = split_text(text)
    got = [(a.title, a.date, a.publisher) for a in split.articles]
    assert got == [
        ("MALI: Convoy ambushed near Gao", "2021-11-11", "Studio Tamani"),
        ("NIGER: Schools close in Tillaberi", "", ""),
        ("BENIN: Park rangers killed", "", "ORTB"),
    ]
    assert "A Pattern of Closures" in split.articles[1].paragraphs  # a crosshead stays
    assert split.issued == "2021-11-12"  # the digest's date, for stories that state none


def test_decorated_titles_and_via_lines_in_a_plain_text_brief() -> None:
    text = "\n\n".join(
        [
            "THE MORNING BRIEFING",
            "Good morning, here is what we are watching today.",
            "** Raid in Kirkuk **",
            "Via Rudaw",
            _para("raid", 1),
            _para("raid", 2),
            "** Strike in Shabwa **",
            "Via Reuters",
            _para("strike", 1),
            _para("strike", 2),
        ]
    )
    got = [(a.title, a.publisher) for a in split_text(text).articles]
    assert got == [("Raid in Kirkuk", "Rudaw"), ("Strike in Shabwa", "Reuters")]


def test_rules_inside_one_essay_do_not_cut_it() -> None:
    text = "\n\n".join(
        [
            "The Long Retreat",
            "By Nadia Karam",
            _para("retreat", 1),
            _para("retreat", 2),
            "* * *",
            "The Camps",
            _para("camps", 1),
            _para("camps", 2),
            "* * *",
            "The Courts",
            _para("courts", 1),
            _para("courts", 2),
        ]
    )
    (article,) = split_text(text).articles
    assert article.title == "The Long Retreat" and article.author == "Nadia Karam"
    assert {"The Camps", "The Courts"} <= set(article.paragraphs)


def test_an_html_article_with_rules_under_its_head_and_between_sections_is_one() -> None:
    from briefreader.corpus.parse import parse_bytes

    page = (
        "<html><body><h1>The Long Retreat</h1><p>By Nadia Karam</p><hr>"
        + "".join(
            f"<h2>{head}</h2><p>{_para(head, 1)}</p><p>{_para(head, 2)}</p><hr>"
            for head in ("The Camps", "The Courts", "The Prisons")
        )
        + "</body></html>"
    )
    # Rules before every section, the first right under the head: a digest's shape but
    # for the byline above the first rule, which heads an article.
    docs = parse_bytes(page.encode(), fmt="html", name="essay.html").documents
    assert [d.title for d in docs] == ["The Long Retreat"]


def test_related_links_after_an_article_are_no_article() -> None:
    text = "\n\n".join(
        [
            "The Long Retreat",
            "By Nadia Karam",
            _para("retreat", 1),
            _para("retreat", 2),
            _para("retreat", 3),
            "Related:\nThe Camps of the North\nWhy the Courts Failed",
        ]
    )
    (article,) = split_text(text).articles
    assert article.title == "The Long Retreat"
