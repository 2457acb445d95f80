"""What the extractor accepts as text, and the guards that keep hostile text cheap.

Plain functions, no I/O.  The readers of :mod:`extractor.documents` use them
to refuse binary content and oversized documents with a clear message;
:func:`make_doc_safely` keeps spaCy's tokenizer linear on text with long
runs of characters that are not whitespace.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

#: Documents longer than this many characters are refused (``--max-chars``).
#: News articles are a few thousand characters; a million is generous.
DEFAULT_MAX_CHARS = 1_000_000

#: A ``.meta.json`` sidecar larger than this is refused unread.
MAX_SIDECAR_BYTES = 1 << 20

#: Publication dates outside these bounds are refused: they are typing
#: errors, and the calendar conversions have limits of their own.
EARLIEST_PUBLISHED = date(1900, 1, 1)
LATEST_PUBLISHED = date(2199, 12, 31)

#: Runs of this many characters without whitespace are given to spaCy as
#: plain pieces, not through its tokenizer (whose prefix and suffix rules
#: cost time quadratic in the length of a run of punctuation).
LONG_TOKEN = 64

# C0 controls and DEL, but not the whitespace controls (tab, newlines, form feed)
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LONG_RUN = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")

#: a text with more control characters than this share (and at least
#: ``_MIN_CONTROLS`` of them) is binary content, not an article
_CONTROL_SHARE = 0.01
_MIN_CONTROLS = 8


def binary_reason(text: str) -> Optional[str]:
    """Why ``text`` looks like binary content rather than an article, or None."""
    nul = text.find("\x00")
    if nul >= 0:
        return f"binary content, not text: NUL character at character {nul}"
    controls = len(_CONTROL.findall(text))
    if controls >= _MIN_CONTROLS and controls > _CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)
        return (f"binary content, not text: {controls} control characters in {len(text)} "
                f"(first U+{ord(first.group()):04X} at character {first.start()})")
    return None


def replace_lone_surrogates(text: str) -> tuple[str, list[str]]:
    """``text`` with lone surrogates (not valid Unicode, cannot be written as
    UTF-8) replaced by U+FFFD, one for one so offsets do not move; and the
    warnings saying so."""
    first = _SURROGATE.search(text)
    if first is None:
        return text, []
    count = len(_SURROGATE.findall(text))
    cleaned = _SURROGATE.sub("\ufffd", text)
    return cleaned, [f"{count} lone surrogate(s) (not valid Unicode; first at character {first.start()}) "
                     "replaced by U+FFFD"]


def too_long_reason(length: int, max_chars: Optional[int]) -> Optional[str]:
    """The refusal of a document of ``length`` characters, or None when it fits."""
    if max_chars is None or length <= max_chars:
        return None
    return f"document has {length:,} characters, more than the limit of {max_chars:,} (--max-chars)"


def check_published_range(day: date) -> Optional[str]:
    """Why a publication date cannot be right, or None."""
    if not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        return (f"'published' {day.isoformat()} is outside {EARLIEST_PUBLISHED.isoformat()}.."
                f"{LATEST_PUBLISHED.isoformat()}")
    return None


def make_doc_safely(nlp, text: str):
    """``nlp.make_doc(text)``, linear in the length of ``text``.

    spaCy's tokenizer takes time quadratic in the length of a run of
    punctuation without spaces (a 16,000-character line of ")" takes
    minutes), so runs longer than :data:`LONG_TOKEN` characters become plain
    tokens of at most that length; the rest of the text is tokenized as
    usual.  ``doc.text == text`` always.  ``nlp.max_length`` (a guard for the
    memory of parsers, which this pipeline has not) is not applied: the
    readers refuse documents above ``--max-chars`` instead.
    """
    from spacy.tokens import Doc

    tokenizer = nlp.tokenizer
    if _LONG_RUN.search(text) is None:
        return tokenizer(text)
    words: list[str] = []
    spaces: list[bool] = []

    def tokenize(segment: str) -> None:
        if segment:
            for token in tokenizer(segment):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    position = 0
    for run in _LONG_RUN.finditer(text):
        tokenize(text[position:run.start()])
        for start in range(run.start(), run.end(), LONG_TOKEN):
            words.append(text[start:min(start + LONG_TOKEN, run.end())])
            spaces.append(False)
        position = run.end()
        if text.startswith(" ", position):
            spaces[-1] = True
            position += 1
    tokenize(text[position:])
    return Doc(nlp.vocab, words=words, spaces=spaces)
