"""Arabic letter data for matching: what folds into what, and what is dropped.

The display text is never changed; these maps build the *matching* form only.
"""

from __future__ import annotations

# Letter variants that news outlets type interchangeably.
LETTER_FOLD: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",  # alef: hamza, madda, wasla
    "ى": "ي",  # alef maqsura written for final ya and vice versa
    "ة": "ه",  # ta marbuta, often typed as ha
    "ؤ": "و",  # hamza on waw
    "ئ": "ي",  # hamza on ya
    # Persian / Urdu keyboard letters that look like Arabic ones
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ے": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "ھ": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ۃ": "ه",
    "ٸ": "ي",
    "ٶ": "و",
    "ۇ": "و",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ڨ": "ق",
}

# Marks dropped for matching: harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation
# marks, and tatweel (kashida), which only stretches a word.
DROPPED: str = (
    "".join(chr(c) for c in range(0x064B, 0x0660))  # fathatan .. hamza below (harakat, shadda, sukun)
    + "\u0670"  # superscript (dagger) alef
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6))  # Quranic marks
    + "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"  # honorific/small marks
    + "\u0640"  # tatweel
)

# Arabic-Indic and Persian (Eastern Arabic) digits to ASCII digits.
DIGITS: dict[str, str] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}

# Arabic punctuation and the quote marks of Arabic typography to their ASCII matching form.
PUNCTUATION: dict[str, str] = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
    "؍": "/",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "″": '"',
    "‟": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‹": '"',
    "›": '"',
}

LETTER_MAP: dict[str, str] = {
    **LETTER_FOLD,
    **DIGITS,
    **PUNCTUATION,
    **{ch: "" for ch in DROPPED},
}
