"""What ``evaluate`` prints: the score table, the headline lines, the error screen.

Pure formatting over :mod:`extractor.scorer` results; no I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .records import Destination, Mention, Money, Official, Organization, Period
from .scorer import FIELDS, HEADLINE, PRF, Accuracy, Diff, Scores

CONTEXT = 60


@dataclass
class Coverage:
    """Which documents were scored, and which were not."""

    scored: int = 0
    predicted_without_gold: int = 0
    gold_without_prediction: list = field(default_factory=list)
    gold_dir: str = ""


# --------------------------------------------------------------------------- table

def _num(value: Optional[float]) -> str:
    return "    -" if value is None else f"{value:.3f}"


def _prf_row(label: str, metric: str, prf: PRF) -> str:
    return (f"{label:<15}{metric:<9}{_num(prf.precision):>9}{_num(prf.recall):>9}{_num(prf.f1):>9}"
            f"{prf.tp:>7}{prf.fp:>6}{prf.fn:>6}")


def _accuracy_row(metric: str, accuracy: Accuracy) -> str:
    shown = "-" if accuracy.value is None else f"{accuracy.value:.3f}"
    return f"{'':<15}{metric:<24}{shown:>9}   ({accuracy.correct}/{accuracy.total} matched)"


def coverage_lines(coverage: Coverage) -> list:
    lines = [f"{coverage.scored} document(s) scored against {coverage.gold_dir or 'the gold files'}"]
    if coverage.predicted_without_gold:
        lines.append(f"{coverage.predicted_without_gold} predicted document(s) have no gold file and are not scored")
    if coverage.gold_without_prediction:
        lines.append(f"{len(coverage.gold_without_prediction)} gold document(s) have no prediction; "
                     "all their gold items count as false negatives:")
        lines += [f"  {doc_id}" for doc_id in coverage.gold_without_prediction]
    return lines


def format_table(scores: Scores, coverage: Coverage) -> str:
    """The readable report: coverage, one block per field, the headline lines."""
    lines = coverage_lines(coverage) + [""]
    lines.append(f"{'field':<15}{'metric':<9}{'P':>9}{'R':>9}{'F1':>9}{'tp':>7}{'fp':>6}{'fn':>6}")
    lines.append("-" * len(lines[-1]))
    for name in FIELDS:
        result = scores.fields[name]
        if name in ("money", "periods"):
            lines.append(_prf_row(name, "span", result.span))
            lines.append(_prf_row("", "value", result.value))
            lines.append(_prf_row("", "strict", result.strict))
        else:
            lines.append(_prf_row(name, "entity", result.entity))
            for attribute, accuracy in result.attributes.items():
                lines.append(_accuracy_row(f"{attribute} accuracy", accuracy))
    lines.append("")
    lines += headline_lines(scores)
    return "\n".join(lines)


def headline_lines(scores: Scores) -> list:
    lines = ["headline"]
    for name in FIELDS:
        prf = scores.headline(name)
        lines.append(f"  {name:<15}{HEADLINE[name] + ' F1':<11}{prf.f1:.3f}   (P {prf.precision:.3f}, R {prf.recall:.3f})")
    overall = scores.overall()
    lines.append(f"  {'overall':<15}{'micro F1':<11}{overall.f1:.3f}   "
                 f"(P {overall.precision:.3f}, R {overall.recall:.3f}; the five headlines pooled)")
    return lines


# --------------------------------------------------------------------------- values

def _amount(value: Optional[Decimal]) -> str:
    if value is None:
        return "?"
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}"


def describe(item) -> str:
    """The normalised value of a mention or entry, in a few words."""
    if isinstance(item, Money):
        qualifier = f" ({item.qualifier})" if item.qualifier else ""
        return f"{_amount(item.amount)} {item.currency or '?'}{qualifier}"
    if isinstance(item, Period):
        rule = f"  rule: {item.rule}" if getattr(item, "rule", None) else ""  # the grammar rule that built it
        return f"{item.start_date or '?'} .. {item.end_date or 'open'}  [{item.calendar}]{rule}"
    if isinstance(item, Organization):
        return item.name + (f" ({item.acronym})" if item.acronym else "")
    if isinstance(item, Official):
        parts = [item.name, item.title or "no title"]
        if item.organization:
            parts.append(item.organization)
        return ", ".join(parts)
    if isinstance(item, Destination):
        amount = f", {_amount(item.amount)} {item.currency or '?'}" if item.amount is not None else ""
        return f"{item.country} ({item.iso2}){amount}"
    return str(item)


def _attribute(item, attribute: str) -> str:
    if attribute == "amount":
        return f"{_amount(item.amount)} {item.currency or '?'}" if item.amount is not None else "null"
    value = getattr(item, attribute)
    return "null" if value is None else repr(value)


# --------------------------------------------------------------------------- errors

class Style:
    """Highlighting of the error screen: ANSI colours on a terminal, brackets elsewhere."""

    def __init__(self, color: bool = False):
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def mark(self, text: str) -> str:
        return self._wrap("1;4", text) if self.color else f"«{text}»"

    def head(self, text: str) -> str:
        return self._wrap("1", text)

    def kind(self, kind: str) -> str:
        colours = {"FP": "31", "FN": "33", "VALUE": "35", "SPAN": "36", "ATTR": "35"}
        return self._wrap(colours.get(kind, "0"), f"{kind:<5}")



def _flat(text: str) -> str:
    return text.replace("\r\n", " ⏎ ").replace("\n", " ⏎ ").replace("\r", " ⏎ ").replace("\t", " ")


def context(text: Optional[str], mention: Mention, style: Style, width: int = CONTEXT) -> Optional[str]:
    """``…before «mention» after…`` with ``width`` characters either side, on one line."""
    if text is None or mention.end > len(text):
        return None
    start, end = mention.start, mention.end
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    lead = "…" if start - width > 0 else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{_flat(before)}{style.mark(_flat(text[start:end]))}{_flat(after)}{tail}"


def _first_mention(item) -> Optional[Mention]:
    if isinstance(item, Mention):
        return item
    mentions = getattr(item, "mentions", None) or []
    return min(mentions, key=lambda m: m.start) if mentions else None


def _where(item) -> str:
    m = _first_mention(item)
    return f"[{m.start}:{m.end}]" if m is not None else "[no mention]"


def _label(item) -> str:
    if isinstance(item, Mention):
        return repr(item.text)
    count = len(getattr(item, "mentions", []) or [])
    return f"{describe(item)}  ({count} mention{'s' if count != 1 else ''})"


def format_diff(diff: Diff, text: Optional[str], style: Style) -> list:
    """The lines of one difference, indented under its field."""
    indent = " " * 10
    lines = []
    if diff.kind in ("false_positive", "false_negative"):
        item = diff.pred if diff.kind == "false_positive" else diff.gold
        tag = "FP" if diff.kind == "false_positive" else "FN"
        lines.append(f"    {style.kind(tag)} {_where(item):<12} {_label(item)}")
        if isinstance(item, Mention):
            lines.append(f"{indent}{describe(item)}")
        where = context(text, _first_mention(item), style) if _first_mention(item) else None
        if where:
            lines.append(f"{indent}{where}")
    elif diff.kind == "wrong_value":
        lines.append(f"    {style.kind('VALUE')} {_where(diff.gold):<12} {diff.gold.text!r}"
                     + (f"  (predicted span {diff.pred.text!r})" if (diff.pred.start, diff.pred.end)
                        != (diff.gold.start, diff.gold.end) else ""))
        where = context(text, diff.gold, style)
        if where:
            lines.append(f"{indent}{where}")
        lines.append(f"{indent}predicted  {describe(diff.pred)}")
        lines.append(f"{indent}gold       {describe(diff.gold)}")
    elif diff.kind == "boundary":
        lines.append(f"    {style.kind('SPAN')} {_where(diff.gold):<12} predicted {_where(diff.pred)} "
                     f"{diff.pred.text!r}, gold {diff.gold.text!r}"
                     + (f"  (rule: {diff.pred.rule})" if isinstance(diff.pred, Period) and diff.pred.rule else ""))
    elif diff.kind == "wrong_attribute":
        who = diff.gold.country if isinstance(diff.gold, Destination) else diff.gold.name
        lines.append(f"    {style.kind('ATTR')} {_where(diff.gold):<12} {who}: {diff.attribute}")
        lines.append(f"{indent}predicted  {_attribute(diff.pred, diff.attribute)}")
        lines.append(f"{indent}gold       {_attribute(diff.gold, diff.attribute)}")
    return lines


def format_errors(documents: list, texts: dict, style: Optional[Style] = None) -> str:
    """Every difference of every document, grouped by document and field.

    ``texts`` maps ``doc_id`` to the document's text (for context); a
    document without text is shown without context.
    """
    style = style or Style()
    out = []
    for doc in documents:
        diffs = doc.diffs
        if doc.missing:
            gold_items = sum(r.span.fn if hasattr(r, "span") else r.entity.fn for r in doc.fields.values())
            out.append(style.head(f"== {doc.doc_id}: no prediction; its {gold_items} gold item(s) "
                                  "all count as false negatives"))
            out.append("")
            continue
        if not diffs:
            continue
        counts = _counts(diffs)
        out.append(style.head(f"== {doc.doc_id}  ({counts})"))
        text = texts.get(doc.doc_id)
        for name in FIELDS:
            field_diffs = doc.fields[name].diffs
            if not field_diffs:
                continue
            out.append(f"  {style.head(name)}")
            for diff in field_diffs:
                out += format_diff(diff, text, style)
        out.append("")
    if not out:
        return "no errors: every prediction matches the gold"
    return "\n".join(out).rstrip() + "\n"


def _counts(diffs: list) -> str:
    names = {"false_positive": "FP", "false_negative": "FN", "wrong_value": "wrong value",
             "boundary": "other span", "wrong_attribute": "wrong attribute"}
    parts = []
    for kind, label in names.items():
        n = sum(1 for d in diffs if d.kind == kind)
        if n:
            parts.append(f"{n} {label}")
    return ", ".join(parts)


# --------------------------------------------------------------------------- JSON

def _json_item(item) -> dict:
    if item is None:
        return None
    return item.model_dump(mode="json", by_alias=True)


def errors_json(documents: list, texts: dict) -> list:
    """The differences as JSON data (``evaluate --json --errors``)."""
    out = []
    for doc in documents:
        if doc.missing:
            out.append({"doc_id": doc.doc_id, "kind": "no_prediction"})
            continue
        text = texts.get(doc.doc_id)
        for diff in doc.diffs:
            entry = {"doc_id": doc.doc_id, "field": diff.field, "kind": diff.kind,
                     "predicted": _json_item(diff.pred), "gold": _json_item(diff.gold)}
            if diff.attribute:
                entry["attribute"] = diff.attribute
            mention = _first_mention(diff.gold if diff.gold is not None else diff.pred)
            if text is not None and mention is not None:
                entry["context"] = context(text, mention, Style())
            out.append(entry)
    return out
