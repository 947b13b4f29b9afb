"""quotes.booster scores as the lightgbm package does, without importing it (or pandas, or scipy)."""

from __future__ import annotations

import subprocess
import sys

import lightgbm
import numpy as np
import pytest

from quotes.attribute.model import JUDGE, MODEL
from quotes.booster import Booster, LightGBMError


def rows_around_the_splits(text: str, width: int, n: int = 4000) -> np.ndarray:
    """Rows whose values sit on, just below and just above the models' own thresholds, some missing."""
    thresholds = [float(t) for line in text.splitlines() if line.startswith("threshold=") for t in line[10:].split()]
    rng = np.random.default_rng(17)
    near = np.array(thresholds + [0.0, 1.0, -1.0]) + rng.choice([-1e-9, 0.0, 1e-9], size=len(thresholds) + 3)
    rows = rng.choice(near, size=(n, width))
    rows[rng.random((n, width)) < 0.05] = np.nan
    return rows


@pytest.mark.parametrize("path", [MODEL, JUDGE], ids=["ranker", "judge"])
def test_the_shipped_models_score_every_row_as_lightgbm_does(path):
    text = path.read_text()
    theirs, ours = lightgbm.Booster(model_str=text), Booster(model_str=text)
    assert ours.num_feature() == theirs.num_feature()
    rows = rows_around_the_splits(text, theirs.num_feature())
    assert np.array_equal(ours.predict(rows, num_threads=1), theirs.predict(rows, num_threads=1))
    as_float32 = rows.astype(np.float32)  # passed as float32, as lightgbm passes it
    assert np.array_equal(ours.predict(as_float32), theirs.predict(as_float32, num_threads=1))
    assert ours.predict(rows[:0]).shape == (0,)


def test_a_model_text_it_cannot_read_is_an_error_saying_so():
    with pytest.raises(LightGBMError):
        Booster(model_str="not a model")


def test_attribution_scores_without_importing_lightgbm_pandas_or_scipy():
    code = (
        "import sys, numpy as np; from quotes.attribute import model; m = model.shipped(); "
        "m.score(np.zeros((2, len(model.FEATURES)))); "
        "print(sorted(name for name in ('lightgbm', 'pandas', 'pyarrow', 'scipy') if name in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
