"""Input documents and the readers for the formats of RECORDS.md section 1.

A document is ``doc_id`` + ``text`` (+ optional ``published``, ``url``,
``title``).  Readers yield :class:`Document` objects, or :class:`InputError`
objects for inputs that cannot be read, so that one broken article never
stops a batch: the caller decides what to do with the error.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .errors import InputError

BOM = "\ufeff"


@dataclass
class Document:
    doc_id: str
    text: str
    published: Optional[date] = None
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None  # file the document came from
    line: Optional[int] = None  # line of a JSONL file
    warnings: list = field(default_factory=list)


def parse_published(value, path=None, line=None) -> Optional[date]:
    """A ``YYYY-MM-DD`` publication date, or a clear :class:`InputError`."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"'published' must be a YYYY-MM-DD string, got {type(value).__name__}", path, line)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"'published' is not a YYYY-MM-DD date: {value!r}", path, line) from None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def read_text_file(path: Path, default_published: Optional[date] = None) -> Document:
    """A ``.txt`` article with its optional ``<stem>.meta.json`` sidecar."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason} at byte {exc.start})", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", str(path)) from None
    text = _strip_bom(text)
    doc = Document(doc_id=path.stem, text=text, published=default_published, source=str(path))
    meta_path = path.with_name(path.stem + ".meta.json")
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"sidecar is not valid JSON: {exc}", str(meta_path), doc_id=doc.doc_id) from None
        if not isinstance(meta, dict):
            raise InputError("sidecar must hold a JSON object", str(meta_path), doc_id=doc.doc_id)
        if meta.get("published") is not None:
            doc.published = parse_published(meta["published"], str(meta_path))
        doc.url = meta.get("url") if isinstance(meta.get("url"), str) else None
        doc.title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return doc


def document_from_json(obj, path: str, line: int, default_published: Optional[date] = None) -> Document:
    """One JSONL document object, validated."""
    if not isinstance(obj, dict):
        raise InputError("a JSONL line must hold a JSON object", path, line)
    doc_id = obj.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise InputError("missing or non-string 'doc_id'", path, line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("missing or non-string 'text'", path, line, doc_id=doc_id)
    published = parse_published(obj.get("published"), path, line) if obj.get("published") is not None else default_published
    return Document(doc_id=doc_id, text=_strip_bom(text), published=published,
                    url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                    title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                    source=path, line=line)


def read_jsonl(lines: Iterable[str], path: str, default_published: Optional[date] = None
               ) -> Iterator[Union[Document, InputError]]:
    """Documents of a JSONL stream; a broken line yields an error and the rest go on."""
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = _strip_bom(raw)
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            yield InputError(f"invalid JSON: {exc}", path, number)
            continue
        try:
            yield document_from_json(obj, path, number, default_published)
        except InputError as err:
            yield err


def _jsonl_file(path: Path, default_published) -> Iterator[Union[Document, InputError]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from read_jsonl(_lines(handle), str(path), default_published)
    except UnicodeDecodeError as exc:
        yield InputError(f"not valid UTF-8 ({exc.reason})", str(path))
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror}", str(path))


def _lines(handle):
    # Split on "\n" only: JSON strings may hold U+2028 and other line breaks.
    buffer = ""
    while True:
        chunk = handle.read(1 << 16)
        if not chunk:
            break
        buffer += chunk
        *complete, buffer = buffer.split("\n")
        yield from complete
    if buffer:
        yield buffer


def iter_paths(inputs: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """The files behind the inputs: folders walked recursively, in a stable order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (child.suffix == ".txt" or child.suffix == ".jsonl"):
                    yield child
        else:
            yield path


def iter_documents(inputs: Iterable[Union[str, Path]], default_published: Optional[date] = None,
                   stdin=None) -> Iterator[Union[Document, InputError]]:
    """Every document of the inputs (folders, .txt, .jsonl, ``-``), streaming."""
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from read_jsonl(stream, "<stdin>", default_published)
            continue
        for path in iter_paths([item]):
            if not path.exists():
                yield InputError("no such file or folder", str(path))
            elif path.suffix == ".jsonl":
                yield from _jsonl_file(path, default_published)
            elif path.suffix == ".txt":
                try:
                    yield read_text_file(path, default_published)
                except InputError as err:
                    yield err
            else:
                yield InputError("unsupported input (expected a folder, .txt, .jsonl or -)", str(path))
