"""Build N real-shaped plans and plain jieba over the same files, in one run.

    make bench                  # 1,000 plans
    make bench BENCH_N=100      # a quick run
    .venv/bin/python scripts/bench.py --plans 300 --jobs 2

Prints the first build / plain jieba ratio (both wall clock; jieba in one
process, as ``jieba.lcut`` of every file), the no-op rebuild / first build
ratio, the time to rebuild with one plan changed, peak memory of the build
(the sum over its processes of the proportional set size, and of the
resident set size), the database size / text size with the largest
tables and indexes (``dbstat``), and the staff pages served from the built
database: p50/p95 of each, sequentially and at concurrency 8, against
``/-/versions.json``, with the errors counted (``--no-pages`` skips them).
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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


def table_sizes(db: Path, top: int = 12) -> list[tuple[str, int]]:
    """The largest tables and indexes of ``db`` (bytes, from ``dbstat``)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select name, sum(pgsize) from dbstat group by name order by 2 desc limit ?",
                            [top]).fetchall()
    finally:
        conn.close()


def staff_pages(db: Path, department: str | None = None, jurisdiction: str | None = None,
                search: str | None = None) -> list[tuple[str, str]]:
    """(name, path) of the pages staff use, for the database ``db``: by
    default the department most tasks are assigned to (bare, and in the
    jurisdiction where it has most) and the two-character word most tasks hold."""
    name = db.stem
    conn = sqlite3.connect(db)
    try:
        plan = conn.execute("select key from documents order by key limit 1").fetchone()[0]
        department = department or conn.execute(
            "select d.name from assignments a join departments d on d.key = a.department "
            "group by d.name order by count(*) desc limit 1").fetchone()[0]
        jurisdiction = jurisdiction or conn.execute(
            "select d.jurisdiction from assignments a join departments d on d.key = a.department "
            "where d.name = ? group by d.jurisdiction order by count(*) desc limit 1", [department]).fetchone()[0]
        conn.execute("create virtual table temp.words using fts5vocab(main, tasks_fts, row)")
        search = search or conn.execute(
            "select term from temp.words where length(term) = 2 order by doc desc limit 1").fetchone()[0]
    finally:
        conn.close()
    q, dept, where = urllib.parse.quote, department, jurisdiction
    return [
        ("versions.json", "/-/versions.json"),
        ("tasks table", f"/{name}/tasks"),
        ("search page", f"/-/search?q={q(search)}"),
        ("department", f"/-/departments/{q(dept)}"),
        ("department+jurisdiction", f"/-/departments/{q(where)}/{q(dept)}"),
        ("targets table", f"/{name}/targets"),
        ("q department_tasks", f"/{name}/department_tasks?department={q(dept)}"),
        ("q department_workload", f"/{name}/department_workload"),
        ("q targets_due_by", f"/{name}/targets_due_by?year=2025"),
        ("q percent_targets", f"/{name}/percent_targets"),
        ("q document_outline", f"/{name}/document_outline?document={q(plan)}"),
        ("q search_tasks", f"/{name}/search_tasks?q={q(search)}"),
    ]


def fetch(url: str) -> tuple[float, bool]:
    """Seconds to read ``url`` whole, and whether it answered 200."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    return time.perf_counter() - start, ok


def timings(url: str, requests: int, concurrency: int) -> tuple[float, float, int]:
    """p50 and p95 (ms) of ``requests`` reads of ``url``, ``concurrency`` at a time, and the errors."""
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(fetch, [url] * requests))
    seconds = sorted(t for t, _ in results)
    p95 = seconds[min(len(seconds) - 1, int(round(0.95 * (len(seconds) - 1))))]
    return statistics.median(seconds) * 1000, p95 * 1000, sum(not ok for _, ok in results)


def bench_pages(db: Path, requests: int = 20, **choice) -> None:
    """Serve ``db`` on a free loopback port and print each staff page's timings."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    serve = subprocess.Popen([str(ROOT / ".venv" / "bin" / "policykb"), "serve", "--db", str(db), "--no-build",
                              "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to a minute for the site to answer
            if fetch(base + "/-/versions.json")[1]:
                break
            time.sleep(0.1)
        else:
            sys.exit(f"the site of {db} did not answer on {base}")
        ref = None
        pages = staff_pages(db, **choice)
        print("pages: " + ", ".join(urllib.parse.unquote(path) for _, path in pages[1:5]))
        print(f"{'page (ms)':26} {'p50':>7} {'p95':>7} {'x ver':>6} {'p50@8':>7} {'p95@8':>7} {'x ver':>6} {'errors':>6}")
        for name, path in pages:
            fetch(base + path)  # warm
            p50, p95, err1 = timings(base + path, requests, 1)
            c50, c95, err8 = timings(base + path, requests * 2, 8)
            ref = ref or (p95, c95)
            print(f"{name:26} {p50:7.0f} {p95:7.0f} {p95 / ref[0]:6.1f} {c50:7.0f} {c95:7.0f} "
                  f"{c95 / ref[1]:6.1f} {err1 + err8:5d}")
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", "-n", type=int, default=int(os.environ.get("BENCH_N", 1000)))
    parser.add_argument("--jobs", "-j", type=int, default=None, help="build workers (default: every core)")
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--no-pages", dest="pages", action="store_false", help="do not time the staff pages")
    parser.add_argument("--pages-only", default=None, metavar="DB", help="only time the staff pages of DB")
    parser.add_argument("--department", default=None, help="the department of the department pages")
    parser.add_argument("--jurisdiction", default=None, help="its jurisdiction (the second department page)")
    parser.add_argument("--search", default=None, help="the words searched")
    args = parser.parse_args()
    choice = dict(department=args.department, jurisdiction=args.jurisdiction, search=args.search)
    if args.pages_only:
        return bench_pages(Path(args.pages_only).resolve(), **choice)
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
    print("largest tables and indexes       " + ", ".join(f"{n} {b / 1e6:.1f}" for n, b in table_sizes(db)) + " (MB)")
    if args.pages:
        bench_pages(db, **choice)


if __name__ == "__main__":
    main()
