"""Text made harmless for where it is going: a terminal, or a spreadsheet.

Article text is anyone's: an escape sequence in it (`\\x1b]0;...`, `\\x1b[2J`)
would retitle or clear a terminal that prints it, and a cell that starts
with `=` is a formula to Excel or LibreOffice (`=HYPERLINK(...)`).
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What makes a spreadsheet read a cell as a formula (OWASP's list)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_terminal(text: str) -> str:
    """`text` with each control character but newline and tab written out as `\\u001b`.

    In JSON that is the character's own escape, so JSON output keeps its data.
    """
    return CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def for_spreadsheet(value: Any) -> Any:
    """A cell no spreadsheet runs: text starting `=`, `+`, `-`, `@` (or tab, CR) gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def terminal_safe(value: Any) -> Any:
    """`value` (a row, a list of rows, a dict, nested) with `for_terminal` applied to every string in it."""
    if isinstance(value, str):
        return for_terminal(value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: terminal_safe(getattr(value, f.name)) for f in fields(value) if f.init})
    if isinstance(value, dict):
        return {key: terminal_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(terminal_safe(item) for item in value)
    return value
