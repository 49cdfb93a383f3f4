"""Typed records for every data collection (Popolo-like), validated with pydantic.

Each collection is one YAML file in `data/` holding a list of records. Records forbid
unknown fields, carry `sources` when they state facts, and use partial ISO dates.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictStr,
    model_validator,
)

DEFAULT_LANG = "vi"

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, json_schema_extra={"examples": ["to-hung-khoa"]})]
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")


# A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) that must exist on the calendar.
def _check_partial_date(value: str) -> str:
    match = _DATE_RE.match(value)
    if not match:
        raise ValueError("date_format")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        raise ValueError("date_invalid") from None
    return value


# A year written without quotes (`2015`) arrives as an int: read it as the year.
def _year_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999 else value


PartialDate = Annotated[
    StrictStr,
    BeforeValidator(_year_as_text),
    AfterValidator(_check_partial_date),
    Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        json_schema_extra={"examples": ["2014", "2014-07", "2014-07-02"]},
    ),
]


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

    @model_validator(mode="after")
    def _end_after_start(self) -> Any:
        if self.start_date and self.end_date:
            if date_bounds(self.end_date)[1] < date_bounds(self.start_date)[0]:
                raise ValueError("end_before_start")
        return self

    # True when active on `day`: started (or start unknown) and not yet ended.
    def is_active(self, day: date) -> bool:
        if self.start_date and date_bounds(self.start_date)[0] > day:
            return False
        return not (self.end_date and date_bounds(self.end_date)[1] < day)


# --- vocabularies -------------------------------------------------------------------


class OrgClass(StrEnum):
    steering_committee = "steering_committee"
    government = "government"
    party = "party"
    department = "department"
    other = "other"


class Role(StrEnum):
    head = "head"
    standing_deputy_head = "standing_deputy_head"
    deputy_head = "deputy_head"
    member = "member"
    chairman = "chairman"
    vice_chairman = "vice_chairman"
    standing_board_member = "standing_board_member"
    secretary = "secretary"


class DocType(StrEnum):
    decision = "decision"
    resolution = "resolution"
    programme = "programme"
    plan = "plan"
    regulation = "regulation"
    report = "report"
    other = "other"


class DocStatus(StrEnum):
    in_force = "in_force"
    amended = "amended"
    replaced = "replaced"
    expired = "expired"
    draft = "draft"


class EventClass(StrEnum):
    conference = "conference"
    meeting = "meeting"
    inspection = "inspection"


class AgendaKind(StrEnum):
    announcement = "announcement"
    draft_discussion = "draft_discussion"
    report = "report"
    other = "other"


class Status(StrEnum):
    """Progress status vocabulary (explained on the site)."""

    not_started = "not_started"
    in_progress = "in_progress"
    completed = "completed"
    stalled = "stalled"
    cancelled = "cancelled"


class Unit(StrEnum):
    percent = "percent"
    whole_count = "count"  # not `count`: that would shadow str.count
    ratio = "ratio"
    vnd = "vnd"
    boolean = "boolean"


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

    @model_validator(mode="after")
    def _dissolved_after_founded(self) -> Organization:
        if self.founding_date and self.dissolution_date:
            if date_bounds(self.dissolution_date)[1] < date_bounds(self.founding_date)[0]:
                raise ValueError("end_before_start")
        return self


class Person(Sourced):
    name: StrictStr
    honorific: Text | None = None


class Post(Sourced):
    """A seat that exists apart from its holder, possibly held ex officio by another post."""

    label: Text
    organization_id: Id
    role: Role
    ex_officio_post_id: Id | None = None


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


class Plan(Sourced):
    """A programme or plan, and the document or event that called for it."""

    title: Text
    organization_id: Id
    called_for_by_id: Id | None = None
    document_id: Id | None = None
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None

    @model_validator(mode="after")
    def _period(self) -> Plan:
        if self.period_start and self.period_end:
            if date_bounds(self.period_end)[1] < date_bounds(self.period_start)[0]:
                raise ValueError("end_before_start")
        return self


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
    def _task_checks(self) -> Task:
        if self.weight < 0:
            raise ValueError("weight_negative")
        if self.start_date and self.due_date:
            if date_bounds(self.due_date)[1] < date_bounds(self.start_date)[0]:
                raise ValueError("due_before_start")
        return self


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
            raise ValueError("percent_range")
        if self.status == Status.completed and self.percent is not None and self.percent < 100:
            raise ValueError("completed_not_100")
        return self


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
}
