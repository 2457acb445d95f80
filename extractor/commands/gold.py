"""``extractor gold``: validate gold files, draft them, and exchange them with Label Studio.

- ``gold validate GOLD_DIR CORPUS``: one line per problem, exit 1 if any;
- ``gold draft INPUT --out GOLD_DIR``: the extractor's records as drafts;
- ``gold export CORPUS --out TASKS.json [--gold GOLD_DIR]``: Label Studio tasks
  (pre-annotated with the gold file where there is one, else a draft);
- ``gold import EXPORT.json --out GOLD_DIR``: gold files from Label Studio's JSON export;
- ``gold config``: the Label Studio labelling configuration to paste into the project.

Existing gold files are never overwritten without ``--force``.
"""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    parser = sub.add_parser("gold", help="validate, draft, export to and import from Label Studio gold files",
                            description="Work with gold files (RECORDS.md section 3).")
    actions = parser.add_subparsers(dest="gold_command", metavar="ACTION")
    actions.required = True

    validate = actions.add_parser("validate", help="check gold files against their documents and the contract",
                                  description="One line per problem (text and offsets, and every rule of "
                                              "RECORDS.md that a machine can check); exit status 1 if any.")
    validate.add_argument("gold_dir", metavar="GOLD_DIR")
    validate.add_argument("corpus", nargs="+", metavar="CORPUS", help="folder, .txt or .jsonl of the documents")
    validate.add_argument("--published", help="default publication date YYYY-MM-DD for documents without one")
    validate.set_defaults(run=run_validate)

    draft = actions.add_parser("draft", help="write the extractor's records as gold drafts to correct",
                               description="INPUT is a corpus (extracted now) or a JSONL of records.")
    draft.add_argument("inputs", nargs="+", metavar="INPUT")
    draft.add_argument("--out", required=True, metavar="GOLD_DIR")
    draft.add_argument("--force", action="store_true", help="overwrite existing gold files")
    draft.add_argument("--published", help="default publication date YYYY-MM-DD for documents without one")
    draft.set_defaults(run=run_draft)

    export = actions.add_parser("export", help="write Label Studio tasks for documents",
                                description="Each task holds the text and, as a prediction, the gold file of "
                                            "the document if GOLD_DIR has one, else the extractor's draft.")
    export.add_argument("corpus", nargs="+", metavar="CORPUS")
    export.add_argument("--out", required=True, metavar="TASKS_JSON", help="file to write, or - for stdout")
    export.add_argument("--gold", metavar="GOLD_DIR", help="start from these gold files where they exist")
    export.add_argument("--published", help="default publication date YYYY-MM-DD for documents without one")
    export.set_defaults(run=run_export)

    imp = actions.add_parser("import", help="write gold files from a Label Studio JSON export")
    imp.add_argument("export_file", metavar="EXPORT_JSON", help="Label Studio export in JSON format, or - for stdin")
    imp.add_argument("--out", required=True, metavar="GOLD_DIR")
    imp.add_argument("--force", action="store_true", help="overwrite existing gold files")
    imp.add_argument("--predictions", action="store_true",
                     help="take a task's prediction when it has no annotation (unreviewed)")
    imp.set_defaults(run=run_import)

    config = actions.add_parser("config", help="print the Label Studio labelling configuration")
    config.set_defaults(run=run_config)


def _published(args):
    from ..documents import parse_date_option

    return parse_date_option(args.published) if getattr(args, "published", None) else None


def _report_writes(written, skipped) -> None:
    for path in written:
        print(f"wrote {path}")
    for path in skipped:
        print(f"skipped {path}: it exists (--force overwrites it)", file=sys.stderr)


def run_validate(args) -> int:
    from ..documents import iter_documents
    from ..errors import GoldError, InputError
    from ..gold import gold_paths, read_gold_file, validate_record
    from . import refuse_missing_inputs

    if refuse_missing_inputs(args.corpus):
        return 2
    try:
        paths = gold_paths(args.gold_dir)
        documents = {}
        problems = []
        for item in iter_documents(args.corpus, _published(args)):
            if isinstance(item, InputError):
                problems.append(f"{item}")
            else:
                documents.setdefault(item.doc_id, item)
    except (GoldError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bad_files = 0
    for path in paths:
        try:
            record = read_gold_file(path)
        except GoldError as exc:
            found = [str(exc)]
        else:
            found = validate_record(record, path, documents.get(record.doc_id))
        bad_files += bool(found)
        problems += found
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s) in {bad_files} of {len(paths)} gold file(s)", file=sys.stderr)
        return 1
    print(f"{len(paths)} gold file(s) valid", file=sys.stderr)
    return 0


def run_draft(args) -> int:
    from ..errors import GoldError, InputError
    from ..gold import write_gold
    from . import refuse_missing_inputs
    from .evaluate import load_predictions

    if refuse_missing_inputs(args.inputs):
        return 2
    try:
        loaded = load_predictions(args.inputs, _published(args))
        for message in loaded.errors:
            print(f"error: {message}", file=sys.stderr)
        written, skipped = write_gold(loaded.records.values(), args.out, args.force)
    except (GoldError, InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _report_writes(written, skipped)
    print(f"{len(written)} draft(s) written to {args.out}; correct them by hand or with Label Studio "
          f"('extractor gold export'), then run 'extractor gold validate'", file=sys.stderr)
    return 1 if (skipped or loaded.errors) else 0


def run_export(args) -> int:
    from ..documents import iter_documents
    from ..errors import GoldError, InputError
    from ..gold import load_gold_dir
    from ..labelstudio import export_tasks
    from . import refuse_missing_inputs, writable_output, write_atomically

    if refuse_missing_inputs(args.corpus):
        return 2
    out_problem = None if args.out == "-" else writable_output(args.out)
    if out_problem:
        print(f"error: {out_problem}", file=sys.stderr)
        return 2
    try:
        gold = load_gold_dir(args.gold) if args.gold else {}
        documents, errors = [], 0
        for item in iter_documents(args.corpus, _published(args)):
            if isinstance(item, InputError):
                print(f"error: {item}", file=sys.stderr)
                errors += 1
            else:
                documents.append(item)
        drafts = {}
        to_extract = [d for d in documents if d.doc_id not in gold]
        if to_extract:
            from ..api import extract_many

            drafts = {r.doc_id: r for r in extract_many(to_extract)}
        triples = []
        for doc in documents:
            if doc.doc_id in gold:
                triples.append((gold[doc.doc_id].record, doc.text, "gold"))
            else:
                triples.append((drafts[doc.doc_id], doc.text, "extractor"))
        tasks = export_tasks(triples)
    except (GoldError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    payload = json.dumps(tasks, indent=2, ensure_ascii=False) + "\n"
    if args.out == "-":
        sys.stdout.write(payload)
    else:
        try:
            write_atomically(args.out, payload)
        except OSError as exc:
            print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        from_gold = sum(1 for t in triples if t[2] == "gold")
        print(f"wrote {len(tasks)} task(s) to {args.out} ({from_gold} from gold files, "
              f"{len(tasks) - from_gold} drafts); label config: 'extractor gold config'", file=sys.stderr)
    return 1 if errors else 0


def run_import(args) -> int:
    from ..errors import GoldError
    from ..gold import write_gold
    from ..labelstudio import LabelStudioError, import_tasks

    name = "<stdin>" if args.export_file == "-" else args.export_file
    try:
        if args.export_file == "-":
            tasks = json.loads(sys.stdin.buffer.read().decode("utf-8-sig"))
        else:
            with open(args.export_file, encoding="utf-8-sig") as handle:
                tasks = json.load(handle)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {name}: cannot read: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {name}: invalid JSON: {exc}", file=sys.stderr)
        return 2
    reasons = []
    try:
        records, unannotated = import_tasks(tasks, use_predictions=args.predictions, reasons=reasons)
    except LabelStudioError as exc:
        for problem in exc.problems:
            print(f"error: {name}: {problem}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {name}; nothing written", file=sys.stderr)
        return 2
    try:
        written, skipped = write_gold(records, args.out, args.force)
    except (GoldError, OSError) as exc:
        print(f"error: {args.out}: {exc}", file=sys.stderr)
        return 2
    _report_writes(written, skipped)
    for task, reason in zip(unannotated, reasons):
        print(f"not imported: {task} {reason}", file=sys.stderr)
    print(f"{len(written)} gold file(s) written; now run 'extractor gold validate {args.out} CORPUS'",
          file=sys.stderr)
    return 1 if skipped else 0


def run_config(args) -> int:
    from ..labelstudio import LABEL_CONFIG

    sys.stdout.write(LABEL_CONFIG)
    return 0
