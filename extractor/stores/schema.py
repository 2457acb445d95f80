"""Tables derived from the pydantic models: the one place that turns a record into rows.

Nothing here restates a field of ``extractor/records.py``: the ``documents``
table holds the scalar fields of :class:`~extractor.records.Record`, and each
of its list fields (``money``, ``periods``, ...) becomes a table of the same
name with one row per entry, keyed by ``(doc_id, position)``.  A list nested
in an entry (an organization's ``mentions``) stays one column of structured
values.  The ``runs`` table is derived the same way from :class:`RunInfo`.

The description is neutral (:class:`Column` has a ``kind``); the SQL and
Parquet stores map kinds to their own types.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, Field

from ..records import Record

#: Column added by the stores to ``documents``: the run that wrote the row.
RUN_ID = "run_id"
#: Columns added to every entry table: the document and the entry's place in its list.
DOC_ID, POSITION = "doc_id", "position"
#: Keys a record or entry carries beyond its model's fields (allowed by the contract), as JSON.
EXTRA = "extra"
#: Columns of ``documents`` from the document rather than the record: where it came from and,
#: with ``--store-text``, its text (so mention offsets can be read from the database alone).
SOURCE_COLUMNS = ("url", "title", "text")
#: Record keys renamed in the stores: ``start`` and ``end`` are reserved words in SQL.
STORE_NAMES = {"start": "start_char", "end": "end_char"}
RECORD_KEYS = {v: k for k, v in STORE_NAMES.items()}


class RunInfo(BaseModel):
    """One ``extractor extract`` run as recorded in a store's ``runs`` table."""

    run_id: str
    extractor_version: str
    config_hash: str
    started_at: datetime
    finished_at: Optional[datetime] = None
    status: Literal["running", "finished", "failed", "interrupted", "abandoned"] = "running"
    engine: str = "local"
    workers: int = 1
    documents_written: Optional[int] = None
    documents_skipped: Optional[int] = None
    documents_failed: Optional[int] = None
    store: Optional[str] = Field(default=None, description="store URL, password hidden")


class ErrorEntry(BaseModel):
    """A document that failed, as recorded in a SQL store's ``errors`` table (and the errors file)."""

    run_id: str
    seq: int = Field(description="the error's number within its run")
    doc_id: Optional[str] = None
    source: Optional[str] = Field(default=None, description="the input file")
    line: Optional[int] = Field(default=None, description="the line of a JSONL input")
    message: str


@dataclass(frozen=True)
class Column:
    """A column: ``kind`` is str, int, decimal, date, datetime, json or list (of ``model``)."""

    name: str
    kind: str
    nullable: bool
    attribute: Optional[str] = None  # the model attribute it comes from (None: added by the store)
    model: Optional[type] = None  # for kind "list": the entry model
    primary_key: bool = False
    key: Optional[str] = None  # the record's key when the store names the column otherwise


@dataclass(frozen=True)
class Table:
    name: str
    model: type
    columns: tuple
    field: Optional[str] = None  # the Record attribute of an entry table

    @property
    def column_names(self) -> list:
        return [c.name for c in self.columns]

    @property
    def primary_key(self) -> list:
        return [c.name for c in self.columns if c.primary_key]


_SCALARS = {str: "str", int: "int", Decimal: "decimal", date: "date", datetime: "datetime", bool: "bool"}


def _unwrap_optional(annotation):
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
        raise TypeError(f"unions other than Optional are not supported: {annotation!r}")
    return annotation, False


def column_kind(annotation) -> tuple:
    """``(kind, nullable, entry model or None)`` of a pydantic annotation."""
    inner, nullable = _unwrap_optional(annotation)
    origin = typing.get_origin(inner)
    if origin is Literal:
        values = typing.get_args(inner)
        kinds = {type(v) for v in values}
        if kinds == {str}:
            return "str", nullable, None
        if kinds == {int}:
            return "int", nullable, None
        raise TypeError(f"mixed Literal values are not supported: {inner!r}")
    if origin is list:
        (item,) = typing.get_args(inner)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "list", nullable, item
        raise TypeError(f"only lists of models are supported: {inner!r}")
    if inner in _SCALARS:
        return _SCALARS[inner], nullable, None
    raise TypeError(f"no column type for {annotation!r}")


def model_columns(model: type) -> list:
    """One column per field of ``model``, named by its alias (the contract's key)."""
    columns = []
    for attribute, info in model.model_fields.items():
        kind, nullable, entry = column_kind(info.annotation)
        key = info.alias or attribute
        columns.append(Column(name=STORE_NAMES.get(key, key), kind=kind, nullable=nullable,
                              attribute=attribute, model=entry, key=key))
    return columns


@lru_cache(maxsize=None)
def record_tables() -> tuple:
    """``documents`` then one table per list field of :class:`Record`, in field order."""
    scalar, entries = [], []
    for column in model_columns(Record):
        if column.kind == "list":
            entries.append(column)
        else:
            scalar.append(Column(column.name, column.kind, column.nullable and column.name != DOC_ID,
                                 column.attribute, None, primary_key=column.name == DOC_ID, key=column.key))
    if DOC_ID not in [c.name for c in scalar]:
        raise TypeError("Record has no doc_id field")
    documents = Table("documents", Record, tuple(scalar) + (
        Column(RUN_ID, "str", True), Column(EXTRA, "json", True),
        *(Column(name, "str", True) for name in SOURCE_COLUMNS)))
    tables = [documents]
    for entry in entries:
        own = model_columns(entry.model)
        clash = {c.name for c in own} & {DOC_ID, POSITION, EXTRA}
        if clash:
            raise TypeError(f"{entry.model.__name__} has fields named like store columns: {clash}")
        keys = (Column(DOC_ID, "str", False, primary_key=True), Column(POSITION, "int", False, primary_key=True))
        tables.append(Table(entry.name, entry.model, keys + tuple(own) + (Column(EXTRA, "json", True),),
                            field=entry.attribute))
    return tuple(tables)


@lru_cache(maxsize=None)
def runs_table() -> Table:
    columns = [Column(c.name, c.kind, c.nullable, c.attribute, c.model, primary_key=c.name == "run_id")
               for c in model_columns(RunInfo)]
    return Table("runs", RunInfo, tuple(columns))


@lru_cache(maxsize=None)
def errors_table() -> Table:
    columns = [Column(c.name, c.kind, c.nullable, c.attribute, c.model, primary_key=c.name in ("run_id", "seq"))
               for c in model_columns(ErrorEntry)]
    return Table("errors", ErrorEntry, tuple(columns))


def all_tables() -> tuple:
    return record_tables() + (runs_table(),)


# --------------------------------------------------------------------------- record <-> rows

def _extra(model: BaseModel) -> Optional[dict]:
    extra = model.model_extra
    return json.loads(json.dumps(extra, default=str)) if extra else None


def _store_keys(item: dict) -> dict:
    return {STORE_NAMES.get(k, k): v for k, v in item.items()}


def _record_keys(item: dict) -> dict:
    return {RECORD_KEYS.get(k, k): v for k, v in item.items()}


def _value(column: Column, model: BaseModel):
    value = getattr(model, column.attribute)
    if column.kind == "list":
        return [_store_keys(item.model_dump(mode="json", by_alias=True)) for item in value]
    return value


def rows_of(record: Record, run_id: Optional[str] = None) -> dict:
    """``{table name: [row dict, ...]}`` for one record; values are Python objects."""
    documents, *entry_tables = record_tables()
    doc_row = {c.name: _value(c, record) for c in documents.columns if c.attribute}
    doc_row[RUN_ID] = run_id
    doc_row[EXTRA] = _extra(record)
    source = record._source or {}
    for name in SOURCE_COLUMNS:
        doc_row[name] = source.get(name)
    rows = {documents.name: [doc_row]}
    for table in entry_tables:
        table_rows = []
        for position, entry in enumerate(getattr(record, table.field)):
            row = {DOC_ID: record.doc_id, POSITION: position}
            row.update({c.name: _value(c, entry) for c in table.columns if c.attribute})
            row[EXTRA] = _extra(entry)
            table_rows.append(row)
        rows[table.name] = table_rows
    return rows


def _loads(value):
    return json.loads(value) if isinstance(value, str) else value


def record_from_rows(doc_row: dict, entry_rows: dict) -> Record:
    """The record of a ``documents`` row and its entry rows (``{table: rows}``, any order)."""
    documents, *entry_tables = record_tables()
    data: dict[str, Any] = {c.key or c.name: doc_row.get(c.name) for c in documents.columns if c.attribute}
    data.update(_loads(doc_row.get(EXTRA)) or {})
    for table in entry_tables:
        entries = []
        for row in sorted(entry_rows.get(table.name, []), key=lambda r: r[POSITION]):
            entry = {c.key or c.name: [_record_keys(i) for i in _loads(row.get(c.name))] if c.kind == "list"
                     else row.get(c.name) for c in table.columns if c.attribute}
            entry.update(_loads(row.get(EXTRA)) or {})
            entries.append(entry)
        data[table.name] = entries
    return Record.model_validate(data)


def run_row(info: RunInfo) -> dict:
    table = runs_table()
    return {c.name: getattr(info, c.attribute) for c in table.columns}
