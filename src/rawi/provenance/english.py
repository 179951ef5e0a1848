"""English attribution patterns: subjects before the verb, inverted quotes ("..., said the
minister"), relays ("X, citing Y, said", "X quoted Y as saying", "Y was quoted by X") and channels
("Y told Reuters")."""

from __future__ import annotations

from rawi.provenance.cues import AddFn, Cues, Verb
from rawi.provenance.mentions import backward, classify, forward, has_complement, nearest_before
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import Tok


def english_relay(
    toks: list[Tok], start: int, end: int, c: Cues, registry: Registry, text: str, add: AddFn, drafts: list
) -> None:
    """ "citing Y" / "quoting Y" / "X quoted Y as saying" / "Y was quoted by X as saying"."""
    word = toks[start].norm
    if word.startswith("quot") and end < len(toks) and toks[end].norm == "by":
        channel_rng = forward(toks, end + 1, c, registry)
        subject_rng = backward(toks, start, c, text)
        channel = classify(toks, *channel_rng, c, registry, text) if channel_rng else None
        subject = classify(toks, *subject_rng, c, registry, text) if subject_rng else None
        if channel is not None and subject is not None:
            parent = add(channel, "reports", None)
            add(subject, "asserts", None, parent=parent)
        return
    parent = nearest_before(drafts, start)
    opener = _parenthetical_start(toks, start - 1) if start > 1 and toks[start - 1].norm == "," else None
    if word.startswith("quot") and start > 0 and (toks[start - 1].is_word or opener is not None):
        # "X quoted Y" / "SANA, the state news agency, quoted Y"
        subject_rng = backward(toks, start if opener is None else opener, c, text)
        subject = classify(toks, *subject_rng, c, registry, text) if subject_rng else None
        if subject is not None:
            parent = add(subject, "reports", word) if parent is None else parent
    rng = forward(toks, end, c, registry)
    if rng:
        add(classify(toks, *rng, c, registry, text), "asserts", None, parent=parent)


def english_verb(
    toks: list[Tok], i: int, verb: Verb, c: Cues, registry: Registry, text: str, add: AddFn, drafts: list
) -> None:
    prev = i - 1
    while prev >= 0 and toks[prev].is_word and c.noun_tag(toks[prev].norm) == "aux":
        prev -= 1
    subject: tuple[int, int] | None = None
    if prev >= 0 and toks[prev].is_word:
        subject = backward(toks, i, c, text)
    elif prev >= 0 and toks[prev].norm == ",":
        # "X, citing Y, said" / "X, a war monitor, said" / "X, speaking on condition of anonymity, said"
        opener = _parenthetical_start(toks, prev)
        if prev >= 1 and toks[prev - 1].norm in ('"', "'"):
            subject = forward(toks, i + 1, c, registry)
        elif opener is not None:
            subject = backward(toks, opener, c, text)
        if subject is None and _is_inverted(toks, i, c):
            subject = forward(toks, i + 1, c, registry)
    elif prev >= 0 and toks[prev].norm in ('"', "'"):
        subject = forward(toks, i + 1, c, registry)
    if subject is None:
        return
    mention = classify(toks, *subject, c, registry, text)
    if mention is None:
        return
    if verb.strict and not has_complement(toks, max(i, subject[1]) + 1):
        return
    idx = add(mention, verb.polarity, toks[i].norm)
    if idx is None:
        return
    if toks[i].norm in c.words("channel_verb"):
        rng = forward(toks, i + 1, c, registry)
        target = classify(toks, *rng, c, registry, text) if rng else None
        if target is not None and target.kind in ("agency", "outlet"):
            channel = add(target, "reports", None)
            if channel is not None:
                drafts[idx].parent = channel
    if _sentence_final(toks, i) and subject[0] > 0 and toks[subject[0] - 1].norm == ",":
        # "..., officials said the crossing would reopen, the National News Agency reported."
        for d in drafts[:idx]:
            if d.parent is None and not d.dateline and d.mention.last < subject[0]:
                d.parent = idx
    if toks[i].norm.startswith("quot"):
        rng = forward(toks, i + 1, c, registry)
        if rng:
            add(classify(toks, *rng, c, registry, text), "asserts", None, parent=idx)


def _parenthetical_start(toks: list[Tok], comma: int) -> int | None:
    """Index of the comma opening a short parenthetical (", citing Y,") that ends at ``comma``."""
    for k in range(comma - 1, max(-1, comma - 12), -1):
        if toks[k].norm == ",":
            return k if k > 0 and toks[k - 1].is_word else None
        if not toks[k].is_word and toks[k].norm not in ("-", "(", ")", "'"):
            return None
    return None


def _sentence_final(toks: list[Tok], i: int) -> bool:
    return i + 1 >= len(toks) or (not toks[i + 1].is_word and toks[i + 1].norm in (".", "!", "?", ";"))


def _is_inverted(toks: list[Tok], i: int, c: Cues) -> bool:
    """ "..., said the ministry." — the verb is followed by a determiner or a capitalized source."""
    return i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].norm in c.words("determiner")
