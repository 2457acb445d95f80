"""Data safety under faults: one writer per store, exact amounts in every store, one bad
document never stops a batch, outputs that would destroy inputs refused, every input entry
accounted for, a clean process lifecycle, and clear messages (issue 12).

Each test drives the real stores (files, a real SQLite database, Parquet; PostgreSQL in
test_postgres.py) and the real command line; faults are real ones (a second writer, kill -9,
SIGTERM, a FIFO, a full file system) wherever the machine allows them.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.errors import StoreError, StoreLockedError
from extractor.records import Destination, Money, Record
from extractor.stores import store_for

from conftest import corpus_documents

ROOT = Path(__file__).resolve().parent.parent


def lines(path: Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def jsonl_input(path: Path, count: int = 3) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in corpus_documents(count)), encoding="utf-8")
    return path


def file_store_urls(tmp_path: Path) -> dict:
    return {
        "jsonl": f"jsonl:{tmp_path / 'records.jsonl'}",
        "folder": f"folder:{tmp_path / 'records'}",
        "parquet": f"parquet:{tmp_path / 'tables.parquet'}",
        "sqlite": f"sqlite:///{tmp_path / 'x.db'}",
    }


STORE_KINDS = ("jsonl", "folder", "parquet", "sqlite")


# --------------------------------------------------------------------------- one writer at a time

@pytest.mark.parametrize("kind", STORE_KINDS)
def test_a_second_writer_is_refused_at_once_and_touches_nothing(tmp_path, kind, capsys):
    url = file_store_urls(tmp_path)[kind]
    source = jsonl_input(tmp_path / "in.jsonl")
    assert main(["extract", str(source), "--store", url, "--quiet"]) == 0
    before = _snapshot(tmp_path)
    first = store_for(url)
    first.open(resume=True)  # a run in progress holds the store
    try:
        capsys.readouterr()
        assert main(["extract", str(source), "--store", url, "--quiet"]) == 2
        assert "being written by another run" in capsys.readouterr().err
        with pytest.raises(StoreLockedError):
            store_for(url).open(resume=True)
    finally:
        first.close()
    assert _snapshot(tmp_path) == before  # the refused writer truncated, deleted and wrote nothing
    assert main(["extract", str(source), "--store", url, "--quiet", "--resume"]) == 0  # free again


def _snapshot(folder: Path) -> dict:
    """Every file's bytes under ``folder`` (lock files and SQLite's side files aside)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith((".lock", "-wal", "-shm"))}


HOLDER = """
import sys, time
from extractor.stores import store_for
store = store_for(sys.argv[1])
store.open(resume=True)
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("kind", ("jsonl", "sqlite"))
def test_a_lock_left_by_a_killed_run_is_taken_over(tmp_path, kind):
    url = file_store_urls(tmp_path)[kind]
    source = jsonl_input(tmp_path / "in.jsonl")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLockedError, match=f"process {holder.pid}"):
            store_for(url).open(resume=True)
    finally:
        holder.kill()  # kill -9: the holder never releases anything itself
        holder.wait()
    assert main(["extract", str(source), "--store", url, "--quiet"]) == 0


# --------------------------------------------------------------------------- exact amounts everywhere

HOSTILE_AMOUNTS = [
    Decimal("12345678901234567890"),      # past 2^63: SQLite's INTEGER and a float both lose it
    Decimal("999999999999999999999"),     # the largest amount RECORDS allows (below 10^21)
    Decimal("100000000000000000000"),     # 10^20 rials
    Decimal("12345678901234567.89"),      # 19 significant digits with decimals: a float rounds it
    Decimal("0.0000001"),                 # decimal(38,6) rounded this to 0
    Decimal("0.19"),                      # 19 cents
    Decimal("1490000000"),
]


def hostile_record() -> Record:
    text = "x" * 40
    money = [Money(start=i, end=i + 1, text="x", amount=a, currency="IRR") for i, a in enumerate(HOSTILE_AMOUNTS)]
    return Record(doc_id="hostile", text_sha256="0" * 64, money=money,
                  destinations=[Destination(country="Iraq", iso2="IQ", amount=HOSTILE_AMOUNTS[3], currency="USD")])


@pytest.mark.parametrize("kind", STORE_KINDS)
def test_every_store_gives_back_the_exact_amounts_of_the_jsonl(tmp_path, kind):
    record = hostile_record()
    as_jsonl = Record.from_json(record.to_json())
    assert [m.amount for m in as_jsonl.money] == HOSTILE_AMOUNTS  # JSONL itself is exact
    assert "12345678901234567.89" in record.to_json() and "1e" not in record.to_json().lower()
    store = store_for(file_store_urls(tmp_path)[kind])
    store.open()
    try:
        store.write([record])
    finally:
        store.close()
    reader = store_for(file_store_urls(tmp_path)[kind])
    if kind in ("sqlite", "parquet"):
        reader.open(resume=True)
    try:
        (back,) = list(reader.iter_records())
    finally:
        reader.close()
    assert [m.amount for m in back.money] == [m.amount for m in as_jsonl.money]
    assert back.destinations[0].amount == as_jsonl.destinations[0].amount


def test_sqlite_keeps_whole_amounts_as_integers_and_the_rest_as_exact_text(tmp_path):
    store = store_for(f"sqlite:///{tmp_path / 'x.db'}")
    store.open()
    try:
        store.write([hostile_record()])
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "x.db") as connection:
        rows = connection.execute("SELECT amount, typeof(amount) FROM money ORDER BY position").fetchall()
    assert rows[-1] == (1490000000, "integer")  # sums and comparisons work on ordinary amounts
    assert rows[0] == ("12345678901234567890", "text") and rows[4] == ("0.0000001", "text")
    assert "real" not in {kind for _, kind in rows}


@pytest.mark.parametrize("amount", ["1e21", "12345678901234567890123", "Infinity", "NaN"])
def test_an_amount_past_the_records_limit_is_not_a_record(amount):
    with pytest.raises(ValueError, match="10\\^21|not below|finite"):
        Money(start=0, end=1, text="x", amount=Decimal(amount), currency="USD")


def test_a_run_of_digits_is_never_an_amount_that_cannot_be_stored(tmp_path):
    text = "The fund holds $" + "9" * 400 + " in reserve."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": "digits", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--out", str(out), "--quiet"]) == 0
    (record,) = lines(out)
    assert all(abs(Decimal(str(m["amount"]))) < Decimal(10) ** 21 for m in record["money"] if m["amount"] is not None)


# --------------------------------------------------------------------------- one bad document, never the batch


def test_a_document_the_store_refuses_goes_to_the_errors_file_and_the_batch_goes_on(tmp_path, monkeypatch):
    from extractor.stores.sqlite import SqliteStore

    original = SqliteStore.write
    refused = corpus_documents(5)[2]["doc_id"]

    def write(self, records):
        if any(r.doc_id == refused for r in records):
            raise StoreError(f"value too large for column (document {refused})")
        return original(self, records)

    monkeypatch.setattr(SqliteStore, "write", write)
    source = jsonl_input(tmp_path / "in.jsonl", 5)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["extract", str(source), "--store", url, "--quiet", "--batch-size", "5"]) == 1
    (error,) = lines(tmp_path / "x.errors.jsonl")
    assert error["doc_id"] == refused and "cannot be stored" in error["message"]
    with sqlite3.connect(tmp_path / "x.db") as connection:
        stored = {row[0] for row in connection.execute("SELECT doc_id FROM documents")}
        (written, failed), = connection.execute("SELECT documents_written, documents_failed FROM runs").fetchall()
    assert len(stored) == 4 and refused not in stored and (written, failed) == (4, 1)  # counts match the disk
    # --resume gets past it (it is tried again, refused again, and the run ends)
    assert main(["extract", str(source), "--store", url, "--quiet", "--resume"]) == 1


def test_a_store_that_fails_for_good_stops_the_run_with_exit_3_and_keeps_what_was_written(tmp_path, monkeypatch,
                                                                                            capsys):
    from extractor.stores.jsonl import JsonlStore

    original = JsonlStore.write
    calls = {"n": 0}

    def write(self, records):
        calls["n"] += 1
        if calls["n"] > 2:
            raise StoreError("cannot write: No space left on device")
        return original(self, records)

    monkeypatch.setattr(JsonlStore, "write", write)
    source = jsonl_input(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--out", str(out), "--quiet", "--batch-size", "1"]) == 3
    err = capsys.readouterr().err
    assert "No space left on device" in err and "stopped partway: 2 written" in err and "Traceback" not in err
    assert len(lines(out)) == 2


def test_parquet_refuses_an_amount_it_cannot_hold_exactly_for_that_document_only(tmp_path):
    from extractor.stores.parquet import ParquetStore

    store = ParquetStore(str(tmp_path / "t.parquet"))
    store.open()
    try:
        ok = Record(doc_id="ok", text_sha256="0" * 64,
                    money=[Money(start=0, end=1, text="x", amount=Decimal("5"), currency="USD")])
        bad = Record(doc_id="bad", text_sha256="0" * 64,
                     money=[Money(start=0, end=1, text="x", amount=Decimal("0.000000000000000000001"), currency="USD")])
        store.write([ok])
        with pytest.raises(StoreError, match="does not fit"):
            store.write([bad])
    finally:
        store.close()
    reader = ParquetStore(str(tmp_path / "t.parquet"))
    assert [r.doc_id for r in reader.iter_records()] == ["ok"]  # the buffer before it was kept


# --------------------------------------------------------------------------- outputs that destroy inputs

def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, capsys):
    source = jsonl_input(tmp_path / "in.jsonl")
    before = source.read_bytes()
    assert main(["extract", str(source), "--out", str(source), "--quiet"]) == 2
    assert "also an input" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_an_output_inside_an_input_folder_is_refused(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Iran exported $2 billion to Iraq.", encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(folder / "records.jsonl"), "--quiet"]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_an_errors_file_that_is_the_store_is_refused(tmp_path, capsys):
    source = jsonl_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--out", str(out)]) == 0
    before = out.read_bytes()
    assert main(["extract", str(source), "--out", str(out), "--errors", str(out), "--quiet"]) == 2
    assert "would overwrite the store" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_a_database_given_without_its_scheme_is_never_overwritten(tmp_path, capsys):
    source = jsonl_input(tmp_path / "in.jsonl")
    database = tmp_path / "victim.db"
    assert main(["extract", str(source), "--store", f"sqlite:///{database}", "--quiet"]) == 0
    before = database.read_bytes()
    assert main(["extract", str(source), "--store", str(database), "--quiet"]) == 2
    assert "is an SQLite database" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_a_file_that_is_not_records_is_never_truncated(tmp_path, capsys):
    source = jsonl_input(tmp_path / "in.jsonl")
    notes = tmp_path / "notes.txt.bak"
    notes.write_text("my notes\n", encoding="utf-8")
    assert main(["extract", str(source), "--out", str(notes), "--quiet"]) == 2
    assert "not a JSONL file of records" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_postgres_runs_in_one_folder_get_errors_files_of_their_own():
    a = store_for("postgresql://u@db1.example:5432/news").default_errors_path()
    b = store_for("postgresql://u@db1.example:5432/archive").default_errors_path()
    assert a != b and a.name.startswith("extractor-errors-")


# --------------------------------------------------------------------------- every entry accounted for

def test_every_folder_entry_that_cannot_be_read_gets_an_errors_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Iran exported $2 billion to Iraq.", encoding="utf-8")
    (folder / "LOUD.TXT").write_text("Iran exported $3 billion to Oman.", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "loop").symlink_to(folder)
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    assert main(["extract", str(folder), "--out", str(out), "--errors", str(errors), "--quiet"]) == 1
    assert sorted(r["doc_id"] for r in lines(out)) == ["LOUD", "good"]  # any letter case is read
    reported = {Path(e["source"]).name: e["message"] for e in lines(errors)}
    assert set(reported) == {"pipe.txt", "gone.txt", "loop"}
    assert "FIFO" in reported["pipe.txt"] and "broken" in reported["gone.txt"] and "loop" in reported["loop"]


# --------------------------------------------------------------------------- processes

def _children(pid: int) -> set:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_workers_die_with_their_parent_after_kill_9(tmp_path, corpus_jsonl):
    big = tmp_path / "big.jsonl"
    rows = corpus_jsonl.read_text(encoding="utf-8").splitlines()
    big.write_text("".join(
        json.dumps(dict(json.loads(r), doc_id=f"{json.loads(r)['doc_id']}-{i}")) + "\n"
        for i in range(40) for r in rows), encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(big), "--workers", "2",
                               "--out", str(tmp_path / "out.jsonl"), "--quiet"])
    workers: set = set()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(workers) < 2:
        workers = {c for c in _children(parent.pid) if "python" in Path(f"/proc/{c}/cmdline").read_bytes().decode(
            "utf-8", "replace")} if _alive(parent.pid) else set()
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers), "orphaned workers outlived their parent"


def test_sigterm_stops_a_run_like_ctrl_c_and_the_run_is_marked(tmp_path, corpus_jsonl):
    big = tmp_path / "big.jsonl"
    rows = corpus_jsonl.read_text(encoding="utf-8").splitlines()
    big.write_text("".join(
        json.dumps(dict(json.loads(r), doc_id=f"{json.loads(r)['doc_id']}-{i}")) + "\n"
        for i in range(60) for r in rows), encoding="utf-8")
    database = tmp_path / "x.db"
    run = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(big), "--store",
                            f"sqlite:///{database}", "--quiet", "--batch-size", "8"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if database.exists():
            try:
                with sqlite3.connect(database) as connection:
                    if connection.execute("SELECT count(*) FROM documents").fetchone()[0] > 0:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.2)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "Traceback" not in err
    with sqlite3.connect(database) as connection:
        (status, written), = connection.execute("SELECT status, documents_written FROM runs").fetchall()
        stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert status == "interrupted" and written == stored > 0


def test_a_run_left_running_by_a_kill_is_marked_abandoned_on_the_next_open(tmp_path):
    from extractor.stores.schema import RunInfo
    from datetime import datetime, timezone

    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = store_for(url)
    store.open()
    store.begin_run(RunInfo(run_id="dead", extractor_version="0", config_hash="0",
                            started_at=datetime.now(timezone.utc)))
    store.close()  # as if killed: never finished
    again = store_for(url)
    again.open(resume=True)
    try:
        assert [r.status for r in again.runs()] == ["abandoned"]
    finally:
        again.close()


# --------------------------------------------------------------------------- clear errors

@pytest.mark.parametrize("value", ["-1", "-5"])
def test_a_negative_max_chars_is_a_usage_error(tmp_path, value, capsys):
    source = jsonl_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(source), "--out", str(out), "--max-chars", value])
    assert stop.value.code == 2 and "must be 0 (no limit) or more" in capsys.readouterr().err
    assert not out.exists()


def _small_tmpfs(path: Path) -> bool:
    path.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_gives_a_clear_message_and_keeps_whole_records(tmp_path, corpus_jsonl):
    disk = tmp_path / "disk"
    if not _small_tmpfs(disk):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount rights) to fill a disk")
    try:
        rows = corpus_jsonl.read_text(encoding="utf-8").splitlines()
        big = tmp_path / "big.jsonl"
        big.write_text("".join(json.dumps(dict(json.loads(r), doc_id=f"{json.loads(r)['doc_id']}-{i}")) + "\n"
                               for i in range(10) for r in rows), encoding="utf-8")
        out = disk / "out.jsonl"
        run = subprocess.run([sys.executable, "-m", "extractor", "extract", str(big), "--out", str(out), "--quiet",
                              "--errors", str(tmp_path / "errors.jsonl"), "--batch-size", "4"],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode in (2, 3) and "No space left on device" in run.stderr
        assert "Traceback" not in run.stderr
        kept = out.read_text(encoding="utf-8").splitlines()
        for line in kept[:-1]:
            json.loads(line)  # whole lines, at most a torn last one that --resume cuts off
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


# --------------------------------------------------------------------------- an analyst's store (issue 11)

def test_sql_errors_table_and_null_extras(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Iran exported $2 billion to Iraq in 2019.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    database = tmp_path / "x.db"
    assert main(["extract", str(folder), "--store", f"sqlite:///{database}", "--quiet"]) == 1
    with sqlite3.connect(database) as connection:
        errors = connection.execute("SELECT doc_id, source, message FROM errors").fetchall()
        extras = connection.execute("SELECT count(*) FROM money WHERE extra IS NULL").fetchone()[0]
        text_nulls = connection.execute("SELECT count(*) FROM money WHERE extra = 'null'").fetchone()[0]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(money)")]
    assert len(errors) == 1 and errors[0][1].endswith("bad.txt")
    assert extras >= 1 and text_nulls == 0  # SQL NULL, not the JSON text 'null'
    assert "start_char" in columns and "end_char" in columns and "start" not in columns


def test_documents_keep_url_title_and_with_store_text_the_text(tmp_path):
    source = tmp_path / "in.jsonl"
    text = "Iran exported $2 billion to Iraq in 2019."
    source.write_text(json.dumps({"doc_id": "a", "text": text, "url": "https://example.org/a",
                                  "title": "Exports up"}) + "\n", encoding="utf-8")
    plain, full = tmp_path / "plain.db", tmp_path / "full.db"
    assert main(["extract", str(source), "--store", f"sqlite:///{plain}", "--quiet"]) == 0
    assert main(["extract", str(source), "--store", f"sqlite:///{full}", "--quiet", "--store-text"]) == 0
    with sqlite3.connect(plain) as connection:
        assert connection.execute("SELECT url, title, text FROM documents").fetchall() == [
            ("https://example.org/a", "Exports up", None)]
    with sqlite3.connect(full) as connection:
        (stored,), = connection.execute("SELECT text FROM documents").fetchall()
        start, end, mention = connection.execute("SELECT start_char, end_char, text FROM money").fetchone()
    assert stored == text and stored[start:end] == mention  # offsets usable from the database alone
    from extractor.stores import open_store

    store = open_store(f"sqlite:///{full}", resume=True)
    try:
        (record,) = list(store.iter_records())
    finally:
        store.close()
    assert "url" not in record.to_json_dict()  # the record itself is unchanged


def test_sigterm_that_lands_inside_a_library_still_stops_the_run(tmp_path, corpus_jsonl, monkeypatch):
    """A SIGTERM that arrives while a library runs (here a store whose driver takes any exception
    for a failed write) must still stop the run as interrupted, not be taken for that write's
    failure while the run goes on and ends "finished"."""
    from extractor.batch import BatchOptions, run_batch
    from extractor.stores.jsonl import JsonlStore

    real_write = JsonlStore.write
    calls = []

    def write_while_terminated(self, records):
        calls.append(len(records))
        if len(calls) == 2:
            try:
                os.kill(os.getpid(), signal.SIGTERM)  # delivered during the "driver"'s work
                time.sleep(0.05)
            except BaseException:  # a library that swallows whatever interrupts it
                pass
        real_write(self, records)

    monkeypatch.setattr(JsonlStore, "write", write_while_terminated)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus_jsonl], f"jsonl:{out}", BatchOptions(batch_size=2, quiet=True))
    assert len(calls) == 2  # stopped right after the batch during which the signal came
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
