"""Typed records for every data collection (Popolo-like), validated with pydantic.

Each collection is one YAML file in `data/` holding a list of records. Records forbid
unknown fields, carry `sources` when they state facts, and use partial ISO dates.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, StrictStr, model_validator

from .dates import FieldError, PartialDate, date_bounds, period
from .vocab import AgendaKind, DocStatus, DocType, EventClass, OrgClass, Role, Status, Unit

DEFAULT_LANG = "vi"

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, json_schema_extra={"examples": ["to-hung-khoa"]})]
LANG_RE = re.compile(r"^[a-z]{2,3}$")


class Text(RootModel[dict[str, StrictStr]]):
    """Human text, one key per language code; the default language (`vi`) is required."""

    @model_validator(mode="after")
    def _languages(self) -> Text:
        for key in self.root:
            if not LANG_RE.match(key):
                raise ValueError("text_lang")
        if not (self.root.get(DEFAULT_LANG) or "").strip():
            raise ValueError("text_default_missing")
        return self

    # The value in `lang`, or None when it has no translation.
    def get(self, lang: str) -> str | None:
        return self.root.get(lang) or None


class Record(BaseModel):
    """Base of every record: an id, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)
    id: Id

    def field(self, name: str) -> object:
        """The value of a field this kind of record may not have (None then). Cheaper
        than `getattr(record, name, None)`, which for a missing name goes through
        pydantic's `__getattr__` and an exception: labels and search entries ask
        millions of times."""
        return self.__dict__.get(name)


class Sourced(Record):
    """A record that states facts: it cites at least one source."""

    sources: list[Id] = Field(min_length=1)
    # The date the facts were known to hold, when the source gives only a snapshot.
    as_of: PartialDate | None = None
    note: Text | None = None


class TimeScoped(BaseModel):
    """Mixin for records with a start and an end (either may be unknown)."""

    start_date: PartialDate | None = None
    end_date: PartialDate | None = None

    _period = period("start_date", "end_date")

    # True when active on `day`: started (or start unknown) and not yet ended.
    def is_active(self, day: date) -> bool:
        if self.start_date and date_bounds(self.start_date)[0] > day:
            return False
        return not (self.end_date and date_bounds(self.end_date)[1] < day)


# --- collections ---------------------------------------------------------------------


class Source(Record):
    """Where facts come from. Names and titles are written once, as in the source."""

    publisher: StrictStr
    title: StrictStr
    author: StrictStr | None = None
    published: PartialDate | None = None
    url: Annotated[str, Field(pattern=r"^https?://")] | None = None
    accessed: PartialDate | None = None
    language: Annotated[str, Field(pattern=LANG_RE.pattern)] = DEFAULT_LANG
    description: Text | None = None
    note: Text | None = None


class Organization(Sourced):
    name: Text
    short_name: Text | None = None
    # What the body is and does, as its sources describe it.
    description: Text | None = None
    classification: OrgClass
    parent_id: Id | None = None
    founding_date: PartialDate | None = None
    dissolution_date: PartialDate | None = None
    founding_document_id: Id | None = None
    standing_agency_id: Id | None = None

    _period = period("founding_date", "dissolution_date")


class Person(Sourced):
    name: StrictStr
    honorific: Text | None = None


class Post(Sourced):
    """A seat that exists apart from its holder, possibly held ex officio by another post."""

    label: Text
    organization_id: Id
    role: Role
    ex_officio_post_id: Id | None = None
    # How many people hold the seat at the same time (two overlapping holders of a
    # single seat are an error).
    holders: Annotated[int, Field(ge=1)] = 1


class Membership(Sourced, TimeScoped):
    """A person (or an unnamed holder of a post) in an organization."""

    person_id: Id | None = None
    post_id: Id | None = None
    organization_id: Id
    role: Role
    document_id: Id | None = None
    end_reason: Text | None = None

    @model_validator(mode="after")
    def _who(self) -> Membership:
        if not self.person_id and not self.post_id:
            raise ValueError("membership_who")
        return self


class Duty(Sourced):
    """One duty in the committee's mandate, in the source's order."""

    organization_id: Id
    text: Text
    # The source's list stops after this item with "…": more duties may exist.
    source_truncated: bool = False


class Document(Sourced):
    """An entry in the legal register."""

    number: StrictStr | None = None
    short_title: Text | None = None
    type: DocType
    title: Text
    issuer_id: Id | None = None
    signer_id: Id | None = None
    issue_date: PartialDate | None = None
    effective_date: PartialDate | None = None
    status: DocStatus | None = None
    implements: list[Id] = Field(default_factory=list)
    amends: list[Id] = Field(default_factory=list)
    replaces: list[Id] = Field(default_factory=list)


class AgendaItem(Record):
    title: Text
    kind: AgendaKind
    document_id: Id | None = None
    outcome: Text | None = None


class Outcome(Record):
    text: Text
    assignee_ids: list[Id] = Field(default_factory=list)


class Event(Sourced):
    """A meeting or conference, its agenda, and what it concluded."""

    date: PartialDate
    title: Text
    classification: EventClass
    organization_id: Id
    chair_id: Id | None = None
    location: Text | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)


class SiteSetting(Record):
    """The site's own settings, in data (`data/site.yml`, at most one record): which body
    the site is about, when the data holds several, and a name for a site of several."""

    committee_id: Id | None = None
    name: Text | None = None
    description: Text | None = None


class Plan(Sourced):
    """A programme or plan, and the document or event that called for it."""

    title: Text
    organization_id: Id
    called_for_by_id: Id | None = None
    document_id: Id | None = None
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None

    _period = period("period_start", "period_end")


class Task(Sourced):
    """A task in a plan; hierarchical through `parent_id`, rolled up by `weight`."""

    title: Text
    # The plan the task belongs to; none when it was assigned directly (e.g. at a meeting).
    plan_id: Id | None = None
    parent_id: Id | None = None
    lead_id: Id
    support_ids: list[Id] = Field(default_factory=list)
    assigned_by_id: Id | None = None
    assigned_date: PartialDate | None = None
    start_date: PartialDate | None = None
    due_date: PartialDate | None = None
    weight: float = 1.0

    @model_validator(mode="after")
    def _weight(self) -> Task:
        if self.weight < 0:
            raise FieldError("weight_negative", "weight")
        return self

    _period = period("start_date", "due_date", "due_before_start")


class Measurement(BaseModel):
    """A dated value of an indicator."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | int | bool
    date: PartialDate


class Indicator(Sourced):
    """A measurable target: unit, baseline, target and deadline."""

    title: Text
    plan_id: Id
    unit: Unit
    baseline: Measurement | None = None
    target: Measurement | None = None


class Update(Sourced):
    """A dated progress entry for a task or an indicator; the latest is the current state."""

    date: PartialDate
    task_id: Id | None = None
    indicator_id: Id | None = None
    status: Status | None = None
    percent: float | None = Field(default=None)
    value: float | int | bool | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _update_checks(self) -> Update:
        if bool(self.task_id) == bool(self.indicator_id):
            raise ValueError("update_target")
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise FieldError("percent_range", "percent")
        if self.status == Status.completed and self.percent is not None and self.percent < 100:
            raise FieldError("completed_not_100", "percent")
        return self


class Correction(Sourced):
    """A published correction (corrections.yml): on `date`, record `record_id` was found
    wrong; what it said, what is right, and the sources for the right version. Shown in
    the public corrections log and as a "corrected on" note on the record."""

    date: PartialDate
    record_id: Id
    wrong: Text
    right: Text


# field name -> collections its ids may point to (checked for every model that has it).
REFERENCES: dict[str, tuple[str, ...]] = {
    "sources": ("sources",),
    "parent_id": ("organizations",),
    "founding_document_id": ("documents",),
    "standing_agency_id": ("organizations",),
    "organization_id": ("organizations",),
    "ex_officio_post_id": ("posts",),
    "person_id": ("people",),
    "post_id": ("posts",),
    "document_id": ("documents",),
    "issuer_id": ("organizations", "posts"),
    "signer_id": ("people",),
    "implements": ("documents",),
    "amends": ("documents",),
    "replaces": ("documents",),
    "assignee_ids": ("organizations", "people"),
    "chair_id": ("people",),
    "called_for_by_id": ("events", "documents", "outcomes"),
    "assigned_by_id": ("events", "documents", "outcomes"),
    "plan_id": ("plans",),
    "lead_id": ("organizations",),
    "support_ids": ("organizations",),
    "task_id": ("tasks",),
    "indicator_id": ("indicators",),
    "committee_id": ("organizations",),
    # A correction may be about any record, nested agenda items and outcomes included.
    "record_id": ("sources", "organizations", "people", "posts", "memberships", "mandate", "documents", "events",
                  "agenda", "outcomes", "plans", "tasks", "indicators", "updates"),
}


def reference_targets(collection: str, field: str) -> tuple[str, ...]:
    """The collections a reference field points to (`parent_id` stays in its own)."""
    if field == "parent_id":
        return (collection,) if collection in ("tasks", "organizations") else ()
    return REFERENCES.get(field, ())


# Collection name (file stem) -> record model, in the order they are loaded and shown.
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "organizations": Organization,
    "people": Person,
    "posts": Post,
    "memberships": Membership,
    "mandate": Duty,
    "documents": Document,
    "events": Event,
    "plans": Plan,
    "tasks": Task,
    "indicators": Indicator,
    "updates": Update,
    "site": SiteSetting,
    "corrections": Correction,
}
