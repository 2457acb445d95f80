"""The PostgreSQL store against a real server (started by scripts/start_postgres.sh)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import sqlalchemy as sa

from extractor.cli import main
from extractor.errors import StoreError
from extractor.stores import open_store

from test_stores import gold_records, special_record


def read(url) -> dict:
    store = open_store(url, resume=True)
    try:
        return {r.doc_id: r.to_json_dict() for r in store.iter_records()}
    finally:
        store.close()


@pytest.fixture
def url(postgres_url):
    engine = sa.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        for table in ("money", "periods", "organizations", "officials", "destinations", "documents", "runs"):
            connection.execute(sa.text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    engine.dispose()
    return postgres_url


def test_records_read_back_exactly(url):
    records = gold_records() + [special_record()]
    with open_store(url) as store:
        store.write(records)
    assert read(url) == {r.doc_id: r.to_json_dict() for r in records}


def test_columns_have_the_server_types(url):
    open_store(url).close()
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        types = dict(connection.execute(sa.text(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public'")).all())
    engine.dispose()
    assert types["money.amount"] == "numeric"
    assert types["organizations.mentions"] == "jsonb"
    assert types["periods.start_date"] == "date"
    assert types["runs.started_at"] == "timestamp with time zone"
    assert types["documents.doc_id"] == "text"


def test_a_failed_batch_changes_nothing(url):
    """Replacing is one transaction: when the batch fails, the old version stays."""
    with open_store(url) as store:
        store.write([special_record("a", extra="first")])
    broken = special_record("b")
    broken.organizations[0].name = "NUL \x00 is not allowed in PostgreSQL text"
    store = open_store(url, resume=True)
    with pytest.raises(StoreError, match="cannot write to the store"):
        store.write([special_record("a", extra="second"), broken])
    store.close()
    back = read(url)
    assert sorted(back) == ["a"]
    assert back["a"]["money"][0]["evidence"] == "first"


def test_extract_resume_and_runs(url, corpus_jsonl, capsys, tmp_path):
    errors = str(tmp_path / "errors.jsonl")
    assert main(["extract", str(corpus_jsonl), "--store", url, "--quiet", "--errors", errors]) == 0
    first = read(url)
    expected = [json.loads(line)["doc_id"] for line in corpus_jsonl.read_text().splitlines()]
    assert sorted(first) == sorted(expected)

    assert main(["extract", str(corpus_jsonl), "--store", url, "--resume", "--errors", errors]) == 0
    assert f"0 written, {len(expected)} skipped" in capsys.readouterr().err
    assert read(url) == first

    assert main(["extract", str(corpus_jsonl), "--store", url, "--quiet", "--errors", errors]) == 0
    assert read(url) == first  # extracting again replaces: still one version of each article

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        runs = connection.execute(sa.text(
            "SELECT status, documents_written, documents_skipped, config_hash FROM runs ORDER BY started_at")).all()
        owners = connection.execute(sa.text("SELECT count(DISTINCT run_id) FROM documents")).scalar()
    engine.dispose()
    assert [(r[0], r[1], r[2]) for r in runs] == [
        ("finished", len(expected), 0), ("finished", 0, len(expected)), ("finished", len(expected), 0)]
    assert len({r[3] for r in runs}) == 1 and len(runs[0][3]) == 64
    assert owners == 1  # every document now belongs to the last run


def test_an_unreachable_server_stops_before_any_work(tmp_path, capsys):
    errors = tmp_path / "errors.jsonl"
    source = tmp_path / "in.txt"
    source.write_text("Iraq bought $5 million of goods.", encoding="utf-8")
    code = main(["extract", str(source), "--store", "postgresql://u:pw@127.0.0.1:9/x",
                 "--errors", str(errors)])
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot open the store postgresql://u:***@127.0.0.1:9/x" in err
    assert "pw" not in err
    assert not errors.exists()  # nothing was extracted


# --------------------------------------------------------------------------- data safety (issue 12)

def test_a_second_writer_is_refused_by_the_advisory_lock(url, tmp_path, capsys):
    from extractor.errors import StoreLockedError

    first = open_store(url)
    try:
        with pytest.raises(StoreLockedError, match="being written by another run"):
            open_store(url)
        source = tmp_path / "in.jsonl"
        source.write_text(json.dumps({"doc_id": "a", "text": "Iran exported $2 billion to Iraq."}) + "\n")
        assert main(["extract", str(source), "--store", url, "--quiet", "--errors", str(tmp_path / "e.jsonl")]) == 2
        assert "another run" in capsys.readouterr().err
    finally:
        first.close()
    open_store(url).close()  # released with the first writer


def test_hostile_amounts_and_ids_never_stop_a_postgres_batch(url, tmp_path):
    from test_data_safety import HOSTILE_AMOUNTS, hostile_record

    with open_store(url) as store:
        store.write([hostile_record()])
    (back,) = read(url).values()
    assert [Decimal(str(m["amount"])) for m in back["money"]] == HOSTILE_AMOUNTS
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": "k" * 3000, "text": "Iran exported $2 billion to Iraq."}) + "\n"
                      + json.dumps({"doc_id": "fine", "text": "Iran exported $3 billion to Iraq."}) + "\n")
    errors = tmp_path / "e.jsonl"
    assert main(["extract", str(source), "--store", url, "--quiet", "--errors", str(errors)]) == 1
    assert "fine" in read(url)
    (error,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert "index takes at most" in error["message"]


def test_a_server_stopped_mid_run_stops_the_run_with_exit_3_and_keeps_what_was_written(tmp_path, postgres_url,
                                                                                        corpus_jsonl):
    """A private server (its own folder and port) is stopped while a run writes to it."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    import shutil
    import tempfile

    root = Path(__file__).resolve().parent.parent
    home = Path(tempfile.mkdtemp(prefix="extractor-pg-faults-"))  # pytest's folders are private to root
    home.chmod(0o755)
    data = home / "pg"
    import socket

    with socket.socket() as probe:  # a free port of our own: other runs may use the usual ones
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, EXTRACTOR_PG_DIR=str(data), EXTRACTOR_PG_PORT=str(port), EXTRACTOR_PG_DB="faults")
    started = subprocess.run(["bash", str(root / "scripts" / "start_postgres.sh")], env=env, capture_output=True,
                             text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-2000:]
    url = started.stdout.strip().splitlines()[-1]
    bin_dir = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    stop = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    stop += [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    try:
        rows = corpus_jsonl.read_text(encoding="utf-8").splitlines()
        big = tmp_path / "big.jsonl"
        big.write_text("".join(json.dumps(dict(json.loads(r), doc_id=f"{json.loads(r)['doc_id']}-{i}")) + "\n"
                               for i in range(40) for r in rows), encoding="utf-8")
        run = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(big), "--store", url, "--quiet",
                                "--batch-size", "2", "--errors", str(tmp_path / "errors.jsonl")],
                               stderr=subprocess.PIPE, text=True)
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        deadline = time.monotonic() + 120
        written = 0
        while time.monotonic() < deadline and written < 6:
            try:
                with engine.connect() as connection:
                    written = connection.execute(sa.text("SELECT count(*) FROM documents")).scalar()
            except sa.exc.SQLAlchemyError:
                pass
            time.sleep(0.2)
        engine.dispose()
        assert written >= 6, "the run did not start writing"
        subprocess.run(stop, capture_output=True, timeout=60)
        _, err = run.communicate(timeout=180)
        assert run.returncode == 3, err[-2000:]
        assert "stopped partway" in err and "Traceback" not in err
    finally:
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)
