"""The learned scorer of candidate speakers, shipped as data.

`bench/train_resolver.py` (`make train-resolver`) fits a LightGBM ranker on the
rows of `features.matrix` (one per candidate, 1 when the candidate is the gold
speaker) and a LightGBM classifier of whether a pick is right
(`confidence.standing`), fitted on the ranker's held-out picks of article-level
cross-validation. Both are written in LightGBM's text format (`resolver.txt`,
`resolver-confidence.txt`), the margins, the judge's calibration and the
feature list as JSON (`resolver.json`); nothing here trains.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from quotes.attribute.confidence import Calibration
from quotes.attribute.features import FEATURES

HERE = Path(__file__).parent
MODEL, JUDGE, META = HERE / "resolver.txt", HERE / "resolver-confidence.txt", HERE / "resolver.json"


@dataclass(frozen=True)
class Margins:
    """How much better than the rules' answer, or than the best name, a
    candidate must score to replace it (chosen by cross-validation: a wrong
    `null` costs a named quote, a wrong override costs a right rule)."""

    rule: float = 0.0
    null: float = 0.0


@dataclass(frozen=True)
class Model:
    """A fitted scorer and its calibration."""

    booster: object  # lightgbm.Booster: a score per candidate
    judge: object  # lightgbm.Booster: the chance a pick is right, from its `confidence.standing`
    margins: Margins = Margins()
    calibration: Calibration = Calibration()

    def score(self, rows: np.ndarray) -> np.ndarray:
        """A score per row: the higher, the likelier the candidate is the speaker."""
        return self.booster.predict(rows, num_threads=1) if len(rows) else np.zeros(0)

    def confidence(self, standings: np.ndarray) -> np.ndarray:
        """How often picks standing like these (one row each) are right."""
        return self.calibration(self.judge.predict(standings, num_threads=1)) if len(standings) else np.zeros(0)


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The model in the package, or None when there is none or it is switched off."""
    if not (MODEL.exists() and JUDGE.exists() and META.exists()):
        return None
    meta = json.loads(META.read_text())
    if not meta.get("enabled") or tuple(meta["features"]) != FEATURES:
        return None
    from quotes import booster as lightgbm  # its library alone: the package imports pandas and scipy (96 MB)

    booster = lightgbm.Booster(model_str=MODEL.read_text())
    judge = lightgbm.Booster(model_str=JUDGE.read_text())
    return Model(booster, judge, Margins(**meta.get("margins", {})), Calibration(**meta.get("calibration", {})))
