"""The rules that find a quotation's source (`attribute.sources`), on Docs parsed by hand."""

from __future__ import annotations

from handparse import hand_doc
from quotes.attribute import rule_pass
from quotes.attribute.sources import Article
from quotes.detect import detect


def speakers(doc) -> list[str | None]:
    return [a.speaker for a in rule_pass(doc, detect(doc.text), resolver=lambda *_: None).answers]


def test_the_cue_a_quotation_hangs_from_wins_over_the_main_clause():
    doc = hand_doc(
        "Clinton weighed in with her support on Tuesday evening, hours after Sanders said he was “encouraged” by the plan.",
        """
    Clinton NNP PROPN nsubj 1 Clinton B-PERSON
    weighed VBD VERB ROOT 1 weigh O
    in RP ADP prt 1 in O
    with IN ADP prep 1 with O
    her PRP$ PRON poss 5 her O
    support NN NOUN pobj 3 support O
    on IN ADP prep 5 on O
    Tuesday NNP PROPN compound 8 Tuesday B-DATE
    evening NN NOUN pobj 6 evening B-TIME
    , , PUNCT punct 1 , O
    hours NNS NOUN npadvmod 13 hour B-TIME
    after IN ADP mark 13 after O
    Sanders NNP PROPN nsubj 13 Sanders B-PERSON
    said VBD VERB advcl 1 say O
    he PRP PRON nsubjpass 17 he O
    was VBD AUX auxpass 17 was O
    “ `` PUNCT punct 17 " O
    encouraged VBN VERB ccomp 13 encourage O
    ” '' PUNCT punct 17 " O
    by IN ADP prep 17 by O
    the DT DET det 21 the O
    plan NN NOUN pobj 19 plan O
    . . PUNCT punct 1 . O
        """,
    )
    assert speakers(doc) == ["Sanders"]


def test_a_counted_word_is_not_a_name():
    doc = hand_doc(
        "In their study, researchers explain different ways used to light the streets as early as 500 BC saying “the ancient Romans used oil lamps.”",
        """
    In IN ADP prep 5 in O
    their PRP$ PRON poss 2 their O
    study NN NOUN pobj 0 study O
    , , PUNCT punct 5 , O
    researchers NNS NOUN nsubj 5 researcher O
    explain VBP VERB ROOT 5 explain O
    different JJ ADJ amod 7 different O
    ways NNS NOUN dobj 5 way O
    used VBN VERB acl 7 use O
    to TO PART aux 10 to O
    light VB VERB xcomp 8 light O
    the DT DET det 12 the O
    streets NNS NOUN dobj 10 street O
    as RB ADV advmod 14 as O
    early RB ADV advmod 10 early O
    as IN ADP mark 18 as O
    500 CD NUM nummod 17 500 B-CARDINAL
    BC NNP PROPN nsubj 18 BC B-ORG
    saying VBG VERB advcl 14 say O
    “ `` PUNCT punct 23 " O
    the DT DET det 22 the O
    ancient JJ ADJ amod 22 ancient O
    Romans NNPS PROPN nsubj 23 Romans B-NORP
    used VBD VERB ccomp 18 use O
    oil NN NOUN compound 25 oil O
    lamps NNS NOUN dobj 23 lamp O
    . . PUNCT punct 5 . O
    ” '' PUNCT punct 5 " O
        """,
    )
    article = Article(doc, detect(doc.text))
    bc = next(t for t in doc if t.text == "BC")
    assert bc.dep_ == "nsubj" and bc.head.text == "saying"  # the parser's reading: `500 BC` says it
    assert article.name_at(bc) is None


def test_a_trailing_says_and_a_name_after_it_beat_the_sentence_subject_when_the_parse_loses_them():
    doc = hand_doc(
        "Deforestation in the Amazon surged under former president Jair Bolsonaro and reversing the trend “is not simple”, "
        "says Thelma Krug, coordinator of the scientific council for COP30, who is based in São José dos Campos.",
        """
    Deforestation NNP PROPN nsubj 4 Deforestation O
    in IN ADP prep 0 in O
    the DT DET det 3 the O
    Amazon NNP PROPN pobj 1 Amazon B-ORG
    surged VBD VERB ccomp 20 surge O
    under IN ADP prep 4 under O
    former JJ ADJ amod 7 form O
    president NN NOUN compound 9 president O
    Jair NNP PROPN compound 9 Jair B-PERSON
    Bolsonaro NNP PROPN pobj 5 Bolsonaro I-PERSON
    and CC CCONJ cc 4 and O
    reversing VBG VERB conj 4 reverse O
    the DT DET det 13 the O
    trend NN NOUN dobj 11 trend O
    “ `` PUNCT punct 15 " O
    is VBZ AUX conj 4 is O
    not RB ADV neg 15 not O
    simple JJ ADJ acomp 15 simple O
    ” '' PUNCT punct 15 " O
    , , PUNCT punct 20 , O
    says VBZ VERB ROOT 20 say O
    Thelma NNP PROPN compound 22 Thelma B-PERSON
    Krug NNP PROPN nsubj 38 Krug I-PERSON
    , , PUNCT punct 22 , O
    coordinator NN NOUN appos 22 coordinator O
    of IN ADP prep 24 of O
    the DT DET det 28 the O
    scientific JJ ADJ amod 28 scientific O
    council NN NOUN pobj 25 council O
    for IN ADP prep 28 for O
    COP30 NNP PROPN pobj 29 COP30 O
    , , PUNCT punct 30 , O
    who WP PRON nsubjpass 34 who O
    is VBZ AUX auxpass 34 is O
    based VBN VERB relcl 30 base O
    in IN ADP prep 34 in O
    São NNP PROPN compound 37 São B-PERSON
    José NNP PROPN pobj 35 José I-PERSON
    dos VBZ VERB ccomp 20 do O
    Campos NNP PROPN dobj 38 Campos O
    . . PUNCT punct 20 . O
        """,
    )
    assert not any(t.dep_ == "nsubj" and t.head.text == "says" for t in doc)  # the parser lost the subject
    assert speakers(doc) == ["Thelma Krug"]


def test_a_cue_set_off_by_commas_speaks_for_its_whole_sentence():
    doc = hand_doc(
        "In the darkness, Mr Temba says, women can be harassed, attacked by robbers or raped and suppose they report "
        "such issues to police, no clear evidence can be presented because, “they can’t mark them in darkness.”",
        """
    In IN ADP prep 11 in O
    the DT DET det 2 the O
    darkness NN NOUN pobj 0 darknes O
    , , PUNCT punct 6 , O
    Mr NNP PROPN compound 5 Mr O
    Temba NNP PROPN nsubj 6 Temba B-PERSON
    says VBZ VERB parataxis 11 say O
    , , PUNCT punct 6 , O
    women NNS NOUN nsubjpass 11 woman O
    can MD AUX aux 11 can O
    be VB AUX auxpass 11 be O
    harassed VBN VERB ccomp 32 harass O
    , , PUNCT punct 11 , O
    attacked VBN VERB advcl 11 attack O
    by IN ADP agent 13 by O
    robbers NNS NOUN pobj 14 robber O
    or CC CCONJ cc 13 or O
    raped VBD VERB conj 13 rap O
    and CC CCONJ cc 17 and O
    suppose VB VERB conj 17 suppose O
    they PRP PRON nsubj 21 they O
    report VBP VERB ccomp 19 report O
    such JJ ADJ amod 23 such O
    issues NNS NOUN dobj 21 issue O
    to IN ADP prep 21 to O
    police NNS NOUN pobj 24 police O
    , , PUNCT punct 32 , O
    no DT DET det 29 no O
    clear JJ ADJ amod 29 clear O
    evidence NN NOUN nsubjpass 32 evidence O
    can MD AUX aux 32 can O
    be VB AUX auxpass 32 be O
    presented VBN VERB ROOT 32 present O
    because IN ADP mark 39 because O
    , , PUNCT punct 39 , O
    “ `` PUNCT punct 39 " O
    they PRP PRON nsubj 39 they O
    ca MD AUX aux 39 ca O
    n’t RB ADV neg 39 n’t O
    mark VB VERB advcl 32 mark O
    them PRP PRON dobj 39 them O
    in IN ADP prep 39 in O
    darkness NN NOUN pobj 41 darknes O
    . . PUNCT punct 32 . O
    ” '' PUNCT punct 32 " O
        """,
    )
    assert speakers(doc) == ["Temba"]


def test_she_added_after_a_quotation_is_the_one_who_was_speaking():
    doc = hand_doc(
        "“Maxwell and Epstein were in the room,” Marina Lacerda said. “I know they raped me.” She added: “I really want to talk to this girl.”",
        """
    “ `` PUNCT punct 12 " O
    Maxwell NNP PROPN nsubj 4 Maxwell B-PERSON
    and CC CCONJ cc 1 and O
    Epstein NNP PROPN conj 1 Epstein B-PERSON
    were VBD AUX ccomp 12 were O
    in IN ADP prep 4 in O
    the DT DET det 7 the O
    room NN NOUN pobj 5 room O
    , , PUNCT punct 12 , O
    ” '' PUNCT punct 12 " O
    Marina NNP PROPN compound 11 Marina B-PERSON
    Lacerda NNP PROPN nsubj 12 Lacerda I-PERSON
    said VBD VERB ROOT 12 say O
    . . PUNCT punct 12 . O
    “ `` PUNCT punct 16 " O
    I PRP PRON nsubj 16 i O
    know VBP VERB ROOT 16 know O
    they PRP PRON nsubj 18 they O
    raped VBD VERB ccomp 16 rap O
    me PRP PRON dobj 18 me O
    . . PUNCT punct 16 . O
    ” '' PUNCT punct 16 " O
    She PRP PRON nsubj 23 she O
    added VBD VERB ROOT 23 add O
    : : PUNCT punct 23 : O
    “ `` PUNCT punct 23 " O
    I PRP PRON nsubj 28 i O
    really RB ADV advmod 28 really O
    want VBP VERB ccomp 23 want O
    to TO PART aux 30 to O
    talk VB VERB xcomp 28 talk O
    to IN ADP prep 30 to O
    this DT DET det 33 this O
    girl NN NOUN pobj 31 girl O
    . . PUNCT punct 23 . O
    ” '' PUNCT punct 23 " O
        """,
    )
    assert speakers(doc) == ["Marina Lacerda"] * 3


def test_a_document_is_not_a_speaker_even_when_tagged_as_one():
    doc = hand_doc(
        "The Bill will also remove ‘unscrupulous’ exclusion clauses, the paper said.",
        """
    The DT DET det 1 the O
    Bill NNP PROPN nsubj 4 Bill B-PERSON
    will MD AUX aux 4 will O
    also RB ADV advmod 4 also O
    remove VB VERB ccomp 13 remove O
    ‘ `` PUNCT punct 9 ' O
    unscrupulous JJ ADJ amod 9 unscrupulous O
    ’ '' PUNCT punct 9 ' O
    exclusion NN NOUN compound 9 exclusion O
    clauses NNS NOUN dobj 4 clause O
    , , PUNCT punct 13 , O
    the DT DET det 12 the O
    paper NN NOUN nsubj 13 paper O
    said VBD VERB ROOT 13 say O
    . . PUNCT punct 13 . O
        """,
    )
    article = Article(doc, detect(doc.text))
    assert article.name_at(doc[1]) is None  # `The Bill`: a document


def test_an_interviewer_who_pressed_asked_the_question():
    doc = hand_doc(
        "“Building it? Not negotiable,” Trump said. “Would it be negotiable about the 11 million?” Hannity pressed.",
        """
    “ `` PUNCT punct 1 " O
    Building VBG VERB ROOT 1 build O
    it PRP PRON dobj 1 it O
    ? . PUNCT punct 1 ? O
    Not RB ADV neg 5 not O
    negotiable JJ ADJ ccomp 9 negotiable O
    , , PUNCT punct 9 , O
    ” '' PUNCT punct 9 " O
    Trump NNP PROPN nsubj 9 Trump B-PERSON
    said VBD VERB ROOT 9 say O
    . . PUNCT punct 9 . O
    “ `` PUNCT punct 14 " O
    Would MD AUX aux 14 would O
    it PRP PRON nsubj 14 it O
    be VB AUX ROOT 14 be O
    negotiable JJ ADJ acomp 14 negotiable O
    about IN ADP prep 15 about O
    the DT DET det 19 the O
    11 CD NUM compound 19 11 O
    million CD NUM pobj 16 million O
    ? . PUNCT punct 14 ? O
    ” '' PUNCT punct 14 " O
    Hannity NN NOUN nsubj 23 Hannity B-PERSON
    pressed VBD VERB ROOT 23 press O
    . . PUNCT punct 23 . O
        """,
    )
    assert speakers(doc) == ["Trump", "Hannity"]


def test_a_group_speaks_for_the_organisation_it_names_and_an_unnamed_group_for_no_one():
    doc = hand_doc(
        "“Companies should start preparing now,” analysts at Boston Consulting Group wrote in a report. "
        "“We are watching,” prison officials wrote.",
        """
    “ `` PUNCT punct 13 " O
    Companies NNS NOUN nsubj 3 company O
    should MD AUX aux 3 should O
    start VB VERB ccomp 13 start O
    preparing VBG VERB xcomp 3 prepare O
    now RB ADV advmod 4 now O
    , , PUNCT punct 13 , O
    ” '' PUNCT punct 8 " O
    analysts NNS NOUN nsubj 13 analyst O
    at IN ADP prep 8 at O
    Boston NNP PROPN compound 12 Boston B-ORG
    Consulting NNP PROPN compound 12 Consulting I-ORG
    Group NNP PROPN pobj 9 Group I-ORG
    wrote VBD VERB ROOT 13 write O
    in IN ADP prep 13 in O
    a DT DET det 16 a O
    report NN NOUN pobj 14 report O
    . . PUNCT punct 13 . O
    “ `` PUNCT punct 26 " O
    We PRP PRON nsubj 21 we O
    are VBP AUX aux 21 are O
    watching VBG VERB ccomp 26 watch O
    , , PUNCT punct 26 , O
    ” '' PUNCT punct 26 " O
    prison NN NOUN compound 25 prison O
    officials NNS NOUN nsubj 26 official O
    wrote VBD VERB ROOT 26 write O
    . . PUNCT punct 26 . O
        """,
    )
    assert speakers(doc) == ["Boston Consulting Group", None]
