"""``evaluate --html PAGE``: the scores and every error as one self-contained HTML page.

Each scored document shows its errors (as ``evaluate --errors`` lists them)
and its text twice, side by side, with the gold and the predicted mentions
highlighted in displaCy's entity style, each labelled with its normalised
values; mentions that take part in an error are coloured apart from the ones
that agree. The page loads
nothing from anywhere: styles are inline, there is no script.
"""

from __future__ import annotations

import html
from typing import Optional

from .display import label_of
from .report import Coverage, Style, _counts, coverage_lines, format_diff, headline_lines
from .scorer import FIELDS, PRF, Scores

#: colours of the span labels: (side, in an error?) -> colour
COLOURS = {
    ("GOLD", False): "#b7e4c7",   # gold, found
    ("GOLD", True): "#ffb703",    # gold, missed or valued otherwise
    ("PRED", False): "#a9d6f5",   # predicted, right
    ("PRED", True): "#f4978e",    # predicted, wrong
}

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em; color: #1d1d1f;
       background: #ffffff; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { margin-top: 1.6em; border-bottom: 2px solid #ddd; }
h3 { margin-top: 1.4em; background: #f3f3f6; padding: 0.3em 0.5em; }
table.scores { border-collapse: collapse; margin: 1em 0; }
table.scores th, table.scores td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: right; }
table.scores th { background: #eef; }
table.scores td.name, table.scores td.metric { text-align: left; }
table.scores tr.headline td { font-weight: bold; }
pre { background: #fafafa; border: 1px solid #e3e3e3; padding: 0.6em; white-space: pre-wrap; }
.legend span { display: inline-block; padding: 0.15em 0.6em; margin-right: 0.6em; border-radius: 3px; }
.ok { color: #2d6a4f; }
.toc li.errors a { color: #b00020; }
.sides { display: flex; gap: 1.5em; align-items: flex-start; }
.side { flex: 1 1 0; min-width: 0; border: 1px solid #e3e3e3; padding: 0.2em 1em 0.8em; }
.side h4 { margin: 0.4em 0; color: #555; text-transform: uppercase; letter-spacing: 0.05em; }
.side .entities { line-height: 2.6 !important; }
.hidden { font-size: 0.85em; color: #555; }
"""


def _mentions(field: str, item) -> list:
    return [item] if field in ("money", "periods") else list(item.mentions)


def _values(field: str, item) -> dict:
    """The normalised values of an item as :func:`extractor.display.label_of` reads them."""
    data = item.model_dump(mode="json", by_alias=True)
    if getattr(item, "amount", None) is not None:
        data["amount"] = str(item.amount)
    return {k: v for k, v in data.items() if k not in ("start", "end", "text", "mentions")}


def _side(text: str, record, side: str, in_error: set) -> str:
    """One side (gold or predicted) of a document: its text in displaCy's entity style, each
    mention marked and labelled with its values; a mention overlapping one already marked is
    listed under the text instead."""
    from spacy import displacy

    marks = []
    for field in FIELDS:
        for item in getattr(record, field) if record is not None else []:
            label = html.escape(label_of(field, _values(field, item)))
            for mention in _mentions(field, item):
                marks.append({"start": mention.start, "end": mention.end, "label": label,
                              "params": {"bg": COLOURS[(side, id(item) in in_error)]}})
    marks.sort(key=lambda m: (m["start"], -m["end"]))
    shown, hidden, end = [], [], -1
    for mark in marks:
        (shown if mark["start"] >= end else hidden).append(mark)
        if mark["start"] >= end:
            end = mark["end"]
    markup = displacy.render({"text": text, "ents": shown, "title": None}, style="ent", manual=True)
    if hidden:
        markup += "<p class='hidden'>overlapping, not marked above: " + "; ".join(
            f"[{m['start']}:{m['end']}] {html.escape(text[m['start']:m['end']])!s} {m['label']}" for m in hidden) + "</p>"
    return markup


def highlighted_text(text: str, gold, pred, in_error: set) -> str:
    """The document's text twice, side by side: the gold spans and the predicted spans, each
    labelled with its normalised values and coloured by whether it takes part in an error."""
    return ("<div class='sides'>"
            f"<div class='side gold'><h4>gold</h4>{_side(text, gold, 'GOLD', in_error)}</div>"
            f"<div class='side pred'><h4>predicted</h4>{_side(text, pred, 'PRED', in_error)}</div>"
            "</div>")


def _num(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf_cells(prf: PRF) -> str:
    return "".join(f"<td>{v}</td>" for v in (_num(prf.precision), _num(prf.recall), _num(prf.f1),
                                             prf.tp, prf.fp, prf.fn))


def score_table(scores: Scores) -> str:
    rows = ["<table class='scores'><tr><th>field</th><th>metric</th><th>P</th><th>R</th><th>F1</th>"
            "<th>tp</th><th>fp</th><th>fn</th></tr>"]
    for name in FIELDS:
        result = scores.fields[name]
        metrics = ((m, getattr(result, m)) for m in ("span", "value", "strict")) if name in ("money", "periods") \
            else [("entity", result.entity)]
        for k, (metric, prf) in enumerate(metrics):
            rows.append(f"<tr><td class='name'>{name if k == 0 else ''}</td><td class='metric'>{metric}</td>"
                        f"{_prf_cells(prf)}</tr>")
        for attribute, accuracy in getattr(result, "attributes", {}).items():
            rows.append(f"<tr><td class='name'></td><td class='metric'>{attribute} accuracy</td>"
                        f"<td colspan='3'>{_num(accuracy.value)}</td>"
                        f"<td colspan='3'>{accuracy.correct}/{accuracy.total} matched</td></tr>")
    rows.append(f"<tr class='headline'><td class='name'>overall</td><td class='metric'>micro</td>"
                f"{_prf_cells(scores.overall())}</tr></table>")
    return "\n".join(rows)


def _anchor(doc_id: str) -> str:
    return "doc-" + "".join(c if c.isalnum() or c in "-_" else f"_{ord(c):x}" for c in doc_id)


def render_page(scores: Scores, coverage: Coverage, documents: list, texts: dict, pairs: dict,
                title: str = "extractor evaluate") -> str:
    """The whole page. ``documents`` are the :class:`DocumentScores` of the run, ``pairs`` maps
    ``doc_id`` to ``(gold record, predicted record or None)``, ``texts`` ``doc_id`` to its text."""
    e = html.escape
    errors = sum(len(d.diffs) for d in documents)
    with_errors = [d for d in documents if d.diffs or d.missing]
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{e(title)}</h1>",
           "<p>" + "<br>".join(e(line) for line in coverage_lines(coverage)) + "</p>",
           "<h2>Scores</h2>", score_table(scores),
           "<pre>" + e("\n".join(headline_lines(scores))) + "</pre>",
           f"<h2>Errors: {errors} in {len(with_errors)} of {len(documents)} document(s)</h2>",
           "<p class='legend'>" + "".join(
               f"<span style='background:{COLOURS[key]}'>{e(what)}</span>" for key, what in (
                   (("GOLD", False), "gold, found"), (("GOLD", True), "gold, missed or valued otherwise"),
                   (("PRED", False), "predicted, right"), (("PRED", True), "predicted, wrong"))) + "</p>",
           "<ul class='toc'>"]
    for doc in documents:
        counts = "no prediction" if doc.missing else (_counts(doc.diffs) or "no error")
        css = " class='errors'" if doc.diffs or doc.missing else ""
        out.append(f"<li{css}><a href='#{_anchor(doc.doc_id)}'>{e(doc.doc_id)}</a>: {e(counts)}</li>")
    out.append("</ul>")
    plain = Style()
    for doc in documents:
        gold, pred = pairs.get(doc.doc_id, (None, None))
        out.append(f"<section id='{_anchor(doc.doc_id)}'>")
        if doc.missing:
            out.append(f"<h3>{e(doc.doc_id)}: no prediction; every gold item counts as a false negative</h3>")
        else:
            out.append(f"<h3>{e(doc.doc_id)} ({e(_counts(doc.diffs) or 'no error')})</h3>")
        text = texts.get(doc.doc_id)
        lines = []
        for name in FIELDS:
            field_diffs = doc.fields[name].diffs
            if field_diffs and not doc.missing:
                lines.append(name)
                for diff in field_diffs:
                    lines += format_diff(diff, text, plain)
        if lines:
            out.append("<pre class='diffs'>" + e("\n".join(lines)) + "</pre>")
        elif not doc.missing:
            out.append("<p class='ok'>every prediction matches the gold</p>")
        in_error = {id(x) for d in doc.diffs for x in (d.pred, d.gold) if x is not None}
        if doc.missing and gold is not None:
            in_error |= {id(item) for name in FIELDS for item in getattr(gold, name)}
        if text is None:
            out.append("<p><em>the text is not available: give the corpus with --corpus to see it</em></p>")
        else:
            out.append(highlighted_text(text, gold, pred, in_error))
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
