"""Hostile and messy input through the API: shapes and sizes that must neither
crash nor hang, the fuzzer's findings, hostile strings in every store, and
configuration that must not run code.

Classes of bad input covered here (the reader's own are in test_inputs.py):

* fuzzer findings (``FUZZ_FINDINGS``): inputs ``scripts/fuzz.py`` found, kept as regressions;
* shapes: empty, whitespace, control characters, mixed scripts, a 1 MB line
  without spaces, a million-character document, 100,000 tiny documents;
* hostile strings (SQL, quotes, newlines, path tricks) as ids and mention
  texts, stored intact in every store (parameterized queries only);
* crafted configuration: values that look like code are never run.

"Never hung" is checked with an alarm: a generous bound after which the
test fails instead of running on.  The bound is not a performance target.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import extract
from extractor.api import extract_many, load_pipeline
from extractor.limits import LONG_TOKEN, make_doc_safely
from extractor.records import Mention, Money, Official, Organization, Record, text_sha256


@contextlib.contextmanager
def finishes_within(seconds: float, what: str):
    """Fail (instead of hanging) when the block runs longer than ``seconds``."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise TimeoutError(f"{what} did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def assert_sound(text: str, record: Record) -> None:
    base = text[1:] if text.startswith("\ufeff") else text
    assert record.text_sha256 == text_sha256(base)
    assert record.check_offsets(base) == []
    for _, m in record.iter_mentions():
        assert 0 <= m.start <= m.end <= len(base)
    data = json.loads(record.to_json())
    assert Record.model_validate(data).to_json_dict() == data


# --------------------------------------------------------------------------- fuzzer findings

#: (id, text, published, what went wrong before the fix)
FUZZ_FINDINGS = [
    ("impossible-day-in-gloss-without-published",
     "exports in the first nine months of the current Iranian calendar year (March 42-December 21, 2019)", None,
     "ValueError: day is out of range for month, from timex._infer_current_year"),
    ("impossible-day-in-dated-gloss-without-published",
     "in the current Iranian year (February 30, 2019 to March 19, 2020)", None,
     "ValueError from the dated gloss start in timex._infer_current_year"),
    ("gloss-year-before-the-iranian-calendar",
     "exports in the current year (March 10-December 21, 0019) rose", None,
     "ValueError: year is out of range (jdatetime) from timex._resolve_by_gloss: a gloss dated in year 19"),
    ("ended-gloss-year-before-the-iranian-calendar", "in the last Iranian year (ended March 19, 0020)", None,
     "the same, through a gloss that gives only the end"),
    ("dated-gloss-year-before-the-iranian-calendar", "in 1398 (March 21, 0019 to March 19, 0020)", "2019-10-08",
     "ValueError: year is out of range, from the boundaries a dated gloss sets (timex._apply_boundaries)"),
    ("open-gloss-year-before-the-iranian-calendar", "since the beginning of the year (March 21, 0019)",
     "2019-10-08", "ValueError, then TypeError once the day was refused: the gloss must not match at all"),
    ("export-list-of-run-together-capitals",
     "Iraq, Afghanistan and Pakistan bought $20 million; exportw to Ch" + "B" * 47 + "\ufffd" * 23 + "B" * 12
     + "inza, Turkey and the UAE.", None,
     "libFuzzer timeout: exponential backtracking of the 'exports to X, Y and Z' list pattern in "
     "destinations._is_export_role (a capitalized word could be split into any number of list items)"),
    ("export-list-with-double-spaces", "Iran exports to " + "Abc  " * 14 + "x Iraq.", None,
     "the same pattern: the whitespace between list items could be shared out between three \\s* in "
     "exponentially many ways"),
]


@pytest.mark.parametrize("text,published", [pytest.param(t, p, id=i) for i, t, p, _ in FUZZ_FINDINGS])
def test_fuzz_findings(text, published):
    with finishes_within(20, "a fuzzer finding"):
        record = extract(text, published=published, doc_id="finding")
    assert_sound(text, record)


# --------------------------------------------------------------------------- shapes

SHAPES = [
    ("empty", ""),
    ("bom-only", "\ufeff"),
    ("whitespace", " \n\t\r\u00a0\u3000\u2028 "),
    ("one-character", "$"),
    ("control-characters", "".join(chr(c) for c in range(32)) + "$1 billion\x7f"),
    ("nul-characters", "Iran\x00 exported $2\x00 billion\x00"),
    ("persian-and-arabic-digits", "صادرات ۱٫۵ میلیارد دلار در سال ۱۳۹۸ و ١٤٠٠ $۱۲ million ٢٠١٩"),
    ("mixed-scripts", "Tehran تهران Москва 北京 e\u0301 \u200c\u200f\u202e 🇮🇷 $1 bn in 1398 to Iraq"),
    ("combining-marks-in-numbers", "$1\u0301.5 billion in 13\u0308 98"),
    ("lone-bom-inside", "Iran\ufeff exported $2 billion\ufeff."),
    ("line-separators", "Iran exported\u2028$2 billion\u2029in the first half of 1398\x85."),
    ("only-punctuation", "().,;:!?-–—'\"’“”" * 20),
    ("many-money-mentions", "$1 billion, " * 2000),
    ("many-periods", "in 1398, " * 2000),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in SHAPES])
def test_shapes(text):
    with finishes_within(60, "extract"):
        assert_sound(text, extract(text, published=date(2019, 10, 8), doc_id="shape"))


@pytest.mark.parametrize("line", [
    pytest.param("a" * 1_000_000, id="letters"),
    pytest.param("1" * 1_000_000, id="digits"),
    pytest.param(("https://example.com/" + "x/" * 500_000)[:1_000_000], id="url-like"),
])
def test_a_one_megabyte_line_of_word_characters(line):
    with finishes_within(120, "a 1 MB line"):
        assert_sound(line, extract(line, doc_id="line"))


def test_a_one_megabyte_line_of_punctuation():
    line = ")" * 1_000_000  # 16,000 of them take spaCy's tokenizer 16 s; a million, days
    with finishes_within(30, "a 1 MB line of punctuation"):
        assert_sound(line, extract(line, doc_id="line"))


def test_a_long_document():
    # 250,000 characters of the genre: a hundred long articles in one
    text = ("Iran exported $1.49 billion to Iraq in the first half of 1398, the Trade Promotion "
            "Organization (TPO) said. ") * 2_300
    with finishes_within(120, "a document of 250,000 characters"):
        record = extract(text, published="2019-10-08", doc_id="big")
    assert_sound(text, record)
    assert len(record.money) == 2_300 and [o.acronym for o in record.organizations] == ["TPO"]


def test_the_api_takes_a_text_longer_than_spacys_limit():
    text = "a" * 1_000_001
    with finishes_within(60, "a text of 1,000,001 characters"):
        assert_sound(text, extract(text))


def test_a_hundred_thousand_tiny_documents():
    texts = ["", " ", "$1m", "Iraq", "in 1398", "ISIPO", "x"]
    documents = ({"doc_id": str(k), "text": texts[k % len(texts)]} for k in range(100_000))
    with finishes_within(300, "100,000 tiny documents"):
        count = 0
        for count, record in enumerate(extract_many(documents, batch_size=1000), start=1):
            pass
    assert count == 100_000 and record.doc_id == "99999"


def test_a_lone_surrogate_in_the_api():
    text = "Iran\ud800 exported $2 billion\udfff."
    record = extract(text, doc_id="s")
    assert [m.text for m in record.money] == ["$2 billion"]
    assert record.money[0].start == text.index("$2")


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_an_impossible_publication_date_in_the_api(published):
    from extractor.errors import InputError

    with pytest.raises(InputError):
        extract("Exports rose in the current year.", published=published)


# --------------------------------------------------------------------------- the tokenizer guard

GUARD_TEXTS = [
    ")" * 1000,
    "Iran " + ")" * 200 + " exported " + "$" * (LONG_TOKEN + 1) + "\n" + "," * 5 + " end",
    " " + "(" * 130 + "  " + "’" * 65,
    "x" * LONG_TOKEN + " " + "y" * (LONG_TOKEN + 1) + "\t" + "z" * (3 * LONG_TOKEN),
    "$1 billion " * 3 + "." * 500 + "\u00a0" + "-" * 70 + "\u2028" + "€" * 66,
    "no long runs here, $2 billion to Iraq.",
]


@pytest.mark.parametrize("text", GUARD_TEXTS)
def test_make_doc_safely_keeps_the_text(text):
    nlp = load_pipeline()
    doc = make_doc_safely(nlp, text)
    assert doc.text == text
    assert all(len(token.text) <= max(LONG_TOKEN, len(token.text.strip()) if token.is_space else LONG_TOKEN)
               or token.is_space for token in doc)


def test_make_doc_safely_tokenizes_ordinary_text_as_spacy_does():
    nlp = load_pipeline()
    text = "Iran’s exports to Iraq reached $1.49 billion (up 5%) in H1, IRNA said."
    assert [t.text for t in make_doc_safely(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_make_doc_safely_is_quick_on_a_long_run_of_punctuation():
    nlp = load_pipeline()
    line = ")" * 500_000 + "$" * 250_000 + "’(" * 125_000
    with finishes_within(30, "tokenizing a 1 MB line of punctuation"):
        doc = make_doc_safely(nlp, line)
    assert doc.text == line


# --------------------------------------------------------------------------- warnings in records

def test_decoding_warnings_reach_the_record(tmp_path):
    from extractor.documents import iter_documents

    (tmp_path / "a.txt").write_bytes(b"\x93Iran\x94 exported $2 billion.")
    (document,) = iter_documents([tmp_path])
    (record,) = extract_many([document])
    assert any("Windows-1252" in w for w in record.to_json_dict().get("warnings", []))


# --------------------------------------------------------------------------- hostile strings in stores

HOSTILE_IDS = [
    "'; DROP TABLE documents; --",
    'Robert"); DELETE FROM money; --',
    "line\nbreak\r\nand\rreturn",
    "tab\there",
    "back\\slash \\x00 \\n",
    "%s %(name)s ? :name $1 {0} ${x}",
    "../../etc/passwd",
    "/absolute/path",
    "..",
    "C:\\Windows\\system32",
    "emoji 😀 تهران ۱۳۹۸",
    " spaces around ",
    "\u202eRTL override",
    "NULL",
    "x\u0085y\u2028z",
    "a" * 300,
]

HOSTILE_TEXTS = ["It's \"quoted\" 'single' `back`", "'; DROP TABLE money; --", "two\nlines\r\n", "\\ \\\\ %s ?"]


def hostile_record(doc_id: str) -> Record:
    name, acronym, title, quote = HOSTILE_TEXTS[0], HOSTILE_TEXTS[1], HOSTILE_TEXTS[2], HOSTILE_TEXTS[3]
    return Record(
        doc_id=doc_id, published=date(2019, 10, 8), text_sha256="0" * 64,
        money=[Money(start=0, end=len(quote), text=quote, amount=Decimal("1.5"), currency="USD", qualifier=None)],
        organizations=[Organization(name=name, acronym=acronym, mentions=[Mention(start=0, end=4, text=name[:4])])],
        officials=[Official(name=title, title=quote, organization=name,
                            mentions=[Mention(start=5, end=9, text=title[:4])])],
        warnings=list(HOSTILE_TEXTS),
    )


@contextlib.contextmanager
def _store_url(kind: str, tmp_path: Path, request):
    """A fresh, empty store of this kind (its own database for PostgreSQL)."""
    if kind == "jsonl":
        yield str(tmp_path / "out.jsonl")
    elif kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'out.db'}"
    elif kind == "parquet":
        pytest.importorskip("pyarrow")
        yield str(tmp_path / "out.parquet")
    else:
        try:
            server = request.getfixturevalue("postgres_url")
        except pytest.FixtureLookupError:
            pytest.skip("no postgres_url fixture in conftest.py")
        import uuid

        import psycopg

        base, _, _ = server.rpartition("/")
        name = f"extractor_robust_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{base}/{name}"
        finally:
            with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _round_trip(url: str, records: list) -> dict:
    from extractor.stores import open_store

    store = open_store(url)
    try:
        store.write(records)
    finally:
        store.close()
    store = open_store(url, resume=True)
    try:
        return {r.doc_id: r.to_json_dict() for r in store.iter_records()}
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["jsonl", "sqlite", "parquet", "postgresql"])
def test_hostile_strings_are_stored_intact(kind, tmp_path, request):
    pytest.importorskip("extractor.stores")
    records = [hostile_record(doc_id) for doc_id in HOSTILE_IDS]
    with _store_url(kind, tmp_path, request) as url:
        stored = _round_trip(url, records)
    assert set(stored) == set(HOSTILE_IDS)
    for record in records:
        assert stored[record.doc_id] == record.to_json_dict(), record.doc_id


def test_hostile_ids_cannot_escape_the_folder_store(tmp_path):
    stores = pytest.importorskip("extractor.stores")
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = outside / "records"
    store = stores.open_store(str(folder) + "/")
    accepted = []
    try:
        for doc_id in HOSTILE_IDS + ["\x00nul", "a/../../b", "ok-id"]:
            problem = store.check_doc_id(doc_id)
            if problem is None:
                accepted.append(doc_id)
                store.write([hostile_record(doc_id)])
            else:
                assert doc_id[:10].strip() and isinstance(problem, str) and problem
    finally:
        store.close()
    assert "ok-id" in accepted and "../../etc/passwd" not in accepted and "/absolute/path" not in accepted
    assert sorted(p.name for p in outside.iterdir()) == ["records"]
    for path in folder.rglob("*"):
        assert path.resolve().parent == folder.resolve()
    stored = {r.doc_id: r for r in stores.open_store(str(folder) + "/", resume=True).iter_records()}
    assert set(stored) == set(accepted)


def test_hostile_ids_and_texts_go_through_the_batch_intact(tmp_path):
    batch = pytest.importorskip("extractor.batch")
    lines = [json.dumps({"doc_id": doc_id, "text": "Robert'); DROP TABLE money;-- exported $2 billion to Iraq."})
             for doc_id in HOSTILE_IDS]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'out.db'}"
    summary = batch.run_batch([str(tmp_path / "in.jsonl")], url, batch.BatchOptions(progress=False, quiet=True))
    assert summary.failed == 0 and summary.written == len(HOSTILE_IDS)
    from extractor.stores import open_store

    store = open_store(url, resume=True)
    try:
        stored = {r.doc_id: r for r in store.iter_records()}
    finally:
        store.close()
    assert set(stored) == set(HOSTILE_IDS)
    assert all(r.money[0].text == "$2 billion" for r in stored.values())


def test_a_batch_of_bad_inputs_goes_on_and_names_every_file_and_line(tmp_path):
    batch = pytest.importorskip("extractor.batch")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Iran exported $2 billion to Iraq.", encoding="utf-8")
    (folder / "nul.txt").write_bytes(b"\x00\x01binary")
    (folder / "cp1252.txt").write_bytes(b"\x93Iran\x94 exported $3 billion.")
    (folder / "meta.txt").write_text("x", encoding="utf-8")
    (folder / "meta.meta.json").write_text("{not json", encoding="utf-8")
    (folder / "docs.jsonl").write_text("\n".join([
        json.dumps({"doc_id": "j1", "text": "$1m"}), "{broken", json.dumps({"doc_id": "j3"}),
        json.dumps({"doc_id": "j4", "text": "t", "published": "2019-02-30"}), json.dumps({"doc_id": "j1", "text": "dup"}),
        json.dumps({"doc_id": "j6", "text": "$6m"})]) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    summary = batch.run_batch([str(folder)], str(tmp_path / "out.jsonl"),
                              batch.BatchOptions(progress=False, quiet=True, errors_path=errors))
    written = [json.loads(line)["doc_id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert sorted(written) == ["cp1252", "good", "j1", "j6"]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    where = sorted((Path(e["source"]).name, e["line"]) for e in failed)
    assert where == [("docs.jsonl", 2), ("docs.jsonl", 3), ("docs.jsonl", 4), ("docs.jsonl", 5),
                     ("meta.meta.json", None), ("nul.txt", None)]
    assert summary.failed == 6


# --------------------------------------------------------------------------- configuration is data

CRAFTED_CONFIGS = [
    # a value that looks like code stays a string (and is refused as a language code)
    '[nlp]\nlang = "__import__(\'os\').system(\'touch {marker}\')"\npipeline = []\n[components]\n',
    # a factory name that is a Python callable path is not imported
    '[nlp]\nlang = "en"\npipeline = ["x"]\n[components]\n[components.x]\nfactory = "os.system"\n',
    # a registered-function reference to a module attribute is not resolved
    '[nlp]\nlang = "en"\npipeline = []\n[components]\n[initialize]\n[initialize.lookups]\n'
    '@misc = "os.system"\ncommand = "touch {marker}"\n',
    # interpolation of something that is not a config value
    '[nlp]\nlang = "en"\npipeline = []\nbatch_size = ${{os.system}}\n[components]\n',
]


@pytest.mark.parametrize("config", CRAFTED_CONFIGS)
def test_crafted_config_runs_no_code(tmp_path, config):
    from extractor.pipeline import build_nlp

    marker = tmp_path / "pwned"
    with pytest.raises(Exception):
        build_nlp(config_text=config.format(marker=marker)).initialize()
    assert not marker.exists()
