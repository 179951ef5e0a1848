"""Origins on the stories set: how many independent origins provenance finds per story, and their names.

    python benchmarks/bench_origins.py [STORIES_DIR]    # default: src/rawi/eval/data/stories

Each story folder holds article files and ``story.json`` with the gold origins (the articles of each
and a name). The articles are read as ``rawi ingest`` reads them (outlet detected from the text),
and every related article of the story (the union over its claims, with the stance of its first
claim) goes through :func:`rawi.provenance.analyze_provenance`, all its sentences relevant. This
measures provenance alone: the stance model and retrieval are left out (``rawi eval stories`` scores
the whole pipeline). Printed per story: gold and found origin counts, and each gold origin next to
the found origin holding most of its articles, with that origin's name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _corpus import ROOT

from rawi.ingest import read_paths
from rawi.provenance import EvidenceArticle, Registry, analyze_provenance, detect_outlet
from rawi.records import Article
from rawi.text import split_sentences, tokenize


def story_origins(folder: Path, registry: Registry) -> tuple[list[dict], list]:
    gold = json.loads((folder / "story.json").read_text(encoding="utf-8"))
    stances: dict[str, str] = {}
    for claim in gold["claims"]:
        for aid, stance in claim.get("stances", {}).items():
            stances.setdefault(aid, stance)
    articles = [a for a in read_paths([folder]) if isinstance(a, Article) and a.id != "story.json"]
    evidence = []
    for a in articles:
        if a.id not in stances or stances[a.id] == "unrelated":
            continue
        a.outlet = detect_outlet(a, registry)
        sentences = split_sentences(a.text or "")
        evidence.append(EvidenceArticle(a, sentences, stances[a.id], list(range(len(sentences)))))
    claim = gold["claims"][0]["text"]
    return gold["origins"], analyze_provenance(tokenize(claim), evidence, registry).origins


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT / "src" / "rawi" / "eval" / "data" / "stories"
    if not root.is_dir():
        sys.exit(f"no stories folder at {root}")
    registry = Registry.load()
    errors = []
    for folder in sorted(p for p in root.iterdir() if (p / "story.json").exists()):
        gold, found = story_origins(folder, registry)
        errors.append(abs(len(found) - len(gold)))
        print(f"\n{folder.name}: gold {len(gold)} origins, found {len(found)}")
        for g in gold:
            best = max(found, key=lambda o: len(set(o.articles) & set(g["articles"])), default=None)
            same = best is not None and set(best.articles) == set(g["articles"])
            shown = f"{best.name} ({best.kind}, {len(best.articles)} articles)" if best else "—"
            differ = "" if same else "  (groups differ)"
            print(f"  gold {g['name']} [{len(g['articles'])}]  ->  {shown}{differ}")
        for o in found:
            if not any(set(o.articles) & set(g["articles"]) for g in gold):
                print(f"  extra: {o.name} {o.articles}")
    within = sum(e <= 1 for e in errors)
    print(
        f"\norigin-count error per story: mean {sum(errors) / len(errors):.2f}, max {max(errors)}, "
        f"within 1 in {within} of {len(errors)} stories"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
