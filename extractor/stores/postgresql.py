"""PostgreSQL store (``postgresql://user:password@host:port/database``), through psycopg 3.

Entries' nested lists are JSONB columns and amounts exact NUMERIC.  A server
that cannot be reached is reported before any work starts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from ..errors import StoreError, StoreLockedError
from .sql import SqlStore, _reason

CONNECT_TIMEOUT_SECONDS = 10
#: a btree index entry holds at most about 2,700 bytes; longer ids fail the whole transaction
MAX_DOC_ID_BYTES = 2000
#: the advisory lock key of an extractor store (any 64-bit number; this one spells "extract")
ADVISORY_LOCK_KEY = 0x65787472616374


class PostgresStore(SqlStore):
    driver_hint = "; install it with: pip install 'iran-econ-extractor[postgres]'"

    def _normalise(self, url: str) -> str:
        # SQLAlchemy's plain postgresql:// means psycopg2; we ship psycopg (3).
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    def _engine_options(self) -> dict:
        return {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_SECONDS}, "pool_pre_ping": True}

    def check_doc_id(self, doc_id: str) -> Optional[str]:
        size = len(doc_id.encode("utf-8", errors="surrogatepass"))
        if size > MAX_DOC_ID_BYTES:
            return f"doc_id is {size} bytes long; the PostgreSQL store's index takes at most {MAX_DOC_ID_BYTES}"
        return None

    def default_errors_path(self) -> Optional[Path]:
        """``extractor-errors-<host>-<port>-<database>.jsonl``: runs into different databases never share one."""
        try:
            url = make_url(self.url)
            parts = [url.host or "local", str(url.port or 5432), url.database or "postgres"]
        except Exception:
            parts = ["postgresql"]
        name = "-".join(re.sub(r"[^A-Za-z0-9_.]+", "_", part) for part in parts)
        return Path(f"extractor-errors-{name}.jsonl")

    def _take_server_lock(self) -> None:
        """One writer per database: a session-level advisory lock, released by the server
        when this connection ends (so a killed run never leaves it behind)."""
        try:
            connection = self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store {self.display}: {_reason(exc)}") from None
        try:
            got = connection.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}).scalar()
            connection.commit()
        except sa.exc.SQLAlchemyError as exc:
            connection.close()
            raise StoreError(f"cannot lock the store {self.display}: {_reason(exc)}") from None
        if not got:
            holder = self._lock_holder(connection)
            connection.close()
            raise StoreLockedError(f"{self.display} is being written by another run{holder}; wait for it to "
                                   "finish or stop it")
        self._server_lock = connection

    def _lock_holder(self, connection) -> str:
        try:
            pid = connection.execute(sa.text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND ((classid::bigint << 32) | objid::bigint) = :key LIMIT 1"), {"key": ADVISORY_LOCK_KEY}).scalar()
        except sa.exc.SQLAlchemyError:
            return ""
        return f" (server process {pid})" if pid else ""

    def _release_server_lock(self) -> None:
        connection, self._server_lock = getattr(self, "_server_lock", None), None
        if connection is not None:
            try:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY})
                connection.commit()
            except sa.exc.SQLAlchemyError:
                pass  # the server drops the lock with the connection anyway
            finally:
                connection.close()
