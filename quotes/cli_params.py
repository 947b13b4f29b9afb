"""Command-line values to Python types as Typer does, without importing pydantic for the plain ones.

Typer 0.29 converts every value through a pydantic TypeAdapter, built per
parameter: importing pydantic and building them takes about 0.1 s of CPU, a
fifth of what `quotes who-said` may take in all. The values the query commands
take are plain (a string, a whole number or a decimal within bounds, one of an
Enum's values, a date in a given format); `install` has Typer convert those
here, with Typer's own functions where it has them. Anything else (a path, a
list, a value that does not convert cleanly) goes to Typer's pydantic adapter
as before, so its result and its error message are Typer's own
(tests/test_cli_params.py compares the two on each kind of value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import typer.core
from typer import _coercion
from typer._param_types import coerce_cli_choice

TYPERS_OWN = _coercion.build_runtime_param  # the pydantic one
WHOLE = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # what int() and pydantic read alike
DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,17})?")
NOT_PLAIN = object()


def plain_value(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """`value` converted as Typer's adapter would convert it, or NOT_PLAIN when that takes pydantic
    (a type not handled here, a value out of bounds or that does not parse: Typer words the error)."""
    if annotation is str:
        return value if isinstance(value, str) else NOT_PLAIN
    if annotation is bool:  # a flag's value (Typer skips those already bool)
        return value if isinstance(value, bool) else NOT_PLAIN
    if annotation is int or annotation is float:
        if info.clamp:
            return NOT_PLAIN
        if isinstance(value, str) and (WHOLE if annotation is int else DECIMAL).fullmatch(value):
            number = annotation(value)
        elif type(value) is annotation:
            number = value
        else:
            return NOT_PLAIN
        if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
            return NOT_PLAIN
        return number
    if isinstance(annotation, type) and issubclass(annotation, Enum) and info.parser is None:
        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            return NOT_PLAIN
    if annotation is datetime and info.formats and isinstance(value, str | datetime):
        if isinstance(value, datetime):
            return value
        for form in info.formats:
            try:
                return datetime.strptime(value, form)
            except ValueError:
                continue
    return NOT_PLAIN


@dataclass(frozen=True)
class PlainParam(_coercion.RuntimeParam):
    """A parameter converted by plain_value, falling back to Typer's own adapter."""

    descriptor: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        converted = plain_value(self.annotation, self.parameter_info, value, ctx)
        if converted is NOT_PLAIN:
            return TYPERS_OWN(self.descriptor)._coerce_value(value, param=param, ctx=ctx)
        return converted


PLAIN_TYPES = (str, bool, int, float, datetime)


def build_runtime_param(descriptor: Any) -> _coercion.RuntimeParam:
    """Typer's build_runtime_param, with PlainParam for the types plain_value handles."""
    annotation, info = descriptor.annotation, descriptor.parameter_info
    plain = annotation in PLAIN_TYPES or (isinstance(annotation, type) and issubclass(annotation, Enum))
    if not plain or descriptor.file_annotation is not None or info.parser is not None:
        return TYPERS_OWN(descriptor)
    return PlainParam(parameter_info=info, annotation=annotation, descriptor=descriptor)


def install() -> None:
    """Have Typer's parameters (typer.core) convert plain values here."""
    typer.core.build_runtime_param = build_runtime_param
