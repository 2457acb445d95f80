"""The Python API: ``extract`` one text, ``extract_many`` a stream of them."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from .documents import Document, parse_published
from .extract import doc_to_record, make_doc
from .limits import replace_lone_surrogates
from .records import Record


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The default pipeline, built once per process."""
    from .pipeline import build_nlp

    return build_nlp()


def _as_date(value: Union[str, date, None]) -> Optional[date]:
    return parse_published(value)


def extract(text: str, published: Union[str, date, None] = None, doc_id: Optional[str] = None,
            nlp: Optional[Language] = None) -> Record:
    """The record of one article. ``published`` anchors relative time."""
    nlp = nlp or load_pipeline()
    if text.startswith("\ufeff"):
        text = text[1:]
    text, warnings = replace_lone_surrogates(text)
    doc = nlp(make_doc(nlp, text, _as_date(published), doc_id, warnings))
    return doc_to_record(doc)


def extract_many(documents: Iterable[Union[Document, dict, str]], nlp: Optional[Language] = None,
                 batch_size: int = 64) -> Iterator[Record]:
    """Records of a stream of documents, in order, one at a time.

    Items may be :class:`Document` objects, dicts with the keys of a JSONL
    line, or plain strings (then ``doc_id`` is the position in the stream).
    """
    nlp = nlp or load_pipeline()

    def docs():
        for position, item in enumerate(documents):
            if isinstance(item, str):
                item = Document(doc_id=str(position), text=item)
            elif isinstance(item, dict):
                item = Document(doc_id=str(item.get("doc_id", position)), text=item["text"],
                                published=_as_date(item.get("published")))
            text = item.text[1:] if item.text.startswith("\ufeff") else item.text
            text, warnings = replace_lone_surrogates(text)
            yield make_doc(nlp, text, item.published, item.doc_id, list(item.warnings) + warnings)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc_to_record(doc)
