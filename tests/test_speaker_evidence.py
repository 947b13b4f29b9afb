"""The article's own words overrule the resolver's speaker: short made-up articles, no model."""

from __future__ import annotations

from quotes.detect import detect
from quotes.records import Attribution
from quotes.speaker_evidence import checked, split_affiliation, split_title


def said(text: str, speaker: str, speaker_type: str = "person", **more) -> list[Attribution]:
    """What storage would get if the resolver gave every quotation of `text` to `speaker`."""
    found = [Attribution(quote=q, speaker=speaker, mention=speaker, kind="named", speaker_type=speaker_type,
                         confidence=0.8, **more) for q in detect(text)]
    return checked(text, found)


def test_a_word_the_article_writes_in_lower_case_is_no_name():
    text = ("Deforestation in the Amazon surged last year.\n\n"
            "The cheapest way to cut emissions is tackling deforestation, “and fast,” the report says.\n")
    [a] = said(text, "Deforestation")
    assert a.speaker is None and a.mention == "Deforestation" and a.confidence is None and a.speaker_type is None


def test_a_surname_that_is_also_a_word_stays_when_the_article_uses_it_as_a_name():
    text = ("Young voters stayed home, and the young were missed.\n\n"
            "“We will win them back,” said Sen. Young, who spoke in Indianapolis.\n")
    [a] = said(text, "Young")
    assert a.speaker == "Young" and a.speaker_type == "person"


def test_a_name_only_inside_quotation_marks_is_a_title_not_a_speaker():
    text = "According to his book “The Art of the Deal,” he bought the plane for cash.\n"
    assert [a.speaker for a in said(text, "Art")] == [None]


def test_a_family_is_not_one_speaker():
    text = "The Clintons left early. Clinton had spoken first: “We are grateful,” the Clintons said.\n"
    assert {a.speaker for a in said(text, "Clintons")} == {None}


def test_a_title_or_given_name_before_a_name_makes_a_person():
    text = "Steve Symms ran for the seat. “I will win,” Mr. Symms said, “and soon.”\n"
    assert {a.speaker_type for a in said(text, "Symms", "org")} == {"person"}


def test_the_before_a_name_makes_an_organisation():
    text = "“It is not a priority,” Reid told the Las Vegas Sun on Sunday.\n"
    assert [a.speaker_type for a in said(text, "Las Vegas Sun", "person")] == ["org"]
    text = "“It was late,” the Dutch newspaper NRC Handelsblad wrote.\n"
    assert [a.speaker_type for a in said(text, "NRC Handelsblad", "person")] == ["org"]


def test_the_obama_administration_says_nothing_about_obama():
    text = "The Obama administration moved fast. “We acted,” Obama said.\n"
    assert [a.speaker_type for a in said(text, "Obama", "person")] == ["person"]


def test_mixed_evidence_leaves_the_resolvers_type():
    text = "As The Hill reported, Baron Hill agreed. “We will see,” Hill said.\n"
    assert [a.speaker_type for a in said(text, "Hill", "org")] == ["org"]


def test_a_person_of_an_organisation_is_the_person_with_the_organisation_as_role():
    text = "“They were beaten,” said Meenakshi Ganguly of Human Rights Watch.\n"
    [a] = said(text, "Meenakshi Ganguly of Human Rights Watch", "org")
    assert (a.speaker, a.speaker_type, a.role) == ("Meenakshi Ganguly", "person", "Human Rights Watch")


def test_names_with_of_that_are_one_name_stay_whole():
    for name in ("Bank of America", "Secretary of State", "Duke of Edinburgh", "Joan of Arc", "Mary Queen of Scots"):
        assert split_affiliation(name) == (name, None)


def test_real_speakers_pass_unchanged():
    text = ("WASHINGTON — Derek Chollet, a State Department counsellor, spoke on Monday.\n\n"
            "“We are ready,” Chollet said.\n")
    before = [Attribution(quote=q, speaker="Derek Chollet", kind="named", speaker_type="person") for q in detect(text)]
    assert checked(text, before) == before


def test_a_lower_case_word_is_a_handle_only_when_the_article_writes_it_as_one():
    text = "“They got great ratings,” the billionaire business mogul told People.\n"
    assert [a.speaker for a in said(text, "mogul")] == [None]
    text = "“Vote,” wrote @acebush on Twitter, and acebush meant it.\n"
    assert [a.speaker for a in said(text, "acebush")] == ["acebush"]


def test_a_word_named_once_where_a_line_begins_is_a_headlines_verb():
    text = "London mayor rebuffs Trump on ban;\nSpurns offer, blasts 'ignorant view of Islam.'\n"
    assert {a.speaker for a in said(text, "Spurns")} == {None}
    assert {a.speaker for a in said(text, "Spurns", "org")} == {None}  # typed an organisation (tagged NORP): the same word
    text = "Reports went out on Monday.\nCNN reported: “It is over.”\n"
    assert {a.speaker for a in said(text, "CNN", "org")} == {"CNN"}  # an organisation's name by its shape stays


def test_a_name_after_a_closing_quotation_mark_is_inside_its_sentence():
    text = "“We need to be careful,” Obama stated, as Obama often does.\n\nThe obama-era rules stay.\n"
    assert [a.speaker for a in said(text, "Obama")] == ["Obama"]


def test_a_name_used_once_as_a_label_is_a_speaker():
    text = "Milbank: Republicans “have lost the plot.”\n"
    assert [a.speaker for a in said(text, "Milbank")] == ["Milbank"]


def test_a_description_the_article_writes_in_lower_case_is_no_name():
    text = "Christian Speaker Just Shared This\n\nThe Christian speaker shared it: “They will not stay locked.”\n"
    assert [a.speaker for a in said(text, "Christian Speaker")] == [None]


def test_himself_after_a_name_makes_a_person():
    text = "At the debate, Sanders compared himself to Roosevelt. “I am no radical,” Sanders said.\n"
    assert [a.speaker_type for a in said(text, "Sanders", "org")] == ["person"]


def test_a_title_before_a_whole_name_is_the_role():
    text = "“We disagree,” said Spokeswoman Haley Morris.\n"
    [a] = said(text, "Spokeswoman Haley Morris", "org")
    assert (a.speaker, a.speaker_type, a.role) == ("Haley Morris", "person", "Spokeswoman")
    assert split_title("King Charles") == ("King Charles", None) and split_title("Sen. Warren") == ("Sen. Warren", None)


def test_a_surname_particle_the_article_always_writes_stays_with_the_name():
    text = "Mayor Bill de Blasio spoke late. “We are ready,” de Blasio said, and de Blasio left.\n"
    assert [a.speaker for a in said(text, "Blasio")] == ["Bill de Blasio"]  # and the full name (quotes.written_forms)
    text = "The mayor spoke late. “We are ready,” de Blasio said, and de Blasio left.\n"
    assert [a.speaker for a in said(text, "Blasio")] == ["de Blasio"]
    text = "“We are ready,” Blasio said.\n"
    assert [a.speaker for a in said(text, "Blasio")] == ["Blasio"]


def test_what_the_article_says_of_the_surname_makes_a_person_of_a_name_tagged_an_organisation():
    text = "“I can’t vote for Trump,” said Concord resident Whit Symms.\n\nSymms said he had been impressed.\n"
    assert {a.speaker_type for a in said(text, "Whit Symms", "org")} == {"person"}
    text = "“We will merge,” said Goldman Sachs. Sachs, which is old, agreed.\n"
    assert {a.speaker_type for a in said(text, "Goldman Sachs", "org")} == {"org"}


def test_a_kin_or_role_in_apposition_before_a_name_makes_a_person():
    text = "Schilling’s son, Grant, defended his father, saying: “He is no bigot.”\n"
    assert {a.speaker_type for a in said(text, "Grant", "org")} == {"person"}


def test_an_apposition_that_names_a_kind_of_organisation_makes_an_organisation():
    text = "“It was cut,” the campaign said. It was distributed by America Rising, a conservative research firm.\n"
    assert [a.speaker_type for a in said(text, "America Rising", "person")] == ["org"]
    text = "“We will win,” said Jim Bopp, a member of the convention’s committee.\n"
    assert [a.speaker_type for a in said(text, "Jim Bopp", "person")] == ["person"]  # a member of it: a person
    text = "“It is late,” said Kim Smith, a Post reporter.\n"
    assert [a.speaker_type for a in said(text, "Kim Smith", "person")] == ["person"]


def test_a_hashtag_is_no_speaker():
    text = "The hashtag #PorteOuverte - “open door” - became a vehicle for offering shelter.\n"
    assert [a.speaker for a in said(text, "PorteOuverte")] == [None]


def test_a_name_once_at_a_line_start_that_a_speech_verb_follows_is_a_speaker():
    text = "Coffee prices hit a record high.\n\nStarbucks said it had “secured supply for the coming months”.\n"
    assert [a.speaker for a in said(text, "Starbucks")] == ["Starbucks"]


def test_a_name_people_work_at_is_not_made_a_person_by_its_shape():
    text = "“Rates will fall,” analysts at Morgan Stanley wrote on Monday.\n"
    assert [a.speaker_type for a in said(text, "Morgan Stanley", "org")] == ["org"]
    text = "“I will stay,” said Whit Symms, who lives in Concord.\n"
    assert [a.speaker_type for a in said(text, "Whit Symms", "org")] == ["person"]


def test_a_phrase_is_found_where_the_whole_word_pattern_finds_it():
    from quotes.speaker_evidence import _find, _pattern

    text = "Young, Youngs and Young’s son; McYoung, Young-Kim, .Young, 'Young', Young'\nYoung_ Young1 Youngé Young"
    for phrase in ("Young", "Young’s", "Young'", "g", "Young Young"):
        assert _find(phrase, text) == [m.start() for m in _pattern(phrase, True).finditer(text)]
    # `Young,` and `Young'` before a line break; not `Youngs`, `Young’s`, `McYoung`, `Young-Kim`, `.Young`, `'Young'`, `Young_`
    assert _find("Young", text) == [0, 68, 96]


def test_an_outlet_or_body_is_known_by_the_words_it_comes_with():
    text = ("Pew looked at nine online panels. “The samples vary,” Pew found, according to a new Pew Research "
            "report.\n")
    assert {a.speaker_type for a in said(text, "Pew")} == {"org"}  # the start of an organisation's name
    text = "“Not to mention the debates,” mused Blaze co-host Stu Burguiere. “It was big,” Blaze wrote.\n"
    assert {a.speaker_type for a in said(text, "Blaze")} == {"org"}  # a media job before a person's name
    text = "Later that month, Scribner is set to publish ''Trump Revealed.'' “It is timely,” Scribner said.\n"
    assert {a.speaker_type for a in said(text, "Scribner")} == {"org"}


def test_the_inside_a_sentence_or_a_country_after_a_comma_outweighs_a_given_names_shape():
    text = "“We disagree,” Jamal Ware said in a statement according to The Blaze. “It is late,” Blaze said.\n"
    assert {a.speaker_type for a in said(text, "Blaze")} == {"org"}  # `Blaze` is a given name too
    text = "“If Sanders had won half of the coin tosses, it was 695,” The Blaze reported.\n"
    assert {a.speaker_type for a in said(text, "Blaze")} == {"org"}
    text = ("The most dangerous cities include San Pedro Sula, Honduras; and Caracas. “The town is safer,” "
            "San Pedro Sula said in a report.\n")
    assert {a.speaker_type for a in said(text, "San Pedro Sula")} == {"org"}


def test_a_persons_organisation_or_a_headline_says_nothing_against_the_person():
    text = "“We are proud,” Hillary Clinton said of the Clinton Foundation.\n"
    assert {a.speaker_type for a in said(text, "Hillary Clinton")} == {"person"}
    text = "Sanders Campaign Responds To The Latest Poll Numbers\n\n“We will win,” Sanders said.\n"
    assert {a.speaker_type for a in said(text, "Sanders")} == {"person"}
    text = "“We will win,” said Sanders, who led the Clinton campaign in Iowa.\n"
    assert {a.speaker_type for a in said(text, "Sanders")} == {"person"}


def test_a_nonprofit_or_a_pac_supporting_someone_is_an_organisation():
    text = "Soumitra Das leads the nonprofit Healthy Climate Initiative. “Water is short,” Healthy Climate Initiative said.\n"
    assert {a.speaker_type for a in said(text, "Healthy Climate Initiative")} == {"org"}
    text = "“We are ready,” said Priorities USA, a super PAC supporting Hillary Clinton.\n"
    assert {a.speaker_type for a in said(text, "Priorities USA")} == {"org"}


def test_a_works_title_is_no_speaker():
    text = ("Clinton Cash Debunks Hillary: “Only One or Two Instances”\n\n"
            "An account from Peter Schweizer’s book Clinton Cash, reveal there was more.\n")
    assert [a.speaker for a in said(text, "Clinton Cash")] == [None]
    text = "In the book Hillary Clinton wrote, she said: “We came back.” Hillary Clinton, who ran, agreed.\n"
    assert [a.speaker for a in said(text, "Hillary Clinton")] == ["Hillary Clinton"]


def test_a_questions_verb_is_no_given_name():
    text = ("Game over. Will Sanders come down off the pique?\n\n"
            "Bernie Sanders spoke last. “We will take our fight to Philadelphia,” he said.\n")
    assert [a.speaker for a in said(text, "Will Sanders")] == ["Bernie Sanders"]
    text = "Will Smith said: “We fight on.” The actor left.\n"
    assert [a.speaker for a in said(text, "Will Smith")] == ["Will Smith"]
