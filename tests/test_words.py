"""The word lists have one home (`quotes.words`); each use reads its own part of it."""

from quotes import cues, lookup, name_checks, names, words
from quotes.lookup import name_lookup_key


def test_every_module_reads_the_lists_from_one_home():
    assert lookup.TITLES is words.TITLES
    assert cues.TITLES is words.RESOLVER_TITLES and names.TITLES is words.RESOLVER_TITLES
    assert names.PERSONAL_TITLES is words.PERSONAL_TITLES
    assert name_checks.ROLE_WORDS is words.ROLE_WORDS
    assert cues.ORG_NOUNS is words.ORG_NOUNS
    assert names.PARTICLES is words.SURNAME_PARTICLES and name_checks.PERSON_PARTICLES is words.NAME_PARTICLES


def test_the_lookup_key_drops_titles_that_never_begin_a_name():
    assert name_lookup_key("Mayor Elena Ruiz") == "elena ruiz"
    assert name_lookup_key("Sheriff Joe Arpaio") == "joe arpaio"
    assert name_lookup_key("Sgt. Lee") == "lee"
    # `State`, `King`, `Leader` may be a name's first word: the key keeps them
    assert name_lookup_key("State Department") == "state department"
    assert name_lookup_key("King Charles") == "king charles"
    assert name_lookup_key("President") == "president"  # a title alone stays


def test_a_title_the_key_drops_is_a_role_word_so_never_a_name_alone():
    assert words.TITLES <= words.ROLE_WORDS
    assert name_checks.name_problems("Sheriff") == ["a title or role alone"]
    assert name_checks.name_problems("Tesla CEO", "person") == ["ends in a role: a description, not a name"]


def test_the_resolver_cuts_the_lookup_titles_and_more():
    assert words.TITLES - words.LOOKUP_ONLY_TITLES <= words.RESOLVER_TITLES
    assert {"bishop", "the", "top", "u.s.", "king"} <= words.RESOLVER_TITLES
    assert names.clean_name("the top U.S. Treasury Secretary Steven Mnuchin") == "Steven Mnuchin"


def test_personal_titles_stand_for_one_person_descriptions_do_not():
    assert {"king", "ceo", "pope"} <= words.PERSONAL_TITLES
    assert not words.PERSONAL_TITLES & (words.DESCRIBERS | {"mr", "leader"})


def test_particles_a_surname_begins_with_are_particles_a_name_may_hold():
    assert words.SURNAME_PARTICLES <= words.NAME_PARTICLES
    assert name_checks.name_problems("José Eduardo dos Santos") == []
    assert name_checks.name_problems("Gerard ter Borch") == []


def test_the_heads_of_organisation_descriptions_make_organisations_names():
    assert words.ORG_NOUNS - {"spokesperson"} <= words.ORG_NAME_WORDS
    assert name_checks.looks_like_org("Wells Fargo Bank") and name_checks.looks_like_org("Senate Democratic Caucus")
