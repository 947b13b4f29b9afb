"""How the tagger's entities are read: a person's name made whole, a place
the tagger called a person, an organisation's entity that reads as a person,
one person of a nation. Used by `Mentions` when it reads an article."""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotes.cues import SOURCE_NOUNS, TITLES
from quotes.name_checks import PLACE_WORDS
from quotes.names import GENDER_TITLES, is_first_name
from quotes.words import KIN, ORG_NAME_WORDS, ROLE_WORDS, SURNAME_PARTICLES

NAME_ENTS = {"PERSON"}


def as_place(ent: Span) -> Span:
    """`Lindi Bus Stand`, `Sokoine Street` tagged a person: a place."""
    if ent.label_ in NAME_ENTS and len(ent) > 1 and ent[-1].lower_ in PLACE_WORDS:
        return Span(ent.doc, ent.start, ent.end, label="FAC")
    return ent


def whole_name(ent: Span) -> Span:
    """A person's name with the given name the tagger left out (`Ana Paula
    Souza` tagged from `Paula`, `Billie Jean King`; a title is no given name:
    `Justice Scalia`), or the surname after a particle (`Catrin ap Huw`)."""
    doc, start = ent.doc, ent.start
    if ent.label_ not in NAME_ENTS:
        return ent
    # the given name may be tagged a noun (`Dolores Mae Whitfield`, `Dolores` a plural)
    while start > 0 and (t := doc[start - 1]).ent_iob_ == "O" and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() \
            and t.lower_.rstrip(".") not in TITLES and is_first_name(t.text):
        start -= 1
    end = ent.end
    # the surname the tagger left out after a particle (`Catrin ap Huw` tagged from `Catrin`, `Ludwig van Beethoven`)
    while end + 1 < len(doc) and doc[end].lower_ in SURNAME_PARTICLES and doc[end].is_lower and doc[end + 1].ent_iob_ != "B" \
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
        end += 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, ent.label_)


def looks_like_person(ent: Span) -> bool:
    """An entity the small model calls an organisation but that reads as a
    person's name: two or three capitalised words, the first a given name
    (`Carly Fiorina` tagged ORG) or described as a person (`Eswar Prasad, a
    professor at Cornell`), none of them an organisation's word (`Cornell
    University`), and not where people work (`analysts at Morgan Stanley`)."""
    words = [t for t in ent if not t.is_punct]
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "at" and _a_person(root.head.head):
        return False  # `analysts at Morgan Stanley`: where people work
    if ent.label_ == "ORG" and 2 <= len(words) <= 4 and words[0].lower_.rstrip(".") in GENDER_TITLES | {"dr"}:
        return True  # `Mrs Folake Alabi` tagged an organisation: a form of address names a person
    return (
        ent.label_ == "ORG"
        and 2 <= len(words) <= 3
        and all(t.text[:1].isupper() and t.lower_ not in ORG_NAME_WORDS for t in words)
        and (is_first_name(words[0].text) or any(c.dep_ == "appos" and _a_person(c) for c in ent.root.children))
    )


def _a_person(noun: Token) -> bool:
    """Is this noun a kind of person (`a professor`, `an economist`, `the spokesman`)?"""
    word = noun.lower_
    return noun.pos_ == "NOUN" and (word in SOURCE_NOUNS or word in ROLE_WORDS or word.endswith(("ist", "ian", "ists", "ians")))


def demonym(tok: Token) -> bool:
    """One person from a nation or people (`the Italian`, `the Dutchman`, `the
    Democrat`), not a group of them (`the Democrats`, a party)."""
    one_word = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    article = next((c for c in tok.children if c.dep_ == "det"), None)
    lower_the = article is not None and (article.text == "the" or article.is_sent_start)  # not `according to The Federalist`
    return tok.ent_type_ == "NORP" and tok.tag_ not in ("NNPS", "NNS") and one_word and lower_the


def of_a_family(ent: Span, surnames: set[str]) -> bool:
    """A full name the tagger took for a place whose surname is a person's in the article (`Obiageli
    Adeyemi` tagged a place, and `her father, Felix Adeyemi`): a person too. Not an organisation
    (`Stop Trump`, `Impeach AG Lynch`: looks_like_person reads those)."""
    words = [t for t in ent if not t.is_punct]
    return (ent.label_ in ("GPE", "LOC", "FAC", "NORP") and 2 <= len(words) <= 3 and words[-1].text in surnames
            and words[0].text not in surnames and all(t.text[:1].isupper() for t in words))


def introduced_as_kin(ent: Span) -> bool:
    """`her daughter, Ada Whitfield,`, `his wife Melania Trump`, `Ada Whitfield, her daughter,`."""
    last = ent[-1]
    if last.dep_ == "appos" and last.head.lower_ in KIN:
        return True
    return any(c.lower_ in KIN and c.dep_ in ("compound", "appos") and not ent.start <= c.i < ent.end for c in last.children)
