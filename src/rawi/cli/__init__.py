"""The `rawi` command line: parse, call the core, print. Nothing else lives here.

Exit codes: 0 success; 1 the run finished but something in the input failed (named on stderr);
2 the command could not run (bad claim, missing data, unreadable database).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rawi.cli.common import check_out_file, command_errors, err, fail, out, stdout_reader
from rawi.cli.eval import eval_app
from rawi.cli.progress import Steps
from rawi.cli.provenance import eval_attribution_command, provenance_command
from rawi.cli.serve import serve_command
from rawi.cli.train import train_app
from rawi.report import FORMATS, cleaned, render
from rawi.report.safe import clean, markup, terminal_json

if TYPE_CHECKING:
    from rawi.result import CheckResult

app = typer.Typer(
    name="rawi",
    help="rawi (راوي): trace, weigh and check claims across Arabic and English news, offline.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain Click help: Rich's help renderer alone took 0.17 s to import
    pretty_exceptions_enable=False,
)

EncoderOption = Annotated[
    str,
    typer.Option(
        "--encoder",
        help="Sentence encoder of the semantic layer: use (default, portable), e5 (Linux x86_64) or none "
        "(lexical-only). A missing one falls back to the other, and the result says so.",
    ),
]
SHOW_ALREADY_STORED = 5  # "already stored ... as ..." lines printed; the rest counted
DbOption = Annotated[
    str,
    typer.Option("--db", help="SQLite file of the corpus (a postgresql:// URL selects the server store)."),
]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders: txt, md, html, json, jsonl, csv.")],
    db: DbOption = "rawi.db",
    max_file_mb: Annotated[float, typer.Option(help="Refuse files larger than this many MB.")] = 10.0,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    encoder: EncoderOption = "use",
) -> None:
    """Read articles into the corpus (and their vectors into the semantic index, unless --encoder
    none). Re-ingesting the same content adds nothing; changed files replace the old version. Bad
    files are reported by name and the run goes on with the rest.

    Examples:

    \b
    - `rawi ingest examples/corpus`
    - `rawi ingest archive/ feeds/wire.jsonl --db news.db`
    """
    from rawi.core import Rawi
    from rawi.settings import Settings

    with command_errors(db):
        settings = Settings(max_file_bytes=max(1, int(max_file_mb * 1024 * 1024)), encoder=encoder)
        with Rawi(db, settings) as wb:
            wb.corpus  # noqa: B018 - a store that cannot be opened stops the command before any file is read
            total = wb.count_files(paths)
            # a bar (files read of all) for a folder, on a terminal; no lines: problems come after
            with Steps(err, "ingest", total=total, json_out=json_out, quiet=total < 20, lines=False) as step:
                report = wb.ingest(paths, on_file=step)
    for p in report.problems:
        source, reason = markup(p.source, one_line=True), markup(p.reason, one_line=True)
        err.print(f"[yellow]skipped[/] {source}: \\[{p.code}] {reason}", soft_wrap=True)
    _print_already_stored(report.already_stored)
    if json_out:
        print(terminal_json(report.to_json(), indent=None))
    else:
        out.print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.problems)} problem(s) → {markup(db)}"
        )
    if report.problems:
        raise typer.Exit(1)


def _print_already_stored(already: dict[str, str]) -> None:
    """Articles whose file was stored before through another folder or path: kept under that id."""
    shown = list(already.items())
    for given, stored in shown[:SHOW_ALREADY_STORED]:
        given, stored = markup(given, one_line=True), markup(stored, one_line=True)
        err.print(f"[dim]already stored[/] {given} as {stored} (the same file, reached another way)")
    if len(shown) > SHOW_ALREADY_STORED:
        err.print(f"[dim]already stored[/] {len(shown) - SHOW_ALREADY_STORED} more, under their first ids")


@app.command()
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, in Arabic or English.")],
    db: DbOption = "rawi.db",
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "text",
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the report to this file.")] = None,
    top_k: Annotated[int, typer.Option(help="Articles retrieved and given a stance.")] = 20,
    sources: Annotated[list[Path] | None, typer.Option(help="Extra sources-registry YAML files.")] = None,
    reliability: Annotated[Path | None, typer.Option(help="Reliability weights file (YAML or CSV).")] = None,
    encoder: EncoderOption = "use",
    review_url: Annotated[
        str | None,
        typer.Option(
            "--review-url", help="With --format claimreview: the http(s) address the review is published at."
        ),
    ] = None,
) -> None:
    """Check a claim: evidence with stances and rationale sentences, provenance, and a verdict.

    Examples:

    \b
    - `rawi check "انهار سد وادي الرمل في ريف حماة"`
    - `rawi check "Jordan banned potato imports" --format json --out result.json`
    - `rawi check "..." --format html --out report.html`
    - `rawi check "..." --format claimreview --review-url https://example.org/checks/dam`
    """
    from rawi.core import Rawi
    from rawi.settings import Settings

    if format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}; got {format!r}")
    if review_url is not None:
        from rawi.report.claimreview import safe_url

        if format != "claimreview":
            raise fail("--review-url is for --format claimreview (the address the review is published at)")
        if safe_url(review_url) is None:
            raise fail(f"--review-url must be an http:// or https:// address; got {review_url!r}")
    check_out_file(out_file)
    with command_errors(db):
        settings = Settings(
            top_k=top_k, sources_files=list(sources or []), reliability_file=reliability, encoder=encoder
        )
        with Rawi(db, settings, readonly=True) as wb:
            result = wb.check_result(claim)
        if out_file:
            out_file.write_text(_rendered(result, format, review_url), encoding="utf-8")
            err.print(f"wrote {format} report to {markup(out_file)}")
            return
    with stdout_reader():
        if format == "text":
            from rawi.report.text import build as build_text_report

            out.print(build_text_report(cleaned(result)))
        else:
            sys.stdout.write(_rendered(result, format, review_url))


def _rendered(result: CheckResult, format: str, review_url: str | None) -> str:
    if format == "claimreview":  # the one format with an option of its own
        from rawi.report.claimreview import render_claimreview

        return render_claimreview(result, url=review_url)
    return render(result, format)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for; any search syntax is treated as text.")],
    db: DbOption = "rawi.db",
    limit: Annotated[int, typer.Option(help="How many articles to show.")] = 10,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search the corpus (BM25 over normalized, stemmed text) and show the best sentences.

    Examples:

    \b
    - `rawi search "سد حماة"`
    - `rawi search "potato imports" --json`
    """
    from rawi.core import Rawi

    with command_errors(db), Rawi(db, readonly=True) as wb:
        hits = wb.search(query, limit=limit)
    with stdout_reader():
        _print_hits(hits, json_out)


def _print_hits(hits: list[dict[str, Any]], json_out: bool) -> None:
    if json_out:
        print(terminal_json(hits))
        return
    if not hits:
        out.print("no matching article")
    for h in hits:
        article_id, title = markup(h["article_id"], one_line=True), markup(h["title"] or "", one_line=True)
        out.print(f"[bold]{article_id}[/] ({h['score']:.2f}) {title}")
        for s in h["sentences"]:
            out.print(
                f"    {markup(s['text'])}",
                justify="right" if any("\u0600" <= c <= "\u06ff" for c in s["text"]) else "left",
            )


@app.command()
def stats(
    db: DbOption = "rawi.db",
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of the corpus: articles, sentences, languages, outlets, dates.

    Example: `rawi stats --db news.db`
    """
    from rawi.core import Rawi

    with command_errors(db), Rawi(db, readonly=True) as wb:
        data = wb.stats()
    if json_out:
        with stdout_reader():
            print(terminal_json(data))
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"corpus {markup(data.get('store', db))}", show_header=False)
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        table.add_row(Text(clean(key)), Text(clean(value)))
    with stdout_reader():
        out.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema that `rawi check --format json` follows (shipped inside the package).

    Example: `rawi schema > check-result.schema.json`
    """
    from rawi.contracts import schema_text

    with stdout_reader():
        sys.stdout.write(schema_text())


app.command("provenance")(provenance_command)
app.command("serve")(serve_command)
eval_app.command("attribution")(eval_attribution_command)
import rawi.cli.eval_endtoend  # noqa: E402,F401  (registers `rawi eval stories` and `rawi eval verdict`)

app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")


def main() -> None:  # pragma: no cover - console entry
    app()
