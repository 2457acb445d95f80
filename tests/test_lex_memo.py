"""The periods lexer's memo of tokens (``time_grammar._Entries``) is a cache, not a rule:
the constituents of a text are the same with the memo empty, warm, or full."""

from __future__ import annotations

import pytest

from extractor import time_grammar
from extractor.time_grammar import lex

PHRASES = [
    "In the first nine months of the current Iranian calendar year (March 21-December 21, 2023), exports rose.",
    "Exports in 1402 reached $1.49 billion, up from 1,400 tonnes in 2019; the 1990s were different.",
    "the Indian fiscal year 2023-24 ended in Jan. 2024 and H1 2025 began",
    "   Tir\n\n1403  the 3rd quarter  of  2020 ,  the 12th month",
    "Mehr News Agency reported on Dey 12 that the 10-month period ended.",
]


def constituents(text: str) -> tuple:
    toks = lex(text)
    return toks.symbols, toks.starts, toks.ends, toks.values


@pytest.mark.parametrize("text", PHRASES)
def test_memo_does_not_change_the_constituents(text, monkeypatch):
    time_grammar.forget_memos()
    cold = constituents(text)
    warm = constituents(text)  # every token now comes from the memo
    monkeypatch.setattr(time_grammar._Entries, "LIMIT", 0)  # a full memo: nothing more is stored
    time_grammar.forget_memos()
    uncached = constituents(text)
    assert cold == warm == uncached
    assert len(time_grammar._ENTRIES) == 0


def test_memo_keys_keep_their_spaces_apart():
    time_grammar.forget_memos()
    lex("in 2023 and  2023")
    assert " 2023" in time_grammar._ENTRIES and "  2023" in time_grammar._ENTRIES
    assert time_grammar._ENTRIES[" 2023"][:2] == time_grammar._ENTRIES["  2023"][:2] == ("G", 2023)
    assert time_grammar._ENTRIES[" 2023"][2] == time_grammar._ENTRIES["  2023"][2] == 4


def test_offsets_point_at_the_words():
    text = "Revenue in  the first half of 1402 (March 21-September 22, 2023) grew."
    toks = lex(text)
    words = [text[a:b] for a, b, s in zip(toks.starts, toks.ends, toks.symbols) if s != "."]
    assert words == ["in", "the", "first", "half", "of", "1402", "(", "March", "21", "-", "September", "22",
                     ",", "2023", ")"]


# --- the memo of a stretch's matches (``time_grammar._parse_stretch``) ---------------------------

def whole_text_matches(toks) -> list:
    """Every rule over the whole symbol string at once: the reference the per-stretch parse
    must equal (it holds only if no rule reads past a stretch's ".")."""
    from extractor.time_grammar import compiled_rules

    out = []
    for priority, (rule, regex, _) in enumerate(compiled_rules()):
        for m in regex.finditer(toks.symbols):
            if m.start() != m.end():
                out.append((rule.name, toks.starts[m.start()], toks.ends[m.end() - 1]))
    return sorted(out)


STRETCH_PHRASES = PHRASES + [
    "Exports rose in the first half of 2024. In Q3 and in the same period last year, H1 2023.",
    "between Farvardin and Azar. 1402. the months of Tir and Mordad (June 22-August 22, 2023).",
    "the nine months to December 21, 2023. The year to March 2020. Since the start of 1398.",
    "2019 Q1 and Q2. the 1990s. from 2014 to 2018. 2012-16. fiscal 2019-20. this and next year.",
]


@pytest.mark.parametrize("text", STRETCH_PHRASES)
def test_stretch_parse_equals_whole_text_parse(text):
    from extractor.time_grammar import parse

    time_grammar.forget_memos()
    toks = lex(text)
    cold = sorted((m.rule, m.start, m.end) for m in parse(toks))
    warm = sorted((m.rule, m.start, m.end) for m in parse(toks))
    assert cold == warm == whole_text_matches(toks)
