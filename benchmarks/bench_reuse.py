"""Text-reuse benchmark: speed at 100,000 articles and precision on the Baly 2018 articles.

    python benchmarks/bench_reuse.py                 # both parts, n = 100,000
    python benchmarks/bench_reuse.py --n 20000       # a smaller scale run
    python benchmarks/bench_reuse.py --skip-scale    # Baly duplicates and the precision sample only

Scale part: the Baly articles are repeated to ``--n`` with variations that news outlets really make
(letter variants أ/ا ى/ي ة/ه, diacritics, tatweel, spacing around punctuation; one copy in three
also loses a paragraph), generated on the fly so the corpus is never held in memory twice. It times
``find_reuse`` against a baseline measured in the same run (exact-hash duplicate detection over the
raw text) and prints wall and CPU seconds (CPU time is the fair figure on a shared machine), pairs
found and peak RSS.

Baly part: every article whose text repeats an earlier one (145 in the corpus) must be linked to
it; and 40 reported pairs, drawn with a fixed seed, are listed by reference for judging by hand in
``benchmarks/reuse_sample_judgements.tsv`` (file, article index, verdict; never the text). When the
file holds verdicts, precision is computed from them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import time
from collections.abc import Sequence

from _corpus import ROOT, baly_files, peak_rss_mb

from rawi.provenance import find_reuse
from rawi.records import Article

JUDGEMENTS = ROOT / "benchmarks" / "reuse_sample_judgements.tsv"
SAMPLE_SEED = 20180601
DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b"
LETTER_SWAPS = {"أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه", "ا": "أ"}


def baly_refs() -> list[tuple[str, str]]:
    """(reference "R-10.json#3", text) of every non-empty Baly article, in a stable order."""
    out = []
    for f in baly_files():
        for i, text in enumerate(json.loads(f.read_text(encoding="utf-8"))["article"]):
            if text.strip():
                out.append((f"{f.name}#{i}", text))
    return out


def vary(text: str, seed: int, drop_line: bool) -> str:
    """The same article as another outlet would publish it: orthographic noise, maybe a lost line."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    if drop_line and len(lines) >= 3:
        del lines[rnd.randrange(1, len(lines))]
    words = "\n".join(lines).split(" ")
    for i in rnd.sample(range(len(words)), k=min(len(words), max(1, len(words) // 8))):
        w = words[i]
        if not w:
            continue
        choice = rnd.random()
        if choice < 0.4 and w[0] in LETTER_SWAPS:
            words[i] = LETTER_SWAPS[w[0]] + w[1:]
        elif choice < 0.6 and w[-1] in LETTER_SWAPS:
            words[i] = w[:-1] + LETTER_SWAPS[w[-1]]
        elif choice < 0.8 and len(w) > 2:
            words[i] = w[:2] + rnd.choice(DIACRITICS) + w[2:]
        elif len(w) > 3:
            words[i] = w[:2] + "\u0640\u0640" + w[2:]
    out = " ".join(words)
    return out.replace(" ,", "،").replace(" .", ".") if seed % 2 else out


class VariantCorpus(Sequence[Article]):
    """``n`` articles built on demand from the Baly texts (copy 0 is the original)."""

    def __init__(self, texts: list[str], n: int) -> None:
        self.texts, self.n = texts, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> Article:  # type: ignore[override]
        if not 0 <= i < self.n:
            raise IndexError(i)
        base, copy = i % len(self.texts), i // len(self.texts)
        text = self.texts[base] if copy == 0 else vary(self.texts[base], i, drop_line=copy % 3 == 1)
        day = 1 + copy % 28
        return Article(f"v{i}", text, published=f"2018-{1 + copy // 28 % 12:02d}-{day:02d}")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def exact_hash_pairs(articles: Sequence[Article]) -> int:
    """Baseline: pairs of byte-identical texts, by hash."""
    groups: dict[bytes, int] = {}
    for a in articles:
        key = hashlib.sha1((a.text or "").encode("utf-8")).digest()
        groups[key] = groups.get(key, 0) + 1
    return sum(c * (c - 1) // 2 for c in groups.values())


def scale(n: int) -> None:
    texts = [t for _ref, t in baly_refs()]
    corpus = VariantCorpus(texts, n)
    rows = []
    t, cpu = time.perf_counter(), cpu_seconds()
    pairs = exact_hash_pairs(corpus)
    rows.append(
        (
            "baseline: exact hash of raw text",
            time.perf_counter() - t,
            cpu_seconds() - cpu,
            pairs,
            peak_rss_mb(),
        )
    )
    t, cpu = time.perf_counter(), cpu_seconds()
    links = find_reuse(corpus)
    secs, cpu_secs = time.perf_counter() - t, cpu_seconds() - cpu
    rows.append(("rawi find_reuse (MinHash LSH + alignment)", secs, cpu_secs, len(links), peak_rss_mb()))
    print(f"\nText reuse over {n:,} articles (Baly texts repeated with variations)\n")
    print("| method | wall s | CPU s | pairs found | peak RSS (MB) |\n|---|---:|---:|---:|---:|")
    for name, wall, cpu_s, found, rss in rows:
        print(f"| {name} | {wall:,.1f} | {cpu_s:,.1f} | {found:,} | {rss:,.0f} |")
    linked = {x for link in links for x in (link.a, link.b)}
    copies = sum(1 for i in range(len(texts), n))
    found_copies = sum(1 for i in range(len(texts), n) if f"v{i}" in linked)
    print(f"\nvaried copies linked to some other copy: {found_copies:,} / {copies:,}")


def baly(sample_size: int) -> None:
    refs = baly_refs()
    articles = [Article(ref, text) for ref, text in refs]
    t = time.perf_counter()
    links = find_reuse(articles)
    secs = time.perf_counter() - t
    pairs = {frozenset((x.a, x.b)) for x in links}
    first_of: dict[str, str] = {}
    duplicates = found = 0
    for ref, text in refs:
        if text in first_of:
            duplicates += 1
            found += frozenset((ref, first_of[text])) in pairs
        else:
            first_of[text] = ref
    print(f"\nBaly 2018: {len(articles):,} articles, {len(links):,} reused pairs in {secs:.1f} s")
    print(f"exact duplicate texts linked to their first copy: {found} / {duplicates}")
    rnd = random.Random(SAMPLE_SEED)
    sample = rnd.sample(sorted(links, key=lambda x: (x.a, x.b)), k=min(sample_size, len(links)))
    judged = _read_judgements()
    if not judged:
        print(f"\n{JUDGEMENTS.name} has no verdicts yet; pairs to judge (a, b, similarity):")
        for x in sample:
            print(f"{x.a}\t{x.b}\t{x.similarity:.3f}")
        return
    verdicts = [judged.get((x.a, x.b)) for x in sample]
    missing = sum(v is None for v in verdicts)
    correct = sum(v == "reuse" for v in verdicts)
    judged_n = len(sample) - missing
    note = f" ({missing} sampled pairs not judged)" if missing else ""
    print(f"precision on the judged sample: {correct} / {judged_n} = {correct / max(1, judged_n):.3f}{note}")


def _read_judgements() -> dict[tuple[str, str], str]:
    if not JUDGEMENTS.exists():
        return {}
    out = {}
    for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("a\t"):
            continue
        a, b, _sim, verdict, *_note = line.split("\t")
        out[(a, b)] = verdict
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the scale run")
    parser.add_argument("--sample", type=int, default=40, help="pairs in the precision sample")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-baly", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_baly:
        baly(args.sample)
    if not args.skip_scale:
        scale(args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
