"""One check, step by step: retrieve, stance, provenance, verdict, into a typed :class:`CheckResult`.

This is the one function the CLI, the web app and batch jobs call (through :meth:`rawi.core.Rawi.
check_result` or directly). What it needs that is loaded once (the corpus, the models, the
registry) comes from the workbench; what may differ from one call to the next comes in
:class:`CheckOptions`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rawi.claim import AnalyzedClaim, read_claim
from rawi.provenance import EvidenceArticle, ProvenanceResult, Registry, analyze_provenance
from rawi.provenance.claimed import claimed_denier, claimed_sources, denied_by_others, silent_sources
from rawi.provenance.origins import ArticleAttribution, display_name
from rawi.provenance.reuse import ReuseLink as TracedReuse
from rawi.result import (
    AttributionLink,
    CheckResult,
    Claim,
    CorpusInfo,
    Evidence,
    ModelInfo,
    OriginSummary,
    Provenance,
    Rationale,
    ReuseLink,
    VerdictSummary,
)
from rawi.retrieve import RetrievedArticle, Retriever
from rawi.stance.base import StanceResult
from rawi.stance.copies import pool_copies
from rawi.stance.denials import PARTY_DENIAL_ABOUT, party_denial_about
from rawi.stance.factcheck import is_fact_check, rates_misleading
from rawi.stance.polarity import DENIAL, NEGATED
from rawi.stance.views import ArticleView
from rawi.verdict import EvidenceStance, PartyDenial, Verdict, decide
from rawi.verdict.decide import MAX_UNRELATED

if TYPE_CHECKING:
    from rawi.core import Rawi

EXPLANATION_LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class CheckOptions:
    """What one call may choose. ``None`` keeps the workbench's setting.

    Parameters
    ----------
    top_k : articles retrieved and given a stance, in [1, 500].
    max_rationale : rationale sentences reported per article, in [0, 10].
    explanation_language : "ar" or "en": the language the verdict is explained in (default: the
        claim's language).
    reliability : weights by origin or outlet key, instead of the workbench's reliability file.
    sources_files : extra sources-registry YAML files for this call (on top of the workbench's).
    """

    top_k: int | None = None
    max_rationale: int | None = None
    explanation_language: str | None = None
    reliability: Mapping[str, float] | None = None
    sources_files: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        for name, lo, hi in (("top_k", 1, 500), ("max_rationale", 0, 10)):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi
            ):
                raise ValueError(
                    f"The '{name}' option must be an int in [{lo}, {hi}]. Got {value!r} instead."
                )
        if self.explanation_language not in (None, *EXPLANATION_LANGUAGES):
            raise ValueError(
                "The 'explanation_language' option must be one of "
                f"{', '.join(EXPLANATION_LANGUAGES)}. Got {self.explanation_language!r} instead."
            )


def check_claim(wb: Rawi, claim: str, options: CheckOptions | None = None) -> CheckResult:
    """Check one claim against the workbench's corpus."""
    options = options or CheckOptions()
    top_k = options.top_k or wb.settings.top_k
    max_rationale = wb.settings.max_rationale if options.max_rationale is None else options.max_rationale
    registry = wb.registry_for(options.sources_files)
    reliability = wb.reliability if options.reliability is None else options.reliability

    # The claim is analysed once, here; every stage reads the analysis (fails early, with a clear
    # error, on an empty or punctuation-only claim).
    semantic = wb.semantic
    doc = read_claim(claim, wb.analyses, semantic.vectors if semantic is not None else None)
    retrieved = Retriever(wb.corpus, top_k=top_k, semantic=semantic).rank(doc.terms, doc.vector)
    stances = _stances(wb, doc, retrieved, max_rationale)
    prov = _provenance(wb, doc, retrieved, stances, registry)
    # Copies of one report take one stance (rawi.stance.copies); provenance is traced again only
    # when that changed a label, since it groups articles by the side they take.
    ids = [r.article_id for r in retrieved]
    links = [link.to_json() for link in prov.reuse]
    languages = [r.article.language for r in retrieved]
    pooled = pool_copies(ids, stances, links, languages, doc.language)
    if doc.frame.kind == DENIAL and (denier := claimed_denier(doc.text, registry, doc.language)) is not None:
        # a claim that a party denied something: an article carrying only other parties' denials does
        # not report that one (rawi.provenance.claimed)
        same_language = {r.article_id for r in retrieved if r.article.language == doc.language}
        others = denied_by_others(denier, prov.attributions, same_language)
        pooled = [
            _discussing(s) if r.article_id in others and s.label == "agree" else s
            for r, s in zip(retrieved, pooled, strict=True)
        ]
    if [s.label for s in pooled] != [s.label for s in stances]:
        prov = _provenance(wb, doc, retrieved, pooled, registry)
    stances = pooled
    # A named party's denial weighs against a claim that asserts the event; for a negated claim or
    # a claim that the denial happened, the articles' stances already carry it (on the claim's side).
    denials = [
        PartyDenial(d.article_id, d.source_key, d.source, d.sentence_index)
        for d in _about_the_claim(wb, doc, retrieved, prov.party_denials)
        if doc.asserts_event
    ]
    lang = doc.language or "und"
    names = registry.display_names()
    # a claim that names the outlet that reported it ("Saba reported ...") is not that outlet's word
    # when its own reports in the corpus do not say it (rawi.provenance.claimed)
    explained_in = options.explanation_language or lang
    silent = [
        display_name(key, registry, explained_in)
        for key in silent_sources(
            claimed_sources(doc.text, registry, doc.language) if doc.asserts_event else frozenset(),
            [(r.article.outlet, s.label) for r, s in zip(retrieved, stances, strict=True)],
            registry,
        )
    ]
    verdict = decide(
        [_evidence_stance(r, s) for r, s in zip(retrieved, stances, strict=True)],
        prov.origins,
        denials,
        reliability,
        names=names,
        language=explained_in,
        calibration=wb.calibration,
        negated=doc.frame.kind == NEGATED,
        silent_sources=silent,
    )
    return CheckResult(
        claim=Claim(doc.text, lang, doc.normalized),
        verdict=VerdictSummary(
            verdict.label,
            verdict.confidence,
            verdict.explanation,
            verdict.independent_origins,
            verdict.p_true,
        ),
        evidence=tuple(_evidence(r, s) for r, s in zip(retrieved, stances, strict=True)),
        provenance=Provenance(
            attributions=tuple(_attribution(a) for a in prov.attributions),
            reuse=tuple(_reuse(link) for link in prov.reuse),
            origins=_counted_origins(verdict, prov, names),
            party_denials=tuple(_attribution(a) for a in prov.party_denials),
        ),
        corpus=CorpusInfo(wb.corpus.count(), wb.corpus.url),
        model=ModelInfo(wb.model_name, wb.model_version, wb.encoder_info()),
    )


def _discussing(s: StanceResult) -> StanceResult:
    """``s`` with its reading "agree" moved to "discuss" (the label follows the scores)."""
    scores = dict(s.scores)
    scores["discuss"] = scores.get("discuss", 0.0) + scores.get("agree", 0.0)
    scores["agree"] = 0.0
    return StanceResult(max(scores, key=scores.__getitem__), scores, s.rationale, s.ruling, s.doubted)


def _counted_origins(
    verdict: Verdict, prov: ProvenanceResult, names: Mapping[str, str]
) -> tuple[OriginSummary, ...]:
    """The verdict's grouping is the final one (provenance groups plus party denials, weak evidence
    left out), so the origins listed are exactly the ones counted."""
    traced = {o.key: o for o in prov.origins}
    out = []
    for o in verdict.origins:
        base = traced.get(o.key if o.key in traced else o.key.split(":", 1)[0])
        name = o.label or (base.label if base else None) or names.get(o.key, o.key)
        out.append(
            OriginSummary(
                key=o.key,
                articles=tuple(o.articles),
                stance=o.stance,
                strength=round(o.strength, 4),
                weight=o.weight,
                name=name,
                evidence=tuple(base.evidence) if base else (),
                party_denial=o.via_party_denial,
                refutes=o.refutes,
                anonymous=o.anonymous,
            )
        )
    return tuple(out)


def _stances(
    wb: Rawi, claim: AnalyzedClaim, retrieved: Sequence[RetrievedArticle], max_rationale: int
) -> list[StanceResult]:
    views = [
        ArticleView(
            tuple(s.text for s in r.sentences),
            r.article.title,
            tuple(sorted(r.similarity)),
            r.article.language,
            r.article.outlet,
            r.article.published,
        )
        for r in retrieved
    ]
    return wb.stance.predict(claim, views, max_rationale=max_rationale)


def _provenance(
    wb: Rawi,
    claim: AnalyzedClaim,
    retrieved: Sequence[RetrievedArticle],
    stances: Sequence[StanceResult],
    registry: Registry,
) -> ProvenanceResult:
    related = [
        EvidenceArticle(r.article, r.sentences, s.label, _relevant(r, s), _is_fact_check(r))
        for r, s in zip(retrieved, stances, strict=True)
        if s.label != "unrelated"
    ]
    # read as unrelated, but barely: a copy of a related report whose own reading fell short (a new
    # headline, other letter forms) takes that report's stance if the two are near-duplicates
    barely = [
        r.article
        for r, s in zip(retrieved, stances, strict=True)
        if s.label == "unrelated" and s.scores.get("unrelated", 1.0) < MAX_UNRELATED
    ]
    stage = wb.stance  # its sentence encoder (when there is one) finds translated copies
    return analyze_provenance(
        claim.tokens,
        related,
        registry,
        vectors=stage.vectors,
        encoder_key=stage.encoder_key,
        word_hashes=wb.word_hashes,
        copy_candidates=barely,
    )


def _about_the_claim(
    wb: Rawi,
    claim: AnalyzedClaim,
    retrieved: Sequence[RetrievedArticle],
    denials: Sequence[ArticleAttribution],
) -> list[ArticleAttribution]:
    """The party denials of parties that deny the claim itself: each party's closest denial sentence
    in the claim's language scores at least PARTY_DENIAL_ABOUT (its closeness plus its share of the
    claim's words). Across languages, where the words cannot be compared, and without a sentence
    encoder, every denial of a named party counts."""
    semantic = wb.semantic
    if semantic is None or claim.vector is None:
        return list(denials)
    by_id = {r.article_id: r for r in retrieved}
    best: dict[str, float] = {}
    for d in denials:
        r = by_id.get(d.article_id)
        if r is None or not 0 <= d.sentence_index < len(r.sentences) or r.article.language != claim.language:
            best[d.source_key] = float("inf")
            continue
        text = r.sentences[d.sentence_index].text
        closeness = float(semantic.vectors([text])[0] @ claim.vector)
        unit = wb.analyses.units([text])[0]
        best[d.source_key] = max(best.get(d.source_key, 0.0), party_denial_about(closeness, unit, claim.unit))
    return [d for d in denials if best[d.source_key] >= PARTY_DENIAL_ABOUT]


def _relevant(r: RetrievedArticle, s: StanceResult) -> list[int]:
    """Sentences that speak to the claim: the rationale first, then the best retrieval matches."""
    out = [x.sentence_index for x in s.rationale]
    out += [i for i in r.best_sentences(3) if i not in out]
    return out


def _is_fact_check(r: RetrievedArticle) -> bool:
    return is_fact_check(r.article.title, [x.text for x in r.sentences], r.article.outlet)


def _refuting_fact_check(r: RetrievedArticle) -> bool:
    return _is_fact_check(r) and not rates_misleading(r.article.title, [x.text for x in r.sentences])


def _evidence_stance(r: RetrievedArticle, s: StanceResult) -> EvidenceStance:
    return EvidenceStance(
        r.article_id,
        s.label,
        s.scores,
        r.article.outlet,
        r.article.title,
        # a fact-check's ruling takes the claim's side it rules for: against a rumour, or for a
        # negated claim ("no infants died", which a fact-check rating the deaths false supports); a
        # fact-check that denies the claim without ruling on it refutes it unless its rating is
        # "misleading": the claim is partly true, and its denial weighs as one origin's word
        refutes=s.ruling or (s.label == "disagree" and _refuting_fact_check(r)),
        quote=s.rationale[0].text if s.rationale and s.label in ("agree", "disagree") else None,
        doubted=s.doubted,
    )


def _evidence(r: RetrievedArticle, s: StanceResult) -> Evidence:
    a = r.article
    return Evidence(
        article_id=a.id,
        title=a.title,
        outlet=a.outlet,
        url=a.url,
        published=a.published,
        language=a.language,
        retrieval_score=round(r.score, 4),
        stance=s.label,
        stance_scores={k: round(float(v), 4) for k, v in s.scores.items()},
        rationale=tuple(Rationale(x.sentence_index, x.text, round(float(x.score), 4)) for x in s.rationale),
    )


def _attribution(a: ArticleAttribution) -> AttributionLink:
    return AttributionLink(
        a.article_id,
        a.sentence_index,
        a.source,
        a.source_key,
        a.source_kind,
        a.polarity,
        a.verb,
        tuple(a.attribution.span),
        a.cited_by,
    )


def _reuse(link: TracedReuse) -> ReuseLink:
    return ReuseLink(
        link.a,
        link.b,
        round(link.similarity, 4),
        tuple(link.shared_passages),
        link.earlier,
        link.kind,
        tuple(p.to_json() for p in link.passages),
    )
