"""PostgreSQL store (``postgresql://user:password@host:port/database``), through psycopg 3.

Entries' nested lists are JSONB columns and amounts exact NUMERIC.  A server
that cannot be reached is reported before any work starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .sql import SqlStore

CONNECT_TIMEOUT_SECONDS = 10


class PostgresStore(SqlStore):
    driver_hint = "; install it with: pip install 'extractor[postgres]'"

    def _normalise(self, url: str) -> str:
        # SQLAlchemy's plain postgresql:// means psycopg2; we ship psycopg (3).
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    def _engine_options(self) -> dict:
        return {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_SECONDS}, "pool_pre_ping": True}

    def default_errors_path(self) -> Optional[Path]:
        return Path("extractor-errors.jsonl")
