"""One schema: the JSON Schema generated from the models is the one shipped in docs/, and
every record the extractor writes for corpus/ (and every gold file) satisfies it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from extractor.cli import main
from extractor.records import Money, Record, json_schema, text_sha256

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def corpus_lines(tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("schema") / "records.jsonl"
    assert main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"]) == 0
    return out.read_text(encoding="utf-8").splitlines()


def test_shipped_schema_is_the_generated_one(capsys):
    shipped = (DOCS / "record.schema.json").read_text(encoding="utf-8")
    assert shipped == json.dumps(json_schema(), indent=2) + "\n", "run: extractor schema > docs/record.schema.json"
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == shipped


def test_every_corpus_record_validates(validator, corpus_lines):
    assert len(corpus_lines) == len(list((ROOT / "corpus").glob("*.txt")))
    for line in corpus_lines:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(json.loads(line))]
        assert not errors, (json.loads(line)["doc_id"], errors[:5])


def test_the_jsonl_is_what_the_models_write(corpus_lines):
    for line in corpus_lines:
        record = Record.from_json(line)
        assert record.to_json() == line
        assert record.model_dump_json() == line


def test_every_key_of_the_contract_is_written(corpus_lines):
    schema = json_schema()
    defs = schema["$defs"]
    for line in corpus_lines:
        data = json.loads(line)
        assert set(schema["required"]) <= set(data)
        for field, model in (("money", "Money"), ("periods", "Period"), ("organizations", "Organization"),
                             ("officials", "Official"), ("destinations", "Destination")):
            for item in data[field]:
                assert set(defs[model]["required"]) <= set(item), (data["doc_id"], field, item)


def test_every_gold_file_validates(validator):
    for path in sorted((ROOT / "gold").glob("*.json")):
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert not errors, (path.name, errors[:5])


def _record(**money) -> dict:
    text = "It cost $2 billion."
    item = {"start": 8, "end": 18, "text": "$2 billion", "amount": 2000000000, "currency": "USD", "qualifier": None}
    item.update(money)
    return {"schema": 1, "doc_id": "d", "published": "2020-01-05", "text_sha256": text_sha256(text),
            "money": [item], "periods": [], "organizations": [], "officials": [], "destinations": []}


# (what is wrong, the record) rows that the schema must refuse
REFUSED = [
    ("amount as a string", _record(amount="2000000000")),
    ("lowercase currency", _record(currency="usd")),
    ("unknown qualifier", _record(qualifier="over")),
    ("amount of 10^21", _record(amount=10 ** 21)),
    ("missing qualifier", {**_record(), "money": [{k: v for k, v in _record()["money"][0].items() if k != "qualifier"}]}),
    ("schema_version instead of schema", {"schema_version": 1, **{k: v for k, v in _record().items() if k != "schema"}}),
    ("schema 2", {**_record(), "schema": 2}),
    ("published not a date", {**_record(), "published": "05/01/2020"}),
    ("short hash", {**_record(), "text_sha256": "abc"}),
    ("negative offset", _record(start=-1)),
]


@pytest.mark.parametrize("record", [r for _, r in REFUSED], ids=[why for why, _ in REFUSED])
def test_schema_refuses(validator, record):
    assert not validator.is_valid(record)


@pytest.mark.parametrize("amount", [2000000000, 0.19, 10 ** 20, None], ids=["whole", "cents", "10^20", "null"])
def test_schema_accepts_amounts_as_numbers(validator, amount):
    assert validator.is_valid(_record(amount=amount))


def test_model_dumps_use_the_contract_key_names():
    record = Record.model_validate(_record())
    assert "schema" in record.model_dump() and "schema_version" not in record.model_dump()
    assert json.loads(record.model_dump_json())["schema"] == 1
    assert json.loads(record.model_dump_json(indent=2))["schema"] == 1


def test_fractional_amounts_are_json_numbers_in_every_dump(validator):
    record = Record.model_validate(_record(amount=Decimal("0.19"), text="$2 billion"))
    for text in (record.to_json(), record.model_dump_json()):
        assert '"amount":0.19' in text
        assert validator.is_valid(json.loads(text))
    big = Record.model_validate(_record(amount=Decimal("123456789012345678.25")))
    assert '"amount":123456789012345678.25' in big.model_dump_json()


def test_lowercase_currency_is_refused_by_the_model():
    with pytest.raises(ValueError):
        Money(start=0, end=2, text="$2", amount=Decimal(2), currency="usd")


def test_readme_links_the_specification_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    assert "(docs/RECORDS.md)" in readme and "(docs/record.schema.json)" in readme
    spec = (DOCS / "RECORDS.md").read_text(encoding="utf-8")
    assert "(record.schema.json)" in spec
