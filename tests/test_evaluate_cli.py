"""``extractor evaluate``: inputs, refusals, the report, --json, --errors, --min-f1."""

import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.commands.evaluate import parse_thresholds
from extractor.records import text_sha256

ROOT = Path(__file__).resolve().parent.parent

TEXT_A = ("Iran exported $2 billion worth of goods to Iraq in the first six months of the current "
          "Iranian year, said Asghar Mosaheb, Deputy Director of ISIPO.")
TEXT_B = "Tehran sold €55 million of carpets to Germany in 2018."


def at(text, needle):
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def gold_a():
    return {
        "schema": 1, "doc_id": "a", "published": "2019-10-08", "text_sha256": text_sha256(TEXT_A),
        "money": [dict(at(TEXT_A, "$2 billion"), amount=2_000_000_000, currency="USD", qualifier=None)],
        "periods": [dict(at(TEXT_A, "the first six months of the current Iranian year"), calendar="solar_hijri",
                         start_date="2019-03-21", end_date="2019-09-22", hijri_start="1398-01-01",
                         hijri_end="1398-06-31")],
        "organizations": [{"name": "ISIPO", "acronym": None, "mentions": [at(TEXT_A, "ISIPO")]}],
        "officials": [{"name": "Asghar Mosaheb", "title": "Deputy Director", "organization": "ISIPO",
                       "mentions": [at(TEXT_A, "Asghar Mosaheb")]}],
        "destinations": [{"country": "Iraq", "iso2": "IQ", "amount": 2_000_000_000, "currency": "USD",
                          "mentions": [at(TEXT_A, "Iraq")]}],
    }


def gold_b():
    return {
        "schema": 1, "doc_id": "b", "published": "2019-01-05", "text_sha256": text_sha256(TEXT_B),
        "money": [dict(at(TEXT_B, "€55 million"), amount=55_000_000, currency="EUR", qualifier=None)],
        "periods": [dict(at(TEXT_B, "2018"), calendar="gregorian", start_date="2018-01-01",
                         end_date="2018-12-31", hijri_start="1396-10-11", hijri_end="1397-10-10")],
        "organizations": [], "officials": [],
        "destinations": [{"country": "Germany", "iso2": "DE", "amount": 55_000_000, "currency": "EUR",
                          "mentions": [at(TEXT_B, "Germany")]}],
    }


@pytest.fixture
def project(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold").mkdir()
    for doc_id, text, gold in (("a", TEXT_A, gold_a()), ("b", TEXT_B, gold_b())):
        (tmp_path / "corpus" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "gold" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def write_preds(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def evaluate(capsys, *args):
    code = main(["evaluate", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_perfect_records_score_one(project, capsys):
    preds = write_preds(project / "preds.jsonl", gold_a(), gold_b())
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == 2
    assert data["money"]["value"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert data["officials"]["title_accuracy"] == 1.0
    assert data["destinations"]["amount_accuracy"] == 1.0


def test_json_numbers_of_a_flawed_prediction(project, capsys):
    a = gold_a()
    a["money"][0]["amount"] = 2_100_000_000                 # wrong value (5 % off)
    a["periods"][0].update(start=a["periods"][0]["start"] + 4, text=a["periods"][0]["text"][4:])  # boundary
    a["organizations"].append({"name": "Iran", "acronym": None, "mentions": [at(TEXT_A, "Iran")]})  # invented
    a["officials"][0]["title"] = "Director"                 # wrong attribute
    b = gold_b()
    b["destinations"] = []                                  # missed
    preds = write_preds(project / "preds.jsonl", a, b)
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["money"]["span"]["tp"] == 2
    assert (data["money"]["value"]["tp"], data["money"]["value"]["fp"], data["money"]["value"]["fn"]) == (1, 1, 1)
    assert data["periods"]["value"]["f1"] == 1.0
    assert (data["periods"]["strict"]["tp"], data["periods"]["strict"]["fp"]) == (1, 1)
    assert data["organizations"]["entity"]["precision"] == 0.5
    assert data["officials"]["title_accuracy"] == 0.0
    assert data["officials"]["organization_accuracy"] == 1.0
    # destinations: 1 tp, 0 fp, 1 fn -> P 1, R 1/2, F 2/3
    assert data["destinations"]["entity"]["f1"] == pytest.approx(2 / 3)
    assert data["destinations"]["amount_accuracy"] == 1.0
    # overall pools the headlines: tp 1+2+1+1+1 = 6, fp 1+0+1+0+0 = 2, fn 1+0+0+0+1 = 2
    assert (data["overall"]["tp"], data["overall"]["fp"], data["overall"]["fn"]) == (6, 2, 2)


def test_readable_table_has_a_headline_per_field(project, capsys):
    preds = write_preds(project / "preds.jsonl", gold_a(), gold_b())
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds)
    assert code == 0
    headline = out[out.index("headline"):].splitlines()
    assert [line.split()[0] for line in headline[1:]] == [
        "money", "periods", "organizations", "officials", "destinations", "overall"]
    assert "value F1" in headline[1] and "entity F1" in headline[3]
    assert "title accuracy" in out and "amount accuracy" in out


def test_missing_and_extra_predictions_are_reported(project, capsys):
    extra = dict(gold_a(), doc_id="zzz")
    preds = write_preds(project / "preds.jsonl", gold_a(), extra)
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds)
    assert code == 0
    assert "1 predicted document(s) have no gold file and are not scored" in out
    assert "1 gold document(s) have no prediction; all their gold items count as false negatives:\n  b" in out
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--json")
    data = json.loads(out)
    assert data["gold_without_prediction"] == ["b"] and data["predictions_without_gold"] == 1
    assert data["documents"] == 2
    assert (data["money"]["value"]["tp"], data["money"]["value"]["fn"]) == (1, 1)
    assert data["destinations"]["entity"]["fn"] == 1


def test_errors_screen_shows_context_and_values_side_by_side(project, capsys):
    a = gold_a()
    a["money"][0]["amount"] = 2_100_000_000
    a["destinations"] = []
    preds = write_preds(project / "preds.jsonl", a, gold_b())
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--errors", "--corpus", project / "corpus")
    assert code == 0
    assert "== a  (1 FN, 1 wrong value)" in out
    assert "predicted  2,100,000,000 USD\n" in out and "gold       2,000,000,000 USD\n" in out
    # 60 characters after the mention, then an ellipsis; the text starts before the 60 before
    assert "\n          Iran exported «$2 billion» worth of goods to Iraq in the first six months of the curre…\n" in out
    assert "FN    [43:47]      Iraq (IQ), 2,000,000,000 USD  (1 mention)" in out
    assert "== b" not in out


def test_errors_lists_a_missing_document_once(project, capsys):
    preds = write_preds(project / "preds.jsonl", gold_a())
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--errors")
    assert "== b: no prediction; its 3 gold item(s) all count as false negatives" in out


def test_json_errors(project, capsys):
    a = gold_a()
    a["money"][0]["amount"] = 1
    preds = write_preds(project / "preds.jsonl", a, gold_b())
    code, out, _ = evaluate(capsys, "--gold", project / "gold", preds, "--json", "--errors",
                            "--corpus", project / "corpus")
    errors = json.loads(out)["errors"]
    assert [(e["doc_id"], e["field"], e["kind"]) for e in errors] == [("a", "money", "wrong_value")]
    assert errors[0]["predicted"]["amount"] == 1 and errors[0]["gold"]["amount"] == 2_000_000_000
    assert "«$2 billion»" in errors[0]["context"]


# --------------------------------------------------------------------------- thresholds

def test_min_f1_fails_naming_the_field(project, capsys):
    a = gold_a()
    a["money"][0]["amount"] = 1
    preds = write_preds(project / "preds.jsonl", a, gold_b())
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--min-f1", "money=0.9,periods=0.9")
    assert code == 1
    assert "FAIL money: value F1 0.500 is below the threshold 0.900" in err
    assert "periods" not in err
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--min-f1", "money=0.5,overall=0.8")
    assert code == 0 and "FAIL" not in err


def test_min_f1_gates_attribute_accuracy(project, capsys):
    a = gold_a()
    a["destinations"][0]["amount"] = 1
    preds = write_preds(project / "preds.jsonl", a, gold_b())
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--min-f1", "destinations.amount=0.9")
    assert code == 1
    assert "FAIL destinations.amount: amount accuracy 0.500 is below the threshold 0.900" in err
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--min-f1",
                            "destinations.amount=0.5,officials.title=1")
    assert code == 0 and "FAIL" not in err


@pytest.mark.parametrize("spec, expected", [
    ("money=0.95,periods=0.9", {"money": 0.95, "periods": 0.9}),
    ("destinations.amount=0.95", {"destinations.amount": 0.95}),
    ("overall=1", {"overall": 1.0}),
    (" officials = 0.5 ,", {"officials": 0.5}),
])
def test_parse_thresholds(spec, expected):
    assert parse_thresholds(spec) == expected


@pytest.mark.parametrize("spec", ["money", "cash=0.9", "money=high", "money=1.5", "", "destinations.iso2=0.9"])
def test_bad_thresholds_are_usage_errors(project, capsys, spec):
    with pytest.raises(SystemExit) as info:
        main(["evaluate", "--gold", str(project / "gold"), str(project / "corpus"), "--min-f1", spec])
    assert info.value.code == 2


# --------------------------------------------------------------------------- refusals

def test_a_broken_prediction_line_is_named(project, capsys):
    preds = project / "preds.jsonl"
    preds.write_text(json.dumps(gold_a()) + "\n{oops\n", encoding="utf-8")
    code, out, err = evaluate(capsys, "--gold", project / "gold", preds)
    assert code == 2 and out == ""
    assert f"error: {preds}:2: invalid JSON" in err


def test_a_duplicate_prediction_is_named(project, capsys):
    preds = write_preds(project / "preds.jsonl", gold_a(), gold_b(), gold_a())
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds)
    assert code == 2
    assert f"{preds}:3: doc_id 'a' already predicted at {preds}:1" in err


def test_a_gold_file_that_disagrees_with_its_document_is_refused(project, capsys):
    a = gold_a()
    a["officials"][0]["mentions"][0]["start"] += 1
    a["officials"][0]["mentions"][0]["end"] += 1
    (project / "gold" / "a.json").write_text(json.dumps(a), encoding="utf-8")
    preds = write_preds(project / "preds.jsonl", gold_a(), gold_b())
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--corpus", project / "corpus")
    assert code == 2
    assert f"error: {project / 'gold' / 'a.json'}: officials[0].mentions[0] [" in err
    assert "the file says 'Asghar Mosaheb'" in err


def test_a_gold_file_whose_hash_differs_is_refused(project, capsys):
    (project / "corpus" / "b.txt").write_text(TEXT_B.replace("carpets", "saffron"), encoding="utf-8")
    preds = write_preds(project / "preds.jsonl", gold_a(), gold_b())
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, "--corpus", project / "corpus")
    assert code == 2
    assert f"{project / 'gold' / 'b.json'}: text_sha256" in err


@pytest.mark.parametrize("with_texts", [False, True])
def test_a_prediction_made_on_another_text_is_refused(project, capsys, with_texts):
    b = dict(gold_b(), text_sha256="0" * 64)
    preds = write_preds(project / "preds.jsonl", gold_a(), b)
    extra = ["--corpus", project / "corpus"] if with_texts else []
    code, _, err = evaluate(capsys, "--gold", project / "gold", preds, *extra)
    assert code == 2
    assert f"{preds}:2: record 'b' was made on another text" in err


def test_a_broken_gold_file_is_refused(project, capsys):
    (project / "gold" / "a.json").write_text("{", encoding="utf-8")
    code, _, err = evaluate(capsys, "--gold", project / "gold", project / "corpus")
    assert code == 2 and "a.json: invalid JSON" in err


# --------------------------------------------------------------------------- with the extractor

def test_corpus_input_refuses_bad_gold_before_extracting(project, capsys):
    a = gold_a()
    a["money"][0]["text"] = "$3 billion"
    (project / "gold" / "a.json").write_text(json.dumps(a), encoding="utf-8")
    code, _, err = evaluate(capsys, "--gold", project / "gold", project / "corpus")
    assert code == 2
    assert "a.json: money[0] [14:24] is '$2 billion' in the text, the file says '$3 billion'" in err


def test_drafts_of_a_corpus_score_perfectly_against_that_corpus(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (corpus / "a.meta.json").write_text('{"published": "2019-10-08"}', encoding="utf-8")
    (corpus / "b.txt").write_text(TEXT_B, encoding="utf-8")
    assert main(["gold", "draft", str(corpus / "a.txt"), "--out", str(tmp_path / "gold")]) == 0
    assert main(["gold", "validate", str(tmp_path / "gold"), str(corpus)]) == 0
    capsys.readouterr()
    code, out, _ = evaluate(capsys, "--gold", tmp_path / "gold", corpus, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["documents"] == 1 and data["predictions_without_gold"] == 1
    assert data["money"]["strict"]["tp"] >= 1      # the extractor found "$2 billion"
    assert data["overall"]["f1"] == 1.0


def test_the_project_corpus_and_gold(capsys):
    gold_count = len(list((ROOT / "gold").glob("*.json")))
    code, out, err = evaluate(capsys, "--gold", ROOT / "gold", ROOT / "corpus", "--json")
    assert code == 0, err
    assert json.loads(out)["documents"] == gold_count
