"""Who wrote it, who published it, when: read from bylines, bios and intros.

Each function looks at one short piece of text the splitter already judged to
be a byline, an author bio, a masthead or a blog intro, so the patterns can be
specific without firing on body text.
"""

from __future__ import annotations

import re

from briefreader.corpus.dates import find_date

_NAME_WORD = r"[A-Z][\w’'.-]*[\w.]"
_PARTICLE = r"(?:al|bin|ibn|van|von|de|del|da|di|du|la|le|el|der|den)"
#: A personal name: two to five capitalised words, with the usual particles.
NAME = rf"{_NAME_WORD}(?:[ ](?:{_PARTICLE}[ -])?{_NAME_WORD}){{1,4}}"
_NAME_RE = re.compile(NAME)

_NOT_NAME_START = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "Our",
        "His",
        "Her",
        "Their",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "As",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Now",
        "Then",
        "There",
        "Here",
        "Yet",
        "So",
    ]
)
ROLE_WORDS = (
    "fellow|analyst|professor|director|researcher|editor|correspondent|journalist|"
    "associate|adviser|advisor|lecturer|scholar|author|head|founder|expert|consultant|"
    "writer|reporter|student|candidate|officer|member|chair|chairman|president|"
    "specialist|diplomat|ambassador|minister|contributor|columnist|commentator|"
    "partner|economist|historian|scientist|lawyer|practitioner|manager|coordinator"
)
_ROLE_RE = re.compile(rf"\b(?:{ROLE_WORDS})s?\b", re.IGNORECASE)

_BIO_NAME = re.compile(rf"(?:^|\band |, )({NAME}) (?:is|was|has been|serves as) ")
_LEADING_NAME = re.compile(
    rf"^(?:[-–—•]\s*|[Bb][Yy]:?\s+|Author:\s*|Written by\s+|[Pp]osted by\s+)({NAME})"
)
_AUTHOR_LABEL = re.compile(rf"\b(?:Author|Authors|Written by|By|by)\s*:?\s+({NAME})")
_MORE_NAMES = re.compile(rf"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)({NAME})")
#: Segments of a meta line: "05/11/2021 | Hodan Warsame", "Nov 2, 2021 · Farid Kazemi".
_META_SEPARATORS = re.compile(r"\s*[|·•]\s*")
#: An all-capitals name, as newspapers set bylines ("RAFFAELLO PANTUCCI").
_CAPS_NAME = re.compile(r"^([A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){1,3})(?=\s|$)(.*)$", re.S)
_NOT_CAPS_NAME = frozenset(
    re.findall(
        r"\w+",
        "THE OF AND IN ON FOR TO A AN NEWS WORLD WEEK DAY TODAY REPORT SPECIAL ANALYSIS "
        "COMMENTARY EDITORIAL FEATURE BRIEF UPDATE BREAKING LIVE EXCLUSIVE INTERVIEW PHOTO "
        "VIDEO SECTION PAGE",
    )
)


_PUBLICATION_WORDS = (
    "post|times|telegraph|news|journal|guardian|herald|tribune|review|monitor|diplomat|"
    "policy|magazine|daily|gazette|press|observer|economist|outlook|chronicle|standard|"
    "express|mail|independent|reuters|bbc|cnn|jazeera|dawn|hindu|affairs|insider|"
    "interest|week|weekly|wire|today|sun|star|globe|record|inquirer|atlantic|politico"
)
_PUBLICATION_END = re.compile(rf"\b(?:{_PUBLICATION_WORDS})\b\W*$", re.IGNORECASE)
_SELF_REFERENCE = re.compile(
    r"\b(?:pieces?|columns?|articles?|op-eds?|opeds?|contributions?|posts?|posting|essays?|"
    r"commentary|interviews?|papers?|podcasts?|reports?|chapters?|reviews?|write|wrote|"
    r"written|writing)\b",
    re.IGNORECASE,
)
_PUB_NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|and|on|for|&))*"
_PUBLISHED_FOR = re.compile(
    r"\b(?:for|to)\s+(?P<the>the\s+)?"
    r"(?P<kind>(?:(?:online|local|weekly|daily|regular)\s+)?"
    r"(?:magazine|paper|newspaper|journal|outlet|site|website|blog)\s+)?"
    r"(?P<the2>the\s+)?[“\"‘]?(?P<name>" + _PUB_NAME + ")"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def looks_like_name(text: str) -> bool:
    match = _NAME_RE.fullmatch(text.strip())
    return bool(match) and text.split()[0] not in _NOT_NAME_START


def bio_names(text: str) -> list[str]:
    """Names an author bio introduces: "X is a senior fellow …", "X and Y are …"."""
    names = [uncapped(m.group(1)) for m in _BIO_NAME.finditer(text) if looks_like_name(m.group(1))]
    pair = re.match(rf"^({NAME}) and ({NAME}) are ", text)
    if pair:
        names = [pair.group(1), pair.group(2), *names]
    return _unique(names)


def is_bio(text: str, words: int) -> bool:
    """An author bio: short, about a named person (or "the writer"), with a role."""
    if words > 90:
        return False
    head = " ".join(text.split()[:30])
    # "The author is a fellow at …", not "The authors are careful not to overstate …".
    if re.match(r"^(?:The|This)\s+(?:writer|author|columnist|contributor)s?\s+(?:is|are)\b", text):
        return bool(re.match(r"^\w+\s+\w+\s+(?:is|are)\s+(?:an?|the)\b", text)) or bool(
            _ROLE_RE.search(" ".join(head.split()[3:]))
        )
    if not _ROLE_RE.search(head):
        return False
    lead_name = re.match(rf"^({NAME})(?: and {NAME})? (?:is|was|are|has been|serves as) ", head)
    if lead_name and looks_like_name(lead_name.group(1)):
        return True
    # "Jane Doe, research analyst at X, exclusively for the magazine Y."
    lead = re.match(rf"^({NAME}), ", text)
    attribution = re.search(
        r"\b(?:exclusively for|writing for|written for|contributing to)\b", text
    )
    return bool(lead and looks_like_name(lead.group(1)) and attribution)


def byline_author(text: str) -> str:
    """The author a byline line names ("By X", "Author: X", "- X Publication …", "X | Fellow")."""
    match = _LEADING_NAME.match(text) or _AUTHOR_LABEL.search(text)
    if not match:
        return meta_line(text)[0] or role_byline(text)
    names = [_trim_name(match.group(1), text)]
    rest = text[match.end() :]
    # "By Tomás Cossa and Ana Fernandes", "By A, B and C": every name the line gives.
    while names[-1] and (more := _MORE_NAMES.match(rest)) and looks_like_name(more.group(1)):
        names.append(_trim_name(more.group(1), text))
        rest = rest[more.end() :]
    return ", ".join(n for n in names if n)


def meta_line(text: str) -> tuple[str, str]:
    """(author, date) of a short line of separated facts: "05/11/2021 | Hodan Warsame".

    Both must be there, each a whole segment, so a headline with a "|" in
    it is not taken for one.
    """
    segments = [s for s in _META_SEPARATORS.split(text.strip()) if s]
    if len(segments) < 2 or len(text.split()) > 14:
        return "", ""
    date = next((found for s in segments if (found := find_date(s))), "")
    author = next((s for s in segments if looks_like_name(s)), "")
    return (author, date) if author and date else ("", "")


def name_and_role(text: str) -> str:
    """The name in "Danson Cheong Senior Correspondent", a byline with the writer's role."""
    match = re.match(rf"^({NAME}?)\s+((?:[A-Z][a-z]+\s+){{0,2}}(?i:{ROLE_WORDS}))$", text.strip())
    if not match:
        return ""
    words = match.group(1).split()
    # The role's own capitalised words ("Senior") may have been read into the name.
    while len(words) > 2 and words[-1] in {"Senior", "Chief", "Foreign", "Deputy", "Political"}:
        words.pop()
    name = " ".join(words)
    return name if looks_like_name(name) else ""


_ROLE_BYLINE = re.compile(
    rf"^({NAME})\s*(?:\||,|–|—|-)\s*(?:[A-Z][a-z]+\s+){{0,3}}(?i:{ROLE_WORDS})s?\b"
)


def role_byline(text: str) -> str:
    """The name in "Imran Qureshi | Senior Fellow" or "Sana Mir, Research Associate at X".

    The name and the role are set apart by a bar, comma or dash, so a
    headline such as "Islamic State Member Killed" is not read as one.
    """
    if len(text.split()) > 16 or "\n" in text:
        return ""
    match = _ROLE_BYLINE.match(text.strip())
    return match.group(1) if match and looks_like_name(match.group(1)) else ""


def dated_line(text: str) -> bool:
    """A label and a date as separate segments: "COMMENTARY | 15 October 2021"."""
    segments = [s.strip() for s in _META_SEPARATORS.split(text.strip()) if s.strip()]
    dated = [s for s in segments if find_date(s)]
    return (
        len(segments) >= 2
        and len(dated) == 1
        and all(len(s.split()) <= 3 for s in segments if s not in dated)
    )


def caps_byline(text: str) -> str:
    """The author of an all-capitals byline ("ADAM RADWAN"), in the case the line also uses.

    PressReader sets the name in capitals and often repeats it in the bio
    that follows ("RAFFAELLO PANTUCCI Raffaello Pantucci is …"); the repeat
    gives the name's real case, else each word is capitalised.
    """
    match = _CAPS_NAME.match(text.strip())
    if not match or any(w in _NOT_CAPS_NAME for w in match.group(1).split()):
        return ""
    caps, rest = match.group(1), match.group(2).strip()
    if rest and not rest.upper().startswith(caps):
        return ""
    if rest:
        return rest[: len(caps)]
    return " ".join(w.capitalize() if w.isupper() else w for w in caps.split())


def uncapped(name: str) -> str:
    """ "RAFFAELLO PANTUCCI Raffaello Pantucci" -> "Raffaello Pantucci"."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == [w.upper() for w in words[half:]]:
        return " ".join(words[half:])
    return name


def _trim_name(name: str, text: str) -> str:
    """ "Raffaello Pantucci The Daily Telegraph" is a name followed by a title-case publisher.

    The name is the longest prefix that the line repeats later (PressReader
    bylines say the name twice), else its first two or three words.
    """
    words = name.split()
    for size in range(min(len(words), 4), 1, -1):
        candidate = " ".join(words[:size])
        if text.count(candidate) >= 2:
            return candidate
    for size in range(len(words), 1, -1):
        if words[size - 1] in {"The", "A", "An"}:
            return " ".join(words[: size - 1]) if size > 2 else ""
    return " ".join(words[:3])


def byline_publisher(text: str, author: str) -> str:
    """In "- Name Publication Name is a …" the publisher sits between the two names."""
    if not author:
        return ""
    first = text.find(author)
    second = text.find(author, first + len(author))
    if first < 0 or second < 0:
        return ""
    between = text[first + len(author) : second].strip(" ,-–—|")
    return between if 0 < len(between.split()) <= 6 and between[:1].isupper() else ""


def masthead_publisher(text: str) -> str:
    """A short line naming a publication ("National Post", "The Straits Times")."""
    words = text.split()
    if 1 <= len(words) <= 5 and _PUBLICATION_END.search(text) and text[:1].isupper():
        return text.strip()
    return ""


def publisher_named_in(text: str) -> str:
    """A publication an intro or a bio says the piece was written for.

    Only names that follow a self-reference ("my column for the Straits
    Times", "a piece for Foreign Policy", "exclusively for the online
    magazine “New Eastern Outlook”") count, so "events in Afghanistan" is not
    taken for a publisher.
    """
    for sentence in _SENTENCE_END.split(text):
        ref = _SELF_REFERENCE.search(sentence) or re.search(r"\bexclusively\b", sentence)
        if not ref:
            continue
        after = list(_PUBLISHED_FOR.finditer(sentence, ref.end()))
        for match in after or _PUBLISHED_FOR.finditer(sentence):
            name = re.sub(r"\s+(?:of|and|on|for|&)$", "", match.group("name")).strip(" .,’'")
            if not name or name.split()[0] in _NOT_NAME_START - {"The"}:
                continue
            the = match.group("the2") or (match.group("the") and not match.group("kind"))
            return f"The {name}" if the and not name.startswith("The ") else name
    return ""


#: Wire copy opens with a dateline naming its agency: "TASHKENT, March 3 (Reuters) -".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:/[A-Z][A-Z .'’-]{1,40})?(?:,[^()\n]{1,30})?\s*"
    r"\((?P<agency>[A-Z][A-Za-z&.' ]{0,30}?)\)\s*[-–—]"
)


def wire_agency(paragraph: str) -> str:
    """The agency of a wire story, from its opening dateline ("KABUL (AP) — …"), or ""."""
    match = _WIRE_DATELINE.match(paragraph)
    return match.group("agency").strip() if match else ""


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
