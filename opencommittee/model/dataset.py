"""A validated data folder: typed records per collection, the raw values, an id index."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..load.problems import Problem, ProblemList
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
class FolderLoaded(Loaded):
    """A collection read from a folder of files: their records one after the other, each
    value's position and file those of the file it came from."""

    parts: list[Loaded] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    @classmethod
    def join(cls, path: str, parts: list[Loaded]) -> FolderLoaded:
        value: list[Any] = []
        starts = []
        for part in parts:
            starts.append(len(value))
            value.extend(part.value)
        return cls(path, value, {}, None, parts=parts, starts=starts)

    # The part holding a value, and the value's location inside that part.
    def locate(self, loc: Loc) -> tuple[Loaded, Loc]:
        if not loc or not isinstance(loc[0], int) or not self.parts:
            return self.parts[0], ()
        at = max(bisect_right(self.starts, loc[0]) - 1, 0)
        return self.parts[at], (loc[0] - self.starts[at], *loc[1:])

    def position(self, loc: Loc) -> tuple[int, int]:
        part, inner = self.locate(loc)
        return part.position(inner)

    def path_of(self, loc: Loc) -> str:
        return self.locate(loc)[0].path


@dataclass
class Dataset:
    """Validated records per collection, the raw values as written, and an id index."""

    collections: dict[str, list[Record]]
    raw: dict[str, list[dict[str, Any]]]
    files: dict[str, Loaded]
    index: dict[str, tuple[str, Any]] = field(default_factory=dict)
    # The file each record id was read from, as editors know it (e.g. data/updates/2015.yml).
    record_files: dict[str, str] = field(default_factory=dict)
    # Problems that do not block a build (e.g. a body with no founding document).
    warnings: list[Problem] = field(default_factory=list)

    # The record with this id (any collection, nested included).
    def get(self, record_id: Any) -> Any:
        return self.index[record_id][1] if isinstance(record_id, str) and record_id in self.index else None

    # The collection a record id belongs to ('outcomes' and 'agenda' for nested ones).
    def kind(self, record_id: Any) -> str | None:
        return self.index[record_id][0] if isinstance(record_id, str) and record_id in self.index else None

    # The data file a record was read from (nested agenda items and outcomes: their event's).
    def file_of(self, record_id: Any) -> str | None:
        return self.record_files.get(record_id) if isinstance(record_id, str) else None

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
    """Gathers problems (which block a build) and warnings (which do not) while a data
    folder is loaded and checked. Past `MAX_SHOWN` problems, each is only counted."""

    def __init__(self) -> None:
        self.problems = ProblemList()
        self.warnings: list[Problem] = []
        # Collections whose file could not be read: references to them are not checked.
        self.unreadable: set[str] = set()

    # Whether costly extras (did-you-mean suggestions) are still worth computing.
    def room(self) -> bool:
        return not self.problems.full()

    # Add a problem at a value location inside a loaded file.
    def add(self, loaded: Loaded, loc: Loc, code: str, raw: list[Any], **args: Any) -> None:
        if self.problems.full():
            self.problems.count_more(code)
            return
        self.problems.append(self.at(loaded, loc, code, raw, **args))

    # Add a warning at a value location inside a loaded file.
    def warn(self, loaded: Loaded, loc: Loc, code: str, raw: list[Any], **args: Any) -> None:
        self.warnings.append(self.at(loaded, loc, code, raw, **args))

    @staticmethod
    def at(loaded: Loaded, loc: Loc, code: str, raw: list[Any], **args: Any) -> Problem:
        part, inner = loaded.locate(loc)
        line, col = part.position(inner)
        records = part.value if part is not loaded and isinstance(part.value, list) else raw
        return Problem(part.path, line, col, loc, code, args, field_path(inner, records) or None)
