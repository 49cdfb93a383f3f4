"""Command line: `python -m opencommittee validate [--lang vi|en] [DATA_DIR]` and friends."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .dataset import load_dataset
from .problems import DataError


# Default message language: Vietnamese when LC_ALL/LANG starts with "vi", else English.
def default_lang() -> str:
    value = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "vi" if value.lower().startswith("vi") else "en"


# `validate`: exit 0 when valid, 1 with every problem, one per line.
def cmd_validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.data_dir), shown_as=args.data_dir)
    except DataError as err:
        print(err.report(args.lang), file=sys.stderr)
        return 1
    total = sum(len(v) for v in dataset.raw.values())
    print(f"{args.data_dir}: OK ({total} records in {len(dataset.files)} files)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m opencommittee")
    sub = parser.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="check a data folder")
    val.add_argument("data_dir", nargs="?", default="data")
    val.add_argument("--lang", choices=["vi", "en"], default=default_lang())
    val.set_defaults(func=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
