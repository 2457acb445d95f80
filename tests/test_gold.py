"""Gold files: reading, the checks of ``gold validate``, drafting without overwriting."""

import copy
import json

import pytest

from extractor.cli import main
from extractor.errors import GoldError, InputError
from extractor.gold import (
    contract_dict, dump_gold, load_gold_dir, parse_record, read_gold_file, read_records, text_problems,
    validate_record,
    write_gold,
)
from extractor.records import Record, text_sha256

TEXT = ("Iranian SMEs exported $1.49 billion in the first six months of the current Iranian year, "
        "ISIPO’s Deputy Director Asghar Mosaheb told IRNA. Iraq bought $320 million.")


def at(needle, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


GOOD = {
    "schema": 1, "doc_id": "doc1", "published": "2019-10-08", "text_sha256": text_sha256(TEXT),
    "money": [dict(at("$1.49 billion"), amount=1490000000, currency="USD", qualifier=None),
              dict(at("$320 million"), amount=320000000, currency="USD", qualifier=None)],
    "periods": [dict(at("the first six months of the current Iranian year"), calendar="solar_hijri",
                     start_date="2019-03-21", end_date="2019-09-22",
                     hijri_start="1398-01-01", hijri_end="1398-06-31")],
    "organizations": [{"name": "ISIPO", "acronym": None, "mentions": [at("ISIPO")]},
                      {"name": "IRNA", "acronym": None, "mentions": [at("IRNA")]}],
    "officials": [{"name": "Asghar Mosaheb", "title": "Deputy Director", "organization": "ISIPO",
                   "mentions": [at("Asghar Mosaheb")]}],
    "destinations": [{"country": "Iraq", "iso2": "IQ", "amount": 320000000, "currency": "USD",
                      "mentions": [at("Iraq")]}],
}


@pytest.fixture
def project(tmp_path):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "doc1.meta.json").write_text(json.dumps({"published": "2019-10-08"}), encoding="utf-8")
    (gold / "doc1.json").write_text(json.dumps(GOOD), encoding="utf-8")
    return tmp_path


class Doc:
    def __init__(self, text=TEXT, published=None):
        self.text, self.published = text, published


def problems_of(data, path="gold/doc1.json", document=None):
    return validate_record(Record.model_validate(data), path, document or Doc())


def test_a_good_gold_file_has_no_problem():
    assert problems_of(GOOD) == []


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _swap_money(data):
    data["money"].reverse()


def _repeat_money(data):
    data["money"].insert(1, copy.deepcopy(data["money"][0]))


# (what is broken, the change, a piece of the problem line)
BROKEN = [
    ("offset", _set(("money", 0, "start"), GOOD["money"][0]["start"] + 1), "money[0] ["),
    ("mention text", _set(("officials", 0, "mentions", 0, "text"), "Asghar Masaheb"), "officials[0].mentions[0]"),
    ("past the end", _set(("destinations", 0, "mentions", 0, "end"), len(TEXT) + 5), "runs past the end"),
    ("hash", _set(("text_sha256",), "0" * 64), "text_sha256"),
    ("hijri start", _set(("periods", 0, "hijri_start"), "1398-01-02"), "hijri_start 1398-01-02"),
    ("hijri end", _set(("periods", 0, "hijri_end"), "1398-06-30"), "hijri_end 1398-06-30"),
    ("reversed dates", _set(("periods", 0, "end_date"), "2019-03-01"), "before start_date"),
    ("currency", _set(("money", 1, "currency"), "USX"), "'USX' is not an upper-case ISO 4217"),
    ("country code", _set(("destinations", 0, "iso2"), "XX"), "'XX' is not an ISO 3166-1"),
    ("half an amount", _set(("destinations", 0, "currency"), None), "both be given or both null"),
    ("dangling organization", _set(("officials", 0, "organization"), "Iran Small Industries Organization"),
     "is not the name of an organizations entry"),
    ("unsorted money", _swap_money, "money: not sorted"),
    ("repeated money", _repeat_money, "repeats money[0]"),
    ("doc_id", _set(("doc_id",), "doc2"), "differs from the file name"),
]


@pytest.mark.parametrize("name, change, expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_gold_file_is_named_with_its_problem(name, change, expected):
    data = copy.deepcopy(GOOD)
    change(data)
    problems = problems_of(data)
    assert problems, name
    assert any(expected in line for line in problems), problems
    assert all(line.startswith("gold/doc1.json: ") for line in problems)


def test_unsorted_entities_and_mentions():
    data = copy.deepcopy(GOOD)
    data["organizations"].reverse()
    data["officials"][0]["mentions"].insert(0, at("told IRNA"))
    problems = problems_of(data)
    assert any("organizations: not sorted by first mention" in p for p in problems)
    assert any("officials[0]: mentions not sorted" in p for p in problems)


def test_published_must_agree_with_the_document():
    from datetime import date

    problems = problems_of(GOOD, document=Doc(published=date(2019, 10, 9)))
    assert problems == ["gold/doc1.json: published 2019-10-08 differs from the document's 2019-10-09"]


def test_document_missing_from_the_corpus():
    problems = validate_record(Record.model_validate(GOOD), "gold/doc1.json", None)
    assert problems == ["gold/doc1.json: no document 'doc1' in the corpus"]


def test_text_problems_start_with_the_hash_then_mentions():
    problems = text_problems(Record.model_validate(GOOD), TEXT.replace("Iraq", "Iran"))
    assert problems[0].startswith("text_sha256")
    assert "destinations[0].mentions[0]" in problems[1] and "'Iran' in the text" in problems[1]


# --------------------------------------------------------------------------- reading

def test_read_gold_file_names_the_file_and_field(tmp_path):
    path = tmp_path / "doc1.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match=r"doc1\.json: invalid JSON"):
        read_gold_file(path)
    data = copy.deepcopy(GOOD)
    data["money"][0]["qualifier"] = "roughly"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError, match=r"doc1\.json: not a valid record: money\.0\.qualifier"):
        read_gold_file(path)


def test_load_gold_dir_refuses_a_doc_id_that_is_not_the_file_name(tmp_path):
    (tmp_path / "other.json").write_text(json.dumps(GOOD), encoding="utf-8")
    with pytest.raises(GoldError, match="differs from the file name 'other'"):
        load_gold_dir(tmp_path)


def test_read_records_names_the_broken_line():
    good = Record.model_validate(GOOD).to_json()
    items = list(read_records([good, "{not json", "", '{"doc_id": "x"}', good], "preds.jsonl"))
    assert [n for n, _ in items] == [1, 2, 4, 5]
    assert isinstance(items[0][1], Record) and isinstance(items[3][1], Record)
    assert isinstance(items[1][1], InputError) and str(items[1][1]).startswith("preds.jsonl:2: invalid JSON")
    assert str(items[2][1]).startswith("preds.jsonl:4: not a valid record: text_sha256")


# --------------------------------------------------------------------------- writing

def test_drafts_keep_only_the_contract_keys():
    data = copy.deepcopy(GOOD)
    data["confidence"] = 0.5
    data["money"][0]["rule"] = "currency-symbol"
    record = Record.model_validate(data)
    assert "confidence" in record.to_json_dict()
    clean = contract_dict(record)
    assert "confidence" not in clean and "rule" not in clean["money"][0]
    assert clean == json.loads(json.dumps(GOOD))
    assert contract_dict(Record.model_validate_json(dump_gold(record))) == clean


def test_write_gold_never_overwrites_without_force(tmp_path):
    record = Record.model_validate(GOOD)
    written, skipped = write_gold([record], tmp_path)
    assert [p.name for p in written] == ["doc1.json"] and skipped == []
    path = tmp_path / "doc1.json"
    path.write_text("corrected by hand", encoding="utf-8")
    written, skipped = write_gold([record], tmp_path)
    assert written == [] and skipped == [path]
    assert path.read_text(encoding="utf-8") == "corrected by hand"
    written, skipped = write_gold([record], tmp_path, force=True)
    assert written == [path]
    assert read_gold_file(path) == record


def test_write_gold_refuses_a_doc_id_that_is_a_path(tmp_path):
    record = Record.model_validate(dict(GOOD, doc_id="../x"))
    with pytest.raises(GoldError):
        write_gold([record], tmp_path)


# --------------------------------------------------------------------------- CLI

def test_cli_validate_ok(project, capsys):
    assert main(["gold", "validate", str(project / "gold"), str(project / "corpus")]) == 0
    assert "1 gold file(s) valid" in capsys.readouterr().err


def test_cli_validate_one_line_per_problem(project, capsys):
    data = copy.deepcopy(GOOD)
    data["money"][0]["start"] += 1
    data["destinations"][0]["iso2"] = "XX"
    (project / "gold" / "doc1.json").write_text(json.dumps(data), encoding="utf-8")
    (project / "gold" / "ghost.json").write_text(json.dumps(dict(GOOD, doc_id="ghost")), encoding="utf-8")
    (project / "gold" / "broken.json").write_text("[", encoding="utf-8")
    assert main(["gold", "validate", str(project / "gold"), str(project / "corpus")]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("broken.json: invalid JSON: Expecting value: line 1 column 2 (char 1)")
    assert "doc1.json: money[0] [" in lines[1]
    assert "doc1.json: destinations[0] 'Iraq': 'XX' is not an ISO 3166-1" in lines[2]
    assert "ghost.json: no document 'ghost' in the corpus" in lines[3]
    assert "4 problem(s) in 3 of 3 gold file(s)" in out.err


def test_cli_draft_from_records_never_overwrites(project, tmp_path, capsys):
    preds = tmp_path / "preds.jsonl"
    preds.write_text(Record.model_validate(GOOD).to_json() + "\n", encoding="utf-8")
    out = tmp_path / "drafts"
    assert main(["gold", "draft", str(preds), "--out", str(out)]) == 0
    assert read_gold_file(out / "doc1.json") == Record.model_validate(GOOD)
    (out / "doc1.json").write_text("mine", encoding="utf-8")
    assert main(["gold", "draft", str(preds), "--out", str(out)]) == 1
    assert "skipped" in capsys.readouterr().err
    assert (out / "doc1.json").read_text(encoding="utf-8") == "mine"
    assert main(["gold", "draft", str(preds), "--out", str(out), "--force"]) == 0
    assert read_gold_file(out / "doc1.json") == Record.model_validate(GOOD)


# --------------------------------------------------------------------------- the contract's rules, table-driven

def _span(text, needle):
    """``needle`` or ``(needle, nth)`` as a mention of ``text``."""
    needle, nth = needle if isinstance(needle, tuple) else (needle, 0)
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def _hijri(day):
    from datetime import date

    from extractor.calendar import hijri_iso

    return hijri_iso(date.fromisoformat(day)) if day else None


def mini(text, money=(), periods=(), orgs=(), officials=(), dests=()):
    """A small record of ``text``; every mention given by its needle (or ``(needle, nth)``)."""
    def period(needle, start_date, end_date, calendar="solar_hijri", extra=None):
        extra = extra or {}
        return dict(_span(text, needle), calendar=calendar, start_date=start_date, end_date=end_date,
                    hijri_start=extra.get("hijri_start", _hijri(start_date)),
                    hijri_end=extra.get("hijri_end", _hijri(end_date)))

    return {
        "schema": 1, "doc_id": "mini", "published": "2019-10-08", "text_sha256": text_sha256(text),
        "money": [dict(_span(text, n), amount=a, currency=c, qualifier=q) for n, a, c, q in money],
        "periods": [period(*p) for p in periods],
        "organizations": [{"name": n, "acronym": a, "mentions": [_span(text, x) for x in ms]} for n, a, ms in orgs],
        "officials": [{"name": n, "title": t, "organization": o, "mentions": [_span(text, x) for x in ms]}
                      for n, t, o, ms in officials],
        "destinations": [{"country": c, "iso2": i, "amount": a, "currency": cur,
                          "mentions": [_span(text, x) for x in ms]} for c, i, a, cur, ms in dests],
    }


def contract_problems(data, text):
    """The problem lines of ``gold validate`` for one record (a parse error is one line)."""
    try:
        record = parse_record(data, "gold/mini.json")
    except GoldError as exc:
        return [str(exc)]
    return validate_record(record, "gold/mini.json", Doc(text))


T_TPO = ("Alireza Peymanpak, the head of the Trade Promotion Organization of Iran (TPO), told IRNA that "
         "exports to the UAE topped $600 million since the beginning of the current year.")
TPO = ("Trade Promotion Organization of Iran", "TPO", ["Trade Promotion Organization of Iran", "TPO"])
PEYMANPAK = ("Alireza Peymanpak", "head", "Trade Promotion Organization of Iran", ["Alireza Peymanpak"])
UAE = ("United Arab Emirates", "AE", 600000000, "USD", ["UAE"])
OPEN_YEAR = ("the current year", "2019-03-21", None)
T_RANGE = ("Saffron sold for between 35 and 48 million rials, or 341.4 trillion ($9.1 billion) in all, "
           "and between $35 and $48 million a year.")
T_SIGNS = "Deals worth AED5bn, C$300 million, Rs 300 crore, 19 cents and 20 trillion tomans were signed."
T_SINCE_END = "Exports rose since the beginning of the current Iranian calendar year (March 21) up to October 7."
T_POINT = "Officials hope to lift sales to $9 billion by the end of the year and to $20 billion by 2025."
T_OFFICES = ("Iraqi President Abdul Latif Rashid met Ali Rezaei, head of the visa and passport department of "
             "the Foreign Ministry. Iraq took 24 percent of the exports, the UK and Britain's buyers the rest.")
T_CHAMBER = "Hamid Hosseini of the Iran-Iraq Joint Chamber of Commerce said Iraq bought goods in August."

# (row, text, record, a piece of the problem line; None: the record must pass)
CONTRACT_ROWS = [
    # ---- rows that must pass
    ("qualifier outside, open range, acronym organization", T_TPO,
     mini(T_TPO, money=[("$600 million", 600000000, "USD", "more_than")], periods=[OPEN_YEAR],
          orgs=[TPO, ("IRNA", None, ["IRNA"])], officials=[PEYMANPAK], dests=[UAE]), None),
    ("range borrowing scale and currency, elided currency", T_RANGE,
     mini(T_RANGE, money=[("35", 35000000, "IRR", None), ("48 million rials", 48000000, "IRR", None),
                          ("341.4 trillion", 341400000000000, "IRR", None),
                          ("$9.1 billion", 9100000000, "USD", None), ("$35", 35000000, "USD", None),
                          ("$48 million", 48000000, "USD", None)]), None),
    ("codes, prefixed signs, crore, cents, tomans", T_SIGNS,
     mini(T_SIGNS, money=[("AED5bn", 5000000000, "AED", None), ("C$300 million", 300000000, "CAD", None),
                          ("Rs 300 crore", 3000000000, "INR", None), ("19 cents", 0.19, "USD", None),
                          ("20 trillion tomans", 200000000000000, "IRR", None)]), None),
    ("since X with its end in the span", T_SINCE_END,
     mini(T_SINCE_END, periods=[("the current Iranian calendar year (March 21) up to October 7",
                                 "2019-03-21", "2019-10-07")]), None),
    ("'by 2025' is a period, 'by the end of the year' holds none", T_POINT,
     mini(T_POINT, money=[("$9 billion", 9000000000, "USD", None), ("$20 billion", 20000000000, "USD", None)],
          periods=[("2025", "2025-01-01", "2025-12-31", "gregorian")]), None),
    ("foreign state office, named unit, share, UK and Britain", T_OFFICES,
     mini(T_OFFICES, orgs=[("Foreign Ministry", None, ["Foreign Ministry"])],
          officials=[("Abdul Latif Rashid", "Iraqi President", None, ["Abdul Latif Rashid"]),
                     ("Ali Rezaei", "head of the visa and passport department", "Foreign Ministry", ["Ali Rezaei"])],
          dests=[("Iraq", "IQ", None, None, ["Iraq"]), ("United Kingdom", "GB", None, None, ["UK", "Britain"])]),
     None),
    ("a country inside an organization name is not its mention", T_CHAMBER,
     mini(T_CHAMBER, periods=[("August", "2019-08-01", "2019-08-31", "gregorian")],
          orgs=[("Iran-Iraq Joint Chamber of Commerce", None, ["Iran-Iraq Joint Chamber of Commerce"])],
          officials=[("Hamid Hosseini", None, "Iran-Iraq Joint Chamber of Commerce", ["Hamid Hosseini"])],
          dests=[("Iraq", "IQ", None, None, [("Iraq", 1)])]), None),
    ("'this month' is a period, 'that month' is not", "Sales rose this month and fell that month.",
     mini("Sales rose this month and fell that month.",
          periods=[("this month", "2019-10-01", "2019-10-31", "gregorian")]), None),
    ("hijri dates may be null", T_CHAMBER,
     mini(T_CHAMBER, periods=[("August", "2019-08-01", "2019-08-31", "gregorian",
                               {"hijri_start": None, "hijri_end": None})]), None),
    # ---- rows that must fail: money
    ("currency not upper case", T_TPO, mini(T_TPO, money=[("$600 million", 600000000, "usd", "more_than")]),
     "money.0.currency: String should match pattern '^[A-Z]{3}$'"),  # refused by the model itself
    ("currency not ISO 4217", T_TPO, mini(T_TPO, money=[("$600 million", 600000000, "USX", "more_than")]),
     "currency 'USX' is not an upper-case ISO 4217 code"),
    ("amount zero", T_RANGE, mini(T_RANGE, money=[("35", 0, "IRR", None)]), "amount 0 is not above 0"),
    ("amount of 10^21", T_RANGE, mini(T_RANGE, money=[("35", 10 ** 21, "IRR", None)]), "below 10^21"),
    ("qualifier outside the allowed set", T_TPO, mini(T_TPO, money=[("$600 million", 600000000, "USD", "topped")]),
     "money.0.qualifier"),
    ("qualifier word inside the span", T_TPO, mini(T_TPO, money=[("topped $600 million", 600000000, "USD", None)]),
     "money[0] [113:132] 'topped $600 million': the span starts with a qualifier word"),
    ("currency against the sign", T_TPO, mini(T_TPO, money=[("$600 million", 600000000, "EUR", "more_than")]),
     "currency EUR disagrees with the span, which is USD"),
    ("amount against the span", T_TPO, mini(T_TPO, money=[("$600 million", 600000, "USD", "more_than")]),
     "amount 600000 disagrees with the span, which says 600000000"),
    ("a number that is not the span's", T_RANGE, mini(T_RANGE, money=[("$35", 36000000, "USD", None)]),
     "amount 36000000 disagrees with the span, which says 35"),
    ("tomans not converted", T_SIGNS, mini(T_SIGNS, money=[("20 trillion tomans", 20000000000000, "IRR", None)]),
     "disagrees with the span, which says 200000000000000"),
    ("overlapping money", T_RANGE, mini(T_RANGE, money=[("48 million rials", 48000000, "IRR", None),
                                                         ("48 million", 48000000, "IRR", None)]),
     "overlaps money["),
    # ---- rows that must fail: periods
    ("leading preposition in the span", T_CHAMBER,
     mini(T_CHAMBER, periods=[("in August", "2019-08-01", "2019-08-31", "gregorian")]), "leading preposition"),
    ("start after end", T_CHAMBER, mini(T_CHAMBER, periods=[("August", "2019-08-31", "2019-08-01", "gregorian")]),
     "end_date 2019-08-01 before start_date 2019-08-31"),
    ("shorter than a month", T_CHAMBER,
     mini(T_CHAMBER, periods=[("August", "2019-08-01", "2019-08-07", "gregorian")]), "shorter than a month"),
    ("hijri not the Gregorian date", T_CHAMBER,
     mini(T_CHAMBER, periods=[("August", "2019-08-01", "2019-08-31", "gregorian", {"hijri_start": "1398-05-11"})]),
     "hijri_start 1398-05-11 is not start_date 2019-08-01 (which is 1398-05-10)"),
    ("hijri without a date", T_TPO, mini(T_TPO, periods=[("the current year", "2019-03-21", None, "solar_hijri",
                                                           {"hijri_end": "1398-12-29"})]),
     "hijri_end 1398-12-29 given but end_date is null"),
    ("open range closed", T_TPO, mini(T_TPO, periods=[("the current year", "2019-03-21", "2020-03-19")]),
     "'since X' is an open range"),
    ("period inside 'by the end of'", T_POINT, mini(T_POINT, periods=[("the year", "2019-03-21", "2020-03-19")]),
     "inside 'by/toward the end of'"),
    ("'the end of X' as a period", T_POINT,
     mini(T_POINT, periods=[("the end of the year", "2020-03-19", "2020-03-19")]), "is a point in time"),
    ("bare 'that month'", "Sales rose this month and fell that month.",
     mini("Sales rose this month and fell that month.",
          periods=[("that month", "2019-10-01", "2019-10-31", "gregorian")]), "bare back-reference"),
    ("cents are hundredths of a dollar", T_SIGNS, mini(T_SIGNS, money=[("19 cents", 19, "USD", None)]),
     "amount 19 disagrees with the span, which says 0.19"),
    ("bare anaphora", "Exports fell in the period.",
     mini("Exports fell in the period.", periods=[("the period", "2019-03-21", "2019-09-22")]),
     "bare back-reference"),
    # ---- rows that must fail: entities
    ("iso2 unknown", T_TPO, mini(T_TPO, dests=[("United Arab Emirates", "XX", None, None, ["UAE"])]),
     "'XX' is not an ISO 3166-1 alpha-2 code"),
    ("Iran as a destination", T_TPO, mini(T_TPO, dests=[("Iran", "IR", None, None, ["UAE"])]),
     "Iran, the reporting country, is never a destination"),
    ("country against iso2", T_TPO, mini(T_TPO, dests=[("Iraq", "AE", None, None, ["UAE"])]),
     "country 'Iraq' is not the country of iso2 'AE'"),
    ("mention naming another country", T_OFFICES, mini(T_OFFICES, dests=[("Iraq", "IQ", None, None, ["Iraqi"])]),
     "mentions[0] 'Iraqi' does not name IQ"),
    ("amount without currency", T_TPO, mini(T_TPO, dests=[("United Arab Emirates", "AE", 600000000, None, ["UAE"])]),
     "amount and currency must both be given or both null"),
    ("destination amount zero", T_TPO, mini(T_TPO, dests=[("United Arab Emirates", "AE", 0, "USD", ["UAE"])]),
     "amount 0 is not above 0"),
    ("two entries for one country", T_OFFICES,
     mini(T_OFFICES, dests=[("United Kingdom", "GB", None, None, ["UK"]),
                            ("United Kingdom", "GB", None, None, ["Britain"])]),
     "one entry per country, already destinations[0]"),
    ("leading 'the' in a mention", T_OFFICES, mini(T_OFFICES, dests=[("United Kingdom", "GB", None, None, ["the UK"])]),
     "a leading 'the' stays outside"),
    ("possessive in a mention", T_OFFICES,
     mini(T_OFFICES, dests=[("United Kingdom", "GB", None, None, ["Britain's"])]), "a possessive 's stays outside"),
    ("country inside an organization name", T_CHAMBER,
     mini(T_CHAMBER, orgs=[("Iran-Iraq Joint Chamber of Commerce", None, ["Iran-Iraq Joint Chamber of Commerce"])],
          dests=[("Iraq", "IQ", None, None, ["Iraq"])]), "lies inside organizations[0]"),
    ("organization not an entry", T_TPO, mini(T_TPO, officials=[PEYMANPAK]),
     "organization 'Trade Promotion Organization of Iran' is not the name of an organizations entry"),
    ("organization name left in the title", T_TPO,
     mini(T_TPO, orgs=[TPO], officials=[("Alireza Peymanpak", "head of the Trade Promotion Organization of Iran",
                                          "Trade Promotion Organization of Iran", ["Alireza Peymanpak"])]),
     "contains its organization's name"),
    ("acronym left in the title", T_TPO,
     mini(T_TPO, orgs=[TPO], officials=[("Alireza Peymanpak", "TPO head", "Trade Promotion Organization of Iran",
                                         ["Alireza Peymanpak"])]),
     "contains its organization's acronym 'TPO'"),
    ("two organizations share an acronym", T_TPO,
     mini(T_TPO, orgs=[TPO, ("IRNA", "TPO", ["IRNA"])]),
     "acronym 'TPO' is also the acronym of organizations[0]"),
    ("two organizations share a name", T_TPO,
     mini(T_TPO, orgs=[("Trade Promotion Organization of Iran", None, ["Trade Promotion Organization of Iran"]),
                       ("the Trade Promotion Organization of Iran", "TPO", ["TPO"])]),
     "name 'the Trade Promotion Organization of Iran' is also the name of organizations[0]"),
    ("two entries for one person", T_TPO,
     mini(T_TPO, officials=[("Alireza Peymanpak", None, None, ["Alireza Peymanpak"]),
                            ("Alireza Peymanpak", None, None, ["Peymanpak"])]),
     "one entry per person, already officials[0]"),
    ("overlapping mentions of an entity", T_TPO,
     mini(T_TPO, officials=[("Alireza Peymanpak", None, None, ["Alireza Peymanpak", "Peymanpak"])]),
     "mentions [0:17] and [8:17] overlap"),
]


@pytest.mark.parametrize("row, text, data, expected", CONTRACT_ROWS, ids=[r[0] for r in CONTRACT_ROWS])
def test_contract_rules(row, text, data, expected):
    problems = contract_problems(data, text)
    if expected is None:
        assert problems == [], row
    else:
        assert any(expected in line for line in problems), problems
        assert all(line.startswith("gold/mini.json: ") for line in problems), problems


def test_every_gold_file_of_the_corpus_passes_the_contract():
    from pathlib import Path

    from extractor.documents import iter_documents

    root = Path(__file__).resolve().parent.parent
    documents = {d.doc_id: d for d in iter_documents([str(root / "corpus")], None) if not isinstance(d, Exception)}
    problems = []
    for path in sorted((root / "gold").glob("*.json")):
        record = read_gold_file(path)
        problems += validate_record(record, path, documents.get(record.doc_id))
    assert problems == []
