"""Dates and numbers formatted per language with Babel."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent


@lru_cache(maxsize=65536)
def partial_date(value: str | None, lang: str) -> str | None:
    """A partial ISO date in the reader's language: year, month and year, or full date."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", date(parts[0], parts[1], 1), locale=lang)
    return format_date(date(*parts), "long", locale=lang)


def full_date(value: date, lang: str) -> str:
    """A calendar date in the reader's language."""
    return format_date(value, "long", locale=lang)


@lru_cache(maxsize=65536)
def number(value: float | int, lang: str, digits: int = 1) -> str:
    """A number with the language's decimal separator and at most `digits` decimals."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=lang)


@lru_cache(maxsize=65536)
def percent(value: float | None, lang: str) -> str | None:
    """A 0–100 percentage in the reader's language (37.5 → "37,5%" in vi)."""
    if value is None:
        return None
    return format_percent(value / 100, "#,##0.#%", locale=lang)
