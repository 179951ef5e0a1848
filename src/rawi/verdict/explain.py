"""The verdict's explanation, in the claim's language: which origins say what, the deciding
sentences, and which rule gave the label. Sentences come from ``rawi/lang/<code>/explanations.txt``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from rawi.lang import available, get

if TYPE_CHECKING:
    from rawi.verdict.decide import OriginWeight

MAX_QUOTE = 240
MAX_LISTED = 4


@cache
def templates(language: str) -> dict[str, str]:
    code = language if language in available() else "en"
    table = {e.phrase: e.fields[0] for e in get(code).entries("explanations") if e.fields}
    if code != "en":  # a sentence a language does not have yet is said in English
        return {**templates("en"), **table}
    return table


def _name(o: OriginWeight, names: Mapping[str, str], articles: str) -> str:
    name = o.label or names.get(o.key, o.key)
    n = len(o.articles)
    if n == 1:
        return name if name == o.articles[0] else f"{name} ({o.articles[0]})"
    shown = ", ".join(o.articles[:MAX_LISTED]) + (", …" if n > MAX_LISTED else "")
    return f"{name} ({n} {articles}: {shown})"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def explain(
    why: str,
    weighed: Sequence[OriginWeight],
    unrelated: int,
    weak: int,
    names: Mapping[str, str],
    quotes: Mapping[str, str],
    language: str = "en",
    sources: Sequence[str] = (),
    doubted: Sequence[str] = (),
) -> str:
    """One paragraph a person can check; ``sources``: the outlets the claim names whose own reports
    do not say it (the rule "source_silent" names them); ``doubted``: the articles that read as a
    denial rawi could not tie to the claim (the rule "doubted" names them)."""
    t = templates(language)
    parts: list[str] = []
    if not weighed:
        parts.append(t["none"])
    else:
        articles = len({a for o in weighed if not o.via_party_denial for a in o.articles})
        parts.append(t["traced"].format(articles=articles, origins=len(weighed)))
    for stance in ("agree", "disagree", "discuss"):
        group = [o for o in weighed if o.stance == stance]
        if not group:
            continue
        listed = "; ".join(
            t["party"].format(party=o.label or names.get(o.key, o.key), article=o.articles[0])
            if o.via_party_denial
            else _name(o, names, t["articles"])
            for o in group
        )
        parts.append(t[stance].format(n=len(group), names=listed))
    if sources or doubted:
        parts.append(t[why].format(source=f" {t['or']} ".join(sources), articles=", ".join(doubted)))
    else:
        parts.append(t[why])
    deciding = [o for o in weighed if o.stance in ("agree", "disagree")]
    deciding.sort(key=lambda o: -o.strength)
    shown = 0
    for o in deciding:
        article = next((a for a in o.articles if quotes.get(a)), None)
        if article and shown < 2:
            parts.append(t["quote"].format(article=article, quote=_quote(quotes[article])))
            shown += 1
    if unrelated:
        parts.append(t["unrelated"].format(n=unrelated))
    if weak:
        parts.append(t["weak"].format(n=weak))
    return " ".join(parts)
