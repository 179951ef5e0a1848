"""Stance designs compared on the Baly 2018 folds: the shipped model and the variants tried against it.

Usage (from the repository root)::

    python benchmarks/bench_stance_designs.py [--data ../shared/datasets] [--only NAME ...]

The claim–article features of :mod:`rawi.stance.features` are computed once per fold (IDF from that
fold's training articles only), then each design trains LightGBM on four folds and predicts the
fifth, exactly as ``rawi eval baly2018`` does. Every stacked design gets its extra columns from
models that never saw the test claims: nested, claim-level out-of-fold predictions inside the
training folds, a model trained on all of them for the test fold. The table gives macro-F1 and F1
per class; the shipped design is the first row, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lightgbm as lgb
import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.preprocessing import normalize

from rawi.cli.eval import resolve_data_dir
from rawi.eval.baly2018 import load_baly2018, to_stance_pair
from rawi.eval.fnc1 import load_fnc1
from rawi.records import STANCE_LABELS
from rawi.stance.analysis import CUE_LISTS, AnalysisCache, ArticleAnalysis, ClaimAnalysis
from rawi.stance.features import IdfTable, feature_vector, sentence_matches
from rawi.stance.model import DEFAULT_CLASS_WEIGHT

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_WEIGHTS = np.array([DEFAULT_CLASS_WEIGHT[label] for label in STANCE_LABELS])
Design = Callable[["Folds"], np.ndarray]  # returns out-of-fold probabilities, one row per pair


def booster(seed: int = 0) -> lgb.LGBMClassifier:
    """The shipped model's LightGBM settings (see StanceClassifier)."""
    return lgb.LGBMClassifier(
        objective="multiclass", n_estimators=300, learning_rate=0.04, num_leaves=7, min_child_samples=10,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.7, random_state=seed, deterministic=True,
        force_row_wise=True, num_threads=1, verbose=-1,
    )  # fmt: skip


class Folds:
    """Baly pairs, their analyses and per-fold feature matrices."""

    def __init__(self, data: Path) -> None:
        corpus = load_baly2018(resolve_data_dir("baly2018", data))
        cache = AnalysisCache()
        pairs = [to_stance_pair(p) for p in corpus.pairs]
        self.corpus = corpus
        self.y = np.array([STANCE_LABELS.index(p.stance) for p in corpus.pairs])
        self.fold = np.array([corpus.fold_of(p.claim_id) for p in corpus.pairs])
        self.names = sorted(set(self.fold))
        self.claims: list[ClaimAnalysis] = [cache.claim(p.claim) for p in pairs]
        self.articles: list[ArticleAnalysis] = [cache.article(p.sentences, p.title) for p in pairs]
        self.idf: dict[str, IdfTable] = {}
        self.X: dict[str, np.ndarray] = {}
        for name in self.names:
            train = np.flatnonzero(self.fold != name)
            self.idf[name] = IdfTable.fit({id(self.articles[i]): self.articles[i] for i in train}.values())
            self.X[name] = np.array(
                [
                    feature_vector(c, a, self.idf[name])
                    for c, a in zip(self.claims, self.articles, strict=True)
                ]
            )

    def cross_validate(
        self,
        extra: Callable[[str], np.ndarray] | None = None,
        weights: np.ndarray = SHIPPED_WEIGHTS,
        seed: int = 0,
        extra_rows: tuple[np.ndarray, np.ndarray, float] | None = None,
    ) -> np.ndarray:
        """Out-of-fold probabilities of LightGBM on the fold features plus ``extra(fold)`` columns."""
        proba = np.zeros((len(self.y), len(STANCE_LABELS)))
        for name in self.names:
            X = self.X[name] if extra is None else np.hstack([self.X[name], extra(name)])
            train, test = self.fold != name, self.fold == name
            X_train, y_train, w_train = X[train], self.y[train], weights[self.y[train]]
            if extra_rows is not None:
                rows, labels, share = extra_rows
                X_train = np.vstack([X_train, rows])
                y_train = np.concatenate([y_train, labels])
                w_train = np.concatenate([w_train, share * weights[labels]])
            proba[test] = booster(seed).fit(X_train, y_train, sample_weight=w_train).predict_proba(X[test])
        return proba

    def stacked(
        self, fit_predict: Callable[[np.ndarray, np.ndarray, str], np.ndarray]
    ) -> dict[str, np.ndarray]:
        """Per outer fold: extra columns for every pair from ``fit_predict(train_idx, test_idx, fold)``,
        out-of-fold (by inner claim-level folds) on the training pairs."""
        columns: dict[str, np.ndarray] = {}
        for name in self.names:
            train, test = np.flatnonzero(self.fold != name), np.flatnonzero(self.fold == name)
            first = fit_predict(train, test, name)
            out = np.zeros((len(self.y), first.shape[1]))
            out[test] = first
            for inner in sorted(set(self.fold[train])):
                inner_train, inner_test = train[self.fold[train] != inner], train[self.fold[train] == inner]
                out[inner_test] = fit_predict(inner_train, inner_test, name)
            columns[name] = out
        return columns


# ------------------------------------------------------------------------------------------ designs


def claim_relative(folds: Folds) -> np.ndarray:
    """Each feature also relative to the other articles of the same claim (minus max, minus mean, rank)."""
    claim_of = np.array([p.claim_id for p in folds.corpus.pairs])

    def relative(name: str) -> np.ndarray:
        M = folds.X[name]
        out = np.zeros((len(M), 3 * M.shape[1]))
        for claim in np.unique(claim_of):
            idx = np.flatnonzero(claim_of == claim)
            sub = M[idx]
            rank = (sub.argsort(0).argsort(0) + 0.5) / len(idx)
            out[idx] = np.hstack([sub - sub.max(0), sub - sub.mean(0), rank])
        return out

    return folds.cross_validate(relative)


def masked_ngrams(folds: Folds) -> np.ndarray:
    """TF-IDF uni+bigrams of the three best-matching sentences, claim words masked (so "denied CW"
    generalizes across claims), logistic regression stacked as four extra columns."""
    texts: dict[str, list[str]] = {}
    for name in folds.names:
        texts[name] = []
        for claim, article in zip(folds.claims, folds.articles, strict=True):
            words = []
            for match in sentence_matches(claim, article, folds.idf[name])[:3]:
                words += [
                    "CW" if s in claim.unit.content else s for s in article.units[match.index].stems
                ] + ["|"]
            texts[name].append(" ".join(words))

    def fit_predict(train: np.ndarray, test: np.ndarray, name: str) -> np.ndarray:
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True, token_pattern=r"\S+")
        A = vectorizer.fit_transform([texts[name][i] for i in train])
        model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(A, folds.y[train])
        return model.predict_proba(vectorizer.transform([texts[name][i] for i in test]))

    columns = folds.stacked(fit_predict)
    return folds.cross_validate(lambda name: columns[name])


def lsa_similarity(folds: Folds) -> np.ndarray:
    """Latent semantic similarity (TF-IDF over stems, 100-dim SVD fitted on the training articles) of
    the claim to the article, to its best sentence and to its top-3 sentences."""

    def doc(units: tuple) -> str:
        return " ".join(s for u in units for s in u.content_seq)

    columns: dict[str, np.ndarray] = {}
    for name in folds.names:
        train = np.flatnonzero(folds.fold != name)
        unique = list({id(folds.articles[i]): folds.articles[i] for i in train}.values())
        vectorizer = TfidfVectorizer(
            min_df=3, max_df=0.5, sublinear_tf=True, token_pattern=r"\S+", max_features=20000
        )
        svd = TruncatedSVD(100, random_state=0).fit(vectorizer.fit_transform([doc(a.units) for a in unique]))

        def embed(texts: list[str]) -> np.ndarray:
            return normalize(svd.transform(vectorizer.transform(texts)))  # noqa: B023 (used in this loop)

        claims = embed([doc((c.unit,)) for c in folds.claims])
        rows = []
        for claim, article in zip(claims, folds.articles, strict=True):
            sentences = np.sort(embed([doc((u,)) for u in article.units]) @ claim)[::-1]
            rows.append([float(embed([doc(article.units)])[0] @ claim), sentences[0], sentences[:3].mean()])
        columns[name] = np.array(rows)
    return folds.cross_validate(lambda name: columns[name])


def sentence_stack(folds: Folds) -> np.ndarray:
    """A sentence-level model trained on Baly's gold rationale lines (agree / disagree / neither, over
    each article's 8 best-matching sentences), its scores aggregated per article and stacked."""
    from rawi.stance.features import _anchors, _near

    rationale = [set(p.rationale) for p in folds.corpus.pairs]
    per_fold: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for name in folds.names:
        rows, labels, owner = [], [], []
        for i, (claim, article) in enumerate(zip(folds.claims, folds.articles, strict=True)):
            matches = sentence_matches(claim, article, folds.idf[name])
            best = matches[0].score if matches else 0.0
            for rank, match in enumerate(matches[:8]):
                unit = article.units[match.index]
                anchors = _anchors(unit, claim.unit.content)
                row = [match.coverage, match.bigram_coverage, match.score, best - match.score, rank,
                       match.index / len(article.units), np.log1p(len(unit.tokens))]  # fmt: skip
                for cue in CUE_LISTS:
                    row += [
                        unit.cue_count(cue),
                        _near(unit.cues.get(cue, ()), anchors),
                        float(claim.unit.cue_count(cue) > 0),
                    ]
                rows.append(row)
                owner.append(i)
                gold_line = match.index - article.sentence_offset in rationale[i]
                labels.append(folds.y[i] if folds.y[i] in (0, 1) and gold_line else 2)
        per_fold[name] = (np.array(rows), np.array(labels), np.array(owner))

    def fit_predict(train: np.ndarray, test: np.ndarray, name: str) -> np.ndarray:
        R, L, owner = per_fold[name]
        train_rows, test_rows = np.isin(owner, train), np.isin(owner, test)
        model = (
            booster()
            .set_params(n_estimators=200)
            .fit(R[train_rows], L[train_rows], sample_weight=np.array([3.0, 15.0, 1.0])[L[train_rows]])
        )
        scores = model.predict_proba(R[test_rows])
        out = np.zeros((len(test), 6))
        position = {pair: k for k, pair in enumerate(test)}
        for pair in test:
            p = scores[owner[test_rows] == pair]
            if len(p):
                out[position[pair]] = [
                    p[:, 0].max(),
                    p[:, 1].max(),
                    p[0, 0],
                    p[0, 1],
                    p[:3, 1].mean(),
                    p[:3, 0].mean(),
                ]
        return out

    columns = folds.stacked(fit_predict)
    return folds.cross_validate(lambda name: columns[name])


def fnc1_rows(folds: Folds, data: Path) -> np.ndarray:
    """FNC-1 (English) pairs as extra training rows at 5 % weight, with a language flag column:
    all related pairs and a seeded 15 % of the unrelated ones."""
    fnc = load_fnc1(data / "FNC-1")
    rng = random.Random(0)
    kept = [p for p in fnc.pairs if p.stance != "unrelated" or rng.random() < 0.15]
    cache = AnalysisCache()
    bodies = {b: cache.article(fnc.sentences(b)) for b in {p.body_id for p in kept}}
    idf = IdfTable.fit(bodies.values())
    rows = np.array([feature_vector(cache.claim(p.headline), bodies[p.body_id], idf) for p in kept])
    rows = np.hstack([rows, np.ones((len(rows), 1))])
    labels = np.array([STANCE_LABELS.index(p.stance) for p in kept])
    return folds.cross_validate(lambda name: np.zeros((len(folds.y), 1)), extra_rows=(rows, labels, 0.05))


def designs(data: Path) -> dict[str, Design]:
    table: dict[str, Design] = {
        "shipped: class-weighted LightGBM": lambda f: f.cross_validate(),
        "5 seeds bagged": lambda f: np.mean([f.cross_validate(seed=s) for s in range(5)], axis=0),
        "heavier discuss weight (2.5)": lambda f: f.cross_validate(
            weights=np.where(np.arange(4) == STANCE_LABELS.index("discuss"), 2.5, SHIPPED_WEIGHTS)
        ),
        "+ claim-relative features": claim_relative,
        "+ stacked masked n-gram LR": masked_ngrams,
        "+ LSA similarity": lsa_similarity,
        "+ sentence model on gold rationales": sentence_stack,
    }
    if (data / "FNC-1").is_dir():
        table["+ FNC-1 rows (5 % weight)"] = lambda f: fnc1_rows(f, data)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("RAWI_DATA") or ROOT.parent / "shared" / "datasets")
    parser.add_argument("--data", type=Path, default=default, help="the datasets folder")
    parser.add_argument("--only", nargs="*", help="run only designs whose name contains one of these")
    args = parser.parse_args(argv)
    if not (args.data / "Baly2018_ArabicFC_Stance").is_dir():
        print(f"Baly 2018 not found under {args.data} (give --data or set RAWI_DATA)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    folds = Folds(args.data)
    print(
        f"features: {len(folds.y)} pairs x {len(folds.names)} folds, {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    print("| design | macro-F1 | agree | disagree | discuss | unrelated | seconds |")
    print("|---|---|---|---|---|---|---|")
    for name, design in designs(args.data).items():
        if args.only and not any(word in name for word in args.only):
            continue
        started = time.perf_counter()
        proba = design(folds)
        f1 = f1_score(folds.y, proba.argmax(axis=1), average=None, labels=range(len(STANCE_LABELS)))
        cells = " | ".join(f"{v:.3f}" for v in [f1.mean(), *f1])
        print(f"| {name} | {cells} | {time.perf_counter() - started:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
