"""How plausible a decoded text is: the score the charset guess compares readings by.

`score_text` is a log-likelihood in nats, up to a constant every reading of
the same bytes shares. Letters and ideographs are scored by script_models.py;
this module adds what no unigram model sees:

- punctuation, symbols and control characters by kind (a control character
  is all but impossible in text, a "™" rare, a "«" ordinary);
- where they stand: a bullet inside a word, a closing quote before one, a
  space between two Chinese characters (Korean spaces its words, Chinese and
  Japanese do not);
- words no language writes: two scripts in one word, a capital inside a
  lower-case word, a Latin word made mostly of accented letters (the
  signature of Cyrillic or Greek read as windows-1252).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from briefreader.corpus.script_models import (
    ALPHABETS,
    EAST_ASIAN,
    UNKNOWN_LETTER,
    east_asian_score,
    east_asian_scores,
    letters_score,
    script_of,
)

# Log-probabilities (nats) of a character that is neither a letter nor an ideograph.
_PUNCTUATION = -4.0
_MARK = -5.0
_SYMBOL = -9.0
_CONTROL = -20.0
_PUNCT = frozenset("«»“”‘’„‚‹›–—…·•¿¡§°、。「」『』・（）！？：；，～〜【】《》〈〉")
# Per word or per misplaced character.
_MIXED_SCRIPTS = -6.0
_BAD_CASE = -4.0
_ACCENT_HEAVY = -2.0  # per accented letter beyond the first in a mostly-accented Latin word
_MISPLACED = -4.0
_SPACED_IDEOGRAPHS = -3.0
#: Quotes that open, and close, a quotation: never on the wrong side of a word.
_OPENING = frozenset("«“‘„‚‹")
_CLOSING = frozenset("»”’›")
#: Non-letters that may stand between two letters of a word.
_INSIDE_WORDS = frozenset("’‐·")
_BICAMERAL = frozenset({"LATIN", "CYRILLIC", "GREEK"})
#: Scripts written together in one word without anything being wrong.
_COMPATIBLE = ({"CJK", "HIRAGANA", "KATAKANA"},)
#: Combining marks that belong to one script (Arabic harakat, Hebrew points).
_SCRIPT_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), *range(0x05B0, 0x05C8)))


def score_text(text: str) -> float:
    """The log-likelihood (nats, up to a constant shared by all readings) of `text`."""
    return _characters_score(text) + _placement_score(text)


def _characters_score(text: str) -> float:
    total = 0.0
    letters: Counter[str] = Counter()
    east_asian: Counter[str] = Counter()
    word: list[str] = []
    for char in text:
        if char.isascii():
            if char.isalnum():
                if char.isalpha():
                    letters[char.lower()] += 1
                word.append(char)
                continue
            total += _word_score(word)
            word = []
            continue
        if _is_word_char(char):
            word.append(char)
            script = script_of(char)
            if char.isalpha() and script in ALPHABETS:
                letters[_fold(char)] += 1
            elif script in EAST_ASIAN:
                east_asian[char] += 1
            else:
                total += char_score(char)
        else:
            total += char_score(char)
            total += _word_score(word)
            word = []
    return total + _word_score(word) + letters_score(letters) + east_asian_score(east_asian)


def _placement_score(text: str) -> float:
    total = 0.0
    last = len(text) - 1
    for index, char in enumerate(text):
        if char == " " and 0 < index < last:
            if script_of(text[index - 1]) == "CJK" == script_of(text[index + 1]):
                total += _SPACED_IDEOGRAPHS
            continue
        if char.isascii() or _is_word_char(char):
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index < last else " "
        if before.isalpha() and after.isalpha():
            if char not in _INSIDE_WORDS:
                total += _MISPLACED
        elif _is_symbol(char) and (before.isalpha() or after.isalpha()):
            total += _MISPLACED  # "•орасан": a bullet or a sign glued to a word
        elif (char in _CLOSING and after.isalpha() and not before.isalnum()) or (
            char in _OPENING and before.isalpha() and not after.isalnum()
        ):
            total += _MISPLACED
    return total


def _is_symbol(char: str) -> bool:
    return char == "•" or unicodedata.category(char) in {"So", "Sm", "Sk", "Sc"}


def _fold(char: str) -> str:
    """Lower case, as one character (Turkish "İ" lowers to "i" and a combining dot)."""
    lower = char.lower()
    return lower if len(lower) == 1 else lower[0]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in {"Mn", "Mc", "Lm"}


@cache
def char_score(char: str) -> float:
    """The log-probability of one non-ASCII character that is not an alphabet letter."""
    category = unicodedata.category(char)
    if category in {"Cc", "Cn", "Co", "Cs"}:
        return _CONTROL
    if char in _PUNCT:
        return _PUNCTUATION
    script = script_of(char)
    if script in EAST_ASIAN:
        return max(east_asian_scores(char))
    if category.startswith("L"):
        return UNKNOWN_LETTER
    if category in {"Mn", "Mc", "Cf"}:
        return _MARK  # vowel signs; joiners and direction marks in Persian and Hebrew
    if category == "Zs":
        return _PUNCTUATION  # a no-break space
    if category.startswith("P"):
        return _PUNCTUATION if script in {"ARABIC", "HEBREW", "GREEK"} else _SYMBOL
    return _SYMBOL


def _word_score(word: list[str]) -> float:
    """Penalties for words no language writes (only words with a non-ASCII letter)."""
    if not word or all(char.isascii() for char in word):
        return 0.0
    letters = [char for char in word if char.isalpha()]
    scripts = {script_of(char) for char in letters}
    # A vowel sign belongs to its script: an Arabic tanween on a Latin letter mixes two.
    scripts.update(script_of(char) for char in word if char in _SCRIPT_MARKS)
    penalty = 0.0
    if len(scripts) > 1 and not any(scripts <= group for group in _COMPATIBLE):
        penalty += _MIXED_SCRIPTS
    if scripts <= _BICAMERAL and not _case_ok(letters):
        penalty += _BAD_CASE
    if scripts == {"LATIN"}:
        accented = sum(1 for char in letters if not char.isascii())
        if accented >= 3 and accented * 2 > len(letters):
            penalty += _ACCENT_HEAVY * (accented - 1)
    return penalty


def _case_ok(letters: list[str]) -> bool:
    """lower case, UPPER CASE or Title case."""
    cased = [char for char in letters if char.lower() != char.upper()]
    if len(cased) < 2:
        return True
    return all(c.islower() for c in cased[1:]) or all(c.isupper() for c in cased)
