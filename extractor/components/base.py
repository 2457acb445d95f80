"""What every component shares: Doc extensions and span groups."""

from __future__ import annotations

from spacy.tokens import Doc

FIELDS = ("money", "periods", "organizations", "officials", "destinations")


def register_extensions() -> None:
    """Doc extensions holding the results; idempotent."""
    for field in FIELDS:
        if not Doc.has_extension(field):
            Doc.set_extension(field, default=None)
    for name in ("published", "doc_id"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins the tokens on every access)."""
    text = doc.user_data.get(("extractor", "text"))
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != length:
        text = doc.text
        doc.user_data[("extractor", "text")] = text
    return text


def mention_spans(doc: Doc, mentions, label: str):
    """spaCy spans covering the mentions (expanded to token boundaries)."""
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def set_results(doc: Doc, field: str, span_group: str, items, label: str, mentions=None) -> None:
    """Store ``items`` on ``doc._.<field>`` and their mentions in a span group."""
    setattr(doc._, field, items)
    if span_group:
        doc.spans[span_group] = mention_spans(doc, items if mentions is None else mentions, label)
