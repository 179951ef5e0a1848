"""End-to-end scoring of the verdict ``rawi check`` prints: the stories set and Baly 2018.

Both evaluations ingest a corpus into a real store, run the real check for each claim and score
what a user would see: the verdict, its confidence, the stances and the origins. One scorer
(:func:`score_checks`) serves both, so their figures mean the same thing.

Confidently wrong (PRODUCT.md): a verdict on the wrong side with confidence >= 0.6 -- "supported"
where the truth is refuted or disputed, "refuted" where it is supported or disputed, or either side
for a claim nothing in the corpus speaks to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rawi.records import STANCE_LABELS

CONFIDENT = 0.6
SIDES = ("supported", "refuted")
VERDICTS = ("supported", "refuted", "disputed", "unverified")


@dataclass
class ClaimCase:
    """One claim with its gold answer."""

    claim_id: str
    text: str
    language: str
    verdict: str  # gold: supported / refuted / disputed / unverified
    stances: dict[str, str] = field(default_factory=dict)  # article id -> agree/disagree/discuss
    scope: Sequence[str] = ()  # article ids whose stance is judged (others in the corpus: unrelated)
    origins: int | None = None  # gold independent origins among the related articles
    kind: str = "positive"
    corpus_language: str | None = None  # the language of the articles it is about
    offtopic: bool = False  # nothing in the corpus speaks to it


def confidently_wrong(gold: str, predicted: str, confidence: float, offtopic: bool = False) -> bool:
    if confidence < CONFIDENT or predicted not in SIDES:
        return False
    if offtopic:
        return True
    other = "refuted" if predicted == "supported" else "supported"
    return gold in (other, "disputed")


def score_checks(
    cases: Sequence[ClaimCase], results: Sequence[Mapping[str, Any]], top_k: int = 20
) -> dict[str, Any]:
    """The figures of ``rawi eval stories`` / ``rawi eval verdict`` for checked ``cases``."""
    rows = []
    stance_right = stance_total = related_found = related_total = 0
    origin_errors: list[int] = []
    cross_found = cross_total = 0
    for case, result in zip(cases, results, strict=True):
        verdict = result["verdict"]
        evidence = result["evidence"][:top_k]
        shown = {e["article_id"]: e["stance"] for e in evidence}
        found = sum(1 for a in case.stances if a in shown)
        related_found += found
        related_total += len(case.stances)
        if case.corpus_language and case.language != case.corpus_language:
            cross_found += found
            cross_total += len(case.stances)
        for article in case.scope:
            stance_total += 1
            stance_right += shown.get(article, "unrelated") == case.stances.get(article, "unrelated")
        if case.origins is not None:
            origin_errors.append(abs(int(verdict["independent_origins"]) - case.origins))
        wrong = confidently_wrong(case.verdict, verdict["label"], float(verdict["confidence"]), case.offtopic)
        rows.append(
            {
                "claim_id": case.claim_id,
                "kind": case.kind,
                "language": case.language,
                "gold": case.verdict,
                "verdict": verdict["label"],
                "confidence": verdict["confidence"],
                "right": verdict["label"] == case.verdict,
                "confidently_wrong": wrong,
                "origins": verdict["independent_origins"],
                "gold_origins": case.origins,
                "related_found": found,
                "related": len(case.stances),
            }
        )
    n = len(rows)
    covered = [r for r in rows if r["verdict"] != "unverified"]
    scored = [r for r in rows if r["gold"] in VERDICTS]
    return {
        "claims": n,
        "verdict_accuracy": round(sum(r["right"] for r in scored) / max(len(scored), 1), 4),
        "coverage": round(len(covered) / max(n, 1), 4),
        "accuracy_at_coverage": round(sum(r["right"] for r in covered) / max(len(covered), 1), 4),
        "confidently_wrong": sum(r["confidently_wrong"] for r in rows),
        "related_recall_at_20": round(related_found / max(related_total, 1), 4),
        "cross_language_recall_at_20": round(cross_found / cross_total, 4) if cross_total else None,
        "stance_accuracy": round(stance_right / max(stance_total, 1), 4) if stance_total else None,
        "origin_count_error": round(sum(origin_errors) / len(origin_errors), 4) if origin_errors else None,
        "max_origin_count_error": max(origin_errors) if origin_errors else None,
        "verdicts": {v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICTS},
        "rows": rows,
    }


def stance_of(evidence: Sequence[Mapping[str, Any]], article_id: str) -> str:
    for e in evidence:
        if e["article_id"] == article_id:
            return str(e["stance"])
    return "unrelated"


__all__ = ["CONFIDENT", "STANCE_LABELS", "ClaimCase", "confidently_wrong", "score_checks", "stance_of"]
