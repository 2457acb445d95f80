"""``gold import`` on exports in the shape Label Studio's JSON export really has: predictions
listed by id, annotations carrying the prediction they started from, drafts, manual
regions with random ids, and the problems an annotator can leave, all listed in one run."""

from __future__ import annotations

import copy
import io
import re
import json
from decimal import Decimal

import pytest

from extractor.cli import main
from extractor.gold import contract_dict, read_gold_file
from extractor.labelstudio import LabelStudioError, import_tasks, record_to_task
from extractor.records import Record, text_sha256

TEXT = ("Tehran exported $1.49 billion worth of goods to Iraq in the first half of the current year, "
        "Trade Promotion Organization (TPO) head Alireza Peyman-Pak said.")


def at(needle):
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


RECORD = {
    "schema": 1, "doc_id": "ls1", "published": "2019-10-08", "text_sha256": text_sha256(TEXT),
    "money": [dict(at("$1.49 billion"), amount=1490000000, currency="USD", qualifier=None)],
    "periods": [dict(at("the first half of the current year"), calendar="solar_hijri", start_date="2019-03-21",
                     end_date="2019-09-22", hijri_start="1398-01-01", hijri_end="1398-06-31")],
    "organizations": [{"name": "Trade Promotion Organization", "acronym": "TPO",
                       "mentions": [at("Trade Promotion Organization"), at("TPO")]}],
    "officials": [{"name": "Alireza Peyman-Pak", "title": "head", "organization": "Trade Promotion Organization",
                   "mentions": [at("Alireza Peyman-Pak")]}],
    "destinations": [{"country": "Iraq", "iso2": "IQ", "amount": 1490000000, "currency": "USD",
                      "mentions": [at("Iraq")]}],
}

STAMP = "2026-12-07T05:31:12.482913Z"


def labelstudio_export(record: dict, task_id: int = 12, prediction_id: int = 9, annotated: bool = True) -> dict:
    """One task as Label Studio's Project > Export > JSON writes it (its keys, its nesting)."""
    task = record_to_task(Record.model_validate(record), TEXT)
    prediction = task["predictions"][0]
    result = copy.deepcopy(prediction["result"])
    for item in result:
        item.update(origin="prediction", readonly=False, hidden=False)
    full_prediction = {"id": prediction_id, "result": prediction["result"], "model_version": prediction["model_version"],
                       "created_ago": "3 minutes", "score": None, "cluster": None, "neighbors": None,
                       "mislabeling": 0.0, "created_at": STAMP, "updated_at": STAMP, "model": None,
                       "model_run": None, "task": task_id, "project": 3}
    annotations = []
    if annotated:
        annotations.append({
            "id": 31, "completed_by": 1, "result": result, "was_cancelled": False, "ground_truth": False,
            "created_at": STAMP, "updated_at": STAMP, "draft_created_at": None, "lead_time": 42.7,
            "prediction": full_prediction, "result_count": 0, "unique_id": "0c4e1c2a-6f0b-4f65-9b7e-2a2d1c8e7a11",
            "import_id": None, "last_action": None, "bulk_created": False, "task": task_id, "project": 3,
            "updated_by": 1, "parent_prediction": prediction_id, "parent_annotation": None, "last_created_by": None,
        })
    return {
        "id": task_id, "annotations": annotations, "file_upload": "5a0f3b21-tasks.json", "drafts": [],
        "predictions": [prediction_id], "data": task["data"], "meta": {}, "created_at": STAMP, "updated_at": STAMP,
        "inner_id": 1, "total_annotations": len(annotations), "cancelled_annotations": 0, "total_predictions": 1,
        "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None, "project": 3,
        "updated_by": 1, "comment_authors": [],
    }


def result_of(task):
    return task["annotations"][0]["result"]


def value_box(task, text):
    rid = next(r["id"] for r in result_of(task) if r["type"] == "labels" and r["value"]["text"] == text)
    return next(r for r in result_of(task) if r["type"] == "textarea" and r["id"] == rid)


def manual_region(task, needle, label, lines=None, rid="Xk3_p9QaZ1"):
    """A region the annotator drew: a random id, origin manual, and a text box only if filled in."""
    span = at(needle)
    result_of(task).append({"value": {**span, "labels": [label]}, "id": rid, "from_name": "label",
                            "to_name": "text", "type": "labels", "origin": "manual"})
    if lines is not None:
        result_of(task).append({"value": {"start": span["start"], "end": span["end"], "text": lines}, "id": rid,
                                "from_name": "value", "to_name": "text", "type": "textarea", "origin": "manual"})


def expected():
    return contract_dict(Record.model_validate(RECORD))


def test_a_real_export_imports_the_annotation():
    records, skipped = import_tasks([labelstudio_export(RECORD)])
    assert [contract_dict(r) for r in records] == [expected()] and skipped == []


def test_predictions_listed_by_id_are_skipped_with_the_reason():
    task = labelstudio_export(RECORD, annotated=False)
    reasons = []
    records, skipped = import_tasks([task], use_predictions=True, reasons=reasons)
    assert records == [] and skipped == ["task 12 (ls1)"]
    assert "lists its prediction(s) by id only (9)" in reasons[0]


def test_predictions_held_whole_are_imported():
    task = record_to_task(Record.model_validate(RECORD), TEXT)
    records, _ = import_tasks([task], use_predictions=True)
    assert [contract_dict(r) for r in records] == [expected()]


def test_a_draft_is_not_imported_and_says_so():
    task = labelstudio_export(RECORD, annotated=False)
    task["drafts"] = [{"id": 4, "user": "a@b.c", "result": [{"id": "x", "type": "labels"}], "lead_time": 3.0,
                       "was_postponed": False, "created_at": STAMP, "updated_at": STAMP}]
    reasons = []
    _, skipped = import_tasks([task], reasons=reasons)
    assert skipped == ["task 12 (ls1)"] and reasons == ["has only a draft (submit it in Label Studio)"]


@pytest.mark.parametrize("written, amount", [
    ("1,490,000,000", Decimal("1490000000")),
    ("1490000000", Decimal("1490000000")),
    ("12,500.75", Decimal("12500.75")),
], ids=["thousands-separators", "plain", "separators-and-decimals"])
def test_amounts_with_thousands_separators_are_accepted(written, amount):
    task = labelstudio_export(RECORD)
    value_box(task, "$1.49 billion")["value"]["text"] = [f"amount: {written}\ncurrency: USD"]
    (record,), _ = import_tasks([task])
    assert record.money[0].amount == amount


@pytest.mark.parametrize("written", ["1,49,00,000", "1,490,000,000,", "1.490.000.000"])
def test_amounts_grouped_wrongly_are_refused(written):
    task = labelstudio_export(RECORD)
    value_box(task, "$1.49 billion")["value"]["text"] = [f"amount: {written}\ncurrency: USD"]
    with pytest.raises(LabelStudioError, match="amount"):
        import_tasks([task])


@pytest.mark.parametrize("currency, message", [
    ("usd", r"currency 'usd' is not an ISO 4217 code in capitals \(write USD\)"),
    ("Usd", r"\(write USD\)"),
    ("XYZ", "currency 'XYZ' is not an ISO 4217 code"),
    ("dollars", "not an ISO 4217 code in capitals"),
])
def test_currencies_must_be_iso_codes_in_capitals(currency, message):
    task = labelstudio_export(RECORD)
    value_box(task, "$1.49 billion")["value"]["text"] = [f"amount: 1490000000\ncurrency: {currency}"]
    with pytest.raises(LabelStudioError, match=message):
        import_tasks([task])


def test_a_lowercase_destination_currency_is_refused_too():
    task = labelstudio_export(RECORD)
    box = value_box(task, "Iraq")["value"]
    box["text"] = [box["text"][0].replace("currency: USD", "currency: usd")]
    with pytest.raises(LabelStudioError, match="Destination region .* currency 'usd'"):
        import_tasks([task])


@pytest.mark.parametrize("label, needle", [("Money", "$1.49 billion"), ("Period", "the current year")])
def test_an_empty_new_mention_region_is_refused(label, needle):
    task = labelstudio_export(RECORD)
    if label == "Money":
        result_of(task)[:] = [r for r in result_of(task) if r["value"].get("text") != "$1.49 billion"
                              and not (r["type"] == "textarea" and r["value"].get("start") == at(needle)["start"])]
    manual_region(task, needle, label)
    with pytest.raises(LabelStudioError, match=rf"{label} region \[\d+:\d+\] '{re.escape(needle)}': has no values"):
        import_tasks([task])


def test_a_new_region_with_values_is_imported():
    task = labelstudio_export(RECORD)
    manual_region(task, "Tehran", "Organization", ["name: Tehran Chamber of Commerce"])
    (record,), _ = import_tasks([task])
    assert [o.name for o in record.organizations] == ["Tehran Chamber of Commerce", "Trade Promotion Organization"]


def _broken_export():
    first = labelstudio_export(RECORD)
    value_box(first, "$1.49 billion")["value"]["text"] = ["amount: 1490000000\ncurrency: usd"]
    value_box(first, "the first half of the current year")["value"]["text"] = [
        "calendar: solar_hijri\nstart_date: 2019-13-40\nend_date: 2019-09-22"]
    manual_region(first, "Tehran", "Money")
    second = labelstudio_export({**RECORD, "doc_id": "ls2"}, task_id=13, prediction_id=10)
    value_box(second, "Iraq")["value"]["text"] = ["country: Iraq\niso2: iq"]
    return [first, second]


def test_every_problem_of_an_export_is_listed_at_once():
    with pytest.raises(LabelStudioError) as info:
        import_tasks(_broken_export())
    problems = info.value.problems
    assert len(problems) == 4, problems
    assert any("task 12 (ls1): Money region" in p and "'usd'" in p for p in problems)
    assert any("task 12 (ls1): Period" in p and "start_date" in p for p in problems)
    assert any("'Tehran': has no values" in p for p in problems)
    assert any("task 13 (ls2)" in p and "iso2" in p for p in problems)


def test_a_doc_id_in_two_tasks_is_a_problem():
    with pytest.raises(LabelStudioError, match="doc_id 'ls1' is also task 12"):
        import_tasks([labelstudio_export(RECORD), labelstudio_export(RECORD, task_id=14)])


def test_cli_lists_every_problem_and_writes_nothing(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_broken_export()), encoding="utf-8")
    out = tmp_path / "gold"
    assert main(["gold", "import", str(export), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("error: ") == 4 and "4 problem(s)" in err and "nothing written" in err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_cli_reads_the_export_from_stdin(tmp_path, capsys, monkeypatch):
    payload = json.dumps([labelstudio_export(RECORD), labelstudio_export(RECORD, task_id=13, annotated=False)])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8")), encoding="utf-8"))
    out = tmp_path / "gold"
    assert main(["gold", "import", "-", "--out", str(out), "--predictions"]) == 0
    err = capsys.readouterr().err
    assert contract_dict(read_gold_file(out / "ls1.json")) == expected()
    assert "not imported: task 13 (ls1) has no annotation, and Label Studio's export lists its prediction(s) by id" in err
