"""The periods component: Iranian and Gregorian periods, resolved to dates."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..timex import find_periods
from .base import doc_text, set_results


class PeriodsComponent:
    """Sets ``doc._.periods`` (list of :class:`Period`) and the span group.

    Relative expressions are resolved against ``doc._.published``.
    """

    def __init__(self, nlp: Language, name: str, span_group: str):
        self.name = name
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        set_results(doc, "periods", self.span_group, find_periods(doc_text(doc), published), label="PERIOD")
        return doc


@Language.factory("extractor_periods", default_config={"span_group": "periods"},
                  assigns=["doc._.periods", "doc.spans"])
def make_periods_component(nlp: Language, name: str, span_group: str) -> PeriodsComponent:
    return PeriodsComponent(nlp, name, span_group)
