"""The exceptions of the extractor, each naming where the problem is."""

from __future__ import annotations

from typing import Optional


class ExtractorError(Exception):
    """Base class of every error the extractor raises on purpose."""


class InputError(ExtractorError):
    """A document that cannot be read: names the file and, for JSONL, the line."""

    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None,
                 doc_id: Optional[str] = None):
        self.message = message
        self.path = path
        self.line = line
        self.doc_id = doc_id
        super().__init__(str(self))

    def where(self) -> str:
        if self.path is None:
            return "<input>"
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


class GoldError(ExtractorError):
    """A gold file that disagrees with its document or the contract."""


class StoreError(ExtractorError):
    """A store that cannot be opened, reached or written."""


class StoreUnavailableError(StoreError):
    """The store's medium failed (a full disk, a lost connection): no document can be stored
    now, so the run stops (what was written is kept) instead of failing document after document."""


class StoreLockedError(StoreError):
    """Another run holds the store: a second writer is refused before any work."""
