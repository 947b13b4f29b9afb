"""Docs parsed by hand, so rule tests run in milliseconds without the model.

A test writes the sentence and its parse, one token per line:
`word tag pos dep head lemma entity` (head: the index of the token's head; entity:
`B-PERSON`, `I-ORG`, `O` ...; a newline token is written `\\n`). The lines can be
taken from the real pipeline once, and checked by eye:

    .venv/bin/python tests/handparse.py 'Sanders said he was "encouraged".'
"""

from __future__ import annotations

import sys

import spacy
from spacy.tokens import Doc

import quotes.mentions  # noqa: F401  (registers the `_.lemma` fallback a hand-built Doc reads)

VOCAB = spacy.blank("en").vocab


def hand_doc(text: str, parse: str) -> Doc:
    """The Doc of `text` whose tokens, tags, parse and entities are `parse`'s lines."""
    rows = [line.split() for line in parse.strip().splitlines()]
    words = [r[0].replace("\\n", "\n") for r in rows]
    spaces, at = [], 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at : at + 1] == " ")
        at += spaces[-1]
    doc = Doc(VOCAB, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], lemmas=[r[5] for r in rows],
              ents=[r[6] for r in rows])
    assert doc.text == text, "the parse's words do not spell the text"
    return doc


def written(doc: Doc) -> str:
    """A parsed Doc as `hand_doc` reads it."""
    return "\n".join(
        f"{t.text.replace(chr(10), chr(92) + 'n')} {t.tag_} {t.pos_} {t.dep_} {t.head.i} {t._.lemma} "
        f"{t.ent_iob_ + '-' + t.ent_type_ if t.ent_type_ else 'O'}"
        for t in doc
    )


if __name__ == "__main__":
    from quotes.pipeline import load_nlp

    nlp = load_nlp()
    for sentence in sys.argv[1:]:
        print(written(nlp(sentence)), end="\n\n")
