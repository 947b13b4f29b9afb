"""What every command owes a user who gave it bad input: exit 1 and one line that says why."""

from __future__ import annotations


def assert_user_error(result, words: str) -> None:
    """Exit 1, one line on stderr naming the trouble, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output
