"""How a plain (unquoted) YAML scalar is read here: the one rule for both readers.

Plain scalars stay strings unless they are plain integers, decimals, `true`/`false` or
`null` (`~`, or nothing), so that dates stay ISO strings exactly as written and `NO`
stays `NO`. Numbers are kept only as large as JSON readers hold exactly.
"""

from __future__ import annotations

import re
from typing import Any

# Documented limit (README, CONTRIBUTING): plain numbers of at most 2**53 - 1 in size.
MAX_INTEGER = 2**53 - 1

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
# Plain scalars that are not strings.
SPECIAL: dict[str, Any] = {"null": None, "~": None, "": None, "true": True, "false": False}
# How a plain scalar that may be a number starts.
NUMERIC = frozenset("0123456789+-")


class _Number:
    """A plain number too large to keep exactly."""


TOO_LARGE = _Number()


def number(text: str) -> Any:
    """A plain scalar starting like a number: an int, a float, TOO_LARGE, or the text."""
    if _INT.match(text):
        # never convert thousands of digits (Python refuses past 4,300): count them first
        if len(text.lstrip("+-")) > 16 or abs(int(text)) > MAX_INTEGER:
            return TOO_LARGE
        return int(text)
    if _FLOAT.match(text):
        value = float(text)
        if value in (float("inf"), float("-inf")) or abs(value) > MAX_INTEGER:
            return TOO_LARGE
        return value
    return text
