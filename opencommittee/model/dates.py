"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) and the one period validator."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr, model_validator

# The one pattern of a partial date, used by the models and every JSON Schema. Digits are
# written [0-9]: Python's and pydantic's \d also match other scripts' digits ("٢٠٢٤").
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


# A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) that must exist on the calendar.
# Year 0000, month 00 and day 00 do not exist. (Called for every date of every record.)
def _check_partial_date(value: str) -> str:
    match = _DATE_RE.match(value)
    if not match:
        raise ValueError("date_format")
    year, month, day = match.groups()
    if day is not None:
        try:
            date.fromisoformat(value)  # exactly YYYY-MM-DD here: the pattern matched
        except ValueError:
            raise ValueError("date_invalid") from None
    elif year == "0000" or (month is not None and not "01" <= month <= "12"):
        raise ValueError("date_invalid")
    return value


# A year written without quotes (`2015`) arrives as an int: read it as the year. Any
# other whole number (`20140702`) is read as text too, so that it is named as a date not
# in the form YYYY-MM-DD rather than as a number where text was expected.
def year_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PartialDate = Annotated[
    StrictStr,
    BeforeValidator(year_as_text),
    AfterValidator(_check_partial_date),
    Field(pattern=DATE_PATTERN, json_schema_extra={"examples": ["2014", "2014-07", "2014-07-02"]}),
]


# A pure function of the text, asked for the same few thousand dates hundreds of thousands
# of times a build (each state of progress, each feed item).
@lru_cache(maxsize=16384)
def date_bounds(value: str) -> tuple[date, date]:
    """Earliest and latest calendar day a partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


class FieldError(ValueError):
    """A model-level problem about one field: the message code and the field it names."""

    def __init__(self, code: str, field: str) -> None:
        super().__init__(code)
        self.code = code
        self.field = field


def period(start: str, end: str, code: str = "end_before_start") -> Any:
    """A model validator, attached by name: `end` may not lie before `start`.

    Both are partial dates; `end` fails only when its last possible day is before the
    first possible day of `start`. The problem is reported at the `end` field.
    """

    def check(self: Any) -> Any:
        first, last = getattr(self, start), getattr(self, end)
        if first and last and date_bounds(last)[1] < date_bounds(first)[0]:
            raise FieldError(code, end)
        return self

    check.__name__ = f"_period_{start}_{end}"
    return model_validator(mode="after")(check)
