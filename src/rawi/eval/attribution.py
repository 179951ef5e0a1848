"""Attribution extraction scored against the hand-annotated set in ``rawi/eval/data``.

Arabic lines are stored as references into the Baly et al. (2018) corpus (file, article, line) and
rebuilt from the dataset when it is present; English sentences carry their text. A predicted source
matches a gold one when their character spans overlap by at least half of the shorter span, or when
they share the same head word (first word, clitics and article stripped). Each gold and predicted
source is matched at most once (greedy, by overlap).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

from rawi.errors import DatasetError
from rawi.provenance import Attribution, Registry, extract_attributions
from rawi.provenance.tokens import clitic_variants, strip_article
from rawi.records import POLARITIES
from rawi.text import normalize, tokenize_normalized

BALY_FOLDER = "Baly2018_ArabicFC_Stance"


def _data_lines(name: str) -> list[dict[str, Any]]:
    text = (files("rawi") / "eval" / "data" / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _baly_dataset(baly_dir: Path | None) -> Path | None:
    """The Baly ``dataset/`` folder under ``baly_dir`` (the datasets root or the Baly folder itself)."""
    if baly_dir is None:
        return None
    for candidate in (baly_dir / BALY_FOLDER / "dataset", baly_dir / "dataset", baly_dir):
        if candidate.is_dir() and any(candidate.glob("*-*.json")):
            return candidate
    return None


def arabic_items(baly_dir: Path | None) -> list[tuple[str, str, list[dict[str, Any]]]] | None:
    """(reference, line text, gold attributions) for the Arabic set, or ``None`` without the dataset."""
    folder = _baly_dataset(baly_dir)
    if folder is None:
        return None
    cache: dict[str, list[str]] = {}
    items = []
    for rec in _data_lines("attribution_ar.jsonl"):
        if rec["file"] not in cache:
            path = folder / rec["file"]
            if not path.exists():
                raise DatasetError(f"annotated file {rec['file']} is not in {folder}")
            cache[rec["file"]] = json.loads(path.read_text(encoding="utf-8"))["article"]
        line = cache[rec["file"]][rec["article"]].split("\n")[rec["line"]]
        items.append((f"{rec['file']}#{rec['article']}:{rec['line']}", line, rec["attributions"]))
    return items


def english_items() -> list[tuple[str, str, list[dict[str, Any]]]]:
    return [(rec["id"], rec["text"], rec["attributions"]) for rec in _data_lines("attribution_en.jsonl")]


def _head(text: str) -> str:
    words = tokenize_normalized(normalize(text))
    words = [w for w in words if w not in ("the", "a", "an")]
    if not words:
        return ""
    return strip_article(clitic_variants(words[0])[-1] if len(words[0]) > 4 else words[0])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def match_spans(
    text: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of matched sources."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            ov = _overlap(g, p)
            same_head = _head(text[g[0] : g[1]]) == _head(text[p[0] : p[1]]) != ""
            if ov >= 0.5 or (same_head and ov > 0) or (same_head and abs(g[0] - p[0]) <= 3):
                candidates.append((-ov, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _neg, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(
    items: Iterable[tuple[str, str, list[dict[str, Any]]]],
    registry: Registry,
    language: str,
    on_item: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Source precision/recall/F1 and polarity accuracy over one set; ``errors`` lists misses.
    ``on_item`` hears each item's reference once it is scored (a progress bar)."""
    tp = n_gold = n_pred = pol_ok = 0
    chains = chains_ok = spurious = 0  # relay (cited_by) links among matched sources
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for ref, text, gold in items:
        if on_item is not None:
            on_item(f"{language} {ref}")
        pred: list[Attribution] = extract_attributions(text, language=language, registry=registry)
        pairs = match_spans(text, [tuple(g["span"]) for g in gold], [a.span for a in pred])
        n_gold += len(gold)
        n_pred += len(pred)
        tp += len(pairs)
        g2p = dict(pairs)
        for gi, pi in pairs:
            confusion[(gold[gi]["polarity"], pred[pi].polarity)] += 1
            pol_ok += gold[gi]["polarity"] == pred[pi].polarity
            gold_cb, pred_cb = gold[gi].get("cited_by"), pred[pi].cited_by
            if gold_cb is not None:
                chains += 1
                chains_ok += pred_cb is not None and g2p.get(gold_cb) == pred_cb
            elif pred_cb is not None:
                spurious += 1
        if (
            len(pairs) != len(gold)
            or len(pairs) != len(pred)
            or any(gold[g]["polarity"] != pred[p].polarity for g, p in pairs)
        ):
            errors.append(
                {
                    "ref": ref,
                    "gold": [(g["span"], g["polarity"]) for g in gold],
                    "predicted": [(list(a.span), a.polarity) for a in pred],
                }
            )
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "items": len(list(items)) if not isinstance(items, list) else len(items),
        "gold_sources": n_gold,
        "predicted_sources": n_pred,
        "matched": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "polarity_accuracy": round(pol_ok / tp, 4) if tp else 0.0,
        "polarity_confusion": {g: {p: confusion[(g, p)] for p in POLARITIES} for g in POLARITIES},
        "relay": _relay(chains, chains_ok, spurious),
        "errors": errors,
    }


def _relay(chains: int, right: int, spurious: int) -> dict[str, Any]:
    """Relay (``cited_by``) links among matched sources: ``accuracy`` is the share of gold links
    (a source relayed by a channel) found pointing at the right channel; ``spurious`` counts links
    predicted where the gold has none."""
    return {
        "gold_links": chains,
        "right": right,
        "accuracy": round(right / chains, 4) if chains else 0.0,
        "spurious": spurious,
    }


def _combine(parts: list[dict[str, Any]]) -> dict[str, Any]:
    tp = sum(p["matched"] for p in parts)
    n_pred = sum(p["predicted_sources"] for p in parts)
    n_gold = sum(p["gold_sources"] for p in parts)
    pol_ok = sum(round(p["polarity_accuracy"] * p["matched"]) for p in parts)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    confusion = {
        g: {q: sum(p["polarity_confusion"][g][q] for p in parts) for q in POLARITIES} for g in POLARITIES
    }
    return {
        "items": sum(p["items"] for p in parts),
        "gold_sources": n_gold,
        "predicted_sources": n_pred,
        "matched": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "polarity_accuracy": round(pol_ok / tp, 4) if tp else 0.0,
        "polarity_confusion": confusion,
        "relay": _relay(
            sum(p["relay"]["gold_links"] for p in parts),
            sum(p["relay"]["right"] for p in parts),
            sum(p["relay"]["spurious"] for p in parts),
        ),
    }


def evaluate_attribution(
    baly_dir: Path | None,
    registry: Registry | None = None,
    on_item: Callable[[str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Scores per language and overall. Arabic is skipped, with a note, when the dataset is absent.
    ``on_total`` hears how many items will be scored, ``on_item`` each one (a progress bar)."""
    registry = registry or Registry.load()
    result: dict[str, Any] = {"languages": {}, "notes": []}
    parts = []
    ar = arabic_items(baly_dir)
    english = list(english_items())
    if on_total is not None:
        on_total(len(english) + (len(ar) if ar is not None else 0))
    if ar is None:
        result["notes"].append(
            f"Arabic set skipped: the Baly 2018 dataset was not found under {baly_dir} "
            "(pass --data DATASETS_DIR or set RAWI_DATA)."
        )
    else:
        result["languages"]["ar"] = score(ar, registry, "ar", on_item)
        parts.append(result["languages"]["ar"])
    result["languages"]["en"] = score(english, registry, "en", on_item)
    parts.append(result["languages"]["en"])
    result["overall"] = _combine(parts)
    return result
