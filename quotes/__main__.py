"""`python -m quotes`: the same command as `quotes`."""

from quotes.cli import app

app(prog_name="quotes")
