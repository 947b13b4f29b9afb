"""Mends misparses that hide who speaks.

Features and wire copy open a sentence with where it happens: `In Sheet
Harbour, Marlene Wournell, 71, says the closures are personal.`, `In Tawila,
Adam Haroun, 62, who arrived on Saturday, said ...`. The small parser hangs
the name on the place (in apposition, or as a second place) and leaves the
verb with no subject, so the person is never the one who spoke. A person is
never in apposition to a place: the name is the verb's subject.

Likewise a work or a place the parser makes the subject, with the person in
apposition to it (`In her history of the coast, The Drowned Parishes, the
historian Margaret Fairlie wrote ...`): a book does not write, its author does.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass")


@Language.component("fronted_subjects")
def fronted_subjects(doc: Doc) -> Doc:
    """Make a person hung on a sentence-opening place the subject of the verb that has none."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if (verb := _verb_without_subject(ent[-1])) is not None:
            ent[-1].head = verb
            ent[-1].dep_ = "nsubj"
        elif (subject := _mute_subject(ent[-1])) is not None:
            verb = subject.head
            subject.dep_ = "dep"
            ent[-1].head = verb
            ent[-1].dep_ = "nsubj"
    return doc


MUTE = ("WORK_OF_ART", "GPE", "LOC", "FAC")  # what the parser makes a subject that cannot speak for a person


def _mute_subject(name: Token) -> Token | None:
    """The subject a person is in apposition to, directly or through a noun (`The Drowned Parishes, the
    historian Margaret Fairlie,`), when that subject is a work or a place."""
    node = name
    for _ in range(2):
        if node.dep_ != "appos":
            return None
        node = node.head
        if node.dep_ in SUBJECTS and node.ent_type_ in MUTE and node.i < name.i:
            return node
    return None


def _verb_without_subject(name: Token) -> Token | None:
    """The verb `name` should be the subject of: `name` is in apposition to (or a conjunct of) the
    object of a preposition that opens the sentence and hangs from a verb after `name`, with no subject."""
    place = name.head
    if name.dep_ not in ("appos", "conj") or place.dep_ != "pobj" or place.i >= name.i:
        return None
    prep = place.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.i != prep.sent.start or verb.pos_ not in ("VERB", "AUX") or verb.i < name.i:
        return None
    return None if any(c.dep_ in SUBJECTS for c in verb.children) else verb
