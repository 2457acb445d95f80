"""The stores without the pipeline: tables derived from the models, round trips, replacing, resuming, bad URLs.

Records come from gold/ (hand-checked, every field filled somewhere) plus
one made here with extra keys and amounts that floats cannot hold.
"""

from __future__ import annotations

import json
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal, Optional, Union

import pytest

from extractor.errors import StoreError
from extractor.records import Money, Organization, Record
from extractor.stores import open_store, store_for
from extractor.stores.folder import file_name_problem
from extractor.stores.jsonl import read_ids_and_repair
from extractor.stores.schema import column_kind, record_from_rows, record_tables, rows_of

ROOT = Path(__file__).resolve().parent.parent


def gold_records() -> list:
    records = []
    for path in sorted((ROOT / "gold").glob("*.json")):
        try:
            records.append(Record.model_validate_json(path.read_text(encoding="utf-8")))
        except ValueError:
            continue  # a gold file being edited right now is evaluate's business, not the stores'
    return records


def special_record(doc_id="special", amount="123456789012345678", extra="kept") -> Record:
    text = "It paid 123456789012345678 rials and $1.5 to Iran Khodro (IKCO)."
    return Record(doc_id=doc_id, published=date(2020, 1, 5), text_sha256="0" * 64, rule="test", money=[
        Money(start=8, end=32, text=text[8:32], amount=Decimal(amount), currency="IRR", qualifier=None, evidence=extra),
        Money(start=39, end=43, text="$1.5", amount=Decimal("1.5"), currency="USD", qualifier="about"),
    ], organizations=[Organization(name="Iran Khodro", acronym="IKCO", mentions=[
        {"start": 47, "end": 58, "text": "Iran Khodro"}, {"start": 60, "end": 64, "text": "IKCO"}])])


@pytest.fixture(scope="module")
def records():
    found = gold_records()
    assert len(found) >= 5, "gold/ should hold hand-checked records"
    return found + [special_record()]


STORES = {
    "jsonl": lambda tmp: str(tmp / "out" / "records.jsonl"),
    "folder": lambda tmp: str(tmp / "out" / "records") + "/",
    "sqlite": lambda tmp: f"sqlite:///{tmp}/out/extractor.db",
    "parquet": lambda tmp: str(tmp / "out" / "tables.parquet"),
}
APPEND_ONLY = {"jsonl", "parquet"}  # started afresh without --resume, never take a second version


@pytest.fixture(params=sorted(STORES))
def store_kind(request):
    return request.param


def as_json(records) -> dict:
    return {r.doc_id: r.to_json_dict() for r in records}


def write(url, records, resume=False):
    with open_store(url, resume=resume) as store:
        store.write(records)


def read(url) -> dict:
    store = open_store(url, resume=True)
    try:
        return as_json(store.iter_records())
    finally:
        store.close()


# --------------------------------------------------------------------------- tables from the models

def test_the_tables_are_those_of_the_issue_and_hold_every_model_field():
    tables = {t.name: t for t in record_tables()}
    assert list(tables) == ["documents", "money", "periods", "organizations", "officials", "destinations"]
    for table in list(tables.values())[1:]:
        model = typing.get_args(Record.model_fields[table.field].annotation)[0]
        fields = [info.alias or name for name, info in model.model_fields.items()]
        fields = [{"start": "start_char", "end": "end_char"}.get(f, f) for f in fields]  # not SQL keywords
        assert table.column_names == ["doc_id", "position", *fields, "extra"]
        assert table.primary_key == ["doc_id", "position"]
    assert tables["documents"].column_names == ["schema", "doc_id", "published", "text_sha256", "run_id", "extra",
                                                "url", "title", "text"]
    assert tables["documents"].primary_key == ["doc_id"]


@pytest.mark.parametrize("annotation, expected", [
    (str, ("str", False)),
    (Optional[str], ("str", True)),
    (Optional[Decimal], ("decimal", True)),
    (Optional[date], ("date", True)),
    (Literal[1], ("int", False)),
    (Optional[Literal["more_than", "about"]], ("str", True)),
    (list[Money], ("list", False)),
])
def test_column_kinds(annotation, expected):
    assert column_kind(annotation)[:2] == expected


@pytest.mark.parametrize("annotation", [Union[int, str], dict, list[str], Literal[1, "a"], bytes],
                         ids=["union", "dict", "list-of-str", "mixed-literal", "bytes"])
def test_a_field_type_without_a_column_type_is_refused(annotation):
    with pytest.raises(TypeError):
        column_kind(annotation)


def test_rows_give_back_the_record(records):
    for record in records:
        rows = rows_of(record, run_id="r1")
        assert len(rows["money"]) == len(record.money)
        assert [r["position"] for r in rows["officials"]] == list(range(len(record.officials)))
        entries = {name: table_rows for name, table_rows in rows.items() if name != "documents"}
        assert record_from_rows(rows["documents"][0], entries).to_json_dict() == record.to_json_dict()


def test_extra_keys_are_kept_in_the_extra_column():
    rows = rows_of(special_record())
    assert rows["documents"][0]["extra"] == {"rule": "test"}
    assert rows["money"][0]["extra"] == {"evidence": "kept"}
    assert rows["money"][1]["extra"] is None


# --------------------------------------------------------------------------- every store

def test_records_read_back_exactly(store_kind, tmp_path, records):
    url = STORES[store_kind](tmp_path)
    write(url, records)
    back = read(url)
    assert back == as_json(records)
    special = back["special"]
    assert special["money"][0]["amount"] == 123456789012345678  # beyond a float's 2**53
    assert special["money"][1]["amount"] == 1.5
    assert special["money"][0]["evidence"] == "kept"


def test_writing_a_document_again_replaces_it_or_is_refused(store_kind, tmp_path):
    url = STORES[store_kind](tmp_path)
    first, other = special_record(extra="first"), special_record(doc_id="other")
    write(url, [first, other])
    second = special_record(amount="7", extra="second")
    store = open_store(url, resume=True)
    try:
        if store_kind in APPEND_ONLY:
            with pytest.raises(StoreError, match="already holds special"):
                store.write([second])
        else:
            store.write([second])
    finally:
        store.close()
    back = read(url)
    assert sorted(back) == ["other", "special"]
    expected = first if store_kind in APPEND_ONLY else second
    assert back["special"] == expected.to_json_dict()


@pytest.mark.parametrize("resume", [True, False], ids=["resume", "fresh"])
def test_what_a_reopened_store_holds(store_kind, tmp_path, resume):
    url = STORES[store_kind](tmp_path)
    write(url, [special_record("a"), special_record("b")])
    store = open_store(url, resume=resume)
    try:
        stored = store.stored_ids(["a", "b", "c"])
    finally:
        store.close()
    # JSONL and Parquet start afresh without --resume; databases and folders keep their documents
    assert stored == (set() if store_kind in APPEND_ONLY and not resume else {"a", "b"})


def test_missing_folders_are_created(store_kind, tmp_path):
    url = STORES[store_kind](tmp_path / "deep" / "er")
    write(url, [special_record()])
    assert list(read(url)) == ["special"]


def test_a_folder_that_is_a_file_is_refused_before_writing(store_kind, tmp_path):
    (tmp_path / "out").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="out"):
        open_store(STORES[store_kind](tmp_path), resume=False)


# --------------------------------------------------------------------------- URLs

@pytest.mark.parametrize("url, kind", [
    (None, "JsonlStore"),
    ("-", "JsonlStore"),
    ("out/records.jsonl", "JsonlStore"),
    ("records.txt", "JsonlStore"),
    ("jsonl:out/x.data", "JsonlStore"),
    ("out/records/", "FolderStore"),
    ("folder:out/records", "FolderStore"),
    ("out/tables.parquet", "ParquetStore"),
    ("parquet:///srv/tables", "ParquetStore"),
    ("sqlite:///out/extractor.db", "SqliteStore"),
    ("postgresql://user:secret@db.example:5432/news", "PostgresStore"),
    ("postgres://user@db.example/news", "PostgresStore"),
    ("postgresql+psycopg://user@db.example/news", "PostgresStore"),
])
def test_store_urls(url, kind):
    assert type(store_for(url)).__name__ == kind


def test_the_password_is_never_shown():
    store = store_for("postgresql://user:secret@db.example:5432/news")
    assert "secret" not in store.display and "user" in store.display


@pytest.mark.parametrize("url, message", [
    ("mysql://user@host/db", "unknown store"),
    ("s3://bucket/records", "unknown store"),
    ("parquet:", "names no path"),
])
def test_unknown_store_urls_are_refused(url, message):
    with pytest.raises(StoreError, match=message):
        store_for(url)


def test_sqlite_in_memory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="give a file"):
        open_store("sqlite://")


def test_an_unreachable_postgresql_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot open the store postgresql://u:\*\*\*@127\.0\.0\.1:9/x"):
        open_store("postgresql://u:pw@127.0.0.1:9/x")


def test_standard_output_cannot_be_resumed():
    with pytest.raises(StoreError, match="--resume"):
        open_store("-", resume=True)


# --------------------------------------------------------------------------- file names

@pytest.mark.parametrize("doc_id, refused", [
    ("000_ee71b4a3328ceb5f", False),
    ("tehran-times 2019", False),
    ("ünïcode-ایران", False),
    ("a..b", False),
    ("../escape", True),
    ("..", True),
    (".", True),
    ("a/b", True),
    ("/etc/passwd", True),
    ("a\\b", True),
    (".hidden", True),
    ("", True),
    ("tab\there", True),
    ("x" * 300, True),
])
def test_doc_ids_as_file_names(doc_id, refused):
    assert (file_name_problem(doc_id) is not None) is refused


def test_the_folder_store_refuses_a_doc_id_that_escapes(tmp_path):
    store = open_store(str(tmp_path / "records") + "/")
    assert "escape" in store.check_doc_id("../outside")
    with pytest.raises(StoreError, match="escape"):
        store.write([special_record("../outside")])
    store.close()
    assert not (tmp_path / "outside.json").exists()


# --------------------------------------------------------------------------- JSONL after a kill

def test_a_torn_last_line_is_cut_off(tmp_path):
    path = tmp_path / "records.jsonl"
    whole = special_record("a").to_json() + "\n"
    path.write_text(whole + special_record("b").to_json()[:50], encoding="utf-8")
    assert read_ids_and_repair(path) == {"a"}
    assert path.read_text(encoding="utf-8") == whole


def test_a_complete_last_line_without_newline_is_redone(tmp_path):
    path = tmp_path / "records.jsonl"
    whole = special_record("a").to_json() + "\n"
    path.write_text(whole + special_record("b").to_json(), encoding="utf-8")
    assert read_ids_and_repair(path) == {"a"}
    assert path.read_text(encoding="utf-8") == whole


def test_a_broken_line_inside_the_file_is_refused(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("{not json\n" + special_record("a").to_json() + "\n", encoding="utf-8")
    with pytest.raises(StoreError, match="records.jsonl:1"):
        read_ids_and_repair(path)


def test_resume_appends_after_the_repaired_tail(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(special_record("a").to_json() + "\n" + '{"schema": 1, "doc_id": "b", "te', encoding="utf-8")
    write(str(path), [special_record("b")], resume=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["a", "b"]


# --------------------------------------------------------------------------- Parquet after a kill

def test_parquet_drops_uncommitted_parts_on_open(tmp_path):
    url = str(tmp_path / "tables.parquet")
    write(url, [special_record("a")])
    root = Path(url)
    committed = next((root / "money").glob("part-*.parquet"))
    orphan = root / "money" / "part-killed-000000.parquet"
    orphan.write_bytes(committed.read_bytes())  # an entry part whose documents part never came
    (root / "documents" / "part-killed-000001.parquet.tmp").write_bytes(b"half")
    store = open_store(url, resume=True)
    store.close()
    assert not orphan.exists()
    assert not list(root.glob("*/*.tmp"))
    assert [m["amount"] for m in read(url)["a"]["money"]] == [123456789012345678, 1.5]
