"""The CLI as a user meets it: help on every command, the record on stdout,
and one-line errors for bad input (never a traceback)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policykb.cli import cli


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        assert "Example:" in command.help, f"{name}'s help has no Example: line"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output


def test_every_command_is_in_the_readme():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"policykb {name}" in readme, f"README.md does not document 'policykb {name}'"


def test_extract_prints_the_record(seed_path):
    result = CliRunner().invoke(cli, ["extract", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) >= {"document", "sections", "tasks", "targets"}
    assert record["document"]["doc_number"] == "渝府发〔2022〕39号"


BAD_INPUT = [
    # (file name, bytes or None for missing, words the one-line error must contain, note)
    ("missing.txt", None, "no such file", "a path that does not exist"),
    ("empty.txt", b"", "empty", "zero bytes"),
    ("blank.txt", b"  \n\n ", "empty", "only white space"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", "a PNG renamed .txt"),
    ("latin.txt", "café ü".encode("utf-16"), "", "UTF-16 without a supported decoding"),
    ("plan.xyz", "一、总体要求".encode(), "unsupported", "an extension policykb does not read"),
]


@pytest.mark.parametrize("name,data,words,note", BAD_INPUT, ids=[r[0] for r in BAD_INPUT])
def test_bad_input_gives_one_line_error(tmp_path, name, data, words, note):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code != 0, note
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert name in lines[0] and words in lines[0], lines[0]
    assert "Traceback" not in result.output
