"""Running askcheck's command line in tests, in this process: never a traceback, whatever the input."""
from __future__ import annotations

from click.testing import CliRunner

from askcheck.cli import main


def run(args, input=None):
    """The CliRunner result of `askcheck ARGS`, asserting that it ended in no traceback."""
    result = CliRunner().invoke(main, args, input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result
