"""A published fact-check's ruling on the claim: its rating, when what it rates is this claim.

A fact-check quotes the rumour it checks, so read sentence by sentence it looks like an article that
asserts it; what it says of the claim is its ruling ("الحكم: زائف"). :class:`RulingReader` decides
which fact-checks rate this claim (not another rumour of the same story) and scores them as denials.
The stance stage (:mod:`rawi.stance.evidence`) puts those scores in place of what it read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from rawi.lang import all_languages
from rawi.records import STANCE_LABELS
from rawi.stance.analysis import AnalysisCache, analyze_units
from rawi.stance.base import RationaleSentence
from rawi.stance.factcheck import claim_lines, is_fact_check, rated_claims, rated_texts, rates_misleading
from rawi.stance.semantic import SentenceEvidence
from rawi.stance.views import ArticleView, Reading
from rawi.text.dates import Period, stated_period

# A fact-check rules on the claim when a line where it states what it rates (its title or claim line:
# rawi.stance.factcheck.rated_texts) is at least RULING close to the claim and within RULING_NEAR of the
# article's closest text; its ruling "false" scores as below. Measured (USE) on the stories, the held-out
# stories and the example corpus: fact-checks of the claim itself 0.557-0.88; fact-checks of another
# rumour of the same story 0.497-0.545 (0.646 for a claim that a denial happened, which the frame reads).
RULING = {"use": 0.55, "e5": 0.88}
RULING_NEAR = 0.05
# Below RULING_SURE, a fact-check in the claim's language rules on it only when the line where it
# states what it rates is mostly the claim's own words (RULED_WORDS of its content words): a fact-check
# of another rumour of the story states that rumour on the same setting ("a gold mask was stolen from
# the Middle Kingdom tomb discovered near Minya", rated false, is no ruling on "a Middle Kingdom tomb was
# discovered near Minya"). Measured (USE) on the three stories sets: fact-checks of the claim itself at
# cosine 0.67-0.88, with their claim line's words 0.60-0.83 the claim's below 0.8; those of another
# rumour at 0.52-0.58 with 0.22-0.33.
RULING_SURE = {"use": 0.7, "e5": 0.92}
RULED_WORDS = 0.5
# How far into a fact-check's title or claim line the item it rates may come (content words): "Posts
# shared thousands of times on Saturday night and Sunday ... present a photo" names it eighth.
ITEM_REACH = 8
# What a ruling of "false" scores (sums to 1).
FACT_CHECK_FALSE = {"agree": 0.03, "disagree": 0.9, "discuss": 0.05, "unrelated": 0.02}


def _dated_otherwise(article: ArticleView, rulings: Sequence[int], period: Period | None) -> bool:
    """Whether a fact-check's title or rating lines date what it rates, and never to the claim's
    ``period`` (its claim line, which quotes the rumour's date, is not read)."""
    if period is None:
        return False
    stated = [stated_period(t) for t in (article.title or "", *(article.sentences[i] for i in rulings))]
    dated = [p for p in stated if p is not None]
    return bool(dated) and not any(p.overlaps(period) for p in dated)


@cache
def _item_stems() -> frozenset[str]:
    """The stem of each item of every language's ``fact_check_items`` list ("صورة", "video")."""
    words = [e.phrase for lang in all_languages() for e in lang.entries("fact_check_items")]
    return frozenset(u.content_seq[0] for u in analyze_units(words) if u.content_seq)


class RulingReader:
    """Reads the fact-checks among an article group for their ruling on a claim.

    Parameters
    ----------
    vectors : callable mapping texts to unit vectors (the semantic index).
    analyses : text analyses to read and fill (the stance stage's).
    encoder_key : which encoder ``vectors`` uses ("use" / "e5"), for its similarity thresholds.
    """

    def __init__(
        self,
        vectors: Callable[[Sequence[str]], np.ndarray],
        analyses: AnalysisCache,
        encoder_key: str = "use",
    ):
        self.vectors = vectors
        self.analyses = analyses
        self.ruling = RULING.get(encoder_key, RULING["use"])
        self.ruling_sure = RULING_SURE.get(encoder_key, RULING_SURE["use"])

    def read(
        self,
        core: Reading,
        articles: Sequence[ArticleView],
        evidence: Sequence[list[SentenceEvidence] | None],
        ruling_lines: Sequence[list[int]],
        max_rationale: int = 3,
        period: Period | None = None,
    ) -> list[tuple[np.ndarray, list[RationaleSentence]] | None]:
        """Scores and rationale for the published fact-checks that rule on this claim (its claim line
        and its ruling line, "الحكم: زائف"), ``None`` for the others; ``ruling_lines``: each
        article's :meth:`ruling_lines`, read once by the caller.

        A fact-check quotes the rumour it checks, so read sentence by sentence it looks like an
        article that asserts it. What it says of the claim is its ruling: a fact-check that calls
        what it checks false (a refutation word: "fabricated", "زائف") denies the claim, when what
        it checks is this claim, that is when a text where it states what it rates (title, lead, ruling
        line: :func:`rawi.stance.factcheck.rated_texts`) is close to the claim (RULING) and about
        as close as anything else in the article.
        A fact-check about another rumour of the same story only discusses this one."""
        out: list[tuple[np.ndarray, list[RationaleSentence]] | None] = [None] * len(articles)
        claim_vector = core.vector
        for k, (article, ev) in enumerate(zip(articles, evidence, strict=True)):
            rulings = ruling_lines[k] if ev else []
            if not rulings:
                continue
            rated = float((self.vectors(rated_texts(article.title, article.sentences)) @ claim_vector).max())
            best = max(e.cosine for e in ev)
            if (
                rated >= self.ruling
                and rated >= best - RULING_NEAR
                and self.rates_this_claim(core, article, rated, _dated_otherwise(article, rulings, period))
            ):
                lines = list(dict.fromkeys([*claim_lines(article.sentences)[:1], *rulings]))[:max_rationale]
                rationale = [RationaleSentence(i, article.sentences[i], round(rated, 4)) for i in lines]
                scores = np.array([FACT_CHECK_FALSE[label] for label in STANCE_LABELS])
                out[k] = (scores, rationale)
        return out

    def ruling_lines(self, article: ArticleView) -> list[int]:
        """The sentences where a published fact-check calls what it rates false (a refutation
        word); none for an article that is no fact-check."""
        if not is_fact_check(article.title, article.sentences, article.outlet):
            return []
        units = self.analyses.units(list(article.sentences))
        return [i for i, u in enumerate(units) if u.cue_count("refutation")]

    def rates_this_claim(
        self, core: Reading, article: ArticleView, rated: float, redated: bool = False
    ) -> bool:
        """Whether a fact-check close to the claim (``rated``) states the claim itself as what it
        rates, rather than another rumour on the same setting.

        A rating of "misleading" or "out of context" says that what it rates (an old photo shared
        as today's fire) is real but presented wrongly: it rules only on a claim about that item,
        one that names it (the first word of its claim line or of its title, an item of
        ``fact_check_items.txt``: "صورة", "مقطع فيديو"). A claim about an event it calls partly
        true ("the exam leaked": its photos spread during the exam, not before) it does not refute;
        the article's own sentences say what it says of it. A "false" rating rules when its claim
        line is almost the claim (RULING_SURE) or mostly the claim's own words (RULED_WORDS); across
        languages, where words cannot be compared, closeness decides.
        A misleading rating that dates what it rates otherwise than the claim (``redated``: "the
        photos are old, from January 2024" against "the bridge collapsed in March 2026") rules on
        it too: an old event shared as new is a claim whose date is false.
        Whatever its rating, a fact-check whose rated claim is an item the claim does not name ("a
        video shows a leopard near the village", against "a leopard was sighted near the village")
        rules on the item, unless it dates it otherwise than the claim (``redated``)."""
        units = [u for u in self.analyses.units(rated_claims(article.title, article.sentences)) if u.content]
        claim_words = core.unit.content
        same_language = article.language == core.language
        items = _item_stems()
        opening = [u.content_seq[0] for u in units if u.content_seq]
        # the item it rates, when it names one the claim names too: in the title or near the start of
        # its claim line, which often opens with who circulated it ("تداولت حسابات ومواقع ... مقطع
        # فيديو", "Posts shared thousands of times ... present a photo")
        titled = [u for u in self.analyses.units([article.title]) if u.content] if article.title else []
        names_item = any(
            w in claim_words and w in items for u in (*units, *titled) for w in u.content_seq[:ITEM_REACH]
        )
        if (
            same_language
            and opening
            and all(w in items for w in opening)
            and not any(w in claim_words for w in opening)
            and not names_item
        ):
            # what it rates is an item ("a video shared since January 11 shows a leopard near the
            # village"): its ruling is on the footage, not on the event the claim states without it
            return redated
        if rates_misleading(article.title, article.sentences):
            return redated or (same_language and names_item)
        if rated >= self.ruling_sure or not same_language:
            return True
        shares = [len(u.content & claim_words) / len(u.content) for u in units]
        return max(shares, default=0.0) >= RULED_WORDS
