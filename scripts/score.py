"""Score the parser on both routes users take: the text and the original PDF.

    make score            # both tables
    make score V=1        # with what each document missed

Every ``../shared/dev/NAME.gold.json`` is scored against the extraction of
``NAME.txt`` (the text route) and, where ``pdf/NAME.pdf`` exists, of that PDF
(the PDF route), with ``../shared/tools/score.py`` exactly as it stands.
Records are written to ``.score/text`` and ``.score/pdf``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "dev"


def extract_to(job: tuple[str, str]) -> str | None:
    """Extract one document into a JSON file; the error line if it fails."""
    from policykb.models import PolicyKBError
    from policykb.pipeline import extract_file

    source, out = job
    try:
        record = extract_file(source).to_dict()
    except PolicyKBError as e:
        return str(e)
    Path(out).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return None


def route_jobs(dev: Path, out: Path) -> dict[str, list[tuple[Path, Path, Path]]]:
    """(gold, source, prediction) for each route."""
    routes: dict[str, list] = {"text": [], "pdf": []}
    for gold in sorted(dev.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        routes["text"].append((gold, dev / f"{name}.txt", out / "text" / f"{name}.json"))
        if (dev / "pdf" / f"{name}.pdf").exists():
            routes["pdf"].append((gold, dev / "pdf" / f"{name}.pdf", out / "pdf" / f"{name}.json"))
    return routes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=REPO / ".score")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    routes = route_jobs(args.dev, args.out)
    jobs = [(str(src), str(pred)) for items in routes.values() for _, src, pred in items]
    for route in routes:
        gold_dir = args.out / route / "gold"
        gold_dir.mkdir(parents=True, exist_ok=True)
        for old in gold_dir.glob("*.gold.json"):
            old.unlink()
        for gold, _, _ in routes[route]:
            (gold_dir / gold.name).symlink_to(gold.resolve())
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        errors = [e for e in pool.map(extract_to, jobs) if e]
    for error in errors:
        print(f"score: {error}", file=sys.stderr)
    scorer = args.dev.parent / "tools" / "score.py"
    for route, items in routes.items():
        print(f"\n{route} route ({len(items)} documents)")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(scorer), "--dir", str(args.out / route / "gold"),
                        "--pred", str(args.out / route)] + (["-v"] if args.verbose else []), check=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
