"""A generated grid of credits: credit form x name shape (x outlet), expected values from RECORDS.md.

Named people in bylines and wire credits are officials with ``title`` and
``organization`` null; the outlet of a dateline or of a byline's sign-off is an
organization.  The expected values are written here from those rules, not
taken from the extractor.  ``python tests/test_credit_grid.py`` prints the
coverage per dimension.
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict

import pytest

from extractor import extract

#: name shapes: key -> two people of that shape
NAMES = {
    "plain": ("Lena Vogt", "Tomas Ruiz"),
    "persian": ("Omid Farahani", "Darya Kermani"),
    "capitalized-particle": ("Yusuf El Masri", "Hana Al Sabah"),
    "attached-article": ("Karim al-Sayed", "Nour el-Din"),
    "hyphenated": ("Reza Amir-Ahmadi", "Sara Rahimi-Nejad"),
    "apostrophe": ("Ali Sa'di-Far", "Mina Ja'fari"),
}

#: credit forms: key -> (template, how many names it holds)
FORMS = {
    "byline": ("Rial steadies on the open market\n\nBy {a}\n\nThe rial held at 600,000 to the dollar.", 1),
    "byline-two": ("Rial steadies on the open market\n\nBy {a} and {b}\n\nThe rial held at 600,000 to the dollar.", 2),
    "dateline-byline": ("Rial steadies\n\nTBILISI, Georgia, May 4. By {a} – Trend:\n\nThe rial held at 600,000.", 1),
    "wire-credit": ("The rial held at 600,000 to the dollar.\n\n(Reporting by {a}; Editing by {b})\n", 2),
    "wire-credit-places": ("The rial held at 600,000.\n\n(Reporting by {a} in Dubai and {b} in London)\n", 2),
    "name-line": ("Rial steadies on the open market\n\n{a}\nMay 4, 2021\n\nThe rial held at 600,000.", 1),
}

#: forms whose outlet is an organization of the record
OUTLETS = {"dateline-byline": ["Trend"]}

#: cells that still fail, by id -> reason (strict xfails)
KNOWN_FAILING: dict[str, str] = {}


def _cells():
    cells = []
    for (form, (template, count)), (shape, (a, b)) in itertools.product(FORMS.items(), NAMES.items()):
        text = template.format(a=a, b=b)
        people = [(a, None, None), (b, None, None)][:count]
        cell_id = f"{form}|{shape}"
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILING[cell_id])] if cell_id in KNOWN_FAILING else []
        cells.append(pytest.param(text, people, OUTLETS.get(form, []), {"credit form": form, "name shape": shape},
                                  id=cell_id, marks=marks))
    return cells


CELLS = _cells()


def credit_ok(text, people, outlets) -> bool:
    record = extract(text, published="2021-05-04")
    if record.check_offsets(text):
        return False
    got = [(o.name, o.title, o.organization) for o in record.officials]
    return got == people and [o.name for o in record.organizations] == outlets


@pytest.mark.parametrize("text, people, outlets, dims", CELLS)
def test_credit_cell(text, people, outlets, dims):
    assert credit_ok(text, people, outlets), (text, extract(text).officials, extract(text).organizations)


def test_a_credit_line_is_not_an_office_holder():
    """The writer of a byline takes no office named in the text's first sentence."""
    text = "Central bank chief speaks\n\nBy Lena Vogt\n\nThe governor of the Central Bank of Iran said rates rose."
    [person] = extract(text).officials
    assert (person.name, person.title) == ("Lena Vogt", None)


if __name__ == "__main__":
    table: dict = defaultdict(lambda: [0, 0])
    for cell in CELLS:
        text, people, outlets, dims = cell.values
        ok = credit_ok(text, people, outlets)
        for dim, value in dims.items():
            table[(dim, value)][0] += ok
            table[(dim, value)][1] += 1
    for (dim, value), (ok, total) in sorted(table.items()):
        print(f"{dim:12s} {value:24s} {ok:3d}/{total:<3d}")
    sys.exit(0)
