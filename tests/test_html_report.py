"""``evaluate --html PAGE``: one self-contained page with the scores, every error, and each
document's text with gold and predicted spans and their values; rendered in headless
Chromium, whose screenshot must show the page and its highlights."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor import extract
from extractor.cli import main
from extractor.html_report import COLOURS

# Our own phrases: one document the extractor gets right, one where the gold disagrees.
TEXTS = {
    "right": "Iraq bought $5 million worth of Iranian carpets in 1398, IRNA reported.",
    "wrong": "Exports to Oman rose to $7 million in the first half of 1398, the Trade Promotion "
             "Organization (TPO) said. Syria's share was small.",
}
PUBLISHED = "2020-01-05"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("html")
    corpus, gold = root / "corpus", root / "gold"
    corpus.mkdir()
    gold.mkdir()
    for doc_id, text in TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{doc_id}.meta.json").write_text(json.dumps({"published": PUBLISHED}), encoding="utf-8")
        record = extract(text, published=PUBLISHED, doc_id=doc_id).to_json_dict()
        if doc_id == "wrong":
            record["money"][0]["amount"] = 8000000                       # a wrong value
            record["organizations"] = [o for o in record["organizations"] if o["acronym"] != "TPO"]  # an FP
            start = text.index("Syria")
            record["destinations"].append({"country": "Syria", "iso2": "SY", "amount": None, "currency": None,
                                           "mentions": [{"start": start, "end": start + 5, "text": "Syria"}]})  # FN
        (gold / f"{doc_id}.json").write_text(json.dumps(record, default=str), encoding="utf-8")
    page = root / "report" / "page.html"
    assert main(["evaluate", "--gold", str(gold), str(corpus), "--html", str(page)]) == 0
    return root, corpus, gold, page


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.open = [], [], []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: Path) -> _Tags:
    parser = _Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_page_is_self_contained(project):
    *_, page = project
    parsed = _parse(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    for name, value in parsed.attributes:
        if name in ("src", "href"):
            assert value.startswith("#"), (name, value)
    assert "url(" not in page.read_text(encoding="utf-8")


def test_the_page_holds_the_scores(project, capsys):
    _, corpus, gold, page = project
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(gold), str(corpus), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    text = html.unescape(" ".join(_parse(page).text))
    for field in ("money", "periods"):
        assert f"{scores[field]['value']['f1']:.3f}" in text
    for field in ("organizations", "officials", "destinations"):
        assert f"{scores[field]['entity']['f1']:.3f}" in text
    assert f"{scores['overall']['f1']:.3f}" in text
    assert scores["money"]["value"]["f1"] < 1 and scores["organizations"]["entity"]["f1"] < 1  # errors to show


def test_the_page_lists_every_error(project, capsys):
    _, corpus, gold, page = project
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(gold), str(corpus), "--errors", "--color", "never"]) == 0
    listed = capsys.readouterr().out.split(" document(s) scored against")[0]  # the errors, before the table
    errors = [line.strip() for line in listed.splitlines() if line.startswith("    ") and line.strip()]
    assert len(errors) >= 5
    text = html.unescape(page.read_text(encoding="utf-8"))
    for line in errors:
        assert line in text, line
    assert "Errors: 3 in 1 of 2 document(s)" in text


def _marks(page: Path, side: str) -> dict:
    """``label -> colour`` of the marks on one side (gold or pred) of every document."""
    found = {}
    markup = page.read_text(encoding="utf-8")
    for block in markup.split(f"<div class='side {side}'>")[1:]:
        block = block.split("<div class='side ")[0]
        for colour, label in re.findall(r'<mark class="entity" style="background: (#[0-9a-f]{6});[^>]*>.*?'
                                        r'<span[^>]*>([^<]+)</span>\s*</mark>', block, re.S):
            found.setdefault(" ".join(html.unescape(label).split()), colour)
    return found


def test_mentions_show_their_values_and_whether_they_agree(project):
    *_, page = project
    gold, pred = _marks(page, "gold"), _marks(page, "pred")
    right, wrong = lambda side: COLOURS[(side, False)], lambda side: COLOURS[(side, True)]
    assert gold["MONEY 5,000,000 USD"] == right("GOLD") and pred["MONEY 5,000,000 USD"] == right("PRED")
    assert gold["MONEY 8,000,000 USD"] == wrong("GOLD") and pred["MONEY 7,000,000 USD"] == wrong("PRED")
    assert pred["ORG Trade Promotion Organization (TPO)"] == wrong("PRED")
    assert "ORG Trade Promotion Organization (TPO)" not in gold
    assert gold["DEST SY"] == wrong("GOLD") and "DEST SY" not in pred
    assert gold["PERIOD 2019-03-21..2019-09-22"] == right("GOLD")
    assert pred["DEST IQ 5,000,000 USD"] == right("PRED")
    text = page.read_text(encoding="utf-8")
    assert text.count("Iranian carpets") == 2   # each document's text, once per side


def test_an_unwritable_page_is_refused_before_any_work(project, capsys):
    root, corpus, gold, _ = project
    blocker = root / "file"
    blocker.write_text("x")
    assert main(["evaluate", "--gold", str(gold), str(corpus), "--html", str(blocker / "page.html")]) == 2
    assert "error: cannot create the folder" in capsys.readouterr().err


# --------------------------------------------------------------------------- a real browser

def _chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    message = "Chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)"
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def _hex(colour: str) -> tuple:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_chromium_renders_the_page_with_its_highlights(project, tmp_path):
    chromium = _chromium()
    *_, page = project
    shot = tmp_path / "page.png"
    profile = tmp_path / "profile"
    profile.mkdir()
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--hide-scrollbars", "--window-size=1280,1600",
               f"--screenshot={shot}", page.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert shot.exists() and shot.stat().st_size > 0, result.stderr[-2000:]
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (1280, 1600)
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24)
    total = sum(n for n, _ in counts)
    background_count, background = max(counts)
    assert background == (255, 255, 255)
    assert 1 - background_count / total > 0.02, "the screenshot is blank"
    assert len(counts) > 50

    def near(a, b):
        return all(abs(x - y) <= 8 for x, y in zip(a, b))

    for key in (("GOLD", False), ("PRED", False), ("PRED", True)):   # highlights drawn, not just text
        assert sum(n for n, p in counts if near(p, _hex(COLOURS[key]))) > 100, key
