"""``extractor schema``: print the JSON Schema of a record."""

from __future__ import annotations

import json


def register(sub) -> None:
    parser = sub.add_parser("schema", help="print the JSON Schema of the record")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..records import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0
