"""The controlled vocabularies of the data (each value is explained on the site)."""

from __future__ import annotations

from enum import StrEnum


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
