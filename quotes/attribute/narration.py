"""A quotation with no cue, standing alone right after narration about someone.

Profiles and live blogs let a quotation follow a sentence about its speaker:
`The shadow chancellor, Owen Tate, has responded in the Commons. ¶ "She
promised ..."`, `She pauses. "I was wrong, of course."`, `One passenger,
Derek Pollard, said the plane had been so low ... ¶ "Everybody went quiet."`.
The speaker is the subject of that sentence, not whoever was quoted before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.cues import PERSONAL_PRONOUNS
from quotes.mentions import SUBJECTS, Mentions, role


def narrated_subject(m: Mentions, start: int, after: int) -> Token | None:
    """The subject of the sentence just before the quotation at character
    `start`, when the quotation opens its own sentence and that sentence is
    narration (no quotation in it, nothing of it before `after`, the end of the
    previous quotation) about a person: their name's last token, or a he/she."""
    tok_i = m.token_at(start)
    sent_no = m.sent_of[tok_i]
    if sent_no == 0 or any(not (t.is_punct or t.is_space) for t in m.doc[m.sents[sent_no].start : tok_i]):
        return None  # the quotation does not stand alone: its sentence begins with other words
    sent = m.sents[sent_no - 1]
    if sent.start_char < max(after, m.text.find("\n") + 1) or m.text.count("\n\n", sent.end_char, start) > 1:
        return None  # the headline, the previous quotation's sentence, or a paragraph further back
    if any(m.inside[t.i] for t in sent):
        return None
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    named = next((t for t in reversed(list(subject.subtree)) if m.is_person(t) and role(t) == subject), None)
    if named is not None:
        return named
    return subject if PERSONAL_PRONOUNS.get(subject.lower_) else None

