"""Reference systems every evaluation runs next to rawi's model, on the same folds.

Both follow the estimator contract of ``rawi.stance.base.StanceModel``: ``fit(pairs, labels)``
returns ``self``, ``predict_proba`` columns line up with ``classes_``, an unfitted model raises
ModelError. Neither produces rationale sentences; :func:`rank_by_claim_overlap` is the rationale
baseline.
"""

from __future__ import annotations

import warnings
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import MutableMapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from rawi.errors import ModelError
from rawi.stance.base import StancePair, StanceResult
from rawi.text import analyze, normalize


def _check_fit_input(pairs: Sequence[StancePair], labels: Sequence[str], model: str) -> None:
    if len(pairs) != len(labels):
        raise ValueError(f"{model}.fit: {len(pairs)} pairs but {len(labels)} labels")
    if not labels:
        raise ValueError(f"{model}.fit: needs at least one labelled pair. Got none.")


class _LabelsMixin(ABC):
    classes_: tuple[str, ...]

    def _require_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise ModelError(f"{type(self).__name__} is not fitted: call fit(pairs, labels) first")

    @abstractmethod
    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        """Scores per pair, columns in the order of ``classes_``."""

    def predict(self, pairs: Sequence[StancePair]) -> list[str]:
        proba = self.predict_proba(pairs)
        return [self.classes_[i] for i in proba.argmax(axis=1)] if len(pairs) else []

    def predict_results(self, pairs: Sequence[StancePair], *, max_rationale: int = 3) -> list[StanceResult]:
        """Label and scores per pair; these baselines give no rationale sentences."""
        proba = self.predict_proba(pairs)
        results = []
        for row in proba:
            scores = {label: float(p) for label, p in zip(self.classes_, row, strict=True)}
            results.append(StanceResult(label=self.classes_[int(row.argmax())], scores=scores))
        return results


class MajorityClassifier(_LabelsMixin):
    """Predicts the most frequent training label; its probabilities are the training label shares."""

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> MajorityClassifier:
        _check_fit_input(pairs, labels, "MajorityClassifier")
        counts = Counter(labels)
        self.classes_ = tuple(sorted(counts))
        self.prior_ = np.array([counts[c] / len(labels) for c in self.classes_])
        # ties go to the first label in sorted order, so the result does not depend on input order
        self.majority_ = max(self.classes_, key=lambda c: (counts[c], -self.classes_.index(c)))
        return self

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        self._require_fitted()
        return np.tile(self.prior_, (len(pairs), 1))

    def predict(self, pairs: Sequence[StancePair]) -> list[str]:
        self._require_fitted()
        return [self.majority_] * len(pairs)


class TfidfLogRegClassifier(_LabelsMixin):
    """Character n-gram TF-IDF of the article plus its cosine with the claim's, into a logistic regression.

    Texts go through ``rawi.text.normalize`` first (Arabic letter folding, no diacritics), and only
    the first ``max_chars`` characters of an article are used: hashing every n-gram of long scraped
    pages costs more than it tells (the gist of a news article sits at its head).

    Parameters
    ----------
    ngram_range : (min, max) character n-gram lengths, within word boundaries (``char_wb``).
    max_chars : characters of each normalized text that are analysed.
    n_features : size of the hashed n-gram space.
    C : inverse regularisation strength of the logistic regression.
    cache : optional dict shared between instances (e.g. across cross-validation folds) that keeps
        the hashed n-gram counts of each text, so each text is analysed once per evaluation.
    """

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (2, 5),
        max_chars: int = 2000,
        n_features: int = 2**18,
        C: float = 1.0,
        cache: MutableMapping[tuple[object, ...], sparse.csr_matrix] | None = None,
    ) -> None:
        self.ngram_range = ngram_range
        self.max_chars = max_chars
        self.n_features = n_features
        self.C = C
        self.cache = cache

    def _counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Hashed n-gram counts, one row per text, reusing the cache when one is given."""
        hasher = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=self.ngram_range,
            n_features=self.n_features,
            alternate_sign=False,
            norm=None,
            dtype=np.float32,
        )
        config = (self.ngram_range, self.max_chars, self.n_features)
        cache: MutableMapping[tuple[object, ...], sparse.csr_matrix] = (
            self.cache if self.cache is not None else {}
        )
        missing = list(dict.fromkeys(t for t in texts if (config, t) not in cache))
        if missing:
            rows = hasher.transform([normalize(t)[: self.max_chars] for t in missing])
            for index, text in enumerate(missing):
                cache[(config, text)] = rows[index]
        if not texts:
            return sparse.csr_matrix((0, self.n_features), dtype=np.float32)
        return sparse.vstack([cache[(config, t)] for t in texts], format="csr")

    def _features(self, pairs: Sequence[StancePair], *, fit: bool) -> sparse.csr_matrix:
        claims = self._counts([p.claim for p in pairs])
        articles = self._counts(["\n".join(((p.title or ""), *p.sentences)) for p in pairs])
        if fit:
            self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(sparse.vstack([claims, articles]))
        claim_vectors = self.tfidf_.transform(claims)
        article_vectors = self.tfidf_.transform(articles)
        # rows are L2-normalised, so the row sums of the element-wise product are the cosines
        cosine = np.asarray(claim_vectors.multiply(article_vectors).sum(axis=1)).reshape(-1, 1)
        # the claim enters through its cosine with the article only: its own n-grams as features
        # would let claim wording (e.g. wire-style vs rumour-style) seep into the stance scores and,
        # through them, into claim factuality; on Baly 2018 they also lower stance macro-F1
        return sparse.hstack([article_vectors, sparse.csr_matrix(cosine)], format="csr")

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> TfidfLogRegClassifier:
        _check_fit_input(pairs, labels, "TfidfLogRegClassifier")
        if self.max_chars < 1:
            raise ValueError(f"The 'max_chars' parameter must be an int >= 1. Got {self.max_chars!r}.")
        features = self._features(pairs, fit=True)
        classes = sorted(set(labels))
        self.converged_ = True
        if len(classes) == 1:  # logistic regression needs two classes; one label is a constant model
            self.model_ = None
        else:
            # one-vs-rest liblinear in the dual (far fewer pairs than n-gram columns): several times
            # faster than multinomial lbfgs or the primal, at the same macro-F1 on Baly 2018
            binary = LogisticRegression(
                C=self.C,
                class_weight="balanced",
                solver="liblinear",
                dual=True,
                random_state=0,  # liblinear shuffles in the dual; fixed for reproducible figures
            )
            # on large sets (FNC-1, 40k pairs) liblinear may stop at its iteration cap; the figure
            # is still the baseline's, so record that rather than print a warning per class
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                self.model_ = OneVsRestClassifier(binary).fit(features, list(labels))
            self.converged_ = True
            for warning in caught:
                if issubclass(warning.category, ConvergenceWarning):
                    self.converged_ = False
                else:  # anything else is not ours to silence
                    category, filename, line = warning.category, warning.filename, warning.lineno
                    warnings.warn_explicit(warning.message, category, filename, line)
        self.classes_ = tuple(classes)
        return self

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        self._require_fitted()
        if not pairs:
            return np.zeros((0, len(self.classes_)))
        if self.model_ is None:
            return np.ones((len(pairs), 1))
        return self.model_.predict_proba(self._features(pairs, fit=False))


def rank_by_claim_overlap(pair: StancePair, k: int = 3) -> list[int]:
    """Rationale baseline: the ``k`` sentences sharing the most stemmed claim terms, best first.

    Ties keep document order; sentences sharing no term with the claim are never returned.
    """
    claim_terms = set(analyze(pair.claim))
    overlaps = [(len(claim_terms & set(analyze(s))), i) for i, s in enumerate(pair.sentences)]
    ranked = sorted((item for item in overlaps if item[0] > 0), key=lambda item: (-item[0], item[1]))
    return [index for _, index in ranked[:k]]


__all__ = ["MajorityClassifier", "TfidfLogRegClassifier", "rank_by_claim_overlap"]
