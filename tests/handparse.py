"""Docs parsed by hand, so rule tests run in milliseconds without the model.

A test writes the sentence and its parse, one token per line:
`word tag pos dep head lemma entity` (head: the index of the token's head; entity:
`B-PERSON`, `I-ORG`, `O` ...; in a word, a newline is written `\\n` and a space
`\\s`). The lines can be taken from the real pipeline once, and checked by eye:

    .venv/bin/python tests/handparse.py 'Sanders said he was "encouraged".'

`frozen(text, name)` keeps such parses of longer passages in
`tests/parses/NAME.json`, for tests of many passages; `QUOTES_FREEZE=1` while
running those tests parses the passages not kept yet with the real pipeline.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

import quotes.mentions  # noqa: F401  (registers the `_.lemma` fallback a hand-built Doc reads)

VOCAB = spacy.blank("en").vocab


def hand_doc(text: str, parse: str) -> Doc:
    """The Doc of `text` whose tokens, tags, parse and entities are `parse`'s lines."""
    rows = [line.split() for line in parse.strip().splitlines()]
    words = [_decode(r[0]) for r in rows]
    spaces, at = [], 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at : at + 1] == " ")
        at += spaces[-1]
    doc = Doc(VOCAB, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], lemmas=[_decode(r[5]) if r[5] != "_" else w for r, w in zip(rows, words)],
              ents=[r[6] for r in rows])
    assert doc.text == text, "the parse's words do not spell the text"
    return doc


def written(doc: Doc) -> str:
    """A parsed Doc as `hand_doc` reads it."""
    return "\n".join(
        f"{_encode(t.text)} {t.tag_ or '_'} {t.pos_ or 'X'} {t.dep_ or 'dep'} {t.head.i} {_encode(t._.lemma) or '_'} "
        f"{t.ent_iob_ + '-' + t.ent_type_ if t.ent_type_ else 'O'}"
        for t in doc
    )


def frozen(text: str, name: str) -> Doc:
    """`text` as the real pipeline parsed it once, kept in tests/parses/NAME.json."""
    path = Path(__file__).parent / "parses" / f"{name}.json"
    kept = _kept(path)
    if text not in kept:
        if not os.environ.get("QUOTES_FREEZE"):
            raise LookupError(f"no kept parse of this passage in {path}: run the tests once with QUOTES_FREEZE=1")
        from quotes.pipeline import load_nlp

        kept[text] = written(load_nlp()(text))
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(kept, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return hand_doc(text, kept[text])


@lru_cache(maxsize=None)
def _kept(path: Path) -> dict[str, str]:
    """The parses kept in `path`, read once per test run."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _encode(word: str) -> str:
    return word.replace("\n", "\\n").replace(" ", "\\s")


def _decode(word: str) -> str:
    return word.replace("\\n", "\n").replace("\\s", " ")


if __name__ == "__main__":
    from quotes.pipeline import load_nlp

    nlp = load_nlp()
    for sentence in sys.argv[1:]:
        print(written(nlp(sentence)), end="\n\n")
