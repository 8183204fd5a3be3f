from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner
from pathlib import Path

from tests.conftest import ROOT


def _cli():
    from ui.cli import cli
    from ui.commands import register

    register(cli)
    return cli


def test_help_is_available_for_every_command():
    cli = _cli()
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)


def test_a_user_error_prints_one_line_and_exits_non_zero(tmp_path):
    result = CliRunner().invoke(_cli(), ["--data-dir", str(tmp_path / "d"), "ingest", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and "no such file" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_outbound_network_is_blocked_in_tests():
    # 203.0.113.0/24 is TEST-NET-3; pytest-socket refuses before any packet leaves.
    with pytest.raises(Exception, match="(?i)blocked|not allowed|socket"):
        socket.create_connection(("203.0.113.1", 80), timeout=1)


def test_layers_are_respected():
    # the console script of the interpreter running the tests, whether or not its venv is activated
    exe = str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ingest_of_only_bad_files_explains_each_and_exits_non_zero(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(_cli(), ["--data-dir", str(tmp_path / "d"), "ingest", str(tmp_path / "bad.txt")])
    assert result.exit_code == 1
    assert "rejected" in result.output and "binary" in result.output
