"""The command line's failures: a clear message and the documented exit code, never a
traceback; inputs checked before the pipeline loads; plain text and other keys on
standard input; ids from paths; --workers and the Dask engine."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from extractor.batch import BatchError, DaskEngine, make_engine
from extractor.cli import main

TEXT = "Iraq bought $5 million of goods in 1398."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _records(out: str) -> list:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


@pytest.fixture
def no_pipeline(monkeypatch):
    """Fails the test if anything builds the pipeline."""
    import extractor.api
    import extractor.pipeline

    def refuse(*_args, **_kwargs):
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(extractor.pipeline, "build_nlp", refuse)
    monkeypatch.setattr(extractor.api, "load_pipeline", refuse)


# --------------------------------------------------------------------------- missing inputs: exit 2, fast

@pytest.mark.parametrize("command", [
    ["extract", "{missing}", "--out", "{tmp}/out.jsonl"],
    ["extract", "{doc}", "{missing}", "--store", "sqlite:///{tmp}/out.db"],
    ["evaluate", "--gold", "{tmp}", "{missing}"],
    ["evaluate", "--gold", "{tmp}", "{doc}", "--corpus", "{missing}"],
    ["gold", "validate", "{tmp}", "{missing}"],
    ["gold", "draft", "{missing}", "--out", "{tmp}/gold"],
    ["gold", "export", "{missing}", "--out", "{tmp}/tasks.json"],
], ids=["extract", "extract-store", "evaluate", "evaluate-corpus", "gold-validate", "gold-draft", "gold-export"])
def test_a_missing_input_is_a_usage_error_before_the_pipeline_loads(command, tmp_path, capsys, no_pipeline):
    doc = _write(tmp_path / "in" / "a.txt", TEXT)
    missing = tmp_path / "nowhere" / "b.txt"
    argv = [part.format(missing=missing, tmp=tmp_path, doc=doc) for part in command]
    started = time.monotonic()
    assert main(argv) == 2
    assert time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert f"error: {missing}: no such file or folder" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "out.db").exists()
    assert not (tmp_path / "tasks.json").exists() and not (tmp_path / "gold").exists()


def test_a_broken_link_is_named(tmp_path, capsys, no_pipeline):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert main(["extract", str(link)]) == 2
    assert f"{link}: a broken symbolic link" in capsys.readouterr().err


# --------------------------------------------------------------------------- outputs

def test_gold_export_creates_the_missing_folders_of_its_output(tmp_path, capsys):
    doc = _write(tmp_path / "corpus" / "a.txt", TEXT)
    out = tmp_path / "missing" / "dir" / "t.json"
    assert main(["gold", "export", str(doc), "--out", str(out)]) == 0
    assert [t["data"]["doc_id"] for t in json.loads(out.read_text(encoding="utf-8"))] == ["a"]
    assert not [p.name for p in out.parent.iterdir() if p.name != "t.json"]  # no temporary file left


@pytest.mark.parametrize("where, message", [
    ("{file}/t.json", "cannot create the folder"),   # a file where a folder should be
    ("{tmp}", "is a folder; give a file name"),
    ("/proc/extractor-test/t.json", "cannot"),     # a file system that refuses it
], ids=["under-a-file", "a-folder", "refused-by-the-system"])
def test_gold_export_to_an_unwritable_output_is_a_clear_error(where, message, tmp_path, capsys, no_pipeline):
    doc = _write(tmp_path / "corpus" / "a.txt", TEXT)
    out = where.format(file=doc, tmp=tmp_path)
    assert main(["gold", "export", str(doc), "--out", out]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_gold_export_failing_to_write_reports_it(tmp_path, capsys, monkeypatch):
    doc = _write(tmp_path / "corpus" / "a.txt", TEXT)
    import extractor.commands as commands

    def full_disk(path, text):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(commands, "write_atomically", full_disk)
    assert main(["gold", "export", str(doc), "--out", str(tmp_path / "t.json")]) == 2
    err = capsys.readouterr().err
    assert f"error: cannot write {tmp_path / 't.json'}: No space left on device" in err and "Traceback" not in err


def test_an_os_error_in_any_command_is_a_message_not_a_traceback(monkeypatch, capsys):
    import extractor.commands.schema as schema_command

    def broken(_args):
        raise PermissionError(13, "Permission denied", "/some/file")

    monkeypatch.setattr(schema_command, "run", broken)
    assert main(["schema"]) == 2
    assert capsys.readouterr().err == "error: /some/file: Permission denied\n"


def test_negative_max_chars_is_a_usage_error_and_creates_nothing(tmp_path, capsys):
    doc = _write(tmp_path / "a.txt", TEXT)
    with pytest.raises(SystemExit) as info:
        main(["extract", str(doc), "--max-chars", "-5", "--out", str(tmp_path / "o.jsonl")])
    assert info.value.code == 2 and not (tmp_path / "o.jsonl").exists()
    assert "--max-chars" in capsys.readouterr().err


# --------------------------------------------------------------------------- standard input

def test_plain_text_on_standard_input(monkeypatch, capsys):
    _stdin(monkeypatch, TEXT + "\n")
    assert main(["extract", "-", "--stdin-format", "text", "--doc-id", "note-1", "--published", "2020-01-05"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["doc_id"] == "note-1" and record["published"] == "2020-01-05"
    assert [m["text"] for m in record["money"]] == ["$5 million"]
    assert [d["iso2"] for d in record["destinations"]] == ["IQ"]


def test_plain_text_without_the_option_says_what_to_add(monkeypatch, capsys):
    _stdin(monkeypatch, TEXT + "\n")
    assert main(["extract", "-"]) == 1
    assert "invalid JSON (plain text on standard input? add --stdin-format text)" in capsys.readouterr().err


def test_text_key_names_the_text_in_jsonl(monkeypatch, capsys, tmp_path):
    line = json.dumps({"doc_id": "a1", "body": TEXT}) + "\n"
    _stdin(monkeypatch, line)
    assert main(["extract", "-"]) == 1
    assert "'text' is missing (is the text under 'body'? --text-key body)" in capsys.readouterr().err
    _stdin(monkeypatch, line)
    assert main(["extract", "-", "--text-key", "body"]) == 0
    assert [r["doc_id"] for r in _records(capsys.readouterr().out)] == ["a1"]
    source = _write(tmp_path / "docs.jsonl", line)
    assert main(["extract", str(source), "--text-key", "body"]) == 0   # files too
    assert [r["doc_id"] for r in _records(capsys.readouterr().out)] == ["a1"]


# --------------------------------------------------------------------------- ids from paths

def test_ids_from_relative_paths_keep_nested_files_apart(tmp_path, capsys):
    root = tmp_path / "news"
    _write(root / "2019" / "oct" / "report.txt", TEXT)
    _write(root / "2020" / "report.txt", "Syria bought $7 million of goods.")
    _write(root / "report.txt", "Oman bought $9 million of goods.")
    assert main(["extract", str(root)]) == 1
    err = capsys.readouterr().err
    assert "duplicate doc_id 'report'" in err and "--id-from path" in err
    assert main(["extract", str(root), "--id-from", "path"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["doc_id"] for r in records] == ["2019/oct/report", "2020/report", "report"]
    assert [r["destinations"][0]["iso2"] for r in records] == ["IQ", "SY", "OM"]


def test_a_single_file_keeps_its_stem_with_ids_from_paths(tmp_path, capsys):
    doc = _write(tmp_path / "deep" / "a.txt", TEXT)
    assert main(["extract", str(doc), "--id-from", "path"]) == 0
    assert [r["doc_id"] for r in _records(capsys.readouterr().out)] == ["a"]


# --------------------------------------------------------------------------- Dask

def test_workers_with_the_dask_engine_are_refused(tmp_path, capsys, no_pipeline):
    doc = _write(tmp_path / "a.txt", TEXT)
    assert main(["extract", str(doc), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--workers", "4"]) == 2
    err = capsys.readouterr().err
    assert "--workers is for the local engine" in err and "--nworkers" in err
    with pytest.raises(BatchError, match="--workers is for the local engine"):
        make_engine("dask", workers=4, scheduler="tcp://127.0.0.1:9")


class _Future:
    def __init__(self, ready_after: float = float("inf")):
        self.ready_at = time.monotonic() + ready_after

    def result(self, timeout=None):
        if time.monotonic() >= self.ready_at:
            return ["outcomes"]
        time.sleep(min(timeout or 0, max(0.0, self.ready_at - time.monotonic())))
        if time.monotonic() >= self.ready_at:
            return ["outcomes"]
        raise TimeoutError


class _Client:
    def __init__(self, workers_at: list):
        self.workers_at = workers_at  # how many workers each look at the cluster finds

    def nthreads(self):
        count = self.workers_at.pop(0) if len(self.workers_at) > 1 else self.workers_at[0]
        return {f"tcp://w{i}": 1 for i in range(count)}


def _engine(workers_at, notes):
    engine = DaskEngine("tcp://scheduler:8786", workers_timeout=0.3, notify=notes.append)
    engine.poll_seconds = 0.02
    engine.client = _Client(workers_at)
    return engine


def test_a_dask_cluster_without_workers_is_reported_and_given_up():
    notes = []
    engine = _engine([0], notes)
    with pytest.raises(BatchError, match="has had no workers for 0.3 s: stopped.*--resume"):
        engine._wait(_Future())
    assert notes == ["the Dask cluster at tcp://scheduler:8786 has no workers left: waiting up to 0.3 s for one "
                     "(start one with 'dask worker tcp://scheduler:8786')"]


def test_a_dask_run_goes_on_when_a_worker_comes_back():
    notes = []
    engine = _engine([1, 0, 0, 1], notes)
    assert engine._wait(_Future(ready_after=0.15)) == ["outcomes"]
    assert any("no workers left" in n for n in notes) and any("workers again" in n for n in notes)


def test_a_lost_dask_task_is_a_clear_error():
    class Lost:
        def result(self, timeout=None):
            raise RuntimeError("KilledWorker: worker tcp://w0 died")

    engine = _engine([1], [])
    with pytest.raises(BatchError, match="failed a chunk .*KilledWorker.*--resume"):
        engine._wait(Lost())


def test_a_real_dask_cluster_with_no_workers_is_refused_with_a_message():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        engine = DaskEngine(cluster.scheduler_address, workers_timeout=1)
        with pytest.raises(BatchError, match="has no worker ready"):
            engine.start()
