"""Gold files (RECORDS.md section 3): reading, checking, validating, drafting.

A gold file ``<doc_id>.json`` is a record that a person has checked, so it
is read with the same :class:`~extractor.records.Record` model as the
extractor's output.  This module also reads JSONL files of records written
earlier by ``extractor extract`` (the other input of ``evaluate``).

- :func:`load_gold_dir` reads a folder of gold files, refusing broken ones;
- :func:`text_problems` compares a record with its document's text (hash and
  every ``text[start:end]``); ``evaluate`` refuses a gold file with any;
- :func:`validate_record` lists every problem ``gold validate`` reports;
- :func:`contract_dict` / :func:`dump_gold` / :func:`write_drafts` write
  records as gold drafts, never overwriting a file unless asked to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from pydantic import BaseModel, ValidationError

from .errors import GoldError, InputError
from .records import Record, text_sha256


@dataclass
class GoldFile:
    path: Path
    record: Record


# --------------------------------------------------------------------------- reading

def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def parse_record(obj, where: str) -> Record:
    """A record from parsed JSON, or a :class:`GoldError` naming ``where`` and the field."""
    if not isinstance(obj, dict):
        raise GoldError(f"{where}: a record must be a JSON object")
    try:
        return Record.model_validate(obj)
    except ValidationError as exc:
        raise GoldError(f"{where}: not a valid record: {_validation_message(exc)}") from None


def read_gold_file(path: Union[str, Path]) -> Record:
    """One gold file, or a :class:`GoldError` naming it."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    try:
        obj = json.loads(raw.lstrip("\ufeff"))
    except ValueError as exc:
        raise GoldError(f"{path}: invalid JSON: {exc}") from None
    return parse_record(obj, str(path))


def gold_paths(gold_dir: Union[str, Path]) -> list:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a folder of gold files")
    return sorted(p for p in gold_dir.glob("*.json") if p.is_file() and not p.name.endswith(".meta.json"))


def load_gold_dir(gold_dir: Union[str, Path]) -> dict:
    """``doc_id -> GoldFile`` of every ``*.json`` in ``gold_dir``.

    Raises :class:`GoldError` for the first file that cannot be read or
    whose ``doc_id`` is not its file name.
    """
    gold = {}
    for path in gold_paths(gold_dir):
        record = read_gold_file(path)
        if record.doc_id != path.stem:
            raise GoldError(f"{path}: doc_id {record.doc_id!r} differs from the file name {path.stem!r}")
        gold[record.doc_id] = GoldFile(path, record)
    return gold


def read_records(lines: Iterable[str], path: str) -> Iterator[tuple]:
    """``(line number, Record)`` of a JSONL stream of records.

    A broken line gives ``(line number, InputError)`` naming the file and the
    line, and the lines after it are still read.
    """
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.lstrip("\ufeff")
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            yield number, InputError(f"invalid JSON: {exc}", path, number)
            continue
        try:
            yield number, parse_record(obj, "record")
        except GoldError as exc:
            yield number, InputError(str(exc).removeprefix("record: "), path, number)


def looks_like_records(first_line: str) -> bool:
    """Whether a JSONL line holds a record (rather than a document to extract)."""
    try:
        obj = json.loads(first_line.lstrip("\ufeff"))
    except ValueError:
        return False
    return isinstance(obj, dict) and "text_sha256" in obj and "text" not in obj


def first_line(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                return line
    return ""


# --------------------------------------------------------------------------- checks

def _mention_label(field: str, index: int, sub: Optional[int] = None) -> str:
    return f"{field}[{index}]" if sub is None else f"{field}[{index}].mentions[{sub}]"


def iter_labelled_mentions(record: Record):
    """``(label, mention)`` for every mention, labelled like ``officials[0].mentions[1]``."""
    for field in ("money", "periods"):
        for i, m in enumerate(getattr(record, field)):
            yield _mention_label(field, i), m
    for field in ("organizations", "officials", "destinations"):
        for i, entry in enumerate(getattr(record, field)):
            for k, m in enumerate(entry.mentions):
                yield _mention_label(field, i, k), m


def _excerpt(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


def text_problems(record: Record, text: str) -> list:
    """Where a record disagrees with its document: the hash, then each mention."""
    problems = []
    actual = text_sha256(text)
    if record.text_sha256 != actual:
        problems.append(f"text_sha256 {record.text_sha256[:12]}… does not match the document ({actual[:12]}…)")
    for label, m in iter_labelled_mentions(record):
        if m.end > len(text):
            problems.append(f"{label} [{m.start}:{m.end}] {_excerpt(m.text)} runs past the end of the text ({len(text)})")
        elif text[m.start:m.end] != m.text:
            problems.append(f"{label} [{m.start}:{m.end}] is {_excerpt(text[m.start:m.end])} in the text, "
                            f"the file says {_excerpt(m.text)}")
    return problems


def _first_offset(entry) -> float:
    """Where an entry first occurs; entries without a mention sort last."""
    return min((m.start for m in entry.mentions), default=float("inf"))


def _order_problems(record: Record) -> list:
    problems = []
    for field in ("money", "periods"):
        items = getattr(record, field)
        for i in range(1, len(items)):
            if (items[i].start, items[i].end) < (items[i - 1].start, items[i - 1].end):
                problems.append(f"{field}: not sorted by offset ({field}[{i}] [{items[i].start}:{items[i].end}] "
                                f"comes after [{items[i - 1].start}:{items[i - 1].end}])")
                break
        seen = {}
        for i, m in enumerate(items):
            key = (m.start, m.end)
            if key in seen:
                problems.append(f"{field}[{i}] [{m.start}:{m.end}] repeats {field}[{seen[key]}]")
            seen.setdefault(key, i)
    for field in ("organizations", "officials", "destinations"):
        entries = getattr(record, field)
        firsts = [_first_offset(e) for e in entries]
        for i in range(1, len(entries)):
            if firsts[i] < firsts[i - 1]:
                problems.append(f"{field}: not sorted by first mention ({field}[{i}] at {firsts[i]} "
                                f"comes after {firsts[i - 1]})")
                break
        for i, entry in enumerate(entries):
            spans = [(m.start, m.end) for m in entry.mentions]
            if spans != sorted(spans):
                problems.append(f"{field}[{i}]: mentions not sorted by offset")
            if len(set(spans)) != len(spans):
                problems.append(f"{field}[{i}]: a mention is listed twice")
    return problems


def _period_problems(record: Record) -> list:
    from .calendar import hijri_iso

    problems = []
    for i, p in enumerate(record.periods):
        where = f"periods[{i}] [{p.start}:{p.end}] {_excerpt(p.text, 40)}"
        if p.start_date and p.end_date and p.end_date < p.start_date:
            problems.append(f"{where}: end_date {p.end_date} before start_date {p.start_date}")
        for side, gregorian, hijri in (("start", p.start_date, p.hijri_start), ("end", p.end_date, p.hijri_end)):
            if hijri is None:
                continue
            if gregorian is None:
                problems.append(f"{where}: hijri_{side} {hijri} given but {side}_date is null")
            elif hijri_iso(gregorian) != hijri:
                problems.append(f"{where}: hijri_{side} {hijri} is not {side}_date {gregorian} "
                                f"(which is {hijri_iso(gregorian)})")
    return problems


def _code_problems(record: Record) -> list:
    import pycountry

    problems = []

    def currency_ok(code: Optional[str]) -> bool:
        return code is None or pycountry.currencies.get(alpha_3=code) is not None

    for i, m in enumerate(record.money):
        if not currency_ok(m.currency):
            problems.append(f"money[{i}] [{m.start}:{m.end}]: {m.currency!r} is not an ISO 4217 currency code")
    for i, d in enumerate(record.destinations):
        if pycountry.countries.get(alpha_2=d.iso2) is None:
            problems.append(f"destinations[{i}] {d.country!r}: {d.iso2!r} is not an ISO 3166-1 alpha-2 code")
        if not currency_ok(d.currency):
            problems.append(f"destinations[{i}] {d.country!r}: {d.currency!r} is not an ISO 4217 currency code")
        if (d.amount is None) != (d.currency is None):
            problems.append(f"destinations[{i}] {d.country!r}: amount and currency must both be given or both null")
    return problems


def _reference_problems(record: Record) -> list:
    names = {org.name for org in record.organizations}
    problems = []
    for i, official in enumerate(record.officials):
        if official.organization is not None and official.organization not in names:
            problems.append(f"officials[{i}] {official.name!r}: organization {official.organization!r} "
                            "is not the name of an organizations entry")
    return problems


def validate_record(record: Record, path: Union[str, Path], document=None) -> list:
    """Every problem of one gold record, each a line naming the file.

    ``document`` is its :class:`~extractor.documents.Document` (``None`` when
    the corpus has no such document, itself a problem).
    """
    path = Path(path)
    problems = []
    if record.doc_id != path.stem:
        problems.append(f"doc_id {record.doc_id!r} differs from the file name {path.stem!r}")
    if document is None:
        problems.append(f"no document {record.doc_id!r} in the corpus")
    else:
        problems += text_problems(record, document.text)
        if document.published is not None and record.published != document.published:
            problems.append(f"published {record.published} differs from the document's {document.published}")
    problems += _period_problems(record)
    problems += _code_problems(record)
    problems += _reference_problems(record)
    problems += _order_problems(record)
    return [f"{path}: {problem}" for problem in problems]


# --------------------------------------------------------------------------- writing

def contract_dict(record: Record) -> dict:
    """The record as JSON data with only the keys of the contract (extras dropped)."""
    return _declared(record, record.to_json_dict())


def _declared(model: BaseModel, data: dict) -> dict:
    out = {}
    for name, info in type(model).model_fields.items():
        if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("contract") is False:
            continue  # a declared extra key (a period's rule)
        key = info.alias or name
        value = getattr(model, name)
        if isinstance(value, list):
            out[key] = [_declared(item, item_data) if isinstance(item, BaseModel) else item_data
                        for item, item_data in zip(value, data[key])]
        elif isinstance(value, BaseModel):
            out[key] = _declared(value, data[key])
        else:
            out[key] = data[key]
    return out


def dump_gold(record: Record) -> str:
    """A gold file's text: the contract keys, indented, UTF-8 like ``gold/``."""
    return json.dumps(contract_dict(record), indent=2, ensure_ascii=False) + "\n"


def write_gold(records: Iterable[Record], out_dir: Union[str, Path], force: bool = False) -> tuple:
    """Write ``<doc_id>.json`` for each record: ``(written paths, skipped paths)``.

    An existing file is skipped unless ``force``: a gold file is a person's
    work and is never lost by accident.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for record in records:
        if not record.doc_id or "/" in record.doc_id or record.doc_id.startswith("."):
            raise GoldError(f"cannot name a gold file after doc_id {record.doc_id!r}")
        path = out_dir / f"{record.doc_id}.json"
        if path.exists() and not force:
            skipped.append(path)
            continue
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(dump_gold(record), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written, skipped


write_drafts = write_gold
