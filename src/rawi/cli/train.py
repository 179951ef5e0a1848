"""`rawi train stance`: rebuild the stance model from the Baly 2018 corpus.

Register with ``app.add_typer(train_app, name="train")`` in ``rawi.cli``; also runnable on its own
as ``python -m rawi.cli.train stance --data PATH``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rawi.errors import RawiError

train_app = typer.Typer(
    name="train",
    help="Train rawi's own models from public datasets (read from a path, never downloaded).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


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

    try:
        folder = resolve_data_dir("baly2018", data)
        with _out.status("reading Baly 2018 ...") as status:
            corpus = load_baly2018(folder)
            _out.print(f"read {len(corpus.pairs)} pairs, {len(corpus.claim_ids)} claims from {folder}")
            status.update("cross-validating on the paper's folds ..." if cv else "training ...")
            metadata = build_and_save(
                corpus,
                out,
                data_description=f"Baly et al. 2018 Arabic stance corpus ({folder.name}), all folds",
                command="rawi train stance --data <datasets> --out " + str(out) + ("" if cv else " --no-cv"),
                run_cv=cv,
                progress=lambda message: (_out.print(f"  {message}"), status.update(message)),
            )
    except RawiError as exc:
        _err.print(f"[bold red]error[/]: {exc}")
        raise typer.Exit(2) from None
    except OSError as exc:
        _err.print(f"[bold red]error[/]: cannot write the model to {out}: {exc}")
        raise typer.Exit(2) from None
    scores = (metadata.get("cv") or {}).get("f1")
    if scores:
        _out.print("5-fold CV F1: " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    _out.print(f"[green]wrote[/] {out}/model.json, booster.txt, MODEL_CARD.md")


def main() -> None:
    train_app(prog_name="rawi train")


if __name__ == "__main__":
    sys.exit(main())
