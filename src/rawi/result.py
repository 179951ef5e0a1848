"""The typed result of one check, and the one place it becomes the JSON contract.

Every surface (CLI, web pages, REST API, batch) gets a :class:`CheckResult` from
:func:`rawi.pipeline.check_claim`; :meth:`CheckResult.to_json` writes the object that
``rawi check --format json`` prints and ``contracts/check-result.schema.json`` describes, field for
field and in the same order; :meth:`CheckResult.from_json` reads it back (a saved check, a file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class Claim:
    text: str
    language: str
    normalized: str

    def to_json(self) -> JsonDict:
        return {"text": self.text, "language": self.language, "normalized": self.normalized}


@dataclass(frozen=True)
class VerdictSummary:
    label: str  # supported / refuted / disputed / unverified
    confidence: float
    explanation: str
    independent_origins: int
    p_true: float

    def to_json(self) -> JsonDict:
        return {
            "label": self.label,
            "confidence": self.confidence,
            "explanation": self.explanation,
            "independent_origins": self.independent_origins,
            "p_true": self.p_true,
        }


@dataclass(frozen=True)
class Rationale:
    sentence_index: int
    text: str
    score: float

    def to_json(self) -> JsonDict:
        return {"sentence_index": self.sentence_index, "text": self.text, "score": self.score}


@dataclass(frozen=True)
class Evidence:
    """One retrieved article, its stance toward the claim and the sentences the stance rests on."""

    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    retrieval_score: float
    stance: str  # agree / disagree / discuss / unrelated
    stance_scores: Mapping[str, float]
    rationale: tuple[Rationale, ...] = ()

    def to_json(self) -> JsonDict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "retrieval_score": self.retrieval_score,
            "stance": self.stance,
            "stance_scores": dict(self.stance_scores),
            "rationale": [r.to_json() for r in self.rationale],
        }


@dataclass(frozen=True)
class AttributionLink:
    """A sentence of an article that credits a source: who, how (polarity, verb), where (span)."""

    article_id: str
    sentence_index: int
    source: str
    source_key: str
    source_kind: str | None
    polarity: str  # asserts / reports / denies
    verb: str | None
    span: tuple[int, int]
    cited_by: int | None = None

    def to_json(self) -> JsonDict:
        return {
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "source": self.source,
            "source_key": self.source_key,
            "source_kind": self.source_kind,
            "polarity": self.polarity,
            "verb": self.verb,
            "span": list(self.span),
            "cited_by": self.cited_by,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> AttributionLink:
        return cls(
            d["article_id"], d["sentence_index"], d["source"], d.get("source_key", d["source"]),
            d.get("source_kind"), d["polarity"], d.get("verb"), tuple(d.get("span", (0, 0))),
            d.get("cited_by"),
        )  # fmt: skip


@dataclass(frozen=True)
class ReuseLink:
    """Two articles sharing text; ``passages`` (aligned passages, as their JSON) when the link
    comes from the passage pass."""

    a: str
    b: str
    similarity: float
    shared_passages: tuple[str, ...]
    earlier: str | None
    kind: str  # near_duplicate / passage
    passages: tuple[JsonDict, ...] = ()

    def to_json(self) -> JsonDict:
        out: JsonDict = {
            "a": self.a,
            "b": self.b,
            "similarity": self.similarity,
            "shared_passages": list(self.shared_passages),
            "earlier": self.earlier,
            "kind": self.kind,
        }
        if self.passages:
            out["passages"] = [dict(p) for p in self.passages]
        return out

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ReuseLink:
        return cls(
            d["a"], d["b"], d["similarity"], tuple(d.get("shared_passages", ())), d.get("earlier"),
            d.get("kind", "near_duplicate"), tuple(d.get("passages", ())),
        )  # fmt: skip


@dataclass(frozen=True)
class OriginSummary:
    """One independent origin the verdict counted: its articles, the side it takes and its weight;
    ``evidence`` holds what joined its articles (passages, citations, outlets) as JSON objects."""

    key: str
    articles: tuple[str, ...]
    stance: str
    strength: float
    weight: float
    name: str | None  # the display name (None: only the key is known; a report looks it up)
    evidence: tuple[JsonDict, ...] = ()
    party_denial: bool = False
    refutes: bool = False
    anonymous: bool = False  # it traces back to an unnamed source (counted with the others as one)

    def to_json(self) -> JsonDict:
        return {
            "key": self.key,
            "articles": list(self.articles),
            "stance": self.stance,
            "strength": self.strength,
            "weight": self.weight,
            "label": self.name,
            "name": self.name,
            "evidence": [dict(e) for e in self.evidence],
            "party_denial": self.party_denial,
            "refutes": self.refutes,
            "anonymous": self.anonymous,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> OriginSummary:
        return cls(
            str(d["key"]), tuple(d.get("articles", ())), d.get("stance", "discuss"), d.get("strength", 0.0),
            d.get("weight", 1.0), d.get("name") or d.get("label"),
            tuple(d.get("evidence", ())), bool(d.get("party_denial")), bool(d.get("refutes")),
            bool(d.get("anonymous")),
        )  # fmt: skip


@dataclass(frozen=True)
class Provenance:
    attributions: tuple[AttributionLink, ...] = ()
    reuse: tuple[ReuseLink, ...] = ()
    origins: tuple[OriginSummary, ...] = ()
    party_denials: tuple[AttributionLink, ...] = ()

    def to_json(self) -> JsonDict:
        return {
            "attributions": [a.to_json() for a in self.attributions],
            "reuse": [r.to_json() for r in self.reuse],
            "origins": [o.to_json() for o in self.origins],
            "party_denials": [a.to_json() for a in self.party_denials],
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Provenance:
        return cls(
            tuple(AttributionLink.from_json(a) for a in d.get("attributions", ())),
            tuple(ReuseLink.from_json(r) for r in d.get("reuse", ())),
            tuple(OriginSummary.from_json(o) for o in d.get("origins", ())),
            tuple(AttributionLink.from_json(a) for a in d.get("party_denials", ())),
        )


@dataclass(frozen=True)
class CorpusInfo:
    articles: int
    store: str


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    encoder: JsonDict = field(default_factory=dict)  # which encoder ran, or why none (see Rawi.encoder_info)


@dataclass(frozen=True)
class CheckResult:
    claim: Claim
    verdict: VerdictSummary
    evidence: tuple[Evidence, ...]
    provenance: Provenance
    corpus: CorpusInfo
    model: ModelInfo

    @property
    def related(self) -> list[Evidence]:
        return [e for e in self.evidence if e.stance != "unrelated"]

    @property
    def unrelated(self) -> list[Evidence]:
        return [e for e in self.evidence if e.stance == "unrelated"]

    def to_json(self) -> JsonDict:
        """The JSON contract (``rawi check --format json``), made here and nowhere else."""
        return {
            "claim": self.claim.to_json(),
            "verdict": self.verdict.to_json(),
            "evidence": [e.to_json() for e in self.evidence],
            "provenance": self.provenance.to_json(),
            "corpus": {"articles": self.corpus.articles, "store": self.corpus.store},
            "model": {
                "name": self.model.name,
                "version": self.model.version,
                "encoder": dict(self.model.encoder),
            },
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> CheckResult:
        """A result read back from its JSON (a saved check); raises KeyError/TypeError on other data."""
        c, v, m = d["claim"], d["verdict"], d.get("model", {})
        return cls(
            Claim(c["text"], c.get("language", "und"), c.get("normalized", c["text"])),
            VerdictSummary(
                v["label"], v["confidence"], v["explanation"], v["independent_origins"], v.get("p_true", 0.5)
            ),
            tuple(
                Evidence(
                    e["article_id"],
                    e.get("title"),
                    e.get("outlet"),
                    e.get("url"),
                    e.get("published"),
                    e.get("language"),
                    e.get("retrieval_score", 0.0),
                    e["stance"],
                    dict(e.get("stance_scores", {})),
                    tuple(
                        Rationale(r["sentence_index"], r["text"], r["score"]) for r in e.get("rationale", ())
                    ),
                )
                for e in d["evidence"]
            ),
            Provenance.from_json(d.get("provenance", {})),
            CorpusInfo(d.get("corpus", {}).get("articles", 0), d.get("corpus", {}).get("store", "")),
            ModelInfo(m.get("name", ""), m.get("version", ""), dict(m.get("encoder", {}))),
        )
