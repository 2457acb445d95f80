"""The input reader on every class of bad input: encodings, binary files, sizes,
malformed JSONL, bad sidecars, duplicate ids, stdin.

Each row of ``CASES`` is a set of files written to a temporary folder and
the complete list of what the reader gives for it, in order: a document
(``doc``) with its text and warnings, or an error (``err``) with the file
and line it names and a part of its message.  One bad document never stops
the others: most rows end with a good document that must still be read.
"""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest

from extractor.documents import Document, decode_bytes, iter_documents, parse_published, read_jsonl
from extractor.errors import InputError
from extractor.limits import DEFAULT_MAX_CHARS


def doc(doc_id, text=None, warning=None, published=None, line=None):
    return ("doc", doc_id, text, warning, published, line)


def err(where, message):
    return ("err", where, message)


def _summary(item, root: Path):
    if isinstance(item, InputError):
        where = Path(item.path).relative_to(root).as_posix() if item.path and item.path.startswith(str(root)) \
            else item.path
        return ("err", f"{where}:{item.line}" if item.line is not None else where, item.message)
    return ("doc", item.doc_id, item.text, item.warnings, item.published, item.line)


def _matches(got, want) -> bool:
    if got[0] != want[0]:
        return False
    if want[0] == "err":
        return got[1] == want[1] and want[2] in got[2]
    _, doc_id, text, warning, published, line = want
    return (got[1] == doc_id and (text is None or got[2] == text)
            and (got[3] == [] if warning is None else any(warning in w for w in got[3]))
            and (published is None or got[4] == published) and (line is None or got[5] == line))


def read(root: Path, files: dict, **options) -> list:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return [_summary(item, root) for item in iter_documents([root], **options)]


def jsonl(*objects) -> bytes:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects).encode("utf-8")


GOOD = {"z_good.txt": "$2 billion"}
GOOD_DOC = doc("z_good", "$2 billion")


def case(id, files, *expected, **options):
    return pytest.param({**files, **GOOD}, list(expected) + [GOOD_DOC], options, id=id)


CASES = [
    # --- encodings -------------------------------------------------------------------
    case("utf8", {"a.txt": "Exports to Iraq – $2 billion"}, doc("a", "Exports to Iraq – $2 billion")),
    case("utf8-bom", {"a.txt": codecs.BOM_UTF8 + "Tehran".encode()}, doc("a", "Tehran")),
    case("utf16-le-bom", {"a.txt": "Tehran – ۱۳۹۸".encode("utf-16")}, doc("a", "Tehran – ۱۳۹۸")),
    case("utf16-be-bom", {"a.txt": codecs.BOM_UTF16_BE + "Tehran €".encode("utf-16-be")}, doc("a", "Tehran €")),
    case("utf32-bom", {"a.txt": "Tehran €".encode("utf-32")}, doc("a", "Tehran €")),
    case("cp1252-quotes-and-euro", {"a.txt": b"\x93Iran\x94 earned \x80 5 million"},
         doc("a", "“Iran” earned € 5 million", warning="not valid UTF-8: 3 byte(s), the first at byte 0")),
    case("latin1-accent-in-utf8", {"a.txt": "Caf".encode() + b"\xe9 " + "– ok".encode()},
         doc("a", "Café – ok", warning="decoded as Windows-1252")),
    case("byte-undefined-in-cp1252", {"a.txt": b"a\x81b"}, doc("a", "a\x81b", warning="the first at byte 1")),
    case("truncated-utf8-sequence", {"a.txt": "Tehran ".encode() + "€".encode()[:2]},
         doc("a", "Tehran â‚", warning="2 byte(s)")),
    case("utf16-invalid", {"a.txt": codecs.BOM_UTF16_LE + b"\x00\xd8a\x00"}, err("a.txt", "not valid UTF-16")),
    case("utf16-without-bom-is-binary", {"a.txt": "Tehran".encode("utf-16-le")}, err("a.txt", "NUL character")),
    # --- binary content ----------------------------------------------------------------
    case("nul-byte", {"a.txt": b"Tehran\x00Times"}, err("a.txt", "binary content, not text: NUL character at character 6")),
    case("png-file", {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, err("a.txt", "binary content")),
    case("control-characters", {"a.txt": "".join(chr(c) for c in range(1, 9)) * 4 + "text"},
         err("a.txt", "32 control characters")),
    case("few-controls-are-text", {"a.txt": "Tehran\x07 Times \x1b[0m " + "x" * 200}, doc("a")),
    # --- size and shape ----------------------------------------------------------------
    case("empty", {"a.txt": b""}, doc("a", "", warning="empty document")),
    case("whitespace-only", {"a.txt": " \n\t\u00a0 "}, doc("a", " \n\t\u00a0 ", warning="only whitespace")),
    case("bom-only", {"a.txt": codecs.BOM_UTF8}, doc("a", "", warning="empty document")),
    case("over-max-chars", {"a.txt": "x" * 101}, err("a.txt", "101 characters, more than the limit of 100"),
         max_chars=100),
    case("at-max-chars", {"a.txt": "x" * 100}, doc("a", "x" * 100), max_chars=100),
    case("file-too-large-unread", {"a.txt": "x" * 500}, err("a.txt", "file too large"), max_chars=100),
    case("multibyte-chars-within-limit", {"a.txt": "€" * 100}, doc("a", "€" * 100), max_chars=100),
    case("no-limit", {"a.txt": "x" * 5000}, doc("a"), max_chars=None),
    # --- sidecars --------------------------------------------------------------------
    case("sidecar", {"a.txt": "x", "a.meta.json": '{"published": "2019-10-08", "url": "u", "title": "t"}'},
         doc("a", "x", published=date(2019, 10, 8))),
    case("sidecar-not-json", {"a.txt": "x", "a.meta.json": "published: 2019-10-08"},
         err("a.meta.json", "sidecar is not valid JSON")),
    case("sidecar-empty", {"a.txt": "x", "a.meta.json": ""}, err("a.meta.json", "sidecar is not valid JSON")),
    case("sidecar-array", {"a.txt": "x", "a.meta.json": "[1, 2]"}, err("a.meta.json", "not an array")),
    case("sidecar-deeply-nested", {"a.txt": "x", "a.meta.json": "[" * 100_000 + "]" * 100_000},
         err("a.meta.json", "nested too deeply")),
    case("sidecar-bad-date", {"a.txt": "x", "a.meta.json": '{"published": "08/10/2019"}'},
         err("a.meta.json", "'published' is not a YYYY-MM-DD date")),
    case("sidecar-date-as-number", {"a.txt": "x", "a.meta.json": '{"published": 20191008}'},
         err("a.meta.json", "must be a YYYY-MM-DD string, not a number")),
    case("sidecar-utf16", {"a.txt": "x", "a.meta.json": '{"published": "2019-10-08"}'.encode("utf-16")},
         doc("a", "x", published=date(2019, 10, 8))),
    case("sidecar-bom", {"a.txt": "x", "a.meta.json": codecs.BOM_UTF8 + b'{"published": "2019-10-08"}'},
         doc("a", "x", published=date(2019, 10, 8))),
    case("sidecar-wrong-types-dropped", {"a.txt": "x", "a.meta.json": '{"url": ["u"], "title": 5}'},
         doc("a", "x", warning="'url' is an array, not a string: ignored")),
    case("sidecar-code-is-data", {"a.txt": "x", "a.meta.json": json.dumps(
        {"published": "2019-10-08", "title": "__import__('os').system('touch pwned')",
         "!!python/object/apply:os.system": ["touch pwned"], "__class__": "x"})},
         doc("a", "x", published=date(2019, 10, 8))),
    case("sidecar-too-large", {"a.txt": "x", "a.meta.json": '{"title": "' + "x" * (1 << 20) + '"}'},
         err("a.meta.json", "file too large")),
    case("sidecar-is-a-folder", {"a.txt": "x", "a.meta.json/inner": "{}"},
         err("a.meta.json", "sidecar is not a regular file")),
    # --- JSONL -------------------------------------------------------------------------
    case("jsonl", {"d.jsonl": jsonl({"doc_id": "j", "text": "t", "published": "2020-01-05"})},
         doc("j", "t", published=date(2020, 1, 5), line=1)),
    case("jsonl-broken-line", {"d.jsonl": jsonl({"doc_id": "j1", "text": "a"}, '{"doc_id": "j2", "text": ',
                                                {"doc_id": "j3", "text": "c"})},
         doc("j1", "a"), err("d.jsonl:2", "invalid JSON"), doc("j3", "c", line=3)),
    case("jsonl-not-an-object", {"d.jsonl": jsonl('"text"', "[1]", "null", "3")},
         err("d.jsonl:1", "not a string"), err("d.jsonl:2", "not an array"), err("d.jsonl:3", "not null"),
         err("d.jsonl:4", "not a number")),
    case("jsonl-missing-text", {"d.jsonl": jsonl({"doc_id": "j"})}, err("d.jsonl:1", "'text' is missing")),
    case("jsonl-missing-doc-id", {"d.jsonl": jsonl({"text": "t"})}, err("d.jsonl:1", "'doc_id' is missing")),
    case("jsonl-wrong-types", {"d.jsonl": jsonl({"doc_id": 7, "text": "t"}, {"doc_id": "j", "text": ["t"]},
                                                {"doc_id": "k", "text": None}, {"doc_id": "", "text": "t"})},
         err("d.jsonl:1", "'doc_id' is a number, not a string"), err("d.jsonl:2", "'text' is an array"),
         err("d.jsonl:3", "'text' is missing"), err("d.jsonl:4", "'doc_id' is empty")),
    case("jsonl-bad-published", {"d.jsonl": jsonl(
        {"doc_id": "a", "text": "t", "published": "2019-02-30"}, {"doc_id": "b", "text": "t", "published": "yesterday"},
        {"doc_id": "c", "text": "t", "published": "20191008"}, {"doc_id": "d", "text": "t", "published": "0001-01-01"},
        {"doc_id": "e", "text": "t", "published": "۲۰۱۹-۱۰-۰۸"}, {"doc_id": "f", "text": "t", "published": True})},
         err("d.jsonl:1", "not a YYYY-MM-DD date: '2019-02-30'"), err("d.jsonl:2", "not a YYYY-MM-DD date"),
         err("d.jsonl:3", "not a YYYY-MM-DD date"), err("d.jsonl:4", "outside 1900-01-01..2199-12-31"),
         err("d.jsonl:5", "not a YYYY-MM-DD date"), err("d.jsonl:6", "not a boolean")),
    case("jsonl-empty-published-is-missing", {"d.jsonl": jsonl({"doc_id": "a", "text": "t", "published": ""})},
         doc("a", "t")),
    case("jsonl-url-title-wrong-types", {"d.jsonl": jsonl({"doc_id": "a", "text": "t", "url": 5, "title": {}})},
         doc("a", "t", warning="'title' is an object, not a string: ignored")),
    case("jsonl-nul-in-text", {"d.jsonl": jsonl({"doc_id": "a", "text": "a\u0000b"})},
         err("d.jsonl:1", "NUL character at character 1")),
    case("jsonl-nul-in-doc-id", {"d.jsonl": jsonl({"doc_id": "a\u0000b", "text": "t"})},
         err("d.jsonl:1", "'doc_id' holds a NUL character")),
    case("jsonl-lone-surrogate-in-text", {"d.jsonl": b'{"doc_id": "a", "text": "x\\ud800y"}\n'},
         doc("a", "x\ufffdy", warning="1 lone surrogate(s)")),
    case("jsonl-lone-surrogate-in-doc-id", {"d.jsonl": b'{"doc_id": "\\udfff", "text": "t"}\n'},
         err("d.jsonl:1", "not valid Unicode")),
    case("jsonl-surrogate-pair-is-fine", {"d.jsonl": b'{"doc_id": "a", "text": "\\ud83d\\ude00"}\n'},
         doc("a", "\U0001F600")),
    case("jsonl-deeply-nested", {"d.jsonl": jsonl("[" * 100_000, {"doc_id": "a", "text": "t"})},
         err("d.jsonl:1", "nested too deeply"), doc("a", "t", line=2), max_chars=None),
    case("jsonl-huge-integer", {"d.jsonl": jsonl('{"doc_id": "a", "text": "t", "n": ' + "9" * 5000 + "}")},
         err("d.jsonl:1", "invalid JSON")),
    case("jsonl-nan", {"d.jsonl": jsonl('{"doc_id": "a", "text": NaN}')}, err("d.jsonl:1", "'text' is a number")),
    case("jsonl-blank-lines-skipped", {"d.jsonl": b"\n  \n" + jsonl({"doc_id": "a", "text": "t"}) + b"\r\n"},
         doc("a", "t", line=3)),
    case("jsonl-crlf", {"d.jsonl": b'{"doc_id": "a", "text": "t"}\r\n{"doc_id": "b", "text": "u"}\r\n'},
         doc("a", "t"), doc("b", "u", line=2)),
    case("jsonl-line-separator-inside-string", {"d.jsonl": jsonl({"doc_id": "a", "text": "x\u2028y\u0085z"})},
         doc("a", "x\u2028y\u0085z")),
    case("jsonl-bom", {"d.jsonl": codecs.BOM_UTF8 + jsonl({"doc_id": "a", "text": "\ufefft"})}, doc("a", "t")),
    case("jsonl-utf16", {"d.jsonl": '{"doc_id": "a", "text": "€"}\n{"doc_id": "b", "text": "t"}'.encode("utf-16")},
         doc("a", "€"), doc("b", "t", line=2)),
    case("jsonl-cp1252-line", {"d.jsonl": b'{"doc_id": "a", "text": "\x93t\x94"}\n{"doc_id": "b", "text": "t"}\n'},
         doc("a", "“t”", warning="Windows-1252"), doc("b", "t")),
    case("jsonl-no-final-newline", {"d.jsonl": b'{"doc_id": "a", "text": "t"}'}, doc("a", "t")),
    case("jsonl-line-over-limit", {"d.jsonl": jsonl({"doc_id": "a", "text": "x" * 70_000}, {"doc_id": "b", "text": "t"})},
         err("d.jsonl:1", "skipped"), doc("b", "t", line=2), max_chars=10),
    case("jsonl-text-over-max-chars", {"d.jsonl": jsonl({"doc_id": "a", "text": "x" * 11})},
         err("d.jsonl:1", "11 characters, more than the limit of 10"), max_chars=10),
    case("jsonl-binary-file", {"d.jsonl": bytes(range(256)) * 4}, err("d.jsonl:1", "invalid JSON"),
         err("d.jsonl:2", "invalid JSON"), err("d.jsonl:3", "invalid JSON"), err("d.jsonl:4", "invalid JSON"),
         err("d.jsonl:5", "invalid JSON")),
    case("jsonl-hostile-strings-kept", {"d.jsonl": jsonl(
        {"doc_id": "x'; DROP TABLE documents; --", "text": "Robert'); DROP TABLE records;--\n\"quoted\"\r\n"})},
         doc("x'; DROP TABLE documents; --", "Robert'); DROP TABLE records;--\n\"quoted\"\r\n")),
    # --- duplicates and files --------------------------------------------------------------
    case("duplicate-doc-id-in-jsonl", {"d.jsonl": jsonl({"doc_id": "a", "text": "1"}, {"doc_id": "a", "text": "2"})},
         doc("a", "1"), err("d.jsonl:2", "duplicate doc_id 'a': already read from")),
    case("duplicate-doc-id-across-files", {"a.txt": "1", "sub/a.txt": "2"},
         doc("a", "1"), err("sub/a.txt", "duplicate doc_id 'a'")),
    case("duplicates-allowed-when-asked", {"a.txt": "1", "sub/a.txt": "2"}, doc("a", "1"), doc("a", "2"),
         unique_ids=False),
    case("other-files-ignored-in-folders", {"notes.md": "x", "a.json": "{}", "a.txt": "t"}, doc("a", "t")),
    case("txt-folder-is-not-a-file", {"dir.txt/inner.md": "x"}),
]


@pytest.mark.parametrize("files,expected,options", CASES)
def test_reader(tmp_path, files, expected, options):
    got = read(tmp_path, files, **options)
    assert len(got) == len(expected), got
    for g, w in zip(got, expected):
        assert _matches(g, w), (g, w)


def test_every_error_names_its_file(tmp_path):
    files = {"a.txt": b"\x00", "b.jsonl": b"{\n", "c.txt": "x", "c.meta.json": "{"}
    read(tmp_path, files)
    errors = [item for item in iter_documents([tmp_path]) if isinstance(item, InputError)]
    assert [(Path(e.path).name, e.line) for e in errors] == [("a.txt", None), ("b.jsonl", 1), ("c.meta.json", None)]
    assert all(str(e).startswith(e.path) for e in errors)


def test_missing_and_unsupported_inputs(tmp_path):
    (tmp_path / "a.csv").write_text("x")
    got = list(iter_documents([tmp_path / "nope.txt", tmp_path / "a.csv", tmp_path / "nope"]))
    assert [e.message for e in got] == ["no such file or folder", "unsupported input (expected a folder, .txt, .jsonl or -)",
                                        "no such file or folder"]


def test_a_device_named_txt_is_not_read(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (item,) = iter_documents([link])
    assert isinstance(item, InputError) and item.message == "not a regular file"


def test_a_symlink_loop_in_a_folder_ends(tmp_path):
    (tmp_path / "a.txt").write_text("t")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(iter_documents([tmp_path]))
    assert [d.doc_id for d in items if not isinstance(d, InputError)] == ["a"]
    (loop,) = [e for e in items if isinstance(e, InputError)]  # reported, not passed over in silence
    assert "loop" in loop.message and loop.path.endswith("loop")


def test_a_file_name_that_is_not_utf8(tmp_path):
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text("t")
        (tmp_path / os.fsdecode(b"bad\xff.jsonl")).write_text("{")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    error, document = iter_documents([tmp_path])
    # the id is decoded as the content would be; every path can be printed and written as UTF-8
    assert document.doc_id == "café" and "file name not valid UTF-8" in document.warnings[0]
    assert document.source.endswith("caf\\xe9.txt")
    assert error.path.endswith("bad\\xff.jsonl") and error.line == 1
    json.dumps([str(error), document.source], ensure_ascii=False).encode("utf-8")


# --- stdin -------------------------------------------------------------------------------

STDIN_LINES = [json.dumps({"doc_id": "a", "text": "t"}), "{broken", json.dumps({"doc_id": "b", "text": "€"})]


@pytest.mark.parametrize("stream", [
    pytest.param(lambda data: io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), id="text-stream-with-buffer"),
    pytest.param(lambda data: io.BytesIO(data), id="binary-stream"),
    pytest.param(lambda data: io.StringIO(data.decode()), id="string-stream"),
    pytest.param(lambda data: data.decode().splitlines(), id="list-of-lines"),
])
def test_stdin(stream):
    data = "\n".join(STDIN_LINES).encode()
    got = list(iter_documents(["-"], stdin=stream(data)))
    assert [(type(i).__name__, getattr(i, "doc_id", None), i.line) for i in got] == [
        ("Document", "a", 1), ("InputError", None, 2), ("Document", "b", 3)]
    assert got[1].path == "<stdin>" and got[2].text == "€"


def test_stdin_in_another_encoding_is_read_by_its_bytes():
    # a terminal in Latin-1 would otherwise turn these bytes into an error for the whole stream
    data = b'{"doc_id": "a", "text": "caf\xe9"}\n'
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")
    (item,) = iter_documents(["-"], stdin=stream)
    assert item.text == "café" and "Windows-1252" in item.warnings[0]


def test_read_jsonl_accepts_text_lines_as_before():
    got = list(read_jsonl(['\ufeff{"doc_id": "a", "text": "t"}', "", "{"], "x.jsonl"))
    assert isinstance(got[0], Document) and got[0].doc_id == "a"
    assert isinstance(got[1], InputError) and got[1].line == 3


# --- scale ---------------------------------------------------------------------------------

def test_a_hundred_thousand_tiny_documents_stream(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for k in range(100_000):
            handle.write(json.dumps({"doc_id": f"d{k}", "text": f"${k} million"}) + "\n")
    count = 0
    for item in iter_documents([path]):
        assert isinstance(item, Document)
        count += 1
    assert count == 100_000 and item.doc_id == "d99999" and item.line == 100_000


def test_a_line_of_many_megabytes_is_skipped_as_it_streams(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"doc_id": "big", "text": "')
        handle.write(b"x" * (13 * DEFAULT_MAX_CHARS))
        handle.write(b'"}\n{"doc_id": "small", "text": "t"}\n')
    got = list(iter_documents([path]))
    assert isinstance(got[0], InputError) and got[0].line == 1 and "skipped" in got[0].message
    assert isinstance(got[1], Document) and got[1].doc_id == "small" and got[1].line == 2


def test_the_default_limit_refuses_a_twenty_megabyte_document(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"Iran exported $2 billion. " * 800_000)
    (item,) = iter_documents([tmp_path])
    assert isinstance(item, InputError) and "--max-chars" in item.message


def test_a_twenty_megabyte_document_is_read_when_allowed(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"Iran exported $2 billion. " * 800_000)
    (item,) = iter_documents([tmp_path], max_chars=25_000_000)
    assert isinstance(item, Document) and len(item.text) == 20_800_000


# --- values --------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2019-10-08", date(2019, 10, 8)), (" 2019-10-08\n", date(2019, 10, 8)), (None, None), ("", None),
    (date(2019, 10, 8), date(2019, 10, 8)), ("1900-01-01", date(1900, 1, 1)), ("2199-12-31", date(2199, 12, 31)),
])
def test_parse_published_accepts(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2019-10-8", "20191008", "2019-W41-2", "2019-10-08T10:00", "1899-12-31",
                                   "2200-01-01", date(1, 1, 1), date(9999, 12, 31), "١٩٩٩-٠١-٠١", 2019, 2019.5,
                                   ["2019-10-08"], "2019-13-01"])
def test_parse_published_refuses(value):
    with pytest.raises(InputError) as caught:
        parse_published(value, "f.jsonl", 4)
    assert str(caught.value).startswith("f.jsonl:4: ")


@pytest.mark.parametrize("data,text", [
    (b"plain", "plain"), (codecs.BOM_UTF8 + b"x", "x"), ("€".encode("utf-16"), "€"), ("€".encode("utf-32"), "€"), (b"\xff\xfe\x00\x00" + "€".encode("utf-32-le"), "€"),
])
def test_decode_bytes_by_byte_order_mark(data, text):
    assert decode_bytes(data)[0] == text


def test_decode_fallback_keeps_the_valid_utf8_around_a_bad_byte():
    text, warnings = decode_bytes("Tehran – ".encode() + b"\x96" + " ۱۳۹۸".encode())
    assert text == "Tehran – – ۱۳۹۸"
    assert warnings == ["not valid UTF-8: 1 byte(s), the first at byte 11, decoded as Windows-1252"]


# --------------------------------------------------------------------------- --published on the command line

@pytest.mark.parametrize("written, expected", [
    ("2019-10-08", date(2019, 10, 8)),
    ("8 October 2019", date(2019, 10, 8)),
    ("Oct. 8, 2019", date(2019, 10, 8)),
    ("October 8, 2019", date(2019, 10, 8)),
    ("20 March 2024", date(2024, 3, 20)),
])
def test_a_written_date_is_read_on_the_command_line(written, expected):
    from extractor.documents import parse_date_option

    assert parse_date_option(written) == expected


@pytest.mark.parametrize("written", ["October 2019", "8 October", "yesterday", "last week", "2019", "soon",
                                     "1 Farvardin 1398", "31 February 2019"])
def test_a_date_missing_a_part_or_relative_is_refused(written):
    from extractor.documents import parse_date_option

    with pytest.raises(InputError):
        parse_date_option(written)


def test_files_keep_the_contract_form_only():
    with pytest.raises(InputError):
        parse_published("8 October 2019")
