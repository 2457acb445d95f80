"""The command line: ``extractor extract`` and ``extractor schema``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.gold import contract_dict
from extractor.records import Record
from extractor.cli import main
from extractor.records import json_schema

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_ee71b4a3328ceb5f"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    _write(tmp_path / "in" / "b.txt", "Exports fell last year to $2 billion.")
    _write(tmp_path / "in" / "b.meta.json", json.dumps({"published": "2019-10-08"}))
    _write(tmp_path / "in" / "a.txt", "\ufeffIraq bought $5 million worth of goods.")
    _write(tmp_path / "in" / "sub" / "more.jsonl",
           json.dumps({"doc_id": "j1", "text": "Exports in 1398 rose."}) + "\n\n"
           + json.dumps({"doc_id": "j2", "text": "Exports fell last year.", "published": "2021-05-20"}) + "\n")
    return tmp_path / "in"


def test_schema_prints_the_record_schema(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema()
    assert {"money", "periods", "organizations", "officials", "destinations", "schema"} <= set(printed["properties"])


def test_extract_seed_file_gives_its_gold_record(capsys):
    assert main(["extract", str(ROOT / "corpus" / f"{SEED}.txt")]) == 0
    (record,) = _lines(capsys.readouterr().out)
    gold = json.loads((ROOT / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    # extra keys RECORDS allows (an organization's registry entry) are not in gold files
    assert contract_dict(Record.model_validate(record)) == gold


def test_extract_folder_walks_recursively_in_a_stable_order(folder, capsys):
    assert main(["extract", str(folder)]) == 0
    records = _lines(capsys.readouterr().out)
    assert [r["doc_id"] for r in records] == ["a", "b", "j1", "j2"]
    by_id = {r["doc_id"]: r for r in records}
    assert by_id["a"]["money"][0]["start"] == 12  # the BOM is dropped before offsets are taken
    assert by_id["b"]["published"] == "2019-10-08"  # from the sidecar
    assert by_id["b"]["periods"][0]["start_date"] == "2018-03-21"
    assert by_id["j1"]["published"] is None
    assert by_id["j2"]["periods"][0]["start_date"] == "2020-03-20"


def test_published_option_is_the_default_only(folder, capsys):
    assert main(["extract", str(folder), "--published", "2020-01-05"]) == 0
    by_id = {r["doc_id"]: r for r in _lines(capsys.readouterr().out)}
    assert by_id["a"]["published"] == "2020-01-05"
    assert by_id["j1"]["published"] == "2020-01-05"
    assert by_id["b"]["published"] == "2019-10-08"
    assert by_id["j2"]["published"] == "2021-05-20"


def test_extract_reads_jsonl_from_stdin(monkeypatch, capsys):
    lines = [json.dumps({"doc_id": f"s{i}", "text": f"Exports reached ${i} billion."}) for i in (1, 2)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["extract", "-"]) == 0
    records = _lines(capsys.readouterr().out)
    assert [(r["doc_id"], r["money"][0]["amount"]) for r in records] == [("s1", 1000000000), ("s2", 2000000000)]


def test_extract_out_file(folder, tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(folder / "a.txt"), "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    (record,) = _lines(out.read_text(encoding="utf-8"))
    assert record["doc_id"] == "a"


def test_broken_inputs_are_reported_and_the_rest_is_extracted(tmp_path, capsys):
    bad = _write(tmp_path / "bad.jsonl",
                 json.dumps({"doc_id": "ok", "text": "Iraq bought $5 million."}) + "\n"
                 + "{not json\n"
                 + json.dumps({"doc_id": "late", "text": "x", "published": "05/01/2020"}) + "\n"
                 + json.dumps({"text": "no id"}) + "\n")
    code = main(["extract", str(bad)])  # a missing input is a usage error: tests/test_cli_failures.py
    captured = capsys.readouterr()
    assert code == 1
    assert [r["doc_id"] for r in _lines(captured.out)] == ["ok"]
    assert f"{bad}:2" in captured.err and f"{bad}:3" in captured.err and f"{bad}:4" in captured.err


def test_bad_published_option_is_a_clean_error(folder, capsys):
    code = main(["extract", str(folder), "--published", "yesterday"])
    captured = capsys.readouterr()
    assert code != 0
    assert "--published" in captured.err and captured.out == ""


def test_module_entry_point_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "extractor", "schema"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Record"
