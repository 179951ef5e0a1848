"""Arabic (ar): letter maps, stopwords, months and the cue lists read by every stage."""

from __future__ import annotations

from pathlib import Path

from rawi.lang.ar.letters import LETTER_MAP
from rawi.lang.base import Language

# Arabic script block plus Arabic Supplement, Extended-A and presentation forms.
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"

LANGUAGE = Language(
    code="ar",
    name="Arabic",
    stemmer="arabic",
    script=ARABIC_SCRIPT,
    data_dir=Path(__file__).parent,
    letter_map=LETTER_MAP,
    sentence_enders=".!?؟۔",
    clause_marks=";؛",
    word_marks="\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640",
    # Snowball leaves the article on short words (السد stays السد while سد is سد): strip it first;
    # ولل/فلل (and the dam: وللسد) are the conjunction plus لِـ + article, which Snowball also misses.
    clitic_prefixes=("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"),
    min_stem=2,
    conjunctions=("و", "ف"),
    head_first=True,
    verb_subject=True,
    inflected_verbs=True,
    fused_clitics=True,
)
