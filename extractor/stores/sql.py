"""SQL stores through SQLAlchemy: tables built from :mod:`extractor.stores.schema`.

Tables ``documents``, ``money``, ``periods``, ``organizations``,
``officials``, ``destinations`` (one row per entry, keyed by
``(doc_id, position)``) and ``runs``.  A batch of records is written in one
transaction that first deletes the rows of those doc_ids, so re-extracting a
document replaces it and a store never holds two versions of an article; a
run killed mid-batch leaves the transaction rolled back.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from ..errors import StoreError, StoreUnavailableError
from ..records import Record
from .base import Store
from .schema import (DOC_ID, POSITION, RUN_ID, ErrorEntry, RunInfo, Table, all_tables, errors_table, record_from_rows,
                     record_tables, rows_of, run_row)

#: largest number of ids in one ``IN (...)`` list
ID_CHUNK = 500


class _SqliteExact(sa.types.UserDefinedType):
    """A column of BLOB affinity: SQLite keeps each value as it is given (NUMERIC affinity
    would turn a long or fractional amount into an approximate REAL)."""

    cache_ok = True

    def get_col_spec(self, **_kw):
        return "BLOB"


class Amount(sa.types.TypeDecorator):
    """Decimal amounts, exact: NUMERIC on servers.  In SQLite a whole amount below 2^63 is an
    INTEGER (so sums and comparisons work as numbers) and any other amount is TEXT holding
    its exact digits; ``CAST(amount AS REAL)`` makes every row a number for arithmetic."""

    impl = sa.Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_SqliteExact())
        return dialect.type_descriptor(sa.Numeric())

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        from ..records import plain_decimal

        value = Decimal(value)
        if value == value.to_integral_value() and abs(value) < 2 ** 63:
            return int(value)
        return plain_decimal(value)

    def process_result_value(self, value, dialect):
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def _sql_type(kind: str):
    if kind == "str":
        return sa.Text()
    if kind == "int":
        return sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    if kind == "bool":
        return sa.Boolean()
    if kind == "decimal":
        return Amount()
    if kind == "date":
        return sa.Date()
    if kind == "datetime":
        return sa.DateTime(timezone=True)
    if kind in ("json", "list"):
        from sqlalchemy.dialects.postgresql import JSONB

        # none_as_null: a missing value is SQL NULL, not the JSON text 'null'
        return sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
    raise TypeError(f"no SQL type for column kind {kind!r}")


def _sql_table(table: Table, metadata: sa.MetaData) -> sa.Table:
    columns = []
    for column in table.columns:
        args = [column.name, _sql_type(column.kind)]
        if column.name == DOC_ID and table.name not in ("documents", "runs", "errors"):
            args.append(sa.ForeignKey("documents.doc_id", ondelete="CASCADE"))
        if column.name == RUN_ID and table.name == "documents":
            args.append(sa.ForeignKey("runs.run_id", ondelete="SET NULL"))
        columns.append(sa.Column(*args, primary_key=column.primary_key,
                                 nullable=column.nullable and not column.primary_key,
                                 autoincrement=False))
    return sa.Table(table.name, metadata, *columns)


@lru_cache(maxsize=1)
def metadata() -> sa.MetaData:
    """The SQLAlchemy tables, derived from the models (never written by hand)."""
    meta = sa.MetaData()
    for table in all_tables() + (errors_table(),):
        _sql_table(table, meta)
    return meta


def _entry_tables():
    return [metadata().tables[t.name] for t in record_tables()[1:]]


class SqlStore(Store):
    """Any SQLAlchemy database; subclasses set the URL details of their dialect."""

    driver_hint = ""

    def __init__(self, url: str):
        self.url = self._normalise(url)
        try:
            self.display = make_url(url).render_as_string(hide_password=True)
        except Exception:  # an unparsable URL: say so when opening
            self.display = url
        self.engine: Optional[sa.engine.Engine] = None
        self.run_id: Optional[str] = None

    def _normalise(self, url: str) -> str:
        return url

    def _engine_options(self) -> dict:
        return {}

    def _prepare(self) -> None:
        """Dialect-specific work before connecting (folders for files)."""

    def _configure(self, engine) -> None:
        """Dialect-specific settings of a new engine, before its first connection."""

    def open(self, resume: bool = False) -> None:
        self._prepare()
        try:
            self.engine = sa.create_engine(self.url, **self._engine_options())
        except (sa.exc.ArgumentError, ValueError) as exc:
            raise StoreError(f"invalid store URL {self.display}: {exc}") from None
        except ModuleNotFoundError as exc:
            raise StoreError(f"the database driver for {self.display} is not installed ({exc.name}){self.driver_hint}") from None
        self._configure(self.engine)
        self._take_server_lock()  # before the tables: two first runs must not race to create them
        try:
            metadata().create_all(self.engine)
            self._check_columns()
            self._mark_abandoned_runs()
        except sa.exc.SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open the store {self.display}: {_reason(exc)}") from None

    def _check_columns(self) -> None:
        inspector = sa.inspect(self.engine)
        for table in metadata().sorted_tables:
            have = {c["name"] for c in inspector.get_columns(table.name)}
            missing = [c.name for c in table.columns if c.name not in have]
            if missing:
                raise StoreError(f"the store {self.display} has a table {table.name!r} without the columns "
                                 f"{', '.join(missing)}: it was made for another record schema; use a new database")

    def _mark_abandoned_runs(self) -> None:
        """Runs still ``running`` belong to processes that died: this run holds the store's only lock."""
        runs = metadata().tables["runs"]
        with self.engine.begin() as connection:
            connection.execute(runs.update().where(runs.c.status == "running").values(status="abandoned"))

    def _run(self, action, what: str):
        try:
            return action()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            # the server or file is gone, full or locked: no document could be stored now
            raise StoreUnavailableError(f"cannot {what} the store {self.display}: {_reason(exc)}") from None
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {what} the store {self.display}: {_reason(exc)}") from None

    def begin_run(self, info: RunInfo) -> None:
        self.run_id = info.run_id
        runs = metadata().tables["runs"]

        def insert():
            with self.engine.begin() as connection:
                connection.execute(runs.insert(), [run_row(info)])

        self._run(insert, "write to")

    def finish_run(self, info: RunInfo) -> None:
        runs = metadata().tables["runs"]
        row = run_row(info)

        def update():
            with self.engine.begin() as connection:
                connection.execute(runs.update().where(runs.c.run_id == info.run_id).values(**row))

        self._run(update, "write to")

    def write_error(self, entry: ErrorEntry) -> None:
        """A failed document, in the ``errors`` table beside the records (best effort: the
        errors file has it whatever happens here)."""
        errors = metadata().tables["errors"]
        try:
            with self.engine.begin() as connection:
                connection.execute(errors.insert(), [entry.model_dump()])
        except sa.exc.SQLAlchemyError:
            pass

    def stored_ids(self, doc_ids: list) -> set:
        documents = metadata().tables["documents"]
        found = set()

        def query():
            with self.engine.connect() as connection:
                for start in range(0, len(doc_ids), ID_CHUNK):
                    part = doc_ids[start:start + ID_CHUNK]
                    found.update(connection.scalars(sa.select(documents.c.doc_id).where(documents.c.doc_id.in_(part))))
            return found

        return self._run(query, "read")

    def write(self, records: list) -> None:
        if not records:
            return
        tables = metadata().tables
        documents = tables["documents"]
        entries = _entry_tables()
        rows = {name: [] for name in tables}
        for record in records:
            for name, table_rows in rows_of(record, self.run_id).items():
                rows[name].extend(table_rows)
        ids = list(dict.fromkeys(r.doc_id for r in records))

        def transaction():
            with self.engine.begin() as connection:
                for start in range(0, len(ids), ID_CHUNK):
                    part = ids[start:start + ID_CHUNK]
                    for table in entries:
                        connection.execute(table.delete().where(table.c.doc_id.in_(part)))
                    connection.execute(documents.delete().where(documents.c.doc_id.in_(part)))
                connection.execute(documents.insert(), rows["documents"])
                for table in entries:
                    if rows[table.name]:
                        connection.execute(table.insert(), rows[table.name])

        self._run(transaction, "write to")

    def close(self) -> None:
        try:
            self._release_server_lock()
            if self.engine is not None:
                self.engine.dispose()
                self.engine = None
        finally:
            self._unlock()

    def _take_server_lock(self) -> None:
        """A lock held by the database server itself (PostgreSQL's advisory lock); none by default."""

    def _release_server_lock(self) -> None:
        pass

    def iter_records(self) -> Iterator[Record]:
        tables = metadata().tables
        documents = tables["documents"]
        with self.engine.connect() as connection:
            for doc_row in connection.execute(sa.select(documents).order_by(documents.c.doc_id)).mappings():
                entry_rows = {}
                for table in _entry_tables():
                    query = sa.select(table).where(table.c.doc_id == doc_row["doc_id"]).order_by(table.c[POSITION])
                    entry_rows[table.name] = [dict(r) for r in connection.execute(query).mappings()]
                yield record_from_rows(dict(doc_row), entry_rows)

    def runs(self) -> list:
        runs = metadata().tables["runs"]
        with self.engine.connect() as connection:
            return [RunInfo.model_validate(dict(r))
                    for r in connection.execute(sa.select(runs).order_by(runs.c.started_at)).mappings()]


def _reason(exc: Exception) -> str:
    """The database's own words, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None)
    text = str(original if original is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def sqlite_path(url: str) -> Optional[Path]:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)
