"""The golden manifest: what the parser gives on every development document.

    make golden                 # check against tests/golden/manifest.json
    make golden-write           # accept the current extraction as the reference
    .venv/bin/python scripts/golden.py check --show 20

Every ``../shared/dev/*.txt`` and ``../shared/dev/pdf/*.pdf`` is extracted
and each part of its record (the document fields, every section, task and
target) is hashed. The manifest holds only hashes, so no document text enters
the repository. ``write`` also keeps the full records in ``.golden/`` (ignored
by git) so that ``check`` can show what a changed record was and is now.

``check`` exits 1 and names each changed record: a restructuring must leave
the manifest as it is; a change to the grammar must change exactly the
records it means to.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "dev"
MANIFEST = REPO / "tests" / "golden" / "manifest.json"
RECORDS = REPO / ".golden"

#: the fields of an item that only say where it stands in the list, not what it is
POSITIONAL = ("id", "section_id", "parent_id")


def dev_documents(dev: Path) -> list[Path]:
    """Every text and PDF development document, text first, in name order."""
    return sorted(dev.glob("*.txt")) + sorted((dev / "pdf").glob("*.pdf"))


def document_key(path: Path, dev: Path) -> str:
    """``anhui_jnjp_2022.txt`` or ``pdf/anhui_jnjp_2022.pdf``."""
    return path.relative_to(dev).as_posix()


def digest(value) -> str:
    """A short, stable hash of a JSON value.

    >>> digest({"b": 1, "a": [1, 2]}) == digest({"a": [1, 2], "b": 1})
    True
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def item_name(kind: str, item: dict, index: int) -> str:
    """How a changed item is named in a report: its path and, for targets, its index."""
    path = item.get("path", "")
    return f"{kind}[{index}] {path}".rstrip()


def manifest_entry(record: dict) -> dict:
    """The hashes of one record: the whole, the document fields, each item."""
    entry = {"record": digest(record), "document": digest(record.get("document")),
             "text": digest(record.get("text"))}
    for kind in ("sections", "tasks", "targets"):
        entry[kind] = [digest(item) for item in record.get(kind, [])]
    return entry


def extract_one(path_str: str) -> tuple[str, dict]:
    """(path, record as JSON) or (path, {"error": ...}) for one document."""
    from policykb.models import PolicyKBError
    from policykb.pipeline import extract_file

    try:
        record = extract_file(path_str).to_dict()
    except PolicyKBError as e:
        record = {"error": str(e)}
    return path_str, json.loads(json.dumps(record, ensure_ascii=False))


def extract_all(paths: list[Path], jobs: int) -> dict[Path, dict]:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return {Path(p): rec for p, rec in pool.map(extract_one, map(str, paths))}


def describe_changes(name: str, old: dict, new: dict, old_record: dict | None, new_record: dict,
                     show: int) -> list[str]:
    """Lines naming what changed in one document, with the records where known."""
    lines = []
    if old.get("error") or new_record.get("error"):
        return [f"{name}: error {old.get('error')!r} -> {new_record.get('error')!r}"]
    if old["document"] != new["document"]:
        lines.append(f"{name}: document fields changed")
        if old_record:
            lines.append(f"    was {json.dumps(old_record['document'], ensure_ascii=False)}")
            lines.append(f"    now {json.dumps(new_record['document'], ensure_ascii=False)}")
    if old["text"] != new["text"]:
        lines.append(f"{name}: text changed")
    for kind in ("sections", "tasks", "targets"):
        before, after = old[kind], new[kind]
        if before == after:
            continue
        gone = [i for i, h in enumerate(before) if h not in set(after)]
        came = [i for i, h in enumerate(after) if h not in set(before)]
        lines.append(f"{name}: {kind} {len(before)} -> {len(after)}, {len(gone)} changed or removed, "
                     f"{len(came)} changed or added")
        shown = 0
        for i in gone:
            if shown >= show:
                break
            item = old_record[kind][i] if old_record else {}
            lines.append(f"    - {item_name(kind, item, i)} {compact(item)}")
            shown += 1
        for i in came:
            if shown >= 2 * show:
                break
            lines.append(f"    + {item_name(kind, new_record[kind][i], i)} {compact(new_record[kind][i])}")
            shown += 1
    return lines


def compact(item: dict) -> str:
    """An item without its long text fields, for a one-line report."""
    short = {k: v for k, v in item.items() if k not in ("text",) + POSITIONAL}
    return json.dumps(short, ensure_ascii=False)[:400]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["check", "write"])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=5, help="changed items shown per document and kind")
    parser.add_argument("only", nargs="*", help="document keys to check (default: all)")
    args = parser.parse_args(argv)

    if not args.dev.is_dir():
        print(f"golden: {args.dev} is absent", file=sys.stderr)
        return 2
    paths = dev_documents(args.dev)
    if args.only:
        paths = [p for p in paths if document_key(p, args.dev) in args.only or p.name in args.only]
    records = extract_all(paths, args.jobs)
    entries = {document_key(p, args.dev): manifest_entry(records[p]) if "error" not in records[p]
               else {"error": records[p]["error"]} for p in paths}

    if args.action == "write":
        manifest = json.loads(args.manifest.read_text()) if args.only and args.manifest.exists() else {}
        manifest.update(entries)
        args.manifest.parent.mkdir(parents=True, exist_ok=True)
        args.manifest.write_text(json.dumps(dict(sorted(manifest.items())), indent=1) + "\n")
        for p in paths:
            out = RECORDS / f"{document_key(p, args.dev)}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(records[p], ensure_ascii=False, indent=1))
        print(f"golden: wrote {len(entries)} documents to {args.manifest}")
        return 0

    manifest = json.loads(args.manifest.read_text())
    report = []
    for p in paths:
        name = document_key(p, args.dev)
        old, new = manifest.get(name), entries[name]
        if old is None:
            report.append(f"{name}: not in the manifest")
            continue
        if old == new:
            continue
        saved = RECORDS / f"{name}.json"
        old_record = json.loads(saved.read_text()) if saved.exists() else None
        if old_record is not None and manifest_entry(old_record) != old:
            old_record = None  # the saved record is not the manifest's
        report.extend(describe_changes(name, old, new, old_record, records[p], args.show))
    missing = set(manifest) - set(entries) if not args.only else set()
    report.extend(f"{name}: in the manifest but not in {args.dev}" for name in sorted(missing))
    changed = sum(1 for line in report if not line.startswith("    "))
    print("\n".join(report) if report else "")
    print(f"golden: {len(entries)} documents, {'no change' if not report else f'{changed} changes'}")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
