"""Verdict stage: weigh the stances of related evidence by independent origin.

Ten articles that copy one agency report are one confirmation, not ten: stances are first pooled
within each origin (a group of articles sharing text, a cited source or an outlet), and only then
weighed against each other. Unrelated articles never count. A denial by a party that the claim names
counts as a denying origin of its own, even when it is one sentence inside a supporting article.

The weighing is a log-odds sum: each origin adds ``strength × weight`` for or against the claim,
where strength is the pooled probability of its stance and weight is the user's reliability weight
for that origin (1.0 when no reliability file is given; rawi ships no reliability scores).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

SUPPORT_LOGIT = 1.6  # log-odds one fully agreeing origin adds (two such origins: P(true) ≈ 0.96)
REFUTE_LOGIT = 2.0  # a denial weighs a little more: fact-checks and official denials are rarer than echoes
DISCUSS_LOGIT = 0.3  # reporting a claim at a distance lends it a little weight, never a verdict alone
RELATED = ("agree", "disagree", "discuss")
# An article the model labels related but gives at least this probability of being unrelated is
# reported, not counted: class-weighted decisions favour the rare labels, and a verdict should not
# rest on an article that is most likely about something else.
MAX_UNRELATED = 0.6
DECIDE = 0.75  # P(true) above this is "supported", below 1 - DECIDE "refuted"
OVERWHELM = 0.9  # ... and beyond this one side decides even when the other has an origin too


@dataclass(frozen=True)
class EvidenceStance:
    article_id: str
    stance: str
    scores: Mapping[str, float]
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class PartyDenial:
    article_id: str
    source_key: str
    source: str
    sentence_index: int


@dataclass
class OriginWeight:
    key: str
    articles: list[str]
    stance: str  # agree / disagree / discuss
    strength: float
    weight: float = 1.0
    via_party_denial: bool = False


@dataclass
class Verdict:
    label: str
    confidence: float
    explanation: str
    independent_origins: int
    p_true: float
    origins: list[OriginWeight] = field(default_factory=list)


def _pool(members: Sequence[EvidenceStance]) -> tuple[str, float]:
    """Stance of an origin and how strongly it is held.

    The label is the one most of its articles carry (the model's decision, which the reports show),
    ties going to the higher mean score; the strength is the mean probability of that label among
    the related labels, so an article the model barely calls related weighs little.
    """
    counts = Counter(m.stance for m in members)

    def mean_share(label: str) -> float:
        shares = []
        for m in members:
            related = sum(m.scores.get(k, 0.0) for k in RELATED) or 1.0
            shares.append(m.scores.get(label, 0.0) / related)
        return sum(shares) / len(shares)

    label = max(counts, key=lambda k: (counts[k], mean_share(k)))
    return label, mean_share(label)


def counts(e: EvidenceStance) -> bool:
    """Whether an article's stance counts toward the verdict."""
    return e.stance != "unrelated" and e.scores.get("unrelated", 0.0) < MAX_UNRELATED


def weigh_origins(
    evidence: Sequence[EvidenceStance],
    origins: Sequence[Mapping[str, object]] = (),
    party_denials: Sequence[PartyDenial] = (),
    reliability: Mapping[str, float] | None = None,
) -> list[OriginWeight]:
    """Group related evidence into origins (given groups; an article in none is its own origin)."""
    related = {e.article_id: e for e in evidence if counts(e)}
    groups: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for origin in origins:
        ids = [a for a in origin.get("articles", []) if a in related and a not in seen]  # type: ignore[union-attr]
        if ids:
            groups.append((str(origin["key"]), ids))
            seen.update(ids)
    groups.extend((a, [a]) for a in related if a not in seen)

    weights = reliability or {}
    out: list[OriginWeight] = []
    for key, ids in groups:
        members = [related[a] for a in ids]
        stance, strength = _pool(members)
        outlets = {m.outlet for m in members if m.outlet}
        weight = weights.get(key, min((weights[o] for o in outlets if o in weights), default=1.0))
        out.append(OriginWeight(key, ids, stance, strength, weight))

    denied_by = {o.key for o in out if o.stance == "disagree"}
    for denial in party_denials:
        if denial.source_key in denied_by:
            continue
        denied_by.add(denial.source_key)
        out.append(
            OriginWeight(
                denial.source_key,
                [denial.article_id],
                "disagree",
                1.0,
                weights.get(denial.source_key, 1.0),
                via_party_denial=True,
            )
        )
    return out


def decide(
    evidence: Sequence[EvidenceStance],
    origins: Sequence[Mapping[str, object]] = (),
    party_denials: Sequence[PartyDenial] = (),
    reliability: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
) -> Verdict:
    """The verdict for one claim. ``names`` maps origin keys to display names for the explanation."""
    weighed = weigh_origins(evidence, origins, party_denials, reliability)
    logit = 0.0
    for o in weighed:
        per = {"agree": SUPPORT_LOGIT, "disagree": -REFUTE_LOGIT, "discuss": DISCUSS_LOGIT}[o.stance]
        logit += per * o.strength * o.weight
    p_true = 1 / (1 + math.exp(-logit))
    n_for = sum(1 for o in weighed if o.stance == "agree")
    n_against = sum(1 for o in weighed if o.stance == "disagree")

    if not weighed or (n_for == 0 and n_against == 0):
        label = "unverified"
        confidence = 1 - abs(p_true - 0.5)  # sure it is unverified when nothing leans either way
    elif p_true >= DECIDE and n_against == 0:
        label, confidence = "supported", p_true
    elif p_true <= 1 - DECIDE and n_for == 0:
        label, confidence = "refuted", 1 - p_true
    elif n_for and n_against and 1 - OVERWHELM < p_true < OVERWHELM:
        label = "disputed"
        confidence = 1 - abs(p_true - 0.5)  # most sure of "disputed" when both sides balance
    elif p_true >= DECIDE:
        label, confidence = "supported", p_true
    elif p_true <= 1 - DECIDE:
        label, confidence = "refuted", 1 - p_true
    else:
        label, confidence = "unverified", 1 - abs(p_true - 0.5)

    unrelated = sum(1 for e in evidence if e.stance == "unrelated")
    weak = sum(1 for e in evidence if e.stance != "unrelated" and not counts(e))
    explanation = explain(label, weighed, unrelated, names or {}, weak)
    return Verdict(label, round(confidence, 4), explanation, len(weighed), round(p_true, 4), weighed)


def _origin_phrase(o: OriginWeight, names: Mapping[str, str]) -> str:
    name = names.get(o.key, o.key)
    n = len(o.articles)
    if o.via_party_denial:
        return f"{name} (a party named in the claim) denies it in {o.articles[0]}"
    if n == 1:
        return f"{name} ({o.articles[0]})" if name != o.articles[0] else name
    return f"{name} ({n} articles: {', '.join(o.articles[:4])}{', …' if n > 4 else ''})"


def explain(
    label: str, weighed: Sequence[OriginWeight], unrelated: int, names: Mapping[str, str], weak: int = 0
) -> str:
    """One paragraph a person can check: which origins say what, and why that gives the label."""
    by = {s: [o for o in weighed if o.stance == s] for s in ("agree", "disagree", "discuss")}
    articles = sum(len(o.articles) for o in weighed if not o.via_party_denial)
    parts = []
    if not weighed:
        parts.append("No article in the corpus speaks to this claim.")
    else:
        parts.append(f"{articles} related article(s) trace back to {len(weighed)} independent origin(s).")
    labels = {"agree": "Supporting", "disagree": "Denying", "discuss": "Reporting without taking a side"}
    for stance in ("agree", "disagree", "discuss"):
        if by[stance]:
            listed = "; ".join(_origin_phrase(o, names) for o in by[stance])
            parts.append(f"{labels[stance]} ({len(by[stance])}): {listed}.")
    reason = {
        "supported": "Independent origins support the claim"
        + (" and outweigh the denying ones." if by["disagree"] else " and none denies it."),
        "refuted": "The claim is denied"
        + (
            " and the denials outweigh its support."
            if by["agree"]
            else " and no independent origin supports it."
        ),
        "disputed": "Independent origins both support and deny the claim.",
        "unverified": "No independent origin supports or denies the claim strongly enough.",
    }[label]
    parts.append(reason)
    if unrelated:
        parts.append(f"{unrelated} retrieved article(s) were unrelated and not counted.")
    if weak:
        parts.append(f"{weak} article(s) only weakly related (more likely unrelated) were not counted.")
    return " ".join(parts)
