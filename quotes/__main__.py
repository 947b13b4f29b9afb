"""`python -m quotes`: the same command as `quotes`."""

from quotes.cli import main

main()
