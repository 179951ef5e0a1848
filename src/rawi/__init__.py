"""rawi: trace, weigh and check claims across Arabic news (with English alongside).

>>> from rawi import Rawi                                     # doctest: +SKIP
>>> with Rawi("news.db") as wb:                               # doctest: +SKIP
...     wb.ingest(["archive/"])
...     wb.check("انهار سد وادي الرمل")["verdict"]["label"]
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["IngestReport", "Rawi", "Settings", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import rawi.text` does not pay for the models and stores that the core loads.
    if name in ("Rawi", "IngestReport"):
        from rawi import core

        return getattr(core, name)
    if name == "Settings":
        from rawi.settings import Settings

        return Settings
    raise AttributeError(f"module 'rawi' has no attribute {name!r}")
