"""A progress bar on standard error for long runs, silent when nobody watches.

Shows documents done, documents per second, time left and errors so far.
The total is counted by a background thread that walks the inputs
(files in folders, lines of ``.jsonl``) while the work already runs, so the
bar starts at once and gains its time-left estimate when the count is in;
standard input has no total.  Off when standard error is not a terminal or
with ``--quiet``; messages then go to standard error as plain lines.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Iterable, Optional


def count_documents(inputs: Iterable) -> Optional[int]:
    """How many documents the inputs hold (``None`` when one is standard input)."""
    from .documents import iter_paths

    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        for path in iter_paths([item]):
            if path.suffix.lower() == ".jsonl":
                try:
                    total += _count_lines(path)
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Lines of a file, counted in C over blocks of bytes (blank lines count too: an estimate)."""
    count = 0
    last = b"\n"
    with open(path, "rb") as handle:
        while True:
            block = handle.read(1 << 20)
            if not block:
                break
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


class Progress:
    """``update(done, errors)`` as the work goes; ``write(message)`` for lines that must not break the bar."""

    def __init__(self, enabled: bool, inputs: Optional[list] = None, stream=None, initial_total: Optional[int] = None):
        self.stream = stream or sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)
        self.bar = None
        self.errors = 0
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=initial_total, unit="doc", file=self.stream, dynamic_ncols=True,
                            smoothing=0.05, mininterval=0.5, desc="extract")
            self.bar.set_postfix_str("errors=0", refresh=False)
            if inputs is not None and initial_total is None:
                threading.Thread(target=self._count, args=(list(inputs),), daemon=True,
                                 name="extractor-count").start()

    def _count(self, inputs: list) -> None:
        try:
            total = count_documents(inputs)
        except Exception:  # the count only serves the estimate; never fail the run for it
            return
        bar = self.bar
        if total is not None and bar is not None:
            bar.total = max(total, bar.n)
            bar.refresh()

    def update(self, done: int = 0, errors: int = 0) -> None:
        self.errors += errors
        if self.bar is None:
            return
        if errors:
            self.bar.set_postfix_str(f"errors={self.errors}", refresh=False)
        self.bar.update(done)

    def write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
