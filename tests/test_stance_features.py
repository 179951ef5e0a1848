"""Stance features on small hand-written Arabic and English pairs."""

from __future__ import annotations

import pytest

from rawi.stance.analysis import AnalysisCache, analyze_article, analyze_claim, analyze_unit, find_cues
from rawi.stance.features import (
    FEATURE_NAMES,
    IdfTable,
    cue_features,
    feature_vector,
    number_features,
    overlap_features,
    pair_features,
    retrieval_features,
    sentence_features,
    sentence_matches,
)
from rawi.text import stem_tokens, tokenize

CLAIM_AR = "انهيار سد الموصل وغرق عشرات القرى في شمال العراق"
AGREE_AR = [
    "الموصل - أفاد مراسلنا صباح اليوم.",
    "انهار سد الموصل فجر الأحد وغرقت عشرات القرى في شمال العراق بعد ارتفاع منسوب المياه.",
    "وتعمل فرق الإنقاذ على إجلاء السكان.",
]
DENY_AR = [
    "الموصل - أفاد مراسلنا صباح اليوم.",
    "نفت وزارة الموارد المائية انهيار سد الموصل وقالت إن الأنباء عن غرق القرى في شمال العراق عارية عن الصحة.",
    "وأكدت الوزارة أن السد يعمل بشكل طبيعي.",
]
HEDGE_AR = [
    "تداولت مواقع التواصل أنباء عن انهيار سد الموصل في شمال العراق، ولم يتسن التأكد من صحتها.",
]
UNRELATED_AR = [
    "فاز المنتخب المغربي على نظيره التونسي بهدفين نظيفين في مباراة ودية.",
    "وسجل الهدفين لاعب الوسط في الشوط الثاني.",
]

CLAIM_EN = "The Mosul dam collapsed and flooded dozens of villages"
DENY_EN = ["Officials denied reports that the Mosul dam collapsed, calling the flooding story a hoax."]
AGREE_EN = ["The Mosul dam collapsed on Sunday and flooded dozens of villages in northern Iraq."]


def idf() -> IdfTable:
    articles = [analyze_article(a) for a in (AGREE_AR, DENY_AR, HEDGE_AR, UNRELATED_AR, DENY_EN, AGREE_EN)]
    return IdfTable.fit(articles, min_df=1)


def features(claim: str, sentences: list[str]) -> dict[str, float]:
    return pair_features(analyze_claim(claim), analyze_article(sentences), idf())


def test_cues_are_found_in_both_languages() -> None:
    ar = analyze_unit(DENY_AR[1])
    assert ar.cue_count("denial") >= 2  # نفت ... عارية عن الصحة
    assert ar.cue_count("hedge") >= 1  # الأنباء
    en = analyze_unit(DENY_EN[0])
    assert en.cue_count("denial") == 1 and en.cue_count("refutation") == 1
    tokens = tokenize("he didn't confirm it")
    assert set(find_cues(tokens, stem_tokens(tokens))) == {"negation", "support"}


@pytest.mark.parametrize(
    ("claim", "agree", "unrelated"),
    [(CLAIM_AR, AGREE_AR, UNRELATED_AR), (CLAIM_EN, AGREE_EN, UNRELATED_AR)],
)
def test_overlap_and_retrieval_separate_related_from_unrelated(claim, agree, unrelated) -> None:
    table = idf()
    c = analyze_claim(claim)
    related, other = analyze_article(agree), analyze_article(unrelated)
    for fn in (overlap_features, retrieval_features):
        high, low = fn(c, related, table), fn(c, other, table)
        assert set(high) == set(low)
        for name in high:
            if name.startswith(("cov_", "bm25", "tfidf", "jaccard")):
                assert high[name] > low[name], name
    assert overlap_features(c, other, table)["cov_stem"] < 0.2


def test_sentence_matches_rank_the_claim_sentence_first() -> None:
    article = analyze_article(AGREE_AR)
    matches = sentence_matches(analyze_claim(CLAIM_AR), article, idf())
    assert matches[0].index == 1
    assert 0.5 < matches[0].coverage <= 1.0
    out = sentence_features(matches, article)
    assert out["sent_max"] == matches[0].score
    assert out["sent_best_position"] == pytest.approx(1 / 3)


def test_title_comes_first_and_shifts_body_sentences() -> None:
    article = analyze_article(AGREE_AR, title="عاجل: انهيار سد الموصل")
    assert article.has_title and article.sentence_offset == 1 and len(article.units) == 4


def test_denial_near_the_claim_moves_toward_disagree() -> None:
    claim = analyze_claim(CLAIM_AR)
    table = idf()
    deny, agree = analyze_article(DENY_AR), analyze_article(AGREE_AR)
    d = cue_features(claim, deny, sentence_matches(claim, deny, table))
    a = cue_features(claim, agree, sentence_matches(claim, agree, table))
    assert d["denial_near"] > 0 and d["denial_best"] == 1.0
    assert a["denial_near"] == 0 and a["denial_article_any"] == 0.0
    en = features(CLAIM_EN, DENY_EN)
    assert en["denial_best"] == 1.0 and en["refutation_top"] > 0


def test_hedged_reporting_is_counted() -> None:
    hedged, plain = features(CLAIM_AR, HEDGE_AR), features(CLAIM_AR, AGREE_AR)
    assert hedged["hedge_near"] > plain["hedge_near"]
    assert hedged["hedge_x_match"] > 0


def test_claim_side_negation_and_mismatch() -> None:
    negated = features("لم ينهار سد الموصل", AGREE_AR)
    assert negated["negation_claim"] == 1.0 and negated["negation_mismatch"] == 1.0
    assert features(CLAIM_AR, AGREE_AR)["negation_claim"] == 0.0


def test_numbers_found_or_in_conflict() -> None:
    claim = analyze_claim("قتل 12 شخصا في القصف")
    same = analyze_article(["قتل 12 شخصا في القصف على المدينة"])
    other = analyze_article(["قتل 40 شخصا في القصف على المدينة"])
    table = idf()
    assert number_features(claim, same, sentence_matches(claim, same, table))["num_in_best"] == 1.0
    conflict = number_features(claim, other, sentence_matches(claim, other, table))
    assert conflict["num_found"] == 0.0 and conflict["num_conflict"] == 1.0
    no_numbers = analyze_claim(CLAIM_AR)
    assert number_features(no_numbers, same, [])["num_claim"] == 0.0


def test_feature_vector_matches_names_and_handles_empty_article() -> None:
    vector = feature_vector(analyze_claim(CLAIM_AR), analyze_article([""]), idf())
    assert vector.shape == (len(FEATURE_NAMES),)
    assert all(v == v for v in vector)  # no NaN


def test_idf_is_higher_for_rare_stems_and_cache_reuses_analyses() -> None:
    table = idf()
    rare, common = stem_tokens(["الموارد"])[0], stem_tokens(["الموصل"])[0]
    assert table.idf(rare) > table.idf(common)
    cache = AnalysisCache()
    assert cache.article(AGREE_AR) is cache.article(list(AGREE_AR))
    assert cache.claim(CLAIM_AR) is cache.claim(CLAIM_AR)


def _one_by_one(text: str) -> tuple:
    """The plain reading of a text: tokenize, stem each token, scan the cue lexicon at every token."""
    tokens = tokenize(text)
    stems = stem_tokens(tokens)
    return tokens, stems, find_cues(tokens, stems)


@pytest.mark.parametrize(
    "texts",
    [
        AGREE_AR + DENY_AR + HEDGE_AR + DENY_EN,
        # a newline inside a text, a non-breaking space, a presentation-form lam-alef, RTL marks, digits
        ["نفى المتحدث\nالخبر جملة وتفصيلاً", "لا\u00a0صحة للأنباء", "\ufefb تعليق", "\u200fقال الجيش ٣ مرات"],
        ["", "   ", "Officials DENIED it: “fake news”, 3.5 million!", "وأكد الناطق أن الخبر مفبرك"],
    ],
)
def test_units_analyzed_together_equal_each_text_alone(texts: list[str]) -> None:
    from rawi.stance.analysis import analyze_units

    for unit, text in zip(analyze_units(texts), texts, strict=True):
        tokens, stems, cues = _one_by_one(text)
        assert list(unit.tokens) == tokens and list(unit.stems) == stems
        assert unit.cues == cues
    # and again, now that every word is remembered
    assert analyze_units(texts) == analyze_units(list(texts))


def test_lexicon_find_with_known_starts_equals_a_full_scan() -> None:
    from rawi.stance.analysis import cue_lexicon

    lexicon = cue_lexicon()
    for text in [DENY_AR[1], HEDGE_AR[0], DENY_EN[0], "لا أساس له من الصحة، ولم يؤكد أحد الخبر المفبرك"]:
        tokens = tokenize(text)
        stems = stem_tokens(tokens)
        starts = [i for i, (t, s) in enumerate(zip(tokens, stems, strict=True)) if lexicon.may_start(t, s)]
        assert lexicon.find(tokens, stems, starts) == lexicon.find(tokens, stems)
        assert lexicon.find(tokens, stems)  # each text holds a cue


def test_a_full_chunk_cache_starts_again_without_losing_the_texts_at_hand() -> None:
    from rawi.stance import analysis

    cache = AnalysisCache(max_chunks=6)
    for texts in (AGREE_AR[:1], DENY_AR, AGREE_AR, HEDGE_AR + DENY_EN):  # each overflows the small cache
        for unit, text in zip(cache.units(texts), texts, strict=True):
            tokens, stems, cues = _one_by_one(text)
            assert list(unit.tokens) == tokens and list(unit.stems) == stems and unit.cues == cues
        assert len(cache.chunks) <= max(6, len({c for t in texts for c in t.split()}))
        assert analysis.char_grams(cache.units(texts), cache=cache) == frozenset(
            t[i : i + 4] for text in texts for t in tokenize(text) for i in range(len(t) - 3)
        )
