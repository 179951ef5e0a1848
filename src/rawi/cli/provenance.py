"""CLI commands of the provenance stage, for the lead to register on the main Typer app:

    from rawi.cli.provenance import eval_attribution_command, provenance_command
    app.command("provenance")(provenance_command)
    eval_app.command("attribution")(eval_attribution_command)   # eval_app: the `rawi eval` sub-app

Both only parse, call the library and print (rich tables, or JSON with ``--json``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from rawi.cli.common import command_errors, err, out, stdout_reader
from rawi.cli.progress import Steps
from rawi.report.safe import clean_result, markup, terminal_json

POLARITY_STYLE = {"asserts": "green", "reports": "yellow", "denies": "red"}


def provenance_command(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of stored articles.")],
    db: Annotated[str, typer.Option("--db", help="SQLite file of the corpus.")] = "rawi.db",
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Outlet, attributions per sentence (source → polarity, verb) and text reuse of stored articles.

    Examples:

    \b
    - `rawi ingest examples/corpus --db example.db`, then
      `rawi provenance ar/dam-denial-sana.txt --db example.db`
    - `rawi provenance ar/dam-denial-sana.txt feeds/wire.jsonl#mizan-dam-photos --db example.db --json`
    """
    from rawi.core import Rawi

    with command_errors(db), Rawi(db, readonly=True) as wb:
        result = wb.provenance(article_ids)
    with stdout_reader():
        if json_out:
            print(terminal_json(result))
        else:
            for item in result["articles"]:
                _print_article(clean_result(item))
    for missing in result["missing"]:
        err.print(f"[bold red]error[/]: no article with id {markup(repr(missing))} in {markup(db)}")
    if result["missing"]:
        raise typer.Exit(1)


def _print_article(item: dict[str, Any]) -> None:
    from rich.table import Table

    out.rule(f"[bold]{markup(item['article_id'])}[/]")
    out.print(f"title: {markup(item.get('title') or '—')}")
    outlet = markup(item.get("outlet_name") or item.get("outlet") or "unknown outlet")
    published = markup(item.get("published") or "—")
    out.print(f"outlet: {outlet}    published: {published}")
    if item["attributions"]:
        table = Table(title="Attributions", show_lines=False)
        for col in ("sentence", "source", "kind", "polarity", "verb", "relayed by"):
            table.add_column(col)
        for a in item["attributions"]:
            style = POLARITY_STYLE.get(a["polarity"], "")
            table.add_row(
                str(a["sentence_index"]),
                markup(a["source"]),  # as written; the registry key stays in --json
                markup(a.get("source_kind") or "—"),
                f"[{style}]{markup(a['polarity'])}[/]",
                markup(a.get("verb") or "—"),
                markup(a.get("cited_by_source") or "—"),
            )
        out.print(table)
    else:
        out.print("no attributions found")
    if item["reuse"]:
        table = Table(title="Text shared with other articles")
        for col in ("article", "similarity", "earlier", "longest shared passage"):
            table.add_column(col)
        for r in item["reuse"]:
            passage = r["shared_passages"][0] if r["shared_passages"] else ""
            table.add_row(
                markup(r["article_id"]),
                f"{r['similarity']:.2f}",
                markup(r.get("earlier") or "—"),
                markup(passage[:160]),
            )
        out.print(table)
    else:
        out.print("no text reuse found in the corpus")


def _default_data() -> Path | None:
    """The datasets folder the eval commands use (RAWI_DATA, else ../shared/datasets), if present."""
    from rawi.cli.eval import candidate_roots

    return next((root for root in candidate_roots() if root.is_dir()), None)


def eval_attribution_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Datasets folder holding Baly2018_ArabicFC_Stance/ (default: RAWI_DATA)."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score attribution extraction on the annotated Arabic (Baly 2018 references) and English sets.

    Examples:

    \b
    - `rawi eval attribution --data ../shared/datasets`
    - `rawi eval attribution --json`
    """
    from rawi.eval.attribution import evaluate_attribution

    with command_errors(), Steps(err, "attribution", json_out=json_out, lines=False, counted=True) as step:
        result = evaluate_attribution(data or _default_data(), on_item=step, on_total=step.set_total)
    if json_out:
        slim = {k: v for k, v in result.items() if k != "languages"}
        slim["languages"] = {
            code: {k: v for k, v in scores.items() if k != "errors"}
            for code, scores in result["languages"].items()
        }
        print(json.dumps(slim, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(title="Attribution extraction")
    for col in ("set", "gold", "predicted", "matched", "precision", "recall", "F1", "polarity acc.", "relay"):
        table.add_column(col, justify="right")
    rows = [*result["languages"].items(), ("overall", result["overall"])]
    for name, s in rows:
        table.add_row(
            name,
            str(s["gold_sources"]),
            str(s["predicted_sources"]),
            str(s["matched"]),
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            f"{s['polarity_accuracy']:.3f}",
            f"{s['relay']['accuracy']:.3f}",
        )
    out.print(table)
    conf = Table(title="Polarity confusion (rows gold, columns predicted), matched sources")
    conf.add_column("gold \\ predicted")
    labels = list(result["overall"]["polarity_confusion"])
    for p in labels:
        conf.add_column(p, justify="right")
    for g in labels:
        conf.add_row(g, *(str(result["overall"]["polarity_confusion"][g][p]) for p in labels))
    out.print(conf)
    for note in result["notes"]:
        err.print(f"[yellow]note[/]: {note}")
