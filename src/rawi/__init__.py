"""rawi: trace, weigh and check claims across Arabic news (with English alongside)."""

__version__ = "0.1.0"
