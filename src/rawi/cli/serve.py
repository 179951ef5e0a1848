"""`rawi serve`: the web workbench and REST API (see rawi.web)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from rawi.cli.common import command_errors, err, fail
from rawi.report.safe import markup

TOKEN_ENV = "RAWI_TOKEN"


def serve_command(
    db: Annotated[
        str, typer.Option("--db", help="SQLite file of the corpus (created when absent).")
    ] = "rawi.db",
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help=f"Token that writing requests must present (default: ${TOKEN_ENV}; on loopback, a new one)."
        ),
    ] = None,
    encoder: Annotated[
        str, typer.Option("--encoder", help="use (default), e5 or none (lexical-only).")
    ] = "use",
) -> None:
    """Serve the web workbench: `GET /check?claim=…` is the page, `GET /api/check?claim=…` the contract
    JSON, `/openapi.json` the API. Models load once, before the first request.

    Examples:

    - `rawi serve --db news.db`
    - `RAWI_TOKEN=… rawi serve --db news.db --host 0.0.0.0 --port 8080`
    """
    import uvicorn

    from rawi.core import Rawi
    from rawi.settings import Settings
    from rawi.web import create_app
    from rawi.web.security import is_loopback, new_token

    token = token or os.environ.get(TOKEN_ENV) or None
    if token is None:
        if not is_loopback(host):
            raise fail(
                f"refusing to listen on {host} without a token: anyone who can reach it could change the "
                f"corpus. Give --token or set {TOKEN_ENV}."
            )
        token = new_token()
        err.print(f"writing token for this run (sign in at /login): {markup(token)}", soft_wrap=True)
    with command_errors(db):
        wb = Rawi(db, Settings(encoder=encoder))
        app = create_app(wb, token=token)
    err.print(f"rawi serving {markup(db)} on http://{markup(host)}:{port}/", soft_wrap=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        wb.close()
