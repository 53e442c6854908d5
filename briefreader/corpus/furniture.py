"""Site, newsletter and archive furniture: the lines around articles that are no one's text.

Share and like buttons, "Leave a reply", "Read more", "View this e-mail in
your browser", "Unsubscribe": a line that is nothing but furniture, or
several pieces of furniture joined by separators ("Unsubscribe · Privacy
Policy"), is dropped, and marks the end of the article before it.

A rule of dashes, stars or equals signs between stories ("-----", "* * *")
is furniture too: it ends the story above it. A sponsor's label ("In
partnership with", "Sponsored by Acme") is furniture, and so is the slot it
opens (`segments.drop_sponsor_slots`).

Only general furniture is listed, each entry because pages of that kind
carry it; the blind part of the splitting corpus (tests/core/corpus/
compilations/blind3.py) was never used to add one.
"""

from __future__ import annotations

import re

_SPONSOR = (
    r"(?:in partnership with|presented by|brought to you by|together with|"
    r"(?:a )?(?:word|message) from (?:our|this week's|today's) sponsors?|"
    r"sponsored(?: by| content| post)?|from our sponsors?|partner content)\b[^.!?]{0,40}"
)
_NETWORKS = (
    r"(?:twitter|facebook|linkedin|whatsapp|reddit|email|e-mail|print|telegram|pinterest|"
    r"x|more|tumblr|pocket|mastodon|threads|bluesky)[,|·]?"
)
_FURNITURE = re.compile(
    r"^(?:source link|source|leave a (?:reply|comment).*|your email address will not be "
    r"published.*|required fields are marked.*|please select digest to download:?|"
    r"newspapers (?:in|from) [A-Z][\w ]*|share(?: this(?: article| story)?)?:?|"
    r"like this:?|related(?: posts| articles| stories| content)?:?|tags?:.*|filed under:?.*|"
    r"categor(?:y|ies):.*|posted in .*|print|email|e-mail|advertisement|"
    r"subscribe(?: now| to .*)?|sign up.*|read more.*|\d* ?comments?|click to .*|"
    r"follow us.*|loading\.*|skip to (?:main )?content|menu|search|back to top|"
    r"share on (?:facebook|twitter|x|linkedin|whatsapp).*|facebook|twitter|linkedin|"
    r"whatsapp|reddit|copy link|listen to (?:this )?article.*|advertising|sponsored.*|"
    r"most read|most popular|recommended(?: for you)?|you may also like|"
    r"all rights reserved\.?|this article (?:was|is) (?:originally )?published.*"
    r"|cookie.*|accept(?: all)? cookies|privacy policy|terms of (?:use|service)|"
    r"previous (?:post|article)|next (?:post|article)|permalink|reply|"
    r"\d+ (?:min|minute)s? read|read(?:ing)? time:? \d+ (?:min|minute)s?\.?|"
    # A newsletter's sponsor slot: "In partnership with", "Presented by Acme".
    rf"{_SPONSOR}|"
    # Share and like buttons read as one line ("Share this: Twitter Facebook LinkedIn").
    rf"share(?: this(?: article| story| post)?)?:?(?:\s+{_NETWORKS})+|"
    r"like this:?(?:\s+like)?(?:\s+loading\.*)?|like loading\.*|"
    # Newsletter and archive chrome.
    r"(?:having trouble )?view(?:ing)? (?:this|it|the) (?:e-?mail|newsletter|message)?.*"
    r"(?:browser|online)\.?|view (?:it )?in (?:your|a) browser\.?|"
    r"(?:having trouble viewing this e-?mail\?).*|unsubscribe.*|"
    r"(?:view|read)(?: it| this)? online\.?|web version\.?|"
    r"(?:was this|is this) (?:newsletter|e-?mail) forwarded.*|sign up here\.?|"
    r"in this (?:issue|edition|newsletter)\b.*|that'?’?s (?:it|all) for (?:today|this week).*|"
    r"continue reading.*|read the full (?:piece|story|article|report).*|"
    # A mailing list's footer and an e-mail's signature delimiter ("-- ", RFC 3676).
    r"you (?:are receiving|received|have received|are getting|get) this (?:e-?mail|message|"
    r"newsletter|digest)\b.*|"
    r"to unsubscribe(?: from)? (?:this|the|our) (?:group|list|newsletter)\b.*|--|"
    # Blog and archive chrome: comment counts, labels, pagination, list filters.
    r"no comments?|(?:\d[\d,.]*k?\s+)*\d+ (?:responses?|claps?|replies)|labels?:.*|"
    r"(?:email this)?\s*blogthis!.*|older posts.*|newer posts.*|"
    r"(?:filter|sort) by:?.*|"
    # A rule between stories: "-----", "* * *", "=====", "• • •", "~~~".
    r"(?:[-–—_=*~•·#+]\s?){3,})$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")


_RULE = re.compile(r"^(?:[-–—_=*~•·#+]\s?){3,}$")


def is_rule(text: str) -> bool:
    """A line that only draws a rule between stories ("-----", "* * *")."""
    return bool(_RULE.match(text.strip()))


def is_furniture(text: str) -> bool:
    """Whether a line is furniture, whole or as separated pieces of furniture."""
    stripped = text.strip()
    if _FURNITURE.match(stripped):
        return True
    pieces = [p for p in _SEPARATORS.split(stripped) if p.strip()]
    return len(pieces) > 1 and all(_FURNITURE.match(p.strip()) for p in pieces)


#: The page says it is a newsletter or digest of several stories.
_DIGEST_MASTHEAD = re.compile(
    r"^(?:the\s+)?[\w’'&. -]{0,40}\b(?:brief|briefing|digest|newsletter|round-?up|"
    r"dispatch|bulletin)\b\W*$",
    re.IGNORECASE,
)
_DIGEST_INTRO = re.compile(
    r"\b(?:welcome to|here is what|here’s what|here's what|in today’s|in today's|"
    r"in this (?:week|issue|edition))\b.{0,80}\b(?:brief|briefing|digest|newsletter|"
    r"round-?up|edition|issue|watching|need to know)\b",
    re.IGNORECASE,
)


def digest_masthead(text: str) -> bool:
    """ "Morning Brief", "THE CONFLICT DIGEST": a newsletter's name at the top of a page."""
    return len(text.split()) <= 6 and bool(_DIGEST_MASTHEAD.match(text.strip()))


def digest_intro(text: str) -> bool:
    """ "Good morning, and welcome to today's Morning Brief": a digest's opening note."""
    return len(text.split()) <= 60 and bool(_DIGEST_INTRO.search(text))


_SPONSOR_LABEL = re.compile(rf"^{_SPONSOR}$", re.IGNORECASE)


def sponsor_label(text: str) -> bool:
    """ "In partnership with", "Sponsored by Acme": a newsletter's sponsor slot begins."""
    return len(text.split()) <= 10 and bool(_SPONSOR_LABEL.match(text.strip()))
