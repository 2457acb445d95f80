"""The country matcher is a character trie of the names; it must find exactly what the plain
alternation of the names (longest first) finds."""

from __future__ import annotations

import re

import pytest

from extractor.components.destinations import _country_re, country_table
from extractor.numbers import trie_pattern as _trie_pattern


def _naive(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@pytest.mark.parametrize("words, text", [
    (["Korea", "South Korea", "North Korea"], "South Korea, North Korea and Korea; South Koreans"),
    (["US", "U.S.", "USA", "U.S.A."], "US USA U.S. U.S.A. USAID"),
    (["Congo", "DR Congo"], "DR Congo and Congo"),
    (["a", "ab", "abc", "b"], "abcab ba abab"),
])
def test_trie_equals_longest_first_alternation(words, text):
    trie, naive = re.compile(_trie_pattern(words)), re.compile(_naive(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in naive.finditer(text)]


def test_every_name_is_found_whole():
    names, _ = country_table()
    pattern = _country_re()
    for name in names:
        found = [m.group() for m in pattern.finditer(f"Exports to {name} rose.")]
        assert found == [name], name


def test_name_lists_agree_with_the_plain_alternation():
    names, _ = country_table()
    trie, naive = re.compile(_trie_pattern(names)), re.compile(_naive(names))
    for text in (", ".join(sorted(names)), " ".join(sorted(names, key=len)), "".join(sorted(names))):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in naive.finditer(text)]
