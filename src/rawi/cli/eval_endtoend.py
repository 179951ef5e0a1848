"""`rawi eval stories` and `rawi eval verdict`: the verdict a user sees, scored end to end.

Registered on the `rawi eval` group (imported by ``rawi.cli.eval``); parses options, calls
``rawi.eval.stories`` / ``rawi.eval.verdict_eval``, prints. Nothing else.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rawi.cli.eval import DataOption, JsonOption, QuietOption, err, eval_app, out, resolve_data_dir
from rawi.cli.progress import Steps
from rawi.errors import RawiError
from rawi.report.safe import markup

EncoderOption = Annotated[
    str, typer.Option("--encoder", help="Sentence encoder: use, e5 or none (lexical-only).")
]
HEADLINE = (
    ("claims", "claims"),
    ("verdict_accuracy", "verdict accuracy"),
    ("coverage", "coverage (not unverified)"),
    ("accuracy_at_coverage", "accuracy at coverage"),
    ("confidently_wrong", "confidently wrong (>= 0.6)"),
    ("related_recall_at_20", "related recall@20"),
    ("cross_language_recall_at_20", "cross-language recall@20"),
    ("stance_accuracy", "stance accuracy"),
    ("origin_count_error", "origin-count error (mean)"),
    ("max_origin_count_error", "origin-count error (max)"),
)


def print_endtoend(title: str, result: dict[str, Any], rows: bool = True) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, name in HEADLINE:
        value = result.get(key)
        table.add_row(name, "-" if value is None else str(value))
    out.print(table)
    if rows:
        claims = Table(title="per claim", title_justify="left")
        for column in ("claim", "kind", "gold", "verdict", "conf", "origins (gold)", "related found"):
            claims.add_column(column)
        for r in result["rows"]:
            mark = (
                "" if r["right"] else (" [bold red]confidently wrong[/]" if r["confidently_wrong"] else " ✗")
            )
            claims.add_row(
                markup(r["claim_id"]),
                r["kind"],
                r["gold"],
                r["verdict"] + mark,
                f"{r['confidence']:.2f}",
                f"{r['origins']} ({r['gold_origins'] if r['gold_origins'] is not None else '-'})",
                f"{r['related_found']}/{r['related']}",
            )
        out.print(claims)


def _emit(result: dict[str, Any], json_out: bool, title: str, rows: bool) -> None:
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        print_endtoend(title, result, rows)


@eval_app.command("stories")
def stories(
    path: Annotated[
        Path | None, typer.Option("--path", help="A stories folder (default: the set shipped with rawi).")
    ] = None,
    encoder: EncoderOption = "use",
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """The stories set: original news stories with gold verdicts, stances and origins, checked end to end.

    Examples:

    \b
    - `rawi eval stories`
    - `rawi eval stories --json > stories.json`
    """
    from rawi.eval.stories import evaluate_stories, load_stories
    from rawi.settings import Settings

    try:
        claims = sum(len(story.claims) for story in load_stories(path))
        with Steps(err, "stories", total=claims, json_out=json_out, quiet=quiet) as progress:
            result = evaluate_stories(path, settings=Settings(encoder=encoder), progress=progress)
    except RawiError as exc:
        err.print(f"[bold red]error[/]: {markup(str(exc))}")
        raise typer.Exit(2) from None
    _emit(result, json_out, f"stories: {result['stories']} stories, {result['articles']} articles", True)


@eval_app.command("verdict")
def verdict(
    data: DataOption = None,
    encoder: EncoderOption = "use",
    cache: Annotated[
        Path | None, typer.Option("--cache", help="SQLite file keeping sentence vectors across runs.")
    ] = None,
    fit: Annotated[
        bool, typer.Option("--fit", help="Also fit the verdict confidence on these verdicts.")
    ] = False,
    limit_claims: Annotated[
        int | None, typer.Option("--limit-claims", help="Only N claims spread over the folds (a quick run).")
    ] = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Baly 2018 end to end: every claim checked against all Baly articles with stance models that
    never saw its fold; the printed verdict scored against the claim's gold factuality.

    Examples:

    \b
    - `rawi eval verdict --cache ~/.cache/rawi/vectors.sqlite`
    - `rawi eval verdict --json --fit > verdict.json`
    """
    from rawi.eval.verdict_eval import evaluate_verdict

    folder = resolve_data_dir("baly2018", data)
    if not folder.is_dir():
        err.print(f"[bold red]error[/]: baly2018 data not found at {markup(str(folder))} (give --data PATH)")
        raise typer.Exit(2)
    try:
        with Steps(err, "verdict", json_out=json_out, quiet=quiet) as progress:
            result = evaluate_verdict(
                folder,
                cache_path=cache,
                encoder=encoder,
                fit=fit,
                limit_claims=limit_claims,
                progress=progress,
            )
    except RawiError as exc:
        err.print(f"[bold red]error[/]: {markup(str(exc))}")
        raise typer.Exit(2) from None
    _emit(result, json_out, f"Baly 2018 verdict end to end ({result['claims']} claims)", False)
