"""Where records go, chosen by one URL: :func:`open_store`.

==============================  ================================================
``-``                           JSONL on standard output
``out/records.jsonl``           JSONL file (also ``jsonl:PATH``)
``out/records/``                one ``<doc_id>.json`` per document (also ``folder:PATH``)
``out/tables.parquet``          Parquet tables for analytics (also ``parquet:PATH``)
``sqlite:///out/extractor.db``  SQLite database file
``postgresql://u:p@host/db``    PostgreSQL server
==============================  ================================================

The stores' modules are imported only when used, so ``extractor`` starts
fast and an optional dependency is needed only by its store.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import StoreError
from .base import Store

SCHEMES = ("jsonl", "folder", "parquet", "sqlite", "postgresql")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def _path_part(url: str, scheme: str) -> str:
    rest = url[len(scheme) + 1:]
    return rest[2:] if rest.startswith("//") else rest


def store_for(url: Optional[str]) -> Store:
    """The store a URL names, not yet opened."""
    if url is None or url == "-":
        from .jsonl import JsonlStore

        return JsonlStore("-")
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None
    if scheme is None:
        return _store_for_path(url)
    base = scheme.split("+", 1)[0]
    if base == "sqlite":
        from .sqlite import SqliteStore

        return SqliteStore(url)
    if base in ("postgresql", "postgres"):
        from .postgresql import PostgresStore

        return PostgresStore(url)
    path = _path_part(url, match.group(1))
    if not path:
        raise StoreError(f"store URL {url!r} names no path")
    if base == "jsonl":
        from .jsonl import JsonlStore

        return JsonlStore(path)
    if base == "folder":
        from .folder import FolderStore

        return FolderStore(path)
    if base == "parquet":
        from .parquet import ParquetStore

        return ParquetStore(path)
    raise StoreError(f"unknown store {scheme!r} in {url!r}; use one of: {', '.join(SCHEMES)} "
                     "(or a path ending in .jsonl, .parquet or /)")


def _store_for_path(path: str) -> Store:
    if path.rstrip("/\\").endswith(".parquet"):
        from .parquet import ParquetStore

        return ParquetStore(path.rstrip("/\\"))
    if path.endswith(("/", "\\")) or Path(path).is_dir():
        from .folder import FolderStore

        return FolderStore(path.rstrip("/\\") or "/")
    from .jsonl import JsonlStore

    return JsonlStore(path)


def open_store(url: Optional[str], resume: bool = False) -> Store:
    """The store a URL names, opened: reachable and writable, or a clear :class:`StoreError`."""
    store = store_for(url)
    store.open(resume=resume)
    return store


__all__ = ["SCHEMES", "Store", "open_store", "store_for"]
