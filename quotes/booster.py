"""The shipped LightGBM models scored by LightGBM's own library, without its Python package.

`import lightgbm` imports scipy and narwhals, and pandas and pyarrow because
they are installed (quotes exports with them): 96 MB and about half a second
in every process that attributes, most of a worker's memory beyond spaCy's.
Attribution only loads two models from their text and predicts, so this
calls the package's compiled library (`lightgbm/lib/lib_lightgbm.so`, found,
not imported) through ctypes with the arguments `lightgbm.Booster.predict`
passes it: the same code, hence the same numbers (tests/test_booster.py
compares them). Training stays with the lightgbm package.
"""

from __future__ import annotations

import ctypes
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

# From LightGBM's c_api.h, as lightgbm/basic.py uses them.
PREDICT_NORMAL = 0  # the transformed score (a probability for `binary`), what Booster.predict gives
DTYPE = {np.dtype(np.float32): 0, np.dtype(np.float64): 1}
ROW_MAJOR = 1
NAMES = {"win32": "lib_lightgbm.dll", "darwin": "lib_lightgbm.dylib"}


class LightGBMError(RuntimeError):
    """The library refused (a model text it cannot read, rows of the wrong width)."""


@lru_cache(maxsize=1)
def library() -> ctypes.CDLL:
    """lib_lightgbm from the installed lightgbm package, where its own libpath.py looks."""
    spec = importlib.util.find_spec("lightgbm")
    if spec is None or spec.origin is None:
        raise ImportError("the lightgbm package is not installed")
    here = Path(spec.origin).parent
    name = NAMES.get(sys.platform, "lib_lightgbm.so")
    for path in (here.parent / name, here / "bin" / name, here / "lib" / name):
        if path.is_file():
            lib = ctypes.cdll.LoadLibrary(str(path))
            lib.LGBM_GetLastError.restype = ctypes.c_char_p
            return lib
    raise ImportError(f"lightgbm is installed at {here} without its library {name}")


def _check(code: int) -> None:
    if code != 0:
        raise LightGBMError(library().LGBM_GetLastError().decode("utf-8"))


class Booster:
    """A fitted model read from LightGBM's text format (`Booster.model_to_string()`)."""

    def __init__(self, model_str: str) -> None:
        self._lib = library()
        self._handle = ctypes.c_void_p()
        iterations = ctypes.c_int(0)
        _check(self._lib.LGBM_BoosterLoadModelFromString(
            model_str.encode("utf-8"), ctypes.byref(iterations), ctypes.byref(self._handle)))

    def num_feature(self) -> int:
        """How many columns a row must have."""
        count = ctypes.c_int(0)
        _check(self._lib.LGBM_BoosterGetNumFeature(self._handle, ctypes.byref(count)))
        return count.value

    def predict(self, rows: np.ndarray, num_threads: int = 1) -> np.ndarray:
        """A score per row, as `lightgbm.Booster.predict(rows, num_threads=...)` gives it."""
        rows = np.asarray(rows)
        if rows.ndim != 2:
            raise ValueError(f"rows must be a 2-D array, not {rows.ndim}-D")
        # float32 and float64 are passed as they are, anything else as float32 (basic._np2d_to_np1d)
        data = np.ascontiguousarray(rows, dtype=rows.dtype if rows.dtype in DTYPE else np.float32)
        count = ctypes.c_int64(0)
        _check(self._lib.LGBM_BoosterCalcNumPredict(
            self._handle, ctypes.c_int(len(data)), ctypes.c_int(PREDICT_NORMAL), ctypes.c_int(0), ctypes.c_int(-1),
            ctypes.byref(count)))
        out = np.empty(count.value, dtype=np.float64)
        written = ctypes.c_int64(0)
        _check(self._lib.LGBM_BoosterPredictForMat(
            self._handle, data.ctypes.data_as(ctypes.c_void_p), ctypes.c_int(DTYPE[data.dtype]),
            ctypes.c_int32(data.shape[0]), ctypes.c_int32(data.shape[1]), ctypes.c_int(ROW_MAJOR),
            ctypes.c_int(PREDICT_NORMAL), ctypes.c_int(0), ctypes.c_int(-1),  # every tree, from the first
            f"num_threads={num_threads}".encode(), ctypes.byref(written),
            out.ctypes.data_as(ctypes.POINTER(ctypes.c_double))))
        if written.value != count.value:
            raise LightGBMError(f"{written.value} scores for {count.value} rows")
        return out

    def __del__(self) -> None:
        if getattr(self, "_handle", None) is not None and self._handle.value:
            self._lib.LGBM_BoosterFree(self._handle)
