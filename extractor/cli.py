"""The command line: thin commands over the package's functions.

Each command lives in ``extractor/commands/<name>.py`` with a ``register``
function that adds its sub-parser; heavy imports happen inside the commands.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional, Sequence

from . import __version__
from .errors import ExtractorError

COMMANDS = ("extract", "evaluate", "gold", "schema")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract money, periods, organizations, officials and export destinations "
                    "from English-language news about the Iranian economy.")
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"extractor.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"extractor.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (ExtractorError, OSError) as exc:
        # the commands report their own failures; this is the net under them: a message, never a traceback
        where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"error: {where}{reason}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
