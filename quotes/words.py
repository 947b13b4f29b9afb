"""The words that stand next to names: titles, roles, particles, organisation nouns.

One home for each list, so a title added for the lookup key is not missing
from the resolver or the name checks by accident. The lists differ on
purpose, and each use is built here from named parts:

- `TITLES` the lookup key drops from the front of a name (`quotes.lookup`):
  only words that never begin a name or an organisation's name.
- `RESOLVER_TITLES` the resolver cuts before a name (`quotes.cues`,
  `quotes.names`): those, titles that may also begin a name (`King`, `State`),
  more forms of address (`Bishop`, `Det.`) and the words of a description
  (`the top U.S. Treasury`).
- `ROLE_WORDS` a stored name may not be made of alone (`quotes.name_checks`):
  the titles, those that may begin a name, and jobs (`CEO`, `anchor`).

Plain data, no imports: everything may read it.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Forms of address, offices and ranks: never the first word of a name (`Mayor Ruiz`, `Sgt. Lee`).
FORMS_OF_ADDRESS = _words("mr mrs ms miss mx dr sir dame lord lady")
OFFICES = _words("""
sen senator rep representative gov governor president vice secretary gen general rev prof professor
mayor judge justice chairman chairwoman speaker ambassador minister prime premier commissioner
congressman congresswoman chancellor counsellor counselor chief deputy former spokesman spokeswoman
adviser advisor attorney
taoiseach tánaiste td mla msp mep mpp member
""")
RANKS = _words("capt lt col maj sgt adm cmdr cpl pvt sp asp dsp ssp cp acp dcp igp")  # police ranks: `SP Adekunle Badmus`
# Titles the lookup key drops that the resolver does not cut (an oversight there, or not: the lead's call).
LOOKUP_ONLY_TITLES = _words("sheriff spokesperson")
TITLES = FORMS_OF_ADDRESS | OFFICES | RANKS | LOOKUP_ONLY_TITLES

# Titles that may also be a name's first word (`King`, `Pope`, `State Department`, `Leader`);
# a company's officers by initials are titles like `CEO` (`CFO Priya Raman`, and `the CFO` alone is her).
TITLES_OR_NAMES = _words("""
assistant candidate ceo cfo coo cto chair director foreign king leader mp nominee official officials pope prince
princess queen sheikh state
""")
# More forms of address the resolver cuts: clergy, police, courtesy titles (`Det.`, `Cllr`, `Hon.`).
MORE_TITLES = _words("""
admiral adv advocate alderman alderwoman amb archbishop assemblyman assemblywoman bishop brig brigadier
cardinal cllr constable coun councilman councilwoman councillor councilor cst del delegate det detective father
lieut
hon honorable honourable imam insp inspector pastor pm rabbi ret retired reverend superintendent supt
""")
# Words of a description before a name (`his top adviser`, `U.S. Treasury Secretary`).
DESCRIBERS = _words("""
the his her top senior us u.s. u.s china chinese american national security treasury defense house
senate majority minority democratic republican gop presidential press
""")
RESOLVER_TITLES = (TITLES - LOOKUP_ONLY_TITLES) | TITLES_OR_NAMES | MORE_TITLES | DESCRIBERS
# Titles that stand for one person in an article (`the King`, `the CEO`), not a kind of word before a name.
PERSONAL_TITLES = RESOLVER_TITLES - DESCRIBERS - _words("""
former vice deputy assistant mr mrs ms miss official officials candidate nominee leader state foreign
""")

# Jobs and roles that describe a person but are no title in front of a name (`Tesla CEO`, `CNN anchor`).
JOBS = _words("""
acting interim aide analyst anchor chairperson founder cofounder co-founder correspondent
counsel editor emir envoy executive executives expert head host lawmaker manager mep moderator officer
president-elect reporter secretary-general general-secretary staffer vp treasurer actor actress
rapper comedian novelist author artist filmmaker
""")
# A name made only of these is a role, not a name (`CEO`, `Foreign Minister`, `Secretary of State`).
ROLE_WORDS = TITLES | TITLES_OR_NAMES | JOBS

# Words of praise, pity or age a writer puts before a person's name (`Brave Marina Lacerda`, `tragic
# tot Lily`): no part of the name. Only these, titles and roles are cut from a name's front; any
# other capitalised word may be a given name the name list does not know (`Shiza Fatima Khawaja`).
EPITHETS = _words("""
brave tragic heroic hero grieving heartbroken devastated tearful proud beloved late young little big
poor tiny baby teen teenage teenager tot schoolgirl schoolboy mum dad mother father granny grandma
grandfather grandmother widow widower pal star legendary legend veteran famous disgraced jailed
convicted accused alleged killer evil monster stunning gorgeous beautiful talented brilliant
tearaway pensioner survivor victim billionaire millionaire
""")

# Lower-case words that begin a surname (`van Gogh`, `De La Rosa`, `bin Salman`).
SURNAME_PARTICLES = _words("de da del della der di du la le van von bin al el ter ten st in 't ’t het ap ab")  # `in 't Veld`, `ap Gwyn`
# Lower-case words a person's name may hold anywhere (`José Eduardo dos Santos`, `Ortega y Gasset`).
NAME_PARTICLES = SURNAME_PARTICLES | _words("den do dos y ibn e")

# Heads of descriptions that mean an organisation (`the ministry said`, `the bank wrote`).
ORG_NOUNS = _words("""
ministry department agency bureau office committee council commission board government administration
army military police force court company firm bank group union party campaign organisation
organization foundation institute university school association federation league club network team
centre center authority regulator service caucus coalition alliance embassy spokesperson
trust hospital clinic charity airline carrier retailer insurer lender manufacturer automaker carmaker
startup utility
""")
# Of those, the ones any organisation may go by (`the company`, `the agency`), unlike `the ministry`.
ANY_ORG_NOUNS = _words("""
company firm agency organisation organization trust hospital clinic charity airline carrier retailer
insurer lender manufacturer automaker carmaker startup utility
""")
# Nouns that describe a news outlet (`the newspaper said`, `the editorial board wrote`), and the
# words that make an outlet's name (`The New Hampshire Union Leader`, `the Las Vegas Sun`).
OUTLET_NOUNS = _words("newspaper paper daily tabloid magazine outlet site website blog channel station broadcaster publication")
OUTLET_NAME_WORDS = _words("""
times post news journal herald tribune gazette chronicle inquirer telegraph examiner dispatch courier
bulletin magazine review press media television radio broadcasting leader sun star globe mail guardian
observer standard independent register record reporter daily weekly monitor express mirror politico
reuters bloomberg xinhua tass interfax cnn msnbc bbc npr pbs abc cbs nbc fox advocate
""")

# Words that make an organisation's name (`Ministry of Foreign Affairs`, `Aguas del Norte SA`).
ORG_NAME_WORDS = (ORG_NOUNS - {"spokesperson"}) | _words("""
corporation corp inc ltd llc plc sa ag gmbh co companies times post news forces services
organisation fund parliament congress senate assembly cabinet pentagon kremlin consulate movement front
tribunal agencies unions press media journal magazine review television radio broadcasting trust
partners capital holdings industries laboratories labs systems technologies airlines airways railways
energy oil motors pharmaceuticals hospital clinic observatory church institution college navy museum pac
reuters bloomberg xinhua tass interfax
""")

# Documents a sentence may make the subject of a speech verb (`The Bill will also remove "..."`,
# `An Employment Rights Bill ... banning "..."`): with a determiner, never a speaker's name.
DOCUMENT_NOUNS = _words("""
bill act report treaty accord agreement plan strategy law charter resolution amendment manifesto
""")
# Kin only a person has (`Trump’s son`, `her daughter, Ada Whitfield,`).
KIN = _words("""
wife husband widow widower son daughter mother father brother sister grandson granddaughter
grandmother grandfather niece nephew cousin aunt uncle stepson stepdaughter
""")
# Writings whose owner speaks through them (`Sanders’ email notes that "..."`).
WRITINGS = _words("statement email letter memo post tweet note report op-ed column blog message release account")

# Groups that speak for the organisation they belong to when the phrase names it
# (`analysts at Boston Consulting Group wrote`, `Montana Freedom Caucus members`, `UPS
# corporate communications said`); one unnamed person (`a spokesperson`) never does.
SPEAKING_GROUPS = _words("""
analysts researchers experts economists scientists members officials executives leaders
lawmakers aides advisers advisors staffers strategists representatives communications staff leadership
""")
# Words that open a clause set against the one before (`Rubio suggested ..., while Cruz said "..."`).
CONTRASTS = _words("while whereas whilst")
# Labels of whoever asks in a transcript or Q&A (`Q:`, `AUDIENCE MEMBER:`), beside the role words.
ASKERS = _words("q question interviewer audience journalist caller")
# Titles written short in a headline and in full in the body (`CEO says` over `Chief Executive Jane Roe said`).
TITLE_FORMS = {
    "ceo": ("ceo", "chief executive"), "cfo": ("cfo", "chief financial officer", "finance chief"),
    "coo": ("coo", "chief operating officer"), "cto": ("cto", "chief technology officer"),
    "pm": ("pm", "prime minister"),
}
# Labels of the one who answers in a Q&A (`A:`, `Answer:`): the person the piece interviews.
ANSWERERS = _words("a answer")
