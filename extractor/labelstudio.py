"""Label Studio tasks from records, and records from Label Studio's JSON export.

So that annotators correct drafts in a real interface instead of editing
offsets by hand.  The project uses :data:`LABEL_CONFIG`: one ``Labels``
control (``label``) with a label per field, and a per-region ``TextArea``
(``value``) that holds the region's normalised values, one ``key: value``
a line, the keys being the record's own field names.

How a record is represented (and read back):

- every mention is a region labelled ``Money``, ``Period``,
  ``Organization``, ``Official`` or ``Destination``;
- a ``Money`` region's lines: ``amount``, ``currency``, ``qualifier``; a
  ``Period`` region's: ``calendar``, ``start_date``, ``end_date`` (and
  ``hijri_start``/``hijri_end`` only where they are not simply the same
  days converted, which is what import computes when they are absent);
  a missing line means ``null``, as does the value ``null``;
- an entity (organization, official, destination) is a group of regions.
  Its first mention carries all its lines (``name``, ``acronym``; ``name``,
  ``title``, ``organization``; ``country``, ``iso2``, ``amount``,
  ``currency``).  A further mention carries nothing when its text is the
  entry's name or acronym (officials: the name or surname; destinations:
  the country), else just the key line (``name:``, or ``iso2:`` for
  destinations) of the entry it belongs to.  A new region with an empty
  value joins the entry its text names, or starts a new one;
- an entry without any mention (rare) is a JSON object, one a line, in
  the document-level ``TextArea`` named ``unanchored``, with ``"field"``
  naming its list.

Offsets are Python string indices.  On import every region is checked
against the task's text; a region whose offsets drifted (some Label Studio
versions count UTF-16 units, or newlines differently) is moved to the
nearest place where its text occurs, and otherwise refused.

The task's ``data`` holds ``text``, ``doc_id`` and ``published``; the
record's ``text_sha256`` is recomputed from ``text`` on import.

Import reads Label Studio's own JSON export (Project > Export > JSON): tasks
with their ``annotations`` (the latest one not cancelled wins), ``drafts``
(never imported: a draft was not submitted) and ``predictions``, which that
export lists by id only; a prediction is imported (``--predictions``) only
where the file holds it whole, as the tasks written by ``gold export`` do.
A Money or Period region needs its values (``amount: null`` says an amount is
unknown); amounts may be written with thousands separators
(``1,490,000,000``); currencies are ISO 4217 codes in capitals. Every problem
of an export is reported, not just the first.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Iterable, Optional

from pydantic import ValidationError

from .errors import GoldError
from .records import Destination, Mention, Money, Official, Organization, Period, Record, text_sha256
from .scorer import normalise, surname

LABELS = {"money": "Money", "periods": "Period", "organizations": "Organization",
          "officials": "Official", "destinations": "Destination"}
FIELD_OF_LABEL = {label: field for field, label in LABELS.items()}
MODELS = {"money": Money, "periods": Period, "organizations": Organization,
          "officials": Official, "destinations": Destination}
KEY = {"organizations": "name", "officials": "name", "destinations": "iso2"}
LABEL_NAME, VALUE_NAME, UNANCHORED_NAME, TEXT_NAME = "label", "value", "unanchored", "text"
REPAIR_WINDOW = 64

LABEL_CONFIG = """<View>
  <Header value="$doc_id ($published)"/>
  <Labels name="label" toName="text">
    <Label value="Money" background="#2e7d32"/>
    <Label value="Period" background="#1565c0"/>
    <Label value="Organization" background="#ef6c00"/>
    <Label value="Official" background="#6a1b9a"/>
    <Label value="Destination" background="#c62828"/>
  </Labels>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="Normalised values of the selected region: one 'key: value' a line"/>
    <TextArea name="value" toName="text" perRegion="true" editable="true" rows="5"/>
  </View>
  <Header value="Entries without a mention (JSON objects, one a line; rarely needed)"/>
  <TextArea name="unanchored" toName="text" editable="true" rows="2"/>
</View>
"""


class LabelStudioError(GoldError):
    """A task that cannot be turned into a record (or a record into a task).

    ``problems`` lists every problem found (``str(error)`` joins them, one a line)."""

    def __init__(self, message: str = "", problems: Optional[list] = None):
        self.problems = list(problems) if problems else [message]
        super().__init__("\n".join(self.problems))


class _Problems(list):
    """Problems of one task, collected so that every one of them is reported."""

    def check(self, function, *args):
        """``function(*args)``, or None with its problem noted."""
        try:
            return function(*args)
        except LabelStudioError as exc:
            self.extend(exc.problems)
            return None


def attributes(field: str) -> list:
    """The normalised attributes of a field: the model's fields minus offsets and mentions."""
    skip = set(Mention.model_fields) | {"mentions"}
    return [name for name in MODELS[field].model_fields if name not in skip]


# --------------------------------------------------------------------------- values

def _render(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value, "f") if value != value.to_integral_value() else str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _computed_hijri(day) -> Optional[str]:
    from .calendar import hijri_iso

    return hijri_iso(day) if day is not None else None


#: Keys a Money or Period region always shows, ``null`` included: a region without any
#: value line is a new region nobody filled in, and is refused on import.
ALWAYS_WRITTEN = {"money": ("amount", "currency"), "periods": ("calendar", "start_date", "end_date")}


def value_lines(field: str, item) -> list:
    """The ``key: value`` lines of a mention's or entry's normalised values."""
    lines = []
    for name in attributes(field):
        value = getattr(item, name)
        if field == "periods" and name in ("hijri_start", "hijri_end"):
            day = item.start_date if name == "hijri_start" else item.end_date
            if value == _computed_hijri(day):
                continue
        elif value is None and name not in ALWAYS_WRITTEN.get(field, ()):
            continue
        lines.append(f"{name}: {_render(value)}")
    return lines


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _clean_values(field: str, values: dict, what: str) -> dict:
    """Amounts written with thousands separators made plain; currencies checked against ISO 4217."""
    values = dict(values)
    problems = []
    amount = values.get("amount")
    if amount is not None and _GROUPED.fullmatch(amount.strip()):
        values["amount"] = amount.replace(",", "").strip()
    currency = values.get("currency")
    if currency is not None:
        import pycountry

        if not re.fullmatch(r"[A-Z]{3}", currency):
            hint = f" (write {currency.upper()})" if re.fullmatch(r"[A-Za-z]{3}", currency) else ""
            problems.append(f"{what}: currency {currency!r} is not an ISO 4217 code in capitals{hint}")
        elif pycountry.currencies.get(alpha_3=currency) is None:
            problems.append(f"{what}: currency {currency!r} is not an ISO 4217 code")
    if problems:
        raise LabelStudioError(problems=problems)
    return values


def parse_lines(texts) -> dict:
    """``key -> value`` of a region's TextArea (a list of strings, each maybe several lines)."""
    if isinstance(texts, str):
        texts = [texts]
    values = {}
    for chunk in texts or []:
        for line in str(chunk).splitlines():
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"line {line.strip()!r} is not 'key: value'")
            value = value.strip()
            values[key.strip()] = None if value in ("", "null") else value
    return values


# --------------------------------------------------------------------------- matching text to entries

def _names(field: str, entry) -> set:
    """Texts (normalised) that name an entry without saying which: used for bare mentions."""
    if field == "organizations":
        keys = {normalise(entry.get("name")), normalise(entry.get("acronym"))}
    elif field == "officials":
        keys = {normalise(entry.get("name")), surname(entry.get("name"))}
    else:
        keys = {normalise(entry.get("country"))}
    return keys - {""}


def _owners(field: str, text: str, entries: dict) -> list:
    key = normalise(text)
    return [k for k, entry in entries.items() if key and key in _names(field, entry)]


# --------------------------------------------------------------------------- export

def _region(rid: str, mention: Mention, label: str) -> dict:
    return {"id": rid, "from_name": LABEL_NAME, "to_name": TEXT_NAME, "type": "labels",
            "value": {"start": mention.start, "end": mention.end, "text": mention.text, "labels": [label]}}


def _textarea(rid: str, mention: Mention, lines: list) -> dict:
    return {"id": rid, "from_name": VALUE_NAME, "to_name": TEXT_NAME, "type": "textarea",
            "value": {"start": mention.start, "end": mention.end, "text": ["\n".join(lines)]}}


def record_to_results(record: Record) -> list:
    """The Label Studio result list (regions and their values) of a record."""
    results = []
    unanchored = []
    for field in ("money", "periods"):
        for i, m in enumerate(getattr(record, field)):
            rid = f"{field[:3]}{i}"
            results.append(_region(rid, m, LABELS[field]))
            lines = value_lines(field, m)
            if lines:
                results.append(_textarea(rid, m, lines))
    for field in ("organizations", "officials", "destinations"):
        entries = getattr(record, field)
        by_key = {}
        for entry in entries:
            key = getattr(entry, KEY[field])
            if key in by_key:
                raise LabelStudioError(f"{record.doc_id}: two {field} entries have {KEY[field]} {key!r}")
            by_key[key] = {name: getattr(entry, name) for name in attributes(field)}
        for i, entry in enumerate(entries):
            if not entry.mentions:
                data = {"field": field}
                data.update({name: _render(getattr(entry, name)) if getattr(entry, name) is not None else None
                             for name in attributes(field)})
                unanchored.append(json.dumps(data, ensure_ascii=False))
                continue
            key = getattr(entry, KEY[field])
            for k, m in enumerate(sorted(entry.mentions, key=lambda m: (m.start, m.end))):
                rid = f"{field[:3]}{i}.{k}"
                results.append(_region(rid, m, LABELS[field]))
                if k == 0:
                    lines = value_lines(field, entry)
                elif _owners(field, m.text, by_key) == [key]:
                    lines = []
                else:
                    lines = [f"{KEY[field]}: {key}"]
                if lines:
                    results.append(_textarea(rid, m, lines))
    if unanchored:
        results.append({"id": "unanchored", "from_name": UNANCHORED_NAME, "to_name": TEXT_NAME,
                        "type": "textarea", "value": {"text": ["\n".join(unanchored)]}})
    return results


def record_to_task(record: Record, text: str, source: str = "extractor") -> dict:
    """A Label Studio task holding the text and, as a prediction, the record's regions.

    ``source`` becomes the prediction's ``model_version`` ("extractor" for
    drafts, "gold" when an existing gold file is exported for correction).
    """
    if text_sha256(text) != record.text_sha256:
        raise LabelStudioError(f"{record.doc_id}: the record's text_sha256 does not match the text")
    problems = record.check_offsets(text)
    if problems:
        raise LabelStudioError(f"{record.doc_id}: {problems[0]}")
    return {"data": {"text": text, "doc_id": record.doc_id,
                     "published": record.published.isoformat() if record.published else None},
            "predictions": [{"model_version": source, "result": record_to_results(record)}]}


# --------------------------------------------------------------------------- import

def _pick_result(task: dict, use_predictions: bool, where: str) -> Optional[list]:
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if annotations:
        latest = max(enumerate(annotations),
                     key=lambda pair: (str(pair[1].get("updated_at") or pair[1].get("created_at") or ""), pair[0]))
        result = latest[1].get("result") or []
        if not isinstance(result, list):
            raise LabelStudioError(f"{where}: the annotation's result is not a list")
        return result
    if use_predictions and task.get("predictions"):
        whole = [p for p in task["predictions"] if isinstance(p, dict) and isinstance(p.get("result"), list)]
        if whole:
            return whole[0]["result"]
    return None


def unannotated_reason(task: dict, use_predictions: bool) -> str:
    """Why a task gave no record, for the message that names it."""
    if any(isinstance(d, dict) and d.get("result") for d in task.get("drafts") or []):
        return "has only a draft (submit it in Label Studio)"
    predictions = task.get("predictions") or []
    if use_predictions and predictions and not any(isinstance(p, dict) for p in predictions):
        ids = ", ".join(str(p) for p in predictions)
        return (f"has no annotation, and Label Studio's export lists its prediction(s) by id only ({ids}): "
                "accept the prediction in Label Studio (submit it), or import the tasks file of 'gold export'")
    if use_predictions:
        return "has no annotation and no prediction"
    return "has no annotation (--predictions takes its prediction)"


def _repair(text: str, start: int, end: int, said: str) -> Optional[tuple]:
    """Offsets where ``said`` really is, near ``start``; None when it is not nearby."""
    if 0 <= start <= end <= len(text) and text[start:end] == said:
        return start, end
    if not said:
        return None
    best = None
    low = max(0, start - REPAIR_WINDOW)
    position = text.find(said, low)
    while position != -1 and position <= start + REPAIR_WINDOW:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(said, position + 1)
    return (best, best + len(said)) if best is not None else None


class _Region:
    def __init__(self, rid, field, mention, values):
        self.rid, self.field, self.mention, self.values = rid, field, mention, values


def _regions(result: list, text: str, where: str) -> tuple:
    """Labelled regions (with their values) and the unanchored lines of a result list."""
    labels, values, unanchored = {}, {}, []
    for item in result:
        value = item.get("value") or {}
        kind, rid = item.get("type"), item.get("id")
        if kind == "labels":
            labels[rid] = value
        elif kind == "textarea" and item.get("from_name") == VALUE_NAME:
            values.setdefault(rid, []).extend(value.get("text") or [])
        elif kind == "textarea" and item.get("from_name") == UNANCHORED_NAME:
            unanchored.extend(value.get("text") or [])
    problems = _Problems()
    regions = [problems.check(_one_region, rid, value, values.get(rid), text, where) for rid, value in labels.items()]
    regions = [r for r in regions if r is not None]
    regions.sort(key=lambda r: (r.mention.start, r.mention.end))
    return regions, unanchored, problems


def _one_region(rid, value: dict, lines, text: str, where: str) -> "_Region":
    names = value.get("labels") or []
    if len(names) != 1 or names[0] not in FIELD_OF_LABEL:
        raise LabelStudioError(f"{where}: region {rid} has labels {names}; give it exactly one of "
                               + ", ".join(FIELD_OF_LABEL))
    try:
        start, end = int(value["start"]), int(value["end"])
    except (KeyError, TypeError, ValueError):
        raise LabelStudioError(f"{where}: region {rid} has no start/end offsets") from None
    said = value.get("text") if isinstance(value.get("text"), str) else text[start:end]
    place = _repair(text, start, end, said)
    if place is None:
        raise LabelStudioError(f"{where}: {names[0]} region [{start}:{end}] says {said!r} "
                               f"but the text there is {text[start:end]!r}")
    mention = Mention(start=place[0], end=place[1], text=text[place[0]:place[1]])
    field = FIELD_OF_LABEL[names[0]]
    what = f"{where}: {names[0]} region [{start}:{end}] {said!r}"
    try:
        parsed = parse_lines(lines)
    except ValueError as exc:
        raise LabelStudioError(f"{what}: {exc}") from None
    unknown = set(parsed) - set(attributes(field))
    if unknown:
        raise LabelStudioError(f"{what}: unknown key(s) {', '.join(sorted(unknown))}; expected "
                               + ", ".join(attributes(field)))
    if not parsed and field in ALWAYS_WRITTEN:
        raise LabelStudioError(f"{what}: has no values; write them in its text box, one 'key: value' a line ("
                               + ", ".join(f"{k}: ..." for k in ALWAYS_WRITTEN[field]) + "; 'null' where unknown)")
    return _Region(rid, field, mention, _clean_values(field, parsed, what))


def _validated(model, data: dict, where: str, what: str):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise LabelStudioError(f"{where}: {what}: {loc}: {first['msg']}") from None


def _mentions_of(field: str, regions: list, where: str, problems: "_Problems") -> list:
    items = [problems.check(_mention_of, field, r, where) for r in regions if r.field == field]
    return [item for item in items if item is not None]


def _mention_of(field: str, r, where: str):
    data = {name: None for name in attributes(field)}
    data.update(r.values)
    if field == "periods":
        for name, day in (("hijri_start", "start_date"), ("hijri_end", "end_date")):
            if name not in r.values and data.get(day):
                try:
                    data[name] = _computed_hijri(date.fromisoformat(str(data[day])))
                except ValueError:
                    pass  # the date itself is refused below, with its region
    data.update(r.mention.model_dump())
    return _validated(MODELS[field], data, where, f"{LABELS[field]} [{r.mention.start}:{r.mention.end}] "
                                                  f"{r.mention.text!r}")


def _new_entry_from_text(field: str, text: str, where: str, region) -> dict:
    if field != "destinations":
        return {"name": text}
    import pycountry

    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        raise LabelStudioError(f"{where}: Destination [{region.mention.start}:{region.mention.end}] {text!r}: "
                               "give it 'country:' and 'iso2:' lines") from None
    return {"country": text, "iso2": country.alpha_2}


def _entries_of(field: str, regions: list, unanchored: list, where: str, problems: "_Problems") -> list:
    key_name = KEY[field]
    entries, mentions = {}, {}
    bare = []

    def keyed(r):
        key = r.values.get(key_name)
        what = f"{LABELS[field]} [{r.mention.start}:{r.mention.end}] {r.mention.text!r}"
        if not key:
            raise LabelStudioError(f"{where}: {what}: needs a '{key_name}:' line")
        entry = entries.setdefault(key, {})
        for name, value in r.values.items():
            if name in entry and entry[name] != value:
                raise LabelStudioError(f"{where}: {what}: {name} {value!r} contradicts {entry[name]!r} "
                                       f"given for the same {key_name} {key!r}")
        entry.update(r.values)
        mentions.setdefault(key, []).append(r.mention)

    def unkeyed(r):
        owners = _owners(field, r.mention.text, entries)
        if len(owners) > 1:
            raise LabelStudioError(f"{where}: {LABELS[field]} [{r.mention.start}:{r.mention.end}] "
                                   f"{r.mention.text!r} could belong to {', '.join(map(repr, owners))}: "
                                   f"give it a '{key_name}:' line")
        if owners:
            key = owners[0]
        else:
            entry = _new_entry_from_text(field, r.mention.text, where, r)
            key = entry[key_name]
            entries[key] = entry
        mentions.setdefault(key, []).append(r.mention)

    for r in regions:
        if r.field != field:
            continue
        if not r.values:
            bare.append(r)
        else:
            problems.check(keyed, r)
    for r in bare:
        problems.check(unkeyed, r)
    built = []
    for key, entry in entries.items():
        data = {name: None for name in attributes(field)}
        data.update(entry)
        data["mentions"] = [m.model_dump() for m in sorted(mentions.get(key, []), key=lambda m: (m.start, m.end))]
        built.append(problems.check(_validated, MODELS[field], data, where, f"{LABELS[field]} {key!r}"))
    for line in unanchored:
        if line.get("field") == field:
            data = {name: line.get(name) for name in attributes(field)}
            data["mentions"] = []
            built.append(problems.check(_validated, MODELS[field], data, where, f"unanchored {LABELS[field]}"))
    built = [e for e in built if e is not None]
    # sorted by first mention; entries without one (unanchored) go last
    built.sort(key=lambda e: min((m.start for m in e.mentions), default=float("inf")))
    return built


def task_to_record(task: dict, use_predictions: bool = False, position: Optional[int] = None) -> Optional[Record]:
    """The record of one exported task, or None when nobody annotated it.

    With ``use_predictions`` a task without an annotation gives the record
    of its (unreviewed) prediction instead.
    """
    data = task.get("data") or {}
    doc_id = data.get("doc_id")
    where = f"task {task.get('id', position)}" + (f" ({doc_id})" if doc_id else "")
    text = data.get(TEXT_NAME)
    if not isinstance(text, str):
        raise LabelStudioError(f"{where}: data has no 'text'")
    if not isinstance(doc_id, str) or not doc_id:
        raise LabelStudioError(f"{where}: data has no 'doc_id' (add it to the task before annotating)")
    result = _pick_result(task, use_predictions, where)
    if result is None:
        return None
    regions, unanchored_text, problems = _regions([r for r in result if isinstance(r, dict)], text, where)
    unanchored = []
    for line in "\n".join(unanchored_text).splitlines():
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            problems.append(f"{where}: unanchored line {line!r} is not JSON: {exc}")
            continue
        if not isinstance(obj, dict) or obj.get("field") not in KEY:
            problems.append(f"{where}: unanchored line {line!r} needs \"field\": one of " + ", ".join(KEY))
            continue
        unanchored.append(obj)
    record = {
        "schema": 1, "doc_id": doc_id, "published": data.get("published") or None,
        "text_sha256": text_sha256(text),
        "money": [m.model_dump() for m in _mentions_of("money", regions, where, problems)],
        "periods": [m.model_dump() for m in _mentions_of("periods", regions, where, problems)],
    }
    for field in ("organizations", "officials", "destinations"):
        record[field] = [e.model_dump() for e in _entries_of(field, regions, unanchored, where, problems)]
    if problems:
        raise LabelStudioError(problems=problems)
    return _validated(Record, record, where, "record")


def export_tasks(pairs: Iterable[tuple], source: str = "extractor") -> list:
    """Tasks of ``(record, text)`` pairs (or ``(record, text, source)`` triples)."""
    tasks = []
    for pair in pairs:
        record, text = pair[0], pair[1]
        tasks.append(record_to_task(record, text, pair[2] if len(pair) > 2 else source))
    return tasks


def import_tasks(tasks, use_predictions: bool = False, reasons: Optional[list] = None) -> tuple:
    """``(records, skipped task descriptions)`` of a Label Studio JSON export.

    Every problem of every task is collected; if there is any, one
    :class:`LabelStudioError` lists them all (``.problems``) and no record is given.
    ``reasons``, if given, receives why each skipped task gave no record."""
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise LabelStudioError("a Label Studio JSON export is a list of tasks")
    records, skipped = [], []
    problems = _Problems()
    seen = {}
    for position, task in enumerate(tasks):
        if not isinstance(task, dict):
            problems.append(f"task {position}: not a JSON object")
            continue
        record = problems.check(task_to_record, task, use_predictions, position)
        described = f"task {task.get('id', position)} ({(task.get('data') or {}).get('doc_id')})"
        if record is None:
            if not any(p.startswith(f"task {task.get('id', position)}") for p in problems):
                skipped.append(described)
                if reasons is not None:
                    reasons.append(unannotated_reason(task, use_predictions))
            continue
        if record.doc_id in seen:
            problems.append(f"{described}: doc_id {record.doc_id!r} is also task {seen[record.doc_id]}")
            continue
        seen[record.doc_id] = task.get("id", position)
        records.append(record)
    if problems:
        raise LabelStudioError(problems=problems)
    return records, skipped
