from quotes.folding import fold


def test_accents_and_case_fold_away():
    assert fold("Sørensen") == fold("sorensen") == "sorensen"
    assert fold("José Martí") == "jose marti"


def test_apostrophe_and_quotation_glyphs_are_one():
    assert fold("O’Neill") == fold("O'Neill")
    assert fold("we’re") == fold("we're")
    assert fold("“cold ice”") == fold('"cold ice"')
