import pytest

from quotes.folding import fold, query_text


def test_accents_and_case_fold_away():
    assert fold("Sørensen") == fold("sorensen") == "sorensen"
    assert fold("José Martí") == "jose marti"


def test_apostrophe_and_quotation_glyphs_are_one():
    assert fold("O’Neill") == fold("O'Neill")
    assert fold("we’re") == fold("we're")
    assert fold("“cold ice”") == fold('"cold ice"')


@pytest.mark.parametrize(
    "typed, looked_up",
    [
        ("“Cold ice.”", "cold ice"),
        ('"cold ice".', "cold ice"),
        ("cold ice...", "cold ice"),
        ("'cold ice'", "cold ice"),
        ("We’re  going", "we're going"),
        ("Sørensen?!", "sorensen"),
        ("'90s", "'90s"),  # one single quotation mark is an apostrophe
        ("goin'", "goin'"),
        ('"', ""),
    ],
)
def test_a_typed_query_loses_its_quotation_marks_and_final_punctuation(typed, looked_up):
    assert query_text(typed) == looked_up
