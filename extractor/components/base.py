"""What every component shares: Doc extensions and span groups.

The results live on the Doc as plain data, so that ``doc.to_bytes()``,
``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)`` carry them:

- ``doc._.money``, ``doc._.periods``, ``doc._.organizations``,
  ``doc._.officials``, ``doc._.destinations``: lists of dicts with the keys
  of the record (RECORDS.md), dates as ISO strings and amounts as strings of
  their exact decimal digits (``"1490000000"``; msgpack has no decimals and
  no integers of 10^20);
- ``doc.spans[<field>]``: one span per mention, and ``span._.value`` its
  normalised values as a dict (for an entity, the entry without its
  mentions);
- ``doc._.published`` (an ISO date string; a ``datetime.date`` is accepted)
  and ``doc._.doc_id``, taken from the context of ``nlp.pipe(...,
  as_tuples=True)`` (``{"published": ..., "doc_id": ...}``) when not set.

The pydantic records are built at the edge, from these values
(:func:`extractor.extract.doc_to_record`); :func:`results` gives a component
the models of an earlier component's results.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from spacy.tokens import Doc, Span

from ..records import Destination, Money, Official, Organization, Period, plain_decimal

FIELDS = ("money", "periods", "organizations", "officials", "destinations")
MODELS = {"money": Money, "periods": Period, "organizations": Organization,
          "officials": Official, "destinations": Destination}
#: Keys of the context of ``nlp.pipe(..., as_tuples=True)`` that a Doc takes.
CONTEXT_KEYS = ("published", "doc_id")

_PUBLISHED = ("extractor", "published")
_DOC_ID = ("extractor", "doc_id")
_VALUE = "extractor.span"


def iso_date(value) -> "str | None":
    """``published`` as an ISO date string: from a ``date``, a ``datetime`` or a ``YYYY-MM-DD`` string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ValueError(f"'published' is not a YYYY-MM-DD date: {value!r}") from None
    raise TypeError(f"'published' must be a date or a YYYY-MM-DD string, not {type(value).__name__}")


def _context(doc: Doc) -> dict:
    context = getattr(doc, "_context", None)
    return context if isinstance(context, dict) else {}


def _get_published(doc: Doc):
    value = doc.user_data.get(_PUBLISHED)
    if value is None and "published" in _context(doc):
        value = iso_date(_context(doc)["published"])
    return value


def _set_published(doc: Doc, value) -> None:
    doc.user_data[_PUBLISHED] = iso_date(value)


def _get_doc_id(doc: Doc):
    value = doc.user_data.get(_DOC_ID)
    if value is None and _context(doc).get("doc_id") is not None:
        value = str(_context(doc)["doc_id"])
    return value


def _set_doc_id(doc: Doc, value) -> None:
    doc.user_data[_DOC_ID] = None if value is None else str(value)


def _get_span_value(span: Span):
    return span.doc.user_data.get((_VALUE, span.label_, span.start_char, span.end_char))


def register_extensions() -> None:
    """Doc and Span extensions holding the results; idempotent."""
    for field in FIELDS:
        if not Doc.has_extension(field):
            Doc.set_extension(field, default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", getter=_get_published, setter=_set_published)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", getter=_get_doc_id, setter=_set_doc_id)
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_get_span_value)


register_extensions()


def adopt_context(doc: Doc) -> None:
    """Keep ``published`` and ``doc_id`` of the ``as_tuples`` context on the Doc itself
    (spaCy drops the context when it yields the Doc)."""
    context = _context(doc)
    if context:
        if doc.user_data.get(_PUBLISHED) is None and context.get("published") is not None:
            _set_published(doc, context["published"])
        if doc.user_data.get(_DOC_ID) is None and context.get("doc_id") is not None:
            _set_doc_id(doc, context["doc_id"])


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins the tokens on every access)."""
    text = doc.user_data.get(("extractor", "text"))
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != length:
        text = doc.text
        doc.user_data[("extractor", "text")] = text
    return text


def to_plain(item) -> dict:
    """A record item as plain, msgpack-serialisable data: the JSON keys of the record,
    dates as ISO strings, amounts as strings of their exact digits."""
    data = item.model_dump(mode="json", by_alias=True)
    amount = getattr(item, "amount", None)
    if "amount" in data:
        data["amount"] = None if amount is None else plain_decimal(Decimal(amount))
    return data


def results(doc: Doc, field: str) -> list:
    """The pydantic models of ``doc._.<field>`` (plain dicts, or models set by older code)."""
    model = MODELS[field]
    return [item if isinstance(item, model) else model.model_validate(item)
            for item in (getattr(doc._, field) or [])]


def mention_spans(doc: Doc, mentions, label: str):
    """spaCy spans covering the mentions (expanded to token boundaries)."""
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _span_values(plain_items: list) -> dict:
    """(start, end) of each mention -> its normalised values."""
    values = {}
    for position, data in enumerate(plain_items):
        if "mentions" in data:
            value = {k: v for k, v in data.items() if k != "mentions"}
            value["entry"] = position
            for m in data["mentions"]:
                values.setdefault((m["start"], m["end"]), value)
        else:
            value = {k: v for k, v in data.items() if k not in ("start", "end", "text")}
            values.setdefault((data["start"], data["end"]), value)
    return values


def set_results(doc: Doc, field: str, span_group: str, items, label: str, mentions=None) -> None:
    """Store ``items`` on ``doc._.<field>`` as plain data and their mentions in a span group
    whose spans carry the normalised values (``span._.value``)."""
    adopt_context(doc)
    plain = [to_plain(item) for item in items]
    setattr(doc._, field, plain)
    if span_group:
        chosen = items if mentions is None else mentions
        values = _span_values(plain)
        spans = []
        for m in chosen:
            span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            value = values.get((m.start, m.end))
            if value is not None:
                doc.user_data[(_VALUE, label, span.start_char, span.end_char)] = value
        doc.spans[span_group] = spans
