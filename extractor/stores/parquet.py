"""Parquet store (``parquet:PATH`` or a path ending in ``.parquet``): a folder of tables for analytics.

``PATH/<table>/part-<run>-<n>.parquet`` for the same tables as the SQL
stores (``documents``, ``money``, ``periods``, ``organizations``,
``officials``, ``destinations``, ``runs``), with Arrow types derived from
the models; an entry's ``mentions`` is a list of structs.  Read it with
``pyarrow.dataset.dataset(PATH / "money")``, DuckDB
``read_parquet('PATH/money/*.parquet')``, pandas or Spark.

Records are buffered and written every ``rows_per_file`` documents.  Each
part file is written under a temporary name and renamed; the ``documents``
part of a flush is renamed last and commits it, so a run killed at any
moment leaves only whole records: on the next open, temporary files and
entry parts without their ``documents`` part are removed.  Without
``--resume`` the tables are started afresh.
"""

from __future__ import annotations

import json
import os
import uuid
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from ..errors import StoreError, StoreUnavailableError
from ..records import Record
from .base import Store, ensure_folder, fsync_folder, refuse_repeats
from .schema import Column, RunInfo, Table, all_tables, model_columns, record_from_rows, record_tables, rows_of, run_row

#: decimal(38, 17): 21 whole digits hold every amount RECORDS allows (below 10^21)
#: and 17 decimals hold any sub-unit the text can write; a value that does not
#: fit is refused for its document, never rounded.
DECIMAL_PRECISION = 38
DECIMAL_SCALE = 17
PART_GLOB = "part-*.parquet"
#: a plain file at the root, so that reading the root as one dataset (``pandas.read_parquet(PATH)``,
#: ``pyarrow.parquet.read_table(PATH)``) fails, naming this file, instead of silently mixing tables
GUARD_NAME = "README-read-one-table-folder.txt"
GUARD_TEXT = """This folder holds one Parquet dataset per table: documents, money, periods, organizations,
officials, destinations and runs. Read one table folder at a time, for example
pyarrow.dataset.dataset("PATH/money"), pandas.read_parquet("PATH/money") or DuckDB's
read_parquet('PATH/money/*.parquet'). Reading this whole folder as one dataset would mix
tables with different columns, so this file makes that fail on purpose.
"""
#: temporary parts are hidden (a leading dot), so dataset readers never list them
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


def _pa():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ModuleNotFoundError:
        raise StoreError("the Parquet store needs pyarrow: pip install 'iran-econ-extractor[parquet]'") from None
    return pyarrow


def arrow_type(column: Column):
    pa = _pa()
    kind = column.kind
    if kind == "str" or kind == "json":
        return pa.string()
    if kind == "int":
        return pa.int64()
    if kind == "bool":
        return pa.bool_()
    if kind == "decimal":
        return pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    if kind == "date":
        return pa.date32()
    if kind == "datetime":
        return pa.timestamp("us", tz="UTC")
    if kind == "list":
        return pa.list_(pa.struct([pa.field(c.name, arrow_type(c), nullable=c.nullable)
                                   for c in model_columns(column.model)]))
    raise TypeError(f"no Arrow type for column kind {kind!r}")


def arrow_schema(table: Table):
    pa = _pa()
    return pa.schema([pa.field(c.name, arrow_type(c), nullable=c.nullable) for c in table.columns])


def _arrow_value(column: Column, value):
    if value is None:
        return None
    if column.kind == "decimal":
        return exact_decimal(value)
    if column.kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if column.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if column.kind == "list":
        inner = model_columns(column.model)
        return [{c.name: _arrow_value(c, item.get(c.name)) for c in inner} for item in value]
    return value


def exact_decimal(value) -> Decimal:
    """``value`` at the column's scale, exactly, or a :class:`StoreError` saying why it cannot be."""
    with localcontext() as ctx:
        ctx.prec = DECIMAL_PRECISION + 10
        ctx.traps[Inexact] = True
        try:
            scaled = Decimal(value).quantize(Decimal(1).scaleb(-DECIMAL_SCALE))
        except (Inexact, InvalidOperation):
            scaled = None
    if scaled is None or scaled.adjusted() >= DECIMAL_PRECISION - DECIMAL_SCALE:
        raise StoreError(f"the amount {value} does not fit the Parquet column decimal({DECIMAL_PRECISION}, "
                         f"{DECIMAL_SCALE}) exactly")
    return scaled


class ParquetStore(Store):
    def __init__(self, path: str, rows_per_file: int = 1000):
        self.root = Path(path)
        self.display = f"parquet:{self.root}"
        self.rows_per_file = rows_per_file
        self.run_id = uuid.uuid4().hex
        self._buffer: list = []
        self._ids: set = set()
        self._parts = 0
        self._opened = False

    def default_errors_path(self) -> Optional[Path]:
        return self.root / "errors.jsonl"

    def _folders(self) -> dict:
        return {t.name: self.root / t.name for t in all_tables()}

    def output_paths(self) -> list:
        return [self.root]

    def open(self, resume: bool = False) -> None:
        pq = _pa().parquet
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{self.root} is a file; the Parquet store is a folder of tables")
        ensure_folder(self.root, "the Parquet tables")
        self._lock_inside(self.root)  # one writer: a second run would store every document twice
        guard = self.root / GUARD_NAME
        if not guard.exists():
            try:
                guard.write_text(GUARD_TEXT, encoding="utf-8")
            except OSError as exc:
                raise StoreError(f"cannot write to {self.root}: {exc.strerror}") from None
        folders = self._folders()
        for folder in folders.values():
            ensure_folder(folder, "a Parquet table")
            for stale in list(folder.glob("*" + TEMP_SUFFIX)) + list(folder.glob(".*" + TEMP_SUFFIX)):
                if stale.is_file():
                    stale.unlink(missing_ok=True)
        committed = {p.name for p in folders["documents"].glob(PART_GLOB)}
        for table in record_tables()[1:]:
            for part in folders[table.name].glob(PART_GLOB):
                if part.is_file() and (not resume or part.name not in committed):
                    part.unlink()  # a fresh start, or a flush that was never committed
        if not resume:
            for part in folders["documents"].glob(PART_GLOB):
                if part.is_file():
                    part.unlink()
        else:
            for part in sorted(folders["documents"].glob(PART_GLOB)):
                try:
                    ids = pq.read_table(part, columns=["doc_id"]).column("doc_id").to_pylist()
                except Exception as exc:  # a part that pyarrow cannot read is not ours to guess about
                    raise StoreError(f"cannot read {part}: {exc}") from None
                self._ids.update(ids)
        probe = self.root / f"{TEMP_PREFIX}probe-{self.run_id}{TEMP_SUFFIX}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StoreError(f"cannot write to {self.root}: {exc.strerror}") from None
        self._opened = True

    def stored_ids(self, doc_ids: list) -> set:
        return {d for d in doc_ids if d in self._ids}

    def begin_run(self, info: RunInfo) -> None:
        self.run_id = info.run_id

    def write(self, records: list) -> None:
        refuse_repeats(self, records)
        converted = [self._converted(record) for record in records]  # a value that cannot be stored fails here
        self._buffer.extend(converted)
        self._ids.update(r.doc_id for r in records)
        if len(self._buffer) >= self.rows_per_file:
            self.flush()

    def _converted(self, record: Record) -> dict:
        """The Arrow-ready rows of one record, per table."""
        columns = {t.name: t.columns for t in record_tables()}
        return {name: [{c.name: _arrow_value(c, row.get(c.name)) for c in columns[name]} for row in rows]
                for name, rows in rows_of(record, self.run_id).items()}

    def _write_table(self, table: Table, rows: list, name: str, converted: bool = False) -> Path:
        pa = _pa()
        if not converted:
            rows = [{c.name: _arrow_value(c, row.get(c.name)) for c in table.columns} for row in rows]
        arrow_table = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        folder = self.root / table.name
        temp = folder / (TEMP_PREFIX + name + TEMP_SUFFIX)
        try:
            pa.parquet.write_table(arrow_table, temp)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise StoreUnavailableError(f"cannot write {temp}: {exc}") from None
        return temp

    def flush(self) -> None:
        if not self._buffer:
            return
        tables = record_tables()
        rows = {t.name: [] for t in tables}
        for converted in self._buffer:
            for name, table_rows in converted.items():
                rows[name].extend(table_rows)
        name = f"part-{self.run_id}-{self._parts:06d}.parquet"
        temps = [(self._write_table(t, rows[t.name], name, converted=True), t.name) for t in tables[1:] if rows[t.name]]
        temps.append((self._write_table(tables[0], rows[tables[0].name], name, converted=True), tables[0].name))
        for temp, _table in temps:  # documents last: its rename commits the flush
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, temp.with_name(name))
            fsync_folder(temp.parent)
        self._parts += 1
        self._buffer = []

    def finish_run(self, info: RunInfo) -> None:
        self.flush()
        table = [t for t in all_tables() if t.name == "runs"][0]
        temp = self._write_table(table, [run_row(info)], f"part-{info.run_id}.parquet")
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, temp.with_name(f"part-{info.run_id}.parquet"))
        fsync_folder(temp.parent)

    def close(self) -> None:
        try:
            if self._opened:
                self.flush()
                self._opened = False
        finally:
            self._unlock()

    def read_table(self, name: str):
        """One table as a ``pyarrow.Table`` (empty, with its schema, when nothing was written)."""
        pa = _pa()
        table = [t for t in all_tables() if t.name == name][0]
        parts = sorted((self.root / name).glob(PART_GLOB))
        if not parts:
            return arrow_schema(table).empty_table()
        return pa.concat_tables([pa.parquet.read_table(p, schema=arrow_schema(table)) for p in parts])

    def iter_records(self) -> Iterator[Record]:
        documents, *entries = record_tables()
        by_doc: dict = {}
        for table in entries:
            for row in self.read_table(table.name).to_pylist():
                by_doc.setdefault(row["doc_id"], {}).setdefault(table.name, []).append(row)
        for doc_row in sorted(self.read_table(documents.name).to_pylist(), key=lambda r: r["doc_id"]):
            yield record_from_rows(doc_row, by_doc.get(doc_row["doc_id"], {}))
