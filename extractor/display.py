"""displaCy views of the extractor's results, the normalised values beside each span.

``spans_for_displacy(doc)`` turns a processed Doc into displaCy's manual
span format, each label carrying the values (``MONEY 1,490,000,000 USD``,
``PERIOD 2019-03-21..2019-10-07``), ready for
``displacy.render(data, style="span", manual=True, options=options)``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Iterable, Optional

from spacy.tokens import Doc

from .components.base import FIELDS

#: displaCy label and colour of each field.
KINDS = {
    "money": ("MONEY", "#a3e4a1"),
    "periods": ("PERIOD", "#f9d57a"),
    "organizations": ("ORG", "#9ec5f8"),
    "officials": ("PERSON", "#f4a6c0"),
    "destinations": ("DEST", "#c9b3f5"),
}


def _amount(value) -> Optional[str]:
    if value is None:
        return None
    try:
        return f"{Decimal(str(value)):,}"
    except InvalidOperation:
        return str(value)


def value_text(field: str, value: Optional[dict]) -> str:
    """The normalised values of one mention, in a few words."""
    if not value:
        return ""
    if field == "money":
        parts = [value.get("qualifier") and value["qualifier"].replace("_", " "),
                 _amount(value.get("amount")), value.get("currency")]
    elif field == "periods":
        start, end = value.get("start_date"), value.get("end_date")
        parts = [f"{start or '?'}..{end or ''}" if start or end else None]
    elif field == "organizations":
        parts = [value.get("name"), value.get("acronym") and f"({value['acronym']})"]
    elif field == "officials":
        parts = [value.get("name"), value.get("title") and f"· {value['title']}",
                 value.get("organization") and f"· {value['organization']}"]
    elif field == "destinations":
        parts = [value.get("iso2"), _amount(value.get("amount")), value.get("currency")]
    else:
        parts = [str(value)]
    return " ".join(p for p in parts if p)


def label_of(field: str, value: Optional[dict], prefix: str = "") -> str:
    """A displaCy label: the field's kind, then its values."""
    kind = KINDS.get(field, (field.upper(), None))[0]
    return " ".join(p for p in (prefix, kind, value_text(field, value)) if p)


def spans_for_displacy(doc: Doc, fields: Iterable[str] = FIELDS) -> tuple[dict, dict]:
    """``(data, options)`` for ``displacy.render(data, style="span", manual=True, options=options)``:
    every span of the fields' span groups, labelled with its normalised values (``span._.value``)."""
    spans, colors = [], {}
    for field in fields:
        for span in doc.spans.get(field, []):
            label = label_of(field, span._.value)
            colors[label.upper()] = KINDS.get(field, (None, "#ddd"))[1]
            spans.append({"start_token": span.start, "end_token": span.end, "label": label})
    spans.sort(key=lambda s: (s["start_token"], s["end_token"]))
    data = {"text": doc.text, "spans": spans, "tokens": [t.text for t in doc]}
    return data, {"colors": colors}
