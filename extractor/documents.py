"""Input documents and the readers for the formats of RECORDS.md section 1.

A document is ``doc_id`` + ``text`` (+ optional ``published``, ``url``,
``title``).  Readers yield :class:`Document` objects, or :class:`InputError`
objects for inputs that cannot be read, so that one broken article never
stops a batch: the caller decides what to do with the error.

What the readers accept, and what they refuse (each refusal names the file
and, for JSONL, the line):

* Encodings: UTF-8 with or without a byte-order mark; UTF-16 and UTF-32 with
  a byte-order mark.  Bytes that are not valid UTF-8 are decoded one by one
  as Windows-1252 (Latin-1 for the five bytes Windows-1252 leaves undefined),
  the rest of the text stays UTF-8, and the document carries a warning.
* Binary content (a NUL character, or control characters: at least 8, over 1 %) is
  refused, and so is a document longer than ``max_chars`` characters.
* JSONL: a line that is not JSON, not an object, without a string
  ``doc_id`` or ``text``, or with a ``published`` that is not ``YYYY-MM-DD``
  is refused; ``url`` and ``title`` of the wrong type are dropped with a
  warning.  A ``doc_id`` seen before in the same inputs is refused.
* Reading options (``iter_documents``): ``text_key`` names the key of the
  text in JSONL lines (``"text"`` by default); ``stdin_format="text"`` reads
  standard input as one plain-text document (``stdin_id``, default
  ``"stdin"``); ``id_from="path"`` names a ``.txt`` file inside a folder by
  its path relative to that folder, without ``.txt`` (``2019/10/a``), so that
  files of the same stem in different subfolders do not collide.
* Lone surrogates (``"\\ud800"`` in JSON) are replaced by U+FFFD with a
  warning, so that every text can be written as UTF-8.  A file name that is
  not valid UTF-8 gives its ``doc_id`` by the same fallback, and paths in
  messages show such bytes as ``\\xNN``.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .errors import InputError
from .limits import (
    DEFAULT_MAX_CHARS,
    MAX_SIDECAR_BYTES,
    binary_reason,
    check_published_range,
    replace_lone_surrogates,
    too_long_reason,
)

BOM = "\ufeff"

#: byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: what a byte that is not valid UTF-8 becomes: its Windows-1252 character,
#: or its Latin-1 character where Windows-1252 defines none
_FALLBACK = "Windows-1252"
_ESCAPED = {}
for _byte in range(0x80, 0x100):
    try:
        _ESCAPED[0xDC00 + _byte] = bytes([_byte]).decode("cp1252")
    except UnicodeDecodeError:
        _ESCAPED[0xDC00 + _byte] = chr(_byte)
del _byte
_ESCAPED_RE = re.compile("[\udc80-\udcff]")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


# --------------------------------------------------------------------------- values

def parse_date_option(value: str, option: str = "--published") -> Optional[date]:
    """A date given on the command line: ``YYYY-MM-DD``, or a written date with day, month
    and year ("8 October 2019", "Oct. 8, 2019"), read by dateparser in strict mode (no guess
    of a missing part, no relative dates). Files keep the contract's ``YYYY-MM-DD`` only."""
    if value is None or not value.strip():
        return None
    try:
        return parse_published(value, option)
    except InputError:
        pass
    import dateparser  # only for the rare written date: importing it takes a while

    parsed = dateparser.parse(value.strip(), languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                                        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None or not re.search(r"\d{4}", value):
        raise InputError(f"not a date with day, month and year (YYYY-MM-DD, or e.g. '8 October 2019'): "
                         f"{_shorten(value)}", option)
    return parse_published(parsed.date(), option)


def parse_published(value, path=None, line=None) -> Optional[date]:
    """A ``YYYY-MM-DD`` publication date, or a clear :class:`InputError`.

    Only that form is accepted (not ``20191008`` or week dates, which
    ``date.fromisoformat`` would take), within
    :data:`~extractor.limits.EARLIEST_PUBLISHED` ..
    :data:`~extractor.limits.LATEST_PUBLISHED`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        day = value
    elif not isinstance(value, str):
        raise InputError(f"'published' must be a YYYY-MM-DD string, not {_json_type(value)}", path, line)
    else:
        text = value.strip()
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError
            day = date.fromisoformat(text)
        except ValueError:
            raise InputError(f"'published' is not a YYYY-MM-DD date: {_shorten(value)}", path, line) from None
    problem = check_published_range(day)
    if problem:
        raise InputError(problem, path, line)
    return day


def display_path(path) -> str:
    """A path as text that can always be printed and written as UTF-8: the bytes of a
    file name that is not valid UTF-8 are shown as ``\\xNN`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _name_as_text(name: str) -> tuple[str, list[str]]:
    """A file name stem as text: not valid UTF-8, it is decoded like a file's bytes."""
    raw = os.fsencode(name)
    text, warnings = decode_utf8(raw)
    return text, [w.replace("not valid UTF-8", "file name not valid UTF-8", 1) for w in warnings]


def _shorten(value, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """The text of a file's bytes and the warnings about its decoding.

    A byte-order mark decides UTF-8, UTF-16 or UTF-32 (and is dropped);
    without one the bytes are UTF-8 (see :func:`decode_utf8`).  Raises
    :class:`UnicodeDecodeError` for UTF-16 or UTF-32 that is not valid.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding), []
    return decode_utf8(data)


def decode_utf8(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 bytes as text; bytes that are not valid UTF-8 are decoded one by one
    as Windows-1252 (Latin-1 where it defines none), with a warning."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_RE.findall(text))
    return text.translate(_ESCAPED), [
        f"not valid UTF-8: {bad} byte(s), the first at byte {first}, decoded as {_FALLBACK}"]


def _check_text(text: str, warnings: list, max_chars: Optional[int], path, line=None, doc_id=None) -> str:
    """``text`` made fit to extract, or an :class:`InputError` saying why it cannot be."""
    problem = too_long_reason(len(text), max_chars) or binary_reason(text)
    if problem:
        raise InputError(problem, path, line, doc_id=doc_id)
    text, replaced = replace_lone_surrogates(text)
    warnings.extend(replaced)
    if not text.strip():
        warnings.append("empty document" if not text else "document holds only whitespace")
    return text


def _check_doc_id(doc_id, path, line) -> str:
    if not isinstance(doc_id, str):
        got = "missing" if doc_id is None else f"{_json_type(doc_id)}, not a string"
        raise InputError(f"'doc_id' is {got}", path, line)
    if not doc_id.strip():
        raise InputError("'doc_id' is empty", path, line)
    if "\x00" in doc_id:
        raise InputError(f"'doc_id' holds a NUL character: {_shorten(doc_id)}", path, line)
    if re.search(r"[\ud800-\udfff]", doc_id):
        raise InputError(f"'doc_id' is not valid Unicode (lone surrogate): {_shorten(doc_id)}", path, line)
    return doc_id


def _optional_string(obj: dict, key: str, warnings: list) -> Optional[str]:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        warnings.append(f"'{key}' is {_json_type(value)}, not a string: ignored")
        return None
    if "\x00" in value:
        warnings.append(f"'{key}' holds a NUL character: ignored")
        return None
    return replace_lone_surrogates(value)[0]


# --------------------------------------------------------------------------- .txt

def read_text_file(path: Path, default_published: Optional[date] = None,
                   max_chars: Optional[int] = DEFAULT_MAX_CHARS, name: Optional[str] = None) -> Document:
    """A ``.txt`` article with its optional ``<stem>.meta.json`` sidecar; ``name`` (default:
    the file's stem) becomes its ``doc_id``."""
    path = Path(path)
    where = display_path(path)
    if not path.is_file():
        raise InputError("not a regular file", where)
    # UTF-8 takes at most 4 bytes a character (UTF-16 and UTF-32 at most 4 too)
    limit = None if max_chars is None else 4 * max_chars + 4
    data = _read_bytes(path, limit, f"a document of --max-chars {max_chars:,} characters" if limit else "")
    try:
        text, warnings = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {exc.encoding.upper()} ({exc.reason} at byte {exc.start})", where) from None
    doc_id, name_warnings = _name_as_text(path.stem if name is None else name)
    doc_id = _check_doc_id(doc_id, where, None)
    warnings = name_warnings + warnings
    text = _check_text(text, warnings, max_chars, where, doc_id=doc_id)
    doc = Document(doc_id=doc_id, text=text, published=default_published, source=where, warnings=warnings)
    meta_path = path.with_name(path.stem + ".meta.json")
    if meta_path.exists():
        _apply_sidecar(doc, meta_path)
    return doc


def _read_bytes(path: Path, limit: Optional[int], too_big: str) -> bytes:
    """The bytes of a file, refusing more than ``limit`` without reading them all."""
    try:
        with path.open("rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", display_path(path)) from None
    if limit is not None and len(data) > limit:
        raise InputError(f"file too large: more than {limit:,} bytes, the most {too_big} can take",
                         display_path(path))
    return data


def _apply_sidecar(doc: Document, meta_path: Path) -> None:
    where = display_path(meta_path)
    if not meta_path.is_file():
        raise InputError("sidecar is not a regular file", where, doc_id=doc.doc_id)
    data = _read_bytes(meta_path, MAX_SIDECAR_BYTES, "a sidecar")
    try:
        raw, warnings = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"sidecar is not valid {exc.encoding.upper()}", where, doc_id=doc.doc_id) from None
    meta = _loads(raw, where, None, doc.doc_id, "sidecar is not valid JSON")
    if not isinstance(meta, dict):
        raise InputError(f"sidecar must hold a JSON object, not {_json_type(meta)}", where, doc_id=doc.doc_id)
    doc.warnings.extend(f"{meta_path.name}: {w}" for w in warnings)
    try:
        doc.published = parse_published(meta.get("published"), where) or doc.published
    except InputError as err:
        err.doc_id = doc.doc_id
        raise
    doc.url = _optional_string(meta, "url", doc.warnings)
    doc.title = _optional_string(meta, "title", doc.warnings)


def _loads(raw: str, path, line, doc_id, what: str):
    """``json.loads`` with every failure (also nesting too deep) as an :class:`InputError`."""
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise InputError(f"{what}: {exc}", path, line, doc_id=doc_id) from None
    except RecursionError:
        raise InputError(f"{what}: nested too deeply", path, line, doc_id=doc_id) from None


def _json_type(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
            bool: "a boolean", type(None): "null"}.get(type(value), f"a {type(value).__name__}")


# --------------------------------------------------------------------------- JSONL

def document_from_json(obj, path: str, line: int, default_published: Optional[date] = None,
                       max_chars: Optional[int] = DEFAULT_MAX_CHARS, warnings: Optional[list] = None,
                       text_key: str = "text") -> Document:
    """One JSONL document object, validated; its text is under ``text_key``."""
    if not isinstance(obj, dict):
        raise InputError(f"a JSONL line must hold a JSON object, not {_json_type(obj)}", path, line)
    doc_id = _check_doc_id(obj.get("doc_id"), path, line)
    warnings = list(warnings or [])
    text = obj.get(text_key)
    if not isinstance(text, str):
        got = "missing" if text is None else f"{_json_type(text)}, not a string"
        hint = ""
        if text is None and text_key == "text":
            strings = [k for k, v in obj.items() if isinstance(v, str) and k not in ("doc_id", "published", "url",
                                                                                     "title")]
            if strings:
                hint = f" (is the text under {strings[0]!r}? --text-key {strings[0]})"
        raise InputError(f"{text_key!r} is {got}{hint}", path, line, doc_id=doc_id)
    text = _check_text(_strip_bom(text), warnings, max_chars, path, line, doc_id)
    try:
        published = parse_published(obj.get("published"), path, line) or default_published
    except InputError as err:
        err.doc_id = doc_id
        raise
    return Document(doc_id=doc_id, text=text, published=published,
                    url=_optional_string(obj, "url", warnings), title=_optional_string(obj, "title", warnings),
                    source=path, line=line, warnings=warnings)


class _LongLine:
    """A line longer than the reader's limit, skipped unread."""

    def __init__(self, size: int):
        self.size = size


def read_jsonl(lines: Iterable[Union[str, bytes, _LongLine]], path: str,
               default_published: Optional[date] = None, max_chars: Optional[int] = DEFAULT_MAX_CHARS,
               text_key: str = "text") -> Iterator[Union[Document, InputError]]:
    """Documents of a JSONL stream; a broken line yields an error and the rest go on.

    Lines may be ``str`` or ``bytes`` (decoded as UTF-8, with the
    Windows-1252 fallback and a warning for bytes that are not).
    """
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, _LongLine):
            yield InputError(f"line of {raw.size:,}+ bytes, more than a document of --max-chars "
                             f"{max_chars:,} can take: skipped", path, number)
            continue
        warnings: list = []
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            raw, warnings = decode_utf8(raw)
        elif number == 1:
            raw = _strip_bom(raw)
        if not raw.strip():
            continue
        try:
            what = "invalid JSON"
            if path == "<stdin>" and raw.lstrip()[:1] not in ("{", "["):
                what += " (plain text on standard input? add --stdin-format text)"
            obj = _loads(raw, path, number, None, what)
            yield document_from_json(obj, path, number, default_published, max_chars, warnings, text_key)
        except InputError as err:
            yield err


def _line_limit(max_chars: Optional[int]) -> Optional[int]:
    # a JSON string may spell a character as a 12-byte surrogate pair escape
    return None if max_chars is None else 12 * max_chars + (1 << 16)


def _split_lines(chunks: Iterable, newline, limit: Optional[int]) -> Iterator:
    """Lines of a stream of ``str`` or ``bytes`` chunks, split on ``newline`` only
    (JSON strings may hold U+2028 and other line breaks); a line longer than
    ``limit`` is dropped as it streams by and given as a :class:`_LongLine`."""
    empty = newline[:0]
    pieces: list = []  # the line so far
    size = 0
    skipping = False
    for chunk in chunks:
        parts = chunk.split(newline)
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            size += len(part)
            if not skipping:
                pieces.append(part)
                if limit is not None and size > limit:
                    skipping, pieces = True, []
            if not last:
                yield _LongLine(size) if skipping else empty.join(pieces)
                pieces, size, skipping = [], 0, False
    if skipping:
        yield _LongLine(size)
    elif size:
        yield empty.join(pieces)


def _chunks(handle, size: int = 1 << 16) -> Iterator:
    while True:
        chunk = handle.read(size)
        if not chunk:
            return
        yield chunk


def _binary_lines(handle, limit: Optional[int]) -> Iterator:
    """Lines of a binary JSONL stream: bytes for UTF-8, text after a UTF-16/32 byte-order mark."""
    head = handle.read(4)
    for bom, encoding in _BOMS:
        if head.startswith(bom) and encoding != "utf-8":
            decoder = codecs.getincrementaldecoder(encoding)()
            rest = head[len(bom):]

            def text_chunks():
                yield decoder.decode(rest)
                for chunk in _chunks(handle):
                    yield decoder.decode(chunk)
                yield decoder.decode(b"", final=True)

            return _split_lines(text_chunks(), "\n", limit)

    def byte_chunks():
        yield head
        yield from _chunks(handle)

    return _split_lines(byte_chunks(), b"\n", limit)


def _jsonl_file(path: Path, default_published, max_chars, text_key: str = "text"
                ) -> Iterator[Union[Document, InputError]]:
    if not path.is_file():
        yield InputError("not a regular file", display_path(path))
        return
    try:
        with path.open("rb") as handle:
            yield from read_jsonl(_binary_lines(handle, _line_limit(max_chars)), display_path(path),
                                  default_published, max_chars, text_key)
    except UnicodeDecodeError as exc:
        yield InputError(f"not valid {exc.encoding.upper()} ({exc.reason}): the rest of the file is skipped",
                         display_path(path))
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", display_path(path))


def _stdin_lines(stream, limit: Optional[int]) -> Iterator:
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        return _binary_lines(binary, limit)
    if hasattr(stream, "read"):
        sample = stream.read(0)
        if isinstance(sample, bytes):
            return _binary_lines(stream, limit)
        return _split_lines(_chunks(stream), "\n", limit)
    return iter(stream)  # a list of lines, as in tests


def _stdin_text(stream, doc_id: str, default_published, max_chars) -> Union[Document, InputError]:
    """All of standard input as one plain-text document."""
    limit = None if max_chars is None else 4 * max_chars + 4
    binary = getattr(stream, "buffer", None)
    source = binary if binary is not None else stream
    try:
        data = source.read() if limit is None else source.read(limit + 1)
    except OSError as exc:
        return InputError(f"cannot read: {exc.strerror or exc}", "<stdin>", doc_id=doc_id)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if limit is not None and len(data) > limit:
        return InputError(f"more than {limit:,} bytes, the most a document of --max-chars {max_chars:,} "
                          "characters can take", "<stdin>", doc_id=doc_id)
    try:
        text, warnings = decode_bytes(data)
        doc_id = _check_doc_id(doc_id, "<stdin>", None)
        text = _check_text(text, warnings, max_chars, "<stdin>", doc_id=doc_id)
    except UnicodeDecodeError as exc:
        return InputError(f"not valid {exc.encoding.upper()} ({exc.reason})", "<stdin>", doc_id=doc_id)
    except InputError as err:
        return err
    return Document(doc_id=doc_id, text=text, published=default_published, source="<stdin>", warnings=warnings)


# --------------------------------------------------------------------------- inputs

def missing_inputs(inputs: Iterable[Union[str, Path]]) -> list:
    """Messages for inputs that are not there (``-`` is standard input): a usage error, which a
    command reports before it loads the pipeline or opens an output."""
    problems = []
    for item in inputs:
        if str(item) == "-":
            continue
        if not os.path.lexists(item):
            problems.append(f"{display_path(item)}: no such file or folder")
        elif not os.path.exists(item):
            problems.append(f"{display_path(item)}: a broken symbolic link")
    return problems


#: the extensions of input files inside a folder, in any case (".TXT" too)
INPUT_SUFFIXES = (".txt", ".jsonl")


def input_kind(path: Path) -> Optional[str]:
    """``".txt"`` or ``".jsonl"`` for an input file name, in any letter case; else ``None``."""
    suffix = path.suffix.lower()
    return suffix if suffix in INPUT_SUFFIXES else None


def iter_paths(inputs: Iterable[Union[str, Path]], problems: bool = False) -> Iterator:
    """The files behind the inputs: folders walked recursively, in a stable order.

    With ``problems``, every entry of a folder that cannot be read as an input is
    reported as an :class:`InputError` instead of being passed over in silence: a
    FIFO, socket or device, a broken symbolic link, a link back into a folder
    already being walked (a loop), a folder that cannot be listed.  Other files
    (sidecars, notes) are not inputs and are skipped.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path, problems, {_identity(path)})
        else:
            yield path


def _identity(path: Path) -> tuple:
    info = path.stat()
    return info.st_dev, info.st_ino


def _walk(folder: Path, problems: bool, ancestors: set) -> Iterator:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        if problems:
            yield InputError(f"cannot list this folder: {exc.strerror or exc}", display_path(folder))
        return
    for child in children:
        try:
            info = child.stat()  # follows links
        except OSError as exc:
            if problems:
                if child.is_symlink():
                    yield InputError("broken symbolic link (its target does not exist)", display_path(child))
                else:
                    yield InputError(f"cannot read this entry: {exc.strerror or exc}", display_path(child))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                if problems:
                    yield InputError("symbolic link loop (it leads back into a folder being read); skipped",
                                     display_path(child))
                continue
            yield from _walk(child, problems, ancestors | {key})
        elif stat.S_ISREG(info.st_mode):
            if input_kind(child):
                yield child
        elif problems:
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
            yield InputError(f"not a regular file ({kind}); skipped", display_path(child))


#: where the ``doc_id`` of a ``.txt`` file comes from
ID_SOURCES = ("stem", "path")
STDIN_FORMATS = ("jsonl", "text")


def iter_documents(inputs: Iterable[Union[str, Path]], default_published: Optional[date] = None,
                   stdin=None, max_chars: Optional[int] = DEFAULT_MAX_CHARS, unique_ids: bool = True,
                   text_key: str = "text", stdin_format: str = "jsonl", stdin_id: str = "stdin",
                   id_from: str = "stem") -> Iterator[Union[Document, InputError]]:
    """Every document of the inputs (folders, .txt, .jsonl, ``-``), streaming.

    ``max_chars`` (None: no limit) refuses longer documents; with
    ``unique_ids`` a ``doc_id`` already read from these inputs is refused,
    naming where it was first read.  ``text_key``, ``stdin_format``,
    ``stdin_id`` and ``id_from``: see the module's docstring.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"stdin_format must be one of {', '.join(STDIN_FORMATS)}")
    if id_from not in ID_SOURCES:
        raise ValueError(f"id_from must be one of {', '.join(ID_SOURCES)}")
    reading = {"text_key": text_key, "stdin_format": stdin_format, "stdin_id": stdin_id, "id_from": id_from}
    seen: dict[str, tuple] = {}
    for item in _iter_all(inputs, default_published, stdin, max_chars, **reading):
        if unique_ids and isinstance(item, Document):
            first = seen.get(item.doc_id)
            if first is not None:
                where = f"{first[0]}:{first[1]}" if first[1] is not None else first[0]
                hint = ""
                if id_from == "stem" and item.line is None and first[1] is None:
                    hint = " (two files of the same name: --id-from path names them by their path)"
                yield InputError(f"duplicate doc_id {_shorten(item.doc_id)}: already read from {where}{hint}",
                                 item.source, item.line, doc_id=item.doc_id)
                continue
            seen[item.doc_id] = (item.source, item.line)
        yield item


def _iter_all(inputs, default_published, stdin, max_chars, text_key="text", stdin_format="jsonl",
              stdin_id="stdin", id_from="stem") -> Iterator[Union[Document, InputError]]:
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin
            if stdin_format == "text":
                yield _stdin_text(stream, stdin_id, default_published, max_chars)
                continue
            try:
                yield from read_jsonl(_stdin_lines(stream, _line_limit(max_chars)), "<stdin>",
                                      default_published, max_chars, text_key)
            except UnicodeDecodeError as exc:
                yield InputError(f"not valid {exc.encoding.upper()} ({exc.reason})", "<stdin>")
            continue
        root = Path(item)
        for path in iter_paths([item], problems=True):
            if isinstance(path, InputError):
                yield path
            elif not path.exists():
                yield InputError("no such file or folder", display_path(path))
            elif input_kind(path) == ".jsonl":
                yield from _jsonl_file(path, default_published, max_chars, text_key)
            elif input_kind(path) == ".txt":
                name = None
                if id_from == "path" and path != root:
                    name = path.relative_to(root).with_suffix("").as_posix()
                try:
                    yield read_text_file(path, default_published, max_chars, name)
                except InputError as err:
                    yield err
            else:
                yield InputError("unsupported input (expected a folder, .txt, .jsonl or -)", display_path(path))
