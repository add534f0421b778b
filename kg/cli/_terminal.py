"""Text from articles made safe for a terminal: control characters shown, never obeyed.

An article can hold ESC sequences (colours, cursor moves, a changed window
title), C1 controls or bidirectional overrides; printed raw they act on the
reader's terminal. Everything the CLI prints from the store or from an error
goes through here.
"""

from __future__ import annotations

import re
import sys

# C0 (but tab and newline, kept where the format needs them), DEL, C1, bidi overrides and isolates
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_TRACEBACK = "Traceback (most recent call last)"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str, *, keep_breaks: bool = True) -> str:
    r"""``text`` with control characters written as ``\xNN`` / ``\uNNNN``.

    >>> escape_controls("Hà Nội\x1b[2J\u202e")
    'Hà Nội\\x1b[2J\\u202e'
    >>> escape_controls("a\nb", keep_breaks=False)
    'a\\x0ab'
    """
    pattern = _CONTROLS if keep_breaks else _CONTROLS_AND_BREAKS
    return pattern.sub(_visible, text)


def error_line(message: str) -> str:
    r"""A message as one safe line; a traceback carried inside is cut to its last line.

    >>> error_line("extraction failed in a worker:\nTraceback (most recent call last):\n  x\nValueError: boom\n")
    'extraction failed in a worker: ValueError: boom'
    """
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if any(line.startswith(_TRACEBACK) for line in lines):
        lines = [lines[0], lines[-1]]
    return escape_controls(" ".join(lines), keep_breaks=False)


def safe_output(text: str, fmt: str) -> str:
    """Query output for stdout: tables always escaped; JSON with lossless ``\\u`` escapes;
    CSV and TSV escaped only on a terminal (piped to a file they stay exact)."""
    if fmt == "json":
        return _CONTROLS.sub(_json_escape, text)  # C0 is already escaped by json.dumps
    if fmt == "table" or sys.stdout.isatty():
        return escape_controls(text)
    return text
