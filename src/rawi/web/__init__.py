"""``rawi serve``: the web workbench and REST API over the same check pipeline as the CLI."""

from rawi.web.app import create_app

__all__ = ["create_app"]
