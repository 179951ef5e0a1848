"""Who published an article: metadata first (outlet field, URL domain), else its dateline, credit
line, or signature. The core stores the result in ``Article.outlet`` at ingest time."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rawi.lang import all_languages
from rawi.provenance.cues import cues
from rawi.provenance.registry import Registry, SourceEntry
from rawi.provenance.tokens import Tok, offset_tokens
from rawi.records import Article
from rawi.text import normalize, tokenize_normalized
from rawi.text.dates import find_date
from rawi.text.detect import detect_language

_DASH = r"[-\u2010-\u2015\u2212:]"
_HYPHEN = r"[-\u2010-\u2015\u2212]"  # "دمشق-سانا" takes a dash only: "مصدر الصورة: رويترز" is a photo credit
# PLACE (AGENCY) -   /   (AGENCY) -   at the start of a body; PLACE is up to four words.
# Each PLACE word is taken whole (the lookahead after it): a word that could be cut anywhere into up
# to four "words" made a long run of letters take seconds to refuse (200 letters: 14 s).
_PAREN_DATELINE = re.compile(
    rf"^\W{{0,3}}((?:[^\W\d_][\w.'\u0640\u064b-\u065f]*(?![\w.'\u0640\u064b-\u065f])\s*){{0,4}}?)"
    rf"\s*[(\[]\s*([^()\[\]\n]{{1,60}}?)\s*[)\]]\s*{_DASH}"
)
# PLACE - AGENCY ...   (دمشق-سانا، دمشق - سانا)
_DASH_DATELINE = re.compile(
    rf"^\W{{0,3}}((?:[^\W\d_][\w'\u0640\u064b-\u065f]*(?![\w'\u0640\u064b-\u065f])\s*){{1,3}}?)"
    rf"\s*{_HYPHEN}\s*(?=\S)"
)
_MAX_CREDIT_WORDS = 8
_MAX_CREDIT_CHARS = 1000  # far above any credit line (at most 11 words); bounds the work on one line
# A whitespace-separated chunk holding a letter or digit holds at least one word, so counting them
# refuses long lines before they are tokenized (split, then one search per chunk: linear; the
# pattern \S*[^\W_]\S* rescanned a long chunk without letters from each of its characters).
_WORD_CHAR = re.compile(r"[^\W_]")


def _word_chunks(line: str, limit: int) -> int:
    """Whitespace-separated chunks of ``line`` holding a letter or digit, counted up to ``limit + 1``."""
    count = 0
    for chunk in line.split():
        if _WORD_CHAR.search(chunk):
            count += 1
            if count > limit:
                break
    return count


SIGN_OFF_LINES = 5  # last lines read for a sign-off or a date (a date, "share" may follow the name)


def _anywhere_labels() -> frozenset[str]:
    """One-word credit labels that name the source anywhere in a line when a colon follows them
    (``credit_lines.txt`` entries with the field ``anywhere``: "المصدر :", "Source:")."""
    return frozenset(
        normalize(e.phrase)
        for lang in all_languages()
        for e in lang.entries("credit_lines")
        if e.fields[1:2] == ("anywhere",)
    )


CREDIT_LABELS = _anywhere_labels()


@dataclass(frozen=True)
class Credit:
    """An agency or outlet named by a dateline or credit line: offsets in the text and what it is."""

    start: int
    end: int
    key: str
    kind: str
    entry: SourceEntry | None


@cache
def _generic_credits() -> dict[tuple[str, ...], tuple[str, str]]:
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for lang in all_languages():
        for e in lang.entries("datelines"):
            key = e.fields[0] if e.fields else normalize(e.phrase)
            kind = e.fields[1] if len(e.fields) > 1 else "agency"
            out[tuple(tokenize_normalized(normalize(e.phrase)))] = (key, kind)
    return out


@cache
def _credit_labels() -> list[tuple[tuple[str, ...], str]]:
    labels = [
        (tuple(tokenize_normalized(normalize(e.phrase))), e.tag or "source")
        for lang in all_languages()
        for e in lang.entries("credit_lines")
    ]
    return sorted(labels, key=lambda x: -len(x[0]))  # longest label first


def name_at(text: str, start: int, registry: Registry, *, whole: bool = False) -> Credit | None:
    """The registry name (or generic credit such as "وكالات") that begins at ``text[start:]``.

    With ``whole`` the name must be all the words of the text.
    """
    toks = [t for t in offset_tokens(text[start:]) if t.is_word]
    words = [t.norm for t in toks]
    if not words:
        return None
    hit = registry.longest_match(words)
    n, entry = (hit[0], hit[1]) if hit else (0, None)
    generic = _generic_credits()
    for size in range(min(3, len(words)), 0, -1):
        if size > n and tuple(words[:size]) in generic:
            key, kind = generic[tuple(words[:size])]
            return _credit(start, toks, size, key, kind, None, whole, len(words))
    if entry is None:
        return None
    return _credit(start, toks, n, entry.key, entry.kind, entry, whole, len(words))


def _credit(
    start: int,
    toks: list[Tok],
    n: int,
    key: str,
    kind: str,
    entry: SourceEntry | None,
    whole: bool,
    total: int,
) -> Credit | None:
    if whole and n != total:
        return None
    return Credit(start + toks[0].start, start + toks[n - 1].end, key, kind, entry)


def parse_dateline(text: str, registry: Registry) -> Credit | None:
    """The agency of a dateline at the start of ``text``: "بيروت (رويترز) -", "دمشق-سانا", "(AFP) -"."""
    head = text[:200]
    m = _PAREN_DATELINE.match(head)
    if m:
        inner = m.group(2)
        credit = name_at(head, m.start(2), registry, whole=True)
        if credit is None and len(inner) <= 40:
            # "(أ ف ب)" style initials with dots or slashes between letters
            credit = name_at(re.sub(r"[./]", " ", head[: m.end(2)]), m.start(2), registry, whole=True)
        if credit:
            return credit
    m = _DASH_DATELINE.match(head)
    if m:
        credit = name_at(head, m.end(), registry)
        if credit:
            rest = head[credit.end : credit.end + 3]
            punctuation = bool(rest) and unicodedata.category(rest[0]) in ("Pd", "Po")  # - : , ، .
            if not rest or rest[0].isspace() or punctuation or re.match(_HYPHEN, rest):
                return credit
    return None


def parse_credit_line(line: str, registry: Registry) -> Credit | None:
    """The outlet a credit line names: "المصدر: وكالة الأناضول", "Source: Reuters", "- سانا"."""
    if _word_chunks(line, _MAX_CREDIT_WORDS + 3) > _MAX_CREDIT_WORDS + 3:
        return None  # a paragraph, not a credit line
    toks = offset_tokens(line)
    words = [t for t in toks if t.is_word]
    if not words or len(words) > _MAX_CREDIT_WORDS + 3:
        return None
    norms = [t.norm for t in words]
    for label, role in _credit_labels():
        if tuple(norms[: len(label)]) == label:
            if role == "byline":  # "بقلم: سامر أحمد - الجزيرة نت", "By Jane Doe, Reuters"
                return _outlet_in_byline(line, words[len(label) :], registry)
            if role != "source":
                return None
            after = words[len(label)].start if len(words) > len(label) else len(line)
            return name_at(line, after, registry) or _unknown_credit(line, after)
    # a bare signature: the whole short line is a registry name, maybe in brackets or after a dash
    return name_at(line, words[0].start, registry, whole=True)


def _outlet_in_byline(line: str, words: list[Tok], registry: Registry) -> Credit | None:
    """The registry name in a byline after the writer's name (the writer is a person, not an outlet)."""
    found = registry.find_in([t.norm for t in words])
    if found is None or (found[0] == 0 and len(words) > found[1]):
        return None
    start, end, entry = found
    return Credit(words[start].start, words[end - 1].end, entry.key, entry.kind, entry)


def _unknown_credit(line: str, start: int) -> Credit | None:
    """A credit naming an outlet the registry does not know: the name as written becomes the key."""
    rest = line[start:].strip(" :-–—()[]\"'")
    words = tokenize_normalized(normalize(rest))
    if not words or len(words) > _MAX_CREDIT_WORDS:
        return None
    begin = line.index(rest, start)
    return Credit(begin, begin + len(rest), " ".join(rest.split()), "outlet", None)  # as written


# A masthead line over the text: the outlet's name, then its date (maybe after a city or a weekday)
# or its web domain: "صحيفة الأفق - الدوحة، الأحد 4 أكتوبر 2026", "Gulf Business Wire | October 5,
# 2026", "**مرصاد للتحقق** | 14 أغسطس 2025", "موقع الأطلس - atlas.example - 12.08.2025".
_MASTHEAD_SEPARATOR = re.compile(r"\s+[-\u2013\u2014\u00b7]\s+|\s*\|\s*")
_MASTHEAD_CHARS = 120
_MASTHEAD_NAME_WORDS = 6
_MASTHEAD_DATE_WORDS = 8  # city, weekday, day, month, year, time: what may follow the name
_MARKUP = re.compile(r"[<>\[\]{}]")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$", re.ASCII)


def parse_masthead(line: str, registry: Registry) -> Credit | None:
    """The outlet a masthead line names: its first part, when what follows is its date or its web
    domain. A first part of one word before another name is more likely a place ("القاهرة - المركز
    الإعلامي للوزارة - 4 يونيو 2026"), and a longer line is a sentence: neither names an outlet."""
    if len(line) > _MASTHEAD_CHARS:
        return None
    # Markdown emphasis and headings around a part ("**مرصاد للتحقق** | …"); inside a name it stays,
    # so the name is still a slice of the line
    parts = [p.strip(" *_#") for p in _MASTHEAD_SEPARATOR.split(line)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    name, rest = parts[0], parts[1:]
    if _MARKUP.search(name):  # no outlet's name holds markup: "<script>…</script> | 12.08.2025"
        return None
    name_words = tokenize_normalized(normalize(name))
    # a name may hold a number ("لبنان 24 ساعة", "المنارة 24"), not start with one (a date, a time)
    if not name_words or len(name_words) > _MASTHEAD_NAME_WORDS or name_words[0].isdigit():
        return None
    dated = find_date(" ".join(rest)) is not None
    if not (dated or _DOMAIN.match(rest[0])):
        return None
    if dated and len(tokenize_normalized(normalize(" ".join(p for p in rest if not _DOMAIN.match(p))))) > (
        _MASTHEAD_DATE_WORDS
    ):
        return None
    if len(parts) > 2 and len(name_words) == 1 and not _DOMAIN.match(parts[1]):
        return None
    begin = line.index(name)
    entry = registry.resolve(name)
    if entry is not None:
        return Credit(begin, begin + len(name), entry.key, entry.kind, entry)
    return Credit(begin, begin + len(name), " ".join(name.split()), "outlet", None)  # as written


def detect_outlet(article: Article, registry: Registry) -> str | None:
    """Registry key (else the name as written) of the article's outlet, or ``None`` when nothing says.

    Order: the ``outlet`` metadata field, the URL's domain, a dateline at the start of the body,
    a byline of a known outlet at the top, a masthead (the name over its date), a credit line or
    signature in the last lines.
    """
    if article.outlet and article.outlet.strip():
        entry = registry.resolve(article.outlet)
        return entry.key if entry else " ".join(article.outlet.split())  # as written, for display
    if article.url:
        entry = registry.from_url(article.url)
        if entry:
            return entry.key
    body = article.text or ""
    lines = [ln for ln in body.splitlines() if ln.strip()]
    # a dateline alone on the first line of a file was taken for its title ("دمشق-سانا")
    head = ([article.title] if article.title and len(article.title) < 80 else []) + lines[:2]
    for line in head:
        credit = parse_dateline(line.strip(), registry)
        if credit:
            return credit.key
    for line in lines[:3]:  # a byline at the top: "بقلم: سامر أحمد - الجزيرة نت"
        credit = parse_credit_line(line.strip(), registry) if len(line) < 120 else None
        if credit and credit.entry is not None:
            return credit.key
    for line in lines[:3]:  # a masthead: "صحيفة الأفق - الدوحة، الأحد 4 أكتوبر 2026"
        credit = parse_masthead(line.strip(), registry)
        if credit:
            return credit.key
    # a sign-off at the end ("سانا" alone, "المصدر: ..."), maybe before a date and share buttons
    for line in reversed(lines[-SIGN_OFF_LINES:]):
        # a credit or signature line is short: a line of a megabyte was tokenized whole (4.6 s)
        credit = parse_credit_line(line.strip(), registry) if len(line) <= _MAX_CREDIT_CHARS else None
        if credit:
            return credit.key
    return None


def article_date(article: Article) -> str | None:
    """The article's date: its ``published`` field, else a date written on one of its last lines
    ("07.09.2017 19:19" under the text), which ingest does not read."""
    if article.published:
        return article.published
    from rawi.ingest.metadata import find_date

    lines = [ln.strip() for ln in (article.text or "").splitlines() if ln.strip()]
    for line in reversed(lines[-SIGN_OFF_LINES:]):
        if len(line) <= 60:
            found = find_date(line)
            if found:
                return found
    return None


_MIDLINE_DATELINE = re.compile(r"[(\[]\s*([^()\[\]\n]{1,40}?)\s*[)\]]\s*[-\u2010-\u2015]")


# A teaser cut short (". . ." or "…") on a scraped page: what follows starts another article.
_TEASER_END = re.compile(r"(?:\.\s*\.\s*\.|…)\s*")


def _after_teasers(text: str, registry: Registry) -> list[Credit]:
    """Datelines and agency credits that open the next article after a cut teaser: "... وكالات -
    ذكرت", "... د ب أ أعلنت" (an agency name there is a credit, dash or not)."""
    found = []
    for m in _TEASER_END.finditer(text):
        start = m.end()
        if start >= len(text):
            break
        credit = parse_dateline(text[start:], registry)
        if credit is None:
            named = name_at(text[start : start + 80], 0, registry)
            credit = named if named is not None and named.kind == "agency" else None
        if credit is not None:
            span = (start + credit.start, start + credit.end)
            found.append(Credit(*span, credit.key, credit.kind, credit.entry))
    return found


def credits_in(text: str, toks: list[Tok], registry: Registry) -> list[Credit]:
    """Datelines and credit lines anywhere in a line (scraped pages put them after clutter):
    "بيروت (رويترز) -", "دمشق-سانا" at the start, "المصدر : الأناضول - السورية نت"."""
    found: list[Credit] = []
    first = parse_dateline(text, registry)
    if first:
        found.append(first)
    for m in _MIDLINE_DATELINE.finditer(text):
        credit = name_at(text, m.start(1), registry, whole=True) or name_at(
            re.sub(r"[./]", " ", text[: m.end(1)]), m.start(1), registry, whole=True
        )
        if credit and all(credit.start != f.start for f in found):
            found.append(credit)
    for credit in _after_teasers(text, registry):
        if all(credit.start != f.start for f in found):
            found.append(credit)
    for k in range(len(toks) - 2):
        if toks[k].norm in CREDIT_LABELS and toks[k + 1].norm == ":":
            start = toks[k + 2].start
            while start is not None:
                credit = name_at(text, start, registry)
                if credit is None:
                    break
                found.append(credit)
                rest = text[credit.end :]
                dash = re.match(r"\s*[-\u2010-\u2015]\s*", rest)
                start = credit.end + dash.end() if dash else None
    return found


def outlet_identity(name: str, registry: Registry | None) -> str | None:
    """What two spellings of one outlet share: its registry key when the registry knows it, else its
    name words without the kind nouns that lead them, so that "موقع هدف المغرب" (an outlet line) and
    "هدف المغرب" (a citation) are one outlet; ``None`` when only kind nouns are left ("الصحيفة")."""
    entry = registry.resolve(name) if registry is not None else None
    if entry is not None:
        return entry.key
    words = tokenize_normalized(normalize(name))
    c = cues(detect_language(name).code or "en")
    while words and (c.noun_tag(words[0]) in ("agency", "outlet") or words[0] in c.language.stopwords):
        words = words[1:]
    return " ".join(words) or None
