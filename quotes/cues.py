"""Words that introduce or describe a source: data, not code, and the one
test that reads them (`is_cue`).

Attribution reads these sets; adding a speech verb means adding a word here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# the titles cut before names and the nouns that head an organisation's description live in quotes.words
from quotes.words import ORG_NOUNS, RESOLVER_TITLES as TITLES

if TYPE_CHECKING:  # the word lists are read without spaCy (names, people, the CLI)
    from spacy.tokens import Token

# Lemmas of verbs that report speech or writing.
SPEECH_VERBS = frozenset("""
say tell add argue ask write tweet recall insist warn explain note state declare
claim comment respond reply answer suggest acknowledge admit concede announce
assert believe caution charge complain conclude confirm contend continue counter
describe emphasize emphasise estimate exclaim figure joke lament maintain mention
muse observe offer opine point predict proclaim promise quip recount reiterate
remark repeat report retort reveal scoff shout snap speculate stress testify
think urge vow wonder yell post thunder boast brag crow chide blast slam mock
deny concur agree recommend pledge advise allow add posit gush marvel sneer
tout trumpet hail praise criticize criticise attack accuse quote whisper
cry plead demand inform acknowledge interject chime fume rail grumble put hint
call read refer chant assure email echo decry condemn dismiss blame
thank express defend denounce cite propose
concede acknowledge predict told write
press interrupt query tease imply laugh smile sigh grin chuckle groan
""".split())

# Verb + particle pairs that report speech (`Trump went on`, `Rubio fired back`).
PHRASAL_CUES = frozenset({
    ("go", "on"), ("fire", "back"), ("shoot", "back"), ("hit", "back"), ("push", "back"),
    ("chime", "in"), ("weigh", "in"), ("lash", "out"), ("spell", "out"), ("point", "out"),
    ("cut", "in"), ("speak", "out"), ("sound", "off"), ("open", "up"),
})

# Nouns that report what their possessor said (`Trump's assertion that "..."`).
SPEECH_NOUNS = frozenset("""
accusation assertion claim statement remark comment suggestion promise warning
tweet vow pledge argument insistence declaration response answer question
aside quip retort reply message speech testimony announcement admission
prediction complaint description characterization criticism charge catchphrase
rejection broadside slogan words phrase rebuke denunciation dismissal insult
recollection quote apology explanation assessment observation confession boast joke advice
concession plea recommendation lament refrain mantra motto verdict
""".split())

# Verbs that take the quotation as their object in a partial quote
# (`called the plan "a disgrace"`); the subject is the speaker.
QUOTING_VERBS = frozenset("call describe dub label brand term deem".split())

# Nouns that head an unnamed source (`a senior official`): null speaker.
SOURCE_NOUNS = frozenset("""
official officials source sources aide aides spokesman spokeswoman spokesperson
adviser advisers advisor advisors person people member members staffer staffers
diplomat diplomats analyst analysts expert experts observer observers insider
insiders someone associate associates ally allies friend friends witness
witnesses resident residents voter voters supporter supporters critic critics
official representative representatives officer officers employee employees
lawmaker lawmakers operative operatives strategist strategists
""".split())

# Determiners that make a description definite (`the senator`): it points back.
DEFINITE = frozenset("the this that his her their its".split())

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "i": None, "we": None}


_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "thought": "think"}


def is_said_form(word: str) -> bool:
    """Is this word, as written, an inflected speech verb (`said`, `says`, `added`, `Tells`)?
    Plain text has no tags: a base form (`offer`) is a noun as often, so it does not count."""
    word = word.lower()
    if word in _IRREGULAR:
        return True
    forms = (word[:-1], word[:-2]) if word.endswith("ed") else (word[:-1],) if word.endswith("s") else ()
    return any(form in SPEECH_VERBS for form in forms)


def is_cue(tok: Token) -> bool:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    if tok.pos_ == "NOUN" and tok._.lemma.lower() in SPEECH_NOUNS:  # `Trump's assertion that "..."`
        return any(c.dep_ == "poss" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok._.lemma.lower()
    if lemma == "call" and (tok.dep_ == "amod" or (tok.i > 0 and tok.nbor(-1).lower_ in ("so", "-"))):
        return False  # `the so-called "de-risking"`
    if lemma == "put":  # `as she put it, "..."`, not `Trump Would Put Liberals On Court, 'I Fear ...'`
        return any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in tok.children)
    # the particle is parsed `prt`, or `advmod` (`Hillary shot back, "..."`)
    return lemma in SPEECH_VERBS or any((lemma, c.lower_) in PHRASAL_CUES for c in tok.children if c.dep_ in ("prt", "advmod") and c.i == tok.i + 1)


def cue_text(tok: Token) -> str:
    return "according to" if tok.lower_ == "according" else tok.text


# ---------------------------------------------------------------- no cue
