"""split_sentences(): Arabic and English boundaries, false stops, datelines, offsets into the original."""

from __future__ import annotations

from itertools import pairwise

import pytest

from rawi.text import split_sentences

# (id, text, expected sentence texts)
ROWS = [
    ("arabic-period", "انهار السد. ونفى المحافظ ذلك.", ["انهار السد.", "ونفى المحافظ ذلك."]),
    ("arabic-question", "هل انهار السد؟ لا أحد يعرف", ["هل انهار السد؟", "لا أحد يعرف"]),
    ("exclamation", "يا للكارثة! غرقت المدينة", ["يا للكارثة!", "غرقت المدينة"]),
    ("urdu-full-stop", "انهار السد۔ ونزح السكان", ["انهار السد۔", "ونزح السكان"]),
    ("ellipsis-char", "وقال إن الوضع… صعب… ثم صمت", ["وقال إن الوضع…", "صعب…", "ثم صمت"]),
    ("three-dots", "الوضع صعب... ثم صمت", ["الوضع صعب...", "ثم صمت"]),
    ("question-exclamation", "أحقاً؟! لم نسمع بذلك", ["أحقاً؟!", "لم نسمع بذلك"]),
    ("closing-guillemet", "قال: «انهار السد.» ثم غادر", ["قال: «انهار السد.»", "ثم غادر"]),
    ("closing-curly", "قال: “انهار السد؟” ثم غادر", ["قال: “انهار السد؟”", "ثم غادر"]),
    ("closing-paren", "(انتهى البيان.) وبعده", ["(انتهى البيان.)", "وبعده"]),
    (
        "no-punctuation-lines",
        "انهار السد\nنزح السكان\nوصلت فرق الإنقاذ",
        ["انهار السد", "نزح السكان", "وصلت فرق الإنقاذ"],
    ),
    ("blank-lines", "العنوان\n\n\nانهار السد.\n\n", ["العنوان", "انهار السد."]),
    (
        "windows-newlines",
        "العنوان\r\nانهار السد.\r\n\r\nنزح السكان",
        ["العنوان", "انهار السد.", "نزح السكان"],
    ),
    (
        "decimal-not-split",
        "بلغ المنسوب 3.5 متر فوق الحد. ثم انخفض",
        ["بلغ المنسوب 3.5 متر فوق الحد.", "ثم انخفض"],
    ),
    ("dotted-date-not-split", "في 07.09.2017 انهار السد. ونزح", ["في 07.09.2017 انهار السد.", "ونزح"]),
    ("arabic-decimal-not-split", "بلغ ٣٫٥ مليون. ثم", ["بلغ ٣٫٥ مليون.", "ثم"]),
    (
        "number-ends-sentence",
        "ارتفع عدد القتلى إلى 5. وقال الوزير إن",
        ["ارتفع عدد القتلى إلى 5.", "وقال الوزير إن"],
    ),
    ("year-ends-sentence", "وقع ذلك عام 2017. ثم تكرر", ["وقع ذلك عام 2017.", "ثم تكرر"]),
    (
        "dateline-hyphen",
        "دمشق-سانا انهار سد في ريف حماة. ونزح السكان",
        ["دمشق-سانا انهار سد في ريف حماة.", "ونزح السكان"],
    ),
    (
        "dateline-agency",
        "بيروت (رويترز) - قالت مصادر إن السد انهار. ونفت الوزارة",
        ["بيروت (رويترز) - قالت مصادر إن السد انهار.", "ونفت الوزارة"],
    ),
    (
        "dateline-dotted-agency",
        "باريس (أ.ف.ب.) - قال الوزير إن السد انهار. ونفت الوزارة",
        ["باريس (أ.ف.ب.) - قال الوزير إن السد انهار.", "ونفت الوزارة"],
    ),
    (
        "dateline-dotted-agency-no-final-dot",
        "باريس (أ.ف.ب) - قال الوزير. ثم",
        ["باريس (أ.ف.ب) - قال الوزير.", "ثم"],
    ),
    ("arabic-initial", "قال د. أحمد إن السد انهار. ثم", ["قال د. أحمد إن السد انهار.", "ثم"]),
    (
        "english-mr",
        "Mr. Smith said the dam collapsed. Officials denied it.",
        ["Mr. Smith said the dam collapsed.", "Officials denied it."],
    ),
    ("english-dr", "Dr. Jones arrived. He left.", ["Dr. Jones arrived.", "He left."]),
    (
        "english-us",
        "The U.S. embassy said so. Nobody agreed.",
        ["The U.S. embassy said so.", "Nobody agreed."],
    ),
    ("english-month", "On Jan. 5 the dam broke. Nobody died.", ["On Jan. 5 the dam broke.", "Nobody died."]),
    ("english-initial", "John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]),
    ("english-question", "Did the dam collapse? No.", ["Did the dam collapse?", "No."]),
    (
        "english-quote-closer",
        'He said: "It collapsed." Then he left.',
        ['He said: "It collapsed."', "Then he left."],
    ),
    (
        "mixed",
        "قالت Reuters إن السد انهار. The ministry denied it.",
        ["قالت Reuters إن السد انهار.", "The ministry denied it."],
    ),
    ("no-final-mark", "انهار السد", ["انهار السد"]),
    ("empty", "", []),
    ("only-punctuation", " ... » ", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=rid) for rid, t, e in ROWS])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [pytest.param(t, id=rid) for rid, t, _ in ROWS])
def test_offsets_and_indices(text: str) -> None:
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert all(a.end <= b.start for a, b in pairwise(sentences))


ORIGINAL_KEPT = [
    ("diacritics", "أَعْلَنَتْ الوِزَارَةُ انهيار السد. ثم", "أَعْلَنَتْ الوِزَارَةُ انهيار السد."),
    ("tatweel", "قـــال الوزيـر إن السد انهار. ثم", "قـــال الوزيـر إن السد انهار."),
    ("persian-letters-digits", "قتل ۱۲ شخصاً في کرکوک. ثم", "قتل ۱۲ شخصاً في کرکوک."),
    ("rlm-and-presentation", "\u200fﺑﻴﺮﻭﺕ تغرق. ثم", "\u200fﺑﻴﺮﻭﺕ تغرق."),
]


@pytest.mark.parametrize(("text", "first"), [pytest.param(t, f, id=rid) for rid, t, f in ORIGINAL_KEPT])
def test_original_text_kept(text: str, first: str) -> None:
    sentences = split_sentences(text)
    assert sentences[0].text == first
    assert text[sentences[0].start : sentences[0].end] == first
