"""The shared output layer: one meaning of --format in every listing command."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotes.cli_output import Format, emit
from quotes.query import RoleSeen, SpeakerRow

ROWS = [
    SpeakerRow("Derek Chollet", 3, ("Chollet",), (RoleSeen("State Department counsellor", ("a1", "a2")),)),
    SpeakerRow("Qin Gang", 1),
]


def test_json_keeps_nested_values(capsys):
    emit(ROWS, Format.json)
    first = json.loads(capsys.readouterr().out)[0]
    assert first["roles"] == [{"role": "State Department counsellor", "articles": ["a1", "a2"], "published": []}]


def test_jsonl_is_one_object_a_line(capsys):
    emit(ROWS, Format.jsonl)
    assert [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()] == ["Derek Chollet", "Qin Gang"]


def test_csv_flattens_lists(capsys):
    emit(ROWS, Format.csv)
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == {"name": "Derek Chollet", "quotes": "3", "aliases": "Chollet", "roles": "State Department counsellor",
                       "type": "person", "partial_in": ""}
    assert rows[1]["aliases"] == "" and rows[1]["roles"] == ""


@pytest.mark.parametrize("fmt", [Format.table, Format.csv, Format.jsonl])
def test_nothing_to_show_prints_nothing(capsys, fmt):
    emit([], fmt)
    assert capsys.readouterr().out == ""


def test_a_command_can_draw_its_own_table(capsys):
    emit(ROWS, Format.table, table=lambda rows: print(len(rows), "people"))
    assert capsys.readouterr().out == "2 people\n"


def test_the_default_table_has_a_column_per_field(capsys):
    emit(ROWS, Format.table)
    header, first, *_ = capsys.readouterr().out.splitlines()
    assert header.split() == ["name", "quotes", "aliases", "roles", "type", "partial_in"]
    assert "Derek Chollet" in first and "State Department counsellor" in first
