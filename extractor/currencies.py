"""Currencies: ISO 4217 codes, names and symbols, resolved from data.

Pure functions, no spaCy.  The sources, merged once at first use:

- the ISO 4217 list of ``pycountry`` (current codes) for codes;
- ``babel``'s English currency names (singular, plural, display: "Saudi
  riyals", "UAE dirham", "Swiss Franc") and symbols ("HK$", "CA$", "₪");
- ``data/currencies.json`` for what those lists lack: the genre's words and
  their default currency ("rials", "tomans", "riyals"), letter symbols
  ("Rs", "KD", "RMB"), letters before "$" ("C$", "AU $"), signs, and
  demonyms, which combine with any spelling of a currency word of their
  country ("Emirati dirhams", "Yemeni riyals", "Turkmen manats"), and so do the
  country names of ``pycountry`` ("Malaysia ringgit").

Everything resolves to an ISO code and a factor to its base unit (tomans
are ten rials; cents a hundredth of a dollar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from .resources import load


@dataclass(frozen=True)
class CurrencyTables:
    codes: dict[str, str]            # token as written -> ISO ("USD", "usd", "RMB", "Rs.", "MUSD")
    code_factors: dict[str, Decimal]  # "MUSD" -> 10**6
    signs: dict[str, str]            # "$", "€", "HK$" -> ISO
    dollar_prefixes: dict[str, str]  # lower-case letters before "$" -> ISO ("c" -> CAD)
    words: dict[str, str]            # lower-case word(s) -> ISO or factor key ("saudi riyals" -> SAR)
    subunits: dict[str, tuple[str, Decimal]]
    compound_subunits: dict[str, Optional[frozenset[str]]]  # "sen" -> {MYR, ...}; None: any currency
    factors: dict[str, tuple[str, Decimal]]
    weight_homonyms: frozenset[str]
    dollar_currencies: frozenset[str]  # ISO codes whose unit is a dollar


def _babel_names(code: str) -> set[str]:
    from babel.numbers import get_currency_name
    names = set()
    for count in (None, 1, 2):
        try:
            name = get_currency_name(code, count=count, locale="en")
        except Exception:  # noqa: BLE001 - a code babel does not know has no names
            continue
        if name and name != code and re.fullmatch(r"[A-Za-z .'-]+", name):
            names.add(name.lower())
    return names


@lru_cache(maxsize=None)
def tables() -> CurrencyTables:
    import pycountry
    from babel.numbers import get_currency_symbol, get_territory_currencies

    data = load("currencies")
    excluded = set(data["excluded_codes"]) | set(data["codes_not_alone"])
    iso = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in excluded)

    codes = {code: code for code in iso}
    for code in data["codes_any_case"]:
        target = data["abbreviations"].get(code, code)
        codes[code.lower()] = target
        codes[code.title()] = target
    codes.update(data["abbreviations"])
    millions = data["million_prefixed_codes"]
    code_factors = {millions["prefix"] + code: Decimal(10) ** 6 for code in millions["codes"]}
    codes.update({token: token[len(millions["prefix"]):] for token in code_factors})

    signs: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for code in iso:
        symbol = get_currency_symbol(code, locale="en")
        if symbol == code or re.fullmatch(r"[A-Za-z.\s]+", symbol):
            continue  # letters only ("FCFA"): not a sign
        if symbol.endswith("$") and len(symbol) > 1:
            prefixes[symbol[:-1].lower()] = code
        else:
            signs[symbol] = code
    signs.update(data["signs"])
    for sign, code in list(signs.items()):
        if sign.endswith("$") and len(sign) > 1:
            prefixes[sign[:-1].lower()] = code
            del signs[sign]
    prefixes.update({k.lower(): v for k, v in data["dollar_prefixes"].items()})

    variants: dict[str, set[str]] = {}
    for group in data["word_variants"]:
        for word in group:
            variants[word] = set(group)
    words: dict[str, str] = {}
    last_words: dict[str, set[str]] = {}
    for code in iso:
        names = _babel_names(code)
        for name in names:
            words[name] = code
            last = name.split()[-1]
            last_words.setdefault(code, set()).update(variants.get(last, {last}))
    for demonym, territory in data["demonyms"].items():
        for code in get_territory_currencies(territory):
            for form in last_words.get(code, ()):
                words.setdefault(f"{demonym.lower()} {form}", code)
    # a country's name before a currency word of that country, as its adjective is: "Malaysia ringgit"
    names_of: dict[str, set[str]] = {}
    for country in pycountry.countries:
        names_of.setdefault(country.alpha_2, set()).update(
            n for n in (getattr(country, a, None) for a in ("name", "common_name")) if n and not re.search(r"[,(]", n))
    for alias, territory in load("countries")["aliases"].items():  # "Turkey", "South Korea"
        if not alias.lower().startswith("the "):
            names_of.setdefault(territory, set()).add(alias)
    for territory, names in names_of.items():
        for code in get_territory_currencies(territory):
            for form in last_words.get(code, ()):
                for name in names:
                    words.setdefault(f"{name.lower()} {form}", code)
    words.update({k.lower(): v for k, v in data["words"].items()})

    dollars = frozenset(code for code in iso if any(n.endswith(("dollar", "dollars")) for n in _babel_names(code)))
    return CurrencyTables(
        codes=codes,
        code_factors=code_factors,
        signs=signs,
        dollar_prefixes=prefixes,
        words=words,
        subunits={k.lower(): (v[0], Decimal(v[1])) for k, v in data["subunits"].items()},
        compound_subunits={k.lower(): None if v == "*" else frozenset(v) for k, v in data["compound_subunits"].items()},
        factors={k: (v[0], Decimal(v[1])) for k, v in data["factors"].items()},
        weight_homonyms=frozenset(w.lower() for w in data["weight_homonyms"]),
        dollar_currencies=dollars,
    )


def _resolved(key: Optional[str]) -> Optional[tuple[str, Decimal]]:
    if key is None:
        return None
    return tables().factors.get(key, (key, Decimal(1)))


def from_sign(sign: str) -> Optional[tuple[str, Decimal]]:
    """"$" -> USD, "HK$" / "hk $" -> HKD, "NZD$" -> NZD, "€" -> EUR; None if unknown."""
    t = tables()
    compact = re.sub(r"\s+", "", sign)
    if compact in t.signs:
        return _resolved(t.signs[compact])
    if compact.endswith("$"):
        prefix = compact[:-1]
        key = t.dollar_prefixes.get(prefix.lower()) or t.codes.get(prefix) or t.codes.get(prefix.upper())
        return _resolved(key)
    return None


def from_code(code: str) -> Optional[tuple[str, Decimal]]:
    """"USD" -> USD, "RMB" -> CNY, "Rs." -> INR, "MUSD" -> USD x 10**6."""
    t = tables()
    resolved = _resolved(t.codes.get(code))
    if resolved and code in t.code_factors:
        return resolved[0], resolved[1] * t.code_factors[code]
    return resolved


def from_word(word: str) -> Optional[tuple[str, Decimal]]:
    return _resolved(tables().words.get(re.sub(r"\s+", " ", word.lower())))


def from_subunit(word: str) -> Optional[tuple[str, Decimal]]:
    return tables().subunits.get(word.lower())
