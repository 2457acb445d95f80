"""``extractor evaluate``: score predictions against gold files (RECORDS.md section 4).

INPUT is either a corpus (folders, ``.txt``, ``.jsonl`` of documents, ``-``),
which is extracted first, or a JSONL of records written earlier by
``extractor extract``, which is only scored.  A ``.jsonl`` whose first line
is a record (it has ``text_sha256`` and no ``text``) is taken as records.

Exit status: 0 when scored, 1 when a ``--min-f1`` threshold is not met,
2 when an input or a gold file is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

THRESHOLD_FIELDS = ("money", "periods", "organizations", "officials", "destinations", "overall")
#: attribute accuracies that may be gated too: name -> (field, attribute)
THRESHOLD_ATTRIBUTES = {"officials.title": ("officials", "title"),
                        "officials.organization": ("officials", "organization"),
                        "destinations.amount": ("destinations", "amount")}


def parse_thresholds(spec: str) -> dict:
    """``money=0.95,periods=0.9`` -> ``{"money": 0.95, "periods": 0.9}``."""
    thresholds = {}
    for part in spec.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or (name not in THRESHOLD_FIELDS and name not in THRESHOLD_ATTRIBUTES):
            raise argparse.ArgumentTypeError(
                f"{part!r}: expected FIELD=NUMBER with FIELD one of "
                f"{', '.join(THRESHOLD_FIELDS + tuple(THRESHOLD_ATTRIBUTES))}")
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part!r}: {value!r} is not a number") from None
        if not 0.0 <= number <= 1.0:
            raise argparse.ArgumentTypeError(f"{part!r}: a threshold is between 0 and 1")
        thresholds[name] = number
    if not thresholds:
        raise argparse.ArgumentTypeError("no threshold given")
    return thresholds


def register(sub) -> None:
    parser = sub.add_parser(
        "evaluate", help="score a corpus (extracted now) or a JSONL of records against gold files",
        description="Score predictions against gold files, micro-averaged over the documents that have "
                    "a gold file. INPUT is a corpus (folder, .txt, .jsonl of documents, -) to extract, or a "
                    "JSONL of records written earlier by 'extractor extract'.",
        epilog="exit status: 0 scored, 1 a --min-f1 threshold not met, 2 an input or gold file refused")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="corpus or JSONL of records")
    parser.add_argument("--gold", required=True, metavar="GOLD_DIR", help="folder of <doc_id>.json gold files")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true",
                        help="list every false positive, false negative and wrong value with its context")
    parser.add_argument("--min-f1", type=parse_thresholds, metavar="FIELD=X,...",
                        help="fail (exit 1) when a field's headline F1 is below X; fields: "
                             + ", ".join(THRESHOLD_FIELDS))
    parser.add_argument("--published", help="default publication date YYYY-MM-DD for documents without one")
    parser.add_argument("--corpus", metavar="CORPUS", action="append",
                        help="with records as INPUT: the documents' texts (folder, .txt, .jsonl; repeatable), "
                             "to check the gold offsets and show context in --errors")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="highlighting of --errors (default: on a terminal)")
    parser.add_argument("--html", metavar="PAGE",
                        help="also write the scores and every error as one self-contained HTML page, each "
                             "document's text with the gold and predicted spans and their values")
    parser.set_defaults(run=run)


# --------------------------------------------------------------------------- loading

@dataclass
class Loaded:
    """Predictions (and texts) read from the inputs."""

    records: dict = field(default_factory=dict)  # doc_id -> Record
    texts: dict = field(default_factory=dict)  # doc_id -> text
    origins: dict = field(default_factory=dict)  # doc_id -> "file:line" of a record
    errors: list = field(default_factory=list)  # messages
    unwanted: int = 0  # documents or records left out (no gold file)


def _split_inputs(inputs):
    """``(record sources, corpus inputs)``; ``-`` is read here, once."""
    from ..gold import first_line, looks_like_records

    record_sources, corpus = [], []
    for item in inputs:
        if str(item) == "-":
            lines = sys.stdin.read().split("\n")
            first = next((line for line in lines if line.strip()), "")
            (record_sources if looks_like_records(first) else corpus).append(("<stdin>", lines))
        else:
            path = Path(item)
            if path.is_file() and path.suffix == ".jsonl" and looks_like_records(first_line(path)):
                record_sources.append((str(path), None))
            else:
                corpus.append((str(path), None))
    return record_sources, corpus


def _read_lines(path: str):
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle:
            yield line.rstrip("\n")


def load_predictions(inputs, published=None, wanted: Optional[set] = None) -> Loaded:
    """Records of the inputs: read from record files, or extracted from documents.

    With ``wanted``, only those doc_ids are extracted or kept; the others
    are counted in ``unwanted``.  Broken lines and unreadable documents are
    collected in ``errors``, each naming its file and line.
    """
    from ..documents import iter_documents, read_jsonl
    from ..errors import InputError
    from ..gold import read_records

    loaded = Loaded()
    record_sources, corpus = _split_inputs(inputs)
    for name, lines in record_sources:
        try:
            source = lines if lines is not None else _read_lines(name)
            for number, item in read_records(source, name):
                if isinstance(item, InputError):
                    loaded.errors.append(str(item))
                    continue
                if wanted is not None and item.doc_id not in wanted:
                    loaded.unwanted += 1
                    continue
                if item.doc_id in loaded.records:
                    loaded.errors.append(f"{name}:{number}: doc_id {item.doc_id!r} already predicted at "
                                         f"{loaded.origins[item.doc_id]}")
                    continue
                loaded.records[item.doc_id] = item
                loaded.origins[item.doc_id] = f"{name}:{number}"
        except (OSError, UnicodeDecodeError) as exc:
            loaded.errors.append(f"{name}: cannot read: {exc}")
    if corpus:
        documents = []
        sources = []
        for name, lines in corpus:
            sources.append(read_jsonl(lines, name, published) if lines is not None
                           else iter_documents([name], published))
        for source in sources:
            for item in source:
                if isinstance(item, InputError):
                    loaded.errors.append(str(item))
                elif wanted is not None and item.doc_id not in wanted:
                    loaded.unwanted += 1
                elif item.doc_id in loaded.texts or item.doc_id in loaded.records:
                    loaded.errors.append(f"{item.source}{':' + str(item.line) if item.line else ''}: "
                                         f"doc_id {item.doc_id!r} appears twice")
                else:
                    loaded.texts[item.doc_id] = item.text
                    documents.append(item)
        if documents:
            from ..api import extract_many

            for record in extract_many(documents):
                loaded.records[record.doc_id] = record
    return loaded


def load_texts(inputs, published=None, wanted: Optional[set] = None) -> tuple:
    """``(texts by doc_id, errors)`` of a corpus."""
    from ..documents import iter_documents
    from ..errors import InputError

    texts, errors = {}, []
    for item in iter_documents(inputs, published):
        if isinstance(item, InputError):
            errors.append(str(item))
        elif wanted is None or item.doc_id in wanted:
            texts.setdefault(item.doc_id, item.text)
    return texts, errors


# --------------------------------------------------------------------------- run

def _refusals(gold: dict, loaded: Loaded) -> list:
    """Gold files that disagree with their document, and records made on another text."""
    from ..gold import text_problems

    messages = []
    for doc_id, gold_file in sorted(gold.items()):
        text = loaded.texts.get(doc_id)
        if text is not None:
            problems = text_problems(gold_file.record, text)
            if problems:
                more = f" (and {len(problems) - 1} more; run 'extractor gold validate')" if len(problems) > 1 else ""
                messages.append(f"{gold_file.path}: {problems[0]}{more}")
                continue
        record = loaded.records.get(doc_id)
        if doc_id in loaded.origins and record.text_sha256 != gold_file.record.text_sha256:
            messages.append(f"{loaded.origins.get(doc_id, doc_id)}: record {doc_id!r} was made on another text "
                            f"than {gold_file.path} (text_sha256 differs)")
    return messages


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def check_thresholds(scores, thresholds: dict) -> list:
    """Messages for each field whose headline F1 is below its threshold."""
    from ..scorer import HEADLINE

    failures = []
    for name, minimum in thresholds.items():
        if name in THRESHOLD_ATTRIBUTES:
            field_name, attribute = THRESHOLD_ATTRIBUTES[name]
            accuracy = scores.fields[field_name].attributes[attribute].value
            if accuracy is not None and accuracy < minimum:
                failures.append(f"{name}: {attribute} accuracy {accuracy:.3f} is below the threshold {minimum:.3f}")
            continue
        f1 = scores.headline(name).f1
        if f1 < minimum:
            metric = "micro F1" if name == "overall" else f"{HEADLINE[name]} F1"
            failures.append(f"{name}: {metric} {f1:.3f} is below the threshold {minimum:.3f}")
    return failures


def run(args) -> int:
    from ..documents import parse_date_option
    from ..errors import GoldError, InputError
    from ..gold import load_gold_dir
    from ..report import Coverage, Style, errors_json, format_errors, format_table
    from ..scorer import score_corpus
    from . import refuse_missing_inputs, writable_output

    if refuse_missing_inputs([*args.inputs, *(args.corpus or [])]):
        return 2
    page_problem = writable_output(args.html) if args.html else None
    if page_problem:
        print(f"error: {page_problem}", file=sys.stderr)
        return 2
    try:
        published = parse_date_option(args.published) if args.published else None
        gold = load_gold_dir(args.gold)
    except (GoldError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    wanted = set(gold)
    loaded = load_predictions(args.inputs, published, wanted)
    if args.corpus:
        texts, errors = load_texts(args.corpus, published, wanted)
        loaded.errors += errors
        for doc_id, text in texts.items():
            loaded.texts.setdefault(doc_id, text)
    refusals = loaded.errors + _refusals(gold, loaded)
    if refusals:
        for message in refusals:
            print(f"error: {message}", file=sys.stderr)
        print(f"evaluate refused: {len(refusals)} problem(s)", file=sys.stderr)
        return 2

    pairs = [(gold[doc_id].record, loaded.records.get(doc_id)) for doc_id in sorted(gold)]
    scores, documents = score_corpus(pairs)
    coverage = Coverage(scored=len(pairs), predicted_without_gold=loaded.unwanted,
                        gold_without_prediction=[d.doc_id for d in documents if d.missing],
                        gold_dir=str(args.gold))

    if args.json:
        data = scores.to_dict()
        data["predictions_without_gold"] = coverage.predicted_without_gold
        data["gold_without_prediction"] = coverage.gold_without_prediction
        if args.errors:
            data["errors"] = errors_json(documents, loaded.texts)
        print(json.dumps(data, indent=2))
    else:
        if args.errors:
            print(format_errors(documents, loaded.texts, Style(_use_color(args.color))))
        print(format_table(scores, coverage))

    if args.html:
        from ..html_report import render_page
        from . import write_atomically

        page = render_page(scores, coverage, documents, loaded.texts,
                           {doc_id: (gold[doc_id].record, loaded.records.get(doc_id)) for doc_id in gold})
        try:
            write_atomically(args.html, page)
        except OSError as exc:
            print(f"error: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"wrote {args.html}", file=sys.stderr)

    if args.min_f1:
        failures = check_thresholds(scores, args.min_f1)
        for message in failures:
            print(f"FAIL {message}", file=sys.stderr)
        if failures:
            return 1
    return 0
