"""From text to Doc to record: the one place where a record is assembled."""

from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .components.base import FIELDS, doc_text, register_extensions, results
from .errors import ExtractorError
from .limits import make_doc_safely
from .records import Record, text_sha256


class OffsetError(ExtractorError):
    """A mention whose offsets do not point at its text: a bug, never written."""


def make_doc(nlp: Language, text: str, published: Optional[date], doc_id: Optional[str],
             warnings: Sequence[str] = ()) -> Doc:
    """A Doc ready for the components: tokenized in linear time, with its date, id and
    the reader's warnings (which the record carries as an extra ``warnings`` key)."""
    register_extensions()
    doc = make_doc_safely(nlp, text)
    doc.user_data[("extractor", "text")] = text  # doc.text == text; spaCy would rebuild it on each access
    doc._.published = published
    doc._.doc_id = doc_id
    if warnings:
        doc.user_data[("extractor", "warnings")] = list(warnings)
    return doc


def doc_to_record(doc: Doc) -> Record:
    """The record of a processed Doc, every mention checked against the text: the pydantic
    models are built here, at the edge, from the plain values the components leave on the Doc."""
    published = date.fromisoformat(doc._.published) if doc._.published else None
    record = Record(
        doc_id=doc._.doc_id or "",
        published=published,
        text_sha256=text_sha256(doc_text(doc)),
        **{field: results(doc, field) for field in FIELDS},
    )
    warnings = doc.user_data.get(("extractor", "warnings"))
    if warnings:
        record.warnings = list(warnings)
    problems = record.check_offsets(doc_text(doc))
    if problems:
        raise OffsetError(f"{record.doc_id}: " + "; ".join(problems[:3]))
    return record
