"""The README's SQL and DuckDB examples, run as written against real stores of corpus/."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent


def readme_block(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\n```\w*\n(.*?)```", text, re.S)
    assert match, f"README has no block after <!-- {marker} -->"
    return match.group(1)


@pytest.fixture(scope="module")
def stores(tmp_path_factory, corpus_jsonl):
    folder = tmp_path_factory.mktemp("stores")
    assert main(["extract", str(corpus_jsonl), "--store", f"sqlite:///{folder / 'x.db'}", "--quiet"]) in (0, 1)
    assert main(["extract", str(corpus_jsonl), "--store", str(folder / "tables.parquet"), "--quiet"]) in (0, 1)
    return folder


def test_the_readme_sql_groups_by_currency_on_sqlite(stores):
    with sqlite3.connect(stores / "x.db") as connection:
        rows = connection.execute(readme_block("sql-example")).fetchall()
        expected = connection.execute(
            "SELECT country, currency, amount FROM destinations WHERE amount IS NOT NULL").fetchall()
    assert rows, "no destination with an amount in the corpus store"
    totals = {}
    for country, currency, amount in expected:
        totals[(country, currency)] = totals.get((country, currency), Decimal(0)) + Decimal(str(amount))
    assert {(c, cur) for c, cur, _, _ in rows} == set(totals)  # never two currencies in one sum
    for country, currency, total, _ in rows:
        assert abs(Decimal(str(total)) - totals[(country, currency)]) <= totals[(country, currency)] * Decimal("1e-9")


def test_the_readme_duckdb_example_reads_the_parquet_tables(stores, monkeypatch, capsys):
    duckdb = pytest.importorskip("duckdb")
    monkeypatch.chdir(stores)
    (tmp_out := stores / "out").mkdir(exist_ok=True)
    if not (tmp_out / "tables.parquet").exists():
        (tmp_out / "tables.parquet").symlink_to(stores / "tables.parquet")
    exec(compile(readme_block("duckdb-example"), "README.md", "exec"), {})
    shown = capsys.readouterr().out
    assert "USD" in shown and "IRR" in shown
    counts = duckdb.sql("SELECT count(*) FROM read_parquet('out/tables.parquet/money/*.parquet')").fetchall()[0][0]
    assert counts > 0


def test_the_readme_join_links_each_destination_amount_to_its_mention(stores):
    with sqlite3.connect(stores / "x.db") as connection:
        rows = connection.execute(readme_block("sql-join-example")).fetchall()
        with_amount = connection.execute("SELECT count(*) FROM destinations WHERE amount IS NOT NULL").fetchone()[0]
        amounts = connection.execute("SELECT doc_id, country, amount, currency FROM destinations "
                                     "WHERE amount IS NOT NULL").fetchall()
    assert len(rows) == with_amount > 0  # every amount has its mention
    joined = {(doc, country): (Decimal(str(amount)), currency) for doc, country, _, amount, currency, _ in rows}
    assert all(joined[(doc, country)] == (Decimal(str(amount)), currency) for doc, country, amount, currency in amounts)
