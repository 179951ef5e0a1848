"""Untrusted text made safe to show: article titles, ids, file names and sentences come from whoever
wrote the archive, and must never drive the terminal or the page that shows them.

- :func:`clean` drops terminal escape sequences (CSI, OSC hyperlinks and titles, DCS...) and every
  other control character but tab and newline, so an article cannot move the cursor, rewrite the
  verdict line, set the window title or plant a link.
- :func:`markup` is :func:`clean` escaped for Rich markup, for text put inside a markup string.
- :func:`clean_result` cleans every string of a result before a text, Markdown or HTML rendering.
- :func:`terminal_json` is JSON whose strings escape C1 controls and line separators as well (JSON
  itself escapes only C0), so printing it is as safe as printing the other formats.

Every pattern here is linear in the length of the text (no nested or overlapping repetition).
"""

from __future__ import annotations

import json
import re
from typing import Any

# ESC [ params intermediates final | ESC ] ... (BEL | ESC \) | ESC P/X/^/_ ... ESC \ | ESC and one
# more character | the 8-bit forms of CSI (U+009B) and OSC (U+009D).
_ESCAPES = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]?"
    "|\x1b\\][^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\\\|\x9c)?"
    "|\x1b.?"
    "|\x9b[0-?]*[ -/]*[@-~]?"
    "|\x9d[^\x07\x9c]*(?:\x07|\x9c)?",
    re.DOTALL,
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def clean(text: object) -> str:
    """``text`` without escape sequences or control characters (tab and newline kept).

    >>> clean("Verdict\\x1b[2K\\x1b[1Gsupported\\x1b]8;;https://x.example\\x07link\\x1b]8;;\\x07\\r")
    'Verdictsupportedlink'
    """
    text = text if isinstance(text, str) else str(text)
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def markup(text: object, *, one_line: bool = False) -> str:
    """:func:`clean` text escaped for Rich markup: "[bold]" shows as "[bold]". With ``one_line``,
    newlines and tabs become spaces (a file name cannot start a fake line of its own).

    >>> markup("[link=https://x.example]x[/link] \\x1b[31m")
    '\\\\[link=https://x.example]x\\\\[/link] '
    >>> markup("a.txt\\n0 problem(s)", one_line=True)
    'a.txt 0 problem(s)'
    """
    from rich.markup import escape  # here, not at import: `rawi --help` does not load Rich

    text = clean(text)
    return escape(" ".join(text.split()) if one_line and ("\n" in text or "\t" in text) else text)


def clean_result(value: Any) -> Any:
    """A copy of a result (dicts, lists, strings, numbers) with every string :func:`clean`."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): clean_result(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_result(v) for v in value]
    return value


def terminal_json(value: Any, *, indent: int | None = 2) -> str:
    """``json.dumps`` (UTF-8 kept) with C1 controls and U+2028/U+2029 escaped as ``\\uXXXX``.

    >>> terminal_json({"t": "a\\x9b2Jb\\u2028"}, indent=None)
    '{"t": "a\\\\u009b2Jb\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
