from __future__ import annotations

from briefreader.corpus.formats.html import html_head, html_to_text
from briefreader.corpus.formats.markdown import markdown_to_text
from briefreader.corpus.parse import parse_bytes

PAGE = """<!doctype html><html><head><title>Site &amp; Title</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>ISKP claims &lt;new&gt; attack</h1>
<p>The group&#8217;s claim came <b>late</b> on Friday,<br>officials said.</p>
<!-- a comment that is not text -->
<p>A second paragraph about the Taliban response in Kabul and beyond, long enough.</p>
<figure><img src="x.jpg"><figcaption>Smoke over Kabul. Photo: Reuters</figcaption></figure>
<p>A third paragraph that closes the article with some more words in it.</p>
</article><noscript>Enable JavaScript</noscript><form><input value="x"></form></body></html>"""


def test_html_text_drops_scripts_styles_nav_and_forms() -> None:
    text = html_to_text(PAGE)
    assert "not text" not in text and "color" not in text
    assert "Home" not in text and "JavaScript" not in text and "comment" not in text
    assert "ISKP claims <new> attack" in text
    assert "The group’s claim came late on Friday, officials said." in text
    assert html_head(PAGE) == ("Site & Title", "")


def test_html_file_becomes_a_document_with_its_heading_as_title() -> None:
    parsed = parse_bytes(PAGE.encode(), source="page.html", fmt="html")
    (doc,) = parsed.documents
    assert doc.title == "ISKP claims <new> attack"
    assert doc.captions == ("Smoke over Kabul. Photo: Reuters",)
    assert len(doc.paragraphs) == 3
    assert "html-to-text" in doc.repairs


def test_html_without_heading_falls_back_to_its_title_element() -> None:
    page = "<html><head><title>Only the title</title></head><body><p>" + "word " * 40 + "</p>"
    (doc,) = parse_bytes(page.encode(), fmt="html").documents
    assert doc.title == "Only the title"


def test_markdown_markup_is_removed() -> None:
    text = markdown_to_text(
        "# The Title\n\nSome **bold** and _italic_ text with a [link](http://x.org).\n\n"
        "![A caption](pic.png)\n\n- first\n- second\n\n> quoted words\n"
    )
    assert "The Title\n" in text
    assert "Some bold and italic text with a link." in text
    assert "http" not in text and "**" not in text
    assert "Image: A caption" in text
    assert "• first\n• second" in text
    assert "quoted words" in text and ">" not in text


def test_a_legacy_html_page_is_read_in_the_charset_it_declares() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><h1>Négociations à Genève</h1><p>Le ministre s’est dit « très déçu » "
        "après l’échec des négociations.</p></body></html>"
    ).encode("cp1252")
    (doc,) = parse_bytes(page, fmt="html").documents
    assert doc.title == "Négociations à Genève"
    assert "« très déçu »" in doc.body
    assert doc.encoding == "windows-1252"
    assert doc.warnings == ("not UTF-8; read as windows-1252, as declared",)


def test_the_site_name_is_the_publisher_of_a_single_article_page() -> None:
    assert html_head("<title>Jihadis in the Sahel | Example Review</title>") == (
        "Jihadis in the Sahel",
        "Example Review",
    )
    meta = '<meta property="og:site_name" content="The Diplomat"><title>Pine nuts</title>'
    assert html_head(meta) == ("Pine nuts", "The Diplomat")
    # A long tail after a dash is part of the headline, not a site.
    long = "<title>Kabul - a city waiting for the next attack by the group</title>"
    assert html_head(long)[1] == ""
    page = (
        "<html><head><title>Jihadis in the Sahel | Example Review</title></head><body>"
        "<h1>Jihadis in the Sahel</h1><p>By Amina Writer</p><p>"
        + "JNIM holds the roads. " * 8
        + "</p><p>"
        + "Niger expelled French troops. " * 6
        + "</p></body></html>"
    )
    (doc,) = parse_bytes(page.encode(), fmt="html").documents
    assert (doc.title, doc.author, doc.publisher) == (
        "Jihadis in the Sahel",
        "Amina Writer",
        "Example Review",
    )


def test_markdown_front_matter_is_metadata_not_text() -> None:
    """Obsidian, Hugo and Jekyll files open with YAML (or TOML) front matter."""
    body = (
        "Officials in Kabul say the Taliban has changed its approach to the pine nut trade "
        "over the past year.\n\nResidents interviewed in Kabul described checkpoints that "
        "appear at night and vanish by morning.\n"
    )
    yaml = (
        '---\ntitle: "The pine nut trade"\ndate: 2021-10-04T08:00:00+00:00\nauthors:\n'
        "  - Farid Kazemi\n  - Sana Mir\nsource: https://example.org/pine\n"
        "tags: [afghanistan, china]\n---\n\n" + body
    )
    (doc,) = parse_bytes(yaml.encode(), fmt="markdown", name="pine.md").documents
    assert (doc.title, doc.author, doc.date, doc.url) == (
        "The pine nut trade",
        "Farid Kazemi, Sana Mir",
        "2021-10-04",
        "https://example.org/pine",
    )
    assert doc.body.startswith("Officials in Kabul") and "tags" not in doc.body
    toml = '+++\ntitle = "Pine nuts"\ndate = 2021-10-05\n+++\n# The trade\n\n' + body
    (doc,) = parse_bytes(toml.encode(), fmt="markdown", name="pine.md").documents
    assert (doc.title, doc.date) == ("The trade", "2021-10-05")  # the text's own title first
    # A rule on the first line with no closing one is no front matter.
    (doc,) = parse_bytes(("---\n\n" + body).encode(), fmt="markdown", name="r.md").documents
    assert doc.body.startswith("Officials in Kabul")
