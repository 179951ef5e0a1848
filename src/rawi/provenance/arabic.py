"""Arabic attribution patterns: the speaker of a reporting verb (after it, as Arabic puts the
subject, or before it: "الوزارة قالت", the sentence's subject), coordinated speakers, relays through a
channel ("نقلت وكالة X عن مصادر Y", "قال Y لوكالة X") and names that need evidence to be a speaker.
Read by :func:`rawi.provenance.attribution.extract_attributions`, beside the English patterns of
:mod:`rawi.provenance.english`."""

from __future__ import annotations

from rawi.provenance.cues import AddFn, Cues, Verb
from rawi.provenance.mentions import (
    COMPLEMENT,
    SOURCE_KINDS,
    Mention,
    backward,
    classify,
    forward,
    has_complement,
    is_channel,
)
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import Tok, strip_article


def _quoted_title(toks: list[Tok], k: int, limit: int = 6) -> tuple[int, int] | None:
    """Words between quote marks from ``k`` (a dash may come first): "لـ«الزرقاء اليوم»" is one
    title, whatever its words would mean alone."""
    while k < len(toks) and toks[k].norm == "-":
        k += 1
    if k >= len(toks) or toks[k].norm not in ('"', "'"):
        return None
    end = k + 1
    while end < len(toks) and toks[end].is_word and end - k <= limit:
        end += 1
    if end < len(toks) and toks[end].norm in ('"', "'") and end > k + 1:
        return k + 1, end - 1
    return None


def channel_prefixed(word: str, c: Cues) -> bool:
    """A word carrying the fused preposition of a channel (لوكالة، لرويترز)."""
    return any(word.startswith(p) for p in c.words("channel_prefix") if p)


def relay_after(
    toks: list[Tok],
    k: int,
    idx: int,
    c: Cues,
    registry: Registry,
    text: str,
    add: AddFn,
    drafts: list,  # attribution._Draft, read for .parent
    *,
    relay_verb: bool = False,
) -> None:
    """After a mention: "لوكالة X" (a channel relaying it) or "عن Y" (a source it relays)."""
    n = len(toks)
    if k < n and toks[k].norm in ('"', "'"):
        k += 1  # the closing quote of a quoted name: ونقلت " سانا " عن ...
    if relay_verb and k < n and toks[k].norm not in c.words("relay"):
        # "نقلت سانا اليوم الأحد عن مصادر": words of time between the verb and its source
        j = k
        while (
            j < n
            and j - k < 4
            and toks[j].is_word
            and toks[j].norm not in c.words("relay")
            and c.noun_tag(toks[j].norm) == "stop"
        ):
            j += 1
        if j < n and j > k and toks[j].norm in c.words("relay"):
            k = j
    if k + 1 < n and toks[k].norm == "," and channel_prefixed(toks[k + 1].norm, c):
        k += 1  # "وذكرت مصادر محلية ، لـ X ، أن": the channel after a comma
    # "في تصريح لوكالة X" / "في بيان له": skip the occasion to reach the channel
    if (
        k + 1 < n
        and toks[k].norm in c.words("occasion")
        and c.noun_tag(toks[k + 1].norm) in ("statement", "other")
    ):
        k += 2
        while k < n and toks[k].is_word and not channel_prefixed(toks[k].norm, c):
            k += 1
            if k >= n or c.noun_tag(toks[k - 1].norm) == "stop":
                return
    if k >= n:
        return
    t = toks[k]
    if t.is_word and t.norm in c.words("relay"):
        rng = forward(toks, k + 1, c, registry)
        if rng:
            mention = classify(toks, *rng, c, registry, text)
            if mention and (mention.kind != "person" or relay_verb or has_complement(toks, rng[1] + 1, 3)):
                child = add(mention, "asserts", None, parent=idx)
                if child is not None:
                    relay_after(toks, rng[1] + 1, child, c, registry, text, add, drafts)
        return
    apart = t.is_word and t.norm in c.words("free_preposition")  # لـ " سانا "، ل - النهار
    if t.is_word and (channel_prefixed(t.norm, c) or apart) and c.language.fused_clitics:
        rng = _quoted_title(toks, k + 1) if apart else None
        rng = rng or forward(toks, k, c, registry, allow_channel_start=True)
        if rng:
            mention = classify(toks, *rng, c, registry, text)
            if mention is None and apart and rng[0] > 0 and toks[rng[0] - 1].norm in ('"', "'"):
                mention = Mention(rng[0], rng[1], None, "outlet")  # لـ " النهار ": a quoted title
            if mention and mention.kind in ("agency", "outlet"):
                channel = add(mention, "reports", None)
                if channel is not None:
                    drafts[idx].parent = channel


def _person_ok(toks: list[Tok], rng: tuple[int, int], verb: Verb, c: Cues, registry: Registry) -> bool:
    """A name-like subject (no registry entry, no source noun) counts only with some evidence that
    it is the speaker: a complement after it, a relay ("نقلا عن"), or a denial / hearsay verb with
    a short name."""
    nxt = rng[1] + 1
    if nxt < len(toks) and toks[nxt].norm == ",":
        nxt += 1  # "يقول أبو محمد ، وهو أحد تجار المدينة ، إن"
    if nxt + 1 < len(toks) and toks[nxt].norm in c.words("apposition"):
        # "وقال إبراهيم الإدلبي وهو متحدث باسم ...": a clause saying who the name is
        if toks[nxt + 1].norm in c.words("quantifier"):
            return True  # "وهو أحد تجار المدينة": one of a group
        if c.noun_tag(toks[nxt + 1].norm) in SOURCE_KINDS | {"person"}:
            return True
    title = nxt
    if title < len(toks) and c.noun_tag(toks[title].norm) in ("official", "anonymous"):
        return True  # "وقال إيغال بالمور المتحدث باسم الوزارة", "واتهم فلان ، نائب مدير ..."
    following = [t.norm for t in toks[rng[1] + 1 : rng[1] + 4]]
    if any(m.start == 0 and "chain" in m.entry.fields[1:] for m in c.frames.find(following)):
        return True
    if _said_on_occasion(toks, rng[1] + 1, c):
        return True
    if has_complement(toks, rng[1] + 1, 7 if rng[1] + 1 < len(toks) and toks[rng[1] + 1].norm == "," else 4):
        return True
    if _channel_ahead(toks, rng[1] + 1, c, registry) is not None:
        return True  # "وقال فلان، الموظف في الوزارة، لوكالة X إن": told a channel, then what
    return not verb.strict and verb.polarity != "asserts" and rng[1] - rng[0] < 3


def arabic_verb(
    toks: list[Tok],
    i: int,
    verb: Verb,
    c: Cues,
    registry: Registry,
    text: str,
    add: AddFn,
    drafts: list,  # attribution._Draft, read for .parent
) -> None:
    after = forward(toks, i + 1, c, registry)
    if after and _addressee_or_channel(toks[after[0]], c, registry):
        after = None  # "قال للحريري", "قال لمراسل X": the subject is elided
    mention = classify(toks, *after, c, registry, text) if after else None
    if mention is not None and mention.kind == "person" and not _person_ok(toks, after, verb, c, registry):
        mention = None
    if mention is None and after and _definite_name(toks, after, c, registry):
        mention = Mention(after[0], after[1], None, "person")
    before = arabic_preverbal(toks, i, c, registry, text) or sentence_subject(toks, i, c, registry, text)
    preverbal = False
    # a headline's opening noun right before its verb is the subject ("إسرائيل تنفي إطلاق ...")
    opens = (
        before is not None
        and not any(t.is_word for t in toks[: before[0]])
        and before[1] == i - 1
        and toks[i].norm[:1] not in c.words("coordinator")  # "... ويقول X": a new clause, X after
    )
    # a source right before a verb that carries no conjunction is its subject, and what follows the
    # verb its object: "منظمة العفو تطالب الرئيس بأن ..." (a headline), "الجيش نفى الخبر"
    adjacent = (
        before is not None
        and before[1] == i - 1
        and before[2].kind in SOURCE_KINDS
        and toks[i].norm[:1] not in c.words("coordinator")
        and not any(d.dateline and d.mention.first <= before[1] <= d.mention.last for d in drafts)
    )
    if before is not None and (
        mention is None or adjacent or (mention.kind == "person" and (before[2].kind != "person" or opens))
    ):
        after, mention, preverbal = before[:2], before[2], True
    if mention is None or after is None:
        return
    content = _content_word(toks, max(i, after[1]) + 1, verb)
    if verb.strict and not (has_complement(toks, max(i, after[1]) + 1) or content is not None):
        return
    polarity = verb.polarity
    if content is not None and content + 1 < len(toks):
        inner = c.verb(toks[content + 1].norm, toks[content + 1].norm)
        polarity = inner.polarity if inner else polarity  # "أصدر X بياناً ينفي فيه": a denial
    for rng in split_coordination(toks, after, c, registry):
        part = mention if rng == after else classify(toks, *rng, c, registry, text)
        idx = add(part, polarity, toks[i].norm)
        if idx is None:
            continue
        relay = verb.relay
        k = i + 1 if preverbal else rng[1] + 1
        relay_after(toks, k, idx, c, registry, text, add, drafts, relay_verb=relay)
        if k < len(toks) and channel_prefixed(toks[k].norm, c) and drafts[idx].parent is not None:
            end = _skip_mention_end(toks, k, c, registry)
            relay_after(toks, end, idx, c, registry, text, add, drafts, relay_verb=relay)
        channel = _channel_ahead(toks, k, c, registry) if not preverbal else None
        if drafts[idx].parent is None and channel is not None and channel > k:
            # "وقال فلان رئيس اللجنة للوكالة إن": the channel comes after the speaker's descriptors
            relay_after(toks, channel, idx, c, registry, text, add, drafts)


def _said_on_occasion(toks: list[Tok], k: int, c: Cues, window: int = 10) -> bool:
    """ "قال فلان في معرض حديثه عن الجيش إن": an occasion (في + a statement noun) between the
    speaker and what he said, with no other verb and no full stop in between."""
    if k + 1 >= len(toks) or toks[k].norm not in c.words("occasion"):
        return False
    if c.noun_tag(toks[k + 1].norm) != "statement":
        return False
    for t in toks[k + 2 : k + 2 + window]:
        if t.norm in COMPLEMENT:
            return True
        if t.norm in (".", ";") or (t.is_word and c.verb(t.norm, t.norm)):
            return False
    return False


def _content_word(toks: list[Tok], k: int, verb: Verb, window: int = 8) -> int | None:
    """Index of a word carrying what was said within ``window`` tokens of ``k``: "أصدر X بياناً",
    "وصف X الهجوم بالإرهابي" (a preposition of the verb's ``with:`` list fused to the article, or
    alone); ``None`` when there is none."""
    for j in range(k, min(len(toks), k + window)):
        w = toks[j].norm
        if w in (".", ";") or (toks[j].is_word and verb.content_words and w in COMPLEMENT):
            return None
        if w in verb.content_words or any(
            w.startswith(p) and strip_article(w) != w and len(w) > len(p) + 2 for p in verb.content_words
        ):
            return j
    return None


def _channel_name(toks: list[Tok], j: int, c: Cues, registry: Registry) -> bool:
    """ "لفرانس برس": the channel preposition fused to a registered agency or outlet whose name
    runs over several words."""
    prefix = next((p for p in c.words("channel_prefix") if p and toks[j].norm.startswith(p)), None)
    if prefix is None or len(toks[j].norm) - len(prefix) < 2:
        return False
    words = [toks[j].norm[len(prefix) :]] + [t.norm for t in toks[j + 1 : j + registry.max_name_words]]
    hit = registry.longest_match(words)
    return hit is not None and hit[1].kind in ("agency", "outlet")


def _channel_ahead(toks: list[Tok], k: int, c: Cues, registry: Registry, window: int = 12) -> int | None:
    """Index of a relay channel ("لوكالة X"، "للوكالة"، "لـ " X "") that follows a speaker at ``k``
    across at most ``window`` tokens of descriptors (his title, an apposition between commas) and
    is itself followed by what was said (أن، إن، a colon); ``None`` when there is none."""
    n = len(toks)
    for j in range(k, min(n, k + window)):
        t = toks[j]
        if not t.is_word:
            if t.norm in (",", "-", '"', "'"):
                continue
            return None
        if t.norm in c.words("np_link"):
            continue  # "الموظفة في وزارة الصحة", "المتحدث باسم الجيش"
        verbal_noun = j > 0 and toks[j - 1].norm in c.words("verbal_noun_before")  # عدم ذكر اسمه
        anonymity = j + 1 < n and toks[j + 1].norm in c.words("verbal_noun_before")  # طلب عدم ذكر
        said = c.verb(t.norm, t.norm) and not verbal_noun and not anonymity
        if t.norm in COMPLEMENT or said or c.noun_tag(t.norm) == "stop":
            return None
        apart = t.norm in c.words("free_preposition") and j + 1 < n and not toks[j + 1].is_word
        if is_channel(t, c, registry) or apart or _channel_name(toks, j, c, registry):
            rng = forward(toks, j, c, registry, allow_channel_start=True)
            if rng is None:
                return None
            end = rng[1] + 1
            while end < n and toks[end].norm in ('"', "'"):
                end += 1
            return j if has_complement(toks, end, 4) else None
    return None


def _definite_name(toks: list[Tok], rng: tuple[int, int], c: Cues, registry: Registry) -> bool:
    """ "وذكر الصافي أن": a short definite phrase right before أن/إن or a colon is a speaker's
    name (Arabic family names and titles often carry the article)."""
    first, last = rng
    head = toks[first].norm
    if last - first > 2 or strip_article(head) == head or head in c.language.stopwords:
        return False
    nxt = toks[last + 1].norm if last + 1 < len(toks) else ""
    if nxt in ('"', "'"):  # "أكد العباسي " أن ...": the content in quote marks
        nxt = toks[last + 2].norm if last + 2 < len(toks) else ""
    if nxt in COMPLEMENT and nxt not in ('"', "'"):
        return True
    # "وقال الهواري لموقع X إن": told a channel right after the name, then what was said
    return last + 1 < len(toks) and _channel_ahead(toks, last + 1, c, registry) == last + 1


def _addressee_or_channel(tok: Tok, c: Cues, registry: Registry) -> bool:
    w = tok.norm
    if not channel_prefixed(w, c) or len(w) < 4:
        return False
    return (
        strip_article(w) != w
        or c.noun_tag(w[1:]) in ("agency", "outlet")
        or registry.lookup_words([w[1:]]) is not None
    )


def split_coordination(
    toks: list[Tok], rng: tuple[int, int], c: Cues, registry: Registry
) -> list[tuple[int, int]]:
    """ "سكان وعمال إغاثة والمرصد السوري": one range per coordinated source (a و-word that is itself a
    source noun or a registry name starts a new one)."""
    first, last = rng
    parts = []
    start = first
    for k in range(first + 1, last + 1):
        w = toks[k].norm
        coordinated = c.language.fused_clitics and w[:1] in c.words("coordinator") and len(w) > 3
        # "والمرصد": the conjunction fused to the article (the noun of "وزارة" starts with و itself)
        fused_article = strip_article(w[1:]) != w[1:] and strip_article(w) == strip_article(w[1:])
        if coordinated and (c.noun_tag_exact(w) is None or fused_article):
            bare = w[1:]
            if (
                c.noun_tag(bare) in SOURCE_KINDS
                or c.is_state(bare)
                or registry.longest_match([bare] + [t.norm for t in toks[k + 1 : last + 1]])
            ):
                parts.append((start, k - 1))
                start = k
    parts.append((start, last))
    return parts


def _skip_mention_end(toks: list[Tok], k: int, c: Cues, registry: Registry) -> int:
    rng = forward(toks, k, c, registry, allow_channel_start=True)
    return rng[1] + 1 if rng else k + 1


def sentence_subject(
    toks: list[Tok], i: int, c: Cues, registry: Registry, text: str
) -> tuple[int, int, Mention] | None:
    """A source opening the sentence with descriptors and a comma before its verb:
    "وكالة “سانا” السورية الرسمية للانباء، نقلت عن ..." (the mention runs up to the comma)."""
    end = i
    if end > 0 and toks[end - 1].norm in c.words("perfect"):
        end -= 1
    if end > 0 and toks[end - 1].norm == ",":
        end -= 1
    first = next((k for k in range(end) if toks[k].is_word), None)
    while first is not None and first < end - 1 and toks[first].norm in c.words("clause_opener"):
        first += 1  # "وكانت وكالة الأنباء " سبوتنيك " الروسية , أكدت"
    if first is None or end - first > 14:
        return None
    rng = forward(toks, first, c, registry)
    if rng is None or rng[1] >= end:
        return None
    mention = classify(toks, *rng, c, registry, text)
    if mention is None or mention.kind not in SOURCE_KINDS:
        return None
    descriptors = [t for t in toks[rng[1] + 1 : end] if t.is_word]
    if len(descriptors) > 5 or any(
        c.verb(t.norm, t.norm) or c.noun_tag(t.norm) in ("stop", "statement") for t in descriptors
    ):
        return None
    last = end - 1
    while last > rng[1] and not toks[last].is_word and toks[last].norm not in ('"', "'"):
        last -= 1
    return rng[0], last, Mention(rng[0], last, mention.entry, mention.kind, mention.hint)


def arabic_preverbal(
    toks: list[Tok], i: int, c: Cues, registry: Registry, text: str
) -> tuple[int, int, Mention] | None:
    """Subject before the verb (SVO): "وكانت وزارة الخارجية قد أعلنت"، "الجيش السوري نفى"."""
    end = i
    if end > 0 and toks[end - 1].norm in c.words("perfect"):
        end -= 1
    comma = end > 0 and toks[end - 1].norm == ","
    if comma:  # "وكانت إيران ، أعلنت" / "وكانت مصادر مطلعة ، قد ذكرت"
        end -= 1
    rng = backward(toks, end, c, text)
    if rng is None:
        return None
    first, last = rng
    if last != end - 1:
        return None
    while first < last and toks[first].norm in c.words("clause_opener"):
        first += 1  # "وظلت وسائل الإعلام تنفي": the opener is not part of the subject
    mention = classify(toks, first, last, c, registry, text)
    if mention is None:
        return None
    opener = toks[first - 1].norm if first > 0 else ""
    clause_start = first == 0 or not toks[first - 1].is_word or opener in c.words("clause_opener")
    if comma and opener not in c.words("clause_opener"):
        return None
    if mention.kind == "person" and not clause_start:
        return None
    if mention.entry is None and mention.kind == "other" and not clause_start:
        return None
    return first, last, mention
