"""One reader per format. Each takes the decoded text of a file and yields Articles and Problems;
a bad record is a Problem for that record only, and the reader goes on with the next one."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rawi.ingest.html import extract_page
from rawi.ingest.metadata import date_from_lines, parse_date_field, strip_boilerplate
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


def _no_text(source: str, what: str) -> Problem:
    return Problem(source, f"{what} has no article text", "E106")


def read_plain(source: Source, text: str, *, markdown: bool = False) -> Iterator[Item]:
    """txt/md: first non-empty line is the title ('# ' stripped for md), the rest is the body."""
    lines = strip_boilerplate(text.split("\n"))
    if not lines:
        yield _no_text(source.rel_id, "the file")
        return
    title = lines[0].strip()
    if markdown:
        title = title.lstrip("#").strip()
    body_lines = strip_boilerplate(lines[1:])
    body = "\n".join(line.rstrip() for line in body_lines)
    if not body.strip():
        yield Problem(source.rel_id, "the file has a title line but no body text below it", "E106")
        return
    published = date_from_lines(lines[:8])
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
    text = str(value).strip()
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
    extra = {k: v for k, v in record.items() if k not in used and isinstance(v, str | int | float | bool)}
    return _article(
        source,
        article_id,
        text.replace("\r\n", "\n"),
        "record",
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        meta={"record": number, **({"fields": extra} if extra else {})},
    )


def read_json(source: Source, text: str, options: IngestOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Problem(source.rel_id, f"the file is not valid JSON ({e.msg} at line {e.lineno})", "E104")
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
    number = 0
    for line in _lines(text):
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(f"{source.rel_id}#{number}", f"line {number} is not valid JSON ({e.msg})", "E104")
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
    except csv.Error as e:
        yield Problem(source.rel_id, f"the CSV file is malformed near line {reader.line_num}: {e}", "E104")


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
