"""The build context: everything derived from one dataset, computed once, passed explicitly.

A `BuildContext` is made by the glue for each build (and by tests for a fixture): the
dataset, the site settings, and, computed on first use, the indexes, the paging of every
list and the plan's progress. Both languages of a build share it; `mkdocs serve` makes a
new one for every rebuild, so nothing outlives the data it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from ..model.dataset import Dataset
from ..model.records import DEFAULT_LANG
from . import progress
from .indexes import Indexes
from .listings import LISTINGS
from .paging import DEFAULT_PAGE_SIZE, Layout


@dataclass(frozen=True)
class Settings:
    """What a build is told besides its data: the date, languages, address, paging."""

    as_of: date
    default_lang: str = DEFAULT_LANG
    languages: tuple[str, ...] = (DEFAULT_LANG,)
    site_url: str = ""
    page_size: int = DEFAULT_PAGE_SIZE
    stale_after_days: int = progress.STALE_AFTER_DAYS
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


class Published(Protocol):
    """What the publishing layer computed that pages show (Open data, What changed)."""

    @property
    def history(self) -> Any: ...

    def downloads(self) -> list[Any]: ...


class BuildContext:
    """One dataset and its settings, with everything derived from them."""

    def __init__(self, dataset: Dataset, settings: Settings) -> None:
        self.dataset = dataset
        self.settings = settings
        # Set by the glue once the publication (downloads, history) is known.
        self.published: Published | None = None

    @cached_property
    def indexes(self) -> Indexes:
        return Indexes(self.dataset)

    @cached_property
    def layout(self) -> Layout:
        """Every paginated list cut into pages."""
        result = Layout(max(1, int(self.settings.page_size)))
        for key, listing in LISTINGS.items():
            result.add(key, listing(self.dataset, self.indexes, self.settings.as_of))
        return result

    @cached_property
    def progress(self) -> progress.Progress:
        """Every task's state at the as-of date."""
        return progress.compute(self.dataset.tasks, self.dataset.updates, self.settings.as_of,
                                self.settings.stale_after_days)

    @cached_property
    def progress_over_time(self) -> dict[str | None, list[tuple[date, float]]]:
        """Each plan's overall progress at its update days."""
        return progress.progress_over_time(self.dataset.tasks, self.dataset.updates, self.settings.as_of)
