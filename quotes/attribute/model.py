"""The learned scorer of candidate speakers, shipped as data.

`bench/train_resolver.py` (`make train-resolver`) fits a LightGBM model on the
rows of `features.matrix` (one per candidate, 1 when the candidate is the gold
speaker) and an isotonic map from the model's share of a quotation's total
score to the chance it is right, both from article-level cross-validation. The
model is written as LightGBM's text format (`resolver.txt`) and the map and the
feature list as JSON (`resolver.json`); nothing here trains.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from quotes.attribute.features import FEATURES

HERE = Path(__file__).parent
MODEL, META = HERE / "resolver.txt", HERE / "resolver.json"


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

    booster: object  # lightgbm.Booster
    calibration_x: np.ndarray  # the share of the quotation's score the pick has ...
    calibration_y: np.ndarray  # ... and how often a pick with that share was right
    margins: Margins = Margins()

    def score(self, rows: np.ndarray) -> np.ndarray:
        """A score per row: the higher, the likelier the candidate is the speaker."""
        return self.booster.predict(rows, num_threads=1) if len(rows) else np.zeros(0)

    def confidence(self, share: float) -> float:
        """How often a pick with this share of its quotation's score is right."""
        return float(np.interp(share, self.calibration_x, self.calibration_y))


def share_of_best(scores: np.ndarray) -> tuple[int, float]:
    """The best candidate and its share of the quotation's softmax over candidates."""
    best = int(np.argmax(scores))
    return best, share_of(scores, best)


def share_of(scores: np.ndarray, n: int) -> float:
    """Candidate `n`'s share of the quotation's softmax over candidates."""
    weights = np.exp(scores - scores.max())
    return float(weights[n] / weights.sum())


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The model in the package, or None when there is none or it is switched off."""
    if not (MODEL.exists() and META.exists()):
        return None
    meta = json.loads(META.read_text())
    if not meta.get("enabled") or tuple(meta["features"]) != FEATURES:
        return None
    import lightgbm  # only the attribution needs it, and only once a model is shipped

    booster = lightgbm.Booster(model_str=MODEL.read_text())
    cal = meta["calibration"]
    margins = Margins(**meta.get("margins", {}))
    return Model(booster, np.array(cal["x"], dtype=float), np.array(cal["y"], dtype=float), margins)
