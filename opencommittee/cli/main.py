"""Command line for editors and CI.

    python -m opencommittee validate [--lang vi|en] [--format text|github] [DATA_DIR]
    python -m opencommittee schemas [--check]
    python -m opencommittee translations [--lang en] [DATA_DIR]
    python -m opencommittee diff REV1 REV2 [--data data] [--format text|markdown]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..derive.translations import coverage, missing
from ..devtools.synthetic import SCALABLE
from ..devtools.synthetic import write as write_synthetic
from ..load.catalogs import message_language
from ..load.problems import DataError, Problem, warning_lines
from ..model import schema
from ..model.loader import load_dataset
from ..publish.history import GitError, diff
from .diff_report import format_markdown, format_text


# GitHub workflow commands: data and property values are escaped as the runner expects.
def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


# One problem as a GitHub annotation, shown on the changed line of a pull request.
def github_annotation(problem: Problem, lang: str, level: str = "error") -> str:
    text = problem.message(lang)
    hint = problem.hint(lang)
    body = f"{text}\n{hint}" if hint else text
    props = f"file={_gh_escape(problem.path, True)},line={problem.line},col={problem.column}"
    return f"::{level} {props},title={_gh_escape('validate', True)}::{_gh_escape(body)}"


# `validate`: exit 0 when valid (warnings, if any, printed first), 1 with every problem,
# one per line (past the first 200, counted by kind).
def cmd_validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.data_dir), shown_as=args.data_dir)
    except DataError as err:
        if args.format == "github":
            for problem in err.problems:
                print(github_annotation(problem, args.lang))
            for warning in err.warnings:
                print(github_annotation(warning, args.lang, "warning"))
        print(err.report(args.lang), file=sys.stderr)
        return 1
    if args.format == "github":
        for warning in dataset.warnings:
            print(github_annotation(warning, args.lang, "warning"))
    for line in warning_lines(dataset.warnings, args.lang):
        print(line, file=sys.stderr)
    total = sum(len(v) for v in dataset.raw.values())
    files = sum(len(getattr(f, "parts", None) or [f]) for f in dataset.files.values())
    print(f"{args.data_dir}: OK ({total} records in {files} files)")
    return 0


# `schemas`: write the JSON Schemas of the data files (or, with --check, list stale ones).
def cmd_schemas(args: argparse.Namespace) -> int:
    if args.check:
        stale = schema.stale()
        for name in stale:
            print(f"{schema.SCHEMAS / schema.file_name(name)} is out of date", file=sys.stderr)
        if stale:
            print("Run: python -m opencommittee schemas", file=sys.stderr)
        return 1 if stale else 0
    for path in schema.write_all():
        print(f"wrote {path}")
    return 0


# `translations`: every text with no value in a language, as file:line:col: field.
def cmd_translations(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.data_dir), shown_as=args.data_dir)
    except DataError as err:
        print(err.report(message_language()), file=sys.stderr)
        return 1
    found = missing(dataset, args.lang)
    for item in found:
        print(f"{item.path}:{item.line}:{item.column}: {item.field}: no '{args.lang}' text (vi: {item.default_text})")
    parts = [f"{c.collection} {c.translated}/{c.texts}" for c in coverage(dataset, args.lang)]
    print(f"{len(found)} text(s) without '{args.lang}'. Coverage: {', '.join(parts)}")
    return 1 if args.strict and found else 0


# `diff`: records added, changed and removed per collection between two git revisions.
def cmd_diff(args: argparse.Namespace) -> int:
    try:
        changes = diff(Path(args.repo), args.old, args.new, args.data)
    except GitError as err:
        print(f"git: {err}", file=sys.stderr)
        return 2
    show = format_markdown if args.format == "markdown" else format_text
    print(show(changes, args.old, args.new))
    return 0


# `synthetic`: a valid, deterministic data folder at any scale (never into data/).
def cmd_synthetic(args: argparse.Namespace) -> int:
    scales = {name: value for name in SCALABLE if (value := getattr(args, f"scale_{name}")) is not None}
    counts = write_synthetic(args.out_dir, scale=args.scale, seed=args.seed, committees=args.committees,
                             scales=scales, site=not args.no_site)
    print(f"{args.out_dir}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m opencommittee")
    sub = parser.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="check a data folder")
    val.add_argument("data_dir", nargs="?", default="data")
    val.add_argument("--lang", choices=["vi", "en"], default=message_language())
    val.add_argument("--format", choices=["text", "github"], default="text",
                     help="github: also print each problem as a GitHub Actions annotation")
    val.set_defaults(func=cmd_validate)
    sch = sub.add_parser("schemas", help="regenerate opencommittee/schemas/*.schema.json")
    sch.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    sch.set_defaults(func=cmd_schemas)
    tra = sub.add_parser("translations", help="list texts with no translation")
    tra.add_argument("data_dir", nargs="?", default="data")
    tra.add_argument("--lang", default="en", help="the language to look for (default: en)")
    tra.add_argument("--strict", action="store_true", help="exit 1 when a text has no translation")
    tra.set_defaults(func=cmd_translations)
    dif = sub.add_parser("diff", help="data changes between two git revisions")
    dif.add_argument("old")
    dif.add_argument("new")
    dif.add_argument("--data", default="data", help="data folder inside the repository")
    dif.add_argument("--repo", default=".", help="the git repository (default: here)")
    dif.add_argument("--format", choices=["text", "markdown"], default="text")
    dif.set_defaults(func=cmd_diff)
    syn = sub.add_parser("synthetic", help="write a synthetic data folder (tests, benchmark)")
    syn.add_argument("--scale", type=int, default=1, help="1 = a realistic committee, 100 = 100 times larger")
    syn.add_argument("--seed", type=int, default=1)
    syn.add_argument("--committees", type=int, help="bodies sharing the people (default: one per 5 scales)")
    syn.add_argument("--no-site", action="store_true", help="leave out data/site.yml (no body chosen)")
    for name in SCALABLE:
        syn.add_argument(f"--scale-{name}", type=float, metavar="M",
                         help=f"multiply the {name} by M (on top of --scale)")
    syn.add_argument("out_dir")
    syn.set_defaults(func=cmd_synthetic)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
