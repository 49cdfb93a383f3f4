"""Per-record problems: one pydantic error mapped onto a problem code, location, arguments."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from ..load.problems import Problem
from ..load.strict_yaml import Loc
from .dates import DATE_PATTERN, FieldError
from .records import DEFAULT_LANG


# Map one pydantic error onto our problem code, location and arguments.
# `suggest=False` skips the did-you-mean search (past the problems shown, it only costs).
def from_pydantic(err: Any, model: type[BaseModel], suggest: bool = True) -> tuple[Loc, str, dict[str, Any]]:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    # pydantic adds model/union class names into loc for RootModel or unions: drop them;
    # an unknown key is the last part, kept exactly as written (`Name`, `float`).
    last = loc[-1:] if kind == "extra_forbidden" else ()
    loc = tuple(p for p in loc[: len(loc) - len(last)] if not (isinstance(p, str) and (p == "root" or p[:1].isupper() or "[" in p or p in ("float", "int", "bool", "str")))) + last
    if kind == "value_error":
        error = ctx.get("error")
        code = str(error or err["msg"]).removeprefix("Value error, ")
        if code == "text_default_missing":
            return (*loc, DEFAULT_LANG), code, {"lang": DEFAULT_LANG}
        if isinstance(error, FieldError):
            owner = err.get("input")
            value = owner.get(error.field) if isinstance(owner, dict) else None
            return (*loc, error.field), code, {"value": value}
        value = err.get("input")
        return loc, code, {} if isinstance(value, dict | list) else {"value": value}
    if kind == "extra_forbidden":
        key = loc[-1] if loc else ""
        owner = _model_at(model, loc[:-1])
        fields = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6) if suggest else []
        return loc, "unknown_field", {"field": key, "suggestion": close[0] if close else None, "allowed": fields}
    if kind == "missing":
        return loc, "missing_field", {"field": loc[-1] if loc else ""}
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(err.get("input")), allowed, n=1, cutoff=0.6) if suggest else []
        return loc, "not_in_vocabulary", {"value": err.get("input"), "allowed": allowed, "suggestion": close[0] if close else None}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == DATE_PATTERN:
            return loc, "date_format", {"value": err.get("input")}
        if pattern.startswith("^[a-z0-9]"):
            return loc, "id_format", {"value": err.get("input")}
        return loc, "pattern", {"value": err.get("input"), "pattern": pattern}
    if kind in _TYPE_KINDS:
        expected = {"string_type": "text", "list_type": "list", "dict_type": "mapping", "model_type": "mapping"}.get(kind, "number" if "float" in kind or "int" in kind else "true/false")
        got = _type_name(err.get("input"))
        code = "wrong_type_container" if got in ("list", "mapping") else "wrong_type"
        return loc, code, {"expected": expected, "got": got}
    if kind == "too_short":
        return loc, "too_short", {}
    return loc, "invalid_value", {"detail": err["msg"]}


_TYPE_KINDS = frozenset(("string_type", "list_type", "dict_type", "model_type", "float_type", "int_type", "bool_type", "int_from_float", "float_parsing", "bool_parsing", "int_parsing"))
_CODES = {"extra_forbidden": "unknown_field", "missing": "missing_field", "enum": "not_in_vocabulary", "too_short": "too_short"}


# The problem code `from_pydantic` gives an error, without its location and arguments:
# past the problems shown, each is only counted by its code.
def code_of(err: Any) -> str:
    kind = err["type"]
    if kind == "value_error":
        error = (err.get("ctx") or {}).get("error")
        return str(error or err["msg"]).removeprefix("Value error, ")
    if kind in _CODES:
        return _CODES[kind]
    if kind == "string_pattern_mismatch":
        pattern = (err.get("ctx") or {}).get("pattern", "")
        return "date_format" if pattern == DATE_PATTERN else "id_format" if pattern.startswith("^[a-z0-9]") else "pattern"
    if kind in _TYPE_KINDS:
        return "wrong_type_container" if isinstance(err.get("input"), list | dict) else "wrong_type"
    return "invalid_value"


# Human name of the YAML type a value was written as.
def _type_name(value: Any) -> str:
    return {list: "list", dict: "mapping", str: "text", bool: "true/false", int: "number", float: "number", type(None): "empty"}.get(type(value), type(value).__name__)


# The model class found by walking field annotations along `loc` (for field suggestions).
def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: Any = model
    for part in loc[1:] if loc and isinstance(loc[0], int) else loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


# The BaseModel inside an annotation like list[X] or X | None.
def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# Problems the YAML reader found at a value, which make any other problem there an echo.
_AT_VALUE = ("number_too_large", "yaml_tag")


# Drop "missing field X" when the same record has a misspelt field that suggests X, and
# any problem at a value the reader already refused (a number too large, a tag).
def without_echoes(problems: list[Problem]) -> list[Problem]:
    suggested = {
        (p.path, p.loc[:-1] if p.loc else (), p.args.get("suggestion"))
        for p in problems
        if p.code == "unknown_field"
    }
    refused = {(p.path, p.loc) for p in problems if p.code in _AT_VALUE and p.loc is not None}
    return [
        p
        for p in problems
        if not (p.code == "missing_field" and (p.path, p.loc[:-1] if p.loc else (), p.args.get("field")) in suggested)
        and not (p.code not in _AT_VALUE and (p.path, p.loc) in refused)
    ]


