"""The evaluation sets, parsed once and kept, and scored in-process.

Parsing the 840 PolNeAR-train articles takes minutes; attribution over the
kept parses takes seconds, so every experiment and the resolver's training
read `out/parses/<set>.spacy` (made on first use, remade when the pipeline's
code changes: the file name carries a hash of quotes/pipeline.py).

    .venv/bin/python bench/corpus.py news-dev polnear-train seeds   # parse and score
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval"
SETS = ("seeds", "news-dev", "polnear-train")
sys.path.insert(0, str(EVAL))
import score as scorer  # noqa: E402  the shared scorer, standard library only


def gold(name: str) -> list[dict]:
    return scorer.load_jsonl(EVAL / name / "gold.jsonl", "gold")


def texts(name: str) -> dict[str, str]:
    folder = EVAL / name / "docs"
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.txt"))}


def parses(name: str) -> list[tuple[str, object]]:
    """(doc_id, Doc) for every article of the set, parsed by quotes' pipeline."""
    from spacy.tokens import DocBin

    from quotes.pipeline import load_nlp

    nlp = load_nlp()
    # what makes a parse: the pipeline, its tokenizer and the parse repairs (a change to any parses anew)
    made_by = ("pipeline.py", "tokens.py", "parse_repairs.py")
    stamp = hashlib.sha1(b"".join((ROOT / "quotes" / name).read_bytes() for name in made_by)).hexdigest()[:8]
    path = ROOT / "out" / "parses" / f"{name}-{stamp}.spacy"
    if path.exists():
        ids = json.loads(path.with_suffix(".ids").read_text())
        return list(zip(ids, DocBin().from_disk(path).get_docs(nlp.vocab)))
    by_id = texts(name)
    ids = list(by_id)
    docs = list(nlp.pipe(by_id.values(), batch_size=32))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    path.with_suffix(".ids").write_text(json.dumps(ids))
    return list(zip(ids, docs))


def predictions(docs: list[tuple[str, object]], analyse: Callable | None = None) -> list[dict]:
    """What `quotes extract --format jsonl` prints, from kept parses."""
    from quotes.attribute import attribute
    from quotes.detect import detect

    analyse = analyse or (lambda doc: attribute(doc, detect(doc.text)))
    out = []
    for doc_id, doc in docs:
        for a in analyse(doc):
            out.append({"doc_id": doc_id, "start": a.quote.start, "end": a.quote.end, "text": a.quote.text,
                        "speaker": a.speaker, "confidence": a.confidence})
    return out


def score(name: str, preds: list[dict], doc_ids: set[str] | None = None) -> dict:
    """The shared scorer's result over the set (or the articles `doc_ids` of it)."""
    golds = [g for g in gold(name) if doc_ids is None or g["doc_id"] in doc_ids]
    preds = [p for p in preds if doc_ids is None or p["doc_id"] in doc_ids]
    return scorer.score(golds, preds, texts(name))


if __name__ == "__main__":
    for name in sys.argv[1:] or SETS:
        res = score(name, predictions(parses(name)))
        print(f"{name:14} {res['summary']}")
