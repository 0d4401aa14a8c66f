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
