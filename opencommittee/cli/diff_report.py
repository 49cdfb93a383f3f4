"""`diff` output: plain text for a terminal, Markdown for a GitHub job summary."""

from __future__ import annotations

from ..publish.history import FieldChanges


# Plain-language text for a terminal.
def format_text(changes: list[FieldChanges], old: str, new: str) -> str:
    if not changes:
        return f"No data changes between {old} and {new}."
    lines = [f"Data changes between {old} and {new}:"]
    for c in changes:
        if c.unreadable:
            lines.append(f"{c.collection}: could not be read at {', '.join(c.unreadable)}")
            continue
        lines.append(f"{c.collection}: {_counts(c)}")
        lines += [f"  + added {rid}" for rid in c.added]
        lines += [f"  ~ changed {rid} ({', '.join(fields)})" for rid, fields in c.changed.items()]
        lines += [f"  - removed {rid}" for rid in c.removed]
    return "\n".join(lines)


def _counts(c: FieldChanges) -> str:
    return f"{len(c.added)} added, {len(c.changed)} changed, {len(c.removed)} removed"


# Markdown for a GitHub job summary: a table of counts, then the records by id.
def format_markdown(changes: list[FieldChanges], old: str, new: str) -> str:
    lines = ["## Data changes", ""]
    if not changes:
        return "\n".join([*lines, f"No data changes between `{old}` and `{new}`.", ""])
    lines += [
        "| Collection | Added | Changed | Removed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for c in changes:
        if c.unreadable:
            lines.append(f"| {c.collection} | could not be read | | |")
        else:
            lines.append(f"| {c.collection} | {len(c.added)} | {len(c.changed)} | {len(c.removed)} |")
    lines.append("")
    for c in changes:
        if c.empty() or c.unreadable:
            continue
        lines.append(f"**{c.collection}**")
        lines.append("")
        lines += [f"- added {_code(rid)}" for rid in c.added]
        lines += [f"- changed {_code(rid)}: {', '.join(_code(f) for f in fields)}" for rid, fields in c.changed.items()]
        lines += [f"- removed {_code(rid)}" for rid in c.removed]
        lines.append("")
    return "\n".join(lines)


# An id or field name as inline code; characters that could break out of it are dropped.
def _code(value: str) -> str:
    cleaned = "".join(ch for ch in str(value) if ch not in "`|\r\n")
    return f"`{cleaned}`"
