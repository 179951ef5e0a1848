"""Article stance for a check: lexical scores, the evidence sentences, and the claim's frame.

This is what ``rawi check`` shows beside each article. The steps:

1. The claim's frame (:mod:`rawi.stance.polarity`): the lexical model and the pair model read the
   claim's *core* (the event without "not" or "denied"). An article in another language reads a
   pivot instead: the sentence of its language that restates the core (and, when the claim's own
   language has texts that restate it, one of them in translation), never a look-alike event.
2. Scores: the lexical model's calibrated scores, combined with what the pair model reads in the
   candidate sentences (:class:`SemanticStage`) when an encoder is available.
3. A denial counts only when it is about the claim: a "disagree" needs a sentence close to the
   claim that carries a denial or refutation word (or a negation the pair model reads as a sure
   contradiction); otherwise the "disagree" reading is set aside (:mod:`rawi.stance.set_aside`: to
   "agree" where the article restates the claim, else to "discuss"; a sure one is kept as a doubt).
   A denial word elsewhere in the article (about another rumour, another event) never makes it a
   denial. A published fact-check that rates this claim false denies it, whatever the rumour it
   quotes says (:mod:`rawi.stance.rulings`).
4. The frame turns core scores into claim scores: mirrored for a negated claim; for a claim that a
   denial happened, an article that reports a denial of the event agrees, one that only reports
   the event discusses it.
5. The label is the highest score, so it never contradicts the scores shown; the rationale is the
   candidate sentences that carry that label, best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from rawi.records import STANCE_LABELS
from rawi.stance.analysis import AnalysisCache, ArticleAnalysis
from rawi.stance.base import RationaleSentence, StancePair, StanceResult
from rawi.stance.denials import (
    MAX_MISSING_FOR_DENIAL,
    READS_AS_DENIAL,
    denial_scope,
    is_denying,
    lede,
    missing_share,
    reports_of_denial,
)
from rawi.stance.factcheck import claim_lines, rates_misleading
from rawi.stance.figures import against, closest, figure_reading, figures
from rawi.stance.framing import claim_scores, core_reading, normalized, quoted
from rawi.stance.pivot import CROSS_ABOUT, CROSS_DIRECT, closeness, pivot, restatements
from rawi.stance.polarity import DENIAL, NEGATED
from rawi.stance.rationale import evidence_rationale
from rawi.stance.rulings import RulingReader
from rawi.stance.semantic import NEAR, SentenceEvidence, article_features, sentence_evidence
from rawi.stance.set_aside import DOUBT_ABOUT, set_aside
from rawi.stance.set_aside import doubted as doubts
from rawi.stance.stage import SemanticStage
from rawi.stance.views import TITLE, ArticleView, Reading
from rawi.text import detect_language
from rawi.text.dates import Period, period_in, speaks_of_future
from rawi.text.quantities import Quantity, agree_on_a_figure, quantities

if TYPE_CHECKING:
    from rawi.claim import AnalyzedClaim

# A sentence at least this close (cosine) to the claim speaks to the claim's event (a denial must).
# Measured on the stories set (USE): at 0.35 the denials in another ship story (Mokha, seized for arms)
# denied that a ship ran aground at Aqaba, and a club's denials of other rumours denied the coach's
# dismissal it announced; 0.42-0.45 gives the same verdicts, 0.48 loses stances.
ABOUT = {"use": 0.43, "e5": 0.8}
# A denial claim is agreed with when a sentence this close to it carries a denial or refutation cue
# (DENIAL_ACROSS for a sentence in another language than the claim). Measured (USE) over the three
# stories sets' 12 denial claims, sentences with a cue in articles that report the denial: 0.27-0.91 in
# the claim's language, 0.28-0.47 across languages. Also taking, in the claim's language, a sentence
# with a cue holding 0.4 of the claim's content words set one held-out claim right but made one Baly
# denial claim supported at 0.82 against its gold (the army's denial of a town's fall: any denial
# sentence about the town has those words), so that path is not taken.
DENIAL_OF_CLAIM = {"use": 0.40, "e5": 0.80}
DENIAL_ACROSS = {"use": 0.28, "e5": 0.75}
# An article whose closest text to the claim (its lede, most often) denies it, at least LEDE_ABOUT
# close, is a denial, whatever the pair model reads there: the pair model read "X rejects the allegation
# that its trawlers dumped waste" as agreeing. Its scores move halfway to LEDE_DENIAL. Measured on the
# stories, held-out stories and example corpus: at 0.5 the one confidently wrong verdict left (a negated
# claim over a company's statement) is gone and stances improve on all three; 0.55 keeps it; at 0.43 (the
# ABOUT of other denials) denials of another ship story lead their articles into a claim about a grounding.
LEDE_ABOUT = {"use": 0.5, "e5": 0.85}
# An article this close to the claim (its closest text) that gives the claim's own figure beside a
# denial word ("الحديث عن 40 في المئة مبالغ فيه") and never states it denies the figure
# (:func:`rawi.stance.figures.figure_reading`). Blind held-out set 6: a ministry's survey headline at
# 0.41 from "hail destroyed about 40 % of the banana greenhouses".
FIGURE_ABOUT = {"use": 0.35, "e5": 0.75}
# A sentence with a denial word that uses at least DENIAL_NAMES_CLAIM of the claim's content words is
# about the claim when it is NAMED_ABOUT close (below ABOUT): a long sentence that states the claim in
# full before denying it is pulled away by its preamble. Blind held-out set 8: a ministry's denial
# "على إثر ما تم تداوله ... بخصوص سرقة مخطوطة ... تنفي الوزارة نفياً قاطعاً تعرّض المخطوطة لأي سرقة"
# at 0.40 (8 of the claim's 9 content words), read as discussing the theft.
DENIAL_NAMES_CLAIM = 0.7
NAMED_ABOUT = {"use": 0.33, "e5": 0.75}
LEDE_DENIAL = {"agree": 0.05, "disagree": 0.85, "discuss": 0.07, "unrelated": 0.03}
UNRELATED = STANCE_LABELS.index("unrelated")


class StanceStage:
    """Stance of each retrieved article toward a claim (see the module docstring).

    Parameters
    ----------
    lexical : a fitted lexical stance model (``predict_results`` with calibrated scores).
    stage : the semantic stage for ``vectors``' encoder, or ``None`` (lexical-only).
    vectors : callable mapping texts to unit vectors (the semantic index), or ``None``.
    encoder_key : which encoder ``vectors`` uses ("use" / "e5"), for its similarity thresholds.
    analyses : text analyses to read and fill (the workbench's; the lexical model reads the same).
    """

    def __init__(
        self,
        lexical: Any,
        stage: SemanticStage | None = None,
        vectors: Any = None,
        encoder_key: str = "use",
        analyses: AnalysisCache | None = None,
    ):
        self.lexical = lexical
        if analyses is None:
            analyses = getattr(lexical, "analysis", None) or AnalysisCache()
        self.analyses = analyses
        self.stage = stage if vectors is not None else None
        self.vectors = vectors
        self.encoder_key = encoder_key
        self.about = ABOUT.get(encoder_key, ABOUT["use"])
        self.denial_of_claim = DENIAL_OF_CLAIM.get(encoder_key, DENIAL_OF_CLAIM["use"])
        self.denial_across = DENIAL_ACROSS.get(encoder_key, DENIAL_ACROSS["use"])
        self.rulings = RulingReader(vectors, self.analyses, encoder_key) if self.stage else None
        self.lede_about = LEDE_ABOUT.get(encoder_key, LEDE_ABOUT["use"])
        self.figure_about = FIGURE_ABOUT.get(encoder_key, FIGURE_ABOUT["use"])
        self.named_about = NAMED_ABOUT.get(encoder_key, NAMED_ABOUT["use"])
        self.doubt_about = DOUBT_ABOUT.get(encoder_key, DOUBT_ABOUT["use"])

    def predict(
        self, claim: AnalyzedClaim, articles: Sequence[ArticleView], *, max_rationale: int = 3
    ) -> list[StanceResult]:
        if not articles:
            return []
        frame = claim.frame
        readings, reach_needed = self._readings(claim, articles)
        results: list[StanceResult | None] = [None] * len(articles)
        claim_figures = figures(claim.core.unit)
        # the day or month the claim dates its event to, unless it speaks of what is still to come
        period = None if speaks_of_future(claim.tokens) else period_in(claim.normalized)
        for text in set(readings.values()):
            members = [k for k in range(len(articles)) if readings[k] == text]
            group = [articles[k] for k in members]
            denial = (
                reports_of_denial(
                    claim.vector,
                    claim.core.unit,
                    claim.language,
                    group,
                    self.vectors,
                    self.analyses,
                    (self.denial_of_claim, self.denial_across),
                )
                if frame.kind == DENIAL and self.stage
                else None
            )
            gated = any(k in reach_needed for k in members)
            reach = closeness(self.vectors, claim.core_vector, group) if gated else None
            reading = self._reading(claim, text)
            # a pivot must carry one of the claim's figures for the articles' figures to count
            checked = (
                claim_figures
                if text == claim.core_text or agree_on_a_figure(claim_figures, figures(reading.unit))
                else frozenset()
            )
            for j, (k, (core, ev, lexical_rationale, doubt)) in enumerate(
                zip(
                    members,
                    self._core(reading, group, max_rationale, period, negated=frame.kind == NEGATED),
                    strict=True,
                )
            ):
                # with a semantic stage every article has its evidence list, except a fact-check
                # whose ruling on the claim gave its scores (_core)
                ruling = ev is None and self.stage is not None
                if checked and not ruling:
                    core = self._read_figures(checked, core, ev, lexical_rationale, articles[k])
                if period and not ruling and period.began_after(articles[k].published):
                    core = against(core, "other")  # published before the event: it reports another
                if reach is not None and k in reach_needed and reach[j] < reach_needed[k]:
                    core = normalized(np.where(np.arange(len(core)) == UNRELATED, 1.0, core * 0.1))
                scores = claim_scores(frame.kind, core, denial[j] if denial else None)
                label = STANCE_LABELS[int(np.argmax(scores))]
                rationale = (
                    evidence_rationale(
                        core_reading(frame.kind, label), ev, articles[k].sentences, max_rationale
                    )
                    if ev
                    else lexical_rationale
                )
                ruled = ruling and label in ("agree", "disagree")
                # a doubt about the claim's event is one about a claim that asserts it
                doubted = doubt and frame.kind not in (NEGATED, DENIAL) and label != "agree"
                results[k] = StanceResult(
                    label,
                    {n: float(v) for n, v in zip(STANCE_LABELS, scores, strict=True)},
                    rationale,
                    ruled,
                    doubted,
                )
        return [r for r in results if r is not None]

    def _reading(self, claim: AnalyzedClaim, text: str) -> Reading:
        """The claim's core as analysed already, or a pivot sentence (analysed here, once)."""
        if text == claim.core_text:
            return Reading(text, claim.core.unit, claim.core_vector, claim.core_language)
        vector = self.vectors([text])[0] if self.vectors is not None else None
        return Reading(text, self.analyses.claim(text).unit, vector, detect_language(text).code, pivot=True)

    def _analysis(self, article: ArticleView) -> ArticleAnalysis:
        return self.analyses.article(article.sentences, article.title)

    def _read_figures(
        self,
        claim_figures: frozenset[Quantity],
        core: np.ndarray,
        evidence: Sequence[SentenceEvidence] | None,
        rationale: Sequence[RationaleSentence],
        article: ArticleView,
    ) -> np.ndarray:
        """``core`` moved by how the article gives the claim's figures (:mod:`rawi.stance.figures`),
        read in its closest texts (the lexical rationale without a semantic stage); a denial of the
        figure only from a text about the claim (ABOUT)."""
        told = closest(evidence) if evidence else [r.sentence_index for r in rationale]
        about = {e.sentence_index for e in evidence if e.cosine >= self.about} if evidence else None
        near = bool(evidence) and max(e.cosine for e in evidence) >= self.figure_about
        reading = figure_reading(claim_figures, self._analysis(article), told, about, near)
        return against(core, reading) if reading else core

    def _readings(
        self, claim: AnalyzedClaim, articles: Sequence[ArticleView]
    ) -> tuple[dict[int, str], dict[int, float]]:
        """What each article is read against, and how close (cosine, across languages) an article in
        another language must come to the claim itself to take a side.

        Each article is read against the claim's core in its own language: the core itself, or,
        for an article in another language, a pivot (:mod:`rawi.stance.pivot`), so the lexical
        model and the pair model both read two texts in one language. Read through a pivot, an
        article still has to come near the claim (CROSS_ABOUT): a pivot found among articles that are
        all about something else would otherwise lend them a side; read without one, CROSS_DIRECT."""
        readings: dict[int, str] = {}
        reach_needed: dict[int, float] = {}
        core, claim_language = claim.core_text, claim.language
        same = [a for a in articles if a.language == claim_language]
        anchors = restatements(self.vectors, claim.core_vector, same) if self.stage else None
        for language in {a.language for a in articles}:
            members = [k for k, a in enumerate(articles) if a.language == language]
            crossed = bool(self.stage and claim_language and language and claim_language != language)
            text = (
                pivot(
                    self.vectors,
                    claim.core_vector,
                    [articles[k] for k in members],
                    anchors,
                    self.analyses,
                    quantities(claim.core.unit.tokens),  # durations too: "five days on, ten off"
                    language,
                )
                if crossed
                else None
            )
            readings.update((k, text or core) for k in members)
            if crossed:
                reach_needed.update((k, CROSS_ABOUT if text else CROSS_DIRECT) for k in members)
        return readings, reach_needed

    def _core(
        self,
        core: Reading,
        articles: Sequence[ArticleView],
        max_rationale: int,
        period: Period | None = None,
        *,
        negated: bool = False,
    ) -> list[tuple[np.ndarray, list[SentenceEvidence] | None, list[RationaleSentence], bool]]:
        """Scores toward the claim's core (before the frame), the evidence and the lexical rationale;
        ``period``: when the claim dates its event (:func:`rawi.text.dates.stated_period`);
        ``negated``: the core is a negated claim's event, whose denial is what the claim asserts."""
        pairs = [StancePair(core.text, a.sentences, a.title) for a in articles]
        lexical = self.lexical.predict_results(pairs, max_rationale=max_rationale)
        evidence = self._evidence(core, articles) if self.stage else [None] * len(articles)
        # a fact-check's "false" lines, and its ruling where what it rates is this claim
        lines = [self.rulings.ruling_lines(a) for a in articles] if self.rulings else [[] for _ in articles]
        rulings = (
            self.rulings.read(core, articles, evidence, lines, max_rationale, period)
            if self.rulings
            else [None] * len(articles)
        )
        out = []
        # The lexical model has just analysed every article (into the same analyses): read them.
        claim_unit = core.unit
        for lex, ev, art, rated, ruling in zip(lexical, evidence, articles, lines, rulings, strict=True):
            if ruling is not None:
                # its rationale: where it states and rates the claim
                out.append((ruling[0], None, ruling[1], False))
                continue
            scores = np.array([lex.scores[label] for label in STANCE_LABELS])
            doubted = False
            if ev is not None and self.stage is not None:
                row = article_features(scores.tolist(), None, ev)
                missing = missing_share(claim_unit, self._analysis(art))
                # read without a pivot across languages, the claim's words cannot be found at all
                foreign = missing >= MAX_MISSING_FOR_DENIAL and core.language in (art.language, None)
                scope = denial_scope(core, ev, art, self.analyses, self.vectors)
                if rated and not rates_misleading(art.title, art.sentences):
                    # a fact-check that calls another rumour of the story false ("مفبرك: المصرف المركزي
                    # لم يغرّم البنك", beside a claim about the fraud the fine was said to punish) denies
                    # that rumour where it states what it rates (its title and claim line), not this
                    # claim. One that calls this claim misleading is read by its own sentences
                    # (RulingReader.rates_this_claim): its title may be its ruling on it.
                    scope.update((i, 0.0) for i in (TITLE, *self._stated_only(art, rated)))
                # A contradiction without a denial word (a claim detail the article lacks) stands for a
                # changed name or number; under a negated claim it would make an article that never
                # speaks of what the claim negates assert that negation ("investigators found no
                # technical fault", agreed with by a photo story of the crash): only a denial or a
                # negation in words denies a negated claim's event.
                detail = 0.0 if negated else missing
                combined = self.stage.combiner.predict_proba(row[None, :])[0]
                scores = self._gate_denial(combined, ev, detail, art.title, scope, foreign)
                doubted = not foreign and doubts(combined, scores, ev, scope, self.doubt_about)
            if rated:
                # what a fact-check of another rumour quotes of the story it does not assert
                scores = quoted(scores)
            out.append((normalized(scores), ev, lex.rationale, doubted))
        return out

    def _stated_only(self, article: ArticleView, rated: list[int]) -> list[int]:
        """A fact-check's claim lines that only state what it rates. One that also rules on it
        ("ادعاء انهيار السد لا أساس له من الصحة": a claim label and a denial in one line) is a ruling
        line: whether it denies this claim is the gate's reading of it, as for any other sentence."""
        lines = [i for i in claim_lines(article.sentences) if i not in rated]
        units = self.analyses.units([article.sentences[i] for i in lines])
        return [i for i, u in zip(lines, units, strict=True) if not u.cue_count("denial")]

    # -- steps ------------------------------------------------------------------------------------
    def _evidence(self, claim: Reading, articles: Sequence[ArticleView]) -> list[list[SentenceEvidence]]:
        assert self.stage is not None and claim.vector is not None
        claim_vector, claim_unit = claim.vector, claim.unit
        candidates = [a.candidate_texts() for a in articles]
        texts = [text for c in candidates for _, text in c]
        vectors = self.vectors(texts) if texts else np.zeros((0, len(claim_vector)))
        units = self.analyses.units(texts)
        out, start = [], 0
        for c in candidates:
            n = len(c)
            out.append(
                sentence_evidence(
                    self.stage.pair,
                    claim_vector,
                    claim_unit,
                    [i for i, _ in c],
                    vectors[start : start + n],
                    units[start : start + n],
                )
            )
            start += n
        return out

    def _gate_denial(
        self,
        core: np.ndarray,
        evidence: Sequence[SentenceEvidence],
        missing: float = 0.0,
        title: str | None = None,
        scope: dict[int, float] | None = None,
        foreign: bool = False,
    ) -> np.ndarray:
        """Set "disagree" aside unless the article's own evidence denies the claim; make it the
        reading when the article's closest text to the claim denies it (LEDE_ABOUT).

        A denying sentence is one of the article's closest to the claim (within NEAR of its best),
        about the claim (ABOUT), read as a contradiction by the pair model (READS_AS_DENIAL), and
        carrying a denial or refutation word (:func:`rawi.stance.denials.is_denying`); where what the
        denial names is not the whole text, that must be that close (``scope``:
        :func:`rawi.stance.denials.denial_scope`). A denial reported in passing further down a
        supporting article is left to provenance (a party's denial). An article that uses almost none
        of the claim's words (``foreign``: MAX_MISSING_FOR_DENIAL) denies nothing of it."""
        best = max((e.cosine for e in evidence), default=0.0)
        scope = scope or {}

        def denial_closeness(e: SentenceEvidence) -> float:
            return scope.get(e.sentence_index, e.cosine)

        leading = lede(evidence, title, self.analyses)
        if not foreign and any(denial_closeness(e) >= self.lede_about and is_denying(e) for e in leading):
            return 0.5 * core + 0.5 * np.array([LEDE_DENIAL[label] for label in STANCE_LABELS])

        def about_claim(e: SentenceEvidence) -> bool:
            if denial_closeness(e) >= max(self.about, best - NEAR):
                return True
            # a sentence that names nearly all of the claim before denying it ("على إثر ما تم تداوله
            # بخصوص سرقة مخطوطة ... من متحف ... بالقيروان، تنفي الوزارة ... تعرّض المخطوطة لأي سرقة")
            # is pulled below ABOUT by its preamble
            named = e.shared >= DENIAL_NAMES_CLAIM and e.cosine >= self.named_about
            # a sentence that negates the claim's own words ("ولم يُحدث أي حفرة في الأرض") names what
            # it denies by them; the article's closest text, it need only be NAMED_ABOUT close
            negated = e.negates and e.cosine >= max(self.named_about, best - NEAR)
            return (named or negated) and e.sentence_index not in scope

        if not foreign and any(
            about_claim(e) and e.pair["disagree"] >= READS_AS_DENIAL and is_denying(e, missing)
            for e in evidence
        ):
            return core
        # Without a denial the "disagree" reading is set aside (rawi.stance.set_aside): to "agree"
        # where the article restates the claim, else to "discuss".
        return set_aside(core, evidence, self.about)
