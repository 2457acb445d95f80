"""The lines at a text's edges, where bylines and credits stand."""

from __future__ import annotations


def _nonempty_lines(chunk_start: int, chunk: str):
    pos = 0
    for line in chunk.split("\n"):
        stripped = line.strip(" \t\r")
        if stripped:
            s = chunk_start + pos + line.index(stripped[0])
            yield s, s + len(stripped)
        pos += len(line) + 1


def edge_lines(text: str, head: int = 6, tail: int = 3) -> list:
    """(start, end) of the stripped non-empty lines at a text's top (``head`` of them) and bottom
    (``tail``), where bylines and credits stand; every line of a text with no more than both."""
    if len(text) <= 6000:
        spans = list(_nonempty_lines(0, text))
        return spans if len(spans) <= head + tail else spans[:head] + spans[-tail:]
    top = list(_nonempty_lines(0, text[:3000]))[:-1][:head]  # the chunk's last line may be cut
    cut = len(text) - 3000
    return top + list(_nonempty_lines(cut, text[cut:]))[1:][-tail:]
