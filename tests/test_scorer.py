"""The scorer of RECORDS.md section 4, with every expected number worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from extractor.records import Destination, Mention, Money, Official, Organization, Period, Record
from extractor.scorer import (
    PRF, Accuracy, aggregate, amounts_agree, match_mentions, money_agrees, normalise, period_agrees,
    score_corpus, score_destinations, score_document, score_mentions, score_officials,
    score_organizations, surname,
)


def money(start, end, amount=100, currency="USD"):
    return Money(start=start, end=end, text="x" * (end - start),
                 amount=None if amount is None else Decimal(str(amount)), currency=currency)


def period(start, end, first="2019-03-21", last="2019-10-07", calendar="solar_hijri"):
    return Period(start=start, end=end, text="x" * (end - start), calendar=calendar,
                  start_date=date.fromisoformat(first), end_date=last and date.fromisoformat(last),
                  hijri_start=None, hijri_end=None)


def mention(start, end):
    return Mention(start=start, end=end, text="x" * (end - start))


def org(name, acronym=None, at=0):
    return Organization(name=name, acronym=acronym, mentions=[mention(at, at + 1)])


def official(name, title=None, organization=None, at=0):
    return Official(name=name, title=title, organization=organization, mentions=[mention(at, at + 1)])


def dest(iso2, amount=None, currency=None, at=0):
    return Destination(country=iso2, iso2=iso2, amount=None if amount is None else Decimal(str(amount)),
                       currency=currency, mentions=[mention(at, at + 1)])


def counts(prf):
    return prf.tp, prf.fp, prf.fn


# --------------------------------------------------------------------------- PRF

@pytest.mark.parametrize("tp, fp, fn, p, r, f", [
    (2, 0, 0, 1.0, 1.0, 1.0),
    (1, 1, 1, 0.5, 0.5, 0.5),
    (1, 3, 1, 0.25, 0.5, 1 / 3),          # 2 * .25 * .5 / .75
    (3, 1, 0, 0.75, 1.0, 6 / 7),          # 2 * .75 / 1.75
    (0, 0, 3, 0.0, 0.0, 0.0),             # nothing predicted, three to find
    (0, 2, 0, 0.0, 0.0, 0.0),             # only inventions
    (0, 0, 0, 1.0, 1.0, 1.0),             # nothing to find, nothing invented
])
def test_prf(tp, fp, fn, p, r, f):
    prf = PRF(tp, fp, fn)
    assert prf.precision == pytest.approx(p)
    assert prf.recall == pytest.approx(r)
    assert prf.f1 == pytest.approx(f)


def test_prf_adds_counts_not_scores():
    assert counts(PRF(1, 0, 0) + PRF(0, 3, 1)) == (1, 3, 1)


def test_accuracy_is_none_when_nothing_judged():
    assert Accuracy().value is None
    assert (Accuracy(1, 2) + Accuracy(2, 2)).value == pytest.approx(0.75)


# --------------------------------------------------------------------------- matching

@pytest.mark.parametrize("pred, gold, pairs", [
    ([(0, 10)], [(0, 10)], [(0, 0)]),                       # identical
    ([(0, 8)], [(5, 12)], [(0, 0)]),                        # partial overlap (3 chars)
    ([(0, 5)], [(5, 10)], []),                              # touching is not overlapping
    ([(0, 5)], [(20, 30)], []),                             # apart
    ([(5, 15), (12, 30)], [(10, 30)], [(1, 0)]),            # two preds on one gold: the larger overlap (18 > 5)
    ([(0, 20)], [(0, 5), (8, 20)], [(0, 1)]),               # one pred on two golds: overlap 12 beats 5
    # greedy: P1-G1 shares 11, then P0-G0 shares 5 (P0-G1 1, P1-G0 4 lose)
    ([(0, 10), (8, 20)], [(5, 12), (9, 20)], [(0, 0), (1, 1)]),
    # equal overlap: the pred with the closest boundaries wins, the other is left over
    ([(0, 12), (2, 10)], [(2, 10)], [(1, 0)]),
    ([(0, 10), (0, 10)], [(0, 10)], [(0, 0)]),              # duplicate preds: one-to-one
    # overlap size first, boundaries second: [0:30] shares 10 (boundaries 20 off), [10:12] shares 2 (8 off)
    ([(10, 12), (0, 30)], [(10, 20)], [(1, 0)]),
])
def test_match_mentions(pred, gold, pairs):
    assert match_mentions([mention(*s) for s in pred], [mention(*s) for s in gold]) == pairs


# --------------------------------------------------------------------------- values

@pytest.mark.parametrize("pred, gold, agrees", [
    (money(0, 1, 1_000_000), money(0, 1, 1_000_000), True),
    (money(0, 1, 1_000_999), money(0, 1, 1_000_000), True),      # 0.0999 % off
    (money(0, 1, 1_001_000), money(0, 1, 1_000_000), True),      # exactly 0.1 %
    (money(0, 1, 1_001_001), money(0, 1, 1_000_000), False),     # 0.1001 % off
    (money(0, 1, 999_000), money(0, 1, 1_000_000), True),
    (money(0, 1, 998_999), money(0, 1, 1_000_000), False),
    (money(0, 1, 1_000_000, "EUR"), money(0, 1, 1_000_000, "USD"), False),
    (money(0, 1, None, "IRR"), money(0, 1, None, "IRR"), True),
    (money(0, 1, 5, "IRR"), money(0, 1, None, "IRR"), False),
    (money(0, 1, 10, "IRR"), money(0, 1, 1, "IRR"), False),      # toman not converted
])
def test_money_value(pred, gold, agrees):
    assert money_agrees(pred, gold) is agrees


@pytest.mark.parametrize("pred, gold, agrees", [
    (period(0, 1), period(0, 1), True),
    (period(0, 1, calendar="gregorian"), period(0, 1), True),   # the calendar is not scored
    (period(0, 1, last="2019-10-06"), period(0, 1), False),
    (period(0, 1, first="2019-03-20"), period(0, 1), False),
    (period(0, 1, last=None), period(0, 1, last=None), True),
    (period(0, 1, last=None), period(0, 1), False),
])
def test_period_value(pred, gold, agrees):
    assert period_agrees(pred, gold) is agrees


def test_amounts_agree_with_zero():
    assert amounts_agree(Decimal(0), Decimal(0))
    assert not amounts_agree(Decimal(1), Decimal(0))


# --------------------------------------------------------------------------- mention scores

def test_value_mismatch_counts_in_value_not_span():
    gold = [money(0, 10, 100), money(20, 30, 200)]
    pred = [money(0, 10, 100), money(20, 30, 250)]
    s = score_mentions("money", pred, gold, money_agrees)
    assert counts(s.span) == (2, 0, 0)
    assert counts(s.value) == (1, 1, 1)   # P = R = F = 1/2
    assert s.value.f1 == pytest.approx(0.5)
    assert counts(s.strict) == (1, 1, 1)
    assert [d.kind for d in s.diffs] == ["wrong_value"]


def test_partial_overlap_is_a_span_match_but_not_strict():
    s = score_mentions("money", [money(2, 10)], [money(0, 10)], money_agrees)
    assert counts(s.span) == (1, 0, 0)
    assert counts(s.value) == (1, 0, 0)
    assert counts(s.strict) == (0, 1, 1)
    assert s.strict.f1 == 0.0
    assert [d.kind for d in s.diffs] == ["boundary"]


def test_two_predictions_overlapping_one_gold():
    # gold [10:30]; preds [5:15] (shares 5) and [12:30] (shares 18): one match, one false positive
    s = score_mentions("money", [money(5, 15), money(12, 30)], [money(10, 30)], money_agrees)
    assert counts(s.span) == (1, 1, 0)    # P 1/2, R 1, F 2/3
    assert s.span.f1 == pytest.approx(2 / 3)
    assert counts(s.value) == (1, 1, 0)
    assert counts(s.strict) == (0, 2, 1)
    fp = [d for d in s.diffs if d.kind == "false_positive"]
    assert [(d.pred.start, d.pred.end) for d in fp] == [(5, 15)]


def test_duplicate_predictions_count_once():
    s = score_mentions("money", [money(0, 10), money(0, 10)], [money(0, 10)], money_agrees)
    assert counts(s.span) == (1, 1, 0)
    assert counts(s.strict) == (1, 1, 0)  # the identical copy cannot match twice
    assert s.strict.precision == pytest.approx(0.5)


def test_empty_predictions_are_all_false_negatives():
    s = score_mentions("periods", [], [period(0, 5), period(10, 15), period(20, 25)], period_agrees)
    for prf in (s.span, s.value, s.strict):
        assert counts(prf) == (0, 0, 3)
        assert (prf.precision, prf.recall, prf.f1) == (0.0, 0.0, 0.0)
    assert [d.kind for d in s.diffs] == ["false_negative"] * 3


def test_predictions_with_empty_gold_are_all_false_positives():
    s = score_mentions("money", [money(0, 5)], [], money_agrees)
    assert counts(s.value) == (0, 1, 0)


def test_strict_needs_the_value_too():
    s = score_mentions("money", [money(0, 10, 1)], [money(0, 10, 2)], money_agrees)
    assert counts(s.strict) == (0, 1, 1)


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("a, b, same", [
    ("The Trade Promotion Organization", "trade promotion organization", True),
    ("U.S.", "US", True),
    ("Iran-Iraq Chamber of Commerce", "Iran Iraq  Chamber of Commerce", True),
    ("Central Bank of Iran’s", "Central Bank of Iran's", True),
    ("Theodore Trading Co.", "odore Trading Co", False),       # "The" only as a whole word
    ("Central Bank", "Central Bank of Iran", False),
    ("IRNA", "ISNA", False),
])
def test_normalise(a, b, same):
    assert (normalise(a) == normalise(b)) is same


@pytest.mark.parametrize("name, expected", [
    ("Asghar Mosaheb", "mosaheb"), ("Mosaheb", "mosaheb"), ("Ali-Akbar Velayati", "velayati"),
    ("Hassan Rouhani,", "rouhani"), ("", ""),
])
def test_surname(name, expected):
    assert surname(name) == expected


# --------------------------------------------------------------------------- entities

def test_organizations_match_on_name_or_acronym():
    gold = [org("Iran Small Industries and Industrial Parks Organization", "ISIPO"), org("Central Bank of Iran")]
    pred = [org("ISIPO"), org("the central bank of Iran"), org("IRNA")]
    s = score_organizations(pred, gold)
    assert counts(s.entity) == (2, 1, 0)   # P 2/3, R 1, F 4/5
    assert s.entity.f1 == pytest.approx(0.8)
    assert [(d.kind, d.pred.name) for d in s.diffs] == [("false_positive", "IRNA")]


def test_organizations_must_not_match_on_a_longer_name():
    s = score_organizations([org("Central Bank")], [org("Central Bank of Iran", "CBI")])
    assert counts(s.entity) == (0, 1, 1)


def test_duplicate_organization_entries_count_once():
    s = score_organizations([org("IRNA"), org("irna")], [org("IRNA")])
    assert counts(s.entity) == (1, 1, 0)


def test_officials_match_on_surname_and_judge_attributes():
    orgs = [org("Iran Small Industries and Industrial Parks Organization", "ISIPO")]
    gold_record = Record(doc_id="d", text_sha256="0", organizations=orgs, officials=[
        official("Asghar Mosaheb", "Deputy Director", "Iran Small Industries and Industrial Parks Organization"),
        official("Mohsen Salehinia", "head", "Iran Small Industries and Industrial Parks Organization"),
        official("Reza Rahmani", "Minister of Industry, Mine and Trade"),
    ])
    pred_record = Record(doc_id="d", text_sha256="0", organizations=[org("ISIPO")], officials=[
        official("Mosaheb", "deputy director", "ISIPO"),         # title and org (through the acronym) right
        official("Mohsen Salehinia", "spokesman", None),          # both wrong
        official("Reza Rahmani", "Minister of Industry, Mine and Trade"),  # right, org null == null
        official("Ali Rabiei", "spokesman"),                       # invented
    ])
    s = score_officials(pred_record.officials, gold_record.officials, pred_record, gold_record)
    assert counts(s.entity) == (3, 1, 0)
    assert (s.attributes["title"].correct, s.attributes["title"].total) == (2, 3)
    assert (s.attributes["organization"].correct, s.attributes["organization"].total) == (2, 3)
    wrong = sorted((d.gold.name, d.attribute) for d in s.diffs if d.kind == "wrong_attribute")
    assert wrong == [("Mohsen Salehinia", "organization"), ("Mohsen Salehinia", "title")]


def test_officials_sharing_a_surname_pair_by_full_name_first():
    gold = [official("Ali Rahmani", "CEO"), official("Reza Rahmani", "Minister")]
    pred = [official("Reza Rahmani", "Minister"), official("Ali Rahmani", "CEO")]
    s = score_officials(pred, gold)
    assert counts(s.entity) == (2, 0, 0)
    assert s.attributes["title"].value == 1.0


def test_destinations_match_on_iso2_and_amount_accuracy():
    gold = [dest("IQ", 320_000_000, "USD"), dest("AF", 216_000_000, "USD"), dest("TR")]
    pred = [dest("IQ", 320_200_000, "USD"),   # 0.0625 % off: right
            dest("AF", 216_000_000, "EUR"),   # wrong currency
            dest("TR", 5, "USD"),             # gold has no amount: not judged
            dest("PK")]                       # invented
    s = score_destinations(pred, gold)
    assert counts(s.entity) == (3, 1, 0)
    amount = s.attributes["amount"]
    assert (amount.correct, amount.total) == (1, 2)
    assert amount.value == 0.5


def test_destination_amount_missing_in_prediction_is_wrong():
    s = score_destinations([dest("IQ")], [dest("IQ", 1, "USD")])
    assert (s.attributes["amount"].correct, s.attributes["amount"].total) == (0, 1)


# --------------------------------------------------------------------------- documents

def record(doc_id, **fields):
    return Record(doc_id=doc_id, text_sha256="0", **fields)


def test_document_missing_from_predictions_is_all_false_negatives():
    gold = record("a", money=[money(0, 5), money(9, 12)], periods=[period(20, 30)],
                  organizations=[org("IRNA")], destinations=[dest("IQ", 1, "USD")])
    doc = score_document(gold, None)
    assert doc.missing
    assert counts(doc.fields["money"].value) == (0, 0, 2)
    assert counts(doc.fields["periods"].span) == (0, 0, 1)
    assert counts(doc.fields["organizations"].entity) == (0, 0, 1)
    assert counts(doc.fields["destinations"].entity) == (0, 0, 1)
    assert doc.fields["destinations"].attributes["amount"].total == 0


def test_micro_average_over_documents():
    # doc a: 1 tp; doc b: 0 tp, 3 fp, 1 fn -> micro P 1/4, R 1/2, F 1/3 (macro F would be 1/2)
    a = (record("a", money=[money(0, 5)]), record("a", money=[money(0, 5)]))
    b = (record("b", money=[money(0, 5)]),
         record("b", money=[money(10, 15), money(20, 25), money(30, 35)]))
    scores, docs = score_corpus([a, b])
    value = scores.fields["money"].value
    assert counts(value) == (1, 3, 1)
    assert value.precision == pytest.approx(0.25)
    assert value.recall == pytest.approx(0.5)
    assert value.f1 == pytest.approx(1 / 3)
    assert scores.documents == 2
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_headlines_and_overall():
    gold = record("a", money=[money(0, 5, 1)], periods=[period(10, 20)],
                  organizations=[org("IRNA")], officials=[official("Ali Rabiei")], destinations=[dest("IQ")])
    pred = record("a", money=[money(0, 5, 2)], periods=[period(10, 20)],
                  organizations=[org("IRNA")], officials=[], destinations=[dest("IQ"), dest("AF")])
    scores, _ = score_corpus([(gold, pred)])
    assert counts(scores.headline("money")) == (0, 1, 1)         # value, not span
    assert counts(scores.headline("periods")) == (1, 0, 0)
    assert counts(scores.headline("officials")) == (0, 0, 1)
    assert counts(scores.headline("destinations")) == (1, 1, 0)
    # pooled: tp 0+1+1+0+1 = 3, fp 1+0+0+0+1 = 2, fn 1+0+0+1+0 = 2 -> P = R = F = 3/5
    assert counts(scores.overall()) == (3, 2, 2)
    assert scores.headline("overall").f1 == pytest.approx(0.6)


def test_json_shape():
    scores, _ = score_corpus([(record("a", money=[money(0, 5)]), record("a"))])
    data = scores.to_dict()
    prf_keys = {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(data["money"]) == set(data["periods"]) == {"span", "value", "strict"}
    assert all(set(data["money"][k]) == prf_keys for k in data["money"])
    assert set(data["organizations"]) == {"entity"}
    assert set(data["officials"]) == {"entity", "title_accuracy", "organization_accuracy"}
    assert set(data["destinations"]) == {"entity", "amount_accuracy"}
    assert data["documents"] == 1
    assert data["money"]["value"]["fn"] == 1
    assert data["officials"]["title_accuracy"] is None


def test_aggregate_of_nothing():
    scores = aggregate([])
    assert scores.documents == 0
    assert scores.headline("money").f1 == 1.0
