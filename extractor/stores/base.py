"""What every store offers to the batch driver, and helpers they share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Optional

from ..errors import StoreError, StoreLockedError
from ..records import Record
from .schema import RunInfo


class Store:
    """A place where records go.

    The driver calls :meth:`open` before any work (a store that cannot be
    reached or written raises :class:`StoreError` there), then
    :meth:`begin_run`, :meth:`write` for each batch, :meth:`finish_run` and
    :meth:`close`.  Every store writes a record whole or not at all, so a run
    killed at any moment leaves no half-written record, and with
    ``resume=True`` :meth:`stored_ids` tells which documents are already there.
    """

    #: the URL as given, safe to print (no password)
    display: str = ""
    #: the writer's lock while the store is open for a run
    _lock: Optional["StoreLock"] = None

    def _lock_beside(self, target: Path) -> None:
        """Take the one-writer lock of a store kept in the file ``target``: ``.<name>.lock`` beside it."""
        self._take(StoreLock.beside(target, self.display))

    def _lock_inside(self, folder: Path) -> None:
        """Take the one-writer lock of a store kept in ``folder``: its hidden file ``.lock``."""
        self._take(StoreLock(folder / LOCK_NAME, self.display))

    def _take(self, lock: "StoreLock") -> None:
        lock.acquire()
        self._lock = lock

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def open(self, resume: bool = False) -> None:
        raise NotImplementedError

    def stored_ids(self, doc_ids: list) -> set:
        """Those of ``doc_ids`` that the store already holds."""
        raise NotImplementedError

    def write(self, records: list) -> None:
        """Add or replace these records (each one whole, or not at all)."""
        raise NotImplementedError

    def begin_run(self, info: RunInfo) -> None:
        """Record the start of a run (stores without a ``runs`` table ignore it)."""

    def finish_run(self, info: RunInfo) -> None:
        """Record the end of a run."""

    def write_error(self, entry) -> None:
        """Record a failed document (:class:`~extractor.stores.schema.ErrorEntry`) in the store
        itself; stores without an ``errors`` table ignore it (the errors file has it)."""

    def close(self) -> None:
        """Make everything written durable and release the store."""

    def iter_records(self) -> Iterator[Record]:
        """Every stored record (for reading a store back; order is the store's)."""
        raise NotImplementedError

    def check_doc_id(self, doc_id: str) -> Optional[str]:
        """Why this store cannot hold a document of this id, or ``None``."""
        return None

    def default_errors_path(self) -> Optional[Path]:
        """Where the errors file goes unless ``--errors`` says otherwise (None: standard error only)."""
        return None

    def output_paths(self) -> list:
        """The files or folders this store writes (none for a server or standard output)."""
        return []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def ensure_folder(folder: Path, what: str) -> Path:
    """Create ``folder`` (and its parents) or explain clearly why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError(f"cannot create the folder for {what}: {folder} exists and is not a folder") from None
    except OSError as exc:
        raise StoreError(f"cannot create the folder {folder} for {what}: {exc.strerror}") from None
    if not folder.is_dir():
        raise StoreError(f"cannot use {folder} for {what}: not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"cannot write to the folder {folder} for {what}: permission denied")
    return folder


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def refuse_repeats(store: Store, records: list) -> None:
    """An append-only store never takes a second version of a document."""
    seen: set = set()
    again = set()
    for record in records:
        (again if record.doc_id in seen else seen).add(record.doc_id)
    again |= store.stored_ids(list(seen))
    if again:
        raise StoreError(f"{store.display} already holds {', '.join(sorted(again)[:3])}: this store only appends "
                         "(start it afresh without --resume, or use a SQL or folder store to replace documents)")



#: the lock file inside a folder store (hidden, and never a doc_id: those cannot start with a dot)
LOCK_NAME = ".lock"


class StoreLock:
    """One writer at a time: an exclusive OS lock (``flock``) on a file beside the store.

    The lock is taken before the store is touched and held until the store is
    closed.  The operating system releases it when the process ends, however
    it ends (even ``kill -9``), so a lock left by a dead run is simply taken
    over by the next one; the file itself stays, holding the last holder's
    process id for the message a refused writer gets.
    """

    def __init__(self, path: Path, what: str):
        self.path = path
        self.what = what
        self._fd: Optional[int] = None

    @classmethod
    def beside(cls, target: Path, what: str) -> "StoreLock":
        """The lock of ``target`` (file or folder): the hidden ``.<name>.lock`` next to it."""
        target = Path(os.path.abspath(target))
        return cls(target.with_name("." + target.name + ".lock"), what)

    def acquire(self) -> None:
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path} for {self.what}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise StoreLockedError(f"{self.what} is being written by another run{holder}; wait for it to finish "
                                   f"or stop it (lock: {self.path})") from None
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot lock {self.what} ({self.path}): {exc.strerror}") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass  # the pid is only for messages
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _read_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""
