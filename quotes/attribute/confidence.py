"""How sure the resolver is: what a pick's chance of being right is read from.

The share of the ranker's softmax alone says little about a pick whose rivals
are weak but many, or about a cue rule that is nearly always right: the
calibrator (a LightGBM classifier in `resolver-confidence.txt`, fitted by
`bench/train_resolver.py` on held-out picks) reads the picked candidate's own
row of features beside how it stands against the others.
"""

from __future__ import annotations

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
