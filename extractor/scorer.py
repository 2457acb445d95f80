"""Scoring records against gold records, as RECORDS.md section 4 defines it.

Plain functions and small dataclasses, in the spirit of spaCy's ``PRFScore``:

- :func:`match_mentions` pairs predicted and gold mentions one-to-one,
  greedily by overlap size; :func:`score_mentions` turns the pairs into
  span, value and strict counts (money, periods);
- :func:`match_entities` pairs entity entries one-to-one on a key
  (organizations: normalised name or acronym; officials: normalised
  surname; destinations: ``iso2``) and :func:`score_organizations`,
  :func:`score_officials`, :func:`score_destinations` count them and the
  attributes of matched entries;
- :func:`score_document` scores one gold record against one prediction
  (``None`` when the document has no prediction: everything is a false
  negative) and :func:`score_corpus` micro-averages over documents.

Every score keeps the differences it counted (:class:`Diff`), so the
``--errors`` screen shows exactly what the numbers count.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable, Optional, Sequence

from .records import Destination, Mention, Money, Official, Organization, Period, Record

MENTION_FIELDS = ("money", "periods")
ENTITY_FIELDS = ("organizations", "officials", "destinations")
FIELDS = MENTION_FIELDS + ENTITY_FIELDS
#: The headline metric of each field: value F1 for mentions, entity F1 for entities.
HEADLINE = {"money": "value", "periods": "value", "organizations": "entity",
            "officials": "entity", "destinations": "entity"}
#: Relative tolerance of amounts (0.1 %).
AMOUNT_TOLERANCE = Decimal("0.001")


# --------------------------------------------------------------------------- counts

@dataclass
class PRF:
    """True positives, false positives, false negatives and their P/R/F1.

    With nothing predicted and nothing to find, every score is 1.0 (nothing
    was missed and nothing was invented); otherwise an empty denominator
    gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def _ratio(self, denominator: int) -> float:
        if denominator:
            return self.tp / denominator
        return 1.0 if self.tp + self.fp + self.fn == 0 else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def from_counts(cls, matched: int, predicted: int, gold: int) -> "PRF":
        return cls(tp=matched, fp=predicted - matched, fn=gold - matched)

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Correct out of total; ``value`` is ``None`` when there was nothing to judge."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> Optional[float]:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def __add__(self, other: "Accuracy") -> "Accuracy":
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass
class Diff:
    """One counted difference, for the error screen.

    ``kind`` is ``false_positive`` (``pred`` only), ``false_negative``
    (``gold`` only), ``wrong_value`` (matched spans, values disagree),
    ``boundary`` (matched spans with the right value but other offsets) or
    ``wrong_attribute`` (matched entities; ``attribute`` names which).
    """

    field: str
    kind: str
    pred: object = None
    gold: object = None
    attribute: Optional[str] = None


@dataclass
class MentionScores:
    span: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    strict: PRF = field(default_factory=PRF)
    diffs: list = field(default_factory=list)

    def __add__(self, other: "MentionScores") -> "MentionScores":
        return MentionScores(self.span + other.span, self.value + other.value,
                             self.strict + other.strict, self.diffs + other.diffs)

    def to_dict(self) -> dict:
        return {"span": self.span.to_dict(), "value": self.value.to_dict(), "strict": self.strict.to_dict()}


@dataclass
class EntityScores:
    entity: PRF = field(default_factory=PRF)
    attributes: dict = field(default_factory=dict)  # name -> Accuracy
    diffs: list = field(default_factory=list)

    def __add__(self, other: "EntityScores") -> "EntityScores":
        names = list(self.attributes) + [n for n in other.attributes if n not in self.attributes]
        attributes = {n: self.attributes.get(n, Accuracy()) + other.attributes.get(n, Accuracy()) for n in names}
        return EntityScores(self.entity + other.entity, attributes, self.diffs + other.diffs)

    def to_dict(self) -> dict:
        out = {"entity": self.entity.to_dict()}
        for name, accuracy in self.attributes.items():
            out[f"{name}_accuracy"] = accuracy.value
        return out


# --------------------------------------------------------------------------- values

def amounts_agree(pred: Optional[Decimal], gold: Optional[Decimal]) -> bool:
    """Amounts equal within 0.1 % of the gold amount (both unknown also agree)."""
    if pred is None or gold is None:
        return pred is None and gold is None
    return abs(Decimal(pred) - Decimal(gold)) <= AMOUNT_TOLERANCE * abs(Decimal(gold))


def money_agrees(pred: Money, gold: Money) -> bool:
    """Money value: same currency and amount within 0.1 % (the qualifier is not scored)."""
    return pred.currency == gold.currency and amounts_agree(pred.amount, gold.amount)


def period_agrees(pred: Period, gold: Period) -> bool:
    """Period value: ``start_date`` and ``end_date`` equal (the calendar is not scored)."""
    return pred.start_date == gold.start_date and pred.end_date == gold.end_date


def normalise(name: Optional[str]) -> str:
    """A name with case, punctuation, spacing and a leading "the" ignored.

    ``"The Trade Promotion Organization (TPO)"`` and ``"trade promotion
    organization tpo"`` agree; so do ``"U.S."`` and ``"US"``.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(ch for ch in "".join(words) if ch.isalnum())


def surname(name: Optional[str]) -> str:
    """The normalised last token of a person's name."""
    tokens = [normalise(t) for t in (name or "").split()]
    tokens = [t for t in tokens if t]
    return tokens[-1] if tokens else ""


def organization_keys(org: Organization) -> set:
    return {k for k in (normalise(org.name), normalise(org.acronym)) if k}


# --------------------------------------------------------------------------- mentions

def overlap(a: Mention, b: Mention) -> int:
    """Characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_mentions(pred: Sequence[Mention], gold: Sequence[Mention]) -> list:
    """One-to-one ``(pred index, gold index)`` pairs of overlapping spans.

    Greedy by overlap size: the pair sharing the most characters is taken
    first; ties go to the pair whose boundaries are closest, then to the
    earlier mentions, so the result does not depend on luck.
    """
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = overlap(p, g)
            if shared > 0:
                distance = abs(p.start - g.start) + abs(p.end - g.end)
                candidates.append((-shared, distance, j, i))
    return _one_to_one(candidates)


def _strict_matches(pred: Sequence[Mention], gold: Sequence[Mention], agrees) -> int:
    """Pairs with identical offsets and agreeing values, one-to-one."""
    used = set()
    count = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and (p.start, p.end) == (g.start, g.end) and agrees(p, g):
                used.add(i)
                count += 1
                break
    return count


def score_mentions(field_name: str, pred: Sequence[Mention], gold: Sequence[Mention],
                   agrees: Callable[[Mention, Mention], bool]) -> MentionScores:
    """Span, value and strict counts of one document's mentions of one field."""
    pairs = match_mentions(pred, gold)
    diffs = []
    value_ok = 0
    for i, j in pairs:
        p, g = pred[i], gold[j]
        if agrees(p, g):
            value_ok += 1
            if (p.start, p.end) != (g.start, g.end):
                diffs.append(Diff(field_name, "boundary", p, g))
        else:
            diffs.append(Diff(field_name, "wrong_value", p, g))
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    diffs += [Diff(field_name, "false_positive", pred=p) for i, p in enumerate(pred) if i not in matched_pred]
    diffs += [Diff(field_name, "false_negative", gold=g) for j, g in enumerate(gold) if j not in matched_gold]
    diffs.sort(key=lambda d: _position(d.gold if d.gold is not None else d.pred))
    strict = _strict_matches(pred, gold, agrees)
    return MentionScores(span=PRF.from_counts(len(pairs), len(pred), len(gold)),
                         value=PRF.from_counts(value_ok, len(pred), len(gold)),
                         strict=PRF.from_counts(strict, len(pred), len(gold)),
                         diffs=diffs)


def _position(item) -> int:
    if isinstance(item, Mention):
        return item.start
    mentions = getattr(item, "mentions", None)
    return min((m.start for m in mentions), default=-1) if mentions else -1


# --------------------------------------------------------------------------- entities

def match_entities(pred: Sequence, gold: Sequence, keys: Callable[[object], set],
                   exact: Callable[[object], str]) -> list:
    """One-to-one ``(pred index, gold index)`` pairs of entries sharing a key.

    ``keys(entry)`` is the set of normalised keys an entry can match on;
    pairs whose ``exact(entry)`` also agree (the full normalised name) are
    taken first, then pairs sharing any key, each in document order.
    """
    candidates = []
    for i, p in enumerate(pred):
        p_keys = keys(p)
        for j, g in enumerate(gold):
            if p_keys & keys(g):
                rank = 0 if exact(p) and exact(p) == exact(g) else 1
                candidates.append((rank, j, i))
    return _one_to_one(candidates)


def _entity_scores(field_name: str, pred: Sequence, gold: Sequence, pairs: list,
                   attributes: dict) -> EntityScores:
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    diffs = [Diff(field_name, "false_positive", pred=p) for i, p in enumerate(pred) if i not in matched_pred]
    diffs += [Diff(field_name, "false_negative", gold=g) for j, g in enumerate(gold) if j not in matched_gold]
    return EntityScores(entity=PRF.from_counts(len(pairs), len(pred), len(gold)),
                        attributes=attributes, diffs=diffs)


def score_organizations(pred: Sequence[Organization], gold: Sequence[Organization]) -> EntityScores:
    """Entity counts: an entry matches on its normalised name or acronym."""
    pairs = match_entities(pred, gold, organization_keys, lambda o: normalise(o.name))
    return _entity_scores("organizations", pred, gold, pairs, {})


def _organization_refs(record: Optional[Record], name: Optional[str]) -> set:
    """The keys of the organization an official's ``organization`` names.

    An official's organization is the ``name`` of an entry of the same
    record, so it is compared through that entry: a prediction that calls
    the entry "ISIPO" agrees with a gold entry "Iran Small Industries and
    Industrial Parks Organization" with acronym "ISIPO".
    """
    if not name:
        return set()
    key = normalise(name)
    for org in (record.organizations if record is not None else []):
        if key in organization_keys(org):
            return organization_keys(org)
    return {key}


def score_officials(pred: Sequence[Official], gold: Sequence[Official],
                    pred_record: Optional[Record] = None, gold_record: Optional[Record] = None) -> EntityScores:
    """Entity counts on the normalised surname; title and organization accuracy of matches."""
    pairs = match_entities(pred, gold, lambda o: {surname(o.name)} - {""}, lambda o: normalise(o.name))
    scores = _entity_scores("officials", pred, gold, pairs, {})
    title, organization = Accuracy(), Accuracy()
    for i, j in pairs:
        p, g = pred[i], gold[j]
        title_ok = normalise(p.title) == normalise(g.title)
        title.add(title_ok)
        if not title_ok:
            scores.diffs.append(Diff("officials", "wrong_attribute", p, g, "title"))
        p_org = _organization_refs(pred_record, p.organization)
        g_org = _organization_refs(gold_record, g.organization)
        org_ok = bool(p_org & g_org) if (p_org or g_org) else True
        organization.add(org_ok)
        if not org_ok:
            scores.diffs.append(Diff("officials", "wrong_attribute", p, g, "organization"))
    scores.attributes = {"title": title, "organization": organization}
    return scores


def score_destinations(pred: Sequence[Destination], gold: Sequence[Destination]) -> EntityScores:
    """Entity counts on ``iso2``; amount accuracy over matches whose gold has an amount."""
    pairs = match_entities(pred, gold, lambda d: {d.iso2.upper()}, lambda d: d.iso2.upper())
    scores = _entity_scores("destinations", pred, gold, pairs, {})
    amount = Accuracy()
    for i, j in pairs:
        p, g = pred[i], gold[j]
        if g.amount is None:
            continue
        ok = p.currency == g.currency and amounts_agree(p.amount, g.amount)
        amount.add(ok)
        if not ok:
            scores.diffs.append(Diff("destinations", "wrong_attribute", p, g, "amount"))
    scores.attributes = {"amount": amount}
    return scores


# --------------------------------------------------------------------------- documents

@dataclass
class DocumentScores:
    """The scores of one gold document; ``missing`` when it had no prediction."""

    doc_id: str
    missing: bool
    fields: dict  # field name -> MentionScores | EntityScores

    @property
    def diffs(self) -> list:
        return [d for name in FIELDS for d in self.fields[name].diffs]


def score_document(gold: Record, pred: Optional[Record]) -> DocumentScores:
    """One document's scores. With no prediction, every gold item is a false negative."""
    missing = pred is None
    if pred is None:
        pred = Record(doc_id=gold.doc_id, text_sha256=gold.text_sha256)
    fields = {
        "money": score_mentions("money", pred.money, gold.money, money_agrees),
        "periods": score_mentions("periods", pred.periods, gold.periods, period_agrees),
        "organizations": score_organizations(pred.organizations, gold.organizations),
        "officials": score_officials(pred.officials, gold.officials, pred, gold),
        "destinations": score_destinations(pred.destinations, gold.destinations),
    }
    return DocumentScores(gold.doc_id, missing, fields)


@dataclass
class Scores:
    """Micro-averaged scores of a set of documents."""

    fields: dict
    documents: int = 0

    def headline(self, name: str) -> PRF:
        if name == "overall":
            return self.overall()
        return getattr(self.fields[name], HEADLINE[name])

    def overall(self) -> PRF:
        """Micro-average of the five headline counts."""
        total = PRF()
        for name in FIELDS:
            total = total + self.headline(name)
        return total

    def to_dict(self) -> dict:
        out = {name: self.fields[name].to_dict() for name in FIELDS}
        out["overall"] = self.overall().to_dict()
        out["documents"] = self.documents
        return out


def empty_fields() -> dict:
    return {"money": MentionScores(), "periods": MentionScores(),
            "organizations": EntityScores(),
            "officials": EntityScores(attributes={"title": Accuracy(), "organization": Accuracy()}),
            "destinations": EntityScores(attributes={"amount": Accuracy()})}


def aggregate(documents: Iterable[DocumentScores]) -> Scores:
    """Sum the counts of documents (micro-averaging)."""
    fields = empty_fields()
    count = 0
    for doc in documents:
        count += 1
        for name in FIELDS:
            fields[name] = fields[name] + doc.fields[name]
    return Scores(fields=fields, documents=count)


def score_corpus(pairs: Iterable[tuple]) -> tuple:
    """Scores of ``(gold, pred or None)`` pairs: ``(Scores, [DocumentScores])``."""
    documents = [score_document(gold, pred) for gold, pred in pairs]
    return aggregate(documents), documents


def _one_to_one(candidates: list) -> list[tuple[int, int]]:
    """Greedy one-to-one (pred, gold) pairs from ``(rank..., gold_index, pred_index)``
    tuples, best rank first; returned in gold order."""
    used_pred, used_gold, pairs = set(), set(), []
    for *_, j, i in sorted(candidates):
        if i in used_pred or j in used_gold:
            continue
        used_pred.add(i)
        used_gold.add(j)
        pairs.append((i, j))
    return sorted(pairs, key=lambda pair: pair[1])
