"""quotes.booster against the lightgbm package on every example `make train-resolver` reads.

Not part of the test suite (it parses the training sets, or reads their kept
parses from out/parses/): every quotation's candidate rows are scored by the
shipped ranker through both, and the judge reads the standing of each pick,
through both; any difference is counted.

    .venv/bin/python bench/booster_equal.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import lightgbm
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_resolver  # noqa: E402

from quotes.attribute.confidence import standing  # noqa: E402
from quotes.attribute.model import JUDGE, META, MODEL, Margins  # noqa: E402
from quotes.booster import Booster  # noqa: E402


def main() -> None:
    start = time.time()
    examples = train_resolver.read_set("polnear-train") + train_resolver.read_set("news-dev")
    examples = [e for e in examples if len(e.rows)]
    print(f"{len(examples)} quotations, {sum(len(e.rows) for e in examples)} candidate rows ({time.time() - start:.0f} s)")
    ranker, ranker_c = lightgbm.Booster(model_str=MODEL.read_text()), Booster(model_str=MODEL.read_text())
    judge, judge_c = lightgbm.Booster(model_str=JUDGE.read_text()), Booster(model_str=JUDGE.read_text())
    margins = Margins(**json.loads(META.read_text()).get("margins", {}))
    differ, standings = 0, []
    for e in examples:
        scores = ranker.predict(e.rows, num_threads=1)
        differ += not np.array_equal(scores, ranker_c.predict(e.rows, num_threads=1))
        standings.append(standing(e.rows, scores, train_resolver._pick(e, scores, margins)))
    table = np.array(standings)
    same = np.array_equal(judge.predict(table, num_threads=1), judge_c.predict(table, num_threads=1))
    print(f"ranker: {differ} of {len(examples)} quotations scored differently; "
          f"judge: {len(table)} standings, {'all equal' if same else 'NOT all equal'}")
    sys.exit(1 if differ or not same else 0)


if __name__ == "__main__":
    main()
