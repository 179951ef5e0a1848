"""Bytes to text: UTF-8 (with or without BOM) first, then charset-normalizer, preferring cp1256 for
Arabic. Binary and undecodable input raise :class:`rawi.errors.InputError` with a stable code."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from rawi.errors import InputError

# Encodings that can hold Arabic letters; any other best guess is checked against cp1256.
ARABIC_CAPABLE = frozenset(
    {
        "utf_8",
        "utf_8_sig",
        "utf_16",
        "utf_16_le",
        "utf_16_be",
        "cp1256",
        "iso8859_6",
        "cp864",
        "cp720",
        "mac_arabic",
    }
)
ARABIC_SHARE = 0.6  # share of letters that must be Arabic for cp1256 to win over another guess
CONTROL_SHARE = 0.05  # more control characters than this (besides tab/newline/CR/FF) means binary

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_CR = re.compile(r"\r\n?")


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _plausible_arabic(text: str) -> bool:
    """Mostly Arabic letters, with spaces between words (random high bytes decode to letters too)."""
    sample = text[:20_000]
    letters = len(_LETTER.findall(sample))
    spaces = sum(ch.isspace() for ch in sample)
    return (
        spaces >= 0.05 * len(sample)
        and letters + spaces >= 0.75 * len(sample)
        and _arabic_share(sample) >= ARABIC_SHARE
    )


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    return bool(sample) and len(_CONTROL.findall(sample)) > CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes, *, line_separators: bool = True) -> tuple[str, str]:
    """Decode file content; returns (text with ``\\n`` newlines and no BOM, encoding name).

    ``line_separators=False`` leaves U+2028/U+2029 as they are (JSON allows them raw inside strings,
    where a newline would break the document); CRLF and CR always become ``\\n``.

    >>> decode_bytes("قال الوزير".encode("cp1256"))
    ('قال الوزير', 'cp1256')
    >>> decode_bytes(b"\\xef\\xbb\\xbfline one\\r\\nline two")
    ('line one\\nline two', 'utf_8_sig')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_utf16(data)
    elif b"\x00" in data:
        raise InputError("it is a binary file (it contains NUL bytes), not text", code="E102")
    else:
        try:
            encoding = "utf_8_sig" if data.startswith(b"\xef\xbb\xbf") else "utf_8"
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text, encoding = _guess(data)
    return _checked(text, encoding, line_separators)


def _checked(text: str, encoding: str, line_separators: bool) -> tuple[str, str]:
    if _looks_binary(text):
        raise InputError("it is a binary file (mostly control characters), not text", code="E102")
    if line_separators and ("\r" in text or "\u2028" in text or "\u2029" in text):
        text = _NEWLINES.sub("\n", text)
    elif "\r" in text:
        text = _CR.sub("\n", text)
    return text, encoding


# Files this large are decoded a slice at a time when they are UTF-8 (most are): decoding the whole
# bytes at once briefly held four times the file (the bytes, then a buffer of one then two bytes
# per input byte, before it shrinks to the text).
STREAM_FROM_BYTES = 8 * 1024 * 1024
READ_SLICE = 1024 * 1024


def decode_file(path: Path, *, line_separators: bool = True) -> tuple[str, str] | None:
    """:func:`decode_bytes` of a file's content, or None when it is empty (only whitespace bytes).

    A large UTF-8 file is read and decoded a slice at a time, so its bytes are never all in memory;
    any other file (or a large one that turns out not to be UTF-8) is read whole and decoded so.
    """
    if path.stat().st_size >= STREAM_FROM_BYTES:
        streamed = _stream_utf8(path)
        if streamed is not None:
            text, encoding = streamed
            return None if not text or text.isspace() else _checked(text, encoding, line_separators)
    data = path.read_bytes()
    if not data or data.isspace():
        return None
    return decode_bytes(data, line_separators=line_separators)


def _stream_utf8(path: Path) -> tuple[str, str] | None:
    """The text of a UTF-8 file (BOM dropped), or None when it is not UTF-8 (or is UTF-16)."""
    decoder = codecs.getincrementaldecoder("utf_8")()
    parts: list[str] = []
    with path.open("rb") as f:
        chunk = f.read(READ_SLICE)
        if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None
        encoding = "utf_8_sig" if chunk.startswith(codecs.BOM_UTF8) else "utf_8"
        if encoding == "utf_8_sig":
            chunk = chunk[len(codecs.BOM_UTF8) :]
        while chunk:
            if b"\x00" in chunk:
                raise InputError("it is a binary file (it contains NUL bytes), not text", code="E102")
            try:
                parts.append(decoder.decode(chunk))
            except UnicodeDecodeError:
                return None
            chunk = f.read(READ_SLICE)
    try:
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    return "".join(parts), encoding


def _decode_utf16(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf_16"), "utf_16"
    except UnicodeDecodeError:
        raise InputError(
            "it starts with a UTF-16 byte-order mark but is not valid UTF-16", code="E103"
        ) from None


def _guess(data: bytes) -> tuple[str, str]:
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if guess not in ARABIC_CAPABLE:
        # charset-normalizer often calls short Arabic cp1256 text some other single-byte page.
        try:
            as_cp1256 = data.decode("cp1256")
        except UnicodeDecodeError:
            as_cp1256 = None
        if as_cp1256 is not None and _plausible_arabic(as_cp1256):
            return as_cp1256, "cp1256"
    if best is None or guess is None:
        raise InputError(
            "its encoding could not be recognised (not UTF-8, cp1256 or another known encoding)", code="E103"
        )
    return str(best), guess
