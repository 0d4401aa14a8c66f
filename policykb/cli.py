"""The command line: arguments in, one library call, a report out."""
from __future__ import annotations

import json
import sys

import click

from .models import PolicyKBError


@click.group()
@click.version_option(package_name="policykb")
def cli():
    """policykb: a knowledge base of Chinese government policy plans."""


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "summary"]), default="json", show_default=True,
              help="json prints the extraction record; summary prints counts.")
def extract(path, fmt):
    """Extract one plan into its record (sections, tasks, targets).

    Example: policykb extract corpus/chongqing_jnjp_2022.txt --format json
    """
    from .pipeline import extract_file

    try:
        record = extract_file(path)
    except PolicyKBError as e:
        raise click.ClickException(str(e))
    for warning in record.source.get("warnings", []):
        click.echo(f"warning: {path}: {warning}", err=True)
    if fmt == "json":
        json.dump(record.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        d = record.document
        click.echo(f"{d.title} {d.doc_number or ''}: {len(record.sections)} sections, "
                   f"{len(record.tasks)} tasks, {sum(len(t.assignments) for t in record.tasks)} assignments, "
                   f"{len(record.targets)} targets")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--db", "db_path", default="policykb.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to create or update.")
@click.option("--extracted", "extracted_dir", default="extracted", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the NAME.json snapshots.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar when building more than a few documents.")
@click.option("--jobs", "-j", default=None, type=click.IntRange(min=1),
              help="Worker processes reading documents (default: every core).")
def build(paths, db_path, extracted_dir, progress, jobs):
    """Extract documents (default: everything in corpus/), write extracted/NAME.json
    and load the records into a SQLite database.

    Building again with the same documents reads none of them (their bytes and
    the parser are hashed); a changed document replaces its own rows in one
    transaction. Exits 1 if a document failed (its previous rows are kept).

    Example: policykb build corpus/ --db policykb.db
    """
    from .pipeline import build_database

    try:
        report = build_database(paths or ("corpus",), db_path, extracted_dir, progress=progress, jobs=jobs,
                                echo=lambda line: click.echo(line, err=True))
    except PolicyKBError as e:
        raise click.ClickException(str(e))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{db_path}: {report.summary()}", err=True)
    if report.failed:
        raise click.ClickException("; ".join(problem for _, problem in report.failed))


@cli.command()
@click.option("--db", "db_path", default="policykb.db", show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="SQLite database built by policykb build.")
def compare(db_path):
    """Write the comparison tables (indicators, target_indicators, target_lineage):
    each target's canonical indicator, scope, jurisdiction and level, and each
    child plan's target against its parent plan's.

    Example: policykb compare --db policykb.db
    """
    from .compare import compare_database
    from .store import open_database

    counts = compare_database(open_database(db_path))
    click.echo(f"{db_path}: " + ", ".join(f"{count} {name}" for name, count in counts.items()), err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--db", "db_path", default="policykb.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to serve (brought up to date with PATHS; policykb.db with corpus/).")
@click.option("-m", "--metadata", default=None, type=click.Path(dir_okay=False, exists=True),
              help="Datasette metadata file (default: ./metadata.yml).")
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Host to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--build/--no-build", default=True, show_default=True,
              help="Bring the database up to date first (only what changed is read).")
def serve(paths, db_path, metadata, host, port, build):
    """Serve the database read-only with Datasette, metadata.yml and the policykb
    plugin (Chinese search, department pages), building it first if needed.

    Example: policykb serve --db policykb.db --port 8001
    """
    from .publish.serve import serve_database

    try:
        code = serve_database(db_path, paths or None, metadata, host, port, build,
                              echo=lambda line: click.echo(line, err=True))
    except PolicyKBError as e:
        raise click.ClickException(str(e))
    sys.exit(code)
