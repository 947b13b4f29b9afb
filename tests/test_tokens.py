"""The bounded tokenizer: spaCy's tokens, in time linear in the text. Blank English, no model."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import spacy

from quotes.tokens import LONGEST_STRETCH, BoundedTokenizer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tokenizers():
    plain, bounded = spacy.blank("en"), spacy.blank("en")
    return plain.tokenizer, BoundedTokenizer(bounded.tokenizer)


def words(doc) -> list[str]:
    return [t.text_with_ws for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        'He said "no." Then: "Wait...," she wrote.......... (really.)',
        "The U.S. economy grew 3.5% in Q2, said Dr. Smith, Jr.; \"we're fine\"…",
        "Prices rose to $5.99/kg... ... .... then 10km. www.example.com/a.b?c=d.",
        'a"' + "." * 30 + '"' + "." * 12 + ")" + "!" * 20,
        '“Yes,” he said. ‘No’—“maybe!!!”)))]]"""',
    ],
)
def test_same_tokens_as_spacy(tokenizers, text):
    plain, bounded = tokenizers
    assert words(bounded(text)) == words(plain(text))


def test_same_tokens_as_spacy_on_the_seed_articles(tokenizers):
    plain, bounded = tokenizers
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert words(bounded(text)) == words(plain(text)), path.name


def test_same_tokens_on_random_punctuation_words(tokenizers):
    plain, bounded = tokenizers
    rng = random.Random(15)
    for _ in range(300):
        word = "".join(rng.choice('ab1."”’)],:;!?-…') for _ in range(rng.randint(1, 40)))
        assert words(bounded(word)) == words(plain(word)), word


def test_an_overlong_stretch_is_cut_and_the_text_kept(tokenizers):
    _, bounded = tokenizers
    text = "Before " + "x" * (3 * LONGEST_STRETCH + 5) + " after."
    doc = bounded(text)
    assert doc.text == text
    assert [len(t) for t in doc][1:5] == [LONGEST_STRETCH] * 3 + [5]


def test_a_long_run_of_quotation_marks_takes_linear_time(tokenizers):
    _, bounded = tokenizers
    rng = random.Random(1)
    text = "".join(rng.choice('"”)]’') for _ in range(100_000))  # spaCy alone: minutes
    started = time.perf_counter()
    doc = bounded(text)
    assert time.perf_counter() - started < 10  # ~0.5 s
    assert doc.text == text
