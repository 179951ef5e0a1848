"""The stories set: original multi-article news stories with gold verdicts, stances and origins.

It ships inside the package (``rawi/eval/data/stories/<story>/``: article files plus ``story.json``;
see that folder's README). ``rawi eval stories`` ingests every story into one store, so each
story's articles are distractors for every other story's claims, checks every claim and scores the
printed verdicts with :func:`rawi.eval.endtoend.score_checks`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rawi.errors import DatasetError
from rawi.eval.endtoend import ClaimCase, score_checks

STANCES = ("agree", "disagree", "discuss")
VERDICTS = ("supported", "refuted", "disputed", "unverified")


@dataclass
class Story:
    story_id: str
    language: str
    articles: list[str]  # ids as the store has them: "<story folder>/<file>"
    origins: list[tuple[str, list[str]]]
    claims: list[ClaimCase]


def default_root() -> Path:
    return Path(str(resources.files("rawi.eval") / "data" / "stories"))


def _read_story(folder: Path) -> Story:
    path = folder / "story.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DatasetError(f"{path}: cannot read the story: {e}") from None
    prefix = folder.name + "/"
    files = sorted(data.get("articles", {}))
    missing = [f for f in files if not (folder / f).is_file()]
    if missing:
        raise DatasetError(f"{path}: 'articles' names files that are not there: {missing}")
    origins = [(o["name"], [prefix + a for a in o["articles"]]) for o in data.get("origins", [])]
    origin_of = {a: name for name, ids in origins for a in ids}
    claims = []
    for c in data.get("claims", []):
        if c.get("verdict") not in VERDICTS:
            raise DatasetError(f"{path}: claim {c.get('id')!r} has verdict {c.get('verdict')!r}")
        stances = {prefix + a: s for a, s in c.get("stances", {}).items()}
        bad = {a: s for a, s in stances.items() if s not in STANCES or a[len(prefix) :] not in files}
        if bad:
            raise DatasetError(f"{path}: claim {c.get('id')!r} has unknown articles or stances: {bad}")
        claims.append(
            ClaimCase(
                claim_id=c["id"],
                text=c["text"],
                language=c.get("language", data.get("language", "ar")),
                verdict=c["verdict"],
                stances=stances,
                scope=[prefix + f for f in files],
                origins=len({origin_of.get(a, a) for a in stances}),
                kind=c.get("kind", "positive"),
                corpus_language=data.get("language"),
                offtopic=not stances,
            )
        )
    return Story(
        data.get("id", folder.name), data.get("language", "ar"), [prefix + f for f in files], origins, claims
    )


def load_stories(root: str | Path | None = None) -> list[Story]:
    """Every story folder under ``root`` (default: the set shipped with rawi), in name order."""
    folder = Path(root) if root is not None else default_root()
    if not folder.is_dir():
        raise DatasetError(f"stories folder not found: {folder}")
    stories = [_read_story(d) for d in sorted(folder.iterdir()) if (d / "story.json").is_file()]
    if not stories:
        raise DatasetError(f"no story folders (with story.json) under {folder}")
    return stories


def evaluate_stories(
    root: str | Path | None = None,
    *,
    settings: Any = None,
    progress: Callable[[str], None] | None = None,
    db: str | Path | None = None,
) -> dict[str, Any]:
    """Ingest all stories into one store, check every claim, score what ``rawi check`` prints."""
    from rawi.core import Rawi

    folder = Path(root) if root is not None else default_root()
    stories = load_stories(folder)
    cases = [c for s in stories for c in s.claims]
    with tempfile.TemporaryDirectory() as tmp:
        # The article files alone (story.json is gold, not news), in their story folders, so the
        # store's ids are "<story>/<file>" as the gold names them.
        articles = Path(tmp) / "stories"
        for story in stories:
            for article_id in story.articles:
                target = articles / article_id
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / article_id, target)
        with Rawi(db or Path(tmp) / "stories.db", settings) as wb:
            report = wb.ingest([articles])
            if report.problems:
                raise DatasetError(f"stories did not ingest cleanly: {report.to_json()['problems'][:3]}")
            results = []
            for case in cases:
                results.append(wb.check(case.text))
                if progress:
                    progress(f"{case.claim_id}: {results[-1]['verdict']['label']} (gold {case.verdict})")
            scored = score_checks(cases, results, top_k=wb.settings.top_k)
            scored["encoder"] = wb.encoder_info()
    scored["stories"] = len(stories)
    scored["articles"] = sum(len(s.articles) for s in stories)
    return scored
