"""``extractor extract``: records of articles into a store (JSONL on standard output by default).

Exit status: 0 every document extracted, 1 some documents failed (they are
in the errors file), 2 nothing done (an input missing, a store, engine or
option refused), 3 the run stopped partway (the store or the cluster failed):
the records written are kept and ``--resume`` finishes the rest.
"""

from __future__ import annotations

import argparse
import sys

STORE_HELP = ("where records go: FILE.jsonl (also jsonl:PATH), DIR/ (one <doc_id>.json each), "
              "PATH.parquet (Parquet tables), sqlite:///PATH.db, postgresql://USER:PASSWORD@HOST:PORT/DB "
              "(default: JSONL on standard output)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return number


def register(sub) -> None:
    parser = sub.add_parser(
        "extract", help="extract records from folders, .txt, .jsonl or - (stdin) into a store",
        description="Extract one record per document, streaming, into a store. A document that fails goes "
                    "to the errors file and the batch goes on; --resume finishes an interrupted run.",
        epilog="exit status: 0 all documents extracted, 1 some documents failed, 2 nothing done, "
               "3 stopped partway (records written are kept; --resume finishes)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="folder, .txt, .jsonl, or - for standard input (JSONL, or text with --stdin-format text)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--out", "-o", metavar="FILE", help="output JSONL file (- for standard output, the default)")
    output.add_argument("--store", metavar="URL", help=STORE_HELP)
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="default publication date for documents without one (YYYY-MM-DD, or a written "
                             "date with day, month and year such as '8 October 2019')")
    parser.add_argument("--resume", action="store_true",
                        help="skip documents already in the output or store and finish the rest")
    parser.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help="worker processes of the local engine, each loading the pipeline once (default: 1)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask cluster (with --scheduler)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--batch-size", type=_positive, default=None, metavar="N",
                        help="documents per task and per store transaction (default: 64)")
    parser.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                        help="give up a document after this long; it goes to the errors file "
                             "(default: 60; 0: no limit; not applied on Dask workers)")
    parser.add_argument("--errors", metavar="FILE",
                        help="errors file, one JSON line per failed document (default: beside the output; "
                             "none for standard output)")
    parser.add_argument("--max-chars", type=_non_negative, default=None, metavar="N",
                        help="refuse documents longer than N characters (default 1,000,000; 0: no limit)")
    parser.add_argument("--text-key", default="text", metavar="KEY",
                        help="the key of the text in JSONL lines (default: text)")
    parser.add_argument("--stdin-format", choices=("jsonl", "text"), default="jsonl",
                        help="what - reads: JSONL documents (default) or one plain-text document")
    parser.add_argument("--doc-id", default="stdin", metavar="ID",
                        help="the doc_id of the plain-text document on standard input (default: stdin)")
    parser.add_argument("--id-from", choices=("stem", "path"), default="stem",
                        help="doc_id of a .txt file: its stem (default), or its path relative to the input folder "
                             "without .txt (2019/10/a), so that files of the same name in subfolders do not collide")
    parser.add_argument("--store-text", action="store_true",
                        help="also keep each document's text in the store's documents table (SQL and Parquet "
                             "stores; url and title are always kept)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no messages but fatal ones")
    parser.set_defaults(run=run)


def run(args) -> int:
    from pathlib import Path

    from ..batch import DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT, BatchOptions, run_batch
    from ..documents import parse_date_option
    from ..errors import ExtractorError
    from ..limits import DEFAULT_MAX_CHARS

    from ..batch import DASK_WORKERS

    if args.engine == "dask" and args.workers is not None:
        print(f"error: {DASK_WORKERS}", file=sys.stderr)
        return 2
    try:
        default = parse_date_option(args.published) if args.published else None
    except ExtractorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.store:
        url = args.store
    elif args.out and args.out != "-":
        url = "jsonl:" + args.out
    else:
        url = "-"
    reading = {"text_key": args.text_key, "stdin_format": args.stdin_format, "stdin_id": args.doc_id,
               "id_from": args.id_from}
    options = BatchOptions(resume=args.resume, engine=args.engine, workers=args.workers or 1, scheduler=args.scheduler,
                           batch_size=args.batch_size or DEFAULT_BATCH_SIZE, default_published=default,
                           timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
                           errors_path=Path(args.errors) if args.errors else None, quiet=args.quiet,
                           max_chars=DEFAULT_MAX_CHARS if args.max_chars is None else args.max_chars,
                           store_text=args.store_text,
                           reading=reading)
    try:
        summary = run_batch(args.inputs, url, options)
    except ExtractorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        kept = getattr(exc, "summary", None)
        if kept is not None and kept.written:
            print(f"stopped partway: {kept.line()}", file=sys.stderr)
            return 3
        return 2
    if not args.quiet or summary.failed:
        print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
