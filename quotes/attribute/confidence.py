"""How sure the resolver is: what a pick's chance of being right is read from.

The share of the ranker's softmax alone says little about a pick whose rivals
are weak but many, or about a cue rule that is nearly always right: the
calibrator (a LightGBM classifier in `resolver-confidence.txt`, fitted by
`bench/train_resolver.py` on held-out picks) reads the picked candidate's own
row of features beside how it stands against the others. Its output goes
through a `Calibration` fitted on held-out judgements, as a judge fitted on
picks it was not asked about is still a little off (too sure, at `b356ce2`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from quotes.attribute.features import FEATURES

STANDING = ("share", "margin", "score", "candidates")
CONFIDENCE_FEATURES = (*FEATURES, *STANDING)


def standing(rows: np.ndarray, score: np.ndarray, best: int) -> np.ndarray:
    """The picked candidate's row, then its share of the softmax, its lead over
    the next best (negative when a margin kept the rules' answer), its raw
    score and how many candidates there were."""
    rivals = np.delete(score, best)
    lead = score[best] - rivals.max() if len(rivals) else 10.0
    return np.concatenate([rows[best], [share_of(score, best), lead, score[best], len(score)]])


def share_of(scores: np.ndarray, n: int) -> float:
    """Candidate `n`'s share of the quotation's softmax over candidates."""
    weights = np.exp(scores - scores.max())
    return float(weights[n] / weights.sum())


@dataclass(frozen=True)
class Calibration:
    """Platt scaling of the judge's log-odds: `slope` and `intercept` fitted
    on the cross-fitted judgements of `bench/train_resolver.py` (the identity
    when both are at their defaults)."""

    slope: float = 1.0
    intercept: float = 0.0

    def __call__(self, p: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.slope * log_odds(p) + self.intercept)))


def log_odds(p: np.ndarray) -> np.ndarray:
    """The log-odds of probabilities, kept finite at 0 and 1."""
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))
