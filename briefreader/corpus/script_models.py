"""How likely a letter or an ideograph is in the languages briefreader meets.

Two small models feed the charset guess (charset_guess.py, via
text_model.py):

- alphabets: a unigram model per language, from charset-normalizer's table
  of each language's 26 most frequent letters (35 languages), with Urdu
  added; the rest of each alphabet shares a small tail, and a letter of the
  script outside the alphabet (a Serbian "Џ" in Russian) is rare;
- Chinese, Japanese and Korean: no frequency table ships with Python, but
  the national standards define frequency tiers themselves (GB 2312 level 1
  holds the 3,755 commonest hanzi, Big5 a frequent block, JIS X 0208 level 1
  the commonest kanji, KS X 1001 the 2,350 usual Hangul syllables), so a
  character is common when its language's standard puts it in the first tier.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from charset_normalizer.constant import FREQUENCIES

#: A letter of a script the language does not write, or of no known language.
UNKNOWN_LETTER = -10.0
#: A letter of the right script outside the language's alphabet.
FOREIGN_LETTER = -10.0
#: Share of a language's letters outside its table (the rest of its alphabet).
_TAIL = 0.03
#: How fast letter frequency falls with rank (e.g. English e 12.7 %, m 2.4 %, q 0.1 %).
_DECAY = 0.13
_EXTRA_LANGUAGES = {"Urdu": "ایکےرنہومتسلںدبجپھشزغعحقفگٹڈڑچخ"}
#: Scored by the standards' tiers instead, or without a candidate code page here.
_SKIPPED = ("Japanese", "Chinese", "Korean", "Thai", "Hindi", "Tamil", "Vietnamese")
#: The rest of each language's alphabet, beyond its 26 most frequent letters
#: (English lists the accented letters of common loanwords).
_MORE_LETTERS = {
    "English": "éèêàâçëïôüñ",
    "Polish": "ćńśźż",
    "Czech": "čďňóšťúůýž",
    "Spanish": "éñúü",
    "French": "âæçêëîïôœùûüÿ",
    "German": "ß",
    "Turkish": "âîöû",
    "Romanian": "şţ",
    "Hungarian": "íóőúüű",
    "Portuguese": "àâêóôõú",
    "Italian": "éìíîóùú",
    "Dutch": "éïö",
    "Finnish": "å",
    "Estonian": "šž",
    "Lithuanian": "čū",
    "Slovene": "ć",
    "Slovak": "äďĺľňóôŕšťúž",
    "Croatian": "đ",
    "Russian": "ёшщфэюъ",
    "Ukrainian": "ґєжшщфюь",
    "Bulgarian": "шфьюь",
    "Serbian": "ђжљњћџфчх",
    "Kazakh": "әұүһчщфцэюяъьё",
    "Greek": "βζξφψϊϋώ",
    "Arabic": "ثذزضظغءآؤئ",
    "Farsi": "ثذضظغءئؤچژة",
    "Urdu": "ثذضظصطغءآئؤژےۓ",
    "Hebrew": "טךףץ",
}
ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW"})
EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})

# Log-probabilities (nats) of Chinese, Japanese and Korean characters.
_TIERS = (-7.8, -11.0, -14.0)  # an ideograph in its standard's first, second tier, or neither
_HANJA = -3.0  # an ideograph in Korean text, beyond its tier
_FOREIGN_SCRIPT = -12.0  # kana outside Japanese, Hangul outside Korean
_COMMON_SYLLABLE = -7.8
_RARE_SYLLABLE = -12.0
_COMMON_KANA = -3.8
_KANA = -5.5
_HALFWIDTH_KANA = -9.0  # what Shift_JIS makes of Western accented letters
_KANA_RANKS = "".join("".join(FREQUENCIES.get(name, ())) for name in ("Japanese—", "Japanese——"))


@dataclass(frozen=True, slots=True)
class Language:
    """A unigram letter model: log-probabilities of its alphabet's letters."""

    name: str
    script: str
    logp: dict[str, float]


@cache
def languages() -> tuple[Language, ...]:
    tables = {k: "".join(v) for k, v in FREQUENCIES.items() if not k.startswith(_SKIPPED)}
    tables.update(_EXTRA_LANGUAGES)
    out = []
    for name, letters in tables.items():
        weights = [math.exp(-_DECAY * rank) for rank in range(len(letters))]
        total = sum(weights)
        logp = {c: math.log((1 - _TAIL) * w / total) for c, w in zip(letters, weights, strict=True)}
        rest = [c for c in dict.fromkeys(_MORE_LETTERS.get(name.rstrip("—"), "")) if c not in logp]
        for char in rest:
            logp[char] = math.log(_TAIL / len(rest))
        scripts = Counter(script_of(c) for c in letters)
        out.append(Language(name, scripts.most_common(1)[0][0], logp))
    return tuple(out)


@cache
def _english() -> dict[str, float]:
    return next(language.logp for language in languages() if language.name == "English")


def letters_score(letters: Counter[str]) -> float:
    """Lower-case alphabet letters under the language that explains them best.

    ASCII letters are measured against English, so that they only help
    choose the language: every reading of the same bytes holds the same ones.
    """
    if all(char.isascii() for char in letters):
        return 0.0
    english = _english()
    baseline = sum(n * english.get(c, FOREIGN_LETTER) for c, n in letters.items() if c.isascii())
    best = -math.inf
    for language in languages():
        score = 0.0
        for char, count in letters.items():
            if char in language.logp:
                score += count * language.logp[char]
            elif char.isascii() and language.script != "LATIN":
                score += count * english.get(char, FOREIGN_LETTER)  # a Latin name in Arabic
            elif script_of(char) == language.script:
                score += count * FOREIGN_LETTER
            else:
                score += count * UNKNOWN_LETTER
        best = max(best, score)
    return best - baseline


def east_asian_score(chars: Counter[str]) -> float:
    """Chinese, Japanese and Korean characters under the language that fits them best."""
    if not chars:
        return 0.0
    totals = [0.0, 0.0, 0.0, 0.0]
    for char, count in chars.items():
        for index, score in enumerate(east_asian_scores(char)):
            totals[index] += count * score
    return max(totals)


@cache
def east_asian_scores(char: str) -> tuple[float, float, float, float]:
    """The character's log-probability in simplified and traditional Chinese,
    Japanese and Korean text.

    Kana in Chinese text and Hangul outside Korean are rare; an ideograph is
    judged by the tiers of the language's own standard (GB 2312 for
    simplified Chinese, Big5 for traditional, JIS X 0208 for Japanese), so a
    run that mixes simplified and traditional characters, as random bytes
    read as GBK do, fits neither; Korean seldom writes ideographs.
    """
    script = script_of(char)
    if script == "CJK":
        simplified, traditional = _gb2312_tier(char), _big5_tier(char)
        japanese = _jis_tier(char)
        korean = _TIERS[min(simplified, traditional, japanese)] + _HANJA
        return _TIERS[simplified], _TIERS[traditional], _TIERS[japanese], korean
    if script == "HANGUL":
        return _FOREIGN_SCRIPT, _FOREIGN_SCRIPT, _FOREIGN_SCRIPT, _hangul_score(char)
    if "HALFWIDTH" in unicodedata.name(char, ""):
        return _FOREIGN_SCRIPT, _FOREIGN_SCRIPT, _HALFWIDTH_KANA, _FOREIGN_SCRIPT
    kana = _COMMON_KANA if char in _KANA_RANKS else _KANA
    return _FOREIGN_SCRIPT, _FOREIGN_SCRIPT, kana, _FOREIGN_SCRIPT


@cache
def script_of(char: str) -> str:
    """The script a character belongs to, from the first word of its Unicode name."""
    if char.isascii():
        return "LATIN" if char.isalpha() else "COMMON"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH")):
        return "CJK"
    if "KATAKANA" in name:
        return "KATAKANA"
    if name.startswith(("FULLWIDTH", "IDEOGRAPHIC", "CJK SYMBOL")):
        return "CJK-PUNCT"
    first = name.split(" ", 1)[0]
    return first or "UNKNOWN"


def _gb2312_tier(char: str) -> int:
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return 2
    return 0 if 0xB0 <= lead <= 0xD7 else 1


def _big5_tier(char: str) -> int:
    try:
        code = int.from_bytes(char.encode("big5"), "big")
    except UnicodeEncodeError:
        return 2
    return 0 if 0xA440 <= code <= 0xC67E else 1


def _jis_tier(char: str) -> int:
    try:
        lead = char.encode("euc_jp")[0]
    except UnicodeEncodeError:
        return 2
    return 0 if 0xB0 <= lead <= 0xCF else 1


def _hangul_score(char: str) -> float:
    if not unicodedata.name(char, "").startswith("HANGUL SYLLABLE"):
        return _RARE_SYLLABLE
    try:
        char.encode("euc_kr")
    except UnicodeEncodeError:
        return _RARE_SYLLABLE
    return _COMMON_SYLLABLE
