"""One reader per format. Each takes the decoded text of a file and yields Articles and Problems;
a bad record is a Problem for that record only, and the reader goes on with the next one."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rawi.ingest.html import extract_page
from rawi.ingest.metadata import date_from_lines, date_from_spans, is_boilerplate, parse_date_field
from rawi.ingest.options import IngestOptions
from rawi.records import Article, Problem
from rawi.text import detect_language

Item = Article | Problem


@dataclass(frozen=True)
class Source:
    """A file being read: its article id base (relative path), its path as given, its encoding."""

    rel_id: str
    path: str
    encoding: str


LANGUAGE_SAMPLE = 400  # characters enough to tell scripts apart; detection counts letter by letter


def _language(title: str | None, text: str) -> str | None:
    return detect_language(f"{title or ''}\n{text[:LANGUAGE_SAMPLE]}", sample=LANGUAGE_SAMPLE).code


def _article(source: Source, id_: str, text: str, fmt: str, **fields: Any) -> Article:
    meta = {"format": fmt, "encoding": source.encoding, **fields.pop("meta", {})}
    return Article(
        id=id_,
        text=text,
        language=_language(fields.get("title"), text),
        source_path=source.path,
        meta=meta,
        **fields,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_SEPARATORS = re.compile("\r\n?|\u2028|\u2029")


def clean_field(value: str) -> str:
    """A record's string with lone surrogates (a JSON ``"\\ud800"``, which no store can encode) as
    U+FFFD; the record is kept, only the broken character is replaced.

    >>> clean_field("a\\ud800b") == "a\\ufffdb"
    True
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def clean_text(value: str) -> str:
    """:func:`clean_field` with every line break (CRLF, CR, U+2028, U+2029) as ``\\n``."""
    value = clean_field(value)
    return _LINE_SEPARATORS.sub("\n", value) if _LINE_SEPARATORS.search(value) else value


def _no_text(source: str, what: str) -> Problem:
    return Problem(source, f"{what} has no article text", "E106")


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, first to last, without copying them."""
    while start <= end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


def _line_spans_back(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The same spans as :func:`_line_spans`, last to first."""
    while end >= start:
        begin = text.rfind("\n", start, end) + 1 or start
        yield begin, end
        end = begin - 1


def _content_line(line: str) -> bool:
    return bool(line.strip()) and not is_boilerplate(line)


BODY_BLOCK_LINES = 10_000  # lines joined at a time: the body is built without a list of all its lines
DATE_LINES = 8  # the first lines (title, dateline) that may hold the published date


_TRAILING_SPACE = re.compile(r"[^\S\n](?:\n|$)")  # one character then a line end: linear


def _body(text: str, start: int, end: int) -> str:
    """The lines of ``text[start:end]`` from the first content line on, each without trailing
    whitespace: one slice of the text when no line has any, else joined a block of lines at a time."""
    lines = _line_spans(text, start, end)
    first = next(s for s in lines if _content_line(text[s[0] : s[1]]))
    if not _TRAILING_SPACE.search(text, first[0], end):
        return text[first[0] : end]
    blocks: list[str] = []
    block = [text[first[0] : first[1]].rstrip()]
    for line_start, line_end in lines:
        block.append(text[line_start:line_end].rstrip())
        if len(block) >= BODY_BLOCK_LINES:
            blocks.append("\n".join(block))
            block = []
    blocks.append("\n".join(block))
    return "\n".join(blocks)


def read_plain(source: Source, text: str, *, markdown: bool = False) -> Iterator[Item]:
    """txt/md: first non-empty line is the title ('# ' stripped for md), the rest is the body.

    Boilerplate and blank lines are dropped at the start and the end of the file and of the body.
    The lines are found by offset, never split into a list: a file can be hundreds of MB.
    """
    size = len(text)
    title_at = next((s for s in _line_spans(text, 0, size) if _content_line(text[s[0] : s[1]])), None)
    if title_at is None:
        yield _no_text(source.rel_id, "the file")
        return
    last = next(s for s in _line_spans_back(text, title_at[0], size) if _content_line(text[s[0] : s[1]]))
    title = text[title_at[0] : title_at[1]].strip()
    if markdown:
        title = title.lstrip("#").strip()
    body = ""
    if last[0] > title_at[0]:  # the body: after the title up to the last content line
        body = _body(text, title_at[1] + 1, last[1])
    if not body or body.isspace():  # a one-line article (a wire flash, a headline-only report): its
        body = title  # line is both title and text
    if not body:
        yield _no_text(source.rel_id, "the file")
        return
    published = date_from_spans(text, islice(_line_spans(text, title_at[0], last[1]), DATE_LINES))
    yield _article(
        source, source.rel_id, body, "md" if markdown else "txt", title=title or None, published=published
    )


def read_html(source: Source, text: str) -> Iterator[Item]:
    page = extract_page(text)
    if not page.text.strip():
        yield _no_text(source.rel_id, "the page")
        return
    published = parse_date_field(page.date) if page.date else None
    published = published or date_from_lines([page.title or "", *page.text.split("\n", 8)[:8]])
    yield _article(
        source, source.rel_id, page.text, "html", title=page.title, url=page.url, published=published
    )


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = clean_field(str(value)).strip()
    return text or None


def record_article(source: Source, record: Any, number: int, options: IngestOptions) -> Item:
    """One json/jsonl/csv record: "<relpath>#<id>" (or "#<N>", N 1-based) as the article id."""
    where = f"{source.rel_id}#{number}"
    if not isinstance(record, Mapping):
        return Problem(
            where, f"record {number} is a {type(record).__name__}, not an object with fields", "E104"
        )
    used: set[str] = set()

    def field(role: str) -> str | None:
        name, value = options.pick(record, role)
        if name is not None:
            used.add(name)
        return _as_text(value)

    record_id = field("id")
    article_id = f"{source.rel_id}#{record_id}" if record_id else where
    text = field("text")
    if not text:
        names = "/".join(options.names("text"))
        return Problem(
            article_id, f"record {number} has no article text (no non-empty {names} field)", "E106"
        )
    title = field("title")
    name, raw_date = options.pick(record, "date")
    if name is not None:
        used.add(name)
    published = parse_date_field(raw_date) or date_from_lines([title or "", *text.split("\n", 6)[:6]])
    url, outlet = field("url"), field("outlet")
    # other scalar fields are kept as metadata (a section, an author), never as text
    extra = {
        clean_field(str(k)): clean_field(v) if isinstance(v, str) else v
        for k, v in record.items()
        if k not in used and isinstance(v, str | int | float | bool)
    }
    return _article(
        source,
        article_id,
        clean_text(text),
        "record",
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        meta={"record": number, **({"fields": extra} if extra else {})},
    )


_DEPTH_WORDS = "Python's JSON parser allows (about 1,000)"


def read_json(source: Source, text: str, options: IngestOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Problem(
            source.rel_id,
            f"the file is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})",
            "E104",
        )
        return
    except RecursionError:
        yield Problem(source.rel_id, f"the JSON nests deeper than {_DEPTH_WORDS} levels", "E104")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield _no_text(source.rel_id, "the JSON array is empty and")
    for number, record in enumerate(records, 1):
        yield record_article(source, record, number, options)


def _lines(text: str) -> Iterator[str]:
    """Lines one at a time (a feed can be large: no second copy of it as a list)."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop < 0:
            stop = end
        yield text[start:stop]
        start = stop + 1


def read_jsonl(source: Source, text: str, options: IngestOptions) -> Iterator[Item]:
    """One record per non-empty line; record N (the id ``#N``) counts non-empty lines only, and a
    problem names the line of the file as an editor shows it."""
    number = 0
    for line_no, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(
                f"{source.rel_id}#{number}",
                f"line {line_no} (record {number}) is not valid JSON ({e.msg} at column {e.colno})",
                "E104",
            )
            continue
        except RecursionError:
            yield Problem(
                f"{source.rel_id}#{number}",
                f"line {line_no} (record {number}) nests deeper than {_DEPTH_WORDS} levels",
                "E104",
            )
            continue
        yield record_article(source, record, number, options)


def read_csv(source: Source, text: str, options: IngestOptions) -> Iterator[Item]:
    csv.field_size_limit(max(options.max_bytes, 131_072))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            yield Problem(source.rel_id, "the CSV file has no header row", "E104")
            return
        names = [h.strip() for h in header]
        number = 0
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            number += 1
            if len(row) > len(names):
                yield Problem(
                    f"{source.rel_id}#{number}",
                    f"row {number} has {len(row)} fields but the header has {len(names)}",
                    "E104",
                )
                continue
            yield record_article(source, dict(zip(names, row, strict=False)), number, options)
        if number == 0:
            yield Problem(source.rel_id, "the CSV file has a header row but no records below it", "E106")
    except csv.Error as e:
        yield Problem(source.rel_id, f"the CSV file is malformed near line {reader.line_num}: {e}", "E104")


# Formats whose text holds records: a raw U+2028 inside a JSON string is a character of that string,
# so these are decoded without turning line separators into newlines (their fields are, per field).
RECORD_FORMATS: frozenset[str] = frozenset({".json", ".jsonl", ".ndjson", ".csv"})

Reader = Callable[[Source, str, IngestOptions], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": lambda s, t, o: read_plain(s, t),
    ".md": lambda s, t, o: read_plain(s, t, markdown=True),
    ".markdown": lambda s, t, o: read_plain(s, t, markdown=True),
    ".html": lambda s, t, o: read_html(s, t),
    ".htm": lambda s, t, o: read_html(s, t),
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}
