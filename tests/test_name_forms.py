"""Is one written name a form of another (no model)."""

from quotes.name_forms import initials, is_form_of, middles_agree


def test_middle_names_agree_word_by_word_or_by_initial():
    assert middles_agree(["w"], ["walker"])
    assert middles_agree(["h", "w"], ["herbert", "walker"])
    assert not middles_agree(["h", "w"], ["w"])  # George H. W. Bush is not George W. Bush
    assert not middles_agree(["walker"], ["william"])
    assert not middles_agree([], ["w"])  # no middle name: the caller decides


def test_a_persons_forms_have_a_word_of_their_name_and_are_no_organisation():
    assert is_form_of("Chollet", "Derek Chollet", "person")
    assert is_form_of("Mrs. Clinton", "Hillary Clinton", "person")
    assert is_form_of("State Department counsellor Derek Chollet", "Derek Chollet", "person")
    assert not is_form_of("Human Rights Watch", "Meenakshi Ganguly", "person")
    assert not is_form_of("Trump Organization", "Donald Trump", "person")


def test_an_organisations_forms_are_its_initials_or_share_a_word_of_its_own():
    assert initials("Israel Defense Forces") == "IDF"
    assert is_form_of("IDF", "Israel Defense Forces", "org")
    assert is_form_of("Israel Defense Forces", "IDF", "org")
    assert is_form_of("Washington Post", "The Washington Post", "org")
    assert not is_form_of("Daily News", "Breitbart News", "org")  # `News`: any outlet's word
    assert not is_form_of("The Times", "The New York Times", "org")


def test_an_organisations_name_cut_short_at_the_front_is_no_form_of_it():
    assert not is_form_of("Rifle Association", "National Rifle Association", "org")
    assert not is_form_of("Elections", "Illinois Board of Elections", "org")
    assert is_form_of("Washington Post", "The Washington Post", "org")  # only `The` goes
