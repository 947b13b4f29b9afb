"""Learn the pronoun ranker's weights (quotes/ranker.json) from PolNeAR-train.

    .venv/bin/python bench/train_ranker.py            # parses the 840 articles (~3 min)
    .venv/bin/python bench/train_ranker.py --parses docs.spacy   # a DocBin of them, ids in docs.spacy.ids

Every pronoun or description our attribution resolves becomes one example: its
candidates (quotes.ranker.candidates) and, as the answer, the gold speaker of
the annotated source mention at the same place. A conditional logistic model
(softmax over each example's candidates, L2-penalised) is fitted with numpy.
Reported first: 5-fold cross-validation by article, the rule's and the model's
accuracy on the held-out examples. The weights are written enabled only when
the model beats the rule on the held-out folds.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

from quotes import ranker
from quotes.attribute import attribute
from quotes.detect import detect
from quotes.mentions import Mentions
from quotes.pipeline import load_nlp

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
FOLDS = 5
L2 = 0.05


sys.path.insert(0, str(EVAL))
from score import speaker_match  # noqa: E402  the scorer's own name comparison


def examples(docs, gold_by_doc) -> list[dict]:
    """(doc, candidates, rule pick, gold speaker) for every resolved pronoun with a gold source."""
    out = []
    for doc_id, doc in docs:
        golds = gold_by_doc.get(doc_id, [])

        def record(m: Mentions, offset: int, pronoun: str, speakers: list[str]) -> str | None:
            rule = m.recent_person(offset, pronoun, speakers)
            gold = next((g["speaker"] for g in golds if g["speaker"] and g["source_start"] is not None and g["source_start"] <= offset < g["source_end"]), None)
            if gold is not None:
                cands = ranker.candidates(m, offset, pronoun, speakers, rule)
                out.append({"doc": doc_id, "cands": cands, "rule": rule, "gold": gold})
            return rule

        attribute(doc, detect(doc.text), resolver=record)
    return out


def matrix(exs: list[dict], names: list[str]):
    """Candidates as rows of X, their example index, and whether each is right."""
    rows, group, right = [], [], []
    for n, ex in enumerate(exs):
        for c in ex["cands"]:
            rows.append([c.features.get(k, 0.0) for k in names])
            group.append(n)
            right.append(speaker_match(c.name, ex["gold"]))
    return np.array(rows, dtype=float), np.array(group), np.array(right, dtype=float)


def fit(X: np.ndarray, group: np.ndarray, right: np.ndarray, steps: int = 1500) -> np.ndarray:
    """Maximise the log-probability of the right candidates, softmax within each example
    (examples with no right candidate are left out). Adam on the full batch."""
    n_groups = group.max() + 1
    has_right = np.bincount(group, weights=right, minlength=n_groups) > 0
    keep = has_right[group]
    X, group, right = X[keep], group[keep], right[keep]
    w = np.zeros(X.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    count = has_right.sum()
    for t in range(1, steps + 1):
        s = X @ w
        s = s - np.max(s)
        e = np.exp(s)
        total = np.bincount(group, weights=e, minlength=n_groups)
        good = np.bincount(group, weights=e * right, minlength=n_groups)
        p_all = e / total[group]
        p_good = e * right / good[group].clip(1e-300)
        grad = -(X.T @ (p_good - p_all)) / count + L2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def predictions(docs, weights: dict[str, float] | None) -> list[dict]:
    """Quotes and speakers in the scorer's format, pronouns resolved with `weights`
    (the rule when None)."""
    out = []
    for doc_id, doc in docs:
        resolve = lambda m, o, p, s: ranker.resolve(m, o, p, s, weights)  # noqa: E731
        for a in attribute(doc, detect(doc.text), resolver=resolve):
            out.append({"doc_id": doc_id, "start": a.quote.start, "end": a.quote.end, "speaker": a.speaker})
    return out


def attr_acc(preds: list[dict]) -> float:
    """The scorer's attr_acc over these predictions."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as f:
        f.writelines(json.dumps(p) + "\n" for p in preds)
        f.flush()
        run = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "polnear-train" / "gold.jsonl"), f.name, "--json"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[0])["attribution"]["attr_acc"]


def doc_fold(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode()) % FOLDS


def accuracy(exs: list[dict], pick) -> float:
    return sum(speaker_match(pick(ex), ex["gold"]) for ex in exs) / max(1, len(exs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parses", help="a DocBin of the training articles (ids in PATH.ids)")
    parser.add_argument("--out", default=str(ranker.WEIGHTS))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    nlp = load_nlp()
    train = EVAL / "polnear-train"
    if args.parses:
        from spacy.tokens import DocBin  # noqa: PLC0415

        ids = json.loads(Path(args.parses + ".ids").read_text())
        docs = list(zip(ids, DocBin().from_disk(args.parses).get_docs(nlp.vocab)))
    else:
        paths = sorted((train / "docs").glob("*.txt"))
        texts = (p.read_text(encoding="utf-8") for p in paths)
        docs = list(zip((p.stem for p in paths), nlp.pipe(texts)))
    gold_by_doc: dict[str, list[dict]] = {}
    for line in (train / "gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        gold_by_doc.setdefault(g["doc_id"], []).append(g)

    exs = examples(docs, gold_by_doc)
    names = sorted({k for ex in exs for c in ex["cands"] for k in c.features})
    fold = [doc_fold(ex["doc"]) for ex in exs]
    held_rule, held_model = 0.0, 0.0
    held_out_preds: list[dict] = []
    print(f"{len(exs)} pronoun examples; oracle (a right candidate exists): {accuracy(exs, lambda ex: next((c.name for c in ex['cands'] if speaker_match(c.name, ex['gold'])), None)):.3f}")
    for k in range(FOLDS):
        tr = [ex for ex, f in zip(exs, fold) if f != k]
        te = [ex for ex, f in zip(exs, fold) if f == k]
        w = dict(zip(names, fit(*matrix(tr, names))))
        r, mo = accuracy(te, lambda ex: ex["rule"]), accuracy(te, lambda ex: ranker.choose(ex["cands"], w) or ex["rule"])
        print(f"fold {k}: {len(te)} held out, rule {r:.3f}, ranker {mo:.3f}")
        held_out_preds += predictions([d for d in docs if doc_fold(d[0]) == k], w)
        held_rule += r * len(te)
        held_model += mo * len(te)
    held_rule, held_model = held_rule / len(exs), held_model / len(exs)
    print(f"cross-validated pronoun examples: rule {held_rule:.3f}, ranker {held_model:.3f}")
    rule_acc, model_acc = attr_acc(predictions(docs, None)), attr_acc(held_out_preds)
    print(f"attr_acc over all quotes, each article resolved by the folds that did not see it: rule {rule_acc:.4f}, ranker {model_acc:.4f}")
    w = dict(zip(names, (round(float(x), 4) for x in fit(*matrix(exs, names)))))
    enabled = held_model > held_rule and model_acc > rule_acc
    cv = {"pronouns_rule": round(held_rule, 4), "pronouns_ranker": round(held_model, 4), "attr_acc_rule": round(rule_acc, 4), "attr_acc_ranker": round(model_acc, 4)}
    Path(args.out).write_text(json.dumps({"enabled": enabled, "cross_validated": cv, "weights": w}, indent=1) + "\n")
    print(f"wrote {args.out} ({'enabled' if enabled else 'disabled: no better than the rule'})")


if __name__ == "__main__":
    main()
