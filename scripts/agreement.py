"""Inter-annotator agreement between two folders of gold files.

The first folder is the reference and the second is scored against it with
the project's own scorer, so the figures read like those of ``evaluate``:
headline F1 per field and the title and amount accuracies, over the
documents both folders hold. ``--errors`` lists every disagreement with its
context, to be settled from the record contract. Usage:

    python scripts/agreement.py GOLD_A GOLD_B CORPUS [--errors]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor.documents import iter_documents
from extractor.gold import load_gold_dir
from extractor.report import format_errors, headline_lines
from extractor.scorer import score_corpus


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_a", type=Path, help="reference annotation")
    parser.add_argument("gold_b", type=Path, help="second annotation, scored against the first")
    parser.add_argument("corpus", type=Path, help="folder of the documents (for --errors context)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    first, second = load_gold_dir(args.gold_a), load_gold_dir(args.gold_b)
    shared = sorted(set(first) & set(second))
    if not shared:
        print("no document is annotated in both folders", file=sys.stderr)
        return 2
    scores, documents = score_corpus((first[doc_id].record, second[doc_id].record) for doc_id in shared)
    print(f"agreement over {len(shared)} documents ({args.gold_b} against {args.gold_a})")
    print("\n".join(headline_lines(scores)))
    for field, attribute in (("officials", "title"), ("officials", "organization"), ("destinations", "amount")):
        accuracy = scores.fields[field].attributes[attribute]
        value = "n/a" if accuracy.value is None else f"{accuracy.value:.3f}"
        print(f"  {field + '.' + attribute + ' accuracy':<36}{value}   ({accuracy.correct}/{accuracy.total} matched)")
    if args.errors:
        texts = {doc.doc_id: doc.text for doc in iter_documents([str(args.corpus)]) if doc.doc_id in set(shared)}
        print(format_errors(documents, texts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
