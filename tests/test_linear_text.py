"""Text stages on hostile shapes of text (long runs of punctuation, one endless word, brackets):
the same answers as the patterns they replace, and inputs far past where the old patterns stalled
(32k "!" took 19 s to split; 200 letters took 14 s to refuse as a dateline) go through."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.provenance import Registry, detect_outlet
from rawi.provenance.outlet import _DASH_DATELINE, _PAREN_DATELINE
from rawi.records import Article
from rawi.text import split_sentences
from rawi.text.segment import _boundary_re, _is_false_stop

_LETTERS = "\u0640\u064b-\u065f"
OLD_PAREN = re.compile(
    rf"^\W{{0,3}}((?:[^\W\d_][\w.'{_LETTERS}]*\s*){{0,4}}?)\s*[(\[]\s*([^()\[\]\n]{{1,60}}?)\s*[)\]]\s*"
    r"[-\u2010-\u2015\u2212:]"
)
OLD_DASH = re.compile(
    rf"^\W{{0,3}}((?:[^\W\d_][\w'{_LETTERS}]*\s*){{1,3}}?)\s*[-\u2010-\u2015\u2212]\s*(?=\S)"
)
TEXT = st.text(alphabet="سدقال .!?؟…\"»)'(-\n\tU1ـ:", max_size=40)


def old_split(text: str) -> list[str]:
    """The splitter as it was, with the (?=\\s) lookahead, as the reference on short text."""
    pattern = re.compile(_boundary_re().pattern.replace("*|\\n+", "*(?=\\s)|\\n+"))
    out, start = [], 0
    for m in pattern.finditer(text):
        if m.group(0)[0] != "\n" and _is_false_stop(text, m.start(), m.group(0)):
            continue
        out.append(text[start : m.end()])
        start = m.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip() and re.search(r"\w", s)]


@settings(max_examples=300, deadline=2000)
@given(TEXT)
def test_sentence_boundaries_are_those_of_the_old_pattern(text: str) -> None:
    assert [s.text for s in split_sentences(text)] == old_split(text)


@settings(max_examples=300, deadline=2000)
@given(TEXT)
def test_dateline_patterns_match_as_the_old_ones(text: str) -> None:
    for old, new in ((OLD_PAREN, _PAREN_DATELINE), (OLD_DASH, _DASH_DATELINE)):
        a, b = old.match(text), new.match(text)
        assert (a and (a.groups(), a.end())) == (b and (b.groups(), b.end()))


HOSTILE = {
    "exclamations": "!" * 200_000,
    "ellipses": "…" * 200_000,
    "closers": "." + "»" * 200_000,
    "one long word": "س" * 200_000,
    "open brackets": "(" * 200_000,
    "dashes": "-" * 200_000,
    "dotted letters": "أ." * 100_000,
}


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_long_hostile_runs_are_split_and_their_outlet_looked_for(shape: str) -> None:
    text = f"عنوان\n{HOSTILE[shape]}\nقال الوزير إن السد انهار. ثم غادر"
    sentences = split_sentences(text)
    assert sentences[0].text == "عنوان" and sentences[-1].text == "ثم غادر"
    assert detect_outlet(Article(id="x", text=text), Registry.load()) is None
