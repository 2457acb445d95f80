"""Resume after ``kill -9``: no half-written record, and every document stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.stores import open_store

from conftest import ROOT, corpus_documents

COPIES = 25  # copies of each corpus article, under new doc_ids: enough work to kill mid-run


@pytest.fixture(scope="module")
def big_input(tmp_path_factory):
    """``(path, expected)``: many documents, and the record each must get (from the API)."""
    from extractor.api import extract_many

    originals = corpus_documents(24)
    reference = {r.doc_id: r.to_json_dict() for r in extract_many(originals)}
    path = tmp_path_factory.mktemp("big") / "documents.jsonl"
    expected = {}
    with open(path, "w", encoding="utf-8") as handle:
        for copy in range(COPIES):
            for original in originals:
                doc_id = f"{original['doc_id']}~{copy:02d}"
                handle.write(json.dumps(dict(original, doc_id=doc_id)) + "\n")
                expected[doc_id] = dict(reference[original["doc_id"]], doc_id=doc_id)
    return path, expected


def stored_count(kind: str, target: Path) -> int:
    if kind == "jsonl":
        return target.read_bytes().count(b"\n") if target.exists() else 0
    if not target.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def extract_command(source: Path, store: str, *extra) -> list:
    return [sys.executable, "-m", "extractor", "extract", str(source), "--store", store, "--batch-size", "4",
            "--quiet", *extra]


@pytest.mark.parametrize("kind", ["jsonl", "sqlite"])
def test_a_run_killed_at_any_moment_is_finished_by_resume(kind, big_input, tmp_path):
    source, expected = big_input
    target = tmp_path / ("records.jsonl" if kind == "jsonl" else "extractor.db")
    store = str(target) if kind == "jsonl" else f"sqlite:///{target}"

    process = subprocess.Popen(extract_command(source, store), cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_count(kind, target) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    at_kill = stored_count(kind, target)
    assert 0 < at_kill < len(expected)

    done = subprocess.run(extract_command(source, store, "--resume"), cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr

    reader = open_store(store, resume=True)
    try:
        records = [r.to_json_dict() for r in reader.iter_records()]
    finally:
        reader.close()
    assert sorted(r["doc_id"] for r in records) == sorted(expected)  # each exactly once
    assert {r["doc_id"]: r for r in records} == expected  # and whole
    if kind == "sqlite":
        with sqlite3.connect(target) as connection:
            runs = connection.execute(
                "SELECT status, documents_written, documents_skipped FROM runs ORDER BY started_at").fetchall()
        killed, resumed = runs
        assert killed[0] == "abandoned"  # a killed run never finished; the next open marks it
        assert resumed[0] == "finished" and resumed[1] + resumed[2] == len(expected) and resumed[2] >= 8


def test_documents_that_failed_are_retried_by_resume(tmp_path, capsys):
    documents = corpus_documents(2)
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(documents[0]) + "\n", encoding="utf-8")
    late = tmp_path / "late.jsonl"  # refused the first time (a missing input would be a usage error, exit 2)
    late.write_text(json.dumps(dict(documents[1], published="05/01/2020")) + "\n", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(first), str(late), "--out", str(out), "--quiet"]) == 1
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == [documents[0]["doc_id"]]
    assert "late.jsonl" in (tmp_path / "records.errors.jsonl").read_text()

    late.write_text(json.dumps(documents[1]) + "\n", encoding="utf-8")
    assert main(["extract", str(first), str(late), "--out", str(out), "--resume"]) == 0
    assert "1 written, 1 skipped" in capsys.readouterr().err
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == [d["doc_id"] for d in documents]
    assert not (tmp_path / "records.errors.jsonl").exists()  # the errors file is this run's: none


def test_resume_into_a_store_that_holds_everything_does_nothing(tmp_path, capsys):
    documents = corpus_documents(3)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    store = f"sqlite:///{tmp_path}/x.db"
    assert main(["extract", str(source), "--store", store, "--quiet"]) == 0
    assert main(["extract", str(source), "--store", store, "--resume"]) == 0
    assert "0 written, 3 skipped" in capsys.readouterr().err
