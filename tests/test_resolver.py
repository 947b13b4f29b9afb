"""The learned resolver's parts on hand-built Docs: candidates, features, the decision (no model load)."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Doc

from quotes.attribute import rule_pass
from quotes.attribute.decide import pick
from quotes.attribute.features import FEATURES, Spoken, matrix
from quotes.attribute.confidence import CONFIDENCE_FEATURES, Calibration, share_of, standing
from quotes.attribute.model import Margins
from quotes.detect import detect

NLP = spacy.blank("en")


def fischer_doc() -> Doc:
    """`Tanner Fischer said “We fight.”` ¶ `He added “We win.”`, parsed by hand."""
    words = ["Tanner", "Fischer", "said", "“", "We", "fight", ".", "”", "\n\n", "He", "added", "“", "We", "win", ".", "”"]
    spaces = [True, True, True, False, True, False, False, False, False, True, True, False, True, False, False, False]
    heads = [1, 2, 2, 5, 5, 2, 5, 5, 7, 10, 10, 13, 13, 10, 13, 13]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct", "punct", "dep",
            "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "SPACE",
           "PRON", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"]
    lemmas = ["Tanner", "Fischer", "say", "“", "we", "fight", ".", "”", "\n\n", "he", "add", "“", "we", "win", ".", "”"]
    sent_starts = [True] + [False] * 8 + [True] + [False] * 6
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=sent_starts, ents=["B-PERSON", "I-PERSON"] + ["O"] * 14)


def test_the_rules_read_a_named_cue_and_a_pronoun_that_continues_it():
    doc = fischer_doc()
    rules = rule_pass(doc, detect(doc.text), resolver=lambda m, offset, pronoun, speakers: speakers[-1])
    assert [a.speaker for a in rules.answers] == ["Tanner Fischer", "Tanner Fischer"]
    assert [s.rule for s in rules.sources] == ["speech_cue", "speech_cue"]


def test_candidates_are_the_names_around_a_quotation_and_no_one():
    doc = fischer_doc()
    rules = rule_pass(doc, detect(doc.text), resolver=lambda *a: None)
    assert rules.table.candidates(1, rules.answers) == [None, "Tanner Fischer"]


def test_features_say_who_the_rules_picked_and_who_spoke_before():
    doc = fischer_doc()
    quotes = detect(doc.text)
    rules = rule_pass(doc, quotes, resolver=lambda m, offset, pronoun, speakers: speakers[-1])
    names = rules.table.candidates(1, rules.answers)
    rows = matrix(rules.table, quotes, rules.answers, rules.sources, 1, names, Spoken.of(rules.table, rules.answers))
    fischer, nobody = rows[names.index("Tanner Fischer")], rows[names.index(None)]
    f = FEATURES.index
    assert fischer[f("rule_pick")] == 1 and fischer[f("prev_speaker")] == 1 and fischer[f("gender_clashes")] == 0
    assert nobody[f("is_null")] == 1 and nobody[f("rule_pick")] == 0
    assert fischer[f("kind_pronoun")] == nobody[f("kind_pronoun")] == 1  # what the rules read is on every row


def test_the_best_candidate_wins_and_its_share_is_its_softmax_weight():
    scores = np.array([0.0, np.log(3.0)])
    best = pick([None, "Ana Ruiz"], scores, None, Margins())
    assert best == 1 and abs(share_of(scores, best) - 0.75) < 1e-9


def test_overruling_the_rules_needs_the_margin():
    names = [None, "Ana Ruiz", "Bo Lee"]
    scores = np.array([0.0, 1.0, 1.4])
    assert names[pick(names, scores, "Ana Ruiz", Margins(rule=0.5))] == "Ana Ruiz"
    assert names[pick(names, scores, "Ana Ruiz", Margins(rule=0.3))] == "Bo Lee"


def test_no_named_speaker_replaces_a_name_only_with_a_clear_lead():
    names = [None, "Ana Ruiz"]
    assert names[pick(names, np.array([1.5, 1.0]), "Ana Ruiz", Margins(null=1.0))] == "Ana Ruiz"
    assert names[pick(names, np.array([2.5, 1.0]), "Ana Ruiz", Margins(null=1.0))] is None
    # the rules found no name (`a senior official said`): none needs no lead
    assert names[pick(names, np.array([1.5, 1.0]), None, Margins(null=1.0))] is None


def test_the_shipped_model_reads_these_features_and_its_judge_gives_probabilities():
    from quotes.attribute.model import shipped

    model = shipped()
    assert model is not None, "resolver.txt/resolver.json missing or switched off: run make train-resolver"
    assert model.booster.num_feature() == len(FEATURES)
    assert model.judge.num_feature() == len(CONFIDENCE_FEATURES)
    rows = np.zeros((2, len(FEATURES)))
    sure = model.confidence(np.array([standing(rows, np.array([3.0, -3.0]), 0), standing(rows, np.array([0.0, 0.0]), 0)]))
    assert all(0.0 <= c <= 1.0 for c in sure)


def test_calibration_rescales_the_judges_odds_and_keeps_its_order():
    judged = np.array([0.0, 0.5, 0.9, 0.99, 1.0])
    assert np.allclose(Calibration()(judged[1:4]), judged[1:4])  # the identity by default
    too_sure = Calibration(slope=1.0, intercept=-0.5)  # a judge right less often than it says
    calibrated = too_sure(judged)
    assert np.all(np.diff(calibrated) > 0) and np.all(calibrated[1:4] < judged[1:4])
    assert abs(calibrated[1] - 1 / (1 + np.exp(0.5))) < 1e-9  # even odds become e^-0.5
    assert 0.0 < calibrated[0] and calibrated[-1] < 1.0  # finite at the ends


def test_how_a_pick_stands_is_its_row_its_share_its_lead_its_score_and_the_field():
    rows = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    s = standing(rows, np.array([0.0, np.log(3.0), -1.0]), 1)
    assert list(s[:2]) == [0.0, 1.0]  # the picked candidate's own row
    share, lead, score, field = s[2:]
    assert abs(share - 3 / (4 + np.exp(-1.0))) < 1e-9 and abs(lead - np.log(3.0)) < 1e-9
    assert score == np.log(3.0) and field == 3
    # kept by a margin over a better-scored rival: the lead is negative
    assert standing(rows, np.array([1.0, 0.0, 0.0]), 1)[3] == -1.0
