"""SQLite store (``sqlite:///path.db``): the embedded default, a real file.

The database's folder is created when missing.  The file runs in WAL mode
so that readers can query it while a batch writes; every batch is one
transaction, so a killed run loses at most the batch in flight.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from ..errors import StoreError
from .base import ensure_folder
from .sql import SqlStore, sqlite_path


class SqliteStore(SqlStore):
    def _prepare(self) -> None:
        try:
            path = sqlite_path(self.url)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"invalid store URL {self.display}: {exc}") from None
        if path is None:
            raise StoreError(f"{self.display}: give a file, as in sqlite:///out/extractor.db "
                             "(an in-memory database would be lost at the end of the run)")
        if path.is_dir():
            raise StoreError(f"{self.display}: {path} is a folder, not a database file")
        ensure_folder(path.parent if str(path.parent) else Path("."), f"the database {path}")
        self._lock_beside(path)  # one writer: tables are created and filled by one run at a time

    def _engine_options(self) -> dict:
        return {"connect_args": {"timeout": 30}}

    def _configure(self, engine) -> None:
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    def output_paths(self) -> list:
        try:
            path = sqlite_path(self.url)
        except sa.exc.ArgumentError:
            return []
        return [path] if path else []

    def default_errors_path(self) -> Optional[Path]:
        path = sqlite_path(self.url)
        return path.with_name(path.stem + ".errors.jsonl") if path else None
