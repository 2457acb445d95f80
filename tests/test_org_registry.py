"""The organization registry: well-formed data, one entry per alias, compiled matchers saved with the component."""

from __future__ import annotations

import re

import pytest
import spacy

from extractor import extract
from extractor.components.org_registry import OrgRegistry
from extractor.resources import load

DATA = load("org_registry")
TYPES = set(DATA["types"])


def test_no_alias_points_at_two_entries():
    owner = {}
    clashes = []
    for i, entry in enumerate(DATA["entries"]):
        for alias in [entry["canonical"], *entry.get("acronyms", ()), *entry.get("variants", ())]:
            key = re.sub(r"\s+", " ", alias.strip()).lower()
            if key in owner and owner[key] != i:
                clashes.append((alias, DATA["entries"][owner[key]]["canonical"], entry["canonical"]))
            owner[key] = i
    assert clashes == []


def test_entries_are_well_formed():
    assert len(DATA["entries"]) >= 300
    for entry in DATA["entries"]:
        assert entry["type"] in TYPES, entry
        assert entry["country"] is None or re.fullmatch(r"[A-Z]{2}", entry["country"]), entry
        assert entry.get("cue") in (None, "outlet", "capitalized"), entry
        for acronym in entry.get("acronyms", ()):
            assert acronym[0].isupper() and " " not in acronym, entry
        for variant in entry.get("variants", ()):
            # a possessive stays outside a mention: no "Iran's X" variants
            assert not re.match(r"^[A-Z][a-z]+[’']s ", variant), entry


@pytest.mark.parametrize("text, found", [
    ("Glencore and Vitol bought the cargo.", ["Glencore", "Vitol"]),
    ("Exports rose, the central bank said.", []),           # lowercase generic reference
    ("Total exports rose 10 percent.", []),                  # a common word first in a sentence
    ("The deal collapsed after Total quit.", ["Total"]),
    ("Farmers in Fars province harvested wheat.", []),       # a place, not the outlet
    ("Exports rose, Fars reported.", ["Fars"]),
    ("The figures were published in Mehr and Aban.", []),    # months
    ("Turkey's Trade Ministry said exports rose.", []),      # another state's ministry is not Iran's
    ("The nioc data show a rise.", []),                      # acronyms only as written
    ("Iran's Total Exports Rise in First Half", []),         # a title-case heading
    ("TEHRAN (Fars) – Exports rose.", ["Fars"]),             # a dateline
    ("Wheat grew in two provinces (Khuzestan, Fars) this year.", []),
])
def test_registry_hits(text, found):
    registry = OrgRegistry(spacy.blank("en"))
    assert [text[h.start:h.end] for h in registry.find_text(text)] == found


def test_records_carry_canonical_and_type():
    text = ("Bank Tejarat opened a branch in Baghdad. Tejarat Bank said profits rose, IRNA reported. "
            "The Iran Exporters Union met on Monday.")
    orgs = {o.name: o for o in extract(text).organizations}
    tejarat = orgs.get("Bank Tejarat") or orgs.get("Tejarat Bank")
    assert tejarat.canonical == "Bank Tejarat" and tejarat.type == "bank"
    assert [m.text for m in tejarat.mentions] == ["Bank Tejarat", "Tejarat Bank"]
    assert orgs["IRNA"].canonical == "Islamic Republic News Agency" and orgs["IRNA"].type == "news_outlet"
    assert orgs["Iran Exporters Union"].type == "chamber_or_association"


def test_unknown_organization_has_null_canonical():
    orgs = extract("The Zarrin Saffron Growers Cooperative signed the deal.").organizations
    assert [(o.name, o.canonical, o.type) for o in orgs] == [("Zarrin Saffron Growers Cooperative", None, None)]


def test_component_saves_and_loads_the_registry(tmp_path):
    from extractor.pipeline import build_nlp

    nlp = build_nlp()
    nlp.to_disk(tmp_path / "nlp")
    assert (tmp_path / "nlp" / "organizations" / "org_registry.json").exists()
    component = nlp.get_pipe("organizations")
    component.from_disk(tmp_path / "nlp" / "organizations")
    assert len(component.registry.entries) == len(DATA["entries"])
    doc = nlp("Rosneft signed the deal.")
    assert [o["name"] for o in doc._.organizations] == ["Rosneft"]  # plain data on the Doc
