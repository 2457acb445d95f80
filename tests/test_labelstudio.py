"""Label Studio export and import: every field of a record survives the round trip."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.gold import contract_dict, read_gold_file
from extractor.labelstudio import (
    LABEL_CONFIG, LabelStudioError, import_tasks, parse_lines, record_to_task, task_to_record,
)
from extractor.records import Record, text_sha256

ROOT = Path(__file__).resolve().parent.parent

# An emoji (two UTF-16 units) early on, a spelling variant, a mention that names its
# entry only by the key line, an entry without mention, fractional and unknown amounts,
# an open period and one whose Hijri dates are null.
TEXT = ("🇮🇷 Exports: Iranian SMEs exported about $1.5m and 1,000 rials of goods in the first six months "
        "of the current Iranian year, ISIPO’s Deputy Director Asghar Mosaheb told the Iran Small Industries "
        "and Industrial Parks Organization (ISIPO) meeting. Masaheb said Iraq and the U.S. bought goods "
        "since 2018. Iran Small Industries and Industrial Parks Organization head Mohsen Salehinia agreed.")


def at(needle, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


ISIPO = "Iran Small Industries and Industrial Parks Organization"
RECORD = {
    "schema": 1, "doc_id": "edge", "published": "2019-10-08", "text_sha256": text_sha256(TEXT),
    "money": [dict(at("$1.5m"), amount=1.5e6, currency="USD", qualifier="about"),
              dict(at("1,000 rials"), amount=None, currency="IRR", qualifier=None)],
    "periods": [dict(at("the first six months of the current Iranian year"), calendar="solar_hijri",
                     start_date="2019-03-21", end_date="2019-09-22", hijri_start="1398-01-01",
                     hijri_end="1398-06-31"),
                dict(at("2018"), calendar="gregorian", start_date="2018-01-01", end_date=None,
                     hijri_start=None, hijri_end=None)],
    "organizations": [{"name": ISIPO, "acronym": "ISIPO",
                       "mentions": [at("ISIPO"), at(ISIPO), at("ISIPO", 1), at(ISIPO, 1)]},
                      {"name": "Islamic Republic News Agency", "acronym": "IRNA", "mentions": []}],
    "officials": [{"name": "Asghar Mosaheb", "title": "Deputy Director", "organization": ISIPO,
                   "mentions": [at("Asghar Mosaheb"), at("Masaheb")]},
                  {"name": "Mohsen Salehinia", "title": "head", "organization": ISIPO,
                   "mentions": [at("Mohsen Salehinia")]}],
    "destinations": [{"country": "Iraq", "iso2": "IQ", "amount": 0.25, "currency": "EUR",
                      "mentions": [at("Iraq")]},
                     {"country": "United States", "iso2": "US", "amount": None, "currency": None,
                      "mentions": [at("U.S.")]}],
}


def as_exported(task, move_to_annotation=True):
    """What Label Studio gives back when an annotator submits the pre-annotation unchanged."""
    task = json.loads(json.dumps(task))
    task["id"] = 7
    if move_to_annotation:
        task["annotations"] = [{"id": 1, "result": task["predictions"][0]["result"],
                                "was_cancelled": False, "updated_at": "2024-01-01T00:00:00Z"}]
    return task


def results(task):
    return task["annotations"][0]["result"]


def region(task, text):
    return next(r for r in results(task) if r["type"] == "labels" and r["value"]["text"] == text)


def values_of(task, rid):
    return next((r for r in results(task) if r["type"] == "textarea" and r["id"] == rid), None)


@pytest.fixture
def record():
    rec = Record.model_validate(RECORD)
    assert rec.check_offsets(TEXT) == []
    return rec


def test_round_trip_of_every_field(record):
    task = record_to_task(record, TEXT)
    back = task_to_record(as_exported(task))
    assert contract_dict(back) == contract_dict(record)


def gold_files():
    return sorted((ROOT / "gold").glob("*.json"))


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_round_trip_of_the_project_gold(path):
    original = read_gold_file(path)
    text = (ROOT / "corpus" / f"{path.stem}.txt").read_text(encoding="utf-8").lstrip("\ufeff")
    back = task_to_record(as_exported(record_to_task(original, text, "gold")))
    assert contract_dict(back) == contract_dict(original)


def test_the_export_is_what_an_annotator_reads(record):
    task = as_exported(record_to_task(record, TEXT))
    assert task["data"] == {"text": TEXT, "doc_id": "edge", "published": "2019-10-08"}
    money = region(task, "$1.5m")
    assert money["value"]["labels"] == ["Money"]
    assert values_of(task, money["id"])["value"]["text"] == ["amount: 1500000\ncurrency: USD\nqualifier: about"]
    # Hijri dates that are the same days converted are not written: import computes them
    first = region(task, "the first six months of the current Iranian year")
    assert values_of(task, first["id"])["value"]["text"] == [
        "calendar: solar_hijri\nstart_date: 2019-03-21\nend_date: 2019-09-22"]
    # a period's dates and a money's amount and currency are written even when null
    open_period = region(task, "2018")
    assert values_of(task, open_period["id"])["value"]["text"] == [
        "calendar: gregorian\nstart_date: 2018-01-01\nend_date: null\nhijri_start: null"]
    # a further mention named by the entry's acronym carries nothing; a spelling variant its key
    isipo = [r for r in results(task) if r["type"] == "labels" and r["value"]["text"] == "ISIPO"]
    assert values_of(task, isipo[0]["id"])["value"]["text"] == [f"name: {ISIPO}\nacronym: ISIPO"]
    assert values_of(task, isipo[1]["id"]) is None
    assert values_of(task, region(task, "Masaheb")["id"])["value"]["text"] == ["name: Asghar Mosaheb"]


def test_an_edited_value_is_imported(record):
    task = as_exported(record_to_task(record, TEXT))
    area = values_of(task, region(task, "Iraq")["id"])
    area["value"]["text"] = ["country: Iraq\niso2: IQ\namount: 320000000\ncurrency: USD"]
    back = task_to_record(task)
    assert back.destinations[0].amount == 320_000_000 and back.destinations[0].currency == "USD"


def test_a_new_bare_region_joins_the_entry_its_text_names(record):
    task = as_exported(record_to_task(record, TEXT))
    start = TEXT.index("Mosaheb told")
    results(task).append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                          "value": {"start": start, "end": start + 7, "text": "Mosaheb", "labels": ["Official"]}})
    back = task_to_record(task)
    # "Mosaheb" inside "Asghar Mosaheb" overlaps an existing mention, but it is still joined by surname
    assert [m.text for m in back.officials[0].mentions] == ["Asghar Mosaheb", "Mosaheb", "Masaheb"]


def test_a_new_bare_destination_starts_an_entry():
    text = "Iran exported goods to Iraq."
    rec = Record(doc_id="d", text_sha256=text_sha256(text))
    task = as_exported(record_to_task(rec, text))
    results(task).append({"id": "x", "from_name": "label", "to_name": "text", "type": "labels",
                          "value": {"start": 23, "end": 27, "text": "Iraq", "labels": ["Destination"]}})
    back = task_to_record(task)
    assert [(d.country, d.iso2, d.amount) for d in back.destinations] == [("Iraq", "IQ", None)]


def test_offsets_counted_in_utf16_units_are_moved_back(record):
    task = as_exported(record_to_task(record, TEXT))
    for item in results(task):
        if "start" in item["value"]:
            item["value"]["start"] += 2   # the flag emoji is 2 code points, 4 UTF-16 units
            item["value"]["end"] += 2
    assert contract_dict(task_to_record(task)) == contract_dict(record)


@pytest.mark.parametrize("said, start", [
    ("Kuwait", 250),             # not in the text at all
    ("Salehinia", 3),            # in the text, but far from where the region says
])
def test_a_region_whose_text_is_not_there_is_refused(record, said, start):
    task = as_exported(record_to_task(record, TEXT))
    iraq = region(task, "Iraq")["value"]
    iraq.update(text=said, start=start, end=start + len(said))
    with pytest.raises(LabelStudioError, match=rf"task 7 \(edge\): Destination region \[{start}:.*says '{said}'"):
        task_to_record(task)


@pytest.mark.parametrize("lines, message", [
    (["amount: lots\ncurrency: USD"], "amount"),
    (["amount 5"], "is not 'key: value'"),
    (["amount: 5\ncolour: red"], "unknown key"),
])
def test_bad_values_name_the_region(record, lines, message):
    task = as_exported(record_to_task(record, TEXT))
    values_of(task, region(task, "$1.5m")["id"])["value"]["text"] = lines
    with pytest.raises(LabelStudioError, match=message) as info:
        task_to_record(task)
    assert "'$1.5m'" in str(info.value)


def test_contradicting_entry_values_are_refused(record):
    task = as_exported(record_to_task(record, TEXT))
    values_of(task, region(task, "Masaheb")["id"])["value"]["text"] = ["name: Asghar Mosaheb\ntitle: Director"]
    with pytest.raises(LabelStudioError, match="contradicts 'Deputy Director'"):
        task_to_record(task)


def test_the_latest_annotation_that_was_not_cancelled_wins(record):
    task = as_exported(record_to_task(record, TEXT))
    kept = results(task)
    task["annotations"] = [
        {"id": 1, "result": [], "was_cancelled": False, "updated_at": "2024-01-01T00:00:00Z"},
        {"id": 2, "result": kept, "was_cancelled": False, "updated_at": "2024-02-01T00:00:00Z"},
        {"id": 3, "result": [], "was_cancelled": True, "updated_at": "2024-03-01T00:00:00Z"},
    ]
    assert contract_dict(task_to_record(task)) == contract_dict(record)


def test_unannotated_tasks_are_skipped_unless_predictions_are_wanted(record):
    task = as_exported(record_to_task(record, TEXT), move_to_annotation=False)
    records, skipped = import_tasks([task])
    assert records == [] and skipped == ["task 7 (edge)"]
    records, skipped = import_tasks([task], use_predictions=True)
    assert [contract_dict(r) for r in records] == [contract_dict(record)] and skipped == []


def test_a_task_without_doc_id_is_refused(record):
    task = as_exported(record_to_task(record, TEXT))
    del task["data"]["doc_id"]
    with pytest.raises(LabelStudioError, match="no 'doc_id'"):
        task_to_record(task)


def test_export_refuses_a_record_of_another_text(record):
    with pytest.raises(LabelStudioError, match="text_sha256"):
        record_to_task(record, TEXT + " ")


def test_parse_lines():
    assert parse_lines(["a: 1\n\nb: null", "c:", "title: Head: of it "]) == {
        "a": "1", "b": None, "c": None, "title": "Head: of it"}


def test_label_config_names_what_import_reads():
    view = ET.fromstring(LABEL_CONFIG)
    names = {el.get("name"): el.tag for el in view.iter() if el.get("name")}
    assert names == {"label": "Labels", "text": "Text", "value": "TextArea", "unanchored": "TextArea"}
    assert {el.get("value") for el in view.iter("Label")} == {
        "Money", "Period", "Organization", "Official", "Destination"}
    per_region = [el for el in view.iter("TextArea") if el.get("perRegion") == "true"]
    assert [el.get("name") for el in per_region] == ["value"]


def test_cli_export_then_import(tmp_path, record, capsys):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "edge.txt").write_text(TEXT, encoding="utf-8")
    (gold / "edge.json").write_text(json.dumps(RECORD), encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    assert main(["gold", "export", str(corpus), "--gold", str(gold), "--out", str(tasks)]) == 0
    exported = json.loads(tasks.read_text(encoding="utf-8"))
    assert [t["predictions"][0]["model_version"] for t in exported] == ["gold"]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([as_exported(t) for t in exported]), encoding="utf-8")
    out = tmp_path / "imported"
    assert main(["gold", "import", str(export), "--out", str(out)]) == 0
    assert contract_dict(read_gold_file(out / "edge.json")) == contract_dict(record)
    assert main(["gold", "import", str(export), "--out", str(out)]) == 1   # exists: not overwritten
    assert main(["gold", "validate", str(out), str(corpus)]) == 0
    capsys.readouterr()
    assert main(["gold", "config"]) == 0
    assert capsys.readouterr().out == LABEL_CONFIG


def test_cli_import_refuses_a_broken_export(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_text("[{", encoding="utf-8")
    assert main(["gold", "import", str(export), "--out", str(tmp_path / "g")]) == 2
    assert "export.json: invalid JSON" in capsys.readouterr().err
