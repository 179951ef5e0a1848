"""Attribution extraction: who a sentence says said what, and how (asserts / reports / denies).

One sentence at a time, Arabic and English. Triggers are reporting verbs (every inflection, from
``reporting_verbs.txt``), citation frames (بحسب، نقلاً عن، according to, citing) and datelines.
The source mention is the noun phrase next to the trigger (see :mod:`rawi.provenance.mentions`);
relays ("نقلت وكالة X عن مصادر Y", "Y told X", "X, citing Y, said") link Y to X with ``cited_by``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rawi.lang import available
from rawi.provenance.arabic import (
    arabic_preverbal,
    arabic_verb,
    channel_prefixed,
    relay_after,
    sentence_subject,
)
from rawi.provenance.cues import Cues, cues
from rawi.provenance.english import english_relay, english_verb
from rawi.provenance.mentions import (
    COMPLEMENT,
    Mention,
    channel_bare,
    classify,
    forward,
    is_channel,
)
from rawi.provenance.outlet import CREDIT_LABELS, credits_in
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import Tok, offset_tokens, stems_of
from rawi.text import LexiconMatch, normalize
from rawi.text.detect import detect_language


@dataclass(frozen=True)
class Attribution:
    """One source a sentence reports as the origin of some content.

    ``span`` holds character offsets of the mention in the sentence; ``cited_by`` is the index (in
    the same list) of the attribution that relays this one.
    """

    source: str
    source_key: str
    source_kind: str | None
    polarity: str
    verb: str | None
    span: tuple[int, int]
    cited_by: int | None = None


@dataclass
class _Draft:
    mention: Mention
    polarity: str
    verb: str | None
    parent: int | None = None  # index of the relaying draft
    dateline: bool = False


# add(mention, polarity, verb, parent=..., dateline=...) -> index of the new draft, or None if taken


def guess_language(text: str) -> str:
    """The language of a sentence by script (:func:`rawi.text.detect.detect_language`); a sentence
    with no letters of a known script is read as the first known language's."""
    return detect_language(text).code or available()[0]


def extract_attributions(text: str, *, language: str | None = None, registry: Registry) -> list[Attribution]:
    """Attributions of one sentence, in textual order.

    Examples
    --------
    >>> reg = Registry.load()
    >>> [(a.source, a.polarity) for a in extract_attributions("ونفت وزارة الداخلية الخبر", registry=reg)]
    [('وزارة الداخلية', 'denies')]
    """
    code = language if language in available() else guess_language(text)
    c = cues(code)
    toks = offset_tokens(text)
    if not toks:
        return []
    stems = stems_of(toks)
    norms = [t.norm for t in toks]
    drafts: list[_Draft] = []
    taken: set[int] = set()

    def add(mention: Mention | None, polarity: str, verb: str | None, **kw: object) -> int | None:
        if mention is None or any(i in taken for i in range(mention.first, mention.last + 1)):
            return None
        taken.update(range(mention.first, mention.last + 1))
        drafts.append(_Draft(mention, polarity, verb, **kw))  # type: ignore[arg-type]
        return len(drafts) - 1

    for credit in credits_in(text, toks, registry):
        idx = [i for i, t in enumerate(toks) if t.start >= credit.start and t.end <= credit.end]
        if idx and _after_free_preposition(toks, idx[0], c):
            continue  # "مصادر ل - " سكاي نيوز "": a channel the source spoke to, not a dateline
        if idx:
            mention = Mention(idx[0], idx[-1], credit.entry, credit.kind)
            add(mention, "asserts", None, dateline=True)
    headline = _headline_source(toks, c, registry, text)
    if headline is not None:
        add(headline, "asserts", None)
    frames = c.frames.find(norms, stems)
    frame_tokens = {i for m in frames for i in range(m.start, m.end)}
    deny_at = [m.start for m in frames if m.entry.tag == "deny"]
    hedge_at = [m.start for m in frames if m.entry.tag == "hedge"]

    # citation frames: بحسب X، وفقاً لـ X، according to X
    chained: list[tuple[int, int]] = []  # (draft, frame start) of frames that chain to a relay
    for m in frames:
        if m.entry.tag != "cite":
            continue
        rng = forward(toks, m.end, c, registry, allow_channel_start=True)
        if rng and not _nonsource(toks, rng, frames, c):
            cited = classify(toks, *rng, c, registry, text)
            if cited and cited.kind == "person" and channel_prefixed(toks[rng[0]].norm, c):
                continue  # "وفقاً لشكل المنطقة": a rule or a shape, not a person
            document = "document" in m.entry.fields[1:]
            if document and (cited is None or cited.kind == "person"):
                continue  # "جاء في سياق الرد": a context, not a statement
            idx = add(cited, "asserts" if document else "reports", None)
            if idx is not None:
                if "chain" in m.entry.fields[1:]:
                    chained.append((idx, m.start))
                relay_after(toks, rng[1] + 1, idx, c, registry, text, add, drafts)

    # reporting verbs
    for i, t in enumerate(toks):
        if not t.is_word or i in frame_tokens or i in taken:
            continue
        verb = c.verb(t.norm, stems[i])
        if verb is None:
            continue
        if i > 0 and toks[i - 1].norm in c.words("verbal_noun_before"):
            continue  # "فضل عدم ذكر اسمه": a verbal noun spelled like the verb
        if c.language.capitalized_names and (
            text[t.start].isupper() or (i > 0 and toks[i - 1].norm in c.words("determiner"))
        ):
            continue  # "Islamic State", "the claim": a name or a noun, not a verb
        if c.language.verb_subject:
            arabic_verb(toks, i, verb, c, registry, text, add, drafts)
        else:
            english_verb(toks, i, verb, c, registry, text, add, drafts)

    # English relays not tied to a verb: "X, citing Y, said" is handled with the verb; a lone
    # "citing Y" after a subject still names Y
    for m in frames:
        if m.entry.tag == "relay" and not c.language.fused_clitics:
            english_relay(toks, m.start, m.end, c, registry, text, add, drafts)

    for idx, frame_start in chained:  # "قالت وكالة X نقلاً عن مصدر": the source is cited by X
        relay = _relay_before(drafts, toks, frame_start, idx)
        if relay is None and c.language.verb_subject:  # "وكالة سانا ، نقلت عن ...": its subject
            before = arabic_preverbal(toks, frame_start, c, registry, text) or sentence_subject(
                toks, frame_start, c, registry, text
            )
            if before is not None:
                relay = add(before[2], "reports", toks[frame_start].norm)
        if relay is not None and drafts[idx].parent is None:
            drafts[idx].parent = relay
            drafts[idx].polarity = "asserts"  # the relay reports; its source asserts

    _link_reported_speakers(drafts, toks)
    return _finish(drafts, toks, text, registry, c, deny_at, hedge_at)


def _link_reported_speakers(drafts: list[_Draft], toks: list[Tok], gap: int = 4) -> None:
    """ "وذكرت وكالة رويترز أن المبعوث أكد ...": a speaker that opens the content another source
    reports (right after its أن/إن/that) is relayed by that source, which then reports."""
    for d in drafts:
        first = d.mention.first
        if d.parent is not None or d.dateline or d.verb is None or first == 0:
            continue
        opener = toks[first - 1]
        if not (opener.is_word and opener.norm in COMPLEMENT):
            continue
        outer = None
        for k, o in enumerate(drafts):
            if o is d or o.dateline or o.mention.last >= first - 1:
                continue
            between = toks[o.mention.last + 1 : first - 1]
            ends = (".", ";", ":")
            if len(between) <= gap and not any(t.norm in COMPLEMENT or t.norm in ends for t in between):
                outer = k
        if outer is None:
            continue
        if drafts[outer].verb is None:  # "قال X لوكالة Y إن Z أكد": the speaker told the channel
            outer = next((q for q, x in enumerate(drafts) if x.parent == outer), outer)
        d.parent = outer


def _after_free_preposition(toks: list[Tok], k: int, c: Cues) -> bool:
    """Whether a preposition written apart (لـ) comes right before token ``k``, across dashes and
    quote marks."""
    j = k - 1
    while j >= 0 and toks[j].norm in ("-", '"', "'"):
        j -= 1
    return j >= 0 and j < k - 1 and toks[j].norm in c.words("free_preposition")


def _relay_before(drafts: list[_Draft], toks: list[Tok], frame_start: int, cited: int) -> int | None:
    """The draft a chaining frame hangs on: the nearest source ending at most five tokens before the
    frame, with no complement (أن، that) or full stop between them."""
    best = None
    for k, d in enumerate(drafts):
        if k == cited or d.dateline or d.mention.last >= frame_start:
            continue
        gap = toks[d.mention.last + 1 : frame_start]
        clear = len(gap) <= 5 and not any(t.norm in COMPLEMENT or t.norm in (".", ";") for t in gap)
        if clear and (best is None or d.mention.last > drafts[best].mention.last):
            best = k
    return best


def _headline_source(toks: list[Tok], c: Cues, registry: Registry, text: str) -> Mention | None:
    """ "مصادر العربية : استسلام ..." — a headline that opens with a source and a colon."""
    for k, t in enumerate(toks[:7]):
        if t.norm == ":":
            if k == 0 or not all(x.is_word for x in toks[:k]) or toks[0].norm in CREDIT_LABELS:
                return None
            if c.is_state(toks[0].norm):
                return None  # "لبنان: قتيلان في انهيار مبنى": the place a headline is about
            mention = classify(toks, 0, k - 1, c, registry, text)
            if (
                mention
                and mention.kind not in ("person", "other")
                and c.noun_tag(toks[0].norm) not in ("statement",)
            ):
                return mention
            return None
        if not t.is_word:
            return None
    return None


def _nonsource(toks: list[Tok], rng: tuple[int, int], frames: list[LexiconMatch], c: Cues) -> bool:
    """``وفقاً للقانون``: the frame is followed by a rule or a plan, not a source."""
    if any(m.entry.tag == "nonsource" and rng[0] <= m.start <= rng[0] + 1 for m in frames):
        return True
    return toks[rng[0]].norm in c.words("nonsource_word")


def _unregistered_key(toks: list[Tok], m: Mention, source: str, c: Cues, registry: Registry) -> str:
    """Key of a source the registry does not hold. An outlet is keyed by its words alone: the fused
    preposition and the quote marks of "لموقع "هدف المغرب"" are how a sentence cites the outlet, and
    its key must meet the outlet line of the outlet's own article ("موقع هدف المغرب")."""
    if m.kind not in ("agency", "outlet"):
        return normalize(source)
    words = [t.norm for t in toks[m.first : m.last + 1] if t.is_word]
    if words and is_channel(toks[m.first], c, registry):
        words[0] = channel_bare(toks[m.first], c) or words[0]
    return " ".join(words) or normalize(source)


def _finish(
    drafts: list[_Draft], toks: list[Tok], text: str, registry: Registry, c: Cues, deny_at, hedge_at
) -> list[Attribution]:
    order = sorted(range(len(drafts)), key=lambda i: toks[drafts[i].mention.first].start)
    new_index = {old: new for new, old in enumerate(order)}
    has_child = {d.parent for d in drafts if d.parent is not None}
    out: list[Attribution] = []
    for old in order:
        d = drafts[old]
        m = d.mention
        start, end = toks[m.first].start, toks[m.last].end
        source = text[start:end]
        polarity = d.polarity
        if not d.dateline:
            if old in has_child or m.hint == "reports":
                polarity = "reports" if polarity != "denies" else polarity
            nxt = min(
                (
                    toks[x.mention.first].start
                    for x in drafts
                    if toks[x.mention.first].start > start and x.verb
                ),
                default=len(text),
            )
            if polarity == "asserts" and any(start < toks[p].start < nxt for p in deny_at):
                polarity = "denies"
            elif (
                polarity == "asserts"
                and any(  # "X reportedly said", within one sentence
                    m.first - 4 <= p <= m.last + 4
                    and not any(toks[q].norm == "." for q in range(min(p, m.first), max(p, m.last)))
                    for p in hedge_at
                )
                and m.kind not in ("agency", "outlet")
            ):
                polarity = "reports"
        key = m.entry.key if m.entry else _unregistered_key(toks, m, source, c, registry)
        out.append(
            Attribution(
                source=source,
                source_key=key,
                source_kind=m.kind,
                polarity=polarity,
                verb=d.verb,
                span=(start, end),
                cited_by=new_index[d.parent] if d.parent is not None else None,
            )
        )
    return out
