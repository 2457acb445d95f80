"""Benchmark: the extractor against the bare spaCy tokenizer, and its memory as the corpus grows.

    .venv/bin/python scripts/bench.py                    # 1,000 and 20,000 documents
    .venv/bin/python scripts/bench.py --sizes 500 --profile 20

Builds corpora of N documents from corpus/ (the articles repeated under new
doc_ids) and reports, side by side:

* in this process, each article seen once after a warm-up on other texts (the
  tokenizer caches what it has seen: repeating the same texts would flatter
  it): documents and tokens per second of the bare ``spacy.blank("en")``
  tokenizer and of the full pipeline (tokenizer, components, record with every
  offset checked), their ratio (the goal is at most 2), and the cost of each
  component in the same pass; then ``find_periods`` of this branch against the
  one of round 4 (``git show 5229f12:extractor/timex.py``, the last commit of round 4), side by side;
* end to end, ``extractor extract CORPUS.jsonl --out ...`` with one worker
  and with ``--workers 2``: wall time (start-up included), documents per
  second and the peak memory (RSS of the process and its workers), at every
  size (the goal: memory does not grow with N).

``--profile K`` adds the K functions where the full pipeline spends most of
its own time (cProfile).  This is a measurement, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def base_documents() -> list:
    from extractor.documents import Document, iter_documents

    documents = [d for d in iter_documents([ROOT / "corpus"]) if isinstance(d, Document)]
    if not documents:
        sys.exit("corpus/ holds no articles")
    return sorted(documents, key=lambda d: d.doc_id)


def write_corpus(base: list, size: int, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(size):
            document = base[number % len(base)]
            handle.write(json.dumps({"doc_id": f"{document.doc_id}~{number}", "text": document.text,
                                     "published": document.published.isoformat() if document.published else None})
                         + "\n")


def other_texts(base: list) -> list:
    """Warm-up texts that are not the measured articles: each article with its sentences in
    reverse order and its digits rotated.  The vocabulary is the genre's (a real stream
    has it warm), but no measured text has been seen whole."""
    rotate = str.maketrans("0123456789", "3456789012")
    out = []
    for d in base:
        sentences = [s for s in d.text.replace("\n", " \n ").split(". ") if s]
        out.append(". ".join(reversed(sentences)).translate(rotate))
    return out


#: the last commit of round 4: its periods component is the baseline of the grammar's speed budget
ROUND4 = "5229f12"


def round4_periods():
    """find_periods of round 4 (extractor/timex.py at ROUND4), loaded beside the new one, or None."""
    import importlib.util
    import types

    try:
        source = subprocess.run(["git", "show", f"{ROUND4}:extractor/timex.py"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    if "def _find_candidates" not in source:  # not round 4's implementation
        return None
    module = types.ModuleType("extractor._timex_round4")
    module.__package__ = "extractor"
    sys.modules[module.__name__] = module
    exec(compile(source, f"{ROUND4}:extractor/timex.py", "exec"), module.__dict__)  # noqa: S102 - our own code
    return module.find_periods


def forget_memos() -> None:
    """Empty the grammar's memos of words and constituents (see ``extractor.time_grammar``)."""
    from extractor import time_grammar

    time_grammar.forget_memos()


def in_process(base: list, rounds: int) -> dict:
    """Per article, each seen once: the bare tokenizer, the pipeline and each component.

    spaCy's tokenizer caches what it has seen, so timing it on the same texts again and
    again flatters it.  Both the bare tokenizer and the pipeline are first warmed on other
    texts (``other_texts``), then each sees every article exactly once; per-component
    costs come from the same single pass.  The periods component of round 4 (ROUND4) is
    timed on the same articles for comparison.
    """
    import spacy

    from extractor.api import load_pipeline
    from extractor.extract import doc_to_record, make_doc

    warm = other_texts(base)
    blank = spacy.blank("en")
    nlp = load_pipeline()
    for text in warm:
        blank(text)
        doc = make_doc(nlp, text, None, "warm")
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    tokens = sum(len(blank.make_doc(t)) for t in warm)  # counts, on the warm-up texts (same lengths)

    start = time.perf_counter()
    for d in base:
        blank(d.text)
    bare = time.perf_counter() - start

    costs = {"make_doc (tokenizer)": 0.0}
    costs.update({name: 0.0 for name, _ in nlp.pipeline})
    costs["record"] = 0.0
    start = time.perf_counter()
    for d in base:
        t0 = time.perf_counter()
        doc = make_doc(nlp, d.text, d.published, d.doc_id)
        t1 = time.perf_counter()
        costs["make_doc (tokenizer)"] += t1 - t0
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            t2 = time.perf_counter()
            costs[name] += t2 - t1
            t1 = t2
        doc_to_record(doc)
        costs["record"] += time.perf_counter() - t1
    full = time.perf_counter() - start

    from extractor.timex import find_periods

    old = round4_periods()
    implementations = [(label, function) for label, function in
                       (("grammar (this branch)", find_periods), (f"round 4 ({ROUND4})", old)) if function]
    periods = {label: float("inf") for label, _ in implementations}
    for _ in range(max(1, rounds)):
        for label, function in implementations:  # interleaved, so that both see the same machine
            # the grammar memoises words and small constituents (never texts): each round
            # forgets them, learns the genre's vocabulary from the other texts, then sees
            # every article once, so no round is flattered by the rounds before it
            forget_memos()
            for text in warm:
                function(text, None)
            start = time.perf_counter()
            for d in base:
                function(d.text, d.published)
            periods[label] = min(periods[label], time.perf_counter() - start)
    return {"documents": len(base), "tokens": tokens, "bare_seconds": bare, "full_seconds": full,
            "components": costs, "periods": periods, "failed": []}


class PeakMemory:
    """Peak RSS of a process and its children, sampled every 20 ms."""

    def __init__(self, pid: int):
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                processes = [self.process] + self.process.children(recursive=True)
                total = 0
                for process in processes:
                    try:
                        total += process.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            time.sleep(0.02)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def end_to_end(corpus: Path, workers: int, out: Path) -> dict:
    command = [str(Path(sys.executable)), "-m", "extractor", "extract", str(corpus), "--out", str(out), "--quiet"]
    if workers > 1:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode not in (0, 1):
        sys.exit(f"extractor failed ({process.returncode}): {err}")
    written = out.read_bytes().count(b"\n")
    return {"seconds": seconds, "written": written, "peak_rss_mb": peak / 2 ** 20}


def profile(base: list, rounds: int, top: int) -> str:
    from extractor.batch import extract_documents

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        extract_documents(base)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return stream.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,20000", help="corpus sizes, comma-separated (default 1000,20000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the parallel run (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over corpus/ for the periods comparison")
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="print the K hottest functions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    base = base_documents()
    speed = in_process(base, args.rounds)
    per_doc = speed["tokens"] / speed["documents"]
    bare_dps = speed["documents"] / speed["bare_seconds"]
    full_dps = speed["documents"] / speed["full_seconds"]
    ratio = speed["full_seconds"] / speed["bare_seconds"]

    runs = []
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            write_corpus(base, size, corpus)
            for workers in (1, args.workers):
                result = end_to_end(corpus, workers, Path(tmp) / f"out-{size}-{workers}.jsonl")
                runs.append({"documents": size, "workers": workers, **result})
                print(f"  ... {size} documents, {workers} worker(s): {result['seconds']:.1f} s", file=sys.stderr)

    print(f"## extractor benchmark ({len(base)} articles of corpus/, {per_doc:.0f} tokens each on average; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]})\n")
    n = speed["documents"]
    print("In process, each article seen once after a warm-up on other texts:\n")
    print("| | documents/s | tokens/s | time vs bare tokenizer |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| bare `spacy.blank(\"en\")` tokenizer | {bare_dps:,.0f} | {bare_dps * per_doc:,.0f} | 1.0x |")
    print(f"| full pipeline, 1 worker | {full_dps:,.0f} | {full_dps * per_doc:,.0f} | {ratio:.1f}x |")
    print(f"\nGoal: full pipeline at most 2.0x the bare tokenizer: "
          f"{'met' if ratio <= 2 else 'NOT met'} ({ratio:.1f}x).\n")
    print("Per component, the same single pass (ms per article):\n")
    print("| step | ms/article | vs bare tokenizer |")
    print("| --- | ---: | ---: |")
    print(f"| bare tokenizer | {speed['bare_seconds'] / n * 1000:.3f} | 1.0x |")
    for name, seconds in speed["components"].items():
        print(f"| {name} | {seconds / n * 1000:.3f} | {seconds / speed['bare_seconds']:.1f}x |")
    if speed["periods"]:
        print("\nPeriods, `find_periods` alone, best of the rounds (ms per article):\n")
        print("| implementation | ms/article |")
        print("| --- | ---: |")
        for label, seconds in speed["periods"].items():
            print(f"| {label} | {seconds / n * 1000:.3f} |")
        if len(speed["periods"]) == 2:
            new, old = speed["periods"].values()
            print(f"\nThe grammar costs {new / old:.2f} of round 4's periods per article "
                  f"(budget: at most 0.33).\n")
    print("End to end, `extractor extract CORPUS.jsonl --out FILE` (start-up included):\n")
    print("| documents | workers | seconds | documents/s | tokens/s | peak memory (MB, all processes) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        dps = run["written"] / run["seconds"]
        print(f"| {run['documents']:,} | {run['workers']} | {run['seconds']:.1f} | {dps:,.0f} | {dps * per_doc:,.0f} "
              f"| {run['peak_rss_mb']:.0f} |")
    if len(sizes) > 1:
        for workers in (1, args.workers):
            peaks = [r["peak_rss_mb"] for r in runs if r["workers"] == workers]
            print(f"\nMemory with {workers} worker(s) from {sizes[0]:,} to {sizes[-1]:,} documents: "
                  f"{peaks[0]:.0f} -> {peaks[-1]:.0f} MB ({peaks[-1] - peaks[0]:+.0f} MB).", end="")
        print()
    if speed["failed"]:
        print(f"\n{len(speed['failed'])} document(s) failed in the in-process run: {speed['failed'][:5]}")
    if args.json:
        print(json.dumps({"in_process": {k: v for k, v in speed.items() if k != "failed"},
                          "bare_docs_per_s": bare_dps, "full_docs_per_s": full_dps, "ratio": ratio,
                          "end_to_end": runs}, indent=2))
    if args.profile:
        print("\n## profile of the full pipeline (cProfile)\n")
        print("```text")
        print(profile(base, max(1, args.rounds // 2), args.profile))
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
