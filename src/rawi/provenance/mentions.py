"""Source mention boundaries: the noun phrase after (Arabic) or before (English) a reporting verb,
up to a stop — a complementizer (إن/أن/that), punctuation, a time word, a relative clause."""

from __future__ import annotations

from dataclasses import dataclass

from rawi.lang import all_languages
from rawi.provenance.cues import Cues
from rawi.provenance.registry import Registry, SourceEntry
from rawi.provenance.tokens import Tok, clitic_variants, strip_article

MAX_WORDS = 9
_QUOTES = {'"', "'"}
# What opens the reported content after a source: every language's complementizers (أن، that), a
# colon or a quote mark.
COMPLEMENT = frozenset(
    {":", '"', "'"}.union(*(lang.words("grammar", "complementizer") for lang in all_languages()))
)
# Kinds a reported source can be (the noun tags of source_nouns.txt); a noun phrase may also be
# headed by a person or some other named thing.
SOURCE_KINDS = frozenset(
    {
        "agency",
        "outlet",
        "government",
        "military",
        "official",
        "armed_group",
        "international_org",
        "ngo",
        "witness",
        "anonymous",
    }
)
_NP_KINDS = SOURCE_KINDS | {"person", "other"}


@dataclass
class Mention:
    first: int  # token index of the first token of the mention
    last: int  # token index of the last token (inclusive)
    entry: SourceEntry | None
    kind: str | None
    hint: str | None = None  # "reports" for hearsay sources (تقارير، أنباء)


def _words(toks: list[Tok], first: int, last: int) -> list[str]:
    return [t.norm for t in toks[first : last + 1] if t.is_word]


def classify(
    toks: list[Tok], first: int, last: int, cues: Cues, registry: Registry, original: str
) -> Mention | None:
    """A :class:`Mention` when tokens ``first..last`` look like a source, else ``None``."""
    words = _words(toks, first, last)
    if not words or _nonspeaker(words[0], cues):
        return None
    if cues.language.head_first and all(_quantifier(w, cues) or w in cues.words("partitive") for w in words):
        return None  # "ولا ينفي أحد": a quantity with no one it counts
    found = registry.find_in(words)
    entry = found[2] if found else None
    if found and found[1] - found[0] == 1 and cues.noun_tag(words[found[0]]) in ("other", "statement"):
        entry = None  # "وأوضح البيان": the statement, not the paper that a registry name calls "البيان"
    tags = [cues.noun_tag(w) for w in words]
    for m in cues.noun_phrases.find(words):  # multi-word source nouns: "الدفاع المدني"
        tags[m.start] = m.entry.tag
    head_tag = None
    if cues.language.head_first:
        # Arabic is head-first: the first word (after a quantifier such as أحد/بعض) decides; a
        # source noun deeper in the phrase ("نجاح استراتيجية الجيش") does not make it a source.
        h = 0
        while h < len(words) - 1 and _quantifier(words[h], cues):
            h += 1
            if h < len(words) - 1 and words[h] in cues.words("partitive"):
                h += 1  # "عدد من الناشطين": the quantity, "of", then the head
        if tags[h] is None and cues.is_state(words[h]):
            tags[h] = "government"  # "وتنفي الصين": a state speaking for its government
        head_tag = tags[h] if tags[h] in _NP_KINDS else None
        if entry is not None and found[0] > h and head_tag is None:
            entry = None
        named = _name_then_title(toks[first : last + 1], tags, cues, original)
        if head_tag is None and entry is None and named:
            return Mention(first, last, None, "official")  # "إيغال بالمور المتحدث باسم الوزارة"
        if (
            head_tag is None
            and entry is None
            and not _looks_like_name(toks[first : last + 1], cues, original)
        ):
            return None
    else:
        kinds = [t for t in tags if t in _NP_KINDS]
        if any(t in ("anonymous", "witness") for t in kinds):
            head_tag = next(t for t in kinds if t in ("anonymous", "witness"))
        elif kinds:
            head_tag = kinds[-1]  # English is head-last: "the defence ministry"
    anon = cues.anonymous.find(words)
    hint = None
    if anon and not (entry is not None and anon[0].start > 0):  # "وكالة الأنباء X": a name, not hearsay
        e = anon[0].entry
        if e.tag != "clause":
            hint = e.fields[1] if len(e.fields) > 1 else None
            head_tag = head_tag if head_tag not in (None, "other") else e.tag
    if head_tag in ("anonymous", "witness"):
        kind: str | None = head_tag
    elif entry is not None:
        kind = "other" if entry.kind == "institution" else entry.kind
    elif head_tag:
        kind = head_tag
    elif _looks_like_name(toks[first : last + 1], cues, original):
        kind = "person"
    else:
        return None
    if kind == "other" and head_tag == "other" and not hint:
        hint = _collective_hint(words[0], cues)
    return Mention(first, last, entry, kind, hint)


def _nonspeaker(word: str, cues: Cues) -> bool:
    """A head word that never names a speaker ("خشية اعتقالهم", "عبر الهاتف", "fear")."""
    nonspeakers = cues.words("nonspeaker")
    variants = clitic_variants(word) if cues.language.fused_clitics else (word,)
    return any(v in nonspeakers or strip_article(v) in nonspeakers for v in variants)


def _name_word(word: str, cues: Cues, *, first: bool = True) -> bool:
    """Whether a word can be part of a person's name: not a noun carrying an attached pronoun
    (اعتقالهم، قيادييها) and, as the first word, not a thing in the plural (مروحيات), for languages
    whose lists give those suffixes."""
    if len(word) < 5:
        return True
    endings = cues.words("pronoun_suffix") | (cues.words("plural_suffix") if first else frozenset())
    return not any(e and word.endswith(e) for e in endings)


def _quantifier(word: str, cues: Cues) -> bool:
    """أحد، بعض، عدد — also with a fused preposition (لعدد، لبعض)."""
    return any(v in cues.words("quantifier") for v in clitic_variants(word))


def _name_then_title(toks: list[Tok], tags: list[str | None], cues: Cues, original: str) -> bool:
    """A personal name of up to three words, then his title: "فلان الفلاني المتحدث باسم الوزارة"
    (``tags`` are the noun tags of the word tokens)."""
    words = [t for t in toks if t.is_word]
    return any(
        tags[p] == "official" and _looks_like_name(words[:p], cues, original)
        for p in range(1, min(4, len(words)))
    )


def _collective_hint(word: str, cues: Cues) -> str | None:
    anon = cues.anonymous.find([word])
    if anon and len(anon[0].entry.fields) > 1:
        return anon[0].entry.fields[1]
    return None


def _looks_like_name(toks: list[Tok], cues: Cues, original: str) -> bool:
    """A person's name: English capitalized words; Arabic words without the article (names rarely
    carry it) that are not stopwords."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 5:
        return False
    stop = cues.language.stopwords
    if cues.language.capitalized_names:
        return (
            all(original[t.start].isupper() or t.norm in cues.words("np_internal") for t in words)
            and original[words[0].start].isupper()
        )
    if len(words) > 1 and clitic_variants(words[0].norm)[-1] in cues.words("kunya"):
        words = words[1:]  # "أبو محمد", "أم أحمد": a kunya, then the name it is built on
    first = words[0].norm
    bare = clitic_variants(first)[-1]
    if first in stop or bare in stop or strip_article(first) != first or len(bare) < 3:
        return False
    if any(ch.isdigit() for t in words for ch in t.norm):
        return False
    if len(words) == 1 and any(first.endswith(x) for x in cues.words("adverb_suffix") if x):
        return False  # accusative adverbs: مرارا، زورا، رسميا
    if not all(_name_word(t.norm, cues, first=i == 0) for i, t in enumerate(words)):
        return False
    return all(strip_article(t.norm) == t.norm or i > 0 for i, t in enumerate(words))


def channel_bare(tok: Tok, cues: Cues) -> str | None:
    """The word without the fused preposition of a channel (لوكالة → وكالة، للصحيفة → صحيفة), or
    ``None`` when it carries none."""
    prefix = next((p for p in cues.words("channel_prefix") if p and tok.norm.startswith(p)), None)
    if not cues.language.fused_clitics or not tok.is_word or prefix is None or len(tok.norm) < 4:
        return None
    bare = tok.norm[len(prefix) :]
    if strip_article(tok.norm) != tok.norm and strip_article(bare) == bare:
        bare = tok.norm[2 * len(prefix) :]  # لل: the preposition fused with the article
    return bare


def is_channel(tok: Tok, cues: Cues, registry: Registry) -> bool:
    """An Arabic word with the preposition ل that introduces a relay channel: لوكالة، لرويترز، لمراسل."""
    bare = channel_bare(tok, cues)
    if bare is None:
        return False
    # the word as written first: "للميادين" keeps the article a name such as "الميادين" needs
    entry = registry.lookup_words([tok.norm]) or registry.lookup_words([bare])
    if entry is not None:
        return entry.kind in ("agency", "outlet")
    return cues.noun_tag(bare) in ("agency", "outlet")


def forward(
    toks: list[Tok], j: int, cues: Cues, registry: Registry, *, allow_channel_start: bool = False
) -> tuple[int, int] | None:
    """Token range of the mention starting at ``j`` (Arabic after a verb; English after a frame)."""
    n = len(toks)
    head_first = cues.language.head_first
    if j < n and toks[j].norm in _QUOTES:  # a name wrapped in quotes: the quotes stay outside
        k = j + 1
        while k < n and toks[k].is_word and k - j <= MAX_WORDS:
            k += 1
        if k < n and k > j + 1 and toks[k].norm in _QUOTES:
            return j + 1, k - 1
        return None
    # a preposition written apart before a name: لـ "سانا"
    if j < n and toks[j].is_word and toks[j].norm in cues.words("free_preposition"):
        j += 1
        while j < n and not toks[j].is_word:
            j += 1
    last = None
    k = j
    count = 0
    head_tag = None
    definite = False  # Arabic: once the phrase is definite only agreeing adjectives may follow
    head_count = 0  # words since the current head (a coordinated source starts a new head)
    link = False  # after باسم / في / من the next word is a genitive, whatever it looks like
    while k < n and count < MAX_WORDS:
        t = toks[k]
        if head_first and count == 0 and t.is_word and _quantifier(t.norm, cues):
            # "أحد العاملين", "لعدد من الناشطين": the quantity (not الأحد, Sunday), then the head
            last, count, k, link = k, 1, k + 1, True
            if k < n and toks[k].norm in cues.words("partitive"):
                last, count, k = k, 2, k + 1
            continue
        if head_first and t.is_word and not link:
            hit = registry.longest_match(
                [x.norm for x in toks[k : k + registry.max_name_words] if x.is_word], 0
            )
            if (
                hit
                and all(x.is_word for x in toks[k : k + hit[0]])
                and (count == 0 or (not definite and not is_channel(t, cues, registry)))
            ):
                last, count, definite = k + hit[0] - 1, count + hit[0], True
                head_tag = head_tag or hit[1].kind
                k += hit[0]
                continue
            named = _coordinated_name(toks, k, cues, registry) if count > 0 else 0
            if named:  # "الحكومة وحزب الله": a registered name starts a new source, whole
                last, count, definite, head_count = k + named - 1, count + named, True, named
                k += named
                continue
            coordinated = count > 0 and _coordinated_source(t.norm, cues)
            if coordinated:  # "سكان وعمال إغاثة": a new head, split off later by the caller
                definite, head_count = False, 0
            if count > 0 and not coordinated and not _arabic_continues(t.norm, definite, head_count, cues):
                if definite and head_tag == "official":  # "الرئيس السوري بشار الأسد": the name
                    named = _name_after_title(toks, k, cues)
                    if named > k:
                        last, k = named - 1, named
                break
        if not t.is_word:
            if t.norm in _QUOTES and last is not None:
                close = k + 1
                while close < n and toks[close].is_word and close - k <= 5:
                    close += 1
                if close < n and toks[close].norm in _QUOTES and close > k + 1:
                    last = close
                    k = close + 1
                    continue
            if (
                t.norm in ("-", ".")
                and last is not None
                and k + 1 < n
                and toks[k + 1].is_word
                and not head_first
            ):
                k += 1
                continue
            break
        tag = cues.noun_tag(t.norm)
        if tag in ("stop", "statement", "aux") and t.norm not in cues.words("np_internal"):
            break
        if cues.verb(t.norm, t.norm) and count > 0:
            break
        if t.norm in cues.words("np_break"):
            # anonymous sources, officials and experts take a place or a field: "مصدر في
            # الوزارة", "الباحث في الشأن الروسي"; a name or an institution ends before it
            if head_tag not in ("anonymous", "official", "person") or k + 1 >= n:
                break
            nxt = cues.noun_tag(toks[k + 1].norm)
            unknown = (
                nxt in ("statement", "stop", None) and registry.longest_match([toks[k + 1].norm]) is None
            )
            if unknown and (nxt is not None or strip_article(toks[k + 1].norm) == toks[k + 1].norm):
                break
        if count > 0 and is_channel(t, cues, registry) and not allow_channel_start:
            break
        if count > 0 and t.norm in cues.words("verb_after_subject"):
            break
        if head_tag is None and tag in _NP_KINDS:
            head_tag = tag
        link = head_first and t.norm in cues.words("np_link")
        head_count += 1
        if head_first and (strip_article(t.norm) != t.norm or cues.is_state(t.norm)):
            definite = True  # the article, or a state's name (a proper noun: "روسيا الاتحادية")
        last = k
        count += 1
        k += 1
    if last is None:
        return None
    while last > j and head_first and toks[last].norm in cues.words("np_link"):
        last -= 1
    while last > j and toks[last].is_word and toks[last].norm in cues.words("np_internal"):
        last -= 1
    return j, last


def _name_after_title(toks: list[Tok], k: int, cues: Cues) -> int:
    """End (exclusive) of a personal name of up to three words starting at ``k`` after a title:
    the first word bare (no article, not a function word), the others possibly with the article
    (family names: الأسد). ``k`` itself when no name follows."""
    end = k
    while end < len(toks) and end - k < 3 and toks[end].is_word:
        w = toks[end].norm
        bare = strip_article(w)
        if (
            (end == k and bare != w)
            or len(bare) < 3
            or w in cues.language.stopwords
            or cues.noun_tag(w) is not None
            or cues.verb(w, w)
            or not _name_word(w, cues)
            or _adjective_like(w, cues)
            or any(ch.isdigit() for ch in w)
        ):
            break
        end += 1
    return end


def _adjective_like(word: str, cues: Cues) -> bool:
    """Nisba adjectives (السوري، المحلية، محليون) and participles (المتداولة، مطلع، مسلحة), by the
    ``adjective_suffix`` / ``adjective_prefix`` entries of the language's grammar list (a suffix
    entry ``-X`` excludes words ending in X: ``-ايه`` keeps رواية out)."""
    bare = strip_article(word)
    suffixes = cues.words("adjective_suffix")
    if any(bare.endswith(x) for x in suffixes if x and not x.startswith("-")) and not any(
        bare.endswith(x[1:]) for x in suffixes if x.startswith("-")
    ):
        return True
    return any(bare.startswith(p) for p in cues.words("adjective_prefix") if p) and len(bare) >= 4


def _coordinated_source(word: str, cues: Cues) -> bool:
    """ "وعمال", "والمرصد": a conjunction glued to a source noun that is not itself a word in و."""
    return (
        any(word.startswith(x) for x in cues.words("coordinator") if x)
        and len(word) > 3
        and cues.noun_tag_exact(word) is None
        and (cues.noun_tag(word[1:]) in _NP_KINDS or cues.is_state(word[1:]))  # one-letter coordinators
    )


def _coordinated_name(toks: list[Tok], k: int, cues: Cues, registry: Registry) -> int:
    """Words of a registry name glued to a conjunction at ``k`` ("الحكومة السورية وحزب الله"),
    which starts a new source; 0 when there is none."""
    w = toks[k].norm
    if not any(w.startswith(x) for x in cues.words("coordinator") if x) or len(w) < 4:
        return 0
    following = toks[k + 1 : k + registry.max_name_words]
    if not all(t.is_word for t in following[: registry.max_name_words - 1]):
        following = following[: next(i for i, t in enumerate(following) if not t.is_word)]
    hit = registry.longest_match([w[1:]] + [t.norm for t in following], 0)
    return hit[0] if hit else 0


def _arabic_continues(word: str, definite: bool, count: int, cues: Cues) -> bool:
    """Whether ``word`` still belongs to an Arabic noun phrase: after a definite phrase only definite
    adjectives agree ("الجيش السوري" but not "الجيش الخبر"); an indefinite head takes one genitive
    or name word ("وزارة النقل", "وكالة رويترز") or indefinite adjectives ("مصادر أهلية")."""
    if word in cues.words("np_link") or cues.noun_tag(word) in ("stop", "statement"):
        return True  # decided by the general rules
    is_definite = strip_article(word) != word
    if definite:
        return is_definite and _adjective_like(word, cues)
    return is_definite or _adjective_like(word, cues) or count == 1


def backward(toks: list[Tok], end: int, cues: Cues, original: str) -> tuple[int, int] | None:
    """Token range of the mention ending just before ``end`` (English subjects, Arabic SVO)."""
    k = end - 1
    while k >= 0 and toks[k].is_word and cues.noun_tag(toks[k].norm) == "aux":
        k -= 1
    clause = _clause_ending_at(toks, k, cues)
    if clause is not None:
        k = clause - 1
        while k >= 0 and not toks[k].is_word and toks[k].norm == ",":
            k -= 1
    named = _anonymous_ending_at(toks, k, cues)
    if named is not None:
        return named, k
    last = k
    count = 0
    while k >= 0 and count < MAX_WORDS:
        t = toks[k]
        if not t.is_word:
            if not cues.language.head_first and t.norm == "-" and k > 0 and toks[k - 1].is_word:
                k -= 1
                continue
            if t.norm == ")" and k > 1 and toks[k - 1].is_word and toks[k - 2].norm == "(" and count == 0:
                k -= 3  # "the Syrian Democratic Forces (SDF)": the acronym belongs to the name
                continue
            break
        tag = cues.noun_tag(t.norm)
        if tag in ("stop", "statement") and t.norm not in cues.words("np_internal"):
            break
        verb = cues.verb(t.norm, t.norm)
        if verb and count > 0 and (cues.language.inflected_verbs or t.norm != verb.lemma):
            break  # English bare forms ("the state news agency") are nouns here
        if t.norm not in cues.words("np_internal") and t.norm in cues.language.stopwords:
            break
        k -= 1
        count += 1
    first = k + 1
    if last < first:
        return None
    while first < last and cues.language.capitalized_names and toks[first].norm in cues.words("conjunction"):
        first += 1
    if (
        cues.language.capitalized_names
        and not original[toks[first].start].isupper()
        and toks[first].norm not in cues.words("determiner")
    ):
        # lowercase start: trim to the first capitalized word or determiner, when there is one
        for i in range(first, last + 1):
            if original[toks[i].start].isupper() or toks[i].norm in cues.words("determiner"):
                first = i
                break
    return first, last


def _clause_ending_at(toks: list[Tok], k: int, cues: Cues) -> int | None:
    """Start index of an anonymity clause ("who asked not to be named") ending at token ``k``."""
    words = [t.norm for t in toks[: k + 1]]
    for m in cues.anonymous.find(words):
        if m.entry.tag == "clause" and m.end == k + 1:
            return m.start
    return None


# Words of the field that follows an anonymous source's open preposition ("a person familiar with
# the aircraft's technical logs told AeroBrief").
FIELD_WORDS = 6


def _anonymous_ending_at(toks: list[Tok], k: int, cues: Cues) -> int | None:
    """Start of a listed anonymous source ("a source familiar with the matter") ending at ``k``, or
    of one that ends in a preposition opening its field ("a person familiar with" + "the logs":
    grammar role ``opens_field``), the field running to ``k`` within FIELD_WORDS words."""
    words = [t.norm for t in toks[: k + 1]]
    opens = cues.words("opens_field")
    inside = cues.words("np_internal")
    for m in cues.anonymous.find(words):
        if m.entry.tag == "clause" or m.end - m.start < 2:
            continue
        if m.end == k + 1:
            return m.start
        field = toks[m.end : k + 1]
        if (
            words[m.end - 1] in opens
            and 0 < len(field) <= FIELD_WORDS
            and all(t.is_word or t.norm in inside for t in field)
        ):
            return m.start
    return None


def has_complement(toks: list[Tok], k: int, window: int = 4) -> bool:
    return any(t.norm in COMPLEMENT for t in toks[k : k + window])


def nearest_before(drafts: list, token: int) -> int | None:
    best = None
    for i, d in enumerate(drafts):
        if d.mention.last < token and not d.dateline:
            best = i
    return best
