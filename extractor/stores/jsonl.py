"""JSONL store: one record a line, appended as it goes (the default).

Each batch of records is written with one ``write`` of whole lines and
flushed, so a run killed at any moment leaves at most a torn last line; the
file is fsynced at most every ``fsync_seconds`` and when closed.  On
``--resume`` the doc_ids already in the file are read, a torn last line is
cut off, and new records are appended after the last complete one.  Without
``--resume`` the file is started afresh.  ``-`` is standard output (no
resume there).
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Iterator, Optional

from ..errors import StoreError, StoreUnavailableError
from ..records import Record
from .base import Store, ensure_folder, refuse_repeats


class JsonlStore(Store):
    def __init__(self, path: str, fsync_seconds: float = 2.0):
        self.path = path
        self.display = "standard output" if path == "-" else path
        self.fsync_seconds = fsync_seconds
        self._handle = None
        self._ids: set = set()
        self._last_sync = 0.0

    @property
    def to_stdout(self) -> bool:
        return self.path == "-"

    def default_errors_path(self) -> Optional[Path]:
        if self.to_stdout:
            return None
        path = Path(self.path)
        stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
        return path.with_name(stem + ".errors.jsonl")

    def output_paths(self) -> list:
        return [] if self.to_stdout else [Path(self.path)]

    def open(self, resume: bool = False) -> None:
        if self.to_stdout:
            if resume:
                raise StoreError("--resume needs an output file or store: standard output cannot be resumed")
            return  # written through sys.stdout as text, whatever it is at the time
        path = Path(self.path)
        if path.is_dir():
            raise StoreError(f"{path} is a folder; give a .jsonl file (or end the store with / for a folder of .json files)")
        ensure_folder(path.parent, f"the output {path}")
        self._lock_beside(path)  # before the file is touched: a second writer must not truncate it
        try:
            if resume and path.exists():
                self._ids = read_ids_and_repair(path)
                self._handle = open(path, "ab", buffering=0)
            else:
                refuse_foreign_file(path)
                self._handle = open(path, "wb", buffering=0)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror}") from None

    def stored_ids(self, doc_ids: list) -> set:
        return {d for d in doc_ids if d in self._ids}

    def write(self, records: list) -> None:
        if not records:
            return
        refuse_repeats(self, records)
        text = "".join(record.to_json() + "\n" for record in records)
        if self.to_stdout:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        data = text.encode("utf-8")
        fd = self._handle.fileno()
        end = os.lseek(fd, 0, os.SEEK_END)
        try:
            view = memoryview(data)
            while view:  # unbuffered: a write either lands whole or is taken back below
                view = view[os.write(fd, view):]
            if time.monotonic() - self._last_sync >= self.fsync_seconds:
                self._sync()
                self._last_sync = time.monotonic()
        except OSError as exc:
            try:
                os.ftruncate(fd, end)  # no torn line left behind by a full disk
            except OSError:
                pass
            raise StoreUnavailableError(f"cannot write {self.display}: {exc.strerror}") from None
        self._ids.update(record.doc_id for record in records)

    def close(self) -> None:
        try:
            if self._handle is not None:
                handle, self._handle = self._handle, None
                try:
                    self._sync_handle(handle)
                except OSError as exc:
                    raise StoreUnavailableError(f"cannot write {self.display}: {exc.strerror}") from None
                finally:
                    handle.close()
        finally:
            self._unlock()

    def _sync(self) -> None:
        self._sync_handle(self._handle)

    @staticmethod
    def _sync_handle(handle) -> None:
        fd = handle.fileno()
        if stat.S_ISREG(os.fstat(fd).st_mode):  # not /dev/null, a pipe or a terminal
            os.fsync(fd)

    def iter_records(self) -> Iterator[Record]:
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield Record.from_json(line)


#: the first bytes of files a records file must never be mistaken for
FOREIGN_MAGIC = {b"SQLite format 3\x00": "an SQLite database", b"PAR1": "a Parquet file", b"PK\x03\x04": "a ZIP archive",
                 b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\x7fELF": "a program"}


def refuse_foreign_file(path: Path) -> None:
    """Starting afresh empties the file: refuse unless it is empty or already a records file."""
    if not path.is_file():
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return  # opening it for writing will say what is wrong
    if not head.strip():
        return
    for magic, kind in FOREIGN_MAGIC.items():
        if head.startswith(magic):
            raise StoreError(f"{path} is {kind}, not a JSONL records file: it is left untouched "
                             "(give the store with its scheme, as in sqlite:///PATH, or choose another file)")
    line = head.split(b"\n", 1)[0]
    try:
        first = json.loads(line)
    except ValueError:  # a long first record does not fit in the head: look at its start
        first = {"doc_id": None, "text_sha256": None} if (line.lstrip().startswith(b"{")
                                                            and b'"doc_id"' in line and b'"text_sha256"' in line) else None
    if not (isinstance(first, dict) and "doc_id" in first and "text_sha256" in first):
        raise StoreError(f"{path} exists and is not a JSONL file of records: it is left untouched "
                         "(remove it or choose another file)")


def read_ids_and_repair(path: Path) -> set:
    """The doc_ids of a records file; a torn last line (a killed run) is cut off.

    A broken line anywhere else is not the trace of a kill: it is refused.
    """
    ids = set()
    good_end = 0
    with open(path, "rb") as handle:
        position = 0
        number = 0
        for raw in handle:
            number += 1
            end = position + len(raw)
            complete = raw.endswith(b"\n")
            try:
                doc_id = json.loads(raw)["doc_id"] if raw.strip() else None
                valid = doc_id is None or isinstance(doc_id, str)
            except (ValueError, KeyError, TypeError):
                valid = False
            if complete and valid:
                if doc_id is not None:
                    ids.add(doc_id)
                good_end = end
            elif not complete:
                break  # the torn tail of a killed run
            else:
                raise StoreError(f"{path}:{number}: not a record line; cannot resume into this file")
            position = end
    if good_end < path.stat().st_size:
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
            handle.flush()
            os.fsync(handle.fileno())
    return ids

