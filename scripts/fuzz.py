#!/usr/bin/env python3
"""Coverage-guided fuzzing of the extractor with atheris (libFuzzer for Python).

    .venv/bin/pip install -e ".[fuzz]"
    .venv/bin/python scripts/fuzz.py                       # extract(), 10 minutes
    .venv/bin/python scripts/fuzz.py --target reader --seconds 120
    .venv/bin/python scripts/fuzz.py --seconds 60 -- -max_len=8192 -jobs=2

Targets:

* ``extract`` (default): the input bytes, decoded as UTF-8 (bad bytes become
  U+FFFD), are an article; the publication date is taken from the input's
  length (none, 2019-10-08, 2021-03-20).  ``extract`` must not raise, every
  mention must satisfy ``text[start:end] == mention.text`` and the record
  must survive a JSON round trip.
* ``reader``: the input bytes are a JSONL file and a ``.txt`` file; the
  readers must give documents or ``InputError`` objects and never raise.

A slow input counts as a finding too: libFuzzer stops on an input that
takes longer than ``--timeout`` seconds (default 10).  The seed corpus is
``tests/fuzz_seeds/`` (read, never written); new interesting inputs go to
``--corpus`` (default ``.fuzz/corpus-TARGET``) and findings to
``--findings`` (default ``.fuzz/findings``) as ``crash-*``, ``timeout-*``
files.  Turn each finding into a row of ``FUZZ_FINDINGS`` in
``tests/test_robustness.py`` once it is fixed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fuzz_seeds"
PUBLISHED = (None, "2019-10-08", "2021-03-20")


def check_extract(data: bytes) -> None:
    """One fuzz input through ``extract``; raises on any broken promise."""
    from extractor import extract
    from extractor.records import Record

    text = data.decode("utf-8", errors="replace")
    record = extract(text, published=PUBLISHED[len(data) % 3], doc_id="fuzz")
    base = text[1:] if text.startswith("\ufeff") else text
    if record.text_sha256 != hashlib.sha256(base.encode("utf-8")).hexdigest():
        raise AssertionError("text_sha256 is not the hash of the text")
    problems = record.check_offsets(base)
    for _, m in record.iter_mentions():
        if not 0 <= m.start <= m.end <= len(base):
            problems.append(f"offsets {m.start}..{m.end} outside a text of {len(base)} characters")
    if problems:
        raise AssertionError("; ".join(problems[:5]))
    data_out = json.loads(record.to_json())
    if Record.model_validate(data_out).to_json_dict() != data_out:
        raise AssertionError("the record does not survive a JSON round trip")


def check_reader(data: bytes) -> None:
    """One fuzz input as a JSONL stream and as a .txt file; only InputError objects may come out."""
    import tempfile

    from extractor.documents import Document, iter_documents, read_jsonl
    from extractor.errors import InputError

    items = list(read_jsonl(data.split(b"\n"), "fuzz.jsonl"))
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.txt").write_bytes(data)
        Path(folder, "a.meta.json").write_bytes(data[:200])
        Path(folder, "b.jsonl").write_bytes(data)
        items += list(iter_documents([folder], max_chars=10_000))
    for item in items:
        if not isinstance(item, (Document, InputError)):
            raise AssertionError(f"the reader gave {type(item).__name__}")
        if isinstance(item, Document):
            item.text.encode("utf-8")
            item.doc_id.encode("utf-8")


TARGETS = {"extract": check_extract, "reader": check_reader}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=sorted(TARGETS), default="extract")
    parser.add_argument("--seconds", type=int, default=600, help="how long to fuzz (default 600)")
    parser.add_argument("--timeout", type=int, default=10, help="seconds after which one input is a finding")
    parser.add_argument("--max-len", type=int, default=4096, help="longest input in bytes (default 4096)")
    parser.add_argument("--corpus", type=Path, help="folder for the inputs the fuzzer keeps")
    parser.add_argument("--findings", type=Path, default=ROOT / ".fuzz" / "findings")
    parser.add_argument("--runs", type=int, help="stop after this many inputs (for a quick check)")
    parser.add_argument("libfuzzer", nargs="*", help="more libFuzzer options, after --")
    args = parser.parse_args(argv)

    try:
        import atheris
    except ModuleNotFoundError:
        print("atheris is not installed: .venv/bin/pip install -e '.[fuzz]'", file=sys.stderr)
        return 2

    corpus = args.corpus or ROOT / ".fuzz" / f"corpus-{args.target}"
    corpus.mkdir(parents=True, exist_ok=True)
    args.findings.mkdir(parents=True, exist_ok=True)

    with atheris.instrument_imports(include=["extractor"]):
        import extractor.api
        import extractor.components.destinations
        import extractor.components.money
        import extractor.components.officials
        import extractor.components.organizations
        import extractor.documents
        import extractor.numbers
        import extractor.timex  # noqa: F401
    extractor.api.load_pipeline()  # built once, before the clock starts

    check = TARGETS[args.target]

    def one_input(data: bytes) -> None:
        check(data)

    libfuzzer_args = [sys.argv[0], str(corpus), str(SEEDS),
                      f"-max_total_time={args.seconds}", f"-timeout={args.timeout}",
                      f"-max_len={args.max_len}", f"-artifact_prefix={args.findings}/",
                      "-print_final_stats=1"]
    if args.runs is not None:
        libfuzzer_args.append(f"-runs={args.runs}")
    libfuzzer_args += args.libfuzzer
    atheris.Setup(libfuzzer_args, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
