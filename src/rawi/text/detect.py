"""Language detection by script: counts the letters of each known language's script.

News in rawi's languages is told apart by script alone (Arabic script vs Latin); a text is *mixed*
when the second script holds a real share of the letters (quoted English names in Arabic news are
common and do not make it mixed).
"""

from __future__ import annotations

from dataclasses import dataclass

from rawi.lang import all_languages

MIXED_SHARE = 0.2  # a second script above this share of letters makes the text "mixed"


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # None when the text has no letters of a known script
    confidence: float  # share of letters in the winning script
    mixed: bool
    shares: dict[str, float]


def detect_language(text: str, *, sample: int = 4000) -> LanguageGuess:
    """Guess the language of ``text`` from its first ``sample`` characters.

    >>> detect_language("قالت الوزارة إن السد انهار").code
    'ar'
    >>> detect_language("The ministry said the dam collapsed").code
    'en'
    """
    chunk = text[:sample]
    # Letters only: a script block also holds digits, punctuation and marks (٢٠١٧ ، ؟ are in the
    # Arabic block), which must not make a date or a number "Arabic".
    counts = {lang.code: sum(map(str.isalpha, lang.script_re.findall(chunk))) for lang in all_languages()}
    total = sum(counts.values())
    if total == 0:
        return LanguageGuess(None, 0.0, False, {code: 0.0 for code in counts})
    shares = {code: n / total for code, n in counts.items()}
    ranked = sorted(shares.items(), key=lambda kv: kv[1], reverse=True)
    mixed = len(ranked) > 1 and ranked[1][1] >= MIXED_SHARE
    return LanguageGuess(ranked[0][0], ranked[0][1], mixed, shares)
