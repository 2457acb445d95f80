"""``extractor extract``: records of articles as JSONL."""

from __future__ import annotations

import sys


def register(sub) -> None:
    parser = sub.add_parser("extract", help="extract records from folders, .txt, .jsonl or - (stdin)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, .txt, .jsonl, or - for JSONL on stdin")
    parser.add_argument("--out", "-o", default="-", help="output JSONL file (default: standard output)")
    parser.add_argument("--published", help="default publication date YYYY-MM-DD for documents without one")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..api import extract_many, load_pipeline
    from ..documents import Document, iter_documents, parse_published
    from ..errors import InputError

    default = parse_published(args.published, "--published") if args.published else None
    errors = 0

    def documents():
        nonlocal errors
        for item in iter_documents(args.inputs, default):
            if isinstance(item, InputError):
                errors += 1
                print(f"error: {item}", file=sys.stderr)
                continue
            yield item

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for record in extract_many(documents(), nlp=load_pipeline()):
            out.write(record.to_json() + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if errors:
        print(f"{errors} document(s) failed", file=sys.stderr)
    return 1 if errors else 0
