"""normalize(): every variant Arabic news outlets type for the same word folds to one matching form."""

from __future__ import annotations

import pytest

from rawi.text import fold, normalize

# (id, input, expected matching form)
LETTERS = [
    ("alef-hamza-above", "أحمد", "احمد"),
    ("alef-hamza-below", "إعلان", "اعلان"),
    ("alef-madda", "آب", "اب"),
    ("alef-wasla", "ٱلله", "الله"),
    ("alef-inside-word", "الإمارات", "الامارات"),
    ("alef-madda-inside", "القرآن", "القران"),
    ("alef-maqsura-final", "مستشفى", "مستشفي"),
    ("alef-maqsura-preposition", "على", "علي"),
    ("alef-maqsura-name", "موسى", "موسي"),
    ("ya-stays", "مستشفي", "مستشفي"),
    ("ta-marbuta", "وزارة", "وزاره"),
    ("ta-marbuta-article", "الحكومة", "الحكومه"),
    ("ha-stays", "وزاره", "وزاره"),
    ("hamza-on-waw", "مؤتمر", "موتمر"),
    ("hamza-on-waw-plural", "المسؤولون", "المسوولون"),
    ("hamza-on-ya", "رئيس", "رييس"),
    ("hamza-on-ya-and-ta", "هيئة", "هييه"),
    ("hamza-both-carriers", "إسرائيل", "اسراييل"),
    ("bare-hamza-kept", "سماء", "سماء"),
    ("persian-ya", "سوریا", "سوريا"),
    ("persian-kaf", "کرکوک", "كركوك"),
    ("urdu-ha-do-chashmi", "ھذا", "هذا"),
    ("persian-he-hamza", "مدرسۀ", "مدرسه"),
    ("persian-gaf", "گوگل", "كوكل"),
    ("persian-pe", "پاریس", "باريس"),
    ("persian-che", "چلبي", "جلبي"),
    ("persian-zhe", "ژنيف", "زنيف"),
    ("ve-maghrebi", "ڤيينا", "فيينا"),
    ("tatweel", "الـرئـيـس", "الرييس"),
    ("tatweel-before-latin", "بـCNN", "بcnn"),
    ("tatweel-long", "قـــــال", "قال"),
]

DIACRITICS = [
    ("fatha", "قَال", "قال"),
    ("damma", "يُزعم", "يزعم"),
    ("kasra", "مِن", "من"),
    ("fathatan", "نقلاً", "نقلا"),
    ("dammatan", "كتابٌ", "كتاب"),
    ("kasratan", "عارٍ", "عار"),
    ("shadda", "صرّح", "صرح"),
    ("shadda-fatha", "شدَّد", "شدد"),
    ("sukun", "قُلْتُ", "قلت"),
    ("superscript-alef", "هٰذا", "هذا"),
    ("superscript-alef-name", "الرحمٰن", "الرحمن"),
    ("combining-madda", "ا\u0653", "ا"),
    ("combining-hamza-above", "ا\u0654", "ا"),
    ("combining-hamza-below", "ا\u0655", "ا"),
    ("subscript-alef", "ب\u0656", "ب"),
    ("fully-vocalized", "أَعْلَنَتْ وِزَارَةُ الصِّحَّةِ", "اعلنت وزاره الصحه"),
    ("diacritics-and-tatweel", "الـمُـتَّـحِـدَة", "المتحده"),
]

PRESENTATION_FORMS = [
    ("lam-alef-ligature", "ﻻ", "لا"),
    ("lam-alef-hamza-ligature", "ﻷ", "لا"),
    ("lam-alef-hamza-below-ligature", "ﻹعلان", "لاعلان"),
    ("lam-alef-madda-ligature", "ﻵ", "لا"),
    ("allah-ligature", "ﷲ", "الله"),
    ("beirut-contextual-forms", "ﺑﻴﺮﻭﺕ", "بيروت"),
    ("quds-contextual-forms", "ﺍﻟﻘﺪﺱ", "القدس"),
    ("ta-marbuta-final-form", "ﺔ", "ه"),
    ("ta-marbuta-isolated-form", "ﺓ", "ه"),
    ("alef-maqsura-final-form", "ﻰ", "ي"),
    ("alef-hamza-forms", "ﺁﺃﺇ", "ااا"),
    ("persian-kaf-isolated-form", "ﮐ", "ك"),
    ("persian-ya-medial-form", "ﯾ", "ي"),
    ("presentation-mixed-with-plain", "مدينة ﺑﻴﺮﻭﺕ", "مدينه بيروت"),
    ("fullwidth-latin-and-digit", "Ａ１", "a1"),
]

INVISIBLE = [
    ("zwnj", "بيروت\u200c", "بيروت"),
    ("zwnj-inside-word", "بي\u200cروت", "بيروت"),
    ("zwj", "ب\u200dيروت", "بيروت"),
    ("zwsp", "دمشق\u200bسانا", "دمشقسانا"),
    ("lrm", "\u200eCNN\u200e", "cnn"),
    ("rlm", "دمشق\u200f", "دمشق"),
    ("arabic-letter-mark", "\u061cقال", "قال"),
    ("lre-pdf", "\u202aBBC\u202c", "bbc"),
    ("rle-pdf", "\u202bقال\u202c", "قال"),
    ("lro-rlo", "\u202dأ\u202eب\u202c", "اب"),
    ("lri-pdi", "\u2066Reuters\u2069", "reuters"),
    ("rli-pdi", "\u2067سانا\u2069", "سانا"),
    ("fsi-pdi", "\u2068سانا\u2069", "سانا"),
    ("bom", "\ufeffبيروت", "بيروت"),
    ("word-joiner", "بيروت\u2060", "بيروت"),
    ("soft-hyphen", "انتخا\u00adبات", "انتخابات"),
]

DIGITS = [
    ("arabic-indic-all", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("persian-all", "۰۱۲۳۴۵۶۷۸۹", "0123456789"),
    ("arabic-indic-year", "عام ٢٠١٧", "عام 2017"),
    ("persian-year", "سال ۲۰۱۷", "سال 2017"),
    ("date-dotted", "٠٧.٠٩.٢٠١٧", "07.09.2017"),
    ("decimal-separator", "٣٫٥", "3.5"),
    ("thousands-separator", "١٬٠٠٠", "1,000"),
    ("percent-after", "٥٠٪", "50%"),
    ("ascii-digits-stay", "2017", "2017"),
]

PUNCTUATION = [
    ("arabic-comma", "دمشق، حلب", "دمشق, حلب"),
    ("arabic-semicolon", "قال؛ ثم", "قال; ثم"),
    ("arabic-question", "هل انهار السد؟", "هل انهار السد?"),
    ("arabic-percent", "٪", "%"),
    ("arabic-decimal", "٫", "."),
    ("arabic-thousands", "٬", ","),
    ("urdu-full-stop", "انتهى۔", "انتهي."),
    ("guillemets", "«الرئيس»", '"الرييس"'),
    ("curly-double", "“السد”", '"السد"'),
    ("double-prime", "″مفبركة″", '"مفبركه"'),
    ("low-double", "„خبر“", '"خبر"'),
    ("curly-single", "‘لا’", "'لا'"),
    ("en-dash-dateline", "دمشق – سانا", "دمشق - سانا"),
    ("em-dash", "بيروت—رويترز", "بيروت-رويترز"),
]

SPACES = [
    ("no-break-space", "الأمم\u00a0المتحدة", "الامم المتحده"),
    ("thin-space", "٥٠\u2009٪", "50 %"),
    ("narrow-no-break-space", "«\u202fنعم\u202f»", '" نعم "'),
    ("figure-space", "1\u20070", "1 0"),
    ("ideographic-space", "a\u3000b", "a b"),
    ("tabs-and-newlines", "قال\t\tالوزير\r\nإن", "قال الوزير ان"),
    ("leading-trailing", "   السد   ", "السد"),
    ("empty", "", ""),
    ("only-invisible", "\u200f\u200e\ufeff", ""),
]

ENGLISH = [
    ("lowercase", "The Ministry SAID", "the ministry said"),
    ("abbreviation-dots-kept", "U.S. officials", "u.s. officials"),
    ("curly-quotes", "“Fake news,” he said", '"fake news," he said'),
    ("curly-apostrophe", "don’t", "don't"),
    ("accented-latin", "Café ÉLYSÉE", "café élysée"),
]

MIXED = [
    ("quoted-agency", "قالت «Reuters» إنّ ٣ أشخاص قُتلوا", 'قالت "reuters" ان 3 اشخاص قتلوا'),
    ("dateline-with-rlm", "بيروت\u200f (رويترز) – أعلنت", "بيروت (رويترز) - اعلنت"),
    ("english-name-in-arabic", "منظمة Human Rights Watch", "منظمه human rights watch"),
    (
        "persian-keyboard-sentence",
        "قالت وزارة الصحة الیوم إن ۱۲ شخصاً قتلوا",
        "قالت وزاره الصحه اليوم ان 12 شخصا قتلوا",
    ),
]

ALL_ROWS = (
    LETTERS + DIACRITICS + PRESENTATION_FORMS + INVISIBLE + DIGITS + PUNCTUATION + SPACES + ENGLISH + MIXED
)


def _params(rows: list[tuple[str, str, str]]) -> list:
    return [pytest.param(src, expected, id=rid) for rid, src, expected in rows]


@pytest.mark.parametrize(("src", "expected"), _params(LETTERS))
def test_letters(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(DIACRITICS))
def test_diacritics_and_tatweel_dropped(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(PRESENTATION_FORMS))
def test_presentation_forms(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(INVISIBLE))
def test_invisible_marks_dropped(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(DIGITS))
def test_digits(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(PUNCTUATION))
def test_punctuation_and_quotes(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(SPACES))
def test_spaces(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(ENGLISH))
def test_english(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(MIXED))
def test_mixed_arabic_english(src: str, expected: str) -> None:
    assert normalize(src) == expected


@pytest.mark.parametrize(("src", "expected"), _params(ALL_ROWS))
def test_idempotent(src: str, expected: str) -> None:
    once = normalize(src)
    assert normalize(once) == once


# The same word as different outlets type it: each set must collapse to one matching form.
VARIANT_SETS = [
    ("beirut", ["بيروت", "بَيْرُوت", "بيـروت", "ﺑﻴﺮﻭﺕ", "بیروت", "بي\u200cروت", "\u200fبيروت\u200f"]),
    ("the-president", ["الرئيس", "الرئيـس", "الرَّئِيس", "الرييس", "الرئیس", "ﺍﻟﺮﺋﻴﺲ"]),
    ("israel", ["إسرائيل", "اسرائيل", "إسرائـيل", "اسراييل", "إسرائیل", "إِسْرَائِيل"]),
    ("hospital", ["مستشفى", "مستشفي", "مستشفی", "مُستشفى", "ﻣﺴﺘﺸﻔﻰ"]),
    (
        "united-nations",
        [
            "الأمم المتحدة",
            "الامم المتحده",
            "الأُمَم المُتَّحِدَة",
            "الأمم\u00a0المتحدة",
            "الأمم  المتحدة",
            "الأمم المتحدۀ",
        ],
    ),
    ("kirkuk", ["كركوك", "کرکوک", "كـركـوك", "ﻛﺮﻛﻮﻙ"]),
    ("year-2017", ["2017", "٢٠١٧", "۲۰۱۷"]),
    ("september-levantine", ["أيلول", "ايلول", "أيلـول", "أَيْلُول", "ايلول\u200c"]),
    ("fabricated", ["مفبركة", "مفبركه", "مُفبرَكة", "مفبرکة", "مفبركـة"]),
    ("conference", ["مؤتمر", "موتمر", "مُؤتَمَر", "مؤتـمر"]),
    (
        "no-basis",
        ["لا أساس له من الصحة", "ﻻ أساس له من الصحة", "لا اساس له من الصحه", "لا أسـاس لهُ من الصِّحَّة"],
    ),
    ("english-quote", ["“fake”", '"FAKE"', "″Fake″", "«fake»"]),
]


@pytest.mark.parametrize("variants", [pytest.param(v, id=rid) for rid, v in VARIANT_SETS])
def test_outlet_variants_collapse(variants: list[str]) -> None:
    forms = {normalize(v) for v in variants}
    assert len(forms) == 1, forms


FOLD_ROWS = [
    ("keeps-case", "Reuters أعلنت", "Reuters اعلنت"),
    ("keeps-spacing", "السد  انهار\n", "السد  انهار\n"),
    ("folds-digits", "٢٠١٧", "2017"),
]


@pytest.mark.parametrize(("src", "expected"), _params(FOLD_ROWS))
def test_fold_keeps_case_and_spacing(src: str, expected: str) -> None:
    assert fold(src) == expected
