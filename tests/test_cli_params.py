"""quotes.cli_params converts plain command-line values exactly as Typer's pydantic adapters do,
and leaves every other value (and every error message) to them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import pytest
import typer
from typer._coercion import resolve_type_descriptor
from typer.models import OptionInfo
from typer.testing import CliRunner

from quotes.cli_params import NOT_PLAIN, TYPERS_OWN, build_runtime_param, plain_value


class Colour(str, Enum):
    red = "red"
    dark_blue = "dark-blue"


CASES = [
    (str, {}, ["cold ice", "", "-", "“we’re”", "  spaced  "]),
    (bool, {}, [True, False, "yes", ""]),
    (int, {}, ["0", "7", "-3", "007", "+4", " 5", "1_000", "1e3", "x", "99999999999999999999", 3]),
    (int, {"min": 1}, ["1", "0", "50", "-1"]),
    (float, {"min": 0.0, "max": 1.0}, ["0", "0.5", "1", "1.0", "1.5", "-0.1", ".5", "1e-1", "nan", "0,5", 0.25]),
    (float, {}, ["3.25", "-2", "inf"]),
    (Colour, {}, ["red", "dark-blue", "RED", "green", Colour.red]),
    (Colour, {"case_sensitive": False}, ["RED", "Dark-Blue"]),
    (datetime, {"formats": ["%Y-%m-%d"]}, ["2024-11-27", "2024-02-30", "27/11/2024", "2024-11-27T10:00"]),
]


def typers_answer(annotation, options, value):
    """What Typer's own (pydantic) conversion gives: ('ok', value) or ('error', message)."""
    param = TYPERS_OWN(resolve_type_descriptor(annotation, OptionInfo(**options)))
    try:
        return "ok", param._coerce_value(value, param=None, ctx=None)
    except typer.BadParameter as error:
        return "error", error.message


@pytest.mark.parametrize(("annotation", "options", "values"), CASES, ids=lambda c: getattr(c, "__name__", None))
def test_a_plain_value_converts_as_typer_converts_it(annotation, options, values):
    info = OptionInfo(**options)
    for value in values:
        mine = plain_value(annotation, info, value, None)
        if mine is not NOT_PLAIN:
            assert typers_answer(annotation, options, value) == ("ok", mine), value
            assert type(mine) is type(typers_answer(annotation, options, value)[1]), value


@pytest.mark.parametrize(("annotation", "options", "values"), CASES, ids=lambda c: getattr(c, "__name__", None))
def test_every_value_gets_typers_answer_or_typers_error(annotation, options, values):
    param = build_runtime_param(resolve_type_descriptor(annotation, OptionInfo(**options)))
    for value in values:
        try:
            mine = "ok", param._coerce_value(value, param=None, ctx=None)
        except typer.BadParameter as error:
            mine = "error", error.message
        assert mine == typers_answer(annotation, options, value), value


def test_the_values_query_commands_take_are_plain():
    """who-said's words, --limit, --min-confidence, --format, --since: none needs pydantic."""
    assert plain_value(str, OptionInfo(), "cold ice", None) == "cold ice"
    assert plain_value(int, OptionInfo(min=1), "5", None) == 5
    assert plain_value(float, OptionInfo(min=0.0, max=1.0), "0.5", None) == 0.5
    assert plain_value(Colour, OptionInfo(), "dark-blue", None) is Colour.dark_blue
    assert plain_value(datetime, OptionInfo(formats=["%Y-%m-%d"]), "2024-11-27", None) == datetime(2024, 11, 27)


def test_a_bad_value_is_refused_in_typers_words():
    from quotes.cli import app

    done = CliRunner().invoke(app, ["who-said", "ice", "--limit", "0"])
    assert done.exit_code == 2 and "--limit" in done.output and "greater than or equal to 1" in done.output
