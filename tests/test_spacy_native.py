"""spaCy-native results: plain data on the Doc that spaCy's own serialisation carries,
records built at the edge, requires/assigns, ``published`` as a date, the as_tuples
context, and the README's displaCy example."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.tokens import Doc, DocBin

from extractor import extract
from extractor.api import load_pipeline
from extractor.extract import doc_to_record, make_doc

README = Path(__file__).resolve().parent.parent / "README.md"
FIELDS = ("money", "periods", "organizations", "officials", "destinations")

TEXT = ("Iranian SMEs exported more than $1.6 billion worth of commodities in the first nine "
        "months of the current Iranian calendar year, ISIPO's Deputy Director Asghar Mosaheb "
        "told IRNA. Iraq, Afghanistan and Pakistan bought $320 million, $216 million and "
        "$51 million respectively. The central bank holds 100,000,000,000,000,000,000 rials.")
PUBLISHED = datetime.date(2020, 1, 5)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def processed(nlp):
    return nlp(make_doc(nlp, TEXT, PUBLISHED, "seed"))


def _span_values(doc):
    return {field: [(s.start_char, s.end_char, s.label_, s._.value) for s in doc.spans[field]]
            for field in FIELDS}


def _plain(value) -> bool:
    """Only the types msgpack and JSON both hold."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, bool, int, float))


def test_doc_values_are_plain_data(processed):
    for field in FIELDS:
        assert _plain(getattr(processed._, field)), field
        assert all(_plain(span._.value) for span in processed.spans[field]), field
    srsly.msgpack_dumps(processed.user_data)  # does not raise


def test_amounts_on_the_doc_are_exact_digit_strings(processed):
    amounts = [m["amount"] for m in processed._.money]
    assert amounts == ["1600000000", "320000000", "216000000", "51000000", "100000000000000000000"]
    assert [d["amount"] for d in processed._.destinations] == ["320000000", "216000000", "51000000"]


# (field, mention text, expected span._.value) written from RECORDS.md by hand
SPAN_VALUES = [
    ("money", "$1.6 billion", {"amount": "1600000000", "currency": "USD", "qualifier": "more_than"}),
    ("money", "$51 million", {"amount": "51000000", "currency": "USD", "qualifier": None}),
    ("money", "100,000,000,000,000,000,000 rials",
     {"amount": "100000000000000000000", "currency": "IRR", "qualifier": None}),
    ("periods", "the first nine months of the current Iranian calendar year",
     {"calendar": "solar_hijri", "start_date": "2019-03-21", "end_date": "2019-12-21",
      "hijri_start": "1398-01-01", "hijri_end": "1398-09-30"}),
    ("organizations", "ISIPO", {"name": "ISIPO", "acronym": None, "entry": 0}),
    ("officials", "Asghar Mosaheb",
     {"name": "Asghar Mosaheb", "title": "Deputy Director", "organization": "ISIPO", "entry": 0}),
    ("destinations", "Afghanistan",
     {"country": "Afghanistan", "iso2": "AF", "amount": "216000000", "currency": "USD", "entry": 1}),
]


@pytest.mark.parametrize("field, text, expected", SPAN_VALUES, ids=[f"{f}:{t[:20]}" for f, t, _ in SPAN_VALUES])
def test_span_groups_carry_the_normalised_values(processed, field, text, expected):
    found = [s._.value for s in processed.spans[field] if s.text == text]
    extras = {"rule", "canonical", "type", "money_start"}  # declared extra keys RECORDS allows, beside the contract's
    assert [{k: v for k, v in value.items() if k not in extras} for value in found] == [expected]
    assert all(set(value) - set(expected) <= extras for value in found)


def test_to_bytes_round_trip(nlp, processed):
    copy = Doc(nlp.vocab).from_bytes(processed.to_bytes())
    assert doc_to_record(copy) == doc_to_record(processed)
    assert _span_values(copy) == _span_values(processed)
    assert copy._.published == "2020-01-05" and copy._.doc_id == "seed"


def test_docbin_round_trip(nlp, processed):
    docbin = DocBin(store_user_data=True)
    docbin.add(processed)
    (copy,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert doc_to_record(copy) == doc_to_record(processed)
    assert _span_values(copy) == _span_values(processed)
    assert doc_to_record(copy).to_json() == doc_to_record(processed).to_json()


def test_pipe_with_two_processes_and_context(nlp):
    texts = [(TEXT, {"published": PUBLISHED, "doc_id": f"d{i}"}) for i in range(4)]
    expected = extract(TEXT, published=PUBLISHED, doc_id="d0")
    results = list(nlp.pipe(texts, as_tuples=True, n_process=2, batch_size=1))
    assert [context["doc_id"] for _, context in results] == ["d0", "d1", "d2", "d3"]
    records = [doc_to_record(doc) for doc, _ in results]
    assert [r.doc_id for r in records] == ["d0", "d1", "d2", "d3"]
    assert records[0] == expected
    assert all(r.model_copy(update={"doc_id": "d0"}) == expected for r in records)


RELATIVE = "Exports rose in the first half of the current year."


@pytest.mark.parametrize("published", [
    datetime.date(2019, 10, 8), datetime.datetime(2019, 10, 8, 14, 30), "2019-10-08",
], ids=["date", "datetime", "string"])
def test_published_accepts_a_date_or_a_string(nlp, published):
    doc = nlp.make_doc(RELATIVE)
    doc._.published = published
    doc = nlp(doc)
    assert doc._.published == "2019-10-08"
    assert [(p["start_date"], p["end_date"]) for p in doc._.periods] == [("2019-03-21", "2019-09-22")]


@pytest.mark.parametrize("bad, error", [("10/08/2019", ValueError), (20191008, TypeError)])
def test_published_refuses_what_is_not_a_date(nlp, bad, error):
    doc = nlp.make_doc(RELATIVE)
    with pytest.raises(error):
        doc._.published = bad


def test_as_tuples_context_sets_published_and_doc_id(nlp):
    (doc, context), = nlp.pipe([(RELATIVE, {"published": "2019-10-08", "doc_id": "ctx"})], as_tuples=True)
    assert context == {"published": "2019-10-08", "doc_id": "ctx"}
    record = doc_to_record(doc)
    assert record.doc_id == "ctx" and record.published == datetime.date(2019, 10, 8)
    assert (record.periods[0].start_date, record.periods[0].end_date) == (
        datetime.date(2019, 3, 21), datetime.date(2019, 9, 22))


def test_a_published_set_on_the_doc_wins_over_the_context(nlp):
    doc = nlp.make_doc(RELATIVE)
    doc._.published = "2020-10-08"
    (doc, _), = nlp.pipe([(doc, {"published": "2019-10-08"})], as_tuples=True)
    assert doc._.published == "2020-10-08"
    assert doc._.periods[0]["start_date"] == "2020-03-20"


def test_without_published_relative_periods_have_no_dates(nlp):
    doc = nlp(RELATIVE)
    assert doc._.published is None
    assert [(p["text"], p["start_date"]) for p in doc._.periods] == [("the first half of the current year", None)]


def _blank(*names):
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(f"extractor_{name}", name=name)
    return nlp


def test_analyze_pipes_finds_nothing_wrong_in_the_default_order(nlp):
    assert all(not problems for problems in nlp.analyze_pipes()["problems"].values())


@pytest.mark.parametrize("order, component, missing", [
    (("destinations", "money", "periods", "organizations", "officials"), "destinations",
     ["doc._.money", "doc._.organizations"]),
    (("money", "organizations", "destinations", "officials"), None, []),
    (("money", "destinations", "organizations"), "destinations", ["doc._.organizations"]),
    (("officials", "organizations"), "officials", ["doc._.organizations"]),
], ids=["destinations-first", "right-order", "organizations-late", "officials-first"])
def test_analyze_pipes_flags_components_placed_before_what_they_need(order, component, missing):
    problems = _blank(*order).analyze_pipes()["problems"]
    for name in order:
        assert problems[name] == (missing if name == component else []), name


def test_assigns_are_declared_for_every_component(nlp):
    analysis = nlp.analyze_pipes()["summary"]
    for field in FIELDS:
        assert f"doc._.{field}" in analysis[field]["assigns"]


def test_readme_displacy_example_runs_and_shows_the_values():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- spacy-example -->\n```python\n(.*?)```", text, re.S)
    assert block, "README has no spaCy example"
    namespace: dict = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    html, record = namespace["html"], namespace["record"]
    assert record.doc_id == "a1" and record.money[0].amount == Decimal("1490000000")
    assert namespace["money"]["amount"] == "1490000000"
    assert namespace["value"]["start_date"] == "2019-03-21" and namespace["value"]["end_date"] == "2019-09-22"
    labels = [" ".join(m.split()) for m in re.findall(r">\s*((?:MONEY|DEST|PERIOD|ORG)[^<]*)<", html)]
    assert labels == ["MONEY 1,490,000,000 USD", "DEST IQ 1,490,000,000 USD",
                      "PERIOD 2019-03-21..2019-09-22", "ORG IRNA"]
    # the comments of the example say what the code gives
    for label in labels:
        assert f'"{label}"' in block.group(1)
