"""The organizations component: named organizations, full name linked to acronym.

Three sources, merged into one entry per organization:
  * definitions "Full Name (ACR)" and "ACR (Full Name)", checked by matching
    the acronym's letters to the initials of the name's words;
  * capitalized names ending in an organization word ("... Organization",
    "... Bank") or starting with one ("Ministry of ...");
  * acronyms and news outlets known without a definition ("IRNA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Mention, Organization
from ..resources import load
from .base import doc_text, set_results
from .lines import edge_lines
from .org_registry import Hit, OrgRegistry, default_registry
from ..numbers import trie_pattern

WORD = r"[A-Z][\w’'\-.]*[\w]|[A-Z]"


@lru_cache(maxsize=None)
def _data():
    d = load("organizations")
    return (
        sorted(d["suffixes"], key=len, reverse=True),
        d["prefixes"],
        set(d["connectors"]),
        set(d["known_acronyms"]),
        d["news_outlets"],
        set(d["not_organizations"]),
        set(d["lead_words_to_drop"]),
    )


@lru_cache(maxsize=None)
def _title_words() -> set:
    """Words of an office ("Deputy Director of ..."), not the domain words of titles ("Trade")."""
    words = {"Deputy", "Vice", "Acting", "Managing", "Chief", "Executive", "General", "First", "Caretaker"}
    for title in load("titles")["titles"]:
        words.add(title.split()[-1])
    return words


@lru_cache(maxsize=None)
def _country_words() -> set:
    from .destinations import country_table

    return set(country_table()[0])


_ACRONYM_DEF = re.compile(r"[ \t]?\((?P<acr>[A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,10})\)")
_TOKEN = re.compile(r"[A-Za-z][\w’'\-.&]*[\w&]|[A-Za-z&]|,")


#: a dateline at a line's start: a city in capitals, an optional place and date, the source in brackets, a dash
_DATELINE_SOURCE = re.compile(r"(?m)^[A-Z][A-Z .\-]{2,30}(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?\s+"
                              r"\((?P<src>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})\)\s*[-–—]")


@dataclass
class _Org:
    name: str
    acronym: Optional[str] = None
    spans: list = field(default_factory=list)  # (start, end)
    forms: set = field(default_factory=set)  # every written form of the name
    entry: Optional[int] = None  # the registry entry, when the body is known


def _tokens_before(text: str, end: int, limit: int = 16):
    """Word tokens (start, end, text) ending at ``end``, within the sentence, nearest last."""
    window_start = max(0, end - 200)
    chunk = text[window_start:end]
    cut = max(chunk.rfind(". "), chunk.rfind("\n"), chunk.rfind("“"), chunk.rfind("\""), chunk.rfind("("), chunk.rfind(";"))
    if cut >= 0:
        chunk_offset = window_start + cut + 1
        chunk = text[chunk_offset:end]
    else:
        chunk_offset = window_start
    toks = [(m.start() + chunk_offset, m.end() + chunk_offset, m.group()) for m in _TOKEN.finditer(chunk)]
    return toks[-limit:]


def _initial(word: str) -> str:
    return word[0].upper()


def _letters_of_word(word: str, letters: list, i: int, inner_letters: bool) -> int:
    """How many acronym letters ending at ``i`` the word accounts for (0: none).

    The word's initial must give the first of them; the others must appear in
    order inside the word ("Eurasian" -> "EA").
    """
    if _initial(word) == letters[i]:
        return 1
    if not inner_letters:
        return 0
    inner = word[1:].upper()
    for k in range(i - 1, max(-1, i - 3), -1):
        if letters[k] != _initial(word):
            continue
        pos = 0
        for c in letters[k + 1:i + 1]:
            pos = inner.find(c, pos)
            if pos < 0:
                break
            pos += 1
        else:
            return i - k + 1
    return 0


def _long_form_before(text: str, paren_start: int, acronym: str) -> Optional[tuple[int, int]]:
    """Start/end of the name whose word initials spell ``acronym``, right before '('.

    Initials alone are tried first; letters from inside a word ("Eurasian"
    for the "EA" of "EAEU") only when initials cannot spell the acronym.
    """
    return _match_long_form(text, paren_start, acronym, False) or _match_long_form(text, paren_start, acronym, True)


def _match_long_form(text: str, paren_start: int, acronym: str, inner_letters: bool) -> Optional[tuple[int, int]]:
    _, _, connectors, _, _, _, drop = _data()
    toks = _tokens_before(text, paren_start)
    letters = [c for c in acronym if c.isalpha() and c.isupper()] or [acronym[0].upper()]
    i = len(letters) - 1
    j = len(toks) - 1
    start_tok = None
    skipped_caps = 0
    # the word right before "(" must belong to the name
    if j < 0 or not toks[j][2][0].isupper():
        return None
    while j >= 0 and i >= 0:
        word = toks[j][2]
        if word == ",":
            j -= 1
            continue
        if word.lower() in connectors and not word[0].isupper():
            j -= 1
            continue
        if not word[0].isupper():
            return None
        consumed = _letters_of_word(word, letters, i, inner_letters)
        if consumed:
            # "Eurasian" gives E and A of "EAEU"; other words give their initial
            i -= consumed
            start_tok = j
        else:
            skipped_caps += 1
            if skipped_caps > 2:
                return None
        j -= 1
    if i >= 0 or start_tok is None:
        return None
    while start_tok < len(toks) and toks[start_tok][2] in drop:
        start_tok += 1
    if start_tok >= len(toks):
        return None
    end = toks[-1][1]
    if re.search(r"[’']s$", text[toks[-1][0]:end]):
        end -= 2  # "Central Bank of Iran’s (CBI)"
    return toks[start_tok][0], end


@lru_cache(maxsize=None)
def _name_pattern():
    suffixes, prefixes, connectors, _, _, _, _ = _data()
    suffix_alt = trie_pattern(suffixes)
    # no two ways to read "A."; a plural possessive inside a name: "Exporters' Union"
    word = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*[\w](?:(?<=s)[’'](?=\s))?|[A-Z](?:[a-z]{0,2}\.)?)"
    conn = r"(?:of|and|for|the|on|&|de|al|ol)"
    # a comma inside a name only in a list of domains: "Bushehr Industry, Mining and Trade Department"
    listed = rf",(?=\s+{word}(?:,\s+{word})*,?\s+and\s+{word})"
    inner = rf"(?:{word}(?:{listed})?|{conn}|,(?=\s+{word}))"
    # "... Organization", "... Bank of Iran", "Ministry of Industry, Mine and Trade"
    tail = rf"(?:\s+of(?:\s+the)?\s+{word}(?:(?:\s+|,\s+)(?:{word}|and(?=\s+{word})|of(?=\s+{word})))*)?"
    # "Bank" also begins names ("Bank Mellat"): as an ending it may not run into one
    ending = rf"(?:(?:{suffix_alt})(?![\w])(?<!Bank)|Bank(?!\s+[A-Z][a-z])(?![\w]))"
    # two organization words end a name together: "... Exchange Center", "... Development Fund"
    ending = rf"{ending}(?:\s+{ending})?"
    # Iranian banks put "Bank" first: "Bank Mellat", "Bank Melli Iran"
    bank_first = r"Bank\s+(?!of\b)[A-Z][a-z]+(?:\s+Iran)?(?![\w])"
    # a comma after the first word only in a list of domains, never after a person's name
    # a country written before a name that starts with an organization word is part of it: "Iran House of Trade"
    country = rf"(?:(?:{trie_pattern(_country_words())})\s+)?"
    return re.compile(rf"(?<![\w’'.\-])(?:{word}(?:{listed})?\s+)(?:{inner}\s+){{0,10}}?{ending}{tail}|(?<![\w’'.]){bank_first}|(?<![\w’']){country}(?:{'|'.join(re.escape(p) for p in prefixes)})\s+(?:the\s+)?{word}(?:(?:\s+|,\s+)(?:{word}|and(?=\s+{word})|of(?=\s+{word})))*")


def _trim_name(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Drop leading function and title words, trailing connectors and commas."""
    _, _, connectors, _, _, _, drop = _data()
    titles = _title_words()
    line_break = text.rfind("\n", start, end)
    if line_break >= 0:
        start = line_break + 1  # a name does not run over a line break ("Name\nTehran Times")
    span = text[start:end]
    words = list(re.finditer(r"\S+", span))
    # a lowercase "the" inside a name only follows "of", "for", "on", "and", "in";
    # elsewhere it starts the name ("Earlier, the Ministry of ...")
    for i in range(len(words) - 1, 0, -1):
        if words[i].group() == "the" and words[i - 1].group().rstrip(",") not in ("of", "for", "on", "and", "in"):
            words = words[i + 1:]
            break
    # "January, Head of X": a leading word cut off by a comma, then an office or lowercase word
    if len(words) > 1 and words[0].group().endswith(",") and (
            words[1].group() in titles or words[1].group()[0].islower()):
        words = words[1:]
    k = 0
    while k < len(words):
        w = words[k].group().rstrip(",")
        presidency = k + 1 < len(words) and words[k + 1].group().startswith("Presiden")
        # "General Directorate of Customs": "General" starts the name unless an office follows ("General Manager")
        general = w == "General" and k + 1 < len(words) and words[k + 1].group()[:1].isupper() and \
            words[k + 1].group().rstrip(",") not in titles and (k == 0 or words[k - 1].group() not in titles)
        if w in drop or (w in titles and not presidency and not general) or w.lower() in connectors or w.endswith(("’s", "'s")):
            # "Deputy Director of X" -> X ; "ISIPO's Y Organization" -> Y Organization
            k += 1
            continue
        break
    if k >= len(words):
        return None
    new_start = start + words[k].start()
    stripped = re.sub(r"[’']s$", "", text[new_start:end].rstrip(" ,"))
    # "Mehdi Ghazanfari, Plan and Budget Organization": a person's name before a comma is not part of it
    comma = stripped.find(", ")
    if comma > 0 and any(w in _given_names() for w in stripped[:comma].split()):
        new_start += comma + 2
        stripped = stripped[comma + 2:]
    # "Ministry of Roads Spokesman", "Ministry of Roads's CEO": an office after the name is not part of it
    possessive = re.search(r"[’']s\s", stripped)
    if possessive:
        stripped = stripped[:possessive.start()]
        if not _has_org_word(stripped):
            return None  # "Figures of Azerbaijan’s State Customs Committee": the possessor has no organization word
    # a person's name right after the organization ("... of Saffron Gholamreza Miri")
    given = _given_names()
    parts = stripped.split(" ")
    for i in range(1, len(parts)):
        if parts[i] in given or parts[i].split("-")[0] in given:
            stripped = " ".join(parts[:i])
            break
    parts = stripped.split(" ")
    while len(parts) > 2 and parts[-1] in _OFFICE_HEADS:
        parts.pop()
    stripped = " ".join(parts)
    while True:
        m = re.search(r"\s+(?:of|and|for|the|on|&)$", stripped)
        if not m:
            break
        stripped = stripped[:m.start()]
    if len(stripped.split()) < 2:
        return None  # a bare "Organization", "Bank"
    return new_start, new_start + len(stripped)


def _has_org_word(name: str) -> bool:
    """Does ``name`` hold an organization word ("... Ministry", "House of ...") or a known acronym?"""
    suffixes, prefixes, _, known, outlets, _, _ = _data()
    words = set(name.split())
    return (any(x in words or name.endswith(" " + x) for x in suffixes) or any(x + " " in name for x in prefixes)
            or bool(words & known) or name in outlets)


#: office heads that end a run of capitalized words after an organization ("Ministry of Roads Spokesman")
_OFFICE_HEADS = frozenset({"CEO", "Spokesman", "spokesman", "Spokeswoman", "Spokesperson", "Head", "head", "Director",
                           "director", "Chairman", "chairman", "Minister", "minister", "Governor", "governor",
                           "Secretary", "Manager", "manager", "Deputy", "deputy", "Chief", "chief"})


@lru_cache(maxsize=None)
def _given_names() -> frozenset:
    return frozenset(load("people")["given_names"])


#: the last words of a unit inside an organization
UNIT_WORDS = ("Department", "Office", "Bureau", "Directorate", "Division", "Unit")
#: the heads of a named unit that a text places inside a parent organization ("ORG's Energy Committee")
UNIT_HEADS = UNIT_WORDS + ("Committee", "Commission", "Council", "Board", "Headquarters", "Secretariat", "Taskforce")
_POSSESSOR = re.compile(r"(?P<o>[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|and|for|the)){0,8})[’']s\s+$")


def _unit_of_named_body(text: str, start: int, name: str, by_key: dict, registry: OrgRegistry) -> bool:
    """A unit named after a known organization's possessive ("the Agriculture Ministry's Economic
    Affairs Department") is part of that organization, not one of its own."""
    if name.split()[-1] not in UNIT_HEADS or registry.lookup(name) is not None:
        return False
    m = _POSSESSOR.search(text, max(0, start - 80), start)
    if not m:
        return False
    words = m.group("o").split()
    return any(_norm(" ".join(words[i:])) in by_key or registry.lookup(" ".join(words[i:])) is not None
               for i in range(len(words)))


def _parent_of_unit(name: str) -> Optional[int]:
    """Where the parent starts in "Energy Commission of the Iran Chamber of Commerce": a named unit
    (two words at least, a unit head last) of an organization named with an organization word."""
    for m in re.finditer(rf"\b(?:{'|'.join(UNIT_HEADS)})\s+of\s+(?:the\s+)?", name):
        unit, parent = name[:m.start()].split(), name[m.end():]
        if not unit or not _has_org_word(parent) or len(parent.split()) < 2 or parent.split()[0][0].islower():
            continue
        if unit[0] in _title_words():
            continue  # "General Directorate of Customs of X": an organization's own name, not a unit
        if re.search(rf"\b(?:{'|'.join(UNIT_HEADS)})$", parent.split(" of ")[0]):
            continue  # "Council of the Board of X": not a parent name
        return m.end()
    return None


def _unit_of_possessed_body(text: str, end: int, name: str) -> bool:
    """ "X Committee of Iran's House of Trade": a unit whose "of" names the possessor of the organization
    written right after it, not an organization of its own."""
    m = re.search(rf"^(?P<unit>.*?\b(?:{'|'.join(UNIT_HEADS)}))\s+of\s+(?:the\s+)?[^,]+$", name)
    if not m or not re.match(r"[’']s\s", text[end:end + 3]):
        return False
    after = _name_pattern().match(text, end + 3)
    if not after:
        return False
    parent = _trim_name(text, after.start(), after.end())
    return bool(parent) and parent[0] == end + 3 and text[parent[0]:parent[1]].split()[-1] not in UNIT_WORDS


def _name_candidates(text: str):
    """(start, end) of the runs the name pattern reads: two runs with only a space between are one name
    ("Traveling Services" + "Coordination Headquarters"); a run through a possessive also gives the
    name after it ("... Committee of Iran's House of Trade" -> "House of Trade")."""
    pattern = _name_pattern()
    runs = [[m.start(), m.end()] for m in pattern.finditer(text)]
    merged: list[list[int]] = []
    for run in runs:
        if merged and text[merged[-1][1]:run[0]] == " " and text[run[0]].isupper():
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    for start, end in merged:
        yield start, end
        for p in re.finditer(r"[’']s\s+(?=[A-Z])", text[start:end]):
            inner = pattern.match(text, start + p.end(), end)
            if inner:
                yield inner.start(), inner.end()


@lru_cache(maxsize=None)
def _inner_body_re():
    d = load("organizations")
    return frozenset(d["umbrella_acronyms"]), re.compile(
        rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{'|'.join(map(re.escape, d['body_nouns']))})\b")


def _names_inner_body(text: str, start: int, end: int) -> bool:
    """ "the UN nuclear agency", "the EU trade commission": an umbrella body's name modifying a body inside it."""
    umbrellas, body = _inner_body_re()
    return text[start:end] in umbrellas and body.match(text, end) is not None


def _spans_of(text: str, org: "_Org"):
    for form in org.forms | {org.name}:
        for m in re.finditer(re.escape(form), text):
            yield m.start(), m.end()


#: a modifier before a bare descriptor: "state energy company", "Chinese firm", "Azerbaijan's grid operator"
_MODIFIER_BEFORE = re.compile(r"(?<![\w\-])(?!(?:the|a|an|this|that|its|their|his|her|our|said|The|A|An|This|That|Its|Their)\s)"
                              r"(?:[a-z][\w\-]+|[A-Z][a-z]+(?:-[a-z]+)?)\s+$")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: a name after a descriptor: capitalized words (hyphens and "&" inside), at most four
_DESCRIBED = r"[A-Z][\w’'\-]*[\w](?:\s+(?:&\s+)?[A-Z][\w’'\-]*[\w]){0,3}"


@lru_cache(maxsize=None)
def _descriptor_res():
    d = load("organizations")
    before = trie_pattern(set(d["descriptors_before"]) | set(d["capitalized_descriptors"]))
    after = trie_pattern(d["descriptors_after"])
    # "the Persian-language daily Shahrvand", "consultancy Kpler"; "Consultancy FGE" (at a sentence's start)
    first = re.compile(rf"(?<![\w\-])(?P<d>{before})\s+[«“\"]?(?P<n>{_DESCRIBED})(?![\w’'\-])(?![ \t]+[A-Z])")
    # "the Banker magazine": the name between "the" and the noun
    second = re.compile(rf"(?<![\w])[Tt]he\s+(?P<n>{_DESCRIBED})\s+(?:{after})\b")
    stop = (_title_words() | _country_words() | set(_data()[6]) | set(load("titles")["nationalities"])
            | set(d["descriptor_not_names"]) | set(load("months")["gregorian"]) | set(_WEEKDAYS))
    return first, second, frozenset(d["capitalized_descriptors"]), frozenset(stop), frozenset(d["descriptors_needing_modifier"])


def _described_names(text: str):
    """(start, end) of names a descriptor gives their kind: "consultancy Petro-Logistics", "the Banker magazine"."""
    first, second, capital, stop, bare = _descriptor_res()
    given = _given_names()
    for regex in (first, second):
        for m in regex.finditer(text):
            if regex is first and m.group("d")[0].isupper() and (
                    m.group("d") not in capital or not re.search(r"(?:^|\n|[.!?][ \t]{1,2})$", text[max(0, m.start() - 3):m.start()])):
                continue  # a capitalized descriptor only at a sentence's start ("Consultancy FGE said")
            if regex is first and m.group("d") in bare and not _MODIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "the firm Demand": a bare "company" or "firm" names no kind ("state energy company X" does)
            words = m.group("n").split()
            if any(w in stop or w in given or re.search(r"-(?:language|based|run|owned)$|[’']s$", w) for w in words):
                continue  # "the English daily", "the Tehran-based daily", "firm Chairman ...", a person, a possessive
            if " ".join(words) in _country_words():
                continue
            yield m.start("n"), m.end("n")


_BYLINE_OUTLET = re.compile(r"(?P<person>[A-Z][a-z]+(?:[ \t]+[A-Z][\w’'\-]+){1,3})[ \t]*\|[ \t]*"
                            r"(?P<o>[A-Z][\w’'\-.]*(?:[ \t]+(?:of|the|[A-Z][\w’'\-.]*)){0,5})")


def _byline_outlets(text: str):
    """The outlet of a byline line "Name | Outlet" among a text's first six or last three lines."""
    for s, e in edge_lines(text):
        b = _BYLINE_OUTLET.fullmatch(text, s, e)
        if b and b.group("person").split()[0] in _given_names():
            yield b.group("o")


def _person_with_org_word(name: str) -> bool:
    """A given name and one organization word: a person's name ("Morteza Bank"), not a body."""
    words = name.split()
    return len(words) == 2 and words[0] in _given_names() and words[1] in _data()[0]


@lru_cache(maxsize=None)
def _non_org_heads() -> frozenset:
    return frozenset(load("organizations")["not_organization_heads"])


@lru_cache(maxsize=None)
def _known_names_re():
    _, _, _, known_acronyms, outlets, _, _ = _data()
    alt = trie_pattern(set(known_acronyms) | set(outlets))
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])")


def _initials(name: str) -> str:
    """Initials of a name's capitalized words: "Trade Promotion Organization" -> "TPO"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'\-]*", name.replace("&", " and ")) if w[0].isupper())


def _norm(name: str) -> str:
    name = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE).replace("&", " and ")
    return re.sub(r"[^\w]+", " ", name).strip().lower()


def find_organizations(text: str, hits: Optional[list[Hit]] = None,
                       registry: Optional[OrgRegistry] = None) -> list[Organization]:
    """The organizations of ``text``; ``hits`` are the registry's names found in it
    (computed here with ``registry``, or the default registry, when not given)."""
    registry = registry or default_registry()
    if hits is None:
        hits = registry.find_text(text)
    suffixes, prefixes, connectors, known_acronyms, outlets, not_orgs, drop = _data()
    countries = _country_words()
    orgs: list[_Org] = []
    by_key: dict[str, _Org] = {}

    def get(name: str, acronym: Optional[str] = None) -> _Org:
        keys = [_norm(name)] + ([_norm(acronym)] if acronym else [])
        for key in keys:
            if key in by_key:
                org = by_key[key]
                if acronym and not org.acronym:
                    org.acronym = acronym
                if len(name) > len(org.name) and _norm(name) != _norm(org.acronym or ""):
                    org.name = name
                org.forms.add(name)
                for k in keys:
                    by_key[k] = org
                return org
        org = _Org(name=name, acronym=acronym, forms={name})
        orgs.append(org)
        for k in keys:
            by_key[k] = org
        return org

    # 1. "Full Name (ACR)"
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group("acr")
        if acr in not_orgs or acr.endswith("s"):
            continue  # plural acronyms name kinds of things ("SMEs", "LCs"), not an organization
        span = _long_form_before(text, m.start(), acr)
        if not span:
            continue
        name = text[span[0]:span[1]]
        if name in countries or name.split()[-1] in _non_org_heads():
            continue
        get(name, acr)
    # 1b. "ACR (Full Name)"
    for m in re.finditer(r"(?<![\w])(?P<acr>[A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,10})[ \t]?\((?P<full>[A-Z][^()\n]{4,120})\)", text):
        acr, full = m.group("acr"), m.group("full")
        initials = [w[0] for w in re.findall(r"[A-Za-z][\w’'\-]*", full) if w[0].isupper()]
        letters = [c for c in acr if c.isupper()]
        it = iter(initials)
        if letters and letters[0] == initials[0] and all(any(c == x for x in it) for c in letters):
            get(full.strip(), acr)
    # 2. names with organization words
    for m_start, m_end in _name_candidates(text):
        trimmed = _trim_name(text, m_start, m_end)
        if not trimmed:
            continue
        name = text[trimmed[0]:trimmed[1]]
        if name in countries or _norm(name) in by_key:
            continue
        if _unit_of_possessed_body(text, trimmed[1], name):
            continue  # "the X Committee of Iran's House of Trade": a unit, in the office's title
        parent = _parent_of_unit(name)
        if parent:
            # "the Energy Commission of the Iran Chamber of Commerce": the unit stays in the office's title
            name = name[parent:]
            if _norm(name) in by_key:
                continue
        if _unit_of_named_body(text, trimmed[0], name, by_key, registry):
            continue  # "the Agriculture Ministry's Economic Affairs Department": a unit, in the office's title
        if _person_with_org_word(name) and registry.lookup(name) is None:
            continue  # "Morteza Bank said": a given name and a surname that is an organization word
        if any(len(o.name) < len(name) and o.name in name for o in orgs if o.acronym):
            continue  # "Representatives Board of <an organization defined with its acronym>"
        if _names_a_thing(text, trimmed[1]):
            continue  # "the Integrated Foreign Exchange Management System": a system's name, not a body
        if _unit_at_parent(text, trimmed[1], name):
            continue  # "the Handicrafts Department at the Ministry of ...": a unit, in the office's title
        get(name)
    # 2b. a body named after a common noun of its kind: "consultancy Petro-Logistics", "the Banker magazine"
    for ds, de in _described_names(text):
        name = text[ds:de]
        if _norm(name) not in by_key and not any(ds >= s and de <= e for o in orgs for s, e in _spans_of(text, o)):
            get(name)
    # 3. news outlets and known acronyms named on their own
    for m in _known_names_re().finditer(text):
        unit = _outlet_unit_re().match(text, m.end())
        if unit:
            # "an analyst at Bloomberg Economics": a unit of the outlet named with it
            if _norm(m.group() + unit.group()) not in by_key:
                get(m.group() + unit.group())
            continue
        if _norm(m.group()) not in by_key and not _names_inner_body(text, m.start(), m.end()):
            get(m.group())
    # 3d. a body named by its web address: "co-founder of TankerTrackers.com"
    for m in (_WEB_NAME.finditer(text) if any(x in text for x in _WEB_ENDINGS) else ()):
        if _norm(m.group()) not in by_key:
            get(m.group())
    # 3a. an outlet's acronym in a byline: "By MEE correspondent"
    for m in (_BYLINE_ACRONYM.finditer(text) if "By " in text else ()):
        if m.group("a") not in not_orgs and _norm(m.group("a")) not in by_key:
            get(m.group("a"))
    # 3b. a dateline's source: "TEHRAN (FNA)-", "DUBAI, Aug 3 (Reuters) -"
    for m in _DATELINE_SOURCE.finditer(text):
        src = m.group("src")
        if src not in not_orgs and src not in countries and _norm(src) not in by_key:
            get(src)
    # 3c. a byline's outlet: "Nora Ellison | Gulf Business Review" at the top or the bottom of the text
    for src in _byline_outlets(text):
        if src not in not_orgs and src not in countries and _norm(src) not in by_key:
            get(src)
    # 4. the registry: known bodies, with or without an organization word
    _apply_registry(text, orgs, by_key, hits, registry, get)
    _short_generic_forms(orgs, by_key, registry)

    # an acronym used on its own and a full name whose initials spell it are one
    # organization even without "Full Name (ACR)" ("the head of TPO ... the Trade
    # Promotion Organization of Iran")
    for short in [o for o in orgs if o.acronym is None and re.fullmatch(r"[A-Z]{3,8}", o.name)]:
        for full in orgs:
            if full is short or full.acronym or " " not in full.name:
                continue
            if short.name in (_initials(full.name), _initials(re.sub(r"\s+of\s+(?:the\s+)?\S+$", "", full.name))):
                full.acronym = short.name
                full.forms |= short.forms
                orgs.remove(short)
                break

    # mentions: every occurrence of the name or the acronym
    results = []
    taken = bytearray(len(text))  # 1 where an earlier organization's mention is (a check in C: linear)
    for org in sorted(orgs, key=lambda o: -len(o.name)):
        forms = sorted(org.forms | {org.name}, key=len, reverse=True) + ([org.acronym] if org.acronym else [])
        spans = []
        mine = bytearray(len(text))  # 1 where a longer form of this organization is
        for form in forms:
            for m in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-]|-based)", text):
                s, e = m.start(), m.end()
                if taken.find(1, s, e) != -1 or mine.find(1, s, e) != -1:
                    continue  # inside another organization's mention, or a longer form of this one
                if _names_inner_body(text, s, e):
                    continue  # "the UN nuclear agency": another body
                spans.append((s, e))
                mine[s:e] = b"\x01" * (e - s)
        for s, e in spans:
            taken[s:e] = b"\x01" * (e - s)
        if not spans:
            continue
        spans.sort()
        org.spans = spans
    for org in orgs:
        if not org.spans:
            continue
        entry = registry.entry(org.entry)
        results.append(Organization(
            name=org.name, acronym=org.acronym,
            mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in org.spans],
            canonical=entry["canonical"] if entry else None, type=entry["type"] if entry else None))
    results.sort(key=lambda o: o.mentions[0].start)
    return results


def _apply_registry(text, orgs, by_key, hits, registry, get) -> None:
    """Link the organizations found to registry entries, add the known bodies the
    patterns missed, split lists of known bodies, and merge variants of one body."""
    # a list of known bodies read as one name: "Bank Saderat, Bank Tejarat and Post Bank";
    # two names joined by "and the": "the Ministry of Energy and the Plan and Budget Organization"
    for org in list(orgs):
        if org.acronym or registry.lookup(org.name) is not None:
            continue
        pieces = re.split(r",\s+(?:and\s+)?|\s+and\s+", org.name)
        if len(pieces) > 1 and " " in pieces[0] and registry.lookup(pieces[0]) is None:
            # "Carmakers Renault and PSA Group": a common noun starting the sentence before the list
            head = pieces[0].split(" ", 1)[1]
            if registry.lookup(head) is not None:
                pieces[0] = head
        if not (len(pieces) > 1 and all(registry.lookup(p) is not None for p in pieces)):
            pieces = _split_at_definite(org.name)
        if pieces:
            orgs.remove(org)
            for k in [k for k, o in by_key.items() if o is org]:
                del by_key[k]
            for piece in pieces:
                if _norm(piece) not in by_key:
                    get(piece)
    for org in orgs:
        for form in [org.name] + ([org.acronym] if org.acronym else []) + sorted(org.forms):
            entry = registry.lookup(form)
            if entry is not None:
                org.entry = entry
                break
    for hit in hits:
        form = text[hit.start:hit.end]
        if _norm(form) in by_key:
            org = by_key[_norm(form)]
            if org.entry is None:
                org.entry = hit.entry
            continue
        if any(form in f and form != f for o in orgs for f in o.forms):
            continue  # inside a longer name ("Bank Melli Iran", "Saipa Diesel")
        if _brand_before_model(text, hit.start, hit.end, registry.entry(hit.entry)):
            continue  # "a hybrid Toyota Camry": a product's make, not the company
        owner = next((o for o in orgs if o.entry == hit.entry), None)
        if owner is None:
            owner = get(form)
            owner.entry = hit.entry
        elif hit.acronym:
            if owner.acronym is None and re.fullmatch(r"[A-Z][A-Za-z&\-]*", owner.name) is None:
                owner.acronym = form
            by_key[_norm(form)] = owner
        else:
            owner.forms.add(form)
            by_key[_norm(form)] = owner
            if len(form) > len(owner.name) and owner.name not in registry.entries[hit.entry].get("acronyms", ()):
                owner.name = form
            elif owner.name in registry.entries[hit.entry].get("acronyms", ()):
                owner.acronym, owner.name = owner.name, form
    # variants of one body found as separate organizations ("Bank Tejarat" / "Tejarat Bank")
    first: dict[int, _Org] = {}
    for org in list(orgs):
        if org.entry is None:
            continue
        keep = first.setdefault(org.entry, org)
        if keep is org:
            continue
        acronyms = registry.entries[org.entry].get("acronyms", ())
        for o in (org, keep):
            if o.name in acronyms and o.acronym is None:
                o.acronym, o.forms = o.name, o.forms - {o.name}
        if keep.name in acronyms:
            keep.name = org.name if org.name not in acronyms else keep.name
        elif len(org.name) > len(keep.name) and org.name not in acronyms:
            keep.name = org.name
        keep.forms |= {f for f in org.forms if f not in acronyms}
        keep.acronym = keep.acronym or org.acronym
        if keep.acronym == keep.name:
            keep.acronym = None
        keep.forms.discard(keep.acronym)
        orgs.remove(org)
        for k, o in list(by_key.items()):
            if o is org:
                by_key[k] = keep


@lru_cache(maxsize=None)
def _outlet_unit_re():
    return re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, load('organizations')['outlet_units']))})(?![\w\-])")


_WEB_ENDINGS = (".com", ".net", ".org", ".ir", ".io")
#: a capitalized name with a web domain's ending ("TankerTrackers.com"), not inside an address or a URL
_WEB_NAME = re.compile(r"(?<![\w.@/\-])[A-Z][A-Za-z0-9\-]*[A-Za-z0-9]\.(?:com|net|org|ir|io)(?![\w@/\-]|\.\w)")


#: "By MEE correspondent", "By IRNA staff": an acronym as a byline's writer is an outlet
_BYLINE_ACRONYM = re.compile(r"(?m)^[ \t]*By[ \t]+(?P<a>[A-Z]{2,6})[ \t]+(?:[Ss]taff|[Cc]orrespondents?|[Rr]eporters?|[Ee]ditors?|[Ww]riters?)\b")


@lru_cache(maxsize=None)
def _thing_tail_re():
    heads = "|".join(map(re.escape, sorted(_non_org_heads(), key=len, reverse=True)))
    return re.compile(rf"(?:[ \t]+[A-Z][a-z][\w\-]*){{0,3}}[ \t]+(?:{heads})(?![\w\-])")


def _names_a_thing(text: str, end: int) -> bool:
    """ "Integrated Foreign Exchange" + " Management System": capitalized words running on from an
    organization word to a system's, plan's or agreement's head make that thing's name."""
    return _thing_tail_re().match(text, end) is not None


_UNIT_AT = re.compile(r"[ \t]+(?:at|of|in)[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _unit_at_parent(text: str, end: int, name: str) -> bool:
    """ "the Handicrafts Department at the Ministry of Culture": a unit (a unit word last) written
    before its parent organization, which is named right after "at" / "of" / "in"."""
    if name.split()[-1] not in UNIT_WORDS:
        return False
    m = _UNIT_AT.match(text, end)
    if not m:
        return False
    after = _name_pattern().match(text, m.end())
    if not after:
        return False
    parent = _trim_name(text, after.start(), after.end())
    return bool(parent) and parent[0] == m.end() and text[parent[0]:parent[1]].split()[-1] not in UNIT_WORDS


#: "a Chinese-made Chery Tiggo 8", "the hybrid Toyota Camry": an indefinite article, or a definite one and
#: lowercase modifiers, before a make ("the Sinopec Zhenhai refinery" names the company)
_PRODUCT_BEFORE = re.compile(r"(?:^|[\s(])(?:[Aa]n?(?:[ \t]+(?:[a-z][\w\-]*|[A-Z][a-z]+-[a-z]+)){0,3}"
                             r"|(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)(?:[ \t]+(?:[a-z][\w\-]*|[A-Z][a-z]+-[a-z]+)){1,3})[ \t]+$")
_MODEL_AFTER = re.compile(r"[ \t]+(?P<m>[A-Z][\w\-]*)(?:[ \t]+[A-Z0-9][\w\-]*)?(?![\w\-])")


def _brand_before_model(text: str, start: int, end: int, entry) -> bool:
    """A company's name written as a product's make: an article (and lowercase modifiers) before it and
    a capitalized model name after it that is no organization word, office or person."""
    if not entry or entry.get("type") != "company":
        return False
    m = _MODEL_AFTER.match(text, end)
    if not m or not _PRODUCT_BEFORE.search(text, max(0, start - 60), start):
        return False
    word = m.group("m")
    suffixes = set(_data()[0])
    return not (word in suffixes or word in _title_words() or word in _given_names() or word in _country_words()
                or word in _WEEKDAYS)


@lru_cache(maxsize=None)
def _generic_name_re():
    d = load("organizations")
    mods = "|".join(map(re.escape, d["generic_name_modifiers"]))
    ends = "|".join(map(re.escape, sorted(d["suffixes"], key=len, reverse=True)))
    return re.compile(rf"(?:(?:{mods})\s+)+(?:{ends})")


def _short_generic_forms(orgs: list, by_key: dict, registry: OrgRegistry) -> None:
    """ "the High Council": adjectives and an organization word only. It is a mention of the text's
    longer name that starts with it ("High Council of Free Zones"), and no organization of its own."""
    generic = _generic_name_re()
    for org in list(orgs):
        if org.acronym or org.entry is not None or not generic.fullmatch(org.name):
            continue
        if registry.lookup(org.name) is not None:
            continue
        longer = [o for o in orgs if o is not org and any(f.startswith(org.name + " ") for f in o.forms | {o.name})]
        orgs.remove(org)
        if len(longer) == 1:
            longer[0].forms |= org.forms
            for k, o in list(by_key.items()):
                if o is org:
                    by_key[k] = longer[0]
        else:
            for k in [k for k, o in by_key.items() if o is org]:
                del by_key[k]


def _split_at_definite(name: str) -> Optional[list[str]]:
    """ "Ministry of Energy and the Plan and Budget Organization" -> its two names, when both are names."""
    suffixes, prefixes, _, _, _, _, _ = _data()
    m = re.search(r",?\s+and\s+the\s+|,\s+the\s+", name)
    if not m:
        return None
    left, right = name[:m.start()], name[m.end():]

    def is_name(part: str) -> bool:
        return len(part.split()) >= 2 and (
            any(part.endswith(" " + x) for x in suffixes) or any(part.startswith(x + " ") for x in prefixes))
    return [left, right] if is_name(left) and is_name(right) else None


class OrganizationsComponent:
    """Sets ``doc._.organizations`` (list of :class:`Organization`) and the span group.

    The organization registry is compiled into phrase matchers once, here, and
    saved with ``to_disk``."""

    def __init__(self, nlp: Language, name: str, span_group: str):
        self.name = name
        self.span_group = span_group
        self._nlp = nlp
        self.registry = OrgRegistry(nlp)

    def to_disk(self, path, *, exclude=tuple()):
        self.registry.to_disk(path)

    def from_disk(self, path, *, exclude=tuple()):
        self.registry = OrgRegistry.from_disk(self._nlp, path)
        return self

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        orgs = find_organizations(text, self.registry.find(doc, text), self.registry)
        mentions = [m for o in orgs for m in o.mentions]
        set_results(doc, "organizations", self.span_group, orgs, label="ORG", mentions=mentions)
        return doc


@Language.factory("extractor_organizations", default_config={"span_group": "organizations"},
                  assigns=["doc._.organizations", "doc.spans"])
def make_organizations_component(nlp: Language, name: str, span_group: str) -> OrganizationsComponent:
    return OrganizationsComponent(nlp, name, span_group)
