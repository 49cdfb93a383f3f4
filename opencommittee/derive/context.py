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
from ..model.records import DEFAULT_LANG, Update
from . import progress
from .indexes import Indexes
from .listings import listings_of
from .paging import DEFAULT_PAGE_SIZE, Layout
from .routes import Router
from .subject_listings import Years, subject_listings


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
        self._progress_at: dict[date, progress.Progress] = {}
        # What the render layer worked out once for every page of this build: each
        # record's label by (language, id), and the page that holds each record.
        self.labels: dict[tuple[str, str], Any] = {}
        self.locations: dict[str, Any] = {}

    @cached_property
    def indexes(self) -> Indexes:
        return Indexes(self.dataset)

    @cached_property
    def corrections_of(self) -> dict[str, list[Any]]:
        """The published corrections of each record id, oldest first."""
        found: dict[str, list[Any]] = {}
        for correction in sorted(self.dataset.corrections, key=lambda c: (progress.day_of(c.date), c.id)):
            found.setdefault(correction.record_id, []).append(correction)
        return found

    @cached_property
    def router(self) -> Router:
        """Paths of pages (the body the site is about has the site's own pages)."""
        primary = self.indexes.primary
        return Router(primary.id if primary else None)

    @cached_property
    def years(self) -> Years:
        return Years(self.dataset, self.indexes, self.settings.as_of)

    @cached_property
    def layout(self) -> Layout:
        """Every paged list cut into pages: the site's and the bodies' pages first (they
        decide where each record is anchored), then the pages about one subject."""
        size = max(2, int(self.settings.page_size))
        result = Layout(size)
        for key, entries in listings_of(self.dataset, self.indexes, self.settings.as_of, size):
            result.add(key, entries)
        for key, entries in subject_listings(self.dataset, self.indexes, self.settings.as_of, self.years):
            result.add(key, entries)
        return result

    def progress_at(self, day: date) -> progress.Progress:
        """Every task's state at the end of `day`, from the updates dated up to then
        (computed once per day asked, for the year pages)."""
        if day not in self._progress_at:
            self._progress_at[day] = progress.compute(self.dataset.tasks, self.ordered_updates, day,
                                                      self.settings.stale_after_days, until=day, ordered=True)
        return self._progress_at[day]

    @cached_property
    def ordered_updates(self) -> list[Update]:
        """Every update, oldest first (sorted once for all the year pages' states)."""
        return progress.order_updates(self.dataset.updates)

    @cached_property
    def progress(self) -> progress.Progress:
        """Every task's state at the as-of date."""
        return progress.compute(self.dataset.tasks, self.dataset.updates, self.settings.as_of,
                                self.settings.stale_after_days)

    @staticmethod
    def loose_group(scope: str | None) -> str | None:
        """The group of the tasks in no plan of one scope (None: the site's own)."""
        return None if scope is None else f"loose:{scope}"

    @cached_property
    def task_groups(self) -> dict[str, str | None]:
        """Each task's group for roll-ups over time: its plan, else its scope's loose tasks."""
        plans = progress.tasks_plan(self.dataset.tasks)
        return {t.id: plans[t.id] or self.loose_group(self.indexes.scope_of(t.id)) for t in self.dataset.tasks}

    @cached_property
    def progress_over_time(self) -> dict[str | None, list[tuple[date, float]]]:
        """Each plan's (and each scope's loose tasks') overall progress at update days."""
        return progress.progress_over_time(self.dataset.tasks, self.dataset.updates, self.settings.as_of,
                                           group_of=self.task_groups)
