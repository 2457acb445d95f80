"""The PostgreSQL store against a real server (started by scripts/start_postgres.sh)."""

from __future__ import annotations

import json

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
