"""`rawi train stance`: rebuild the stance model from the Baly 2018 corpus.

Register with ``app.add_typer(train_app, name="train")`` in ``rawi.cli``; also runnable on its own
as ``python -m rawi.cli.train stance --data PATH``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from rawi.cli.common import err as _err
from rawi.cli.common import out as _out
from rawi.cli.progress import Steps
from rawi.errors import RawiError

train_app = typer.Typer(
    name="train",
    help="Train rawi's own models from public datasets (read from a path, never downloaded).",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain Click help, as the other commands
    pretty_exceptions_enable=False,
)


@contextmanager
def _model_errors(out: Path) -> Iterator[None]:
    """A training error or an unwritable output folder: one line on stderr and exit code 2."""
    try:
        yield
    except RawiError as exc:
        _err.print(f"[bold red]error[/]: {exc}")
        raise typer.Exit(2) from None
    except OSError as exc:
        _err.print(f"[bold red]error[/]: cannot write the model to {out}: {exc}")
        raise typer.Exit(2) from None


@train_app.callback()
def train() -> None:
    """Train rawi's own models from public datasets (read from a path, never downloaded)."""
    # A callback keeps `train` a command group even with one sub-command, so `rawi train stance`
    # (and later `rawi train <other>`) parse the same way.


@train_app.command()
def stance(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The datasets folder, or the Baly2018_ArabicFC_Stance folder. "
            "Default: $RAWI_DATA when it is set, else ../shared/datasets.",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the model and MODEL_CARD.md.")] = Path(
        "rawi-stance-model"
    ),
    cv: Annotated[bool, typer.Option("--cv/--no-cv", help="Measure 5-fold CV first (~1-2 min).")] = True,
) -> None:
    """Train the stance model on all of Baly 2018 and write it with its model card.

    Example: `rawi train stance --data ../shared/datasets --out src/rawi/stance/data`
    """
    from rawi.cli.eval import resolve_data_dir
    from rawi.eval.baly2018 import load_baly2018
    from rawi.stance.training import build_and_save

    with _model_errors(out):
        folder = resolve_data_dir("baly2018", data)
        with Steps(_err, "train stance") as progress:
            progress("reading Baly 2018")
            corpus = load_baly2018(folder)
            progress(f"read {len(corpus.pairs)} pairs, {len(corpus.claim_ids)} claims from {folder}")
            progress("cross-validating on the paper's folds" if cv else "training")
            metadata = build_and_save(
                corpus,
                out,
                data_description=f"Baly et al. 2018 Arabic stance corpus ({folder.name}), all folds",
                command="rawi train stance --data <datasets> --out " + str(out) + ("" if cv else " --no-cv"),
                run_cv=cv,
                progress=progress,
            )
    scores = (metadata.get("cv") or {}).get("f1")
    if scores:
        _out.print("5-fold CV F1: " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    _out.print(f"[green]wrote[/] {out}/model.json, booster.txt, MODEL_CARD.md")


@train_app.command()
def semantic(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="The datasets folder (with Baly2018_ArabicFC_Stance/ and ANS/)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for semantic-<encoder>.json.")] = Path(
        "rawi-stance-model"
    ),
    encoder: Annotated[str, typer.Option("--encoder", help="use or e5.")] = "use",
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="SQLite file keeping sentence vectors across runs (default: none)."),
    ] = None,
) -> None:
    """Train the evidence-sentence stance stage (pair model + article combiner) for one encoder.

    Cross-validates on the Baly folds (the lexical model retrained per fold), then fits on all
    data. Embedding every candidate line of Baly takes ~10 min with USE on one core the first time;
    give --cache to keep the vectors for the next run.

    Example: `rawi train semantic --data ../shared/datasets --out src/rawi/stance/data
    --cache ~/.cache/rawi/vectors.sqlite`
    """
    from rawi.cli.eval import resolve_data_dir
    from rawi.embed import load_encoder
    from rawi.embed.cache import EmbeddingCache
    from rawi.eval.ans import load_ans
    from rawi.eval.baly2018 import load_baly2018
    from rawi.stance.semantic_training import semantic_card, train_semantic_stage

    with _model_errors(out):
        enc = load_encoder(encoder, fallback=False)
        if enc is None:
            raise RawiError(f"encoder {encoder!r} is not installed")
        corpus = load_baly2018(resolve_data_dir("baly2018", data))
        ans = load_ans(resolve_data_dir("ans", data))
        vectors = EmbeddingCache(enc, cache)
        with Steps(_err, "train semantic") as progress:
            stage, report, _, _ = train_semantic_stage(corpus, ans, vectors, progress=progress)
        stage.metadata["command"] = f"rawi train semantic --data <datasets> --encoder {encoder} --out {out}"
        path = stage.save(out)
        (out / f"MODEL_CARD-semantic-{encoder}.md").write_text(semantic_card(stage), encoding="utf-8")
    f1 = report["baly_5fold"]["f1"]
    _out.print("Baly 5-fold F1 (label = top score): " + "  ".join(f"{k} {v:.3f}" for k, v in f1.items()))
    _out.print(f"ANS dev macro-F1 (pair model): {report['ans_dev']['pair_model_shipped']['macro']:.3f}")
    _out.print(f"[green]wrote[/] {path}")


def main() -> None:
    train_app(prog_name="rawi train")


if __name__ == "__main__":
    sys.exit(main())
