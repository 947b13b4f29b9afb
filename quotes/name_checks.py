"""Is a stored speaker name a name? The last defence before a person row.

The resolver should only ever hand storage whole names (`Derek Chollet`,
`Ministry of Foreign Affairs`), but a misparsed headline, a dateline or a
scrap of markup can still arrive as a speaker: `Obama Says`, `CEO`,
`Hamptons (Abedin`, `>Sanders`, `id="7956"`. `name_problems` says what is
wrong with such a name (nothing for a real one), so storage keeps the quote
with its mention but no speaker, and the resolver can reject the candidate.

Pure and fast: word lists and string tests, no model, no database.
"""

from __future__ import annotations

import re
import unicodedata

from quotes.folding import APOSTROPHES, QUOTATION_MARKS
from quotes.names import is_first_name
from quotes.words import NAME_PARTICLES as PERSON_PARTICLES  # `Ludwig van Beethoven`, `dos Santos`
from quotes.words import DOCUMENT_NOUNS
from quotes.words import ORG_NAME_WORDS, ROLE_WORDS  # a name made only of role words is a role (`CEO`)

# Words that make an organisation (`Ministry of Foreign Affairs`, `Aguas del Norte SA`).
ORG_WORDS = ORG_NAME_WORDS
_ROLES = ROLE_WORDS

PERSON, ORG = "person", "org"
TYPES = (PERSON, ORG)

# What a person is, not who (`Texan`, `a South Carolina Democrat`, `Russians`).
DESCRIPTIONS = frozenset("""
democrat republican independent libertarian conservative liberal progressive moderate socialist
muslim christian jew catholic evangelical texan californian new-yorker arizonan floridian ohioan iowan
americans russians israelis palestinians iranians ukrainians mexicans europeans africans arabs
britons chinese
""".split())
# Who a group is (`Latino Republicans`, `White Voters`): alone, without a plural, they may be a surname (`White`).
PEOPLES = frozenset("""
latino latina latinos latinas hispanic hispanics black blacks white whites asian asians muslims christians
jews catholics evangelicals mormons
""".split())
# A party's members: the party speaking when the resolver says organisation, never one person.
PARTY_MEMBERS = frozenset("democrats republicans conservatives liberals progressives libertarians tories whigs socialists".split())
# Plural nouns for people: a group spoke, not one named speaker (`Aides say`, `Attorneys for Clinton`).
GROUP_NOUNS = frozenset("""
aides officials sources attorneys lawyers advisers advisors staffers voters residents protesters
demonstrators activists workers teachers students parents minors fathers mothers families fans donors
delegates superdelegates supporters critics members leaders lawmakers legislators experts analysts
observers insiders allies witnesses employees operatives strategists politicos hundreds thousands dozens
millions
""".split())
_GROUPS = DESCRIPTIONS | PEOPLES | PARTY_MEMBERS | GROUP_NOUNS
_PLURAL_GROUPS = frozenset(w for w in _GROUPS if w.endswith("s")) - {"chinese"}
_MEMBERS_OF = re.compile(r"[A-Z]{2,}ers")  # `GOPers`
_LANDS = frozenset("america europe africa asia".split())
# A person's name does not end in a role or a description (`Hammers Wells Fargo CEO`,
# `CNN President`, `Clinton Ally`, `Wisconsin Republican`); title surnames are left out.
TRAILING_ROLES = frozenset("""
ceo cfo coo cto president minister secretary spokesman spokeswoman spokesperson director
chairman chairwoman ambassador governor senator mayor official executive founder editor
adviser advisor envoy commissioner deputy premier congressman congresswoman counsellor counselor
ally aide supporter critic friend rival staffer surrogate gov sen rep gen
""".split()) | DESCRIPTIONS
# An organisation's name does not end in one of its people's roles (`... National Executive`).
ORG_TRAILING_ROLES = frozenset("ceo cfo president director executive spokesman spokeswoman spokesperson chairman chairwoman".split()) \
    | (DESCRIPTIONS - {"chinese"})  # `Wisconsin Republican` is a person described; `Bank of China` is not here
# Places are not speakers (`Hermenegildo Galeana Street`).
PLACE_WORDS = frozenset("street avenue boulevard road lane highway square plaza stadium arena airport stand station terminal bridge".split())
# Laws and documents are not speakers (`Employment Rights Bill`, `Patriot Act`); `Drudge Report`,
# `Jude Law`, `Marshall Plan` may be names.
DOCUMENT_WORDS = DOCUMENT_NOUNS - {"report", "law", "plan", "strategy", "charter"} | {"accords"}
# A month ends a date, not a name (`Christie’s Nov`); not those that are names too (`April`, `Jun`, `Jan`).
MONTHS = frozenset("feb apr jul aug sep sept oct nov dec".split())
# A profile's fields run together (`Name: Gabrielle Hatcher Age: 27City: New York`).
FIELD_LABELS = frozenset("age city job pay occupation hometown location".split())
# Words that begin a phrase, not a name (`On Twitter`, `According Trump`).
OPENERS = frozenset("on in at by with from to for according after before as via among amid including".split())
# A possessive determiner begins a phrase too (`My Government`, `Their Campaign`).
OPENERS |= frozenset("my our your his her their its".split())
# Platforms a person is quoted on, not from (`Twitter`), unless the resolver says the company spoke.
PLATFORMS = frozenset("twitter facebook instagram tiktok youtube reddit".split())
# Words that make a headline, not a name: `Obama Says`, `Hillary Asking Moderator To Fact Check`.
HEADLINE_WORDS = frozenset("""
says say asks asked asking slams slammed hammers hammered blasts blasted calls called
debunks destroys exposes mocks trolls torches shreds unloads erupts backs endorses quits
dumps bashes knocks lashes hints predicts demands wonders jokes stuns sparks weighs addresses
warns warned urges urged tells told claims claimed defends defended rips ripped responds
responded vows vowed wants wanted gets got takes took makes made is are was were has have
had will would can could should did does doesn't don't reacts reveals revealed admits
admitted denies denied insists praises praised attacks attacked accuses accused explains
explained suggests suggested thinks believes knows agrees disagrees hits fires fired
announces announced confirms confirmed rejects rejected sues sued plans talks speaks spoke
to for with about after over at into against versus vs not no yes why how what when
where who fact check disputes spurns rebuffs dismisses
""".split())
# Of those, the small words that may end a name (`Al From`, `George Will`): a headline only inside one.
HEADLINE_INSIDE = frozenset("is are was were has have had will would can could should did does to for with about after over at into against versus vs not no yes why how what when where who fact check".split())
# Words that are a page's furniture or a topic, not anyone's name.
GENERIC_WORDS = frozenset("""
transcript transcripts links link politics political insult insults news video videos photo
photos related advertisement advertising comments comment share home opinion world business
sports editorial update updates breaking watch read more click subscribe source sources report
reports statement statements story stories article page menu search login sign newsletter
email twitter facebook instagram tiktok youtube reddit post posts tweet tweets live blog
analysis affairs council committee ministry department office agency bureau commission board
authority court union association institute foundation group party campaign administration
government officials people someone everyone nobody anonymous unknown various others other
audience crowd caller callers guest guests voice voices narrator announcer interviewer
question answer q a rival rivals pac
""".split())
# Countries and states that speak (`Israel said in a written submission`).
COUNTRIES = frozenset("""
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil britain bulgaria cambodia canada chile china colombia
croatia cuba cyprus czechia denmark ecuador egypt estonia ethiopia finland france georgia
germany ghana greece hungary iceland india indonesia iran iraq ireland israel italy japan
jordan kazakhstan kenya kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mali
mexico moldova mongolia montenegro morocco myanmar nepal netherlands nicaragua niger nigeria
norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania
russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
taiwan tajikistan tanzania thailand tunisia turkey turkiye uganda ukraine uruguay uzbekistan
venezuela vietnam yemen zambia zimbabwe moscow beijing washington tehran kyiv kiev
""".split())
# Lower-case words an organisation's name may hold too: `Ministry of Foreign Affairs`.
ORG_PARTICLES = PERSON_PARTICLES | frozenset("of the for and on in at to des das für og och".split())

MAX_PERSON_WORDS = 6  # `José Eduardo dos Santos Filho`; longer is a clause
MAX_ORG_WORDS = 12  # `House Select Committee on the Strategic Competition ...`

_MARKUP = re.compile(r"[<>{}=\\|]|&[a-z]+;|&#\d+;|https?:|www\.|\.(?:com|org|net|html?)\b", re.I)
_BRACKETS = re.compile(r"[()\[\]]")
_QUOTES = re.compile("[" + re.escape(QUOTATION_MARKS) + "]")
_FRAGMENT_PUNCT = re.compile(r"[,;:!?…/*#]|\s[-–—]\s|[–—]")
_HANDLE = re.compile(r"@?[A-Za-z0-9_]{2,30}")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}s?")  # IDF, CNN, NATO, AT&T
_EDGE = "".join(APOSTROPHES) + "-–—.,"
_POSSESSIVE = re.compile(f"[{APOSTROPHES}]s$")
_RUN_TOGETHER = re.compile(r"[a-z][A-Z]{2,}|[A-Z]{2,}[a-z]{2,}")
_NOT_NAME_WORDS = GENERIC_WORDS | ROLE_WORDS
_LINKS = frozenset({"of", "the", "and"})
_JUNK_ROLES = GENERIC_WORDS | (frozenset({"rival", "rivals", "email", "emails"}) - ROLE_WORDS)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, zero widths
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|Ã|â€|[\u0080-\u009f]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)  # `Air Force 1st` (Lt. ...): a rank's first word
_CONTRACTION = re.compile(f"[{APOSTROPHES}](?:re|ll|ve|m|d)$|n[{APOSTROPHES}]t$", re.I)  # `WE’RE`, `Don’t`
_HUMPS = re.compile(r"[a-z][A-Z].*[a-z][A-Z]")  # `BobicFlagShareLikeReply`; `McDonald`, `DeSantis` have one
# A speech verb does not begin a name (`Stated Stone`; `Edward Said` is a name).
FIRST_VERBS = frozenset("said stated told added asked noted wrote explained claimed insisted warned replied according".split())
_PARTICLE_PREFIX = re.compile(r"(?:al|el|bin|ibn|abu|ben|d|l|da|de|van|von)[-’'][A-ZÀ-Þ]")  # al-Awlaki, d’Estaing
# Words that make a resolver's `person` an organisation all the same (`The New York Times`).
STRONG_ORG_WORDS = frozenset("""
ministry department committee council agency bureau commission government administration party
university college institute association foundation corporation inc ltd llc plc company times
news network police army navy forces authority organization organisation federation league
parliament congress senate assembly cabinet embassy coalition tribunal journal magazine airlines
reuters xinhua tass interfax politico herald tribune gazette chronicle inquirer telegraph examiner
dispatch courier bulletin journalism edition pac
""".split())


def tidy_name(name: str) -> str:
    """The name as it should be stored: soft hyphens and zero-width marks out, text that was
    decoded with the wrong code page put right where it can be (`FranÃ§ois` -> `François`),
    spaces collapsed."""
    name = unicodedata.normalize("NFC", name.translate(_INVISIBLE))
    if _MOJIBAKE.search(name):
        for codec in ("cp1252", "latin-1"):
            try:
                name = name.encode(codec).decode("utf-8")
                break
            except UnicodeError:
                continue
    return " ".join(name.split())


def _words(name: str) -> list[str]:
    return name.split()


def _key(word: str) -> str:
    """A word as the lists hold it: lower case, no full stop, no possessive."""
    word = word.lower().rstrip(".")
    for a in APOSTROPHES:
        word = word.removesuffix(a + "s")
    return word


# A capital inside a word after three lower-case letters or more (`HuffPo`), or capitals run into
# lower case (`AZCentral`, `DNAinfo`); the prefixes of names that have one (`MacArthur`).
_BRAND_HUMP = re.compile(r"^([A-Z][a-z]{2,})[A-Z]")
_BRAND_CAPITALS = re.compile(r"^[A-Z]{2,}[a-z]{2,}")
_NAME_PREFIXES = ("Mac", "Van", "Von", "Fitz", "Del", "Dal", "Ten", "Ver", "Della", "Vander", "Vanden", "San", "Abu", "Ben", "Bin")


def is_handle(name: str) -> bool:
    """An online handle kept as written: one word with a digit, an underscore, an @ or no capital
    (`acebush1`, `@realDonaldTrump`, `jane_doe`)."""
    if " " in name or not _HANDLE.fullmatch(name):
        return False
    return name.startswith("@") or "_" in name or any(c.isdigit() for c in name) or not name[0].isupper()


def looks_like_org(name: str) -> bool:
    """Does the name itself say organisation? An acronym (`IDF`, `CNN`), a brand (`HuffPo`), an organisation word
    (`Ministry of Foreign Affairs`, `Wells Fargo Bank`) or a country speaking (`Israel`)."""
    words = _words(name)
    if not words:
        return False
    if len(words) == 1 and (_ACRONYM.fullmatch(words[0].strip(".")) or is_brand(words[0])):
        return True
    keys = [_key(w) for w in words]
    if len(keys) == 1 and keys[0] in COUNTRIES:
        return True
    return any(k in ORG_WORDS for k in keys) and not all(k in _NOT_NAME_WORDS for k in keys)


def is_brand(name: str) -> bool:
    """One word written as a brand is, in camel case (`HuffPo`, `HuffPollster`, `BuzzFeed`,
    `AZCentral`, `DNAinfo`): an outlet, site or firm. Names have such a capital only after a
    prefix (`McCain`, `DeSantis`, `LaToya`, `MacArthur`, `VanderSloot`, `FitzGerald`)."""
    if " " in name or _ACRONYM.fullmatch(name):
        return False
    hump = _BRAND_HUMP.search(name)
    return bool(_BRAND_CAPITALS.search(name)) or bool(hump) and not hump.group(1).startswith(_NAME_PREFIXES)


def speaker_kind(name: str, speaker_type: str | None) -> str:
    """The type to store: the resolver's when it gave one, else what the name says (person by default)."""
    words = _words(name)
    if speaker_type == PERSON and words and (
        (words[0] == "The" and len(words) > 1) or any(_key(w) in STRONG_ORG_WORDS for w in words) or is_brand(name)
    ):
        return ORG  # `The New York Times`, `Xinhua`, `HuffPo`: whatever the resolver said, not a person
    if speaker_type in TYPES:
        return speaker_type
    return ORG if looks_like_org(name) else PERSON


def is_partial(name: str, speaker_type: str | None) -> bool:
    """A first name or surname alone (`Chollet`, `Mr. Clinton`): a person, one word once
    titles are gone, not a handle. Such a name is never joined across articles on its own."""
    if speaker_kind(name, speaker_type) != PERSON or is_handle(name):
        return False
    words = _words(name)
    while len(words) > 1 and _key(words[0]) in ROLE_WORDS:  # `Mr. Clinton`, `Sen. Warren`
        words = words[1:]
    return len(words) <= 1


def before_headline_words(name: str) -> str | None:
    """The name a headline ran its words into (`Glenn Beck Blasts Drudge` ->
    `Glenn Beck`, `Maria Hinojosa Explained`), when the words before are a name."""
    words = _words(name)
    for i, word in enumerate(words[1:], 1):
        if word[:1].isupper() and _key(word) in HEADLINE_WORDS and _key(word) not in HEADLINE_INSIDE:
            prefix = " ".join(words[:i])
            return prefix if not name_problems(prefix) else None
    return None


def name_problems(name: str, speaker_type: str | None = None) -> list[str]:
    """What makes `name` not a speaker's name; empty for a real name.

    `speaker_type` is `person`, `org` or None (then the name decides, see
    `speaker_kind`). Each problem is a short phrase, e.g. `a title or role alone`.
    """
    problems: list[str] = []
    name = name.strip()
    if not name:
        return ["empty"]
    kind = speaker_kind(name, speaker_type)
    words = _words(name)
    keys = [_key(w) for w in words]

    # 1. Characters no name has.
    if _MARKUP.search(name):
        problems.append("markup")
    if _QUOTES.search(name):
        problems.append("a quotation mark")
    if _BRACKETS.search(name):
        problems.append("a bracket")
    if name[0] in _EDGE or name[-1] in _EDGE.replace(".", ""):  # `’s`, `-Sanders`; `Jr.` may end one
        problems.append("starts or ends with punctuation")
    if _FRAGMENT_PUNCT.search(name):
        problems.append("punctuation inside: a sentence fragment")
    if _MOJIBAKE.search(name) or name != name.translate(_INVISIBLE):
        problems.append("mis-decoded text")
    handle = is_handle(name) and not problems

    # 2. Words no name is made of.
    content = [k.lstrip("@") for k in keys if k not in _LINKS]
    platform = kind == ORG and speaker_type == ORG and content[-1:] and content[-1] in PLATFORMS
    # `King` alone too: a surname (Steve King) or a title (the King), no one can tell
    if all(k in _ROLES for k in content):
        problems.append("a title or role alone")
    elif all(k in _NOT_NAME_WORDS | PLATFORMS for k in content) and (kind == PERSON or len(content) == 1) \
            and not platform:
        problems.append("a generic word, not a name")  # `Ministry of Foreign Affairs` is whole
    if handle:
        return problems
    if all(k in DESCRIPTIONS | ROLE_WORDS for k in content) and any(k in DESCRIPTIONS for k in content):
        problems.append("a description, not a name")  # `Texan`, `Christian Speaker`
    elif _is_group(words, content, kind):
        problems.append("a group of people, not a name")
    elif len(keys) > 1 and keys[-1] in (TRAILING_ROLES if kind == PERSON else ORG_TRAILING_ROLES):
        problems.append("ends in a role: a description, not a name")
    if keys[-1] in PLACE_WORDS and len(keys) > 1:
        problems.append("a place, not a speaker")
    if keys[-1] in DOCUMENT_WORDS and len(keys) > 1:
        problems.append("a law or document, not a speaker")
    if keys[-1] in MONTHS and len(keys) > 1:
        problems.append("ends in a month: a date")
    if keys[-1] in FIELD_LABELS and len(keys) > 1:
        problems.append("ends in a form's label: fields run together")
    if len(keys) > 1 and (keys[0] in OPENERS or keys[0] in FIRST_VERBS):
        problems.append("a phrase, not a name")
    if len(keys) > 1 and any(a == b and len(a) > 1 for a, b in zip(keys, keys[1:])):  # `J. J. Price` is a name
        problems.append("a repeated word")
    last = len(words) - 1
    if any(w[:1].isupper() and k in HEADLINE_WORDS and (k not in HEADLINE_INSIDE or i < last)
           for i, (w, k) in enumerate(zip(words, keys)) if i > 0) or (
            last and keys[0] in HEADLINE_WORDS and keys[0].endswith("s")) or any(w in ("Of", "And") for w in words[1:]):
        problems.append("a headline's words")  # `Obama Says`, `Wants Girl Scout`, `Disputes Characterization Of Network`
    if len(words) > 1 and _POSSESSIVE.search(words[-1]):
        problems.append("a possessive")
    elif _owned(words):
        problems.append("a possessive: a description")  # `Karl Rove’s PAC`; `Women’s March`, `Macy’s Inc` pass
    if _ORDINAL.fullmatch(words[-1]) and len(words) > 1:
        problems.append("ends in an ordinal: a fragment")
    if any(_CONTRACTION.search(w) for w in words):
        problems.append("a contraction: a sentence fragment")
    if kind == PERSON and not handle and name.isupper() and max(len(w) for w in words) > 3:
        problems.append("capitals: a heading or dateline")  # `TALLAHASSEE`, `OFFSHORE ACCOUNTS`; `JFK` passes

    # 3. The shape of a name.
    particles = ORG_PARTICLES if kind == ORG else PERSON_PARTICLES
    lower = [w for w in words if not w[:1].isupper() and not w[:1].isdigit() and _key(w) not in particles
             and not _PARTICLE_PREFIX.match(w)]
    if lower and not (kind == ORG and len(lower) < len(words) / 2 and words[0][:1].isupper()):
        problems.append("lower-case words: a sentence fragment")
    if kind == PERSON and any(c.isdigit() for c in name):
        problems.append("digits")
    elif len(words) > 1 and re.search(r"\d{1,2}:\d{2}|\d{4}", name) and kind == ORG and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", name):
        problems.append("a date or time")
    if len(words) > (MAX_ORG_WORDS if kind == ORG else MAX_PERSON_WORDS):
        problems.append("too many words for a name")
    if (len(words) > 1 and _RUN_TOGETHER.search(name) and not _mixed_case_ok(words)) or any(_HUMPS.search(w) for w in words):
        problems.append("words run together")  # `DNAinfo` alone may be one
    return problems


def _is_group(words: list[str], content: list[str], kind: str) -> bool:
    """`Aides`, `Latinos`, `Latino Republicans`, `White Voters`, `GOPers`: people as a group.

    A person's name never ends in a group's plural; an organisation is a group
    only when it is nothing but such words (`Democrats` alone is the party,
    `United Auto Workers` a union)."""
    if not content or _MEMBERS_OF.fullmatch(words[-1].rstrip(".")):
        return bool(content)
    if len(content) == 2 and content[0] in PEOPLES and content[1] in _LANDS:
        return True  # `White America`
    if content[-1] not in _PLURAL_GROUPS:
        return False
    if kind == PERSON:
        return True
    return all(k in _GROUPS for k in content) and not (len(content) == 1 and content[0] in PARTY_MEMBERS)


def _owned(words: list[str]) -> bool:
    """`Karl Rove’s PAC`: a person's name with a possessive, then what is theirs."""
    cut = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), None)
    if cut is None:
        return False
    return is_first_name(words[0])


def _mixed_case_ok(words: list[str]) -> bool:
    """`McDonald`, `DeSantis`, `LeBron`, `iPhone` are names; `PMBuddiesASSOCIATED` is not."""
    return all(not _RUN_TOGETHER.search(w) or re.fullmatch(r"[A-Z]{2,}s", w) for w in words)


def role_problems(role: str) -> list[str]:
    """What makes `role` not a role as an article states it (`’s`, `email`, `rival`,
    `2016 10:14PMBuddiesASSOCIATED PRESSOhio Gov.`); empty for a real one."""
    role = " ".join(role.split())
    if not role:
        return ["empty"]
    problems = []
    keys = [_key(w) for w in role.split()]
    if not any(k.strip("".join(APOSTROPHES)) for k in keys) or role[0] in _EDGE:
        problems.append("starts with punctuation")
    if all(k in _JUNK_ROLES for k in keys):
        problems.append("a generic word, not a role")
    if _MARKUP.search(role) or _QUOTES.search(role) or _BRACKETS.search(role):
        problems.append("markup or quotation marks")
    if re.search(r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b", role):
        problems.append("a date or time: dateline junk")
    if _RUN_TOGETHER.search(role) and not _mixed_case_ok(role.split()):
        problems.append("words run together: dateline junk")
    return problems
