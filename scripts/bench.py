"""Time extraction of the seed plan against plain jieba segmentation.

    make bench
    .venv/bin/python scripts/bench.py --repeat 20 corpus/chongqing_jnjp_2022.txt

Start-up (importing spaCy, loading jieba's dictionary, building the pipeline)
is timed once; every other row is the mean and best of N runs after one
warm-up run, in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "chongqing_jnjp_2022.txt"


def time_runs(fn, repeat: int) -> list[float]:
    """Milliseconds for each of ``repeat`` calls of ``fn`` after one warm-up call."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(SEED), help="document to extract (default: the seed)")
    parser.add_argument("--repeat", "-n", type=int, default=10, help="timed runs per row (default 10)")
    args = parser.parse_args()

    t = time.perf_counter()
    from policykb import nlp
    from policykb.pipeline import extract_file
    from policykb.read import read_document

    nlp.get_nlp()
    startup = (time.perf_counter() - t) * 1000

    source = read_document(args.path)
    text = source.norm
    import jieba

    rows = [
        ("extract_file (read, structure, extract, mentions)", lambda: extract_file(args.path)),
        ("find_departments over the whole text", lambda: nlp.find_departments(text)),
        ("nlp.segment (jieba + department words)", lambda: nlp.segment(text)),
        ("nlp.segment_for_search", lambda: nlp.segment_for_search(text)),
        ("jieba.lcut, plain call", lambda: jieba.lcut(text)),
    ]
    print(f"{Path(args.path).name}: {len(text)} characters, {args.repeat} runs after a warm-up")
    print(f"{'start-up (import spaCy, load jieba, build pipeline)':52} {startup:9.1f} ms")
    print(f"{'':52} {'mean ms':>9} {'min ms':>9}")
    for name, fn in rows:
        try:
            runs = time_runs(fn, args.repeat)
        except Exception as exc:  # a stage under construction should not hide the other rows
            print(f"{name:52} failed: {type(exc).__name__}: {exc}")
            continue
        print(f"{name:52} {statistics.mean(runs):9.1f} {min(runs):9.1f}")


if __name__ == "__main__":
    main()
