"""Who the article's people are (`quotes.mentions`), on a Doc parsed by hand."""

from __future__ import annotations

from handparse import frozen, hand_doc
from quotes.attribute import rule_pass
from quotes.detect import detect
from quotes.entities import looks_like_person
from quotes.mentions import Mentions

PRASAD = (
    "Eswar Prasad, a professor at Cornell University, said the Fed matters. "
    "“Many people have taken an ostrich approach,” he said."
)
# as the small model tags it: both names ORG
PRASAD_PARSE = """
    Eswar NNP PROPN compound 1 Eswar B-ORG
    Prasad NNP PROPN nsubj 9 Prasad I-ORG
    , , PUNCT punct 1 , O
    a DT DET det 4 a O
    professor NN NOUN appos 1 professor O
    at IN ADP prep 4 at O
    Cornell NNP PROPN compound 7 Cornell B-ORG
    University NNP PROPN pobj 5 University I-ORG
    , , PUNCT punct 1 , O
    said VBD VERB ROOT 9 say O
    the DT DET det 12 the O
    Fed NNP PROPN compound 12 Fed B-ORG
    matters VBZ VERB ccomp 9 matter O
    . . PUNCT punct 9 . O
    “ `` PUNCT punct 18 " O
    Many JJ ADJ amod 16 Many O
    people NNS NOUN nsubj 18 people O
    have VBP AUX aux 18 have O
    taken VBN VERB ccomp 25 take O
    an DT DET det 21 an O
    ostrich NN NOUN compound 21 ostrich O
    approach NN NOUN dobj 18 approach O
    , , PUNCT punct 25 , O
    ” '' PUNCT punct 25 " O
    he PRP PRON nsubj 25 he O
    said VBD VERB ROOT 25 say O
    . . PUNCT punct 25 . O
"""


def test_a_name_tagged_org_is_a_person_when_described_as_one_and_a_university_never():
    doc = hand_doc(PRASAD, PRASAD_PARSE)
    prasad, cornell = [e for e in doc.ents if e.text in ("Eswar Prasad", "Cornell University")]
    assert looks_like_person(prasad)  # `, a professor at ...`
    assert not looks_like_person(cornell)  # `Cornell` is a given name, `University` an organisation's word


def test_he_is_the_professor_not_his_university():
    doc = hand_doc(PRASAD, PRASAD_PARSE)
    answers = rule_pass(doc, detect(doc.text)).answers
    assert [a.speaker for a in answers] == ["Eswar Prasad"]


JAHANGIR = (
    "Bernie Sanders spoke in Hemet on Monday.\n\n"
    "Naureen Jahangir, a supporter from Hemet, is among those who say they will not back Clinton. "
    "The campaign was the first time she had been involved.\n\n"
    '"It is a false choice," she said.'
)
FIELD = (
    "Leslie Field runs the project. Field told me that she had spoken at an event.\n\n"
    'Steven Zornetzer met Field in 2015. "Her insight was good," he told me.'
)


def test_a_given_name_the_list_does_not_know_takes_the_gender_of_the_pronouns_after_it():
    doc = frozen(JAHANGIR, "mentions")
    names = Mentions(doc, detect(doc.text)).names
    assert names.gender("Naureen Jahangir") == "f"  # `she` follows her as the subject, not Clinton, the object
    assert [a.speaker for a in rule_pass(doc, detect(doc.text)).answers] == ["Naureen Jahangir"]


def test_the_article_tells_that_leslie_is_a_woman_so_he_is_the_man_named_before():
    doc = frozen(FIELD, "mentions")
    names = Mentions(doc, detect(doc.text)).names
    assert (names.gender("Leslie Field"), names.gender("Steven Zornetzer")) == ("f", "m")
    assert [a.speaker for a in rule_pass(doc, detect(doc.text)).answers] == ["Steven Zornetzer"]


def test_a_surname_two_people_share_gets_no_gender_from_pronouns():
    text = "Bill Clinton spoke first. Then he left. Hillary Clinton spoke next. Then she left. Clinton smiled. She waved."
    doc = frozen(text, "mentions")
    assert Mentions(doc, detect(doc.text)).names.pronouns.get("clinton") is None


def test_a_title_before_a_name_is_not_taken_for_its_given_name():
    doc = frozen("Justice Scalia wrote the opinion.", "mentions")
    assert [e.text for e in Mentions(doc, []).people] == ["Scalia"]


def test_where_analysts_work_is_an_organisation_though_its_name_starts_with_a_given_name():
    doc = frozen('Analysts at Morgan Stanley wrote in a note that the cuts were "overdue".', "mentions")
    morgan_stanley = next(e for e in doc.ents if e.text == "Morgan Stanley")
    assert not looks_like_person(morgan_stanley)
    assert rule_pass(doc, detect(doc.text)).table.kind["Morgan Stanley"] == "org"


def test_a_person_tagged_name_ending_in_a_place_word_is_a_place():
    from spacy.tokens import Span

    from quotes.entities import as_place

    doc = hand_doc(
        "near Lindi Bus Stand",
        """
    near IN ADP prep 0 near O
    Lindi NNP PROPN compound 3 Lindi B-PERSON
    Bus NNP PROPN compound 3 Bus I-PERSON
    Stand NNP PROPN pobj 0 Stand I-PERSON
        """,
    )
    assert as_place(doc.ents[0]).label_ == "FAC"
    assert as_place(Span(doc, 1, 2, label="PERSON")).label_ == "PERSON"  # `Lindi` alone: no place word


def test_every_token_that_can_be_a_person_passes_the_cheap_first_test():
    import json
    from pathlib import Path

    seen = 0
    for name in ("mentions", "attribute_rules"):
        for text in json.loads((Path(__file__).parent / "parses" / f"{name}.json").read_text(encoding="utf-8")):
            doc = frozen(text, name)
            m = Mentions(doc, detect(text))
            people = [t.i for t in doc if m._is_person(t)]
            assert all(m._maybe_person[i] for i in people), text
            seen += len(people)
    assert seen > 100  # the kept passages name many people


ADEYEMI = "Obi Adeyemi runs the firm her father, Felix Adeyemi, founded. “It works,” Adeyemi said."
# as the small model tagged such an article: the daughter a place, the father a person
ADEYEMI_PARSE = """
    Obi NNP PROPN compound 1 Obi B-GPE
    Adeyemi NNP PROPN nsubj 2 Adeyemi I-GPE
    runs VBZ VERB ROOT 2 run O
    the DT DET det 4 the O
    firm NN NOUN dobj 2 firm O
    her PRP$ PRON poss 6 her O
    father NN NOUN nsubj 11 father O
    , , PUNCT punct 6 , O
    Felix NNP PROPN compound 9 Felix B-PERSON
    Adeyemi NNP PROPN appos 6 Adeyemi I-PERSON
    , , PUNCT punct 6 , O
    founded VBD VERB relcl 4 found O
    . . PUNCT punct 2 . O
    “ `` PUNCT punct 19 " O
    It PRP PRON nsubj 15 it O
    works VBZ VERB ccomp 19 work O
    , , PUNCT punct 19 , O
    ” '' PUNCT punct 19 " O
    Adeyemi NNP PROPN nsubj 19 Adeyemi B-PERSON
    said VBD VERB ROOT 19 say O
    . . PUNCT punct 19 . O
"""


def test_a_full_name_tagged_a_place_that_shares_a_persons_surname_is_a_person_and_the_relative_is_not_meant():
    m = Mentions(hand_doc(ADEYEMI, ADEYEMI_PARSE), detect(ADEYEMI))
    assert [ent.text for ent in m.people][:2] == ["Obi Adeyemi", "Felix Adeyemi"]
    assert m.names.canonical("Adeyemi", ADEYEMI.rindex("Adeyemi")) == "Obi Adeyemi"


ASHBY = "But the Member for Clarence, Tom Ashby, said it was slow."
# as the small model parses such a sentence: the name hung on the place, the place tagged a person
ASHBY_PARSE = """
    But CC CCONJ cc 9 but O
    the DT DET det 2 the O
    Member NNP PROPN nsubj 9 Member O
    for IN ADP prep 2 for O
    Clarence NNP PROPN pobj 3 Clarence B-PERSON
    , , PUNCT punct 4 , O
    Tom NNP PROPN compound 7 Tom B-PERSON
    Ashby NNP PROPN appos 4 Ashby I-PERSON
    , , PUNCT punct 2 , O
    said VBD VERB ROOT 9 say O
    it PRP PRON nsubj 11 it O
    was VBD AUX ccomp 9 be O
    slow JJ ADJ acomp 11 slow O
    . . PUNCT punct 9 . O
"""


def test_a_title_with_its_holder_in_apposition_is_the_holder_not_the_place():
    doc = hand_doc(ASHBY, ASHBY_PARSE)
    source = Mentions(doc, detect(ASHBY)).describe(doc[2], "said")
    assert (source.kind, source.name) == ("named", "Tom Ashby")
