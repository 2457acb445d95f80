"""Properties that hold for any input, checked with hypothesis.

* ``extract`` never raises, whatever the text (every Unicode category but
  lone surrogates, mixed scripts, Persian and Arabic digits, control
  characters) and whatever the publication date in range; every offset is
  inside the text, ``text[start:end] == mention.text``, lists are sorted by
  first offset, and the record survives a JSON round trip through the
  pydantic models (the one definition of the schema).
* The reader never raises on any bytes: a document or an
  :class:`~extractor.errors.InputError` for every line.

Examples are few and unhurried (``deadline=None``) so the file stays fast
on a busy CI machine; the fuzzer (``scripts/fuzz.py``) searches further.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.documents import Document, decode_bytes, read_jsonl
from extractor.errors import InputError
from extractor.limits import EARLIEST_PUBLISHED, LATEST_PUBLISHED
from extractor.records import Record

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# the genre's own words, so that generated texts reach the rules and not only the fast paths
FRAGMENTS = [
    "$", "€", "£", "US$", "USD", "IRR", "rials", "tomans", "dollars", "euros", "billion", "million", "trillion",
    "bn", "m", "thousand", "more than", "about", "nearly", "between", "and", "to", "-", "–", ",", ".", "(", ")",
    "’s", "'s", "the", "first", "six", "nine", "months", "of", "current", "Iranian", "calendar", "year", "last",
    "same", "period", "previous", "H1", "Q3", "quarter", "half", "March", "October", "May", "Farvardin", "Mehr",
    "Esfand", "1398", "1399", "2019", "2020", "21", "March 21", "(March 21-December 21, 2019)", "up to October 7",
    "Organization", "Bank", "Ministry of Industry, Mine and Trade", "ISIPO", "IRNA", "Central Bank of Iran (CBI)",
    "Deputy Director", "Minister", "head of", "said", "told", "According to", "Asghar Mosaheb", "Mosaheb",
    "Iraq", "Afghanistan", "China", "Turkey", "exported", "exports to", "respectively", "each", "imported from",
    "تهران", "ایران", "ریال", "میلیارد", "۱۳۹۸", "٢٠١٩", "1,000", "13,000", "1.49", "1.030", "\u200c", "\u200f",
    "\u202e", "\ufeff", "\x00", "\x1b", "\r\n", "\n\n", "\t", "\u00a0", "\u2028", "e\u0301", "🇮🇷", "😀",
]

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
digits = st.builds(lambda ds, sep: sep.join(ds), st.lists(st.text(PERSIAN_DIGITS + ARABIC_DIGITS + "0123456789",
                                                                    min_size=1, max_size=6), max_size=4),
                   st.sampled_from([",", ".", "٬", "٫", " ", ""]))
genre_text = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps)),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), digits, any_text.map(lambda t: t[:12])), max_size=60),
    st.lists(st.sampled_from([" ", " ", " ", "", "\n", ", ", ". "]), min_size=60, max_size=60),
)
published = st.one_of(st.none(), st.dates(min_value=EARLIEST_PUBLISHED, max_value=LATEST_PUBLISHED))
doc_ids = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cs",)), max_size=30))


def check_record(text: str, record: Record) -> None:
    base = text[1:] if text.startswith("\ufeff") else text
    assert record.text_sha256 == hashlib.sha256(base.encode("utf-8")).hexdigest()
    for field, m in record.iter_mentions():
        assert 0 <= m.start <= m.end <= len(base), (field, m)
        assert base[m.start:m.end] == m.text, (field, m)
    for name in ("money", "periods"):
        starts = [m.start for m in getattr(record, name)]
        assert starts == sorted(starts), name
    for name in ("organizations", "officials", "destinations"):
        entries = getattr(record, name)
        assert all(e.mentions for e in entries), name
        firsts = [e.mentions[0].start for e in entries]
        assert firsts == sorted(firsts), name
    data = json.loads(record.to_json(), parse_float=Decimal)  # amounts exact, as the stores read them
    again = Record.model_validate(data)
    assert again.to_json_dict() == data
    assert data["schema"] == 1


@SETTINGS
@given(text=any_text, published=published, doc_id=doc_ids)
@example(text="", published=None, doc_id=None)
@example(text="\ufeff", published=None, doc_id="")
@example(text="$" * 50 + "1" * 50, published=None, doc_id=None)
@example(text="۱۳۹۸ ١٤٠٠ $۱.۵ billion", published=None, doc_id=None)
def test_extract_any_text(text, published, doc_id):
    check_record(text, extract(text, published=published, doc_id=doc_id))


@SETTINGS
@given(text=genre_text, published=published)
@example(text="the first nine months of the current Iranian calendar year (March 21-December 21, 2019)",
         published=EARLIEST_PUBLISHED)
@example(text="last year's same period and the previous year", published=LATEST_PUBLISHED)
def test_extract_genre_fragments(text, published):
    check_record(text, extract(text, published=published, doc_id="p"))


@SETTINGS
@given(data=st.binary(max_size=300))
def test_decode_never_raises_but_for_bad_utf16(data):
    try:
        text, warnings = decode_bytes(data)
    except UnicodeDecodeError as exc:
        assert exc.encoding.startswith("utf-16") or exc.encoding.startswith("utf-32")
        return
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert bool(warnings) == (not _is_utf8(data))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=10)
json_documents = st.fixed_dictionaries({}, optional={
    "doc_id": st.one_of(st.text(max_size=10), json_values), "text": st.one_of(st.text(max_size=40), json_values),
    "published": st.one_of(st.dates().map(str), st.text(max_size=12), json_values),
    "url": json_values, "title": json_values})


@SETTINGS
@given(lines=st.lists(st.one_of(json_documents.map(json.dumps), json_values.map(json.dumps),
                                st.binary(max_size=40), st.text(max_size=40)), max_size=8))
def test_reader_gives_a_document_or_an_error_for_every_line(lines):
    raw = [line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines]
    raw = [line.replace(b"\n", b" ") for line in raw]
    items = list(read_jsonl(raw, "x.jsonl"))
    assert all(isinstance(item, (Document, InputError)) for item in items)
    numbers = [item.line for item in items]
    assert len(numbers) == len(set(numbers)) and all(1 <= n <= len(raw) for n in numbers)
    # every line with something visible in it gives a document or an error
    assert {k for k, line in enumerate(raw, 1) if re.search(rb"[!-~]", line)} <= set(numbers)
    for item in items:
        if isinstance(item, Document):
            item.text.encode("utf-8")  # no lone surrogates: every text can be written
            item.doc_id.encode("utf-8")
