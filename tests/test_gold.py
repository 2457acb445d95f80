"""Gold files: reading, the checks of ``gold validate``, drafting without overwriting."""

import copy
import json

import pytest

from extractor.cli import main
from extractor.errors import GoldError, InputError
from extractor.gold import (
    contract_dict, dump_gold, load_gold_dir, read_gold_file, read_records, text_problems, validate_record,
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
    ("currency", _set(("money", 1, "currency"), "USX"), "'USX' is not an ISO 4217"),
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
