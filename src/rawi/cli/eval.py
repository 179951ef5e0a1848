"""`rawi eval`: reproduce the stance benchmarks (Baly 2018, ANS, FNC-1) next to the baselines.

Registered by the main app with ``app.add_typer(eval_app, name="eval")``; runnable alone as
``python -m rawi.cli.eval``. Parses options, calls ``rawi.eval.runner``, prints; nothing else.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from rawi.cli.common import err, out
from rawi.cli.progress import Steps
from rawi.errors import RawiError

eval_app = typer.Typer(
    name="eval",
    help="Score rawi on public benchmarks: stance on Baly 2018, ANS and FNC-1, next to the majority "
    "and TF-IDF baselines on the same folds.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain Click help: Rich's help renderer alone took 0.17 s to import
    pretty_exceptions_enable=False,
)

DATASET_FOLDERS = {"baly2018": "Baly2018_ArabicFC_Stance", "ans": "ANS", "fnc1": "FNC-1"}
# rawi.eval.runner.DEFAULT_SYSTEM, named here so that `rawi --help` does not import the runner (and
# scikit-learn with it); tests/test_cli_startup.py holds the two equal.
DEFAULT_SYSTEM = "rawi"
_MODEL_CHOICES = (DEFAULT_SYSTEM, "tfidf-lr", "majority")


def _factory(model: str) -> Any:
    """The model factory of a --model choice; None: the runner builds rawi's own model."""
    from rawi.eval.baselines import MajorityClassifier, TfidfLogRegClassifier

    return {"tfidf-lr": TfidfLogRegClassifier, "majority": MajorityClassifier}.get(model)


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="The datasets folder (holding Baly2018_ArabicFC_Stance/, ANS/, FNC-1/) or the dataset's own "
        "folder. Default: $RAWI_DATA when it is set, else ../shared/datasets.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print exactly one JSON object on stdout.")]
ModelOption = Annotated[
    str,
    typer.Option("--model", help=f"System evaluated as the model: {', '.join(_MODEL_CHOICES)}."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress on stderr (a bar on a terminal, else dim lines).")
]


def candidate_roots() -> list[Path]:
    env = os.environ.get("RAWI_DATA")
    if env:
        return [Path(env)]
    roots = [Path.cwd().parent / "shared" / "datasets"]
    here = Path(__file__).resolve().parents
    if len(here) > 3:  # src/rawi/cli/eval.py in a source checkout: the repository's sibling folder
        roots.append(here[3].parent / "shared" / "datasets")
    return roots


def resolve_data_dir(dataset: str, given: Path | None) -> Path:
    """The folder to read: ``given`` (the datasets folder or the dataset's own folder), or the
    dataset's folder under RAWI_DATA / ../shared/datasets."""
    folder = DATASET_FOLDERS[dataset]
    if given is not None:
        return given / folder if (given / folder).is_dir() else given
    candidates = [root / folder for root in candidate_roots()]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error[/]: {message}")
    return typer.Exit(2)


def _runner() -> Any:
    from rawi.eval import runner

    return runner


def _run(dataset: str, data: Path | None, model: str, json_out: bool, quiet: bool, call: Callable) -> None:
    path = resolve_data_dir(dataset, data)
    if not path.is_dir():
        raise _fail(f"{dataset} data not found at {path} (give --data PATH or set RAWI_DATA)")
    if model not in _MODEL_CHOICES:
        raise _fail(f"--model must be one of {', '.join(_MODEL_CHOICES)}. Got {model!r} instead.")

    try:
        with Steps(err, dataset, json_out=json_out, quiet=quiet) as progress:
            result = call(path, _factory(model), system_name=model, progress=progress)
    except (RawiError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        print_result(result)


@eval_app.command("baly2018")
def baly2018(
    data: DataOption = None,
    json_out: JsonOption = False,
    model: ModelOption = DEFAULT_SYSTEM,
    limit_claims: Annotated[
        int | None, typer.Option("--limit-claims", help="Evaluate only N claims spread over the folds.")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Baly et al. 2018 Arabic corpus: 5-fold stance, rationale and claim factuality.

    Examples:

    \b
    - `rawi eval baly2018`
    - `rawi eval baly2018 --data ../shared/datasets/Baly2018_ArabicFC_Stance --json > baly.json`
    - `rawi eval baly2018 --limit-claims 50 --model tfidf-lr`
    """
    _run(
        "baly2018",
        data,
        model,
        json_out,
        quiet,
        lambda path, factory, **kw: _runner().evaluate_baly2018(
            path, factory, limit_claims=limit_claims, **kw
        ),
    )


@eval_app.command("ans")
def ans(
    data: DataOption = None,
    json_out: JsonOption = False,
    model: ModelOption = DEFAULT_SYSTEM,
    max_pairs: Annotated[
        int | None, typer.Option("--max-pairs", help="Use at most N train and N dev pairs (seeded sample).")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """ANS Arabic News Stance: train on train.csv, score dev.csv (agree / disagree / other).

    Examples:

    \b
    - `rawi eval ans`
    - `rawi eval ans --data ../shared/datasets/ANS --json`
    """
    _run(
        "ans",
        data,
        model,
        json_out,
        quiet,
        lambda path, factory, **kw: _runner().evaluate_ans(path, factory, max_pairs=max_pairs, **kw),
    )


@eval_app.command("fnc1")
def fnc1(
    data: DataOption = None,
    test_bodies: Annotated[Path | None, typer.Option("--test-bodies", help="Bodies CSV to score.")] = None,
    test_stances: Annotated[Path | None, typer.Option("--test-stances", help="Stances CSV to score.")] = None,
    json_out: JsonOption = False,
    model: ModelOption = DEFAULT_SYSTEM,
    max_pairs: Annotated[
        int | None, typer.Option("--max-pairs", help="Use at most N train and N test pairs (seeded sample).")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """FNC-1 (English): stance and the official weighted score, on a 20 % body-id holdout.

    With --test-bodies and --test-stances, trains on all the training data and scores those files.

    Examples:

    \b
    - `rawi eval fnc1`
    - `rawi eval fnc1 --test-bodies competition_test_bodies.csv --test-stances competition_test_stances.csv`
    """
    _run(
        "fnc1",
        data,
        model,
        json_out,
        quiet,
        lambda path, factory, **kw: _runner().evaluate_fnc1(
            path, factory, test_bodies=test_bodies, test_stances=test_stances, max_pairs=max_pairs, **kw
        ),
    )


def _f(value: float) -> str:
    return f"{value:.3f}"


def print_result(result: dict[str, Any], console: Any = out) -> None:
    """Systems side by side, then the model's confusion matrix, rationale and factuality."""
    from rich.console import Console
    from rich.table import Table

    if not console.is_terminal:
        # Piped or redirected output has no terminal width (rich assumes 80 and caps every table at
        # it, truncating figures): give the tables room instead.
        console = Console(file=console.file, highlight=False, width=max(console.width, 140))
    labels = result["confusion"]["labels"]
    has_fnc = "fnc_score" in result
    table = Table(
        title=f"{result['dataset']}: {result.get('protocol', '')} (per-label columns: F1)",
        title_justify="left",
    )
    table.add_column("system", no_wrap=True)
    for column in ("acc", "macro-F1", *labels):  # per-class columns hold that label's F1
        table.add_column(column, justify="right", no_wrap=True)
    if has_fnc:
        table.add_column("FNC %", justify="right", no_wrap=True)
    table.add_column("ECE", justify="right", no_wrap=True)  # of the scores, not the labels
    table.add_column("Brier", justify="right", no_wrap=True)
    table.add_column("sec", justify="right", no_wrap=True)
    table.add_column("cpu s", justify="right", no_wrap=True)
    rows = [*result["baselines"].items(), (result["system"], result)]
    for name, block in rows:
        cells = [name, _f(block["accuracy"]), _f(block["macro_f1"])]
        cells += [_f(block["per_class_f1"][label]) for label in labels]
        if has_fnc:
            cells.append(f"{block['fnc_score']:.2f}")
        calibration = block["calibration"]
        cells += [_f(calibration["ece"]), _f(calibration["brier"])]
        table.add_row(*cells, f"{block['seconds']:.1f}", f"{block['cpu_seconds']:.1f}")
    console.print(table)

    confusion = Table(title=f"confusion of {result['system']} (rows gold, columns predicted)")
    confusion.add_column("gold \\ predicted")
    for label in labels:
        confusion.add_column(label, justify="right")
    for label, row in zip(labels, result["confusion"]["matrix"], strict=True):
        confusion.add_row(label, *(str(v) for v in row))
    console.print(confusion)

    if "rationale" in result:
        rationale = result["rationale"]
        rat = Table(title=f"rationale over {rationale['pairs']} agree/disagree pairs with gold lines")
        for column in ("system", "P@1", "R@3"):
            rat.add_column(column, justify="left" if column == "system" else "right")
        for name, block in [*rationale["baselines"].items(), (rationale["system"], rationale)]:
            rat.add_row(name, _f(block["precision_at_1"]), _f(block["recall_at_3"]))
        console.print(rat)
    if "factuality" in result:
        fact = result["factuality"]
        facts = Table(title=f"claim factuality from the evidence alone ({fact['claims']} claims, same folds)")
        for column in ("from", "accuracy", "macro-F1"):
            facts.add_column(column, justify="left" if column == "from" else "right")
        plus = " + sources" if "without_sources" in fact else ""  # every stance row then also has sources
        facts.add_row("majority class", _f(fact["majority"]["accuracy"]), _f(fact["majority"]["macro_f1"]))
        for name, block in fact["from_baselines"].items():
            facts.add_row(f"{name} stances{plus}", _f(block["accuracy"]), _f(block["macro_f1"]))
        if plus:
            alone = fact["without_sources"]
            facts.add_row(f"{result['system']} stances alone", _f(alone["accuracy"]), _f(alone["macro_f1"]))
        facts.add_row(f"{result['system']} stances{plus}", _f(fact["accuracy"]), _f(fact["macro_f1"]))
        gold = fact["from_gold_stance"]
        facts.add_row(f"gold stances{plus} (oracle)", _f(gold["accuracy"]), _f(gold["macro_f1"]))
        console.print(facts)
    wall, cpu = result["total_seconds"], result["total_cpu_seconds"]
    console.print(f"[dim]total {wall:.1f} s wall, {cpu:.1f} s CPU[/]")


if __name__ == "__main__":
    eval_app()
