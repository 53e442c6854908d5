"""The THIRD blind part of the compilation corpus: layouts no other part uses, never tuned to.

Written and measured before any rule was changed for it (the baseline is in
test_compilations.py and in the commit that froze it). Its pages are what
analysts get besides the layouts the other parts hold: a WordPress archive
with Jetpack share and like blocks and hCard bylines, a Mailchimp digest of
nested tables, a plain-text brief with rules between stories, a news site's
topic page of excerpts ("3 days ago" is no date), a think-tank listing with
schema.org microdata, a Markdown export with setext headings, an IndieWeb
h-entry blog, a wire service's topic page copied as text, and pages that
hold ONE article with crossheads, comments and related links (never split).

The prose differs from the other parts' on purpose: paragraphs of uneven
length, quotations, one-sentence paragraphs.
"""

from __future__ import annotations

from tests.core.corpus.compilations.pages import Page, Want

_TOPICS: dict[str, tuple[str, str, str]] = {
    "gao": ("Gao", "the Islamic State Sahel Province", "the convoys on the Niger river"),
    "palma": ("Palma", "the Cabo Delgado insurgents", "the return of displaced families"),
    "raqqa": ("Raqqa", "Islamic State sleeper cells", "assassinations of local officials"),
    "hol": ("al-Hol", "the camp's Islamic State women", "the repatriation of children"),
    "tillaberi": ("Tillabéri", "JNIM and its rivals", "the gold sites near the border"),
    "jowhar": ("Jowhar", "al-Shabaab", "the Shabelle river farms"),
    "nangarhar": ("Jalalabad", "the Islamic State Khorasan Province", "Salafi madrasas"),
    "sulu": ("Jolo", "the Abu Sayyaf remnants", "the surrender programme"),
    "borno": ("Bama", "Boko Haram's Shekau faction", "the closing of the camps"),
    "derna": ("Derna", "the Libyan jihadist veterans", "the rebuilding after the flood"),
    "pemba": ("Pemba", "Mozambican security forces", "the coastal islands"),
    "bannu": ("Bannu", "the Pakistani Taliban", "police checkpoints"),
    "kidal": ("Kidal", "the Tuareg armed movements", "the withdrawal of the UN mission"),
    "mosul": ("Mosul", "former Islamic State members", "reconstruction contracts"),
    "balkh": ("Mazar-i-Sharif", "the Taliban's northern commanders", "the Uzbek border trade"),
    "baidoa": ("Baidoa", "al-Shabaab tax collectors", "the drought"),
    "diffa": ("Diffa", "the Islamic State West Africa Province", "the pepper trade"),
    "khost": ("Khost", "the Haqqani network", "the border crossings"),
    "hasakah": ("Hasakah", "the Islamic State", "the Ghwayran prison break"),
    "lamu": ("Lamu", "al-Shabaab's Kenyan wing", "the Boni forest"),
    "tripoli": ("Tripoli", "the Madkhali-Salafi brigades", "the city's mosques"),
    "ouaga": ("Ouagadougou", "the junta's volunteer militias", "the recruitment drives"),
    "cotabato": ("Cotabato", "the Bangsamoro Islamic Freedom Fighters", "the elections"),
    "garissa": ("Garissa", "al-Shabaab recruiters", "the university"),
    "tora": ("Tora Bora", "the Islamic State's mountain cells", "winter supply lines"),
    "idlib2": ("Sarmada", "Hurras al-Din", "drone strikes on its leaders"),
    "sokoto": ("Sokoto", "the Lakurawa group", "cattle rustling"),
    "kirkuk2": ("Hawija", "Islamic State fighters", "the orchards along the Zab"),
    "aden": ("Abyan", "al-Qaeda in the Arabian Peninsula", "the southern separatists"),
    "sinai2": ("Rafah", "the Sinai tribes", "the buffer zone"),
    "kasai": ("Butembo", "the ADF's urban cells", "the Ebola responders"),
}


def _paras(topic: str, n: int) -> list[str]:
    """Uneven paragraphs: long reporting, a quotation, a one-line paragraph."""
    place, group, subject = _TOPICS[topic]
    lines = [
        f"Security officials in {place} say {group} has spent the past months reorganising, "
        f"and that {subject} now matters more to its plans than any single attack.",
        f"“They come at night and they know every name,” said a resident of {place}, who "
        f"asked not to be identified. “Nobody talks about {subject} any more.”",
        "It did not last.",
        f"Researchers who track {group} point to a change in tone in its statements, which "
        f"now speak less of conquest and more of patience, and to a new interest in "
        f"{subject} that first appeared in local reporting earlier this year.",
        f"The authorities have answered with arrests, curfews and promises of development "
        f"money, but in {place} few people believe the money will arrive.",
        f"What happens next depends on whether {group} can keep its fighters paid, and on "
        f"whether anyone in the capital still pays attention to {place}.",
    ]
    return lines[:n]


def _text(topic: str, n: int) -> str:
    return "\n\n".join(_paras(topic, n))


def _html(topic: str, n: int) -> str:
    return "".join(f"<p>{p}</p>" for p in _paras(topic, n))


# D1. A WordPress archive (full posts) with Jetpack share and like blocks,
# "posted on" times and hCard bylines, crossheads inside the posts.
_D1_POSTS = (
    (
        "gao-convoys",
        "Convoys on the Niger: ISSP's River War",
        "2021-10-03",
        "October 3, 2021",
        "Mariam Touré",
        ("gao", 3),
        "The Boat Owners",
        ("tillaberi", 2),
    ),
    (
        "palma-returns",
        "Who Goes Back to Palma?",
        "2021-09-27",
        "September 27, 2021",
        "João Mucavele",
        ("palma", 4),
        "",
        None,
    ),
    (
        "raqqa-killings",
        "The Quiet Killings in Raqqa",
        "2021-09-14",
        "September 14, 2021",
        "Mariam Touré",
        ("raqqa", 2),
        "A Pattern of Targets",
        ("hasakah", 3),
    ),
)
D1 = Page(
    "wp-jetpack-archive",
    "html",
    "<!DOCTYPE html><html lang='en-GB'><head><meta charset='UTF-8'>"
    "<title>Sahel | Conflict Notebook</title>"
    "<meta name='generator' content='WordPress 6.0'></head>"
    "<body class='archive category category-sahel'>"
    "<div id='page' class='site'><header id='masthead' class='site-header'>"
    "<p class='site-title'><a href='/'>Conflict Notebook</a></p>"
    "<p class='site-description'>Field notes on insurgencies</p>"
    "<nav class='main-navigation'><ul><li><a>Home</a></li><li><a>About</a></li></ul></nav>"
    "</header><div id='content' class='site-content'><main id='main' class='site-main'>"
    "<header class='page-header'><h1 class='page-title'>Category: <span>Sahel</span></h1>"
    "</header>"
    + "".join(
        f"<article id='post-{k}' class='post-{k} post type-post status-publish hentry'>"
        f"<header class='entry-header'><h2 class='entry-title'>"
        f"<a href='https://notebook.example/{slug}/' rel='bookmark'>{title}</a></h2>"
        f"<div class='entry-meta'><span class='posted-on'><a href='https://notebook.example/"
        f"{slug}/' rel='bookmark'><time class='entry-date published' datetime='{iso}T09:12:00"
        f"+00:00'>{shown}</time><time class='updated' datetime='2022-01-04T10:00:00+00:00'>"
        f"January 4, 2022</time></a></span><span class='byline'> <span class='author vcard'>"
        f"<a class='url fn n' href='https://notebook.example/author/{k}/'>{author}</a>"
        f"</span></span></div></header><div class='entry-content'>{_html(*first)}"
        + (f"<h3>{cross}</h3>{_html(*second)}" if second else "")
        + "<div class='sharedaddy sd-sharing-enabled'><div class='robots-nocontent sd-block "
        "sd-social sd-social-icon-text sd-sharing'><h3 class='sd-title'>Share this:</h3>"
        "<div class='sd-content'><ul><li class='share-twitter'><a class='share-twitter "
        "sd-button share-icon' href='?share=twitter'><span>Twitter</span></a></li>"
        "<li class='share-facebook'><a class='share-facebook sd-button share-icon' "
        "href='?share=facebook'><span>Facebook</span></a></li><li class='share-end'></li>"
        "</ul></div></div></div><div id='like-post-wrapper' class='sharedaddy sd-block "
        "sd-like jetpack-likes-widget-wrapper'><h3 class='sd-title'>Like this:</h3>"
        "<div class='likes-widget-placeholder post-likes-widget-placeholder'>"
        "<span class='button'><span>Like</span></span> <span class='loading'>Loading...</span>"
        "</div></div><div id='jp-relatedposts' class='jp-relatedposts'>"
        "<h3 class='jp-relatedposts-headline'><em>Related</em></h3></div></div>"
        "<footer class='entry-footer'><span class='cat-links'>Posted in <a>Sahel</a></span>"
        "<span class='comments-link'><a>Leave a comment</a></span></footer></article>"
        for k, (slug, title, iso, shown, author, first, cross, second) in enumerate(_D1_POSTS, 1)
    )
    + "<nav class='navigation posts-navigation'><a>Older posts</a></nav></main>"
    "<aside id='secondary' class='widget-area'><section class='widget'><h2 class='widget-title'>"
    "Recent Posts</h2><ul><li><a>Convoys on the Niger: ISSP's River War</a></li>"
    "<li><a>Who Goes Back to Palma?</a></li></ul></section></aside></div>"
    "<footer id='colophon' class='site-footer'><div class='site-info'>Proudly powered by "
    "WordPress</div></footer></div></body></html>",
    (
        Want("Convoys on the Niger: ISSP's River War", "Mariam Touré", "2021-10-03"),
        Want("Who Goes Back to Palma?", "João Mucavele", "2021-09-27"),
        Want("The Quiet Killings in Raqqa", "Mariam Touré", "2021-09-14"),
    ),
)

# D2. A Mailchimp newsletter digest: nested tables, "By A and B" in bold, no per-story
# dates (the date stands for all), "Read more »" links, a footer of furniture.
_D2_STORIES = (
    ("The women of al-Hol and the repatriation stalemate", "Nadia Karam and Ellen Moss", "hol", 3),
    ("Hurras al-Din after the drone strikes", "Yusuf Demir", "idlib2", 2),
    ("Lakurawa: a new name in northwest Nigeria", "Bukola Adeyemi", "sokoto", 3),
    ("Abyan's three-way war", "Nadia Karam", "aden", 2),
)
D2 = Page(
    "mailchimp-digest",
    "email",
    "<!doctype html><html><head><title>The Extremism Monitor</title></head><body>"
    "<center><table id='bodyTable' width='100%'><tr><td align='center' valign='top'>"
    "<table id='templateContainer' width='600'><tr><td id='templatePreheader'>"
    "<table class='mcnTextBlock'><tr><td class='mcnTextContent'>"
    "Four reads on jihadism this week | "
    "<a href='*|ARCHIVE|*'>View this email in your browser</a></td></tr></table>"
    "</td></tr><tr><td id='templateHeader'><table class='mcnImageBlock'><tr><td>"
    "<img alt='The Extremism Monitor' src='logo.png'></td></tr></table>"
    "<table class='mcnTextBlock'><tr><td class='mcnTextContent'>"
    "<h1>The Extremism Monitor</h1><p>Issue No. 88 — 5 October 2021</p></td></tr></table>"
    "</td></tr><tr><td id='templateBody'>"
    "<table class='mcnTextBlock'><tr><td class='mcnTextContent'><p>Dear readers,</p>"
    "<p>This week we look at the camps in northeast Syria, the last al-Qaeda loyalists in "
    "Idlib, a new group in Nigeria's northwest and the fighting in southern Yemen.</p>"
    "</td></tr></table>"
    + "".join(
        "<table class='mcnDividerBlock'><tr><td><table class='mcnDividerContent' "
        "style='border-top: 2px solid #EAEAEA;'><tr><td><span></span></td></tr></table>"
        "</td></tr></table><table class='mcnTextBlock'><tr><td class='mcnTextContent'>"
        f"<h2 style='font-size:20px'>{title}</h2><p><strong>By {authors}</strong></p>"
        f"{_html(topic, n)}<p><a href='https://monitor.example/{k}'>Read more »</a></p>"
        "</td></tr></table>"
        for k, (title, authors, topic, n) in enumerate(_D2_STORIES, 1)
    )
    + "</td></tr><tr><td id='templateFooter'><table class='mcnFollowBlock'><tr>"
    "<td><a>Twitter</a></td><td><a>Website</a></td></tr></table>"
    "<table class='mcnTextBlock'><tr><td class='mcnTextContent'>"
    "<em>Copyright © 2021 The Extremism Monitor, All rights reserved.</em><br>"
    "You are receiving this email because you opted in via our website.<br><br>"
    "<strong>Our mailing address is:</strong><br>The Extremism Monitor, 12 Example Street, "
    "London<br><br>Want to change how you receive these emails?<br>"
    "You can <a>update your preferences</a> or <a>unsubscribe from this list</a>.</td></tr>"
    "</table></td></tr></table></td></tr></table></center></body></html>",
    (
        Want(
            "The women of al-Hol and the repatriation stalemate",
            "Nadia Karam, Ellen Moss",
            "2021-10-05",
        ),
        Want("Hurras al-Din after the drone strikes", "Yusuf Demir", "2021-10-05"),
        Want("Lakurawa: a new name in northwest Nigeria", "Bukola Adeyemi", "2021-10-05"),
        Want("Abyan's three-way war", "Nadia Karam", "2021-10-05"),
    ),
    subject="The Extremism Monitor #88: al-Hol, Hurras al-Din, Lakurawa, Abyan",
)

# D3. A plain-text horn-of-Africa brief: rules of dashes between stories, numbered
# titles with a country prefix, "Source: Outlet | date" lines, one crosshead.
D3 = Page(
    "horn-brief-text",
    "email",
    "\n\n".join(
        [
            "HORN OF AFRICA SECURITY UPDATE",
            "Thursday 7 April 2022",
            "Good morning. Four items today, with the fighting around Jowhar first.",
            "-" * 60,
            "1) SOMALIA: Al-Shabaab overruns outpost near Jowhar",
            "Source: Garowe Online | 6 April 2022",
            _text("jowhar", 3),
            "Why it matters",
            "\n\n".join(_paras("baidoa", 2)),
            "-" * 60,
            "2) KENYA: Lamu attacks resume after the rains",
            "Source: The Star (Nairobi) | 5 April 2022",
            _text("lamu", 4),
            "-" * 60,
            "3) KENYA: Garissa students questioned over recruitment",
            "Source: Daily Nation | 6 April 2022",
            _text("garissa", 2),
            "-" * 60,
            "4) SOMALIA: Drought deepens al-Shabaab's hold on Baidoa's roads",
            "Source: Hiiraan Online | 4 April 2022",
            _text("baidoa", 3),
            "-" * 60,
            "You received this update because you subscribed to the Horn of Africa list.",
            "To stop receiving it, reply with UNSUBSCRIBE.",
        ]
    ),
    (
        Want("SOMALIA: Al-Shabaab overruns outpost near Jowhar", "", "2022-04-06"),
        Want("KENYA: Lamu attacks resume after the rains", "", "2022-04-05"),
        Want("KENYA: Garissa students questioned over recruitment", "", "2022-04-06"),
        Want("SOMALIA: Drought deepens al-Shabaab's hold on Baidoa's roads", "", "2022-04-04"),
    ),
    subject="Horn of Africa Security Update – 7 April 2022",
)

# D4. A news site's topic page: excerpts only, one per card, "3 days ago" (no date)
# for recent items and "Oct. 1, 2021" for older ones; "By A and B" bylines.
_D4_CARDS = (
    ("Pakistan police struck again in Bannu", "By Amir Shah", "3 days ago", "bannu", ""),
    (
        "Haqqani commanders tighten grip on Khost crossings",
        "By Amir Shah and Lena Vogt",
        "Updated 5 hours ago",
        "khost",
        "",
    ),
    (
        "Inside the Taliban's northern trade deal",
        "By Lena Vogt",
        "Oct. 1, 2021",
        "balkh",
        "2021-10-01",
    ),
    (
        "Islamic State cells winter in Tora Bora",
        "By Sayed Rahimi",
        "Sept. 28, 2021",
        "tora",
        "2021-09-28",
    ),
    (
        "Salafi schools shut in Jalalabad",
        "By Sayed Rahimi",
        "Sept. 24, 2021",
        "nangarhar",
        "2021-09-24",
    ),
)
D4 = Page(
    "news-topic-page",
    "html",
    "<html><head><title>Afghanistan – latest news | The Daily Courier</title>"
    "<meta property='og:site_name' content='The Daily Courier'>"
    "<meta property='og:type' content='website'></head><body>"
    "<header class='site-header'><a class='logo'>The Daily Courier</a>"
    "<ul class='sections'><li>World</li><li>Politics</li><li>Business</li></ul></header>"
    "<main><div class='topic-header'><span class='kicker'>Topic</span><h1>Afghanistan</h1>"
    "<p class='topic-description'>News and analysis from Afghanistan and the region.</p>"
    "</div><ol class='stream'>"
    + "".join(
        f"<li class='stream-item'><div class='card'><div class='card-media'>"
        f"<img alt='' src='{k}.jpg'><span class='credit'>AFP via Getty Images</span></div>"
        f"<div class='card-body'><span class='card-kicker'>Asia</span><h3 class='card-title'>"
        f"<a href='https://courier.example/world/{k}'>{title}</a></h3><p class='card-dek'>"
        f"{_paras(topic, 1)[0]}</p><p class='card-meta'><span class='byline'>{byline}"
        f"</span> <span class='timestamp'>{when}</span></p></div></div></li>"
        for k, (title, byline, when, topic, _iso) in enumerate(_D4_CARDS, 1)
    )
    + "</ol><div class='pagination'><a>1</a><a>2</a><a>3</a><a>Next</a></div></main>"
    "<footer class='site-footer'><p>© 2021 The Daily Courier. All rights reserved.</p>"
    "</footer></body></html>",
    tuple(
        Want(title, byline.removeprefix("By ").replace(" and ", ", "), iso)
        for title, byline, _when, _topic, iso in _D4_CARDS
    ),
)

# D5. A think-tank "Commentary" listing with schema.org microdata, "Name | Senior Fellow"
# bylines, the date in a meta element and as shown text, a short excerpt, "Read more".
_D5_ITEMS = (
    (
        "Why Kidal Matters After MINUSMA",
        "Ousmane Cissé",
        "Senior Fellow",
        "2021-10-12",
        "12 Oct 2021",
        "kidal",
        2,
    ),
    (
        "Mosul's Contracts and the Return of Old Networks",
        "Hana Jaff",
        "Research Analyst",
        "2021-10-06",
        "6 Oct 2021",
        "mosul",
        1,
    ),
    (
        "The Madkhalis and the Libyan State",
        "Karim Belhaj",
        "Associate Fellow",
        "2021-09-30",
        "30 Sep 2021",
        "tripoli",
        2,
    ),
)
D5 = Page(
    "thinktank-schema-listing",
    "html",
    "<html><head><title>Commentary | Institute for Security Studies in the South</title>"
    "</head><body><div class='container'><div class='breadcrumbs'>Home › Publications › "
    "Commentary</div><h1 class='listing-title'>Commentary</h1>"
    "<div class='filters'><label>Region</label><label>Topic</label></div>"
    "<div class='results'>"
    + "".join(
        f"<div class='result' itemscope itemtype='https://schema.org/Article'>"
        f"<div class='result-type'>Commentary</div>"
        f"<h3 itemprop='headline'><a itemprop='url' href='https://isss.example/c/{k}'>"
        f"{title}</a></h3><div class='result-meta'><span itemprop='author' itemscope "
        f"itemtype='https://schema.org/Person'><span itemprop='name'>{author}</span></span>"
        f" | {role}<br><meta itemprop='datePublished' content='{iso}'>"
        f"<span class='date'>{shown}</span></div><div itemprop='description'>"
        f"{_html(topic, n)}</div><a class='more' href='https://isss.example/c/{k}'>Read more"
        f"</a></div>"
        for k, (title, author, role, iso, shown, topic, n) in enumerate(_D5_ITEMS, 1)
    )
    + "</div><div class='pager'>Page 1 of 14</div></div></body></html>",
    tuple(Want(title, author, iso) for title, author, _role, iso, _shown, _t, _n in _D5_ITEMS),
)

# D6. A Markdown export with setext headings, "*Posted … by …*" in other orders,
# "* * *" rules between posts and an ATX crosshead inside one post.
D6 = Page(
    "markdown-setext-export",
    "markdown",
    "\n\n".join(
        [
            "Lake Chad Dispatches\n====================",
            "Exported posts, newest first.",
            "* * *",
            "Bama's Camps Are Closing\n------------------------",
            "_3 Oct 2021 — Author: Fatima Bukar_",
            _text("borno", 3),
            "### What the returnees found",
            _text("diffa", 2),
            "* * *",
            "ISWAP and the Pepper Trade\n--------------------------",
            "_2021-09-21 — Author: Fatima Bukar_",
            _text("diffa", 4),
            "* * *",
            "A Ceasefire That Never Was\n--------------------------",
            "_September 2, 2021 — Author: Musa Lawan_",
            _text("sokoto", 3),
        ]
    ),
    (
        Want("Bama's Camps Are Closing", "Fatima Bukar", "2021-10-03"),
        Want("ISWAP and the Pepper Trade", "Fatima Bukar", "2021-09-21"),
        Want("A Ceasefire That Never Was", "Musa Lawan", "2021-09-02"),
    ),
)

# D7. An IndieWeb blog with h-entry microformats: p-name titles, rel=author h-card links,
# dt-published times, e-content bodies, no <article> elements, "Permalink" links.
_D7_ENTRIES = (
    ("Jolo After the Amnesty", "2021-11-02", "2 November 2021", "sulu", 3),
    ("Cotabato Votes", "2021-10-19", "19 October 2021", "cotabato", 4),
    ("Notes on the Pemba Deployment", "2021-10-05", "5 October 2021", "pemba", 2),
)
D7 = Page(
    "indieweb-h-entry",
    "html",
    "<html><head><title>Notes — Ramon Dizon</title>"
    "<link rel='author' href='https://dizon.example/'></head><body class='h-feed'>"
    "<div class='site'><p class='p-name site-name'>Notes</p>"
    "<div class='h-card p-author'><a class='u-url p-name' rel='me' href='/'>Ramon Dizon</a>"
    "</div>"
    + "".join(
        f"<div class='h-entry entry'><h2 class='p-name'><a class='u-url' "
        f"href='https://dizon.example/{iso}'>{title}</a></h2><div class='meta'>"
        f"<a class='p-author h-card' rel='author' href='https://dizon.example/'>Ramon Dizon</a>"
        f" · <time class='dt-published' datetime='{iso}'>{shown}</time></div>"
        f"<div class='e-content'>{_html(topic, n)}</div><p class='entry-links'>"
        f"<a class='u-url' href='https://dizon.example/{iso}'>Permalink</a></p></div><hr>"
        for title, iso, shown, topic, n in _D7_ENTRIES
    )
    + "<p class='older'><a>Older notes</a></p></div></body></html>",
    tuple(Want(title, "Ramon Dizon", iso) for title, iso, _s, _t, _n in _D7_ENTRIES),
)

# D8. ONE WordPress post with h2 crossheads, a bio box, comments and related posts
# that link to other posts (three headings with links): it must stay one article.
D8 = Page(
    "wp-single-post",
    "html",
    "<html><head><title>Derna's Veterans and the Flood | Maghreb Watch</title>"
    "<meta property='og:site_name' content='Maghreb Watch'>"
    "<meta property='article:published_time' content='2021-10-20T07:00:00+00:00'>"
    "<meta name='author' content='Salma Ben Ali'></head><body class='single single-post'>"
    "<header class='site-header'><p class='site-title'>Maghreb Watch</p></header>"
    "<main><article class='post'><header class='entry-header'><h1 class='entry-title'>"
    "Derna's Veterans and the Flood</h1><div class='entry-meta'>"
    "<time class='entry-date published' datetime='2021-10-20'>20 October 2021</time></div>"
    "</header><div class='entry-content'>"
    + _html("derna", 3)
    + "<h2>The Old Brigades</h2>"
    + _html("tripoli", 3)
    + "<h2>Money for Reconstruction</h2>"
    + _html("mosul", 2)
    + "<h2>What Comes Next</h2>"
    + _html("kidal", 2)
    + "</div><div class='author-box'><h4>About Salma Ben Ali</h4><p>Salma Ben Ali is a "
    "journalist based in Tunis who covers Libya.</p></div></article>"
    "<section class='related-posts'><h3>You might also like</h3>"
    "<div class='related-item'><h4><a href='https://mw.example/a'>Tripoli's Militias Split"
    "</a></h4></div><div class='related-item'><h4><a href='https://mw.example/b'>Sabha's "
    "Smugglers Move South</a></h4></div></section>"
    "<div id='comments' class='comments-area'><h2 class='comments-title'>2 thoughts on "
    "“Derna's Veterans and the Flood”</h2><ol class='comment-list'><li class='comment'>"
    "<p>Very useful, thanks. Do you know whether the brigades still hold the port?</p></li>"
    "<li class='comment'><p>Great piece, shared with my team.</p></li></ol></div></main>"
    "</body></html>",
    (Want("Derna's Veterans and the Flood", "Salma Ben Ali", "2021-10-20"),),
)

# D9. ONE Substack post delivered by e-mail: title, subtitle, author and date in the
# header, h3 crossheads, share and subscribe buttons, a "Leave a comment" link.
D9 = Page(
    "substack-post-email",
    "email",
    "<html><body><table class='email-body-container'><tr><td>"
    "<div class='post typography'><div class='post-header'>"
    "<h1 class='post-title'><a href='https://sahelnotes.example/p/ouaga'>"
    "The Volunteers of Ouagadougou</a></h1>"
    "<h3 class='subtitle'>How the junta's militias recruit, and why it worries the "
    "neighbours</h3><table class='post-meta'><tr><td class='post-meta-item'>"
    "<a href='https://substack.com/@aminata'>Aminata Sawadogo</a></td>"
    "<td class='post-meta-item'>Nov 14, 2021</td></tr></table>"
    "<table class='post-actions'><tr><td><a>Like</a></td><td><a>Comment</a></td>"
    "<td><a>Share</a></td></tr></table></div><div class='body markup'>"
    + _html("ouaga", 3)
    + "<h3>The Recruiters</h3>"
    + _html("tillaberi", 3)
    + "<h3>Across the Border</h3>"
    + _html("diffa", 2)
    + "<p class='button-wrapper'><a class='button primary'>Leave a comment</a></p>"
    "<p class='button-wrapper'><a class='button primary'>Share Sahel Notes</a></p>"
    "</div></div><div class='footer'><p>© 2021 Aminata Sawadogo</p>"
    "<p>548 Market Street PMB 72296, San Francisco, CA 94104</p>"
    "<p><a>Unsubscribe</a></p><p><a>Start writing</a></p></div>"
    "</td></tr></table></body></html>",
    (Want("The Volunteers of Ouagadougou", "Aminata Sawadogo", "2021-11-14"),),
    subject="The Volunteers of Ouagadougou",
)

# D10. ONE op-ed as text: "Author: X", an ISO date, crossheads in capitals and in
# title case, a bio at the end and a list of "Read more" links to other pieces.
D10 = Page(
    "oped-text-one",
    "text",
    "\n\n".join(
        [
            "The Sinai Tribes Have Changed Sides Before",
            "Author: Karim Mansour",
            "2021-10-11",
            _text("sinai2", 3),
            "THE BUFFER ZONE",
            _text("hasakah", 3),
            "Lessons From Elsewhere",
            _text("kirkuk2", 2),
            "Karim Mansour is a senior analyst at the Cairo Centre for Strategic Studies.",
            "Read more:\nEgypt's Quiet War in the North Sinai\nThe Rafah Crossing Reopens",
        ]
    ),
    (Want("The Sinai Tribes Have Changed Sides Before", "Karim Mansour", "2021-10-11"),),
)

# D11. A wire service's topic page copied as text: titles, "By X" or no byline, the
# time glued to the date ("October 3, 20214:12 PM GMT+4") and "Updated 3 days ago".
D11 = Page(
    "wire-topic-copied",
    "text",
    "\n\n".join(
        [
            "World",
            "Africa",
            "Nigeria",
            "Gunmen kill 30 in Sokoto village raid, police say",
            "By Ahmed Kingimi",
            "October 3, 20214:12 PM GMT+1Updated 3 days ago",
            "SOKOTO, Nigeria, Oct 3 (Reuters) - " + _paras("sokoto", 1)[0],
            "\n\n".join(_paras("sokoto", 4)[1:]),
            "Reporting by Ahmed Kingimi; Editing by Alex Richardson",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Niger army says it killed 40 militants near Diffa",
            "October 1, 20219:30 AM GMT+1Updated 5 days ago",
            "NIAMEY, Oct 1 (Reuters) - " + _paras("diffa", 1)[0],
            "\n\n".join(_paras("diffa", 3)[1:]),
            "Reporting by Moussa Aksar; Writing by Bate Felix; Editing by Angus MacSwan",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Congo's ADF blamed for attack on Butembo health centre",
            "By Djaffar Al Katanty and Sonia Rolley",
            "September 29, 20216:05 PM GMT+1Updated 7 days ago",
            "GOMA, Congo, Sept 29 (Reuters) - " + _paras("kasai", 1)[0],
            "\n\n".join(_paras("kasai", 4)[1:]),
            "Our Standards: The Thomson Reuters Trust Principles.",
        ]
    ),
    (
        Want("Gunmen kill 30 in Sokoto village raid, police say", "Ahmed Kingimi", "2021-10-03"),
        Want("Niger army says it killed 40 militants near Diffa", "", "2021-10-01"),
        Want(
            "Congo's ADF blamed for attack on Butembo health centre",
            "Djaffar Al Katanty, Sonia Rolley",
            "2021-09-29",
        ),
    ),
)

PAGES = (D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11)
