"""The pipeline reads names where attribution needs them: the entity
recognizer skips the inside of long quotations and lower-case prose, and
finds the same names as over the whole text everywhere else."""

from __future__ import annotations

import pytest

from quotes import analysis, long_texts, pipeline
from quotes.analysis import Analysis, analyse
from quotes.detect import find_quotes
from quotes.pipeline import load_nlp, ner_tokens

pytestmark = pytest.mark.model

SEED = (
    "State Department counsellor Derek Chollet told the South China Morning Post in an interview "
    "in Stockholm on Saturday morning that the two sides were talking again and that the talks would "
    "go on for as long as it took to agree.\n\n"
    "“We would very much like to get back to where we were in the planning in February, prior to "
    "the surveillance balloon flying over the United States,” Chollet said."
)


def entities(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE")}


def test_names_outside_quotations_are_found_as_over_the_whole_text():
    nlp = load_nlp()
    doc = nlp(SEED)
    with nlp.select_pipes(disable=["region_ner"]):
        whole = nlp.get_pipe("ner")(nlp(SEED))
    assert {("Derek Chollet", "PERSON"), ("Stockholm", "GPE")} <= entities(doc)
    assert entities(doc) == entities(whole)


def test_the_middle_of_a_long_quotation_and_lower_case_prose_are_not_read():
    nlp = load_nlp()
    with nlp.select_pipes(disable=["region_ner"]):
        doc = nlp(SEED)
    read = {doc[i].text for i in ner_tokens(doc)}
    assert {"Derek", "Chollet", "Stockholm", "Saturday"} <= read
    assert not {"planning", "surveillance", "balloon"} & read  # deep inside the quotation
    assert "talks" not in read  # lower-case prose, far from any name


def test_an_article_without_capitals_has_no_entities():
    doc = load_nlp()("the committee met and nobody said anything new.")
    assert len(ner_tokens(doc)) == 0  # nothing is read at all
    assert doc.ents == ()


def test_two_worker_processes_give_the_same_records_as_one_with_each_texts_warnings():
    texts = [SEED, "He said “we are ready.\n\nLater she said: “Fine,” and left.\n", SEED.replace("Chollet", "Sullivan")]

    def run(workers: int) -> list[Analysis]:
        return list(analyse(texts, batch_size=1, workers=workers))

    one, two = run(1), run(2)
    assert two == one
    assert [a.article for a in two] == texts
    assert [a.warnings for a in two] == [[], ["unpaired quotation mark at offset 8"], []]  # with its own text
    assert [a.speaker for a in two[2].attributions] == ["Derek Sullivan"]


def test_each_text_is_scanned_for_quotations_once_even_when_parsed_in_pieces(monkeypatch):
    scanned = []

    def once(text):
        scanned.append(text)
        return find_quotes(text)

    def never(text):
        raise AssertionError("the recognizer looked for the quotations again")

    monkeypatch.setattr(analysis, "find_quotes", once)
    monkeypatch.setattr(pipeline, "detect", never)
    monkeypatch.setattr(long_texts, "LONGEST_PIECE", 300)  # SEED in two pieces
    found = list(analyse([SEED, "“Fine,” Qin Gang said.\n"]))
    assert scanned == [SEED, "“Fine,” Qin Gang said.\n"]
    assert [[a.speaker for a in f.attributions] for f in found] == [["Derek Chollet"], ["Qin Gang"]]


def test_the_lemmas_attribution_reads_are_the_rule_lemmatizers():
    nlp = load_nlp()
    doc = nlp("The senators said they had argued, and she tells reporters her claims were denied.")
    lemmas = {t.text: t._.lemma for t in doc}
    assert (lemmas["said"], lemmas["argued"], lemmas["tells"], lemmas["claims"], lemmas["denied"]) == ("say", "argue", "tell", "claim", "deny")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())  # looked up, never listed in order


def test_a_line_break_starts_a_sentence_and_an_auxiliary_verb_is_aux():
    doc = load_nlp()("Senate passes the bill\nThe senator has said it was over, and Obama signed it.")
    by_word = {t.text: t for t in doc}
    assert by_word["The"].is_sent_start and doc[by_word["The"].i - 1].text == "\n"
    assert [by_word[w].pos_ for w in ("has", "said", "was", "signed", "Obama")] == ["AUX", "VERB", "AUX", "VERB", "PROPN"]
    assert [s.text.strip() for s in doc.sents][0] == "Senate passes the bill"


def test_an_entity_across_a_line_break_is_dropped():
    """The recognizer once read `...: Rawal ¶ New Delhi, Dec 1 (PTI)` as one organisation."""
    import spacy
    from spacy.tokens import Span

    class Recognizer:  # tags the words from the second capitalised one to the fourth as one organisation
        def pipe(self, docs, batch_size):
            for doc in docs:
                capitals = [t.i for t in doc if t.text[:1].isupper()]
                doc.set_ents([Span(doc, capitals[1], capitals[3] + 1, "ORG")])
                yield doc

    nlp = spacy.blank("en")
    across = nlp("Talks end: Rawal\n\nNew Delhi, Dec 1 (PTI) Rawal said.")
    within = nlp("Shares of Acme Widget Company fell.")
    region = pipeline.RegionNER(Recognizer())
    across.user_data[pipeline.QUOTE_SPANS] = within.user_data[pipeline.QUOTE_SPANS] = []
    assert [e.text for e in region(across).ents] == []
    assert [e.text for e in region(within).ents] == ["Acme Widget Company"]
