"""The Python API: ``extract``, ``extract_many`` and the spaCy components."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
import spacy

from extractor import extract
from extractor.api import extract_many, load_pipeline
from extractor.documents import Document
from extractor.records import Record

TEXT = ("TEHRAN - Iranian SMEs exported more than $1.6 billion worth of commodities in the first nine "
        "months of the current Iranian calendar year (March 21-December 21, 2019), ISIPO’s Deputy Director "
        "Asghar Mosaheb told IRNA. Iraq, Afghanistan and Pakistan bought $320 million, $216 million and "
        "$51 million respectively.")


def test_extract_gives_a_complete_record():
    record = extract(TEXT, published="2020-01-05", doc_id="a1")
    assert isinstance(record, Record)
    assert record.doc_id == "a1"
    assert record.published == date(2020, 1, 5)
    assert record.text_sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert record.check_offsets(TEXT) == []
    assert [(m.text, m.amount, m.qualifier) for m in record.money] == [
        ("$1.6 billion", Decimal(1600000000), "more_than"), ("$320 million", Decimal(320000000), None),
        ("$216 million", Decimal(216000000), None), ("$51 million", Decimal(51000000), None)]
    (period,) = record.periods
    assert (period.start_date, period.end_date) == (date(2019, 3, 21), date(2019, 12, 21))
    assert [o.name for o in record.organizations] == ["ISIPO", "IRNA"]
    assert [(o.name, o.title, o.organization) for o in record.officials] == [
        ("Asghar Mosaheb", "Deputy Director", "ISIPO")]
    assert [(d.iso2, d.amount) for d in record.destinations] == [
        ("IQ", Decimal(320000000)), ("AF", Decimal(216000000)), ("PK", Decimal(51000000))]


@pytest.mark.parametrize("published", ["2020-01-05", date(2020, 1, 5)])
def test_published_as_string_or_date(published):
    record = extract("Exports fell last year.", published=published)
    assert record.published == date(2020, 1, 5)
    assert (record.periods[0].start_date, record.periods[0].end_date) == (date(2018, 3, 21), date(2019, 3, 20))


def test_without_published_relative_dates_are_null_but_reported():
    record = extract("Exports fell last year.")
    assert record.published is None
    assert [(p.text, p.start_date, p.end_date) for p in record.periods] == [("last year", None, None)]


def test_leading_bom_is_dropped_and_offsets_point_into_the_rest():
    record = extract("\ufeff" + TEXT, published="2020-01-05")
    assert record.text_sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert record.check_offsets(TEXT) == []
    assert record.money[0].start == TEXT.index("$1.6 billion")


def test_offsets_are_python_string_indices_with_nothing_normalised():
    text = "Café owners said:\r\n  “Exports hit\u00a0$2 billion” in 1398.\tIRNA reported."
    record = extract(text, published="2020-01-05")
    assert record.check_offsets(text) == []
    assert [m.text for m in record.money] == ["$2 billion"]
    assert record.money[0].start == text.index("$2 billion")
    assert [p.text for p in record.periods] == ["1398"]


def test_empty_and_irrelevant_texts():
    for text in ("", "   \n", "The weather was fine on Monday."):
        record = extract(text)
        assert (record.money, record.periods, record.organizations, record.officials,
                record.destinations) == ([], [], [], [], [])


def test_lists_are_sorted_by_first_offset():
    record = extract(TEXT + " IRNA said Iraq bought more. The Central Bank of Iran (CBI) agreed.",
                     published="2020-01-05")
    for name in ("money", "periods"):
        starts = [m.start for m in getattr(record, name)]
        assert starts == sorted(starts)
    for name in ("organizations", "officials", "destinations"):
        firsts = [entry.mentions[0].start for entry in getattr(record, name)]
        assert firsts == sorted(firsts)


def test_json_dict_follows_the_contract():
    data = extract(TEXT, published="2020-01-05", doc_id="a1").to_json_dict()
    assert data["schema"] == 1
    assert data["published"] == "2020-01-05"
    assert data["money"][0]["amount"] == 1600000000 and isinstance(data["money"][0]["amount"], int)
    assert data["periods"][0]["start_date"] == "2019-03-21"
    assert Record.model_validate(data).to_json_dict() == data


def test_extract_many_keeps_order_and_accepts_documents_dicts_and_strings():
    items = [
        Document(doc_id="d1", text="Exports reached $2 billion in 1398.", published=date(2020, 1, 5)),
        {"doc_id": "d2", "text": "Iraq bought $5 million worth of goods.", "published": "2020-01-05"},
        "IRNA reported 10,000 billion rials.",
    ]
    records = list(extract_many(items))
    assert [r.doc_id for r in records] == ["d1", "d2", "2"]
    assert records[0].published == date(2020, 1, 5) and records[2].published is None
    assert [m.amount for m in records[2].money] == [Decimal(10000000000000)]
    for item, record in zip(items, records):
        text = item.text if isinstance(item, Document) else item["text"] if isinstance(item, dict) else item
        single = extract(text, published=record.published, doc_id=record.doc_id)
        assert record.to_json_dict() == single.to_json_dict()


def test_extract_many_is_lazy():
    def endless():
        n = 0
        while True:
            n += 1
            yield f"Exports reached ${n} billion."

    stream = extract_many(endless(), batch_size=2)
    first = [next(stream) for _ in range(3)]
    assert [r.money[0].amount for r in first] == [Decimal(1000000000), Decimal(2000000000), Decimal(3000000000)]


def test_pipeline_is_built_once_with_the_five_components():
    nlp = load_pipeline()
    assert load_pipeline() is nlp
    assert nlp.pipe_names == ["money", "periods", "organizations", "officials", "destinations"]


def test_components_are_spacy_factories_usable_in_any_pipeline():
    nlp = spacy.blank("en")
    for name in ("extractor_money", "extractor_periods", "extractor_organizations",
                 "extractor_officials", "extractor_destinations"):
        nlp.add_pipe(name)
    doc = nlp("Iran exported $2 billion worth of goods to Iraq in 1398, IRNA reported.")
    assert [m["text"] for m in doc._.money] == ["$2 billion"]
    assert [s.text for s in doc.spans["money"]] == ["$2 billion"]
    assert [p["text"] for p in doc._.periods] == ["1398"]
    assert [d["iso2"] for d in doc._.destinations] == ["IQ"]
    assert [s.text for s in doc.spans["destinations"]] == ["Iraq"]


def test_config_overrides_reach_the_components():
    from extractor.pipeline import build_nlp

    text = "Iran exported goods to Iraq, and over the whole of that long year the value came to $2 billion."
    default = build_nlp()
    wide = build_nlp(overrides={"components.destinations.max_gap": 200})
    assert wide.get_pipe("destinations").max_gap == 200
    assert default.get_pipe("destinations").max_gap == 90
    assert extract(text, nlp=wide).to_json_dict()["destinations"][0]["country"] == "Iraq"
