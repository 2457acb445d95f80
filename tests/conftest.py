"""Shared fixtures: a real PostgreSQL server, and documents made from corpus/."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh database on the throwaway server of ``scripts/start_postgres.sh`` (dropped afterwards).

    Outside CI a machine that cannot run PostgreSQL skips these tests; with
    ``CI=true`` that is a failure.
    """
    try:
        result = subprocess.run(["bash", str(ROOT / "scripts" / "start_postgres.sh")], capture_output=True,
                                text=True, timeout=900)
        problem = None if result.returncode == 0 else result.stderr.strip()[-2000:]
    except (OSError, subprocess.TimeoutExpired) as exc:
        problem = str(exc)
    if problem:
        message = f"PostgreSQL could not be started by scripts/start_postgres.sh: {problem}"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    server_url = result.stdout.strip().splitlines()[-1]
    base, _, _ = server_url.rpartition("/")
    database = f"extractor_test_{uuid.uuid4().hex[:12]}"

    import psycopg

    admin = f"{base}/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    yield f"{base}/{database}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def corpus_documents(limit: int | None = None) -> list:
    """``{"doc_id", "text", "published"}`` objects of the articles in corpus/, in doc_id order."""
    from extractor.documents import Document, iter_documents

    documents = [d for d in iter_documents([ROOT / "corpus"]) if isinstance(d, Document)]
    documents.sort(key=lambda d: d.doc_id)
    return [{"doc_id": d.doc_id, "text": d.text, "published": d.published.isoformat() if d.published else None}
            for d in documents[:limit]]


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory) -> Path:
    """The articles of corpus/ (at most 24) as one JSONL file of documents."""
    path = tmp_path_factory.mktemp("corpus") / "documents.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in corpus_documents(24)), encoding="utf-8")
    return path
