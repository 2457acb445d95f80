"""Folder store: one ``<doc_id>.json`` per document, the layout of ``gold/``.

Each file is written to a temporary name in the same folder and renamed
into place, so it is whole or absent even when the run is killed; writing a
document again replaces its file.  Everything is synced to disk on close.  A doc_id that is not a plain file name (a path separator, ``..``, a
leading dot, control characters, too long) is refused for that document.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Iterator, Optional

from ..errors import StoreError, StoreUnavailableError
from ..records import Record
from .base import Store, ensure_folder, fsync_folder

MAX_NAME_BYTES = 200
SUFFIX = ".json"
TEMP_PREFIX = ".tmp-"


def file_name_problem(doc_id: str) -> Optional[str]:
    """Why ``doc_id`` cannot be used as a file name inside a folder, or ``None``."""
    if not doc_id:
        return "an empty doc_id cannot be a file name"
    if doc_id in (".", ".."):
        return f"doc_id {doc_id!r} would escape the output folder"
    separators = {"/", "\\", os.sep} | ({os.altsep} if os.altsep else set())
    if any(s in doc_id for s in separators):
        return f"doc_id {doc_id!r} contains a path separator and would escape the output folder"
    if any(ord(c) < 32 or ord(c) == 127 for c in doc_id):
        return f"doc_id {doc_id!r} contains control characters"
    if doc_id.startswith("."):
        return f"doc_id {doc_id!r} starts with a dot (hidden or temporary file name)"
    if len((doc_id + SUFFIX).encode("utf-8", errors="surrogatepass")) > MAX_NAME_BYTES:
        return f"doc_id {doc_id[:40]!r}... is too long for a file name"
    return None


def _holds_record(path: Path, doc_id: str) -> bool:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("doc_id") == doc_id and "text_sha256" in data


class FolderStore(Store):
    def __init__(self, path: str):
        self.folder = Path(path)
        self.display = str(self.folder) + os.sep
        self._written = False

    def default_errors_path(self) -> Optional[Path]:
        return self.folder.with_name(self.folder.name + ".errors.jsonl")

    def output_paths(self) -> list:
        return [self.folder]

    def open(self, resume: bool = False) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(f"{self.folder} is a file, not a folder")
        ensure_folder(self.folder, "the records")
        self._lock_inside(self.folder)  # before cleaning: the temporary files may be another run's
        for stale in self.folder.glob(TEMP_PREFIX + "*"):
            if stale.is_file():
                stale.unlink(missing_ok=True)  # left by a killed run

    def check_doc_id(self, doc_id: str) -> Optional[str]:
        problem = file_name_problem(doc_id)
        if problem is None:
            target = (self.folder / (doc_id + SUFFIX)).resolve()
            if target.parent != self.folder.resolve():
                problem = f"doc_id {doc_id!r} would escape the output folder"
        return problem

    def path_of(self, doc_id: str) -> Path:
        problem = self.check_doc_id(doc_id)
        if problem:
            raise StoreError(problem)
        return self.folder / (doc_id + SUFFIX)

    def stored_ids(self, doc_ids: list) -> set:
        """Those ids whose file holds a whole record of that document: an empty or torn file
        (a disk that filled, a copy cut short) is not trusted and the document is done again."""
        return {d for d in doc_ids if self.check_doc_id(d) is None and _holds_record(self.folder / (d + SUFFIX), d)}

    def write(self, records: list) -> None:
        for record in records:
            target = self.path_of(record.doc_id)
            try:
                fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=SUFFIX, dir=self.folder)
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(record.to_json() + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())  # the bytes are on disk before the name points at them
                os.replace(temp, target)
            except OSError as exc:
                if "temp" in locals():
                    Path(temp).unlink(missing_ok=True)
                kind = StoreError if exc.errno in (errno.ENAMETOOLONG, errno.EINVAL) else StoreUnavailableError
                raise kind(f"cannot write {target}: {exc.strerror}") from None
        self._written = self._written or bool(records)

    def close(self) -> None:
        try:
            if self._written:  # renames are kill-safe already; this makes them survive a power cut
                fsync_folder(self.folder)
                os.sync()
                self._written = False
        finally:
            self._unlock()

    def iter_records(self) -> Iterator[Record]:
        for path in sorted(self.folder.glob("*" + SUFFIX)):
            if not path.name.startswith("."):
                yield Record.from_json(path.read_text(encoding="utf-8"))
