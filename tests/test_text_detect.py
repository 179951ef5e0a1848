"""detect_language(): script shares decide the language; a real second-script share makes it mixed."""

from __future__ import annotations

import pytest

from rawi.text import detect_language

# (id, text, code, mixed)
ROWS = [
    ("arabic", "قالت وزارة الصحة إن السد انهار بعد أمطار غزيرة", "ar", False),
    ("arabic-vocalized", "أَعْلَنَتْ الوِزَارَةُ انْهِيَارَ السَّدِّ", "ar", False),
    ("english", "The ministry said the dam collapsed after heavy rain", "en", False),
    (
        "arabic-with-english-names",
        "قال مسؤول في منظمة هيومن رايتس ووتش لوكالة Reuters إن عدد الضحايا في مدينة درنة تجاوز الآلاف بعد انهيار السدين",
        "ar",
        False,
    ),
    ("arabic-with-cnn", "ذكرت شبكة CNN أن السد انهار صباح اليوم", "ar", False),
    ("mixed-english-majority", "The dam collapsed after the heavy rain. انهار السد", "en", True),
    ("mixed-arabic-majority", "انهار السد في مدينة درنة صباح اليوم. The dam collapsed in Derna", "ar", True),
    ("persian-keyboard-arabic", "قالت وزارة الصحة الیوم إن کل المستشفیات ممتلئة", "ar", False),
    ("presentation-forms", "ﺑﻴﺮﻭﺕ ﺍﻟﻘﺪﺱ", "ar", False),
    ("ascii-digits-only", "07.09.2017 12:30 3.5%", None, False),
    ("arabic-indic-digits-only", "٠٧/٠٩/٢٠١٧ ٣٫٥٪", None, False),
    ("persian-digits-only", "۲۰۱۷ ۱۲", None, False),
    ("arabic-punctuation-only", "، ؛ ؟ « » …", None, False),
    ("invisible-only", "\u200f\u200e\ufeff", None, False),
    ("empty", "", None, False),
]


@pytest.mark.parametrize(("text", "code", "mixed"), [pytest.param(t, c, m, id=rid) for rid, t, c, m in ROWS])
def test_detect(text: str, code: str | None, mixed: bool) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.mixed) == (code, mixed), guess
    if code is None:
        assert guess.confidence == 0.0
    else:
        assert guess.confidence == guess.shares[code] == max(guess.shares.values())
        assert abs(sum(guess.shares.values()) - 1.0) < 1e-9


def test_digits_do_not_count_as_arabic_letters() -> None:
    # "2017" in Arabic-Indic digits must not tip an English sentence towards Arabic.
    guess = detect_language("Dam toll ٢٠١٧٢٠١٧٢٠١٧")
    assert guess.code == "en" and not guess.mixed
