"""The one place "today" comes from: SITE_AS_OF, else SOURCE_DATE_EPOCH, else the clock."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime


def resolve_as_of(environ: Mapping[str, str] | None = None) -> date:
    """The as-of date of a build; pin it with SITE_AS_OF=YYYY-MM-DD or SOURCE_DATE_EPOCH."""
    env = os.environ if environ is None else environ
    if env.get("SITE_AS_OF"):
        return date.fromisoformat(env["SITE_AS_OF"])
    if env.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), UTC).date()
    return datetime.now(UTC).date()


def build_time(environ: Mapping[str, str] | None = None) -> datetime:
    """The timestamp a build writes (feeds, citations): SOURCE_DATE_EPOCH, else the as-of day."""
    env = os.environ if environ is None else environ
    if env.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), UTC)
    day = resolve_as_of(env)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
