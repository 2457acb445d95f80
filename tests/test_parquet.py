"""The Parquet store read back with pyarrow, as an analyst would."""

from __future__ import annotations

import json
from decimal import Decimal

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from extractor.cli import main


@pytest.fixture(scope="module")
def extracted(corpus_jsonl, tmp_path_factory):
    """``(tables folder, records as JSON)`` for the same documents."""
    folder = tmp_path_factory.mktemp("parquet")
    tables = folder / "tables.parquet"
    records = folder / "records.jsonl"
    assert main(["extract", str(corpus_jsonl), "--store", str(tables), "--quiet"]) == 0
    assert main(["extract", str(corpus_jsonl), "--out", str(records), "--quiet"]) == 0
    return tables, [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]


def table(tables, name) -> pa.Table:
    return ds.dataset(tables / name, format="parquet").to_table()


def test_one_row_per_document_and_per_entry(extracted):
    tables, records = extracted
    assert sorted(table(tables, "documents").column("doc_id").to_pylist()) == sorted(r["doc_id"] for r in records)
    for name in ("money", "periods", "organizations", "officials", "destinations"):
        rows = table(tables, name).to_pylist()
        assert len(rows) == sum(len(r[name]) for r in records), name
        keys = [(row["doc_id"], row["position"]) for row in rows]
        assert len(set(keys)) == len(keys)


def test_values_and_types(extracted):
    tables, records = extracted
    money = table(tables, "money")
    assert money.schema.field("amount").type == pa.decimal128(38, 17)
    assert money.schema.field("start_char").type == pa.int64()
    by_key = {(row["doc_id"], row["position"]): row for row in money.to_pylist()}
    for record in records:
        for position, mention in enumerate(record["money"]):
            row = by_key[(record["doc_id"], position)]
            assert (row["text"], row["currency"], row["qualifier"]) == (
                mention["text"], mention["currency"], mention["qualifier"])
            assert row["amount"] == (Decimal(str(mention["amount"])) if mention["amount"] is not None else None)

    periods = table(tables, "periods")
    assert periods.schema.field("start_date").type == pa.date32()
    organizations = table(tables, "organizations")
    mention_type = organizations.schema.field("mentions").type
    assert pa.types.is_list(mention_type) and [f.name for f in mention_type.value_type] == ["start_char", "end_char", "text"]
    by_key = {(row["doc_id"], row["position"]): row for row in organizations.to_pylist()}
    for record in records:
        for position, entry in enumerate(record["organizations"]):
            stored = by_key[(record["doc_id"], position)]["mentions"]
            assert stored == [{"start_char": m["start"], "end_char": m["end"], "text": m["text"]}
                              for m in entry["mentions"]]


def test_the_run_is_recorded(extracted):
    tables, records = extracted
    (run,) = pq.read_table(next((tables / "runs").glob("*.parquet"))).to_pylist()
    assert run["status"] == "finished" and run["documents_written"] == len(records)
    assert len(run["config_hash"]) == 64
    assert set(table(tables, "documents").column("run_id").to_pylist()) == {run["run_id"]}


def test_resume_adds_only_what_is_missing(corpus_jsonl, tmp_path, capsys):
    lines = corpus_jsonl.read_text(encoding="utf-8").splitlines()
    half = tmp_path / "half.jsonl"
    half.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    tables = tmp_path / "tables.parquet"
    assert main(["extract", str(half), "--store", str(tables), "--quiet"]) == 0
    assert main(["extract", str(corpus_jsonl), "--store", str(tables), "--resume"]) == 0
    assert f"{len(lines) - len(lines) // 2} written, {len(lines) // 2} skipped" in capsys.readouterr().err
    ids = table(tables, "documents").column("doc_id").to_pylist()
    assert sorted(ids) == sorted(json.loads(line)["doc_id"] for line in lines)

    assert main(["extract", str(half), "--store", str(tables), "--quiet"]) == 0  # without --resume: afresh
    assert len(table(tables, "documents")) == len(lines) // 2
    assert len(list((tables / "runs").glob("*.parquet"))) == 3  # the runs table keeps its history


def test_reading_the_whole_folder_as_one_table_fails_instead_of_mixing_tables(extracted):
    import pyarrow

    tables, _ = extracted
    with pytest.raises(pyarrow.ArrowInvalid, match="README-read-one-table-folder"):
        pq.read_table(tables)  # what pandas.read_parquet(PATH) does
    assert pq.read_table(tables / "money").num_rows > 0  # one table folder at a time
