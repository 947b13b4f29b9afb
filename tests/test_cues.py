"""Which words report speech (`cues.is_cue`), on Docs parsed by hand."""

from __future__ import annotations

from handparse import hand_doc
from quotes.cues import is_cue


def test_put_reports_speech_only_when_it_puts_it():
    as_she_put_it = hand_doc(
        "As she put it, no.",
        """
    As IN SCONJ mark 2 as O
    she PRP PRON nsubj 2 she O
    put VBD VERB advcl 6 put O
    it PRP PRON dobj 2 it O
    , , PUNCT punct 6 , O
    no UH INTJ intj 6 no O
    . . PUNCT punct 6 . O
        """,
    )
    headline = hand_doc(
        "Trump Would Put Liberals On Court",
        """
    Trump NNP PROPN nsubj 2 Trump B-PERSON
    Would MD AUX aux 2 would O
    Put VB VERB ROOT 2 put O
    Liberals NNS NOUN dobj 2 liberal O
    On IN ADP prep 2 on O
    Court NNP PROPN pobj 4 Court O
        """,
    )
    assert is_cue(as_she_put_it[2]) and not is_cue(headline[2])


def test_implying_reports_speech():
    doc = hand_doc(
        "He implied that they lied.",
        """
    He PRP PRON nsubj 1 he O
    implied VBD VERB ROOT 1 imply O
    that IN SCONJ mark 4 that O
    they PRP PRON nsubj 4 they O
    lied VBD VERB ccomp 1 lie O
    . . PUNCT punct 1 . O
        """,
    )
    assert is_cue(doc[1])


def test_laughing_and_sighing_report_speech_in_features():
    doc = hand_doc(
        "she laughed",
        """
    she PRP PRON nsubj 1 she O
    laughed VBD VERB ROOT 1 laugh O
        """,
    )
    assert is_cue(doc[1])
