"""The organization registry: known bodies, their aliases, type and country.

The data is ``extractor/data/org_registry.json`` (one entry per body).  It is
compiled into a spaCy ``PhraseMatcher``, built once when the
organizations component is constructed and saved with its ``to_disk``:

* canonical names and variants on ``LOWER`` (case-insensitive), accepted only
  where every capitalized word of the alias is capitalized in the text, so
  "the central bank" never matches "Central Bank";
* acronyms in the same matcher, accepted only as written ("NIOC", not "nioc").

Entries flagged with a ``cue`` are names that are also common words:
``outlet`` ("Fars", "Mehr", "Trend") are found only as a cited source or a
dateline, ``capitalized`` ("Total", "Shell") only capitalized and not first in
a sentence.  An entry of an Iranian body written after a foreign nationality
("Turkey's Trade Ministry") is a different body: its hit is dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.language import Language

from ..resources import load

#: a cited source: "X reported", "told X", "(X)", "according to X"
_CUE_AFTER = re.compile(r",?\s+(?:reported|reports|said|says|quoted|cited|wrote|writes|added|news\s+agency)\b")
_CUE_BEFORE = re.compile(r"\b(?:told|[Aa]ccording\s+to|quoted\s+by|cited\s+by|[Tt]alking\s+to|[Ss]peaking\s+to|"
                         r"in\s+an\s+interview\s+with|via|with)\s+$")
#: a dateline: "TEHRAN (Fars) -", "(MENAFN)"
_DATELINE = re.compile(r"(?:^|[\s—–-])\($")
#: a byline's sign-off: "By Name – Trend:"
_SIGN_OFF = re.compile(r"\bBy\s+[A-Z][^\n]{2,60}?\s[–—-]\s*$")
_LIST_JOIN = re.compile(r",\s*|,?\s+and\s+")
_WORD_BEFORE = re.compile(r"(?P<w>[\w’'.\-]+)\s+$")
_WORD_AFTER = re.compile(r"\s+(?P<w>[\w’'.\-]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n“\"]\s*|\n)$")


@dataclass(frozen=True)
class Hit:
    """A registry name found in a text."""

    start: int
    end: int
    entry: int
    acronym: bool


class OrgRegistry:
    """Aliases of the known organizations, compiled into phrase matchers."""

    def __init__(self, nlp: Language, data: Optional[dict] = None):
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.data = data if data is not None else load("org_registry")
        self.entries: list[dict] = self.data["entries"]
        self._build()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        make_doc = self.tokenizer
        # one matcher on LOWER (one pass over the Doc); acronyms are checked for their case in _accept
        self.lower = PhraseMatcher(self.vocab, attr="LOWER")
        self._alias: dict[int, tuple[int, str, bool]] = {}
        self.by_alias: dict[str, int] = {}
        for i, entry in enumerate(self.entries):
            names = [(entry["canonical"], False)] + [(v, False) for v in entry.get("variants", ())] + \
                [(a, True) for a in entry.get("acronyms", ())]
            for alias, is_acronym in names:
                key = f"ORG_REGISTRY_{i}_{alias}"
                self._alias[self.vocab.strings.add(key)] = (i, alias, is_acronym)
                self.by_alias.setdefault(alias.lower(), i)
                self.lower.add(key, [make_doc(alias)])

    # -- serialization -------------------------------------------------------------------------
    def to_disk(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "org_registry.json").write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def from_disk(cls, nlp: Language, path: Path) -> "OrgRegistry":
        data = json.loads((Path(path) / "org_registry.json").read_text(encoding="utf-8"))
        return cls(nlp, data)

    # -- lookup -------------------------------------------------------------------------------
    def entry(self, i: Optional[int]) -> Optional[dict]:
        return None if i is None else self.entries[i]

    def lookup(self, name: str) -> Optional[int]:
        """The entry one of whose aliases is ``name`` (case-insensitive), or None."""
        key = re.sub(r"\s+", " ", name.strip()).lower()
        found = self.by_alias.get(key)
        if found is None:
            # "the Iranian Foreign Ministry", "Iran Foreign Ministry": an Iranian body named with its country
            bare = re.sub(r"^(?:iranian|iran)\s+", "", key)
            found = self.by_alias.get(bare) if bare != key else None
            if found is not None and self.entries[found].get("country") != "IR":
                found = None
        return found

    def find(self, doc: Doc, text: str) -> list[Hit]:
        """Registry names in ``doc`` (whose text is ``text``), longest first where they overlap."""
        raw, held = [], []
        for match_id, start, end in self.lower(doc):
            i, alias, is_acronym = self._alias[match_id]
            s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            verdict = self._accept(text, s, e, alias, is_acronym, self.entries[i])
            if verdict:
                raw.append(Hit(s, e, i, is_acronym))
            elif verdict is None:
                held.append(Hit(s, e, i, is_acronym))
        # "IRNA, Mehr and Tasnim carried the story": an outlet's common-word name listed with other outlets
        for _ in range(2):
            outlets = [h for h in raw if self.entries[h.entry]["type"] == "news_outlet"]
            for h in list(held):
                if any(_LIST_JOIN.fullmatch(text[o.end:h.start]) or _LIST_JOIN.fullmatch(text[h.end:o.start])
                       for o in outlets):
                    raw.append(h)
                    held.remove(h)
        raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
        hits, reach = [], -1
        for h in raw:
            if h.start >= reach:
                hits.append(h)
                reach = h.end
        return hits

    def find_text(self, text: str) -> list[Hit]:
        from ..limits import make_doc_safely

        return self.find(make_doc_safely(self.nlp, text), text)

    def _accept(self, text: str, s: int, e: int, alias: str, is_acronym: bool, entry: dict) -> Optional[bool]:
        """Whether a match is the body: True, False, or None for an outlet's common-word name
        without a citation cue (accepted only when listed with other outlets)."""
        written = text[s:e]
        if is_acronym and written != alias:
            return False  # acronyms only as written ("NIOC", not "nioc")
        if not is_acronym:
            # every capitalized word of the alias is capitalized in the text
            for a, w in zip(alias.split(), written.split()):
                if a[:1].isupper() and not w[:1].isupper():
                    return False
        if s > 0 and text[s - 1] in "-’'@/." or text[e:e + 1] in ("-", "@"):
            return False  # part of a longer word ("Saipa-made", "@IRNA")
        cue = entry.get("cue")
        before = text[max(0, s - 40):s]
        if cue == "outlet":
            dateline = _DATELINE.search(before) and text.startswith(")", e) or _SIGN_OFF.search(before) and \
                text.startswith(":", e)
            if text.startswith(" province", e):
                return False
            if not (dateline or _CUE_AFTER.match(text, e) or _CUE_BEFORE.search(before)):
                return None  # accepted only in a list of outlets
        elif cue == "capitalized":
            if _SENTENCE_START.search(before):
                return False
            # a title-case heading ("Iran's Total Exports Rise"): capitalized words on both sides
            prev, nxt = _WORD_BEFORE.search(before), _WORD_AFTER.match(text, e)
            if prev and nxt and prev.group("w")[:1].isupper() and nxt.group("w")[:1].isupper():
                return False
        if entry.get("country") == "IR" and _foreign_before(before):
            return False
        return True


@lru_cache(maxsize=None)
def _nationality_re():
    words = [w for w, code in load("titles")["nationalities"].items() if code != "IR"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?:[’']s)?\s+$")


def _foreign_before(before: str) -> bool:
    """ "Turkish " / "Turkey's " right before a name."""
    return bool(_nationality_re().search(before))


@lru_cache(maxsize=None)
def default_registry() -> OrgRegistry:
    """A registry on its own vocabulary, for ``find_organizations(text)`` called without a Doc."""
    import spacy

    return OrgRegistry(spacy.blank("en"))
