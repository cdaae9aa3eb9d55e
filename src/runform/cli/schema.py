"""`runform schema`: write the tip format's JSON Schema for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from runform.cli.common import add_command, open_command_project

EXAMPLES: Final = """examples:
  runform schema                             write schema/tip.schema.json
  runform schema --check                     exit 1 when it is out of date
  runform schema --output -                  print it"""


def run(args: argparse.Namespace) -> int:
    # the schema comes from the tip model (pydantic): loaded only for this command
    from runform.content.tip_schema import SCHEMA_PATH, tip_schema_text, write_schema_if_stale

    if args.output == "-":
        sys.stdout.write(tip_schema_text())
        return 0
    path = Path(args.output) if args.output else open_command_project(args).root / SCHEMA_PATH
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != tip_schema_text():
            print(f"{path} is out of date with the tip format: run runform schema")
            return 1
        print(f"{path} is up to date.")
        return 0
    changed = write_schema_if_stale(path)
    print(f"{'Wrote' if changed else 'Up to date:'} {path}")
    return 0


def register(commands: Any) -> None:
    parser = add_command(
        commands, "schema", "write the tip format's JSON Schema for editors", EXAMPLES, run
    )
    parser.add_argument("--output", metavar="FILE", help="default: schema/tip.schema.json")
    parser.add_argument("--check", action="store_true", help="only tell whether it is current")
