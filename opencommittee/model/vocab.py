"""The controlled vocabularies of the data (each value is explained on the site)."""

from __future__ import annotations

from enum import StrEnum


class OrgClass(StrEnum):
    """The kind of an organization. The first five are inter-sectoral coordinating bodies
    (the four forms of Decision 23/2023/QĐ-TTg, Art. 2, and working groups): each of them
    gets its own pages on the site."""

    council = "council"
    commission = "commission"
    steering_committee = "steering_committee"
    task_force = "task_force"
    working_group = "working_group"
    government = "government"
    party = "party"
    department = "department"
    other = "other"


# The kinds of body the site publishes as committees (a profile, members, events, plan).
BODY_KINDS = (OrgClass.council, OrgClass.commission, OrgClass.steering_committee,
              OrgClass.task_force, OrgClass.working_group)


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
