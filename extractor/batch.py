"""The batch driver: documents in, records out to a store, streaming.

Documents are read lazily and grouped in chunks of ``batch_size``; each
chunk goes to an engine (this process, ``--workers N`` processes, or a Dask
cluster), which returns one :class:`Outcome` per document; records are
written to the store chunk by chunk, in input order, so memory stays flat
and every engine writes the same thing.  At most a few chunks per worker are
in flight at any time.

A document that cannot be read or extracted goes to the errors file
(``doc_id``, ``source``, ``line``, ``message``) and the batch goes on.  With
``resume``, documents the store already holds are skipped; failed documents
are never stored, so a resumed run retries them.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .documents import Document, iter_documents, missing_inputs
from .limits import DEFAULT_MAX_CHARS
from .errors import ExtractorError, InputError
from .progress import Progress
from .records import Record

DEFAULT_BATCH_SIZE = 64
#: seconds after which one document is given up (a pathological text must not stall the batch)
DEFAULT_TIMEOUT = 60.0
#: chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat
IN_FLIGHT_PER_WORKER = 2


class BatchError(ExtractorError):
    """A batch that cannot start or go on (engine, scheduler, options)."""


@dataclass
class Outcome:
    """What became of one document: its record, or why there is none."""

    doc_id: Optional[str]
    source: Optional[str] = None
    line: Optional[int] = None
    record: Optional[Record] = None
    error: Optional[str] = None


# --------------------------------------------------------------------------- the work itself

def extract_documents(documents: list, timeout: Optional[float] = None) -> list:
    """Outcomes of a chunk of documents, in order; runs in whichever process holds the chunk.

    The pipeline is built once per process (:func:`extractor.api.load_pipeline`
    is cached); an exception in one document makes that document's outcome
    an error and the others go on.  With ``timeout``, a document still running
    after that many seconds is stopped and fails (where the process can be
    interrupted: the main thread of a Unix process; Dask worker threads run
    without it).
    """
    from .api import load_pipeline
    from .extract import doc_to_record, make_doc
    from .limits import replace_lone_surrogates

    nlp = load_pipeline()
    outcomes = []
    with _time_limits(timeout) as limit:
        for document in documents:
            outcome = Outcome(document.doc_id, document.source, document.line)
            try:
                with limit():
                    text = document.text[1:] if document.text.startswith("\ufeff") else document.text
                    text, warnings = replace_lone_surrogates(text)
                    doc = make_doc(nlp, text, document.published, document.doc_id,
                                   list(document.warnings) + warnings)
                    outcome.record = doc_to_record(nlp(doc))
            except Exception as exc:  # one bad document must not stop the batch
                outcome.error = f"{type(exc).__name__}: {exc}"
            outcomes.append(outcome)
    return outcomes


class DocumentTimeout(Exception):
    """A document that took longer than ``--timeout``."""


@contextmanager
def _time_limits(seconds: Optional[float]):
    """A context manager factory: each ``with limit():`` block is stopped after ``seconds``."""
    import signal
    import threading

    usable = (bool(seconds) and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield nullcontext
        return

    def expire(_signum, _frame):
        raise DocumentTimeout(f"extraction took longer than {seconds:g} s (--timeout)")

    @contextmanager
    def limit():
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def warm_worker() -> dict:
    """Build the pipeline in this worker now; say which extractor it is and how often it was built here."""
    from . import __version__
    from .api import load_pipeline

    load_pipeline()
    return {"pid": os.getpid(), "pipeline_builds": load_pipeline.cache_info().misses,
            "version": __version__, "config_hash": config_hash()}


def _identity() -> tuple:
    from . import __version__

    return (__version__, config_hash())


def _init_process_worker(parent_pid: Optional[int] = None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if parent_pid is not None:
        die_with_parent(parent_pid)
    warm_worker()


#: how often a worker checks that its parent is still alive
PARENT_POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """End this worker when the process that started it ends, even by ``kill -9``.

    On Linux the kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``);
    everywhere, a daemon thread also watches the parent id and exits when it changes.
    """
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watcher below still works
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="extractor-parent-watch", daemon=True).start()


def config_hash() -> str:
    """SHA-256 over the pipeline's config and its rule data: what decides the output."""
    digest = hashlib.sha256()
    package = resources.files("extractor")
    digest.update(package.joinpath("config.cfg").read_bytes())
    data = package.joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


# --------------------------------------------------------------------------- engines

def _ordered(submit: Callable, chunks: Iterable, window: int, wait: Callable = lambda f: f.result()
             ) -> Iterator[list]:
    """Results of ``submit(chunk)`` in chunk order, at most ``window`` submitted and not yet taken."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())


class LocalEngine:
    """This process, one document after another."""

    name = "local"
    workers = 1
    timeout: Optional[float] = None

    def start(self) -> None:
        warm_worker()

    def map(self, chunks: Iterable) -> Iterator[list]:
        for chunk in chunks:
            yield extract_documents(chunk, self.timeout)

    def close(self) -> None:
        pass


class ProcessEngine:
    """``workers`` processes, each building the pipeline once, fed chunks in order."""

    name = "local"
    timeout: Optional[float] = None

    def __init__(self, workers: int):
        self.workers = workers
        self.executor = None

    def start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: fresh interpreters (no forked threads or locks), each building its own pipeline
        self.executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_process_worker, initargs=(os.getpid(),))
        try:
            for future in [self.executor.submit(os.getpid) for _ in range(self.workers)]:
                future.result()
        except Exception as exc:
            self.close()
            raise BatchError(f"the worker processes could not start: {exc}") from None

    def map(self, chunks: Iterable) -> Iterator[list]:
        return _ordered(lambda chunk: self.executor.submit(extract_documents, chunk, self.timeout), chunks,
                        IN_FLIGHT_PER_WORKER * self.workers)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


class DaskEngine:
    """A Dask cluster (dask.distributed): each worker builds the pipeline once; results stream back here."""

    name = "dask"
    timeout: Optional[float] = None  # Dask runs tasks in worker threads, where no timer can stop them

    #: seconds between looks at the cluster while a chunk is awaited
    poll_seconds = 5.0

    def __init__(self, scheduler: str, connect_timeout: float = 20.0, workers_timeout: float = 120.0,
                 notify: Optional[Callable[[str], None]] = None):
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.workers_timeout = workers_timeout  # how long a run waits for a worker when none is left
        self.client = None
        self.workers = 0
        self.notify = notify or _warn

    def start(self) -> None:
        try:
            from dask.distributed import Client
        except ModuleNotFoundError:
            raise BatchError("--engine dask needs dask.distributed: pip install 'iran-econ-extractor[dask]'") from None
        try:
            self.client = Client(self.scheduler, timeout=f"{self.connect_timeout}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=self.workers_timeout)
            reports = self.client.run(warm_worker)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise BatchError(f"the Dask cluster at {self.scheduler} has no worker ready: {exc}") from None
        except Exception as exc:
            self.close()
            raise BatchError(f"the Dask workers cannot run the extractor ({type(exc).__name__}: {exc}); "
                             "install extractor, with the same version, on every worker") from None
        self.worker_reports = reports
        here = _identity()
        different = sorted(address for address, report in reports.items()
                           if (report["version"], report["config_hash"]) != here)
        if different:
            self.close()
            raise BatchError(f"the Dask workers {', '.join(different[:3])} run another extractor version or "
                             "configuration than this machine: their records would differ; install the same "
                             "extractor on every worker")
        self.workers = max(1, sum(self.client.nthreads().values()))

    def map(self, chunks: Iterable) -> Iterator[list]:
        return _ordered(lambda chunk: self.client.submit(extract_documents, chunk, pure=False), chunks,
                        IN_FLIGHT_PER_WORKER * self.workers, self._wait)

    def _live_workers(self) -> int:
        try:
            return len(self.client.nthreads())
        except Exception as exc:  # the scheduler itself is gone
            raise BatchError(f"lost the Dask scheduler at {self.scheduler} ({type(exc).__name__}: {exc}); "
                             "the records written are kept: run again with --resume") from None

    def _wait(self, future) -> list:
        """A chunk's outcomes; says so when the cluster has no worker left, and gives up after
        ``workers_timeout`` seconds without one instead of waiting for ever."""
        alone_since = None
        while True:
            try:
                return future.result(timeout=self.poll_seconds)
            except TimeoutError:
                pass
            except Exception as exc:  # a task lost with its workers (KilledWorker, cancelled, ...)
                raise BatchError(f"the Dask cluster at {self.scheduler} failed a chunk ({type(exc).__name__}: "
                                 f"{exc}); the records written are kept: run again with --resume") from None
            if self._live_workers():
                if alone_since is not None:
                    self.notify(f"the Dask cluster at {self.scheduler} has workers again: going on")
                alone_since = None
                continue
            now = time.monotonic()
            if alone_since is None:
                alone_since = now
                self.notify(f"the Dask cluster at {self.scheduler} has no workers left: waiting up to "
                            f"{self.workers_timeout:g} s for one (start one with 'dask worker {self.scheduler}')")
            elif now - alone_since >= self.workers_timeout:
                raise BatchError(f"the Dask cluster at {self.scheduler} has had no workers for "
                                 f"{self.workers_timeout:g} s: stopped; the records written are kept: start "
                                 "workers and run again with --resume")

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


def _warn(message: str) -> None:
    import sys

    print(f"warning: {message}", file=sys.stderr, flush=True)


#: why --workers is refused with the Dask engine
DASK_WORKERS = ("--workers is for the local engine; a Dask cluster runs one chunk per worker thread: size it "
                "with 'dask worker ADDRESS --nworkers N --nthreads 1' and leave --workers out")


def make_engine(engine: str = "local", workers: int = 1, scheduler: Optional[str] = None):
    if workers < 1:
        raise BatchError("--workers must be at least 1")
    if engine == "dask":
        if workers != 1:
            raise BatchError(DASK_WORKERS)
        if not scheduler:
            raise BatchError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(scheduler)
    if engine != "local":
        raise BatchError(f"unknown engine {engine!r}: use local or dask")
    if scheduler:
        raise BatchError("--scheduler is for --engine dask")
    return LocalEngine() if workers == 1 else ProcessEngine(workers)


# --------------------------------------------------------------------------- paths

def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare it as written
        return Path(os.path.abspath(path))


def check_paths(inputs: list, store, errors_path: Optional[Path]) -> None:
    """Refuse, before any work, outputs that would overwrite or be read as inputs, and an
    errors file that is the store itself."""
    outputs = [(_resolved(Path(p)), "the output") for p in store.output_paths()]
    if errors_path is not None:
        errors_at = _resolved(Path(errors_path))
        for target, _ in outputs:
            if errors_at == target:
                raise BatchError(f"the errors file {errors_path} would overwrite the store {store.display}; "
                                 "give --errors another file")
        outputs.append((errors_at, "the errors file"))
    for item in inputs:
        if str(item) == "-":
            continue
        source = _resolved(Path(item))
        for target, what in outputs:
            if target == source:
                raise BatchError(f"{what} {target} is also an input: it would be overwritten; choose another path")
            if source.is_dir() and source in target.parents:
                raise BatchError(f"{what} {target} is inside the input folder {item}: the next run would read it "
                                 "as input; choose a path outside it")


# --------------------------------------------------------------------------- errors file

class ErrorLog:
    """Failed documents, one JSON line each, in a file created on the first error."""

    def __init__(self, path: Optional[Path], progress: Progress, echo: bool = True):
        self.path = path
        self.progress = progress
        self.echo = echo
        self.count = 0
        self._handle = None
        self.sink: Optional[Callable] = None  # also told of each error (a SQL store's errors table)

    def prepare(self) -> None:
        """Before any work: the file can be written; the previous run's file is gone.

        Only a regular file is ever removed: ``--errors /dev/null`` or a pipe is written to as it is.
        """
        if self.path is None:
            return
        from .errors import StoreError
        from .stores.base import ensure_folder

        path = self.path
        if path.is_dir():
            raise StoreError(f"the errors file {path} is a folder")
        if path.exists() or path.is_symlink():
            if not os.access(path, os.W_OK):
                raise StoreError(f"cannot write the errors file {path}: permission denied")
            if path.is_file() and not path.is_symlink():
                try:
                    path.unlink()
                except OSError as exc:
                    raise StoreError(f"cannot replace the errors file {path}: {exc.strerror}") from None
        else:
            ensure_folder(path.parent if str(path.parent) else Path("."), f"the errors file {path}")

    def add(self, doc_id: Optional[str], source: Optional[str], line: Optional[int], message: str) -> None:
        self.count += 1
        self.progress.update(errors=1)
        if self.echo:
            where = source or "<input>"
            if line is not None:
                where += f":{line}"
            label = f" [{doc_id}]" if doc_id else ""
            self.progress.write(f"error: {where}{label}: {message}")
        entry = {"doc_id": doc_id, "source": source, "line": line, "message": message}
        if self.sink is not None:
            self.sink(self.count, entry)
        if self.path is None:
            return
        try:
            if self._handle is None:
                self._handle = open(self.path, "a", encoding="utf-8")
            self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._handle.flush()
        except OSError as exc:
            from .errors import StoreError

            self._handle = None  # nothing more can go there; closing it would fail the same way
            raise StoreError(f"cannot write the errors file {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            try:
                handle.close()
            except OSError:
                pass  # already reported by add(), or nothing was left unwritten


# --------------------------------------------------------------------------- the run

@dataclass
class BatchOptions:
    resume: bool = False
    engine: str = "local"
    workers: int = 1
    scheduler: Optional[str] = None
    batch_size: int = DEFAULT_BATCH_SIZE
    default_published: Optional[date] = None
    errors_path: Optional[Path] = None  # None: the store's default
    timeout: Optional[float] = DEFAULT_TIMEOUT  # seconds per document; None or 0: no limit
    progress: bool = True  # a bar when standard error is a terminal
    quiet: bool = False  # no bar, no per-document messages, no summary
    max_chars: Optional[int] = DEFAULT_MAX_CHARS  # longer documents are refused; None or 0: no limit
    store_text: bool = False  # the text goes to the store's documents table too
    reading: Optional[dict] = None  # text_key, stdin_format, stdin_id, id_from of iter_documents


@dataclass
class Summary:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    store: str = ""
    errors_path: Optional[Path] = None
    run_id: str = ""
    status: str = "running"
    failing_in_a_row: int = 0  # documents the store refused one after another

    def line(self) -> str:
        rate = self.written / self.seconds if self.seconds > 0 else 0.0
        text = f"{self.written} written"
        if self.skipped:
            text += f", {self.skipped} skipped (already in the store)"
        text += f", {self.failed} failed"
        if self.failed and self.errors_path is not None:
            text += f" (see {self.errors_path})"
        return f"{text} in {self.seconds:.1f} s ({rate:.1f} documents/s) -> {self.store}"


def _doc_id_problem(doc_id: str) -> Optional[str]:
    try:
        doc_id.encode("utf-8")
    except UnicodeEncodeError:
        return f"doc_id {doc_id!r} is not valid Unicode text (a lone surrogate)"
    return None


def _chunks(items: Iterable, size: int, store, resume: bool, errors: ErrorLog, progress: Progress,
            summary: Summary) -> Iterator[list]:
    """Chunks of documents to extract: unreadable, unstorable and (with resume) stored ones left out.

    A doc_id repeated in the inputs is refused by :func:`iter_documents` itself.
    """

    def pending(chunk: list) -> list:
        if not resume:
            return chunk
        stored = store.stored_ids([d.doc_id for d in chunk])
        if stored:
            summary.skipped += len(stored)
            progress.update(done=len(stored))
        return [d for d in chunk if d.doc_id not in stored]

    chunk: list = []
    for item in items:
        if isinstance(item, InputError):
            errors.add(item.doc_id, item.path, item.line, item.message)
            progress.update(done=1)
            continue
        problem = _doc_id_problem(item.doc_id) or store.check_doc_id(item.doc_id)
        if problem:
            errors.add(item.doc_id, item.source, item.line, problem)
            progress.update(done=1)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            todo = pending(chunk)
            chunk = []
            if todo:
                yield todo
    if chunk:
        todo = pending(chunk)
        if todo:
            yield todo


#: set by SIGTERM while a run goes on; the run stops at its next batch
_TERMINATED = threading.Event()


@contextmanager
def sigterm_as_interrupt():
    """While a run goes on, SIGTERM stops it as Ctrl-C does: buffers committed, the run marked
    ``interrupted``, workers shut down (only the main thread can take signals).

    The handler only records the signal. The run raises ``KeyboardInterrupt`` itself, between
    batches (``_stop_if_terminated``). Raised from the handler, it could land inside a library
    that takes it for the failure of one document or one write: a database driver, the
    pipeline. The run would then go on and finish "with failures", rather than stop."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        _TERMINATED.set()

    _TERMINATED.clear()
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        _TERMINATED.clear()


def _stop_if_terminated() -> None:
    if _TERMINATED.is_set():
        raise KeyboardInterrupt("terminated")


def run_batch(inputs: list, store_url, options: BatchOptions, stdin=None, engine=None) -> Summary:
    """Extract every document of ``inputs`` into the store; raise on problems that stop the whole batch.

    ``store_url`` is a URL for :func:`extractor.stores.store_for` (or a :class:`Store`
    not yet opened); ``engine`` replaces the one the options describe.  SIGTERM stops the
    run as Ctrl-C does.
    """
    with sigterm_as_interrupt():
        return _run_batch(inputs, store_url, options, stdin, engine)


def _run_batch(inputs: list, store_url, options: BatchOptions, stdin=None, engine=None) -> Summary:
    from . import __version__
    from .errors import StoreError
    from .stores import Store, store_for

    if options.batch_size < 1:
        raise BatchError("--batch-size must be at least 1")
    engine = engine or make_engine(options.engine, options.workers, options.scheduler)
    if engine.name != "dask":
        engine.timeout = options.timeout or None
    store = store_url if isinstance(store_url, Store) else store_for(store_url)
    summary = Summary(store=store.display)
    summary.errors_path = options.errors_path or store.default_errors_path()
    check_paths(inputs, store, summary.errors_path)  # before anything is opened, truncated or removed
    missing = missing_inputs(inputs)  # a usage error: before the store is opened or the pipeline loaded
    if missing:
        raise BatchError("; ".join(missing))
    progress = Progress(enabled=False)  # the real bar once the work starts
    errors = None
    started = time.monotonic()
    try:
        store.open(resume=options.resume)  # unreachable or unwritable: stop before any work
        errors = ErrorLog(summary.errors_path, progress, echo=not options.quiet)
        errors.prepare()
        engine.start()
        progress = errors.progress = Progress(enabled=options.progress and not options.quiet, inputs=inputs)
        info = _run_info(__version__, engine, store)
        summary.run_id = info.run_id
        store.begin_run(info)
        error_entry = _error_entry()
        errors.sink = lambda seq, entry: store.write_error(error_entry(run_id=info.run_id, seq=seq, **entry))
        try:
            documents = iter_documents(inputs, options.default_published, stdin=stdin,
                                       max_chars=options.max_chars or None, **(options.reading or {}))
            chunks = _chunks(documents, options.batch_size, store, options.resume, errors, progress, summary)
            sources: dict = {}  # doc_id -> url, title, text of the documents in flight
            for outcomes in engine.map(_remember_sources(chunks, sources, options.store_text)):
                records = []
                for outcome in outcomes:
                    source = sources.pop(outcome.doc_id, None)
                    if outcome.record is not None:
                        outcome.record._source = source
                        records.append(outcome.record)
                    else:
                        errors.add(outcome.doc_id, outcome.source, outcome.line, outcome.error or "failed")
                summary.written += _write(store, records, outcomes, errors, summary)
                progress.update(done=len(outcomes))
                _stop_if_terminated()  # after a whole batch is written
            _stop_if_terminated()  # a signal during start-up, with nothing to extract
            summary.status = "finished"
        except KeyboardInterrupt:
            summary.status = "interrupted"
            raise
        except BaseException as exc:
            summary.status = "failed"
            if isinstance(exc, ExtractorError):
                exc.summary = summary  # the command says what was kept
            raise
        finally:
            summary.failed = errors.count
            summary.seconds = time.monotonic() - started
            _finish(store, info, summary)
    finally:
        progress.close()
        if errors is not None:
            errors.close()
        engine.close()
        store.close()
    return summary


def _remember_sources(chunks: Iterable, sources: dict, store_text: bool) -> Iterator[list]:
    """Pass the chunks on, keeping each document's url, title (and text) for its record."""
    for chunk in chunks:
        for document in chunk:
            sources[document.doc_id] = {"url": document.url, "title": document.title,
                                        "text": document.text if store_text else None}
        yield chunk


#: this many documents in a row that cannot be stored one by one mean the store itself fails
STORE_FAILURE_RUN = 8


def _write(store, records: list, outcomes: list, errors: ErrorLog, summary: Summary) -> int:
    """Store a batch; if the store refuses it, store its records one by one, so a document the
    store cannot take (an id or a value too large for it) goes to the errors file and the rest
    are kept.  Returns how many were stored; raises when the store itself has failed."""
    from .errors import StoreError, StoreLockedError, StoreUnavailableError

    try:
        store.write(records)
        summary.failing_in_a_row = 0
        return len(records)
    except (StoreLockedError, StoreUnavailableError) as exc:
        raise StoreError(f"{exc} (the {summary.written} records written before are kept; "
                         "run again with --resume to finish)") from None
    except StoreError as exc:
        first_error = exc
    where = {o.doc_id: o for o in outcomes}
    stored = 0
    for record in records:
        try:
            store.write([record])
        except StoreError as exc:
            summary.failing_in_a_row += 1
            if summary.failing_in_a_row >= STORE_FAILURE_RUN:
                raise StoreError(f"{first_error} (the {summary.written + stored} records written before are kept; "
                                 "run again with --resume to finish)") from None
            outcome = where.get(record.doc_id)
            errors.add(record.doc_id, getattr(outcome, "source", None), getattr(outcome, "line", None),
                       f"cannot be stored: {exc}")
            continue
        summary.failing_in_a_row = 0
        stored += 1
    return stored


def _error_entry():
    from .stores.schema import ErrorEntry

    return ErrorEntry


def _run_info(version: str, engine, store):
    from .stores.schema import RunInfo

    return RunInfo(run_id=uuid.uuid4().hex, extractor_version=version, config_hash=config_hash(),
                   started_at=datetime.now(timezone.utc), engine=engine.name, workers=engine.workers,
                   store=store.display)


def _finish(store, info, summary: Summary) -> None:
    info.finished_at = datetime.now(timezone.utc)
    info.status = summary.status
    info.documents_written = summary.written
    info.documents_skipped = summary.skipped
    info.documents_failed = summary.failed
    try:
        store.finish_run(info)
    except ExtractorError:
        if summary.status == "finished":
            raise


def extract_to_store(inputs: list, store_url: Optional[str], **options) -> Summary:
    """The Python face of ``extractor extract``: ``extract_to_store(["corpus"], "sqlite:///x.db", workers=2)``."""
    return run_batch(inputs, store_url, BatchOptions(**options))


__all__ = ["BatchError", "BatchOptions", "Document", "Outcome", "Summary", "extract_documents",
           "extract_to_store", "make_engine", "run_batch"]
