"""A stored name is a name: each kind of junk the PolNeAR ingest stored, and real names that must pass."""

from __future__ import annotations

import pytest

from quotes.name_checks import before_headline_words, is_handle, is_partial, name_problems, role_problems, speaker_kind, tidy_name
from quotes.lookup import name_lookup_key


@pytest.mark.parametrize("name", [
    "Derek Chollet", "Xi Jinping", "Martin Luther King Jr.", "Ludwig van Beethoven", "Beto O’Rourke",
    "Sørensen", "Donald J. Trump", "Ron DeSantis", "Edward Said", "Will Smith", "J. K. Rowling",
    "Kim Jong Un", "Sen. Bernie Sanders", "McDonald",
    # names made of words the checks also look for (found by `make audit`)
    "Al From", "George Will", "J. J. Price", "Anwar al-Awlaki", "Valéry Giscard d’Estaing", "Steve Israel", "Jean King",
])
def test_real_person_names_pass(name):
    assert name_problems(name, "person") == []


@pytest.mark.parametrize("name", [
    "Ministry of Foreign Affairs", "House Select Committee on the CCP", "IDF", "Israel", "Aguas del Norte",
    "New York Times", "G20",
])
def test_real_organisation_names_pass(name):
    assert name_problems(name, "org") == []


@pytest.mark.parametrize("name, problem", [
    ("CEO", "a title or role alone"),
    ("Ambassador", "a title or role alone"),
    ("President", "a title or role alone"),
    ("Foreign Minister", "a title or role alone"),
    ("Secretary of State", "a title or role alone"),
    ("Executive", "a title or role alone"),
    ("Affairs", "a generic word, not a name"),
    ("Council", "a generic word, not a name"),
    ("Transcript", "a generic word, not a name"),
    ("Links", "a generic word, not a name"),
    ("Politics", "a generic word, not a name"),
    ("Insult", "a generic word, not a name"),
    ("Obama Says", "a headline's words"),
    ("Hillary Asking Moderator To Fact Check", "a headline's words"),
    ("Hammers Wells Fargo CEO", "ends in a role: a description, not a name"),
    ("CNN President", "ends in a role: a description, not a name"),
    ("Hamptons (Abedin", "a bracket"),
    (">Sanders", "markup"),
    ("paranoia,”Clinton", "a quotation mark"),
    ("paranoia,”Clinton", "punctuation inside: a sentence fragment"),
    ('id="7956a1"', "markup"),
    ("Bill and Hillary", "lower-case words: a sentence fragment"),
    ("the senator", "lower-case words: a sentence fragment"),
    ("Hillary Clinton’s", "a possessive"),
    ("2016 10:14PMBuddiesASSOCIATED PRESSOhio Gov.", "words run together"),
    ("Trump Is Going To Win The Election Says Everyone Here", "too many words for a name"),
    ("", "empty"),
    # found by `make audit` on PolNeAR train and news-dev
    ("Carolina Democrat", "ends in a role: a description, not a name"),
    ("Clinton Ally", "ends in a role: a description, not a name"),
    ("Texan", "a description, not a name"),
    ("Russians", "a description, not a name"),
    ("On Twitter", "a phrase, not a name"),
    ("Twitter", "a generic word, not a name"),
    ("Hermenegildo Galeana Street", "a place, not a speaker"),
    ("Clinton Cash Debunks Hillary", "a headline's words"),
    ("Maria Hinojosa Explained", "a headline's words"),
    ("JesÃÂos", "mis-decoded text"),
    ("secretary", "a title or role alone"),
    ("King", "a title or role alone"),
    ("Council on American-Islamic Relations National Executive", "ends in a role: a description, not a name"),
    ("Trump Addresses Munich Attack", "a headline's words"),
    ("Stated Stone", "a phrase, not a name"),
    ("Paul Paul", "a repeated word"),
    ("Igor BobicFlagShareLikeReplyAni", "words run together"),
    ("Stefan KA\u0303\u0083", "mis-decoded text"),  # decomposed, with a C1 control character  # Steve King or the King: nobody can tell
])
def test_junk_is_not_a_name(name, problem):
    assert problem in name_problems(name, None)


@pytest.mark.parametrize("speaker_type", [None, "person", "org"])
def test_a_title_alone_fails_whatever_the_type(speaker_type):
    assert name_problems("CEO", speaker_type) and name_problems("Committee", speaker_type)


def test_handles_are_kept_as_written():
    assert is_handle("acebush1") and is_handle("@realDonaldTrump") and is_handle("jane_doe")
    assert not is_handle("Chollet") and not is_handle("Derek Chollet")
    assert name_problems("acebush1", None) == name_problems("@realDonaldTrump", "person") == []
    assert not is_partial("acebush1", None)


def test_the_name_says_organisation_when_the_resolver_does_not():
    assert speaker_kind("IDF", None) == speaker_kind("Ministry of Foreign Affairs", None) == "org"
    assert speaker_kind("Israel", None) == "org"  # a state speaking
    assert speaker_kind("Derek Chollet", None) == "person"
    assert speaker_kind("Israel", "person") == "person"  # the resolver's word wins


def test_a_first_name_or_surname_alone_is_partial():
    assert is_partial("Chollet", None) and is_partial("Mr. Clinton", "person") and is_partial("Hillary", None)
    assert not is_partial("Derek Chollet", None) and not is_partial("IDF", None)


@pytest.mark.parametrize("role", ["’s", "email", "rival", "2016 10:14PMBuddiesASSOCIATED PRESSOhio Gov."])
def test_junk_is_not_a_role(role):
    assert role_problems(role)


@pytest.mark.parametrize("role", ["State Department counsellor", "Ohio Gov.", "former president",
                                  "a fellow at the Brookings Institution", "Democratic candidate"])
def test_real_roles_pass(role):
    assert role_problems(role) == []


@pytest.mark.parametrize("typed, printed", [
    ("sorensen", "Sørensen"), ("Mayor Elena Ruiz", "Elena Ruiz"), ("O'Neill", "O’Neill"),
    ("donald j trump", "Donald J. Trump"), ("  Derek   CHOLLET ", "Derek Chollet"),
])
def test_one_lookup_key_folds_case_accents_titles_and_apostrophes(typed, printed):
    assert name_lookup_key(typed) == name_lookup_key(printed)


def test_a_title_alone_keeps_its_key():
    assert name_lookup_key("President") == "president"
    assert name_lookup_key("Mayor Ruiz") == "ruiz"


def test_stored_names_are_tidied_first():
    assert tidy_name("FranÃ§ois  Hollande") == "François Hollande"  # read with the wrong code page
    assert tidy_name("Doug \u00adAndres") == "Doug Andres"  # a soft hyphen
    assert tidy_name("Jose\u0301") == "José"  # composed
    assert name_problems(tidy_name("FranÃ§ois Hollande")) == []


def test_a_resolvers_person_that_is_plainly_an_organisation_is_stored_as_one():
    assert speaker_kind("The New York Times", "person") == speaker_kind("Xinhua", "person") == "org"
    assert speaker_kind("Twitter", "org") == "org" and name_problems("Twitter", "org") == []  # the company spoke


@pytest.mark.parametrize("name, speaker_type", [
    ("Aides", "person"), ("Attorneys", "person"), ("Hundreds", "person"), ("Latinos", "org"),
    ("Latino Republicans", "person"), ("Latino Republicans", "org"), ("White Voters", "person"),
    ("GOPers", "org"), ("Founding Fathers", "person"), ("Democrats", "person"), ("Roman Catholics", None),
])
def test_a_group_of_people_is_not_a_name(name, speaker_type):
    assert "a group of people, not a name" in name_problems(name, speaker_type)


@pytest.mark.parametrize("name", ["Democrats", "Senate Republicans", "United Auto Workers",
                                  "American Federation of Teachers", "Teamsters"])
def test_a_party_or_union_speaking_is_an_organisation(name):
    assert name_problems(name, "org") == []


@pytest.mark.parametrize("name", ["Women’s March", "Macy’s Inc", "Children’s Hospital", "White House", "Latin America"])
def test_organisations_with_a_possessive_or_a_colour_pass(name):
    assert name_problems(name, "org") == []


@pytest.mark.parametrize("name", ["Jack White", "White", "Black", "Hilda Solis", "Bernie Sanders", "Kim Jong Un", "JFK",
                                  "Ai Jun", "Bill", "Mark Park", "Jan Brewer"])
def test_names_that_look_like_groups_or_headings_pass(name):
    assert name_problems(name, "person") == []


@pytest.mark.parametrize("name, speaker_type, problem", [
    ("My Government", "org", "a phrase, not a name"),  # `My Government will ...` in the King's speech
    ("Among Latinos", "person", "a phrase, not a name"),
    ("Air Force 1st", "org", "ends in an ordinal: a fragment"),  # `Air Force 1st Lt. ...`
    ("WE’RE", "person", "a contraction: a sentence fragment"),
    ("TALLAHASSEE", "person", "capitals: a heading or dateline"),
    ("OFFSHORE ACCOUNTS", "person", "capitals: a heading or dateline"),
    ("Pennsylvania Gov", "person", "ends in a role: a description, not a name"),
    ("Wants Girl Scout", "person", "a headline's words"),
    ("Disputes Characterization Of Network", "org", "a headline's words"),
    ("Employment Rights Bill", "person", "a law or document, not a speaker"),
    ("Christie’s Nov", "org", "ends in a month: a date"),
    ("Yankee Stadium", "person", "a place, not a speaker"),
    ("VP", "person", "a title or role alone"),
    ("Christian Speaker", "person", "a description, not a name"),
    ("Gabrielle Hatcher Age", "person", "ends in a form's label: fields run together"),  # `Name: ... Age: 27City:`
    ("White America", "person", "a group of people, not a name"),
    ("Karl Rove’s PAC", "org", "a possessive: a description"),
    ("PAC", "org", "a generic word, not a name"),
])
def test_fragments_found_by_the_audit(name, speaker_type, problem):
    assert problem in name_problems(name, speaker_type)


def test_an_ordinal_may_begin_an_organisation():
    assert name_problems("101st Airborne Division", "org") == []


def test_a_newspapers_or_a_pacs_name_is_an_organisation_whatever_the_resolver_said():
    assert speaker_kind("Miami Herald", "person") == speaker_kind("Western Journalism", "person") == "org"
    assert speaker_kind("America Rising PAC", "person") == "org"


def test_the_name_a_headline_ran_its_verb_into_is_read_back():
    assert before_headline_words("Glenn Beck Blasts Drudge") == "Glenn Beck"
    assert before_headline_words("Maria Hinojosa Explained") == "Maria Hinojosa"
    assert before_headline_words("Donald Trump") is None
    assert before_headline_words("Luciana Lopez: Saying") is None  # what is left is no name either


def test_a_word_in_camel_case_is_a_brand_an_outlet_or_firm_not_a_person():
    for outlet in ("HuffPo", "HuffPollster", "BuzzFeed", "AZCentral", "DNAinfo"):
        assert speaker_kind(outlet, "person") == speaker_kind(outlet, None) == "org", outlet
        assert not is_partial(outlet, "person") and name_problems(outlet, "org") == []
    for surname in ("McCain", "DeSantis", "LaToya", "MacArthur", "VanderSloot", "FitzGerald", "LeBron"):
        assert speaker_kind(surname, "person") == "person", surname


def test_a_bridge_is_a_place_not_a_speaker():
    assert "a place, not a speaker" in name_problems("Glienicke Bridge", "person")
