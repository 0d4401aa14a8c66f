"""Build N real-shaped plans and plain jieba over the same files, in one run.

    make bench                  # 1,000 plans
    make bench BENCH_N=100      # a quick run
    .venv/bin/python scripts/bench.py --plans 300 --jobs 2

Prints the first build / plain jieba ratio (both wall clock; jieba in one
process, as ``jieba.lcut`` of every file), the no-op rebuild / first build
ratio, the time to rebuild with one plan changed, peak memory of the build
(the sum over its processes of the proportional set size, and of the
resident set size) and the database size / text size.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make_corpus.py"
JIEBA = ("import sys, jieba\njieba.initialize()\n"
         "for p in sys.argv[1:]:\n    jieba.lcut(open(p, encoding='utf-8').read())\n")


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid] + [p for child in children for p in _tree(int(child))]


def _field(pid: int, name: str, file: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str]) -> dict:
    """Run ``command``: wall seconds, CPU seconds, peak PSS and RSS (MB, summed over its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    pss = rss = 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        pss = max(pss, sum(_field(p, "Pss:", "smaps_rollup") for p in pids))
        rss = max(rss, sum(_field(p, "VmRSS:", "status") for p in pids))
        time.sleep(0.1)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    err = proc.stderr.read()
    if proc.returncode:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{err}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "pss": pss / 1024, "rss": rss / 1024, "stderr": err}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", "-n", type=int, default=int(os.environ.get("BENCH_N", 1000)))
    parser.add_argument("--jobs", "-j", type=int, default=None, help="build workers (default: every core)")
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="policykb-bench-"))
    plans, db = work / "plans", work / "bench.db"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(args.plans), str(plans)], check=True,
                   stdout=subprocess.DEVNULL)
    files = sorted(plans.glob("*.txt"))
    text_bytes = sum(p.stat().st_size for p in files)
    build = [str(ROOT / ".venv" / "bin" / "policykb"), "build", str(plans), "--db", str(db),
             "--extracted", str(work / "extracted"), "--no-progress", *(["--jobs", str(args.jobs)] if args.jobs else [])]
    jieba = measure([sys.executable, "-c", JIEBA, *map(str, files)])
    first = measure(build)
    noop = measure(build)
    with files[len(files) // 2].open("a", encoding="utf-8") as handle:
        handle.write("\n")
        handle.write(files[0].read_text(encoding="utf-8").splitlines()[-1] + "\n")
    one = measure(build)
    size = db.stat().st_size
    print(f"{args.plans} plans, {text_bytes / 1e6:.1f} MB of text, {os.cpu_count()} cores; work in {work}")
    rows = [("plain jieba.lcut, one process", jieba), ("first build", first), ("no-op rebuild", noop),
            ("one plan changed, rebuild", one)]
    print(f"{'':32} {'wall s':>8} {'cpu s':>8} {'PSS MB':>8} {'RSS MB':>8}")
    for name, m in rows:
        print(f"{name:32} {m['wall']:8.1f} {m['cpu']:8.1f} {m['pss']:8.0f} {m['rss']:8.0f}")
    print(f"build / plain jieba (wall)       {first['wall'] / jieba['wall']:.2f}   (cpu {first['cpu'] / jieba['cpu']:.2f})")
    print(f"no-op rebuild / first build      {noop['wall'] / first['wall']:.3f}")
    print(f"one changed, rebuild             {one['wall']:.1f} s")
    print(f"peak memory of the build         {first['pss']:.0f} MB PSS, {first['rss']:.0f} MB RSS summed")
    print(f"database / text                  {size / 1e6:.1f} MB / {text_bytes / 1e6:.1f} MB = {size / text_bytes:.1f}x")


if __name__ == "__main__":
    main()
