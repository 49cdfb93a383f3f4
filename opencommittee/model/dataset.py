"""A validated data folder: typed records per collection, the raw values, an id index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load.problems import Problem
from ..load.strict_yaml import Loaded, Loc
from .records import (
    Correction,
    Document,
    Duty,
    Event,
    Indicator,
    Membership,
    Organization,
    Person,
    Plan,
    Post,
    Record,
    SiteSetting,
    Source,
    Task,
    Update,
)


@dataclass
class Dataset:
    """Validated records per collection, the raw values as written, and an id index."""

    collections: dict[str, list[Record]]
    raw: dict[str, list[dict[str, Any]]]
    files: dict[str, Loaded]
    index: dict[str, tuple[str, Any]] = field(default_factory=dict)

    # The record with this id (any collection, nested included).
    def get(self, record_id: str | None) -> Any:
        return self.index[record_id][1] if record_id in self.index else None

    # The collection a record id belongs to ('outcomes' and 'agenda' for nested ones).
    def kind(self, record_id: str | None) -> str | None:
        return self.index[record_id][0] if record_id in self.index else None

    # Typed access to each collection's validated records.
    @property
    def sources(self) -> list[Source]:
        return self.collections["sources"]  # type: ignore[return-value]

    @property
    def organizations(self) -> list[Organization]:
        return self.collections["organizations"]  # type: ignore[return-value]

    @property
    def corrections(self) -> list[Correction]:
        return self.collections.get("corrections", [])  # type: ignore[return-value]

    @property
    def site(self) -> list[SiteSetting]:
        return self.collections.get("site", [])  # type: ignore[return-value]

    @property
    def people(self) -> list[Person]:
        return self.collections["people"]  # type: ignore[return-value]

    @property
    def posts(self) -> list[Post]:
        return self.collections["posts"]  # type: ignore[return-value]

    @property
    def memberships(self) -> list[Membership]:
        return self.collections["memberships"]  # type: ignore[return-value]

    @property
    def mandate(self) -> list[Duty]:
        return self.collections["mandate"]  # type: ignore[return-value]

    @property
    def documents(self) -> list[Document]:
        return self.collections["documents"]  # type: ignore[return-value]

    @property
    def events(self) -> list[Event]:
        return self.collections["events"]  # type: ignore[return-value]

    @property
    def plans(self) -> list[Plan]:
        return self.collections["plans"]  # type: ignore[return-value]

    @property
    def tasks(self) -> list[Task]:
        return self.collections["tasks"]  # type: ignore[return-value]

    @property
    def indicators(self) -> list[Indicator]:
        return self.collections["indicators"]  # type: ignore[return-value]

    @property
    def updates(self) -> list[Update]:
        return self.collections["updates"]  # type: ignore[return-value]


# Dotted field path from a value location: record id, then fields, [index] for lists.
def field_path(loc: Loc, raw_records: list[Any]) -> str:
    if not loc:
        return ""
    index, rest = loc[0], loc[1:]
    record = raw_records[index] if isinstance(index, int) and index < len(raw_records) else None
    rid = record.get("id") if isinstance(record, dict) else None
    head = rid if isinstance(rid, str) and rid else f"[{index}]"
    text = head
    for part in rest:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


class Collector:
    """Gathers problems while a data folder is loaded and checked."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Collections whose file could not be read: references to them are not checked.
        self.unreadable: set[str] = set()

    # Add a problem at a value location inside a loaded file.
    def add(self, loaded: Loaded, loc: Loc, code: str, raw: list[Any], **args: Any) -> None:
        line, col = loaded.position(loc)
        self.problems.append(
            Problem(loaded.path, line, col, loc, code, args, field_path(loc, raw) or None)
        )
