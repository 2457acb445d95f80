"""Score the dev and held-out splits of corpus/ separately.

The split of each article is the "split" key of its .meta.json ("dev",
"heldout" for the set held out since the first round, "heldout-2" for the
set added unseen in the fourth; the seeds have none and count as dev).
Without split names, every split found is scored. ``--gold-dir DIR`` scores
against another folder of gold files (for instance a branch's corrected gold);
``--min-f1 SPEC`` gates each named split as ``evaluate --min-f1`` does (CI gates
the dev split only: the held-out splits are a forecast, reported, never gated).
Usage:

    python scripts/evaluate_splits.py [--errors] [--gold-dir DIR] [--min-f1 SPEC] [dev|heldout|...|heldout-5 ...]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def split_of(meta: Path) -> str:
    return json.loads(meta.read_text(encoding="utf-8")).get("split", "dev")


def main(argv: list[str]) -> int:
    gold_dir = ROOT / "gold"
    if "--gold-dir" in argv:
        i = argv.index("--gold-dir")
        gold_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    gate = []
    if "--min-f1" in argv:  # passed on to evaluate: the quality gate of each split named
        i = argv.index("--min-f1")
        gate = ["--min-f1", argv[i + 1]]
        argv = argv[:i] + argv[i + 2:]
    extra = [a for a in argv if a.startswith("--")] + gate
    found = sorted({split_of(meta) for meta in (ROOT / "corpus").glob("*.meta.json")},
                   key=lambda s: (s != "dev", s))
    wanted = [a for a in argv if not a.startswith("--")] or found
    status = 0
    for split in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            gold, corpus = Path(tmp, "gold"), Path(tmp, "corpus")
            gold.mkdir()
            corpus.mkdir()
            for meta in sorted((ROOT / "corpus").glob("*.meta.json")):
                stem = meta.name[: -len(".meta.json")]
                if split_of(meta) != split or not (gold_dir / f"{stem}.json").exists():
                    continue
                shutil.copy(gold_dir / f"{stem}.json", gold)
                shutil.copy(meta, corpus)
                shutil.copy(ROOT / "corpus" / f"{stem}.txt", corpus)
            print(f"### split: {split}", flush=True)
            result = subprocess.run([sys.executable, "-m", "extractor", "evaluate", "--gold", str(gold),
                                     str(corpus), *extra])
            status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
