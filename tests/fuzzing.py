"""Hostile inputs for the fuzz tests and benchmarks/bench_faults.py: good seed files in every format,
ways to break them (encodings, truncation, bit flips, deep nesting, lone surrogates, raw line
separators) and payloads aimed at terminals and web pages. Plain functions over ``random.Random``,
so hypothesis (tests) and a seeded loop (the benchmark) drive the same generators."""

from __future__ import annotations

import json
import random

TITLE = "وزارة الصحة تعلن حملة تطعيم في المدارس"
BODY = (
    "أعلنت وزارة الصحة اليوم بدء حملة تطعيم واسعة في المدارس الحكومية.\n"
    "وقال المتحدث باسم الوزارة إن الحملة تستمر أسبوعين وتشمل جميع المحافظات."
)
EN_BODY = "The ministry said the campaign would last two weeks. Officials denied any shortage."

PAYLOADS = (
    "[bold red]FAKE[/]",
    "[/]",
    "[link=https://evil.example]x[/link]",
    "\x1b[2K\x1b[1GSupported 99%",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\x1b]0;title\x07",
    "\x9b31m\x9d0;t\x9c",
    "\r\x08\x08",
    "</script><script>alert(1)</script>",
    "<!-- x --> <img src=x onerror=alert(1)>",
    "\u2028\u2029",
    "javascript:alert(1)",
)
URLS = (
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://[1, 2]/x",
)


def seed(ext: str, n: int = 3, words: str = BODY) -> str:
    """A good file of format ``ext`` holding ``n`` articles (one for txt/md/html)."""
    records = [{"id": f"r{i}", "title": f"{TITLE} {i}", "text": f"{words} {i}"} for i in range(n)]
    if ext == ".txt":
        return f"{TITLE}\n{words}\n"
    if ext == ".md":
        return f"# {TITLE}\n\n{words}\n"
    if ext == ".html":
        paragraphs = "".join(f"<p>{line}</p>" for line in words.split("\n"))
        return f"<html><head><title>{TITLE}</title></head><body><article>{paragraphs}</article></body></html>"
    if ext == ".json":
        return json.dumps(records, ensure_ascii=False)
    if ext == ".jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    if ext == ".csv":
        rows = ["id,title,text", *(f'{r["id"]},{r["title"]},"{r["text"]}"' for r in records)]
        return "\n".join(rows) + "\n"
    raise ValueError(ext)


EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl", ".csv")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1256", "utf-16", "utf-32")


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def mutate(rng: random.Random, ext: str) -> bytes:
    """One hostile file of format ``ext``: a seed broken in one of several ways."""
    text = seed(ext, n=rng.randint(1, 4), words=rng.choice((BODY, EN_BODY)))
    kind = rng.randrange(10)
    if kind == 0:  # deep nesting
        depth = rng.choice((500, 5_000, 100_000))
        return ("[" * depth + "]" * depth if ext != ".jsonl" else '{"a":' * depth + "\n").encode()
    if kind == 1:  # a lone surrogate and raw line separators inside strings
        bad = text.replace("الصحة", "\\ud800 الصحة" if ext in (".json", ".jsonl") else "الصحة\u2028")
        return bad.replace("تطعيم", "تطعيم\u2029").encode("utf-8", "surrogatepass")
    if kind == 2:  # payloads in every field
        p = rng.choice(PAYLOADS)
        return text.replace(TITLE, f"{TITLE} {p}").replace("الحملة", f"الحملة {p}").encode("utf-8", "replace")
    if kind == 3:  # a hostile URL
        url = rng.choice(URLS)
        if ext in (".json", ".jsonl"):
            return text.replace('"id"', f'"url": {json.dumps(url)}, "id"').encode()
        return f'<html><head><meta property="og:url" content="{url}"></head><body><p>{BODY}</p></body></html>'.encode()
    data = encode(text, rng.choice(ENCODINGS))
    if kind == 4:  # truncated
        return data[: rng.randrange(len(data) + 1)]
    if kind == 5:  # bit flips
        buf = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        return bytes(buf)
    if kind == 6:  # a long run of punctuation or one endless word
        run = rng.choice(("!", "…", "(", "-", "س", "1.", " "))
        return (text + run * rng.choice((1_000, 50_000))).encode()
    if kind == 7:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    if kind == 8:  # duplicate or clashing ids
        return text.replace('"r1"', '"r0"').replace("r2,", "r0,").encode()
    return data  # a good file in another encoding
