"""Attribution extraction: who a sentence says said what, and how (asserts / reports / denies).

One sentence at a time, Arabic and English. Triggers are reporting verbs (every inflection, from
``reporting_verbs.txt``), citation frames (بحسب، نقلاً عن، according to, citing) and datelines.
The source mention is the noun phrase next to the trigger (see :mod:`rawi.provenance.mentions`);
relays ("نقلت وكالة X عن مصادر Y", "Y told X", "X, citing Y, said") link Y to X with ``cited_by``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rawi.provenance.cues import Cues, Verb, cues
from rawi.provenance.mentions import Mention, backward, classify, forward
from rawi.provenance.outlet import parse_dateline
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import Tok, offset_tokens, stems_of
from rawi.text import normalize

_COMPLEMENT = {"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "that", ":", '"', "'"}
_ARABIC_LETTER = range(0x0600, 0x0700)


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


def guess_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    arabic = sum(1 for c in letters if ord(c) in _ARABIC_LETTER)
    return "ar" if arabic >= 0.3 * len(letters) else "en"


def extract_attributions(text: str, *, language: str | None = None, registry: Registry) -> list[Attribution]:
    """Attributions of one sentence, in textual order.

    Examples
    --------
    >>> reg = Registry.load()
    >>> [(a.source, a.polarity) for a in extract_attributions("ونفت وزارة الداخلية الخبر", registry=reg)]
    [('وزارة الداخلية', 'denies')]
    """
    code = language if language in ("ar", "en") else guess_language(text)
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

    credit = parse_dateline(text, registry)
    if credit:
        idx = [i for i, t in enumerate(toks) if t.start >= credit.start and t.end <= credit.end]
        if idx:
            mention = Mention(idx[0], idx[-1], credit.entry, credit.kind)
            add(mention, "asserts", None, dateline=True)
    frames = c.frames.find(norms, stems)
    frame_tokens = {i for m in frames for i in range(m.start, m.end)}
    deny_at = [m.start for m in frames if m.entry.tag == "deny"]
    hedge_at = [m.start for m in frames if m.entry.tag == "hedge"]

    # citation frames: بحسب X، وفقاً لـ X، according to X
    for m in frames:
        if m.entry.tag != "cite":
            continue
        rng = forward(toks, m.end, c, registry, allow_channel_start=True)
        if rng and not _nonsource(toks, rng, frames):
            idx = add(classify(toks, *rng, c, registry, text), "reports", None)
            if idx is not None:
                _relay_after(toks, rng[1] + 1, idx, c, registry, text, add, drafts)

    # reporting verbs
    for i, t in enumerate(toks):
        if not t.is_word or i in frame_tokens or i in taken:
            continue
        verb = c.verb(t.norm, stems[i])
        if verb is None:
            continue
        if code == "ar":
            _arabic_verb(toks, i, verb, c, registry, text, add, drafts)
        else:
            _english_verb(toks, i, verb, c, registry, text, add, drafts, frames)

    # English relays not tied to a verb: "X, citing Y, said" is handled with the verb; a lone
    # "citing Y" after a subject still names Y
    for m in frames:
        if m.entry.tag == "relay" and code == "en":
            rng = forward(toks, m.end, c, registry)
            if rng:
                parent = _nearest_before(drafts, m.start)
                add(classify(toks, *rng, c, registry, text), "asserts", None, parent=parent)

    return _finish(drafts, toks, text, registry, deny_at, hedge_at)


def _nonsource(toks: list[Tok], rng: tuple[int, int], frames: list) -> bool:
    """``وفقاً للقانون``: the frame is followed by a rule or a plan, not a source."""
    head = cues_head = toks[rng[0]].norm
    del cues_head
    for m in frames:
        if m.entry.tag == "nonsource" and rng[0] <= m.start <= rng[0] + 1:
            return True
    return head in ("ما",)


def _nearest_before(drafts: list[_Draft], token: int) -> int | None:
    best = None
    for i, d in enumerate(drafts):
        if d.mention.last < token and not d.dateline:
            best = i
    return best


def _relay_after(toks, k, idx, c, registry, text, add, drafts) -> None:
    """After a mention: "لوكالة X" (a channel relaying it) or "عن Y" (a source it relays)."""
    n = len(toks)
    if k >= n:
        return
    t = toks[k]
    if t.is_word and t.norm in ("عن",):
        rng = forward(toks, k + 1, c, registry)
        if rng:
            mention = classify(toks, *rng, c, registry, text)
            if (mention and mention.kind != "person") or (mention and mention.entry):
                child = add(mention, "asserts", None, parent=idx)
                if child is not None:
                    _relay_after(toks, rng[1] + 1, child, c, registry, text, add, drafts)
        return
    if t.is_word and t.norm.startswith("ل") and c.code == "ar":
        rng = forward(toks, k, c, registry, allow_channel_start=True)
        if rng:
            mention = classify(toks, *rng, c, registry, text)
            if mention and mention.kind in ("agency", "outlet"):
                channel = add(mention, "reports", None)
                if channel is not None:
                    drafts[idx].parent = channel


def _has_complement(toks: list[Tok], k: int) -> bool:
    for t in toks[k : k + 4]:
        if t.norm in _COMPLEMENT:
            return True
    return False


def _arabic_verb(toks, i, verb: Verb, c: Cues, registry, text, add, drafts) -> None:
    rng = forward(toks, i + 1, c, registry)
    if rng is None:
        rng = _arabic_preverbal(toks, i, c, registry, text)
        if rng is None:
            return
    mention = classify(toks, *rng, c, registry, text)
    if mention is None:
        return
    if verb.strict and not _has_complement(toks, rng[1] + 1) and mention.kind == "person":
        return
    if mention.kind == "person" and not _has_complement(toks, rng[1] + 1) and verb.lemma != "نقل":
        return
    idx = add(mention, verb.polarity, toks[i].norm)
    if idx is not None:
        _relay_after(toks, rng[1] + 1, idx, c, registry, text, add, drafts)
        k = rng[1] + 1
        if k < len(toks) and toks[k].norm.startswith("ل") and drafts[idx].parent is not None:
            _relay_after(toks, _skip_mention_end(toks, k, c, registry), idx, c, registry, text, add, drafts)


def _skip_mention_end(toks, k, c, registry) -> int:
    rng = forward(toks, k, c, registry, allow_channel_start=True)
    return rng[1] + 1 if rng else k + 1


def _arabic_preverbal(toks, i, c, registry, text) -> tuple[int, int] | None:
    """Subject before the verb (SVO): "وزارة الخارجية الروسية أكدت أن ..."."""
    rng = backward(toks, i, c, text)
    if rng is None:
        return None
    first, last = rng
    mention = classify(toks, first, last, c, registry, text)
    if mention is None or mention.kind == "person" or (mention.entry is None and mention.kind in ("other",)):
        return None
    return rng


def _english_verb(toks, i, verb: Verb, c: Cues, registry, text, add, drafts, frames) -> None:
    prev = i - 1
    while prev >= 0 and toks[prev].is_word and c.noun_tag(toks[prev].norm) == "aux":
        prev -= 1
    subject: tuple[int, int] | None = None
    if prev >= 0 and toks[prev].is_word:
        subject = backward(toks, i, c, text)
    elif prev >= 0 and toks[prev].norm == ",":
        # "X, citing Y, said": skip back over the parenthetical to X
        opener = _parenthetical_start(toks, prev, frames)
        if opener is not None:
            subject = backward(toks, opener, c, text)
        elif prev >= 1 and toks[prev - 1].norm in ('"', "'"):
            subject = forward(toks, i + 1, c, registry)
        else:
            subject = forward(toks, i + 1, c, registry) if _is_inverted(toks, i, c) else None
    elif prev >= 0 and toks[prev].norm in ('"', "'"):
        subject = forward(toks, i + 1, c, registry)
    if subject is None:
        return
    mention = classify(toks, *subject, c, registry, text)
    if mention is None:
        return
    if verb.strict and not _has_complement(toks, max(i, subject[1]) + 1):
        return
    idx = add(mention, verb.polarity, toks[i].norm)
    if idx is None:
        return
    if toks[i].norm in ("told", "tell", "tells", "telling"):
        rng = forward(toks, i + 1, c, registry)
        if rng:
            channel = add(classify(toks, *rng, c, registry, text), "reports", None)
            if channel is not None:
                drafts[idx].parent = channel
    if toks[i].norm.startswith("quot"):
        rng = forward(toks, i + 1, c, registry)
        if rng:
            add(classify(toks, *rng, c, registry, text), "asserts", None, parent=idx)


def _parenthetical_start(toks, comma: int, frames) -> int | None:
    """Index of the comma opening ", citing Y," that ends at ``comma``."""
    for m in frames:
        if m.entry.tag == "relay" and m.start < comma and m.start > 0 and toks[m.start - 1].norm == ",":
            return m.start - 1
    return None


def _is_inverted(toks, i, c) -> bool:
    """ "..., said the ministry." — the verb is followed by a determiner or a capitalized source."""
    return i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].norm in ("the", "a", "an")


def _finish(
    drafts: list[_Draft], toks: list[Tok], text: str, registry: Registry, deny_at, hedge_at
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
                and any(toks[p].start < nxt for p in hedge_at)
                and m.kind not in ("agency", "outlet")
            ):
                polarity = "reports"
        key = m.entry.key if m.entry else normalize(source)
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


def with_cited_by(attributions: list[Attribution], index: int, parent: int | None) -> list[Attribution]:
    """A copy of ``attributions`` with one ``cited_by`` changed (for callers building chains)."""
    out = list(attributions)
    out[index] = replace(out[index], cited_by=parent)
    return out
