"""The record of one article: the single definition of the output schema.

These pydantic models follow ``docs/RECORDS.md`` (schema 1) to the letter.
They are used for the extractor's output, for gold files, for the JSON
Schema printed by ``extractor schema`` and for the tables of the SQL stores.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import (BaseModel, ConfigDict, Field, PrivateAttr, WithJsonSchema, field_serializer, field_validator,
                      model_serializer, model_validator)

SCHEMA_VERSION = 1

Qualifier = Literal["more_than", "less_than", "about"]
Calendar = Literal["solar_hijri", "gregorian"]


def text_sha256(text: str) -> str:
    """The ``text_sha256`` of a document: hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


#: RECORDS: "An amount is below 10^21 base units; a longer run of digits is not money."
AMOUNT_LIMIT = Decimal(10) ** 21
AMOUNT_LIMIT_FLOAT = 1e21


def _amount_to_json(value: Optional[Decimal]):
    """Whole amounts as JSON integers; others stay Decimal, written with their exact digits by
    :meth:`Record.to_json` (a float would change them)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value


def _check_amount(value: Optional[Decimal]) -> Optional[Decimal]:
    if value is not None and (not value.is_finite() or abs(value) >= AMOUNT_LIMIT):
        raise ValueError(f"amount {value} is not below 10^21 base units (RECORDS: a longer run of digits is not money)")
    return value


def plain_decimal(value: Decimal) -> str:
    """A Decimal's exact digits in plain notation (no exponent), as a JSON number."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def exact_json(data) -> str:
    """JSON text of plain data in which Decimals keep every digit (``json`` would need floats)."""
    if isinstance(data, dict):
        return "{" + ",".join(json.dumps(str(k), ensure_ascii=False) + ":" + exact_json(v)
                              for k, v in data.items()) + "}"
    if isinstance(data, (list, tuple)):
        return "[" + ",".join(exact_json(v) for v in data) + "]"
    if isinstance(data, Decimal):
        return plain_decimal(data)
    if isinstance(data, date):
        return json.dumps(data.isoformat())
    return json.dumps(data, ensure_ascii=False)


#: An amount as the JSON of a record writes it: a number (an integer when whole), below 10^21
#: in magnitude, or null. Its JSON Schema says so (pydantic would call a Decimal a string).
Amount = Annotated[Optional[Decimal], WithJsonSchema({
    "anyOf": [{"type": "number", "exclusiveMinimum": -AMOUNT_LIMIT_FLOAT, "exclusiveMaximum": AMOUNT_LIMIT_FLOAT},
              {"type": "null"}],
    "description": "base units (rials for tomans x 10), exact; an integer when whole"}, mode="serialization")]


#: ISO 4217 code (RECORDS: "currency is ISO 4217"), or null.
Currency = Annotated[Optional[str], Field(pattern=r"^[A-Z]{3}$")]
#: A Solar Hijri day, YYYY-MM-DD, or null.
HijriDate = Annotated[Optional[str], Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class _Model(BaseModel):
    # Extra keys are allowed by the contract (rule names, evidence, ...). Keys are written as
    # RECORDS.md names them ("schema"), by every dump; in the JSON Schema every key of the
    # contract is required (null where unknown), as the record always writes it.
    model_config = ConfigDict(extra="allow", populate_by_name=True, serialize_by_alias=True,
                              json_schema_serialization_defaults_required=True)


class Mention(_Model):
    """A span of the document: ``text[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} before start {self.start}")
        return self


class Money(Mention):
    """A monetary amount in base units (rials for tomans x 10)."""

    amount: Amount
    currency: Currency
    qualifier: Optional[Qualifier] = None

    _valid_amount = field_validator("amount")(_check_amount)

    @field_serializer("amount", when_used="json")
    def _ser_amount(self, value: Optional[Decimal]):
        return _amount_to_json(value)


class Period(Mention):
    """A time interval of a month or longer, in both calendars."""

    calendar: Calendar
    start_date: Optional[date]
    end_date: Optional[date]
    hijri_start: HijriDate
    hijri_end: HijriDate
    # an extra key (RECORDS allows them): the grammar rule that built the period; not scored,
    # not written to gold files
    rule: Optional[str] = Field(default=None, json_schema_extra={"contract": False})

    @model_serializer(mode="wrap")
    def _without_empty_rule(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("rule") is None:
            data.pop("rule", None)  # gold files and records of other tools have none
        return data


class Organization(_Model):
    name: str
    acronym: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)
    # extra keys (RECORDS allows them), not part of the contract: the registry entry the body
    # is, for joins across articles (null when the body is not in the registry)
    canonical: Optional[str] = Field(default=None, json_schema_extra={"contract": False})
    type: Optional[str] = Field(default=None, json_schema_extra={"contract": False})


class Official(_Model):
    name: str
    title: Optional[str] = None
    organization: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)


class Destination(_Model):
    country: str
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    amount: Amount = None
    currency: Currency = None
    mentions: list[Mention] = Field(default_factory=list)
    # an extra key (RECORDS allows them): where the amount comes from, the ``start`` of its money
    # mention, so a store can join a destination to the mention (``money.start_char``); not scored,
    # not written to gold files
    money_start: Optional[int] = Field(default=None, json_schema_extra={"contract": False})

    _valid_amount = field_validator("amount")(_check_amount)

    @field_serializer("amount", when_used="json")
    def _ser_amount(self, value: Optional[Decimal]):
        return _amount_to_json(value)

    @model_serializer(mode="wrap")
    def _without_empty_link(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("money_start") is None:
            data.pop("money_start", None)  # gold files and amounts from nowhere have none
        return data


class Record(_Model):
    """One article's extraction result (and the shape of a gold file)."""

    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    doc_id: str
    published: Optional[date] = None
    text_sha256: Annotated[str, WithJsonSchema(
        {"type": "string", "pattern": "^[0-9a-f]{64}$", "title": "Text Sha256"}, mode="serialization")]
    money: list[Money] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    destinations: list[Destination] = Field(default_factory=list)
    #: the document's url, title and (with --store-text) text, for the stores' documents table;
    #: not part of the record's JSON
    _source: Optional[dict] = PrivateAttr(default=None)

    def to_json_dict(self) -> dict:
        """The record as plain JSON data, keys named as in RECORDS.md; amounts stay exact
        (``int``, or ``Decimal`` where they have decimals)."""
        return json.loads(self.to_json(), parse_float=Decimal)

    @classmethod
    def from_json(cls, text: str) -> "Record":
        """A record from one JSON text, its numbers read exactly (pydantic would read them as floats)."""
        return cls.model_validate(json.loads(text, parse_float=Decimal))

    def to_json(self) -> str:
        """One line of JSON; amounts keep their exact digits (never rounded through a float)."""
        return self.model_dump_json()

    def model_dump_json(self, **kwargs) -> str:
        """pydantic's JSON, keys named as in RECORDS.md; with no options, amounts that have
        decimals are written as exact JSON numbers (pydantic would write a Decimal as a string)."""
        kwargs.setdefault("by_alias", True)
        if set(kwargs) == {"by_alias"} and self._has_fractional_amount():
            return exact_json(self.model_dump(mode="python", by_alias=kwargs["by_alias"]))
        return super().model_dump_json(**kwargs)

    def _has_fractional_amount(self) -> bool:
        return any(item.amount is not None and item.amount != item.amount.to_integral_value()
                   for item in (*self.money, *self.destinations))

    def iter_mentions(self):
        """Every mention of the record with the field it belongs to."""
        for name in ("money", "periods"):
            for m in getattr(self, name):
                yield name, m
        for name in ("organizations", "officials", "destinations"):
            for entry in getattr(self, name):
                for m in entry.mentions:
                    yield name, m

    def check_offsets(self, text: str) -> list[str]:
        """Problems where ``text[start:end]`` differs from a mention's text."""
        problems = []
        for field, m in self.iter_mentions():
            if text[m.start:m.end] != m.text:
                problems.append(
                    f"{field}: [{m.start}:{m.end}] is {text[m.start:m.end]!r}, mention says {m.text!r}"
                )
        return problems


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict:
    """The JSON Schema of a record, as printed by ``extractor schema`` (and shipped as
    ``docs/record.schema.json``): what every line of the JSONL output satisfies."""
    schema = Record.model_json_schema(by_alias=True, mode="serialization")
    for model in (Mention, Money, Period, Organization, Official, Destination, Record):
        extras = {info.alias or name for name, info in model.model_fields.items()
                  if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("contract") is False}
        target = schema if model is Record else schema.get("$defs", {}).get(model.__name__)
        if extras and target and "required" in target:
            # a declared extra key (a period's rule, an organization's registry entry) may be absent:
            # gold files and other tools' records do not carry it
            target["required"] = [key for key in target["required"] if key not in extras]
            for key in extras:
                target["properties"][key].pop("contract", None)
    return {"$schema": SCHEMA_DIALECT, **schema}
