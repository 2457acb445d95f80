"""The officials component: named people, their office and its organization.

Word orders of the genre:
  * "ORG's TITLE [for X] Name Surname" and "TITLE of ORG Name Surname";
  * "Name Surname, [the] TITLE of ORG";
  * an unnamed office resolved by the next sentence: "the head of ORG
    announced ... According to Name Surname, ...";
  * a person quoted with no office ("According to Name Surname").
Later surname-only mentions and one-letter spelling variants of a surname
are linked to the person.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Mention, Official, Organization
from ..resources import load
from .base import doc_text, results, set_results
from .lines import edge_lines
from .org_index import OrgIndex
from ..numbers import trie_pattern

NAME_WORD = r"[A-Z][a-z]+(?:(?:-|[’'](?!s\b))[A-Za-z][a-z]*(?<=[a-z]{2}|[’'][a-z]))*"
#: a name word with an attached article: "al-Mansouri", "el-Sisi"
NAME_PART = rf"(?:(?:al|el|Al|El)-)?{NAME_WORD}"
#: particles inside Arabic and Persian names ("Sultan bin Saeed Al Mansoori", "Mohammad Kazem Al-e Sadegh")
PARTICLE = r"(?:bin|bint|ibn|al|el|ol|Al-e|al-e|ol-|de|van|von)"
_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "ol", "al-e", "ol-", "de", "van", "von"})


@lru_cache(maxsize=None)
def _lexicon():
    titles = load("titles")
    people = load("people")
    # the title grammar's one generated family: a domain word before a head ("Labour Minister")
    composed = [f"{d} {h}" for d in titles["minister_domains"] for h in titles["domain_heads"]]
    title_list = sorted(set(titles["titles"]) | set(composed), key=len, reverse=True)
    return (title_list, titles["speech_verbs"],
            set(people["given_names"]), set(people["honorifics"]))


@lru_cache(maxsize=None)
def _stop_words() -> set:
    from .destinations import country_table

    stop = set()
    for title in load("titles")["titles"]:
        stop.update(title.split())
    org = load("organizations")
    for s in org["suffixes"]:
        stop.update(s.split())
    stop.update(w for w in org["lead_words_to_drop"])
    months = load("months")
    stop.update(months["persian"])
    stop.update(months["gregorian"])
    for name in country_table()[0]:
        stop.update(name.split())
    stop.update(["Iran", "Tehran", "Islamic", "Republic", "National", "Iranian", "Industries", "Industry",
                 "Trade", "Mine", "Mines", "Commerce", "Affairs", "International", "Small", "Economic",
                 "Development", "Foreign", "Deputy", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday", "He", "She", "They", "It", "This", "That", "These", "Those", "We",
                 "All", "Content", "Creative", "Commons", "Attribution", "License", "International",
                 "Holding", "Supporting", "One", "Back", "Up", "Over", "Free", "Zone", "Port", "Province",
                 # places named after people: "Reza Shah Street", "Imam Khomeini Airport"
                 "Street", "Avenue", "Square", "Boulevard", "Highway", "Road", "Bridge", "Airport", "Station",
                 "Island", "Dam", "Mosque", "Bazaar", "Shrine", "Stadium", "Hospital"])
    return stop


@lru_cache(maxsize=None)
def _thing_head_after():
    heads = "|".join(map(re.escape, load("people")["not_person_heads_after"]))
    return re.compile(rf"[ \t]+(?:{heads})(?![\w\-])")


@lru_cache(maxsize=None)
def _org_words() -> frozenset:
    return frozenset(s for s in load("organizations")["suffixes"] if " " not in s)


@dataclass
class _Person:
    name: str
    title: Optional[str] = None
    organization: Optional[str] = None
    spans: list = field(default_factory=list)
    credit: bool = False  # named in a byline or a wire credit

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@lru_cache(maxsize=None)
def _name_re():
    # a name does not run over a line break ("Name\n\nExports rose")
    return re.compile(rf"(?<![\w’'\-])(?:(?:Seyyed|Seyed|Sayyed|Mir|Haj|Dr\.|Mr\.|Ms\.|Mrs\.)[ \t]+)?{NAME_WORD}"
                      rf"(?:(?:[ \t]+{PARTICLE})?[ \t]+{NAME_PART}){{1,10}}(?![\w\-])")


def _is_person_name(words: list[str]) -> bool:
    stop = _stop_words()
    _, _, given, honorifics = _lexicon()
    core = [w for w in words if w not in honorifics and w.lower() not in _PARTICLES]
    if len(core) < 2 or len(core) > 4:
        return False
    if any(w in stop for w in core):
        return False
    return True


def _split_name(words: list[str], whole_ok: bool = True) -> Optional[list[str]]:
    """The person's name at the end of a run of capitalized words.

    ``whole_ok``: the run does not continue a title ("... Tourism and Handicrafts
    Ezatollah Zarghami"), so a short run may be a name as a whole ("Fada Hossein Maleki").
    """
    _, _, given, honorifics = _lexicon()
    if whole_ok and 2 <= len(words) <= 3 and _is_person_name(words):
        return words  # "Fada Hossein Maleki": the whole run is the name
    for k, w in enumerate(words):
        if w in given or w in honorifics:
            if k and words[k - 1] == "Crown":
                continue  # "Crown Prince": an office, not an honorific
            while k >= 2 and words[k - 1] in ("bin", "bint", "ibn") and words[k - 2] not in _stop_words():
                k -= 2  # "Saad bin Abdullah Al Mahmoud": the given name before "bin"
            rest = words[k:]
            if len(rest) == 2 and rest[1] in _org_words():
                return rest  # "Morteza Bank": a surname that is an organization word (not one when in one)
            if any(x in _stop_words() for x in rest[1:]):
                continue  # "Jebel Ali Free Zone": a place named after a person
            if 2 <= len([x for x in rest if x not in honorifics and x.lower() not in _PARTICLES]) <= 4:
                return rest
    # no given name known: "... Hilal bin Salim Al Harthi", the name starts at the word before "bin"
    k = next((i for i in range(len(words) - 2) if words[i + 1] in ("bin", "bint", "ibn")), None)
    if k is not None and words[k] not in _stop_words() and _is_person_name(words[k:]):
        return words[k:]
    if len(words) >= 2 and _is_person_name(words[-2:]):
        return words[-2:]
    return None


@lru_cache(maxsize=None)
def _speech_after_re():
    verbs = "|".join(map(re.escape, _lexicon()[1]))
    return re.compile(rf"\s*(?:,\s*[^,]{{0,60}},\s*)?(?:{verbs})\b")


@lru_cache(maxsize=None)
def _title_re():
    alt = trie_pattern(w.lower() for w in _lexicon()[0])
    return re.compile(rf"(?<![\w])(?=[A-Za-z])(?:{alt})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _title_with_modifiers_re():
    """A title after a name, with the modifiers the genre puts before it ("former head")."""
    data = load("titles")
    titles = trie_pattern(w.lower() for w in _lexicon()[0])
    mods = trie_pattern(w.lower() for w in data["modifiers"])
    return re.compile(rf"(?<![\w])(?=[A-Za-z])(?:(?:{mods})\s+){{0,3}}(?:{titles})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _nationality_codes() -> dict:
    """Words for a state before an office, with its code: the nationalities of titles.json and
    every country name with a possessive ("Saudi Arabia's")."""
    from .destinations import country_table

    codes = {}
    for name, code in country_table()[0].items():
        codes[f"{name}’s"] = codes[f"{name}'s"] = code
    codes.update(load("titles")["nationalities"])
    return codes


@lru_cache(maxsize=None)
def _nationality_re():
    """A state's word right before an office: "Turkish ", "Turkey's ", "U.S. "."""

    codes = _nationality_codes()
    return re.compile(rf"(?:^|(?<=[\s(“\"]))(?P<n>{trie_pattern(codes)})\s+$"), codes


@lru_cache(maxsize=None)
def _nationality_prefix_re():
    """A state's word starting an office after a name: "Turkish " in "the Turkish trade minister"."""

    return re.compile(rf"(?P<n>{trie_pattern(_nationality_codes())})\s+")


def _nationality_before(text: str, pos: int) -> Optional[tuple[int, bool]]:
    """(start, is Iranian) of a nationality word ending right before ``pos``."""
    regex, codes = _nationality_re()
    m = regex.search(text, max(0, pos - 30), pos)
    if not m:
        return None
    return m.start("n"), codes[m.group("n")] == "IR"


@lru_cache(maxsize=None)
def _place_office_re():
    """An office held in a place, before the place's name: "Ambassador to ", "attaché in "."""
    return re.compile(r"(?:ambassador|attach[ée]|envoy|consul(?:\s+general)?|representative|charg[ée] d[’']affaires)"
                      r"\s+(?:to|in)\s+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _anaphoric_org_re():
    """ "the chamber", "its secretariat": a noun that refers back to a named organization."""
    heads = "|".join(re.escape(h) for h in sorted(load("organizations")["anaphoric_heads"], key=len, reverse=True))
    return re.compile(rf"(?:(?:the|this|his|her|its)\s+)?(?:vice[\s-])?({heads})\b")


def _anaphoric_org(text: str, phrase_start: int, phrase: str, orgs: OrgIndex) -> Optional[str]:
    """ "of the organization": the latest organization before it whose name has that word."""
    m = _anaphoric_org_re().match(phrase)
    if not m:
        return None
    noun = m.group(1).lower()
    seen: set = set()
    for _, _, name in orgs.ending_before(phrase_start):
        if name in seen:
            continue
        if noun in name.lower():
            return name
        seen.add(name)
        if len(seen) == orgs.distinct:
            return None
    return None


def find_officials(text: str, orgs: list[Organization]) -> list[Official]:
    titles, speech_verbs, given, honorifics = _lexicon()
    org_spans = OrgIndex(orgs)
    sentences = _sentence_bounds(text)
    sentence_starts = [a for a, _ in sentences]

    def sentence_of(pos: int) -> Optional[int]:
        k = bisect_right(sentence_starts, pos) - 1
        return k if k >= 0 and pos < sentences[k][1] else None
    people: dict[str, _Person] = {}
    order: list[_Person] = []
    title_re = _title_re()

    def add(name_words: list[str], start: int, end: int, title=None, org=None) -> _Person:
        name = " ".join(name_words)
        surname = name_words[-1].replace("-", "").lower()
        person = people.get(surname)
        if person is None:
            person = _Person(name=name)
            people[surname] = person
            order.append(person)
        if len(name) > len(person.name):
            person.name = name
        if title and not person.title:
            person.title, person.organization = title, org
        elif title and org and not person.organization:
            person.title, person.organization = title, org
        return person

    in_org = org_spans.overlaps

    # 1. offices followed by a name, or a name followed by ", [the] office of ORG"
    for m in _name_re().finditer(text):
        s, e = m.start(), m.end()
        words = m.group().split()
        name_words = _split_name(words, not re.search(r"\b(?:and|of|for|&)\s+$", text[max(0, s - 6):s]))
        if not name_words:
            continue
        name_start = s + m.group().rfind(" ".join(name_words)) if len(name_words) < len(words) else s
        if len(name_words) >= 3 and _place_office_re().search(text, max(0, name_start - 40), name_start):
            # "Ambassador to Baghdad Mohammad Kazem Al-e Sadegh": the place ends at the first given name
            # (or at the word a "bin" follows: "Ambassador to Tehran Saad bin Abdullah Al Mahmoud")
            k = next((i for i, w in enumerate(name_words) if i and (w in given or (
                i + 1 < len(name_words) and name_words[i + 1] in ("bin", "bint", "ibn")))), 1)
            if len(name_words) - k >= 2:
                name_start += len(" ".join(name_words[:k])) + 1
                name_words = name_words[k:]
        while len(name_words) > 2 and in_org(name_start, name_start + len(name_words[0])):
            # "... Exporters of Saffron Gholamreza Miri": the organization's last word is not the name's
            name_start += len(name_words[0]) + 1
            name_words = name_words[1:]
        if in_org(name_start, e):
            continue
        if _thing_head_after().match(text, e):
            continue  # "the Ahmad Aghaei variety": a thing named after a person
        if name_words[0] not in given and re.search(r"\b(?:of|for)\s+$", text[max(0, name_start - 5):name_start]):
            continue  # "Minister of Cultural Heritage": the office's domain, not a person
        before = text[max(0, name_start - 160):name_start]
        after = text[e:e + 160]
        title, org = _office_before(text, name_start, before, _title_with_modifiers_re(), org_spans)
        if title is not None and org is None:
            # "Deputy Prime Minister Alexey Overchuk of Russia said": the state after the name
            title = _state_after_name(text, e, title)
        if title is None:
            title, org = _office_after(text, e, after, title_re, org_spans)
        if title is None and name_words[0] not in given and not any(w in honorifics for w in name_words):
            # a stranger with no office: only when quoted
            if not _speech_after_re().match(after) and not re.search(r"(?:[Aa]ccording\s+to|quoting|quoted)\s+$", before):
                continue
        if title and org is None:
            org = _ministry_of(title, orgs)
        if title and org is None and " of " not in title and " for " not in title:
            k = sentence_of(name_start)
            org = _org_earlier_in_sentence(sentences[k][0] if k is not None else 0, name_start, title, org_spans, text)
        person = add(name_words, name_start, e, title, org)
        person.spans.append((name_start, e))

    not_credit = set(load("people").get("not_credit_names", ()))
    # 1a. credits: "By Name and Name", "(Reporting by Name; Editing by Name)", a byline line with
    #     only a name: named people with no office
    for ns, ne in _credited_names(text):
        words = text[ns:ne].split()
        if all(w.isupper() for w in words):
            words = [w.title() for w in words]  # "ANIL RAGHAVAN, Contributing writer"
        if in_org(ns, ne) or not _is_person_name(words) or any(w in not_credit for w in words):
            continue
        person = add(words, ns, ne)
        person.credit = True
        person.spans.append((ns, ne))

    # 1b. a surname alone as the subject of a speech verb ("Ghasemi said")
    not_surnames = set(load("people").get("not_surnames", ()))
    lowercase_words = set(re.findall(r"(?<![\w’'\-])[a-z][\w\-]*", text))
    known = {w for p in order for w in p.name.split()}
    for m in re.finditer(rf"(?<![\w’'\-.])(?P<n>{NAME_WORD})\s+(?:said|told|added(?!\s+to\b)|noted|stated|announced|explained|stressed)\b", text):
        word = m.group("n")
        s, e = m.start("n"), m.end("n")
        if word in known or word in _stop_words() or word in given or word in not_surnames or in_org(s, e):
            continue
        if word.lower() in lowercase_words:
            continue  # the word is written lowercase elsewhere: a common noun ("Officials said")
        if any(_one_edit(word, p.surname) for p in order if len(p.surname) >= 6):
            continue  # a spelling variant, linked below
        if s > 0 and re.search(r"[A-Z][\w’'\-]*\s+$", text[max(0, s - 30):s]):
            continue  # part of a longer capitalized run
        if re.search(r"\b(?:in|at|to|from|of|for|with|by|near)\s+$", text[max(0, s - 8):s]):
            continue  # "the attaché in Islamabad said": a place
        person = add([word], s, e)
        person.spans.append((s, e))
        known.add(word)

    # 2. surname-only mentions and spelling variants, in one pass over the capitalized words
    taken = bytearray(len(text) + 1)
    for p in order:
        for ps, pe in p.spans:
            taken[ps:pe] = b"\x01" * (pe - ps)
    variants = _VariantIndex()
    exact: dict[str, int] = {}
    first_start = []
    for i, person in enumerate(order):
        exact.setdefault(person.surname, i)
        first_start.append(min(s for s, _ in person.spans) if person.spans else 0)
        if len(person.surname) >= 6:
            variants.add(person.surname, i)
    stop = _stop_words()
    for m in re.finditer(rf"(?<![\w\-]){NAME_WORD}(?![\w\-])", text):
        s, e = m.start(), m.end()
        if taken[s]:
            continue
        word = m.group()
        owners = [exact[word]] if word in exact else []
        if word not in stop:
            owners += [i for i in variants.near(word) if s > first_start[i] and _one_edit(word, order[i].surname)]
        if owners and not in_org(s, e):
            person = order[min(owners)]
            # "Ghorban Mirzaei": a capitalized word before a known surname is the given name
            given_word = re.search(r"(?<![\w’'\-.])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s$", text[max(0, s - 30):s])
            if given_word and word == person.surname and " " not in person.name and \
                    _is_person_name([given_word.group(1), word]) and given_word.group(1) not in not_surnames:
                s = s - len(given_word.group(0))
                person.name = f"{given_word.group(1)} {person.name}"
            person.spans.append((s, e))
    # 3. an unnamed office ("the head of ISIPO announced ...", "President of IRICA said ...")
    #    resolved by the first untitled person named in the next two sentences
    person_starts = sorted(ps for p in order for ps, _ in p.spans)
    by_first = sorted((min(ps for ps, _ in p.spans), i) for i, p in enumerate(order) if p.spans)
    firsts = [f for f, _ in by_first]
    for m in _title_with_modifiers_re().finditer(text):
        after = text[m.end():m.end() + 80]
        title = m.group()
        org = None
        # "director for planning and development": a lowercase domain belongs to the office
        verb = r"(?:said|says|told|announced|noted|stated|added|has|had|was|is|made|put)\b"
        ext = re.match(rf"\s+(?:for|in\s+charge\s+of)\s+(?:(?!{verb})[a-z]+,?\s+(?:and\s+)?){{0,5}}(?!{verb})[a-z]+(?=\s+(?:of\b|at\b|{verb})|[,.])", after)
        shift = 0
        if ext:
            title += ext.group()
            after = after[ext.end():]
            shift = ext.end()
        # "head of the export committee of ORG": a lowercase unit of the organization stays in the title
        unit = _LOWER_UNIT.match(after)
        if unit:
            title += unit.group()
            after = after[unit.end():]
            shift += unit.end()
        om = re.match(r"(?:\s+of\s+the\s+[Bb]oard(?:\s+of\s+[Dd]irectors)?)?\s+(?:of|at|with|for)\s+(?:the\s+)?(?:[A-Z][\w]*\s+province[’']s\s+|[A-Z][\w]*[’']s\s+)?", after)
        if om:
            org_start = m.end() + shift + om.end()
            # "the chief executive of the Iranian National Petrochemical Company (NPC)"
            starts = (org_start, org_start + 8) if text.startswith("Iranian ", org_start) else (org_start,)
            org = next((org_spans.starting_at(x) for x in starts if org_spans.starting_at(x)), None)
            if org is None:
                # "the spokesman of the secretariat said": an organization named before
                org = _anaphoric_org(text, org_start, text[org_start:org_start + 40], org_spans)
        if org is None:
            # "NPC's managing director said"
            q = _skip_space_back(text, m.start())
            if q < m.start() and text[q - 2:q] in ("’s", "'s"):
                org = org_spans.ending_at(q - 2)
        if org is None:
            # "Iran's commercial attaché in Islamabad said": an office in a place
            pm = re.match(r"\s+(?:in|to)\s+[A-Z][\w\-]+(?=\s+(?:said|told|announced|noted|stated|added|has|had)\b|[,.])", after)
            definite = re.search(r"(?:[Tt]he|[’']s|\bits)\s+$", text[max(0, m.start() - 12):m.start()])
            anaphor = re.search(r"(?:[Tt]he|[Tt]his)\s+(?P<n>[a-z]+)[’']s\s+$", text[max(0, m.start() - 30):m.start()])
            if anaphor:
                # "the company's managing director said": the organization the noun refers back to
                org = _anaphoric_org(text, m.start() - len(anaphor.group()), anaphor.group().rstrip()[:-2], org_spans)
                if org:
                    definite = anaphor
            if definite and definite.group().startswith("its"):
                # "Mobarakeh Steel Company exported ..., its managing director said": the sentence's organization
                k0 = sentence_of(m.start())
                org = _org_earlier_in_sentence(sentences[k0][0] if k0 is not None else 0, m.start(), title, org_spans, text)
            # "the acting governor general of Khorasan Razavi said", "the director general of Kermanshah customs said"
            place = re.match(r"\s+(?:of|in|to)\s+(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*(?:\s+(?:customs|province))?"
                             r"(?=\s+(?:said|says|told|announced|noted|stated|added)\b)", after)
            if place and definite and not org_spans.overlaps(m.end(), m.end() + place.end()):
                pm = place
            if pm and definite:
                title = title + pm.group()
            elif not (definite and om is None and re.match(r"\s+(?:said|says|told|announced|noted|stated|added)\b", after)):
                # "The deputy minister for trade affairs said ...": an office of no named body
                continue
        k = sentence_of(m.start())
        if k is None:
            continue
        s0, s1 = sentences[k]
        if bisect_left(person_starts, s1) > bisect_left(person_starts, s0):
            continue  # the office belongs to someone named in the same sentence
        if _holder_named_before(order, _clean_title(title), m.start()):
            continue  # "The governor said": the office of a person the text has named
        limit = sentences[min(k + 2, len(sentences) - 1)][1]
        for i in range(bisect_left(firsts, s1), len(by_first)):
            if firsts[i] >= limit:
                break
            first = order[by_first[i][1]]
            if first.credit:
                continue  # a byline's writer holds no office of the text
            if first.title is None or (org is not None and first.organization is None):
                # of two offices, the one tied to an organization of the text ("..., who is also a deputy minister")
                first.title, first.organization = _clean_title(title), org
                break

    results = []
    for person in order:
        spans = sorted(set(person.spans))
        results.append(Official(
            name=person.name, title=person.title, organization=person.organization,
            mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans]))
    results.sort(key=lambda o: o.mentions[0].start)
    return results


#: a lowercase unit between an office and its organization: " of the export committee" (before " of ORG")
_LOWER_UNIT = re.compile(r"\s+of\s+the\s+(?:[a-z][\w\-]*,?\s+(?:and\s+)?){0,6}(?:committee|commission|department|office|"
                         r"bureau|directorate|division|unit|council|board|headquarters|secretariat|working group)"
                         r"(?=\s+(?:of|at)\s+(?:the\s+)?[A-Z])")

_NOT_SAME_OFFICE = frozenset({"deputy", "vice", "acting", "assistant", "former", "first", "senior"})


def _holder_named_before(order: list, title: str, pos: int) -> bool:
    """A person named before ``pos`` holds ``title`` ("Governor" for "the governor"), not a deputy's office."""
    t = title.lower()
    for person in order:
        if not person.title or not person.spans or min(s for s, _ in person.spans) >= pos:
            continue
        held = person.title.lower()
        if held == t or (held.endswith(" " + t) and not set(held[:-len(t)].split()) & _NOT_SAME_OFFICE):
            return True
    return False


#: a person's name in a credit: name words, capitalized particles inside ("Maha El Dahan")
_CREDIT_NAME = rf"{NAME_WORD}(?:[ \t]+(?:(?:{PARTICLE}|El|Al|Van|De|Von)[ \t]+)?{NAME_PART}){{1,3}}"
#: the names of a credit, up to its line's end or a separator
_CREDIT_NAMES = (rf"\s+(?P<names>{_CREDIT_NAME}(?:\s+in\s+[A-Z][a-z]+)?(?:(?:,\s+|,?\s+and\s+){_CREDIT_NAME}(?:\s+in\s+[A-Z][a-z]+)?){{0,4}})"
                 rf"(?=[ \t]*(?:$|\n|[;)]|[–—-]\s|,\s+[A-Z]{{3,}}\b))")
#: a closing credit on its own line: "— With assistance from A and B"
_ASSISTED = re.compile(rf"^[ \t]*(?:[–—-]+[ \t]*)?[Ww]ith\s+(?:additional\s+)?(?:assistance|reporting)\s+(?:from|by){_CREDIT_NAMES}",
                       re.MULTILINE)
#: "By A, B and C" at a line's start or after a dateline's period; "Reporting by", "Editing by" in a credit
_CREDIT = re.compile(
    rf"(?:(?:^|(?<=\n)|(?<=\.\s))(?:By|Authors?:)|(?:(?<=\()|(?<=;\s)|(?<=^)|(?<=\n))(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Ww]ritten|[Rr]eported)\s+[Bb]y)"
    rf"\s+(?P<names>{_CREDIT_NAME}(?:\s+in\s+[A-Z][a-z]+)?(?:(?:,\s+|,?\s+and\s+){_CREDIT_NAME}(?:\s+in\s+[A-Z][a-z]+)?){{0,4}})"
    rf"(?=[ \t]*(?:$|\n|[;)]|[–—-]\s|,\s+[A-Z]{{3,}}\b))", re.MULTILINE)


#: a byline line with a name in capitals, a writer's role after it ("JANE DOE, Contributing writer")
_UPPER_BYLINE = re.compile(r"(?:By[ \t]+)?(?P<name>[A-Z]{2,}(?:-[A-Z]{2,})?(?:[ \t]+[A-Z]{2,}(?:-[A-Z]{2,})?){1,2})"
                           r"(?:[ \t]*,[ \t]*(?P<role>(?:[A-Z]?[a-z]+[ \t]+){0,2}(?:[Ww]riter|[Cc]orrespondent|[Rr]eporter|"
                           r"[Ee]ditor|[Cc]olumnist|[Cc]ontributor)))?")


#: a line holding only a name, or a name and its outlet ("Nora Ellison | Gulf Business Review")
_NAME_ALONE = re.compile(rf"(?P<name>{_CREDIT_NAME})(?:[ \t]*\|[ \t]*[A-Z]\S*(?:[ \t]+\S+){{0,5}})?")


@lru_cache(maxsize=None)
def _name_line_re():
    """A byline line holding only a name, the date on the next line ("Name\\nAugust 20, 2019")."""
    months = "|".join(re.escape(m) for m in sorted(load("months")["gregorian"], key=len, reverse=True))
    date = rf"(?:(?:{months})\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{months})\s+\d{{4}})"
    return re.compile(rf"(?:^|(?<=\n))(?P<name>{_CREDIT_NAME})[ \t]*\n[ \t]*(?={date}[ \t]*(?:\n|$))")


def _credited_names(text: str):
    """(start, end) of the names in a text's credits: bylines and wire credits."""
    assisted = _ASSISTED.finditer(text) if "ith assistance" in text or "ith reporting" in text else ()
    for m in itertools.chain(_CREDIT.finditer(text), assisted):
        base = m.start("names")
        found = list(re.finditer(_CREDIT_NAME, m.group("names")))
        if len(found) > 1 and not re.search(r"\band\b", m.group("names")):
            found = found[:1]  # "By Name, Petroleum Economist": a comma without "and" gives the writer's outlet
        for n in found:
            yield base + n.start(), base + n.end()
    for m in _name_line_re().finditer(text):
        yield m.start("name"), m.end("name")
    # a line with only a name (or "Name | Outlet") at the top or the bottom of the text
    given = _lexicon()[2]
    lines = edge_lines(text)
    for s, e in lines[:6]:
        # "JANE DOE, Staff writer": a name in capitals before a writer's role
        n = _UPPER_BYLINE.fullmatch(text, s, e)
        if n and (n.group("role") or n.group("name").split()[0].title() in given):
            yield n.start("name"), n.end("name")
    for s, e in lines:
        n = _NAME_ALONE.fullmatch(text, s, e)
        if n and n.group("name").split()[0] in given:
            yield n.start("name"), n.end("name")


_STATE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<c>[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*){0,3})"
                          r"(?=\s+(?:said|says|told|added|noted|stated|announced)\b|[,.;])")


def _state_after_name(text: str, name_end: int, title: str) -> str:
    """A foreign state's office keeps the state written after the holder's name; Iran's is dropped."""
    m = _STATE_AFTER.match(text, name_end)
    if not m:
        return title
    from .destinations import country_table

    code = country_table()[0].get(m.group("c"))
    if code is None or code == "IR":
        return title
    return f"{title} of {m.group('c')}"


#: a unit after its organization's possessive: "'s Economic Affairs Department"
_UNIT_AFTER = re.compile(r"[’']s\s+(?P<u>(?:[A-Z][\w\-]*\s+(?:and\s+)?){0,5}(?:Department|Office|Bureau|Directorate|Division|Unit|Committee|Commission)"
                         r"|(?:[a-z][\w\-]*\s+(?:and\s+)?|[A-Z][\w\-]*\s+(?:and\s+)?){1,5}(?:department|office|bureau|directorate|"
                         r"division|unit|committee|commission))\s*")


def _org_earlier_in_sentence(sentence_start: int, name_start: int, title: str, orgs: OrgIndex,
                            text: str = "") -> Optional[str]:
    """ "The CBI has provided ..., Governor Ali Salehabadi said": an office inside an
    organization takes the organization named earlier in the same sentence."""
    internal = set(load("titles")["organization_internal"])
    if title.split()[-1].lower() not in internal:
        return None
    for s, e, name in orgs.ending_before(name_start):
        if e < sentence_start:
            return None
        if s >= sentence_start and not _dateline_source(text, e):
            return name
    return None


def _dateline_source(text: str, org_end: int) -> bool:
    """ "Tehran, IRNA – President ...", "DUBAI (Reuters) -": an outlet in a dateline is the story's source,
    never the organization of an office that follows."""
    return re.match(r"\)?[ \t]*[–—-][ \t]", text[org_end:org_end + 4]) is not None


def _ministry_of(title: str, orgs: list[Organization]) -> Optional[str]:
    """ "Minister of Industry, Mine and Trade" belongs to the "Ministry of Industry, Mine and Trade" of the text."""
    m = re.match(r"(?:(?:Deputy|Vice|Acting|Caretaker)\s+)?Minister\s+(of|for)\s+(.+)$", title, re.IGNORECASE)
    if not m:
        if re.fullmatch(r"(?:(?:Deputy|Vice|Acting|Caretaker)\s+)?Minister", title, re.IGNORECASE):
            # "Minister Ezzatollah Zarghami": a bare office takes the text's ministry when it names only one
            named = {o.name for o in orgs if re.match(r"(?:the\s+)?Ministry\s+(?:of|for)\s", o.name, re.IGNORECASE)}
            return named.pop() if len(named) == 1 else None
        return None
    domain = re.sub(r"\W+", " ", m.group(2)).strip().lower()
    ministries = []
    for org in orgs:
        om = re.match(r"(?:the\s+)?Ministry\s+(?:of|for)\s+(.+)$", org.name, re.IGNORECASE)
        if om and re.sub(r"\W+", " ", om.group(1)).strip().lower() == domain:
            return org.name
        if om:
            ministries.append((org.name, set(re.sub(r"\W+", " ", om.group(1)).lower().split())))
    # "the deputy minister for tourism": the one ministry of the text whose name holds the domain's words
    words = set(domain.split()) - {"and", "of", "the", "affairs"}
    holders = [name for name, ws in ministries if words and words <= ws]
    return holders[0] if len(holders) == 1 else None


def _skip_space_back(text: str, pos: int) -> int:
    """The offset after the last non-space character before ``pos``."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


class _VariantIndex:
    """Surnames by their one-letter deletions, to find spelling variants without comparing every pair."""

    def __init__(self):
        self._keys: dict[str, list[int]] = {}
        self._longest = 0

    @staticmethod
    def _deletions(word: str) -> set[str]:
        w = _spelling_key(word)
        return {w} | {w[:i] + w[i + 1:] for i in range(len(w))}

    def add(self, surname: str, owner: int) -> None:
        self._longest = max(self._longest, len(surname))
        for key in self._deletions(surname):
            self._keys.setdefault(key, []).append(owner)

    def near(self, word: str) -> list[int]:
        found: set[int] = set()
        if len(word) > self._longest + 2:  # one letter and hyphens apart at most
            return []
        for key in self._deletions(word):
            found.update(self._keys.get(key, ()))
        return sorted(found)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"])|\n\s*", text):
        if re.search(r"(?:\b[A-Z]\.|\bU\.S\.|\bNo\.|\bCo\.|\bMr\.|\bDr\.|\bTue\.|\bMon\.)$", text[max(0, m.start() - 4):m.start()]):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _spelling_key(word: str) -> str:
    """A surname with the spelling differences of Persian names removed: hyphens, case, "gh" for "q"
    ("Taqavi-Nejad" / "Taghavinejad")."""
    return word.replace("-", "").lower().replace("gh", "q")


def _one_edit(a: str, b: str) -> bool:
    """Spelling variants: one letter apart, or the same but for hyphens ("Saleh-Abadi")."""
    a, b = _spelling_key(a), _spelling_key(b)
    if a == b:
        return True
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def _clean_title(title: str) -> str:
    title = re.sub(r"^(?:the|The|a|an)\s+", "", title.strip(" ,"))
    title = re.sub(r"^(?:then|Then|now|Now)\s+", "", title)  # "then US president": the office, not its time
    return re.sub(r"\s+", " ", title)


@lru_cache(maxsize=None)
def _domain_heads() -> frozenset:
    return frozenset(load("titles")["domain_heads"])


@lru_cache(maxsize=None)
def _domain_list_re():
    """Domains joined before an office head: "Roads and Urban Development ", "Industry, Mine and Trade "."""
    domains = "|".join(re.escape(d) for d in sorted(load("titles")["minister_domains"], key=len, reverse=True))
    more = r"(?:,\s+|,?\s+and\s+|\s+)[A-Z][a-z]+"
    # "Roads and Urban Development " before "Minister"; "Oil, Gas and " before "Electricity Minister"
    return re.compile(rf"(?<![\w\-])(?:{domains})(?:(?:{more})+\s+|(?:{more})*(?:,\s+|,?\s+and\s+))$")


def _office_before(text, name_start, before, title_re, org_spans):
    """Office written right before the name: "ORG's TITLE [for X]" or "TITLE of ORG"."""
    # the title must end right before the name (possibly after "for X" words)
    last = None
    for m in title_re.finditer(before):
        last = m
    if not last:
        return None, None
    abs_start = name_start - len(before) + last.start()
    abs_title_end = name_start - len(before) + last.end()
    # "Deputy Agriculture Minister": modifiers before a title belong to it
    # "Kpler senior crude analyst Name", "ORG's chief oil economist Name": lowercase domain words between an
    # organization and the office belong to the office
    dom = _DOMAIN_BEFORE.search(text, max(0, abs_start - 60), abs_start)
    if dom and all(_DOMAIN_WORD.fullmatch(w) and not _VERB_LIKE.fullmatch(w) for w in dom.group("w").split()):
        q = _skip_space_back(text, dom.start())
        if org_spans.ending_at(q) or (text[q - 2:q] in ("’s", "'s") and org_spans.ending_at(q - 2)):
            abs_start = dom.start()
    mod = re.search(r"(?:\b(?:Deputy|Vice|Acting|Former|First|Senior|Caretaker|deputy|vice|acting|former|first|senior|caretaker)\s+)+$",
                    text[max(0, abs_start - 40):abs_start])
    if mod:
        abs_start -= len(mod.group())
    # "Roads and Urban Development Minister": a list of domains before a head that takes one
    if text[abs_start:abs_title_end].split()[-1] in _domain_heads():
        dom = _domain_list_re().search(text, max(0, abs_start - 80), abs_start)
        if dom and not org_spans.overlaps(dom.start(), abs_start):
            abs_start = dom.start()
    # "Senior Advisor to the Oil Minister": an office serving another office
    serving = re.search(r"(?:\b(?:[Ss]enior|[Ff]ormer|[Ss]pecial|[Cc]hief)\s+)?\b(?:[Aa]dvis[eo]r|[Aa]ssistant|[Aa]ide)\s+to\s+(?:the\s+)?$",
                        text[max(0, abs_start - 40):abs_start])
    if serving:
        abs_start -= len(serving.group())
    nationality = _nationality_before(text, abs_start)
    foreign_start = nationality[0] if nationality and not nationality[1] else None
    if foreign_start is not None:
        # "former US President": a modifier before the state's word belongs to the office
        fmod = re.search(r"(?:\b(?:Former|former|Then|then|Late|late|Acting|acting|Outgoing|outgoing)\s+)+$",
                         text[max(0, foreign_start - 30):foreign_start])
        if fmod:
            foreign_start -= len(fmod.group())
    between = text[abs_title_end:name_start]
    if len(between) > 110 or re.search(r"[.;:“”\"]|\bsaid\b|\btold\b", between):
        return None, None
    if not re.fullmatch(r"(?:\s+(?:for|of|in\s+charge\s+of|on|at|to|in)\s+(?:[^,]|,(?=\s+[A-Z]))*?|\s*(?:,\s*)?)\s*(?:\([A-Z][A-Za-z&]+\)\s*)?,?\s*", between):
        return None, None
    org = None
    # "ORG's TITLE"
    pre = text[max(0, abs_start - 120):abs_start]
    pm = re.search(r"(?P<o>\S[^,.;]*?)[’']s\s+$", pre)
    if pm:
        o_start = abs_start - len(pre) + pm.start("o")
        # "Bushehr Industry, Mining and Trade Department's deputy head": the name may hold commas
        org = org_spans.within(o_start - 1, abs_start) or org_spans.ending_at(abs_start - len(pre) + pm.end("o"))
    else:
        # "ORG TITLE Name": "CBI Governor Abdolnaser Hemmati", "KFZO managing director ..."
        q = _skip_space_back(text, abs_start)
        if q < abs_start:
            org = org_spans.ending_at(q) or (org_spans.ending_at(q - 1) if text[q - 1:q] == ")" else None)
            if org and _dateline_source(text, q - (text[q - 1:q] == ")")):
                org = None
    # "TITLE of ORG" / "TITLE for X of ORG"
    tail = between
    # the "of"/"at" right before the organization: "director general of international affairs at ORG"
    links = list(re.finditer(r"\s+(?:of|at|for)\s+(?:the\s+)?", tail))
    om = next((x for x in links if org_spans.starting_at(abs_title_end + x.end())), links[0] if links else None)
    ext_end = abs_title_end
    if om:
        rest_start = abs_title_end + om.end()
        found = org_spans.within(rest_start, name_start) or _anaphoric_org(
            text, rest_start, text[rest_start:name_start], org_spans)
        if found:
            if org is None:
                org = found
            ext_end = abs_title_end + om.start()
        else:
            ext_end = name_start
    else:
        ext_end = name_start
    # a title extension "for Small Industries" before the org / name
    full_title = text[abs_start:ext_end].strip(" ,")
    if om is None and org is None:
        full_title = text[abs_start:name_start].strip(" ,")
    full_title = re.sub(r"\s*\([A-Z][A-Za-z&]+\)$", "", full_title)
    if foreign_start is not None and org is None:
        # a foreign state's office keeps its country: "Turkish Trade Minister"
        full_title = text[foreign_start:abs_start] + full_title
    # "Minister of Industry, Mine and Trade Reza Rahmani" keeps the whole office
    return _clean_title(full_title), org


_DOMAIN_BEFORE = re.compile(r"(?<![\w\-])(?:(?:senior|chief|lead|deputy|acting|former|principal)\s+)?(?P<w>(?:[a-z][a-z\-]{2,}\s+){1,2})$")


#: a verb between an organization and an office ("IRNA quoted deputy minister X"), never a domain of the office
_VERB_LIKE = re.compile(r"[a-z]+ed|quoting|citing|told|tells|says|met|wrote|named|appointed|sacked|thanked|interviewed")


class _Extended:
    """A title match that starts before the title proper ("senior crude analyst")."""

    def __init__(self, end: int):
        self._end = end

    def end(self) -> int:
        return self._end


#: a lowercase word that may start an office after a name: a modifier or a domain, never a function word
_DOMAIN_WORD = re.compile(r"(?!(?:who|whose|which|that|and|or|but|the|a|an|his|her|its|their|also|now|was|is|has|had|"
                          r"said|told|says|been|being|were|are|will|would|as|once|later|still|not|from|with|by)$)[a-z][a-z\-]{2,}")


def _office_after(text, name_end, after, title_re, org_spans):
    """Office written after the name: "Name, [the] TITLE of ORG"."""
    # a comma inside the office only before a capitalized word or in a lowercase list of domains
    # ("deputy minister of roads, housing and urban development")
    m = re.match(r"\s*,\s*(?:who\s+(?:is|serves\s+as)\s+(?:also\s+|now\s+)?)?(?:the\s+|a\s+|an\s+)?(?P<body>(?:[^,.;]|,(?=\s+[A-Z][a-z])|,(?=\s[a-z]+(?:\s[a-z]+)?(?:,\s[a-z]+(?:\s[a-z]+)?){0,3},?\sand\s[a-z])|\.(?=[A-Z])|\.(?=(?:com|org|net|ir|io)\b)|(?<=\b[A-Z])\.(?=\s[a-z]))"
                 r"{2,150})(?=,|\.(?:\s|$)|;|\s+(?:said|told|added|noted|stated|announced|says)\b|$)", after)
    if not m:
        return None, None
    body = m.group("body")
    body_abs = name_end + m.start("body")
    # "Name, ORG TITLE, said": "Mojtaba Tavakoli, INSO director general, said"
    lead = org_spans.span_within(body_abs, body_abs + len(body))
    if lead and lead[0] == body_abs and lead[1] < body_abs + len(body):
        rest = text[lead[1]:body_abs + len(body)]
        tm = _title_with_modifiers_re().match(rest.strip())
        # "SCI deputy for economic statistics": a lowercase domain after the office
        if rest[:1].isspace() and tm and re.fullmatch(r"(?:\s+(?:for|in\s+charge\s+of)(?:\s+[a-z]+,?){1,5})?",
                                                       rest.strip()[tm.end():]):
            return _clean_title(rest), lead[2]
    tm = _title_with_modifiers_re().match(body)
    if not tm:
        # "a senior crude analyst at X": up to two lowercase domain words before the office
        lead = re.match(r"(?:(?:[a-z][a-z\-]*)\s+){1,3}", body)
        for w in re.finditer(r"[a-z][a-z\-]*\s+", lead.group() if lead else ""):
            if not _DOMAIN_WORD.fullmatch(w.group().strip()):
                break  # "Name, whose brother was director": no office of the person
            inner = _title_with_modifiers_re().match(body, w.end())
            if inner and inner.end() > w.end():
                tm = _Extended(inner.end())
                break
    nat = None if tm else _nationality_prefix_re().match(body)
    if nat and _title_with_modifiers_re().match(body, nat.end()):
        # "Name, the Turkish trade minister, said": a foreign state's office keeps its country
        if _nationality_codes()[nat.group("n")] == "IR":
            body, body_abs = body[nat.end():], body_abs + nat.end()
            tm = _title_with_modifiers_re().match(body)
        else:
            tm = _title_with_modifiers_re().match(body, nat.end())
    if not tm:
        # "ORG's TITLE"
        pm = re.match(r"(?P<o>[^’']+)[’']s\s+", body)
        # up to three adjectives before the office: "NPC's new managing director"
        word_starts = [pm.end() + w.start() for w in re.finditer(r"[a-z]+\s+", body[pm.end():])][:3] if pm else []
        if pm and any(title_re.match(body[at:]) for at in [pm.end()] + word_starts):
            org = org_spans.within(name_end + m.start("body"), name_end + m.start("body") + pm.end("o")) or \
                _anaphoric_org(text, name_end + m.start("body"), re.sub(r"^(?:the|its|his|her)\s+", "", pm.group("o")), org_spans)
            t = body[pm.end():]
            t = re.split(r"\s+(?:said|told|added|noted|stated|announced)\b", t)[0]
            return _clean_title(t), org
        return None, None
    rest = body[tm.end():]
    links = list(re.finditer(r"\s+(?:of|at|with|in|for)\s+(?:the\s+)?(?:[A-Za-z]+[’']s\s+)?", rest))
    # the link right before the organization: "director general of international affairs at ORG"
    om = next((x for x in links if org_spans.starting_at(body_abs + tm.end() + x.end())), links[0] if links else None)
    if om:
        found = org_spans.span_within(body_abs + tm.end() + om.start(), body_abs + len(body) + 1)
        org = found[2] if found else None
        if not org:
            org = _anaphoric_org(text, body_abs + tm.end() + om.end(), rest[om.end():], org_spans)
        if org:
            title = body[:tm.end() + om.start()]
            if found:
                # "deputy head of ORG for Eurasian affairs": the domain after the organization
                unit = _UNIT_AFTER.fullmatch(text, found[1], body_abs + len(body))
                if unit:
                    # "head of the Agriculture Ministry's Economic Affairs Department": the unit stays in the title
                    return _clean_title(f"{title} of the {unit.group('u')}"), org
                domain = re.fullmatch(r"\s+((?:for|in\s+charge\s+of)\s+[^,;()]+?)\s*", text[found[1]:body_abs + len(body)])
                if domain and not re.search(r"\b(?:said|told|added|noted|stated|announced|says)\b", domain.group(1)):
                    title += " " + domain.group(1)
            # "deputy economy minister and head of ORG": of two offices, the one tied to the organization
            both = re.match(r"(?P<a>.+?)\s+and\s+(?:the\s+)?(?P<t>\S.*)$", title)
            if both and _title_with_modifiers_re().fullmatch(both.group("a")) and _title_with_modifiers_re().match(both.group("t")):
                title = both.group("t")
            return _clean_title(title), org
    title = re.split(r"\s+(?:said|told|added|noted|stated|announced|says)\b", body)[0]
    return _clean_title(title), None


class OfficialsComponent:
    """Sets ``doc._.officials``; needs the organizations component before it."""

    def __init__(self, nlp: Language, name: str, span_group: str):
        self.name = name
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        officials = find_officials(doc_text(doc), results(doc, "organizations"))
        mentions = [m for o in officials for m in o.mentions]
        set_results(doc, "officials", self.span_group, officials, label="PERSON", mentions=mentions)
        return doc


@Language.factory("extractor_officials", default_config={"span_group": "officials"},
                  requires=["doc._.organizations"], assigns=["doc._.officials", "doc.spans"])
def make_officials_component(nlp: Language, name: str, span_group: str) -> OfficialsComponent:
    return OfficialsComponent(nlp, name, span_group)
