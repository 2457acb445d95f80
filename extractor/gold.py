"""Gold files (RECORDS.md section 3): reading, checking, validating, drafting.

A gold file ``<doc_id>.json`` is a record that a person has checked, so it
is read with the same :class:`~extractor.records.Record` model as the
extractor's output.  This module also reads JSONL files of records written
earlier by ``extractor extract`` (the other input of ``evaluate``).

- :func:`load_gold_dir` reads a folder of gold files, refusing broken ones;
- :func:`text_problems` compares a record with its document's text (hash and
  every ``text[start:end]``); ``evaluate`` refuses a gold file with any;
- :func:`validate_record` lists every problem ``gold validate`` reports: the text,
  and every rule of RECORDS.md that a machine can check;
- :func:`contract_dict` / :func:`dump_gold` / :func:`write_drafts` write
  records as gold drafts, never overwriting a file unless asked to.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
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
        obj = json.loads(raw.lstrip("\ufeff"), parse_float=Decimal)
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
            obj = json.loads(raw, parse_float=Decimal)
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


# The rules of RECORDS.md that a machine can check.  Each problem names the
# field (``money[3] [120:132] '$5bn'``, ``officials[1] 'Name'``) so that
# ``gold validate`` prints one line per problem, prefixed with the file.

QUALIFIERS = ("more_than", "less_than", "about")
MAX_AMOUNT = Decimal(10) ** 21
MIN_PERIOD_DAYS = 28

# Qualifier words stay outside a money span (RECORDS "money", second round).
_QUALIFIER_START = re.compile(
    r"^(?:more than|less than|at least|well over|just over|just under|up to|close to|in excess of|"
    r"over|above|below|under|exceed(?:s|ed|ing)?|top(?:s|ped)?|about|around|nearly|some|almost|"
    r"approximately|roughly)\b", re.IGNORECASE)
# Leading prepositions stay outside a period span.
_PREPOSITION_START = re.compile(r"^(?:in|during|since|from|over|for|within)\b", re.IGNORECASE)
# "since X" (with or without "the beginning/start of") opens a range ...
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+)?$", re.IGNORECASE)
# ... unless the span itself gives its end ("... (March 21) up to October 7").
_SPAN_HAS_END = re.compile(r"\b(?:up to|until|till|to|through)\b|[-–]", re.IGNORECASE)
# "by the end of X", "toward the end of X" are points: nothing inside them is a period.
_POINT_BEFORE = re.compile(r"\b(?:by|toward|towards|before|until|till)\s+(?:the\s+)?(?:end|close)\s+of\s+$",
                           re.IGNORECASE)
_POINT_SPAN = re.compile(r"^(?:the\s+)?(?:end|close)\s+of\b", re.IGNORECASE)
_NUMBER_WORD = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Bare anaphora carrying at most a length: "the period", "the said period",
# "the nine-month period", "the period under review", "the month", "those ten months"
# ("this month" is the Gregorian month of publication, a period).
_BARE_ANAPHORA = re.compile(
    rf"^(?:the|this|that|these|those)(?:\s+(?:same|said|mentioned|aforementioned))?"
    rf"(?:\s+{_NUMBER_WORD}[- ]month)?\s+period(?:\s+under\s+review)?$"
    rf"|^(?:the|that|these|those)(?:\s+(?:same|said|mentioned|aforementioned))?"
    rf"(?:\s+{_NUMBER_WORD})?\s+months?$",
    re.IGNORECASE)

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = re.compile(r"^\s?(quadrillion|trillion|billion|million|thousand|crore|lakh|trn|tn|bn|mn|[mbkT])\b")
_SCALES = {"quadrillion": 10 ** 15, "trillion": 10 ** 12, "trn": 10 ** 12, "tn": 10 ** 12, "T": 10 ** 12,
           "billion": 10 ** 9, "bn": 10 ** 9, "b": 10 ** 9, "million": 10 ** 6, "mn": 10 ** 6, "m": 10 ** 6,
           "thousand": 10 ** 3, "k": 10 ** 3, "crore": 10 ** 7, "lakh": 10 ** 5}
_DOLLAR_PREFIXES = {"US": "USD", "C": "CAD", "CA": "CAD", "A": "AUD", "AU": "AUD", "HK": "HKD", "NZ": "NZD",
                    "S": "SGD"}
# (pattern, currency it implies) for a currency word, sign or code written inside the span.
_CURRENCY_MARKERS = (
    (re.compile(r"\btomans?\b", re.IGNORECASE), "IRR"),
    (re.compile(r"\brials?\b", re.IGNORECASE), "IRR"),
    (re.compile(r"€|\beuros?\b", re.IGNORECASE), "EUR"),
    (re.compile(r"\b(?:yuan|RMB|CNY)\b"), "CNY"),
    (re.compile(r"\b(?:roubles?|rubles?)\b", re.IGNORECASE), "RUB"),
    (re.compile(r"₹|\bRs\b\.?|\brupees?\b", re.IGNORECASE), "INR"),
    (re.compile(r"\bdirhams?\b", re.IGNORECASE), "AED"),
    (re.compile(r"£"), "GBP"),
    (re.compile(r"¥"), "JPY"),
    (re.compile(r"\bcents?\b", re.IGNORECASE), "USD"),
)
# Common English names that pycountry does not resolve (it knows "Türkiye", "Russian Federation").
COUNTRY_ALIASES = {
    "russia": "RU", "turkey": "TR", "uae": "AE", "u.a.e.": "AE", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "the netherlands": "NL", "holland": "NL", "ivory coast": "CI", "laos": "LA", "syria": "SY",
    "iran": "IR", "palestine": "PS", "vatican": "VA",
}


def country_code(name: str) -> Optional[str]:
    """The ISO 3166-1 alpha-2 code of a country name as the genre writes it, or None."""
    import pycountry

    key = " ".join(name.split()).casefold()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None


def _norm_name(name: str) -> str:
    """A name as ``evaluate`` compares it: case, punctuation and a leading "the" ignored."""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _span_marker_currency(span: str) -> tuple:
    """``(currency the span's own sign/word/code implies, whether it is tomans)``; None if it has none."""
    code = re.match(r"^([A-Z]{3})\s?\d", span)
    if code:
        return code.group(1), False
    prefixed = re.match(r"^([A-Z]{1,2})\$", span)
    if prefixed:
        return _DOLLAR_PREFIXES.get(prefixed.group(1)), False
    for pattern, currency in _CURRENCY_MARKERS:
        if pattern.search(span):
            return currency, currency == "IRR" and re.search(r"\btomans?\b", span, re.IGNORECASE) is not None
    if span.startswith("$") or re.search(r"\bdollars?\b", span, re.IGNORECASE):
        return "USD", False
    return None, False


def _spoken_amount(span: str) -> tuple:
    """``(amount the span states with its own number, scale and currency, whether it writes a scale)``.

    The amount is None when the span writes no currency (it borrows it from
    the sentence or from the second member of a range).
    """
    currency, tomans = _span_marker_currency(span)
    number = _NUMBER.search(span)
    if currency is None or number is None:
        return None, False
    value = Decimal(number.group().replace(",", ""))
    scale = _SCALE.match(span[number.end():])
    if scale:
        value *= _SCALES[scale.group(1)]
    cents = re.search(r"\bcents?\b", span, re.IGNORECASE) is not None
    if cents:
        value /= 100
    return (value * 10 if tomans else value), scale is not None or cents


def _amount_agrees(amount: Decimal, spoken: Decimal, has_scale: bool) -> bool:
    """Within 0.1 % of the span's own amount; a span without a scale word may borrow one
    ("$35 and $48 million": "$35" is 35 million), so a power of ten times it also agrees."""
    if abs(amount - spoken) <= spoken * Decimal("0.001"):
        return True
    if has_scale or spoken <= 0 or amount <= spoken:
        return False
    ratio = amount / spoken
    return ratio == ratio.to_integral_value() and str(int(ratio)).rstrip("0") == "1"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _money_problems(record: Record) -> list:
    import pycountry

    problems = []
    for i, m in enumerate(record.money):
        where = f"money[{i}] [{m.start}:{m.end}] {_excerpt(m.text, 40)}"
        if m.currency is not None:
            if m.currency != m.currency.upper() or pycountry.currencies.get(alpha_3=m.currency) is None:
                problems.append(f"{where}: currency {m.currency!r} is not an upper-case ISO 4217 code")
        if m.amount is not None and not (0 < m.amount < MAX_AMOUNT):
            problems.append(f"{where}: amount {m.amount} is not above 0 and below 10^21")
        if m.qualifier is not None and m.qualifier not in QUALIFIERS:
            problems.append(f"{where}: qualifier {m.qualifier!r} is not one of {', '.join(QUALIFIERS)} or null")
        if _QUALIFIER_START.match(m.text):
            problems.append(f"{where}: the span starts with a qualifier word, which stays outside "
                            "(it goes to 'qualifier')")
        marker, _ = _span_marker_currency(m.text)
        if marker is not None and m.currency is not None and marker != m.currency.upper():
            problems.append(f"{where}: currency {m.currency} disagrees with the span, which is {marker}")
        spoken, has_scale = _spoken_amount(m.text)
        if spoken is not None and m.amount is not None and marker == m.currency \
                and not _amount_agrees(m.amount, spoken, has_scale):
            problems.append(f"{where}: amount {m.amount} disagrees with the span, which says {_plain(spoken)}")
    return problems


def _period_problems(record: Record, text: Optional[str]) -> list:
    from .calendar import hijri_iso

    problems = []
    for i, p in enumerate(record.periods):
        where = f"periods[{i}] [{p.start}:{p.end}] {_excerpt(p.text, 40)}"
        if p.start_date and p.end_date and p.end_date < p.start_date:
            problems.append(f"{where}: end_date {p.end_date} before start_date {p.start_date}")
        elif p.start_date and p.end_date and (p.end_date - p.start_date).days + 1 < MIN_PERIOD_DAYS:
            problems.append(f"{where}: {p.start_date}..{p.end_date} is shorter than a month, not a period")
        for side, gregorian, hijri in (("start", p.start_date, p.hijri_start), ("end", p.end_date, p.hijri_end)):
            if hijri is None:
                continue  # RECORDS: "the same days in the Solar Hijri calendar, or null"
            if gregorian is None:
                problems.append(f"{where}: hijri_{side} {hijri} given but {side}_date is null")
            elif hijri_iso(gregorian) != hijri:
                problems.append(f"{where}: hijri_{side} {hijri} is not {side}_date {gregorian} "
                                f"(which is {hijri_iso(gregorian)})")
        if _PREPOSITION_START.match(p.text):
            problems.append(f"{where}: the span starts with a leading preposition, which stays outside")
        if _POINT_SPAN.match(p.text):
            problems.append(f"{where}: 'the end of X' is a point in time, not a period")
        if _BARE_ANAPHORA.match(p.text.strip()):
            problems.append(f"{where}: a bare back-reference ('the period', 'the N months') is not a period")
        if text is not None and p.end <= len(text):
            before = text[max(0, p.start - 40):p.start]
            if _POINT_BEFORE.search(before):
                problems.append(f"{where}: inside 'by/toward the end of', a point in time: not a period")
            if _SINCE_BEFORE.search(before) and not _SPAN_HAS_END.search(p.text) \
                    and (p.end_date is not None or p.hijri_end is not None):
                problems.append(f"{where}: 'since X' is an open range: end_date and hijri_end must be null")
    return problems


def _code_problems(record: Record) -> list:
    import pycountry

    problems = []
    for i, d in enumerate(record.destinations):
        where = f"destinations[{i}] {d.country!r}"
        country = pycountry.countries.get(alpha_2=d.iso2)
        if country is None:
            problems.append(f"{where}: {d.iso2!r} is not an ISO 3166-1 alpha-2 code")
        elif d.iso2 == "IR":
            problems.append(f"{where}: Iran, the reporting country, is never a destination")
        elif country_code(d.country) != d.iso2:
            problems.append(f"{where}: country {d.country!r} is not the country of iso2 {d.iso2!r} "
                            f"({country.name})")
        if d.currency is not None and (d.currency != d.currency.upper()
                                       or pycountry.currencies.get(alpha_3=d.currency) is None):
            problems.append(f"{where}: {d.currency!r} is not an upper-case ISO 4217 currency code")
        if (d.amount is None) != (d.currency is None):
            problems.append(f"{where}: amount and currency must both be given or both null")
        if d.amount is not None and not (0 < d.amount < MAX_AMOUNT):
            problems.append(f"{where}: amount {d.amount} is not above 0 and below 10^21")
        if country is not None:
            for k, m in enumerate(d.mentions):
                if country_code(m.text) != d.iso2:
                    problems.append(f"{where}: mentions[{k}] {_excerpt(m.text, 40)} does not name {d.iso2}")
    return problems


def _reference_problems(record: Record) -> list:
    names = {org.name: org for org in record.organizations}
    problems = []
    for i, official in enumerate(record.officials):
        where = f"officials[{i}] {official.name!r}"
        if official.organization is None:
            continue
        org = names.get(official.organization)
        if org is None:
            problems.append(f"{where}: organization {official.organization!r} "
                            "is not the name of an organizations entry")
            continue
        if official.title:
            title = official.title.casefold()
            if _norm_name(org.name) and _norm_name(org.name) in _norm_name(official.title):
                problems.append(f"{where}: title {official.title!r} contains its organization's name "
                                f"{org.name!r}, which is taken out of the title")
            elif org.acronym and re.search(rf"\b{re.escape(org.acronym.casefold())}\b", title):
                problems.append(f"{where}: title {official.title!r} contains its organization's acronym "
                                f"{org.acronym!r}, which is taken out of the title")
    return problems


def _duplicate_problems(record: Record) -> list:
    problems = []
    seen = {}
    for i, org in enumerate(record.organizations):
        for key_name, value in (("name", org.name), ("acronym", org.acronym)):
            if not value:
                continue
            key = _norm_name(value)
            if key in seen and seen[key][0] != i:
                j, other = seen[key]
                problems.append(f"organizations[{i}] {org.name!r}: {key_name} {value!r} is also the {other} "
                                f"of organizations[{j}] {record.organizations[j].name!r}")
            else:
                seen.setdefault(key, (i, key_name))
    for field, key_of in (("officials", lambda e: _norm_name(e.name)), ("destinations", lambda e: e.iso2)):
        firsts = {}
        for i, entry in enumerate(getattr(record, field)):
            key = key_of(entry)
            if key in firsts:
                label = entry.name if field == "officials" else entry.country
                problems.append(f"{field}[{i}] {label!r}: one entry per "
                                f"{'person' if field == 'officials' else 'country'}, "
                                f"already {field}[{firsts[key]}]")
            firsts.setdefault(key, i)
    return problems


def _mention_problems(record: Record) -> list:
    problems = []
    for label, m in iter_labelled_mentions(record):
        if not m.text or m.start == m.end:
            problems.append(f"{label} [{m.start}:{m.end}]: an empty mention")
        elif m.text != m.text.strip():
            problems.append(f"{label} [{m.start}:{m.end}] {_excerpt(m.text, 40)}: "
                            "starts or ends with white space")
    for field in ("money", "periods"):
        items = sorted(enumerate(getattr(record, field)), key=lambda item: (item[1].start, item[1].end))
        for (i, a), (j, b) in zip(items, items[1:]):
            if b.start < a.end and (a.start, a.end) != (b.start, b.end):
                problems.append(f"{field}[{j}] [{b.start}:{b.end}] overlaps {field}[{i}] [{a.start}:{a.end}]")
    for field in ("organizations", "officials", "destinations"):
        for i, entry in enumerate(getattr(record, field)):
            label = getattr(entry, "name", None) or getattr(entry, "country", "")
            spans = sorted((m.start, m.end) for m in entry.mentions)
            for a, b in zip(spans, spans[1:]):
                if b[0] < a[1] and a != b:
                    problems.append(f"{field}[{i}] {label!r}: mentions [{a[0]}:{a[1]}] and [{b[0]}:{b[1]}] overlap")
            if field != "officials":
                for k, m in enumerate(entry.mentions):
                    if re.search(r"['’]s$", m.text):
                        problems.append(f"{field}[{i}].mentions[{k}] {_excerpt(m.text, 40)}: "
                                        "a possessive 's stays outside the mention")
                    if m.text.casefold().startswith("the "):
                        problems.append(f"{field}[{i}].mentions[{k}] {_excerpt(m.text, 40)}: "
                                        "a leading 'the' stays outside the mention")
    org_spans = [(m.start, m.end, i) for i, org in enumerate(record.organizations) for m in org.mentions]
    for i, d in enumerate(record.destinations):
        for k, m in enumerate(d.mentions):
            for start, end, j in org_spans:
                if start <= m.start and m.end <= end:
                    problems.append(f"destinations[{i}].mentions[{k}] {_excerpt(m.text, 40)} lies inside "
                                    f"organizations[{j}] {record.organizations[j].name!r}: a name inside an "
                                    "organization name is not a mention of the country")
    return problems


def validate_record(record: Record, path: Union[str, Path], document=None) -> list:
    """Every problem of one gold record, each a line naming the file.

    ``document`` is its :class:`~extractor.documents.Document` (``None`` when
    the corpus has no such document, itself a problem).  Besides the text
    (hash and offsets) the record is checked against every rule of
    RECORDS.md that a machine can check: codes, amounts, qualifiers, spans
    that leave qualifiers and prepositions outside, dates and their Solar
    Hijri twins, open ranges and points, references between entries,
    duplicates, overlaps and order.
    """
    path = Path(path)
    problems = []
    text = None
    if record.doc_id != path.stem:
        problems.append(f"doc_id {record.doc_id!r} differs from the file name {path.stem!r}")
    if document is None:
        problems.append(f"no document {record.doc_id!r} in the corpus")
    else:
        text = document.text
        problems += text_problems(record, text)
        if document.published is not None and record.published != document.published:
            problems.append(f"published {record.published} differs from the document's {document.published}")
    problems += _money_problems(record)
    problems += _period_problems(record, text)
    problems += _code_problems(record)
    problems += _reference_problems(record)
    problems += _duplicate_problems(record)
    problems += _mention_problems(record)
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
            continue  # a declared extra key (a period's rule, an organization's canonical name)
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
    return indented_json(contract_dict(record)) + "\n"


def indented_json(data) -> str:
    """``json.dumps(data, indent=2)`` in which Decimal amounts keep their exact digits."""
    from .records import plain_decimal

    digits: dict = {}

    def hide(value):
        if isinstance(value, dict):
            return {k: hide(v) for k, v in value.items()}
        if isinstance(value, list):
            return [hide(v) for v in value]
        if isinstance(value, Decimal):
            token = f"@decimal-{uuid.uuid4().hex}@"
            digits[json.dumps(token)] = plain_decimal(value)
            return token
        return value

    text = json.dumps(hide(data), indent=2, ensure_ascii=False)
    for quoted, number in digits.items():
        text = text.replace(quoted, number)
    return text


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
