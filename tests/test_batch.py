"""The batch driver and ``extractor extract``: streaming, workers, errors, progress, options."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from extractor.batch import BatchOptions, Outcome, run_batch
from extractor.cli import main
from extractor.documents import Document
from extractor.progress import Progress, count_documents
from extractor.stores import store_for
from extractor.stores.base import Store

from conftest import corpus_documents


def lines(path: Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, items) -> Path:
    path.write_text("".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items),
                    encoding="utf-8")
    return path


# --------------------------------------------------------------------------- same records as the API

def test_the_batch_writes_what_the_api_extracts(corpus_jsonl, tmp_path):
    from extractor.api import extract_many

    out = tmp_path / "records.jsonl"
    assert main(["extract", str(corpus_jsonl), "--out", str(out), "--quiet"]) == 0
    documents = [json.loads(line) for line in corpus_jsonl.read_text(encoding="utf-8").splitlines()]
    assert [json.loads(r.to_json()) for r in extract_many(documents)] == lines(out)


def test_two_workers_write_exactly_what_one_writes(corpus_jsonl, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(corpus_jsonl), "--out", str(one), "--quiet", "--batch-size", "5"]) == 0
    assert main(["extract", str(corpus_jsonl), "--out", str(two), "--quiet", "--batch-size", "3",
                 "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(lines(two)) == len(corpus_jsonl.read_text().splitlines())


# --------------------------------------------------------------------------- streaming

class SpyStore(Store):
    """Remembers how much input had been read when each batch arrived."""

    display = "spy"

    def __init__(self, consumed):
        self.consumed = consumed
        self.writes = []

    def open(self, resume=False):
        pass

    def stored_ids(self, doc_ids):
        return set()

    def write(self, records):
        self.writes.append((len(records), self.consumed[0]))


def test_records_are_written_while_the_input_is_still_being_read():
    documents = corpus_documents(3)
    consumed = [0]

    def stdin():
        for number in range(40):
            consumed[0] += 1
            document = dict(documents[number % len(documents)], doc_id=f"d{number}")
            yield json.dumps(document) + "\n"

    store = SpyStore(consumed)
    summary = run_batch(["-"], store, BatchOptions(batch_size=4, progress=False), stdin=stdin())
    assert summary.written == 40
    assert store.writes[0] == (4, 4)  # the first batch is stored after reading four lines, not forty
    assert [count for count, _ in store.writes] == [4] * 10


# --------------------------------------------------------------------------- failures go on

def test_unreadable_and_repeated_documents_go_to_the_errors_file(tmp_path, capsys):
    good = corpus_documents(2)
    source = write_jsonl(tmp_path / "in.jsonl", [
        good[0],
        "{broken json",
        {"doc_id": "no-text"},
        good[1],
        dict(good[1], text="another text under the same id"),
    ])
    out = tmp_path / "out" / "records.jsonl"
    other = tmp_path / "notes.csv"  # there, but not a document (a missing input is a usage error, exit 2)
    other.write_text("a,b\n", encoding="utf-8")
    assert main(["extract", str(source), str(other), "--out", str(out)]) == 1
    assert [r["doc_id"] for r in lines(out)] == [good[0]["doc_id"], good[1]["doc_id"]]
    errors = lines(tmp_path / "out" / "records.errors.jsonl")
    assert [(e["doc_id"], Path(e["source"]).name, e["line"]) for e in errors] == [
        (None, "in.jsonl", 2), ("no-text", "in.jsonl", 3), (good[1]["doc_id"], "in.jsonl", 5),
        (None, "notes.csv", None)]
    assert "invalid JSON" in errors[0]["message"] and "text" in errors[1]["message"]
    assert "duplicate doc_id" in errors[2]["message"] and "unsupported input" in errors[3]["message"]
    err = capsys.readouterr().err
    assert "2 written, 4 failed (see" in err and "in.jsonl:2" in err


def test_a_document_that_breaks_the_pipeline_fails_alone(tmp_path, monkeypatch):
    import importlib

    module = importlib.import_module("extractor.extract")  # the package's name 'extract' is the API function
    real = module.doc_to_record

    def doc_to_record(doc):
        if doc._.doc_id == "boom":
            raise RuntimeError("a component failed")
        return real(doc)

    monkeypatch.setattr(module, "doc_to_record", doc_to_record)
    documents = corpus_documents(3)
    source = write_jsonl(tmp_path / "in.jsonl", [documents[0], dict(documents[1], doc_id="boom"), documents[2]])
    store = store_for(str(tmp_path / "out.jsonl"))
    summary = run_batch([str(source)], store, BatchOptions(batch_size=8, progress=False, quiet=True))
    assert (summary.written, summary.failed) == (2, 1)
    assert [r["doc_id"] for r in lines(tmp_path / "out.jsonl")] == [documents[0]["doc_id"], documents[2]["doc_id"]]
    (error,) = lines(tmp_path / "out.errors.jsonl")
    assert error == {"doc_id": "boom", "source": str(source), "line": 2, "message": "RuntimeError: a component failed"}


def test_a_document_that_hangs_is_given_up_after_the_timeout(tmp_path, monkeypatch):
    import importlib
    import time

    module = importlib.import_module("extractor.extract")
    real = module.doc_to_record

    def doc_to_record(doc):
        if doc._.doc_id == "slow":
            time.sleep(600)
        return real(doc)

    monkeypatch.setattr(module, "doc_to_record", doc_to_record)
    documents = corpus_documents(2)
    source = write_jsonl(tmp_path / "in.jsonl", [dict(documents[0], doc_id="slow"), documents[1]])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--out", str(out), "--timeout", "0.5", "--quiet"]) == 1
    assert [r["doc_id"] for r in lines(out)] == [documents[1]["doc_id"]]
    (error,) = lines(tmp_path / "out.errors.jsonl")
    assert error["doc_id"] == "slow" and "longer than 0.5 s" in error["message"]


def test_outcomes_of_a_failing_document(monkeypatch):
    import importlib

    from extractor.batch import extract_documents

    extract_module = importlib.import_module("extractor.extract")
    real = extract_module.doc_to_record

    def breaks_on_bad(doc):
        if doc._.doc_id == "bad":
            raise RuntimeError("a component broke on this text")
        return real(doc)

    monkeypatch.setattr(extract_module, "doc_to_record", breaks_on_bad)
    outcomes = extract_documents([Document("ok", "Iran exported $2 billion to Iraq."),
                                  Document("bad", "Iran exported $3 billion to Iraq.", source="x.jsonl", line=7),
                                  Document("after", "Iran exported $4 billion to Iraq.")])
    assert outcomes[0].record is not None and outcomes[0].error is None
    assert isinstance(outcomes[1], Outcome) and outcomes[1].record is None
    assert (outcomes[1].source, outcomes[1].line) == ("x.jsonl", 7) and "RuntimeError" in outcomes[1].error
    assert outcomes[2].record is not None  # the batch goes on


def test_a_doc_id_that_would_escape_the_output_folder_is_refused(tmp_path):
    document = corpus_documents(1)[0]
    source = write_jsonl(tmp_path / "in.jsonl", [dict(document, doc_id="../escaped"), document])
    folder = tmp_path / "records"
    assert main(["extract", str(source), "--store", str(folder) + "/", "--quiet"]) == 1
    assert [p.name for p in folder.iterdir() if p.name != ".lock"] == [document["doc_id"] + ".json"]
    assert not (tmp_path / "escaped.json").exists()
    (error,) = lines(tmp_path / "records.errors.jsonl")
    assert error["doc_id"] == "../escaped" and "escape" in error["message"]


def test_the_errors_file_replaces_the_last_runs_but_never_follows_a_link(tmp_path):
    document = corpus_documents(1)[0]
    source = write_jsonl(tmp_path / "in.jsonl", [document, "{broken"])
    target = tmp_path / "kept.jsonl"
    target.write_text("")
    link = tmp_path / "errors.jsonl"
    link.symlink_to(target)
    for _ in range(2):
        assert main(["extract", str(source), "--out", str(tmp_path / "out.jsonl"), "--errors", str(link),
                     "--quiet"]) == 1
    assert link.is_symlink()
    assert len(lines(target)) == 2  # appended through the link, never replaced by a file

    plain = tmp_path / "plain-errors.jsonl"
    for _ in range(2):
        main(["extract", str(source), "--out", str(tmp_path / "out.jsonl"), "--errors", str(plain), "--quiet"])
    assert len(lines(plain)) == 1  # each run starts its own errors file


# --------------------------------------------------------------------------- options and refusals

@pytest.mark.parametrize("arguments, message", [
    (["--engine", "dask"], "--scheduler"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
    (["--resume"], "standard output cannot be resumed"),
    (["--store", "mysql://db/x"], "unknown store"),
    (["--store", "sqlite://"], "give a file"),
    (["--published", "yesterday"], "YYYY-MM-DD"),
])
def test_refusals_before_any_work(arguments, message, tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text("Iraq bought $5 million of goods.", encoding="utf-8")
    assert main(["extract", str(source), *arguments]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""  # nothing extracted


@pytest.mark.parametrize("arguments", [
    ["--out", "a.jsonl", "--store", "sqlite:///b.db"],
    ["--workers", "0"],
    ["--batch-size", "-1"],
    ["--engine", "spark"],
    ["--timeout", "-1"],
    ["--timeout", "soon"],
])
def test_bad_options_are_usage_errors(arguments):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "corpus", *arguments])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("url, errors", [
    ("-", None),
    ("out/records.jsonl", "out/records.errors.jsonl"),
    ("out/records/", "out/records.errors.jsonl"),
    ("out/tables.parquet", "out/tables.parquet/errors.jsonl"),
    ("sqlite:///out/extractor.db", "out/extractor.errors.jsonl"),
    ("postgresql://u@h/db", "extractor-errors-h-5432-db.jsonl"),
])
def test_where_the_errors_file_goes(url, errors):
    path = store_for(url).default_errors_path()
    assert (str(path) if path else None) == errors


# --------------------------------------------------------------------------- progress

class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_shows_rate_total_and_errors():
    terminal = Terminal()
    progress = Progress(enabled=True, stream=terminal, initial_total=5)
    progress.update(done=3, errors=1)
    progress.write("error: x.jsonl:2: broken")
    progress.close()
    shown = terminal.getvalue()
    assert "3/5" in shown and "doc/s" in shown and "errors=1" in shown and "error: x.jsonl:2: broken" in shown


@pytest.mark.parametrize("stream, enabled", [(io.StringIO(), True), (Terminal(), False)], ids=["not-a-terminal", "quiet"])
def test_no_progress_bar_when_nobody_watches(stream, enabled):
    progress = Progress(enabled=enabled, stream=stream, initial_total=5)
    progress.update(done=5, errors=2)
    progress.close()
    assert stream.getvalue() == ""
    progress.write("error: still said")
    assert stream.getvalue() == "error: still said\n"


def test_the_total_is_counted_from_the_inputs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "one.meta.json").write_text("{}")
    (tmp_path / "a" / "two.txt").write_text("y")
    write_jsonl(tmp_path / "a" / "three.jsonl", [{"doc_id": str(i), "text": "t"} for i in range(3)])
    (tmp_path / "b.jsonl").write_text('{"doc_id": "x", "text": "no final newline"}')
    assert count_documents([tmp_path / "a", tmp_path / "b.jsonl"]) == 6
    assert count_documents([tmp_path / "a", "-"]) is None
