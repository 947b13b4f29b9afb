"""The speaker's name as the article writes it: short made-up articles, no model."""

from __future__ import annotations

from quotes.detect import detect
from quotes.records import Attribution
from quotes.speaker_evidence import checked


def said(text: str, speaker: str, speaker_type: str = "person") -> list[Attribution]:
    """What storage would get if the resolver gave every quotation of `text` to `speaker`."""
    found = [Attribution(quote=q, speaker=speaker, mention=speaker, kind="named", speaker_type=speaker_type,
                         confidence=0.8) for q in detect(text)]
    return checked(text, found)


def test_a_label_in_capitals_is_not_put_in_title_case():
    text = ("UN: PEACEKEEPERS PAID FOR SEX “The United Nations has been grappling with abuse,” "
            "officials said. More U.N. staff are under investigation.\n")
    [a] = said(text, "Un")
    assert (a.speaker, a.speaker_type) == ("UN", "org")


def test_a_given_name_alone_is_the_one_full_name_the_article_writes():
    text = ("“Europe is disintegrating as we speak,” said Sophie in 't Veld, a Dutch liberal.\n\n"
            "In 't Veld sees parallels with America.\n")
    [a] = said(text, "Sophie", "org")
    assert (a.speaker, a.speaker_type) == ("Sophie in 't Veld", "person")


def test_a_word_only_ever_inside_a_longer_name_is_no_speaker():
    text = ("Spies were swapped at Glienicke Bridge in Berlin, as in the film ''Bridge of Spies,'' "
            "which recounts the trade.\n")
    [a] = said(text, "Bridge")
    assert a.speaker is None and a.mention == "Bridge" and a.confidence is None


def test_a_name_the_article_also_writes_alone_stays_as_it_is():
    text = ("Sen. Cruz spoke first. “We will win,” Cruz said. Later Cruz left.\n")
    assert {a.speaker for a in said(text, "Cruz")} == {"Cruz"}
    text = "Donald Trump met voters. At the rally Melania Trump spoke: “We will win,” she said.\n"  # which Trump?
    assert [a.speaker for a in said(text, "Trump")] == ["Trump"]


def test_a_surname_written_only_after_a_people_s_name_is_kept():
    text = "“We will not leave,” said Venezuelan Maduro on Tuesday.\n"
    assert [a.speaker for a in said(text, "Maduro")] == ["Maduro"]


def test_a_nickname_in_quotation_marks_is_not_part_of_the_name():
    text = ("Former CIA operative John “Tig” Tiegen found both issues disqualifying.\n\n"
            "“She goes home. That’s it,” Tiegen stated.\n")
    assert {(a.speaker, a.speaker_type) for a in said(text, "Tiegen", "org")} == {("John Tiegen", "person")}


def test_a_surname_run_into_a_phrase_is_a_pun_not_a_name():
    text = ("Ted Cruz attacked the moderators. Cruz continued in that vein.\n\n"
            "Now we know: Cruz Control, plus a fair debate, is the cure. Voters pull the lever for “R,” "
            "and control of the legislatures follows.\n")
    [a] = said(text, "Cruz Control")
    assert a.speaker is None and a.mention == "Cruz Control"


def test_a_real_two_word_name_is_no_pun():
    text = ("Bill Gates spoke at the gates of the city; Bill Clinton listened.\n\n"
            "“We can end malaria,” said Bill Gates.\n")
    [a] = said(text, "Bill Gates")
    assert a.speaker == "Bill Gates"


def test_a_title_a_small_word_or_a_label_before_a_name_is_not_part_of_it():
    text = "Later Judge Berman spoke: “You will not go to prison,” Judge Berman said.\n"
    assert {a.speaker for a in said(text, "Berman")} == {"Berman"}
    text = "~ As Vulture put it, “Hello, it’s the Biebs.”\n"
    assert [a.speaker for a in said(text, "Vulture")] == ["Vulture"]
    text = "ROLL TIDE Alabama beat Clemson in what many call an “instant classic.”\n"
    assert [a.speaker for a in said(text, "Alabama", "org")] == ["Alabama"]


def test_a_surname_alone_is_the_full_name_the_article_gives():
    text = ("Vice President Joseph R. Biden Jr. spoke in Scranton.\n\n“It is a risk,” Mr. Biden said.\n")
    assert [a.speaker for a in said(text, "Biden")] == ["Joseph R. Biden Jr."]
    text = ("Melba Acosta Febo, the bank’s president, left.\n\n“We paid,” Ms. Acosta said.\n")
    assert [a.speaker for a in said(text, "Acosta")] == ["Melba Acosta Febo"]
    text = "Mayor Rahm Emanuel fired the chief. “We will act,” Emanuel said.\n"
    assert [a.speaker for a in said(text, "Emanuel")] == ["Rahm Emanuel"]


def test_a_surname_two_people_share_or_a_title_the_full_name_never_has_stays_alone():
    text = "Bill Clinton and Hillary Clinton arrived. “We are ready,” Clinton said.\n"
    assert [a.speaker for a in said(text, "Clinton")] == ["Clinton"]
    text = "Michelle Obama was there. “We will prevail,” Mr. Obama said.\n"
    assert [a.speaker for a in said(text, "Obama")] == ["Obama"]
    text = "Michelle Obama was there. “We will prevail,” President Obama said.\n"
    assert [a.speaker for a in said(text, "Obama")] == ["Obama"]


def test_a_full_name_starts_after_the_titles_and_places_before_it():
    text = "New York Congressman Pete King spoke. “We must act,” King said.\n"
    assert [a.speaker for a in said(text, "King")] == ["Pete King"]
    text = "C. Stewart Verdery Jr., a former official, agreed. “It failed,” Mr. Verdery said.\n"
    assert [a.speaker for a in said(text, "Verdery")] == ["C. Stewart Verdery Jr."]


def test_a_title_and_its_abbreviation_are_one_and_an_apposition_vouches_for_a_given_name():
    text = "Adm. Harry B. Harris Jr. warned Beijing. “We will sail,” Admiral Harris said.\n"
    assert [a.speaker for a in said(text, "Harris")] == ["Harry B. Harris Jr."]
    text = "Naureen Jahangir, a Sanders supporter, is not backing Clinton. “Never,” Jahangir said.\n"
    assert [a.speaker for a in said(text, "Jahangir")] == ["Naureen Jahangir"]


def test_a_headline_does_not_make_a_surname_a_given_name():
    text = "Laura Kelly Is No Feminist\n\nLaura Kelly hosted the debate. “I asked,” Kelly said.\n"
    assert [a.speaker for a in said(text, "Kelly")] == ["Laura Kelly"]
    text = "Kelly Ayotte and Megyn Kelly spoke. “I asked,” Kelly said.\n"
    assert [a.speaker for a in said(text, "Kelly")] == ["Kelly"]


def test_a_father_and_son_of_one_name_leave_the_surname_alone():
    text = ("Pastor Charles Elliott III spoke. His father, the Rev. Charles Elliott Jr., knew Ali.\n\n"
            "“No one did more,” Elliott said.\n")
    assert [a.speaker for a in said(text, "Elliott")] == ["Elliott"]


def test_a_surname_of_two_words_or_behind_a_headlines_title_is_the_full_name_too():
    text = "Rep. Debbie Wasserman Schultz spoke. “We are united,” Wasserman Schultz said.\n"
    assert [a.speaker for a in said(text, "Wasserman Schultz")] == ["Debbie Wasserman Schultz"]
    text = "Mayor Bill de Blasio came. “Trust him,” De Blasio said of the commissioner.\n"
    assert [a.speaker for a in said(text, "De Blasio")] == ["Bill de Blasio"]
    text = "Former AG Mukasey at RNC\n\nFormer Attorney General Michael Mukasey spoke. “It is a scandal,” he said.\n"
    assert [a.speaker for a in said(text, "AG Mukasey")] == ["Michael Mukasey"]


def test_a_full_name_of_the_other_sex_is_not_the_speaker_read_from_a_pronoun():
    text = "Michelle Obama sat in the front row. “We will prevail,” he said. “Hope wins,” Obama added.\n"
    quotes = [Attribution(quote=q, speaker="Obama", mention=m, kind="named", speaker_type="person", confidence=0.8)
              for q, m in zip(detect(text), ("he", "Obama"))]
    assert [a.speaker for a in checked(text, quotes)] == ["Obama", "Obama"]


def test_a_representatives_title_does_not_keep_the_surname_from_his_full_name():
    text = ("Griffith lost to Morris J. Brooks Jr., a conservative.\n\n"
            "Representative Brooks has said he wants ''anything short of shooting'' them out.\n")
    assert {a.speaker for a in said(text, "Brooks")} == {"Morris J. Brooks Jr."}


def test_a_name_cut_before_its_last_word_is_the_whole_name():
    text = "Trump met President Enrique Peña Nieto - and then “Mexicans deserve respect,” he said.\n"
    assert [a.speaker for a in said(text, "Enrique Peña")] == ["Enrique Peña Nieto"]


def test_a_place_named_as_a_modifier_is_no_speaker():
    text = ("He showed up near Sandy Hook Elementary School. He met the Sandy Hook families.\n\n"
            "“I was not ready,” he said.\n")
    [a] = said(text, "Sandy Hook")
    assert a.speaker is None and a.mention == "Sandy Hook"


def test_a_name_only_in_a_headline_with_its_last_word_nowhere_in_the_body_is_no_speaker():
    text = ("Hillary Camp Declining To Debate Bernie In New York\n\n"
            "Hillary Clinton’s campaign says “the tone” of the ads is the reason.\n")
    [a] = said(text, "Hillary Camp")
    assert a.speaker is None
    text = "Glenn Beck Blasts Drudge Over Trump\n\nBeck said the site was “a propaganda arm.”\n"
    assert [a.speaker for a in said(text, "Glenn Beck")] == ["Glenn Beck"]


def test_a_capitalised_word_no_list_has_before_the_surname_may_be_another_given_name():
    text = "Dick Cheney endorsed his daughter, Liz Cheney. “I will win,” Cheney said.\n"
    assert [a.speaker for a in said(text, "Cheney")] == ["Cheney"]


def test_no_more_than_a_persons_given_names_or_a_title_is_put_before_a_name():
    text = "The pro-Christie Union Leader has run editorials. “Obsequious pandering,” it wrote.\n"
    assert [a.speaker for a in said(text, "Union Leader", "org")] == ["Union Leader"]
    text = "Air Force 1st Lt. Jane Doe wrote: “We stay.”\n"
    assert [a.speaker for a in said(text, "Jane Doe")] == ["Jane Doe"]


def test_what_comes_before_a_whole_name_or_after_it_as_a_verb_leaves_it_alone():
    text = "The house was renovated. Said Dorothy Poynter, who grew up nearby: “He was kind.”\n"
    assert [a.speaker for a in said(text, "Dorothy Poynter")] == ["Dorothy Poynter"]
    text = "Even on Friday the Obama White House was refusing to say it. “We are still reluctant,” it said.\n"
    assert [a.speaker for a in said(text, "Obama White House", "org")] == ["Obama White House"]
    text = "On Wednesday the New York Daily News said “the NRA” is to blame, as the Daily News put it.\n"
    assert {a.speaker for a in said(text, "Daily News")} == {"Daily News"}


def test_a_given_name_no_list_has_is_one_when_the_article_writes_it_only_before_the_surname():
    text = ("CHICAGO - Rahm Emanuel may have thought the worst was over.\n\n"
            "“We will act,” Emanuel said. Protesters chanted “Rahm Emanuel's got to go!”\n")
    assert {a.speaker for a in said(text, "Emanuel")} == {"Rahm Emanuel"}
    text = "CHICAGO - Chicago Emanuel is a street. “We will act,” Emanuel said of Chicago.\n"
    assert {a.speaker for a in said(text, "Emanuel")} == {"Emanuel"}


def test_a_surname_the_tagger_called_an_organisation_is_completed_when_the_article_makes_it_a_person():
    text = ("Phoenix Mayor Greg Stanton wrote a letter.\n\n"
            "“Many more simply could not afford to wait,” Stanton wrote. Stanton said he was angry.\n")
    assert {(a.speaker, a.speaker_type) for a in said(text, "Stanton", "org")} == {("Greg Stanton", "person")}
    text = "Wisconsin Elects A Supreme Court Justice\n\nThe state Supreme Court campaign cost $2 million.\n“Queers,” she wrote.\n"
    assert [a.speaker for a in said(text, "Court Justice")] == [None]  # only in the headline; no `Supreme Court Justice`
