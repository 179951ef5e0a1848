"""Stance features: small functions of a claim analysis, an article analysis and training IDF.

Float sums over sets use ``math.fsum`` (exactly rounded, so independent of set iteration order,
which changes between processes with string hash randomization): training is reproducible
across runs, not only within one.

Each ``*_features`` function returns a dict of named floats; :func:`pair_features` concatenates them
in :data:`FEATURE_NAMES` order. Sentence match scores (:func:`sentence_matches`) are shared by the
features and by the rationale.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from rawi.stance.analysis import CUE_LISTS, ArticleAnalysis, ClaimAnalysis, TextUnit

TOP_K = 3
MATCH_THRESHOLDS = (0.2, 0.4, 0.6)
CUE_WINDOW = 6  # tokens either side of a matched claim word that a cue may sit in to count as "near"
BM25_K1, BM25_B = 1.2, 0.75


@dataclass
class IdfTable:
    """Document frequencies from the training articles, stored in the model (never the test fold)."""

    df: dict[str, int]
    n_docs: int
    avg_length: float = 500.0
    avg_sentence_length: float = 20.0

    def idf(self, stem: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(stem, 0) + 1)) + 1.0

    @classmethod
    def fit(cls, articles: Iterable[ArticleAnalysis], min_df: int = 2) -> IdfTable:
        df: dict[str, int] = {}
        n_docs = total = sentences = sentence_tokens = 0
        for article in articles:
            n_docs += 1
            total += article.content_length
            for stem in article.stem_counts:
                df[stem] = df.get(stem, 0) + 1
            for unit in article.units:
                if unit.content_seq:
                    sentences += 1
                    sentence_tokens += len(unit.content_seq)
        kept = {s: n for s, n in df.items() if n >= min_df}  # rare stems get the default (max) idf
        return cls(
            kept,
            max(n_docs, 1),
            total / max(n_docs, 1) or 1.0,
            sentence_tokens / max(sentences, 1) or 1.0,
        )


@dataclass(frozen=True)
class SentenceMatch:
    index: int  # index into article.units
    coverage: float  # IDF-weighted share of the claim's content stems found in the sentence
    bigram_coverage: float

    @property
    def score(self) -> float:
        return 0.8 * self.coverage + 0.2 * self.bigram_coverage


def claim_weights(claim: ClaimAnalysis, idf: IdfTable) -> dict[str, float]:
    return {s: idf.idf(s) for s in claim.unit.content}


def sentence_matches(claim: ClaimAnalysis, article: ArticleAnalysis, idf: IdfTable) -> list[SentenceMatch]:
    """Every unit's match to the claim, best first (ties keep text order)."""
    weights = claim_weights(claim, idf)
    total = math.fsum(weights.values()) or 1.0
    n_bigrams = len(claim.bigrams) or 1
    matches = []
    for index, unit in enumerate(article.units):
        shared = claim.unit.content & unit.content
        coverage = math.fsum(weights[s] for s in shared) / total
        bigram = 0.0
        if len(shared) > 1 and claim.bigrams:
            unit_bigrams = set(zip(unit.content_seq, unit.content_seq[1:], strict=False))
            bigram = len(claim.bigrams & unit_bigrams) / n_bigrams
        matches.append(SentenceMatch(index, coverage, bigram))
    matches.sort(key=lambda m: -m.score)
    return matches


def overlap_features(claim: ClaimAnalysis, article: ArticleAnalysis, idf: IdfTable) -> dict[str, float]:
    """Claim–article overlap at word, stem, stem-bigram and character n-gram level."""
    claim_stems = claim.unit.content
    article_stems = article.stem_counts.keys()
    weights = claim_weights(claim, idf)
    shared = [s for s in claim_stems if s in article.stem_counts]
    n_claim = len(claim_stems) or 1
    claim_tokens = {t for t in claim.unit.tokens if len(t) > 1}
    article_tokens = {t for unit in article.units for t in unit.tokens}
    return {
        "cov_word": len(claim_tokens & article_tokens) / (len(claim_tokens) or 1),
        "cov_stem": len(shared) / n_claim,
        "cov_stem_idf": math.fsum(weights[s] for s in shared) / (math.fsum(weights.values()) or 1.0),
        "cov_bigram": len(claim.bigrams & article.bigrams) / (len(claim.bigrams) or 1),
        "cov_char": len(claim.char_grams & article.char_grams) / (len(claim.char_grams) or 1),
        "jaccard_stem": len(shared) / (len(claim_stems | set(article_stems)) or 1),
        "claim_length": math.log1p(len(claim.unit.content_seq)),
        "article_length": math.log1p(article.content_length),
        "n_sentences": math.log1p(len(article.units)),
    }


def _bm25(weights: Mapping[str, float], counts: Mapping[str, int], length: int, avg: float) -> float:
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / avg)
    gains = (w * counts[s] * (BM25_K1 + 1) / (counts[s] + norm) for s, w in weights.items() if s in counts)
    return math.fsum(gains)


def retrieval_features(claim: ClaimAnalysis, article: ArticleAnalysis, idf: IdfTable) -> dict[str, float]:
    """BM25 and TF-IDF cosine of the claim against the whole article and against its best sentence."""
    weights = claim_weights(claim, idf)
    self_score = math.fsum(weights.values()) * (BM25_K1 + 1) / (1 + BM25_K1) or 1.0  # tf=1, length=avg
    bm25_article = _bm25(weights, article.stem_counts, article.content_length, idf.avg_length)
    best_sentence = 0.0
    for unit in article.units:
        if unit.content & weights.keys():
            counts: dict[str, int] = {}
            for s in unit.content_seq:
                counts[s] = counts.get(s, 0) + 1
            score = _bm25(weights, counts, len(unit.content_seq), idf.avg_sentence_length)
            best_sentence = max(best_sentence, score)
    dot = math.fsum(w * w * article.stem_counts[s] for s, w in weights.items() if s in article.stem_counts)
    article_norm = math.sqrt(math.fsum((idf.idf(s) * n) ** 2 for s, n in article.stem_counts.items())) or 1.0
    claim_norm = math.sqrt(math.fsum(w * w for w in weights.values())) or 1.0
    return {
        "bm25_article": bm25_article / self_score,
        "bm25_best_sentence": best_sentence / self_score,
        "tfidf_cosine": dot / (article_norm * claim_norm),
    }


def sentence_features(matches: list[SentenceMatch], article: ArticleAnalysis) -> dict[str, float]:
    """How well and where the best sentences match: max, top-k mean, position, counts over thresholds."""
    scores = [m.score for m in matches] or [0.0]
    n = max(len(article.units), 1)
    best = matches[0] if matches else None
    out = {
        "sent_max": scores[0],
        "sent_second": scores[1] if len(scores) > 1 else 0.0,
        "sent_topk_mean": float(np.mean(scores[:TOP_K])),
        "sent_max_coverage": max((m.coverage for m in matches), default=0.0),
        "sent_max_bigram": max((m.bigram_coverage for m in matches), default=0.0),
        "sent_best_position": (best.index / n) if best else 1.0,
        "sent_best_is_first": float(best is not None and best.index == 0),
    }
    for threshold in MATCH_THRESHOLDS:
        count = sum(1 for s in scores if s >= threshold)
        out[f"sent_count_{threshold}"] = math.log1p(count)
        out[f"sent_share_{threshold}"] = count / n
    return out


def _near(positions: Iterable[int], anchors: list[int]) -> int:
    return sum(1 for p in positions if any(abs(p - a) <= CUE_WINDOW for a in anchors))


def _anchors(unit: TextUnit, claim_stems: frozenset[str]) -> list[int]:
    return [i for i, s in enumerate(unit.stems) if s in claim_stems]


def cue_features(
    claim: ClaimAnalysis, article: ArticleAnalysis, matches: list[SentenceMatch]
) -> dict[str, float]:
    """Denial, refutation, hedge, negation and support cues: near the matched claim words in the best
    sentences, anywhere in the best sentences, in sentences that match at all, in the whole article,
    and in the claim itself."""
    top = [article.units[m.index] for m in matches[:TOP_K] if m.score > 0]
    matched = [article.units[m.index] for m in matches if m.score >= MATCH_THRESHOLDS[0]]
    n_tokens = sum(len(u.tokens) for u in article.units) or 1
    claim_stems = claim.unit.content
    out: dict[str, float] = {}
    for name in CUE_LISTS:
        near = sum(_near(u.cues.get(name, ()), _anchors(u, claim_stems)) for u in top)
        in_top = sum(u.cue_count(name) for u in top)
        in_matched = sum(u.cue_count(name) for u in matched)
        total = sum(u.cue_count(name) for u in article.units)
        out[f"{name}_near"] = math.log1p(near)
        out[f"{name}_top"] = math.log1p(in_top)
        out[f"{name}_best"] = float(bool(top) and top[0].cue_count(name) > 0)
        out[f"{name}_matched"] = math.log1p(in_matched)
        out[f"{name}_article_rate"] = 1000.0 * total / n_tokens
        out[f"{name}_article_any"] = float(total > 0)
        out[f"{name}_claim"] = float(claim.unit.cue_count(name) > 0)
    best_negated = float(bool(top) and top[0].cue_count("negation") > 0)
    out["negation_mismatch"] = float(best_negated != out["negation_claim"])
    out["title_denial"] = float(article.has_title and article.units[0].cue_count("denial") > 0)
    return out


def number_features(
    claim: ClaimAnalysis, article: ArticleAnalysis, matches: list[SentenceMatch]
) -> dict[str, float]:
    """Numbers and dates of the claim that the article repeats, or replaces with other numbers."""
    claim_numbers = claim.unit.numbers
    if not claim_numbers:
        return {"num_claim": 0.0, "num_found": 0.0, "num_in_best": 0.0, "num_conflict": 0.0}
    article_numbers = frozenset().union(*(u.numbers for u in article.units))
    best = article.units[matches[0].index] if matches else None
    best_numbers = best.numbers if best else frozenset()
    return {
        "num_claim": math.log1p(len(claim_numbers)),
        "num_found": len(claim_numbers & article_numbers) / len(claim_numbers),
        "num_in_best": len(claim_numbers & best_numbers) / len(claim_numbers),
        "num_conflict": float(bool(best_numbers) and not (claim_numbers & best_numbers)),
    }


def pair_features(claim: ClaimAnalysis, article: ArticleAnalysis, idf: IdfTable) -> dict[str, float]:
    matches = sentence_matches(claim, article, idf)
    features: dict[str, float] = {}
    features.update(overlap_features(claim, article, idf))
    features.update(retrieval_features(claim, article, idf))
    features.update(sentence_features(matches, article))
    features.update(cue_features(claim, article, matches))
    features.update(number_features(claim, article, matches))
    # Interactions the trees would otherwise need several splits for: a cue only matters where the
    # article talks about the claim.
    for name in ("denial", "refutation", "hedge", "support"):
        features[f"{name}_x_match"] = features[f"{name}_top"] * features["sent_max"]
    return features


def _feature_names() -> tuple[str, ...]:
    from rawi.stance.analysis import analyze_article, analyze_claim

    probe = pair_features(analyze_claim("a b"), analyze_article(["a b"]), IdfTable({}, 1))
    return tuple(probe)


FEATURE_NAMES: tuple[str, ...] = _feature_names()


def feature_vector(claim: ClaimAnalysis, article: ArticleAnalysis, idf: IdfTable) -> np.ndarray:
    values = pair_features(claim, article, idf)
    return np.array([values[name] for name in FEATURE_NAMES], dtype=np.float64)
