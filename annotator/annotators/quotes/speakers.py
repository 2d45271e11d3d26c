"""Speakers: find the noun phrase that attributes a quotation and resolve it to a full name.

Noun phrases are found with plain word patterns (no tagger): a pronoun, a run of
capitalised words (names, organisations, titles), or a short description led by a
determiner ("one Weibo commenter", "a series of South Dakotans"). Names are resolved
to their fullest mention in the article, titles moved to a role, pronouns to the
nearest earlier compatible speaker, acronyms to the organisation they abbreviate.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice

from ..places import is_country_name, names_a_place

PRONOUNS = {"he": "m", "she": "f", "it": "o", "they": "o", "we": "o", "i": "p"}
ANY_PERSON = "person"  # resolves as a pronoun of either gender would ("the 36-year-old")
DETERMINERS = frozenset("the a an one another some its his her their our this".split())
CONNECTORS = frozenset("of for and & the de du von van al bin on".split())
STOP_WORDS = frozenset(
    "that which who whom whose when while as because if and but or so than then where after "
    "before since with by to from in at into about without despite though although per "
    "has have had was were is are be been also later would will could may might".split()
)
AUXILIARIES = frozenset(
    "has have had was were is are also later then since once would will could may might "
    "already again just first further earlier previously recently repeatedly publicly "
    "reportedly still often never always even himself herself itself themselves".split()
)
TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. gov gov. governor president vice secretary minister prime "
    "foreign chairman chairwoman chair ceo cfo coo chief director deputy senator sen sen. "
    "rep rep. representative judge justice gen gen. general prof prof. professor commissioner "
    "mayor ambassador spokesman spokeswoman spokesperson king queen prince princess pope lord "
    "sir officer premier chancellor lt. col. capt. sgt. inspector superintendent leader "
    "economist analyst farmer lawyer attorney coach author actor singer doctor nurse teacher "
    "historian scientist researcher activist candidate administrator adviser advisor envoy "
    "official executive founder co-founder owner manager editor strategist hon hon. honourable honour honor "
    "honorable counsel coun coun. cllr cllr. councillor councilor member councilmember "
    "councilwoman councilman alderman alderwoman "
    # (posts written as initials before a name: "MCA Peter Mwangi", "Finance CEC Ann Wanjiru")
    "mp mpp mla msp mep mna mpa td mca cec "
    # (honorifics of Malaysia, Ghana and Nigeria: "Encik Mohd Faizal", "Madam Comfort …",
    # "Datuk Seri …", "Alhaji …")
    "madam madame encik puan cik haji hajah hajjah datuk datin dato dato' seri tun alhaji "
    "alhaja engr engr. barr barr. miss "
    # (South African elders' honorifics: "Gogo Ntombi Cele", "Mkhulu …")
    "gogo mkhulu "
    # (India's district posts: "Nellore District Collector M. Sirisha Rao")
    "collector tahsildar".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir hon hon.".split())
ORG_WORDS = frozenset(
    "commission coalition party ministry department bureau office center centre institute "
    "agency press times post association council committee bank fund company co. inc inc. "
    "corp corp. university twitter facebook google group organization organisation union "
    "services service police court government administration reuters npr bbc news network "
    "board authority federation foundation society league campaign club team congress corporation "
    "command revenue chamber "
    "parliament senate house assembly army navy forces journal herald tribune daily "
    "magazine radio television tv channel airlines bureau inc. ltd ltd. plc llc communications "
    "relations college school academy republicans democrats hospital museum church "
    "bakery framework manufacturers traders enterprise enterprises holdings industries "
    "cooperative sacco bhd sdn".split()
)
# Words that make a capitalised phrase no person's name, though they name no speaker either:
# a market, a project ("… Municipal Development Project").
NOT_PERSON_WORDS = ORG_WORDS | frozenset("market project programme program scheme".split())
# A country's adjective opening a capitalised phrase makes it no person's name.
DEMONYMS = frozenset(
    """irish british scottish welsh american canadian australian kenyan nigerian ghanaian
    indian malaysian filipino philippine ugandan tanzanian zambian zimbabwean african european
    asian chinese japanese korean pakistani bangladeshi lankan""".split()
)
CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    feb feb. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov.
    dec dec. tues tues. thurs thurs.""".split()
)
NOT_NAMES = CALENDAR_WORDS | frozenset(
    "the a an in on at but and or if as for from this that these those it its he she they we i "
    "meanwhile however both what whatever whoever why how "
    "critically though although while when after before despite during under even also "
    "still yet so then now instead indeed last next earlier later one some many all "
    "like any his her my our your their its every each no there here few several most more "
    "fewer less half nearly almost till until unless new old".split()
)
LEADING_NON_NAMES = NOT_NAMES - {"he", "she"}
FEMALE_NAMES = frozenset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa "
    "margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa "
    "deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna "
    "brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn "
    "janet ruth maria heather diane virginia julie joyce victoria kelly christina lauren "
    "joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann "
    "gloria jean kathryn alice teresa sara janice doris madison julia grace judy abigail "
    "marie denise beverly amber theresa marilyn danielle diana brittany natalie sophia "
    "rose isabella alexis kayla charlotte kristi theresa marybel nancy hillary kamala "
    "angela theresa jacinda ursula christine elizabeth nicola priti liz kristi lynn".split()
)
MALE_NAMES = frozenset(
    "james robert john michael william david richard joseph thomas charles christopher "
    "daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian "
    "george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan "
    "stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick "
    "raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter "
    "kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean "
    "austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel "
    "logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby "
    "philip phil johnny boris dominic jeremy keir nick will andy marcelo eswar zippy "
    "mike bill jim tom dan steve xi vladimir emmanuel narendra justin".split()
)
AGENT_NOUNS = frozenset(
    "police staff people public crowd family families parents residents officials authorities "
    "source sources insider insiders rep reps aide aides team firm company agency group "
    "campaign label studio network critics experts doctors physicians clergy jury panel bench tribunal "
    "government administration ministry regulator regulators court military army "
    "spokesperson spokespeople witness witnesses victim victims man woman boy girl child "
    "expert experts couple friend friends wife husband son daughter pair duo mom mum dad "
    "sister niece nephew aunt uncle cousin widow widower girlfriend boyfriend fiancee fiancée "
    "grandmother grandfather grandson granddaughter host hosts anchor anchors pundit pundits "
    "guest guests".split()
)
AGENT_SUFFIXES = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "man",
    "men",
    "person",
    "people",
    "ant",
    "ants",
    "ent",
    "ents",
    "ee",
    "ees",
    "ive",
    "ives",
    "ary",
    "aries",
    "crat",
    "crats",
)
DOCUMENT_NOUNS = frozenset(
    "statement letter email e-mail post tweet release report message note memo notice "
    "document filing complaint petition speech interview video paper study survey "
    "announcement comment comments remarks order ruling decision brochure pamphlet leaflet "
    "booklet guidance guidelines handbook manual".split()
)
WORD_CACHE = 1 << 16  # pure word and name tests are cached across documents
LOOKAHEAD = 5  # tokens read before a phrase_after scan needs the whole span
# An acronym: capitals ("FBI", "C&AG"), or a short lower-case run before two or more capitals
# as some bodies write theirs ("NamRA", "KeNHA").
ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,6}|[A-Z][a-z]{1,3}[A-Z]{2,4})$")
WORD = re.compile(r"\S+")
NAME_WORD = r"[A-Z][a-z’'-]*(?:-[A-Z][a-z]+)?|[A-Z]\.(?:[A-Z]\.)?"
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# A capital glued to a lower-case word ("reportedThe"): a space goes before it.
GLUED = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])(?=[a-z]{2})")
TITLE_OR_ORG = TITLES | ORG_WORDS
NON_NAME_WORDS = NOT_NAMES | TITLES | ORG_WORDS
# Lower-case words that single out a named person without being part of the name.
NAME_MODIFIERS = frozenset("elder younger late embattled outgoing incoming".split())
NON_LEADING = LEADING_NON_NAMES | {"his", "her", "their", "our", "my"}
NON_DETERMINER_STOPS = STOP_WORDS - DETERMINERS
TRAILING_LOWER = re.compile(r"(?:^|\s)([a-z]+)$")
LEAD_PRONOUN = re.compile(r"(?:[A-Z]\w*, )?([Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\s+[a-z]")
INITIAL_OR_SUFFIX = re.compile(r"[A-Z]\.|[JS]r\.")
# Words whose final dot is part of them: a title ("Rep.", "Dr."), a dotted acronym ("U.S."),
# a company or place abbreviation ("Corp.", "St."). A phrase runs on past one of them
# when the next word can continue it ("U.S. Rep. John Doe", "Acme Inc. spokeswoman Jo Li").
DOTTED_WORD = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Inc|Corp|Co|Ltd|Bros|St|Mt|Ft|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Prof"
    r"|Lt|Col|Capt|Sgt|Cmdr|Adm|Supt|Insp|Det|Atty|Gen|Rev|Hon|Coun|Cllr|Ma|Engr)\."
)
# (An abbreviated honorific's period does not end it: ", Hon. Yaw Boateng Akrofi,".)
APPOSITIVE_AFTER = re.compile(
    r",\s*((?:(?:Hon|Mr|Mrs|Ms|Dr|Prof|Rev|Cllr|Coun|Sen|Rep|Supt|Insp|Det|Engr|Barr|Ma)\.\s+)?[^,.;]+)"
)
# "a 2018 survey by Jo Li", "a report from Kotak Equities": the document's author speaks.
DOCUMENT_SOURCE = re.compile(
    r"\s*(?:an?|the|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted(DOCUMENT_NOUNS | {"analysis", "poll"}))
    + r")s?\s+(?:by|from)\s+(?:the\s+)?(?=[A-Z])"
)
AGE_NOUN = re.compile(r"\d+-year-olds?")
POSSESSIVE_END = re.compile(r"[’']s$")
LEADING_THE = re.compile(r"^(?:the|The)\s+")
INITIAL = re.compile(r"[A-Z]\.")
NAME_WORD_FULL = re.compile(NAME_WORD)
ALIAS_NAME = r"[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w’'&-]*)*"
# "the group, X" (a word boundary before "the", checked after its first letter so that the
# scan can skip to T/t).
# "the Directorate for Priority Crime Investigation, better known as the Hawks"
KNOWN_AS = re.compile(
    rf"\b[Tt]he\s+({ALIAS_NAME}),?\s+(?:better\s+|also\s+|commonly\s+|popularly\s+)?known\s+as\s+"
    rf"(?:the\s+)?({ALIAS_NAME})"
)
# (not a post's object: "Solicitor for the accused, Pádraig O'Connell," is the solicitor)
ALIAS = re.compile(
    rf"[Tt](?<!\w[Tt])(?<!\bfor t)(?<!\bof t)(?<!\bto t)he ([a-z]+),? ({ALIAS_NAME})[,.]"
)
# "Morton County sheriff Kyle Kirchmeier", "Governor Kathy Hochul": a title word before a full
# name, so that "the sheriff" later names that person.
BACK_TITLES = (
    "sheriff senator governor minister mayor judge president chairman chairwoman spokesman "
    "spokeswoman spokesperson commissioner ambassador prosecutor premier chancellor coach "
    "magistrate"
).split()
# Each title as written, full or abbreviated before a name ("Sen. Jon Tester"), with its word.
BACK_TITLE_FORMS = [(title, title) for title in BACK_TITLES] + [
    ("sen.", "senator"),
    ("gov.", "governor"),
    ("pres.", "president"),
]
_NAME_WORD = r"[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?"  # ("Nyenswah-Toe", "McAdam", "O'Brien")
# (or an initial first, as Indian papers write names: "R Meenakshi Sundaram", "K Tyagarajan")
_PERSON = (
    rf"(?:[A-Z]\.?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"|{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}})"
)
# (the title's portfolio and an honorific may come between: "the Commissioner for
# Environment, Dr Uchenna Okereke"; so may a comma: "The Northern Regional Minister, Hon.
# Alhassan Wumbei, who chairs …")
NAME_AFTER_TITLE = re.compile(
    r",?\s+(?:(?:for|of)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:and\s+)?[A-Z][\w&-]*){0,4},\s+)?"
    r"(?:(?:Dr|Mr|Mrs|Ms|Hon|Prof|Engr|Barr)\.?\s+)?"
    rf"({_PERSON})\b"
)
NAME_BEFORE_TITLE = re.compile(rf"\b({_PERSON}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?$")


def titled_people(text: str) -> dict[str, set[str]]:
    """Title word → the full names the text gives it: "sheriff Kyle Kirchmeier", "Nancy
    Silvestri, a spokesperson" (one scan for the title words, then a look either side)."""
    titled: dict[str, set[str]] = {}
    lowered = text.lower()
    for written, title in BACK_TITLE_FORMS:
        at = lowered.find(written)
        while at >= 0:
            end = at + len(written)
            whole = not (at and lowered[at - 1].isalnum()) and not lowered[end : end + 1].isalnum()
            if whole:
                after = NAME_AFTER_TITLE.match(text, end)
                before = NAME_BEFORE_TITLE.search(text, max(0, at - 80), at)
                for found in (after, before):
                    name = _untitled(found.group(1)) if found else None
                    if name:
                        titled.setdefault(title, set()).add(name)
            at = lowered.find(written, end)
    return titled


def _untitled(name: str) -> str | None:
    """A name without the titles that open it ("Justice Ngozi Amaechi-Eze" after "the judge,"),
    or None when less than a full name is left."""
    words = name.split()
    while words and words[0].lower() in TITLES:
        words.pop(0)
    return " ".join(words) if len(words) > 1 else None


ORG_RUN = re.compile(r"[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'&-]*)+")
RUN_STRIP = ',;:()"“”‘’!?'
# A word whose first character after RUN_STRIP punctuation may be a capital (a superset),
# and a run of such words separated by spaces only. The run's first word is written to start
# with a character class (its conditions follow as look-behinds) so that the scan skips ahead.
_STRIP = r",;:()\"“”‘’!?"
_MAYBE_CAPITAL = rf"[^\s{_STRIP}'a-z0-9]"
CAP_CANDIDATE = rf"[{_STRIP}]*{_MAYBE_CAPITAL}\S*"
_FIRST_CANDIDATE = (
    rf"[^\s'a-z0-9](?<!\S[\s\S])(?:(?<=[{_STRIP}])[{_STRIP}]*{_MAYBE_CAPITAL}|(?<![{_STRIP}]))\S*"
)
CAP_CANDIDATES = re.compile(rf"{_FIRST_CANDIDATE}(?:\s+{CAP_CANDIDATE})*")
# The quantifiers are possessive: a run of words can end before ", " in one place only, and
# a role before its comma in one place only, so giving characters back never finds a match
# (the same matches, found without the backtracking).
APPOSITIVE = re.compile(r"([A-Z][\w’'.-]*+(?: [A-Z][\w’'.-]*+)*+), ([a-z][^,.;]{3,120}+),")


@dataclass
class Phrase:
    """A noun phrase found in the text: its offsets, and an optional role (an appositive)."""

    start: int
    end: int
    text: str
    role: str | None = None
    role_name: str | None = None


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, lo, hi)]


def _is_cap(token: str) -> bool:
    token = token.strip("’'")
    return bool(token) and token[0].isupper()


def _bare(token: str) -> str:
    return token.lower().strip(".,;:’'")


def _strip_tail(text: str, lo: int, hi: int) -> int:
    """Move `hi` left over spaces, auxiliaries, adverbs, a dash-enclosed aside and a short
    bracketed aside ("Sen. Jo Li (R-Kan.) said")."""
    while True:
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo and text[hi - 1] == ")":
            opened = text.rfind("(", max(lo, hi - BRACKETED_ASIDE), hi - 1)
            if opened > lo:
                hi = opened
                continue
        honour = text.endswith("Counsel", lo, hi) and POST_NOMINAL.search(
            text, max(lo, hi - 24), hi
        )
        if honour and honour.start() > lo:
            hi = honour.start()  # "Advocate Karabo Mohau King's Counsel (KC) cautioned"
            continue
        if hi > lo and text[hi - 1] in "—–":
            other = max(text.rfind("—", lo, hi - 1), text.rfind("–", lo, hi - 1))
            if other < 0:
                return hi
            hi = other
            continue
        match = TRAILING_LOWER.search(text[lo:hi])
        if match and (match.group(1) in AUXILIARIES or _is_adverb(match.group(1))):
            hi = lo + match.start(1)
            continue
        when = TIME_BEFORE_VERB.search(text, max(lo, hi - 30), hi)
        if when is not None and when.start() > lo:
            hi = when.start()  # "A report by the National Audit Office earlier this year warned"
            continue
        near = SETTING_NOUN.search(text, max(lo, hi - 40), hi)
        setting = SETTING.search(text, lo, hi) if near else None
        if setting is not None and setting.start() > lo:
            hi = setting.start()  # "The Indian army in a statement said"
            continue
        return hi


BRACKETED_ASIDE = 24  # "(R-Kan.)", "(PN–Jerantut)", "(DA)": a party, a seat, an age
# A time between a subject and its verb: "… earlier this year", "… last week", "… this month".
TIME_BEFORE_VERB = re.compile(
    r"\s+(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:week|month|year|spring|summer|autumn|fall|winter)$"
    r"|\s+(?:earlier|late|early)\s+(?:this|last)\s+(?:week|month|year)$"
)
POST_NOMINAL = re.compile(r",?\s+(?:King|Queen)[’']s\s+Counsel$|,?\s+Senior\s+Counsel$")

# Short manner adverbs between a speaker and the verb: "he aptly summarizes".
MANNER_ADVERBS = frozenset(
    """aptly simply firmly flatly bluntly candidly proudly quietly calmly sadly softly boldly
    warmly wryly curtly gravely plainly openly frankly briefly jokingly""".split()
)


# Where or how something was said, between the speaker and the verb.
SETTING_NOUN = re.compile(
    "statement|post|interview|briefing|letter|speech|release|conference|address|message|video|tweet"
)
SETTING = re.compile(
    r"\s+(?:in|on|at|during|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|post|interview|briefing|letter|speech|release|conference|address|message|"
    r"video|tweet)(?:\s+(?:on|in)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?$"
)


def _is_adverb(word: str) -> bool:
    if word in MANNER_ADVERBS:
        return True
    return len(word) > 5 and word.endswith(("ally", "edly", "ously", "ently", "antly", "ately"))


# A relative clause's subject after its noun: "Tester, who also says …", "Trump Jr who wrote".
RELATIVE_WHO = re.compile(r",\s*who$|(?<=[a-z.])\s+who$")

# An unnamed person described before a prepositional phrase: "a woman in her seventies".
DESCRIBED_PERSON = re.compile(
    r"(?:^|(?<=\s))(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\s+"
    r"(?:in|with|from|at|on|of|behind|near|outside|inside|beside)\s+$"
)


DESCRIBED_SPEAKER = re.compile(
    r"(?:an?|one|the)\s+(?:[a-z0-9-]+\s+){0,2}?(?P<noun>[a-z]+)\s+"
    r"(?:in|with|from|at|on|of|behind|near|outside|inside|beside)\s",
    re.I,
)


def described_noun(speaker: str) -> str | None:
    """The noun of an unnamed person described before a prepositional phrase: "woman" in "a
    woman in her seventies" (None for any other speaker)."""
    found = DESCRIBED_SPEAKER.match(speaker)
    return found["noun"] if found is not None and is_agent_noun(found["noun"]) else None


def _described_with(text: str, lo: int, phrase: Phrase | None) -> Phrase | None:
    """ "a woman in her seventies who told me": the person, not "her seventies"."""
    if phrase is None:
        return None
    found = DESCRIBED_PERSON.search(text, max(lo, phrase.start - 40), phrase.start)
    if found is None or not is_agent_noun(found["noun"]):
        return None
    return Phrase(found.start(), phrase.end, text[found.start() : phrase.end])


# A name with a comma in it, then its acronym in brackets: "… Investment, Trade and Industry
# (MITI)".
BRACKETED_ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z&]{1,7})\)")
NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w’'&.-]*,?\s+(?:(?:of|for|and|on|the|&)\s+)*){1,8}[A-Z][\w’'&.-]*)$"
)


# A cue in the past tense: one event, so "a woman in her seventies who told me" is someone
# (where "the calm dad who tells his child" describes nobody in particular).
PAST_CUE = re.compile(r"(?:told|said|wrote|described|explained|recalled|added|warned)\b")


def _skip_spaces_at(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


# ", from Tynemouth" / ", of Leeds": a speaker's home town set off after the name.
HOMETOWN = re.compile(r",\s*(?:from|of)\s+(?=[A-Z])")


TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,40}\)$")  # "Hon. X (APC, Keffi East)": X
# The same aside of capitalised words only, a party's or a seat's: "Cllr Niamh Breathnach (Soc
# Dems)" (not a bracketed name for the same thing: "Kulam Nanbargal (Friends of the Tanks)").
PARTY_ASIDE = re.compile(r"\s*\((?:[A-Z][\w.’'-]*[ ,-]*){1,4}\)$")
# Where a described speaker is: "an official of the ministry in Abuja" (the official).
LOCATION_TAIL = re.compile(r"\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}$")
# A relative clause or a participle's "by" aside closed by its comma at the end of a subject:
# "X, who stayed to vote,", "Defence counsel X BL, instructed by solicitor Y,".
RELATIVE_CLAUSE_END = re.compile(r",\s*(?:who|[a-z]+ed\s+by)\s[^,;:\"“”()]{1,80},\s*$")


def phrase_before(text: str, lo: int, hi: int) -> Phrase | None:
    """The noun phrase ending at `hi` (after auxiliaries and an appositive), not before `lo`."""
    hi = _strip_tail(text, lo, hi)
    clause = RELATIVE_CLAUSE_END.search(text, lo, hi)
    if clause is not None:  # "Dawn Pickering (Ind), who stayed to vote against, called …"
        return phrase_before(text, lo, clause.start())
    aside = TRAILING_ASIDE.search(text, lo, hi)
    if aside is not None and aside.start() > lo:  # "Dawn Pickering (Ind, Chaddesden)"
        return phrase_before(text, lo, aside.start())
    relative = RELATIVE_WHO.search(text, lo, hi)
    if relative is not None and (
        text[relative.start()] == ","
        or _after_name(text, lo, relative)
        or PAST_CUE.match(text, _skip_spaces_at(text, hi))
    ):
        # "the senator, who recently said", "Donald Trump Jr who wrote": the one the clause
        # is about ("the calm dad who tells his child" describes nobody in particular)
        found = phrase_before(text, lo, relative.start())
        if text[relative.start()] == "," and found is not None and found.text[:1].islower():
            # "said K.R. Prakash, a silk merchant, who described …": the named person
            named = phrase_before(text, lo, relative.start() + 1)
            if named is not None and is_person(named.text):
                return named
        return found
    role = None
    if hi > lo and text[hi - 1] == ",":
        comma = text.rfind(",", lo, hi - 1)
        closing = text.rfind(")", lo, hi - 1)
        if closing > comma:  # "its chairman, Hon. X (APC, Keffi East),": not the aside's comma
            comma = text.rfind(",", lo, max(lo, text.rfind("(", lo, closing)))
        if comma >= 0:
            role = TRAILING_ASIDE.sub("", text[comma + 1 : hi - 1].strip())
            lead = LEAD_PRONOUN.match(role + " ")
            if lead:  # "During the call, he asked about X, called …": a subject, not an appositive
                at = comma + 1 + text[comma + 1 : hi].index(lead.group(1))
                return Phrase(at, at + len(lead.group(1)), lead.group(1))
            hi = comma
        else:
            hi -= 1
    phrase = _trailing_phrase(text, lo, hi)
    if phrase is None and role:
        phrase = _name_after_post(text, lo, hi, role)
        if phrase is not None:  # "the ministry's director for industrial development, Mrs X,"
            return phrase
        if len(role.split()) >= 2 and is_person(role):  # "IDA Ireland's head of …, Declan
            start = text.index(role, hi)  # Furlong,": the person set off after the post
            return Phrase(start, start + len(role), role, role=text[lo:hi].strip() or None)
    if phrase is not None and text[max(lo, phrase.start - 16) : phrase.start].rstrip().endswith(
        (" from", " of")
    ):
        home = HOMETOWN.search(text, max(lo, phrase.start - 16), phrase.start + 1)
        if home is not None and home.end() == phrase.start:  # "Richard Weir, 60, from Tynemouth,"
            return phrase_before(text, lo, home.start() + 1) or phrase
    member = PERSON_FROM.search(text, lo, phrase.start) if phrase is not None else None
    if member is not None and is_person(member.group(1)):  # "Matthew O’Connor from UPS …"
        return Phrase(member.start(1), member.end(1), member.group(1), role=f"from {phrase.text}")
    if phrase is not None and role:
        named = _name_after_description(text, phrase, role, hi)
        if named is not None:
            return named
        _attach_role(phrase, role)
    if phrase is not None and phrase.role is None and _post_before_name(phrase.text):
        phrase = _person_of_place(phrase)  # "analyst Adinda Maharani of the Centre for …"
    found = (
        _chain_head(text, lo, phrase)
        or _member_described(text, lo, phrase)
        or _document_about(text, lo, phrase)
        or _described_with(text, lo, phrase)
        or phrase
    )
    return _before_place(text, lo, hi, found) or found


def _before_place(text: str, lo: int, hi: int, found: Phrase | None) -> Phrase | None:
    """When the phrase read back is only the place after "in" and the description before it
    names a body with a list of remits ("an official of the Federal Ministry of …, … and
    Social Development in Abuja"): the description with its place; else None."""
    located = LOCATION_TAIL.search(text, lo, hi)
    if located is None or located.start() <= lo or (found and found.start < located.start()):
        return None
    if located.group().split()[1].lower() in CALENDAR_WORDS:
        return None  # "a team that visited Gaborone in June"
    described = phrase_before(text, lo, located.start())
    if described is None or ", " not in described.text:
        return None  # (only a body named with a list of remits is cut short by its commas)
    return Phrase(described.start, hi, text[described.start : hi])


# A document and what it is about, ending where the phrase found starts: "The C&AG's annual
# report on the accounts of the public services" (the document speaks, not its subject).
DOCUMENT_ABOUT = re.compile(
    r"(?:^|(?<=\s))(?P<doc>(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:[A-Z][\w&’'.-]*\s+){0,4}(?:[a-z0-9][\w-]*\s+){0,2}?"
    r"(?P<noun>report|review|audit|study|inquiry|investigation|assessment|analysis))"
    r"\s+(?:on|into|of|about|to)\s+(?:[\w’'&-]+\s+){0,8}?$"
)


# Documents an owner's name may open: those above, and the reviews and audits a body issues
# ("A FEMA review of the 2019 flood noted …").
OWNED_DOCUMENTS = DOCUMENT_NOUNS | {"review", "audit", "assessment"}


def document_owner(words: list[str]) -> str | None:
    """Who issued a document named with its owner: "The C&AG's annual report" → "C&AG", "the
    NAO report" → "NAO" (the spec: words quoted from a document are its issuer's)."""
    if len(words) < 2 or not words[-1].islower() or _bare(words[-1]) not in OWNED_DOCUMENTS:
        return None  # (not "the Washington Post")
    owner = words[1:-1] if words[0].lower() in DETERMINERS else words[:-1]
    while owner and owner[-1].islower():  # "annual", "latest", "final"
        owner = owner[:-1]
    if not owner or not all(_is_cap(w) for w in owner):
        return None
    possessive = owner[-1].endswith(("'s", "’s"))
    owner[-1] = owner[-1].removesuffix("'s").removesuffix("’s")
    if _bare(owner[0]) in NOT_NAMES or not owner[-1]:
        return None  # "The January report", "This report"
    if len(owner) == 1 and not possessive and not ACRONYM.match(owner[0]):
        return None  # "The Finnish guidance": an adjective, no issuer
    return " ".join(owner)


# The last word of a document's capitalised title ("… Marine Safety Code").
TITLED_DOCUMENTS = frozenset("code report plan strategy review guidelines policy framework".split())


def titled_document_owner(words: list[str]) -> str | None:
    """The possessive owner before a capitalised document title ("Maritime New Zealand's Port
    and Harbour Marine Safety Code" → "Maritime New Zealand"), else None."""
    if len(words) < 3 or not _is_cap(words[-1]) or words[-1].lower() not in TITLED_DOCUMENTS:
        return None
    marks = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    if not marks:
        return None
    owner = words[: marks[0] + 1]
    owner = owner[1:] if owner[0].lower() in DETERMINERS else owner
    owner[-1] = owner[-1].removesuffix("'s").removesuffix("’s")
    if not owner or not all(map(_is_cap, owner)) or _bare(owner[0]).lower() in NOT_NAMES:
        return None
    return " ".join(owner)


ABOUT_NOUNS = (
    "report ",
    "review ",
    "audit ",
    "study ",
    "inquiry ",
    "investigation ",
    "assessment ",
    "analysis ",
)


def _document_about(text: str, lo: int, phrase: Phrase | None) -> Phrase | None:
    """The document when the phrase is what a report is about: "The C&AG's annual report on
    the accounts of the public services, published in September, found that …"."""
    if phrase is None:
        return None
    window = max(lo, phrase.start - 160)
    before = text[window : phrase.start]
    if not any(noun in before for noun in ABOUT_NOUNS):
        return None  # (a cheap test first: phrase_before meets this for every cue)
    found = DOCUMENT_ABOUT.search(text, window, phrase.start)
    if found is None:
        return None
    return Phrase(found.start("doc"), found.end("doc"), found.group("doc"))


# "One student at Duke University", "a spokeswoman for the ministry": an unnamed person
# described by a post and the body they belong to (the body's name ends the match).
# The level of government a body's name may follow: "for the federal Emergency Management
# Minister", "at the state Department of Health".
BODY_LEVEL = r"(?:(?:federal|state|national|provincial|regional|local|city|county)\s+)?"
MEMBER_OF = re.compile(
    r"(?:^|(?<=\s))(?P<det>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?P<noun>[a-z]+)\s+(?:at|of|from|with|for)\s+(?:the\s+)?{BODY_LEVEL}$"
)


# The words MEMBER_OF ends with
MEMBER_LINKS = frozenset(
    "at of from with for the federal state national provincial regional local city county".split()
)
# The same with the body's place after it: "One student at Duke University in Durham, North
# Carolina, said", "An official of the agriculture ministry in Asaba said" (the phrase found
# is the place; the description runs through it, unless the place's region follows).
MEMBER_OF_IN = re.compile(
    MEMBER_OF.pattern.removesuffix("$") + r"(?P<body>(?:[\w’'&.-]+\s+){0,7}?[\w’'&.-]+)\s+in\s+$"
)


# An unnamed person by a post, the body's acronym or name before it, and the place after:
# "An EPA spokeswoman in Atlanta said".
POST_IN = re.compile(
    r"(?:^|(?<=\s))(?P<det>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[A-Z][\w.&’'-]*\s+){0,3}"
    r"(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+)\s+in\s+$"
)


def _member_described(text: str, lo: int, phrase: Phrase | None) -> Phrase | None:
    """The whole description when the phrase is the body an unnamed person belongs to
    ("One student at Duke University said", "… at Duke University in Durham, …, said"):
    the speaker is that person, not the body nor its place."""
    if phrase is None:
        return None
    before = text[max(lo, phrase.start - 8) : phrase.start].split()
    last = before[-1] if before else ""
    end = phrase.end
    if last in MEMBER_LINKS:
        member = MEMBER_OF.search(text, max(lo, phrase.start - 60), phrase.start)
    elif last == "in":
        member = MEMBER_OF_IN.search(text, max(lo, phrase.start - 100), phrase.start)
        if member is not None and not all(map(_is_cap, phrase.text.split())):
            member = None  # "… in Mysuru said several borrowers": no place
        elif member is not None and names_a_place(text, end):  # "in Durham, North Carolina,"
            end = member.end("body")  # (a place set off by its region ends the description)
        posted = POST_IN.search(text, max(lo, phrase.start - 60), phrase.start)
        if posted is not None and not is_agent_noun(posted["noun"]):
            posted = None
        if member is None and posted is not None:  # "An EPA spokeswoman in Atlanta"
            start = posted.start("det")
            return Phrase(start, end, text[start].lower() + text[start + 1 : end])
    elif last.lower() in ONE_PERSON and is_agent_noun(phrase.text.split()[0]):
        start = phrase.start - len(last) - 1  # "a spokeswoman for the Home Office": whole
        if start < lo or not text.startswith(last, start):
            return None
        return Phrase(start, end, last.lower() + " " + phrase.text)
    else:
        return None  # (a cheap test first: phrase_before meets this for every cue)
    if member is None or not is_agent_noun(member.group("noun")):
        return None
    start = member.start("det")
    described = text[start:end]
    return Phrase(start, end, described[0].lower() + described[1:])


# A person named right before "from" and the body they speak for.
PERSON_FROM = re.compile(r"([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})\s+from\s+$")


def _after_name(text: str, lo: int, relative: re.Match) -> bool:
    """Whether the word before a comma-less "who" is a capitalised name ("Trump Jr who")."""
    words = text[lo : relative.start()].split()
    return bool(words) and _is_cap(words[-1]) and _bare(words[-1]) not in NOT_NAMES


def _name_after_post(text: str, lo: int, comma: int, role: str) -> Phrase | None:
    """A full person name set off after a description too long to read as a phrase that
    names a post: "the Ministry of Industry and Commerce's director for industrial
    development, Mrs Nomalanga Sibanda," (the name speaks, the description is its role)."""
    described = text[lo:comma].strip()
    if len(role.split()) < 2 or not is_person(role):
        return None
    if not any(is_agent_noun(word) for word in described.split()[-6:]):
        return None
    start = text.index(role, comma)
    return Phrase(start, start + len(role), role, role=described)


# Posts written capitalised that are words of other meanings in lower case ("a speaker").
CAPITALISED_POSTS = frozenset(
    """Speaker Clerk Registrar Ombudsman Treasurer Auditor-General Attorney-General
    Solicitor-General Magistrate Sheriff Commandant Provost Vice-Chancellor""".split()
)


# Last words of capitalised posts held by one person: "Presiding Member", "Municipal Chief
# Executive".
POST_HEADS = frozenset({"member", "executive"})
# Between a post and its holder's name: "the MCE for Bawku, Hon. Mohammed Abdul-Kadir".
PLACE_WORDS = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
POST_HONORIFICS = r"(?:Mr|Mrs|Ms|Dr|Hon|Madam|Alhaji|Hajia|Nana|Togbe|Rev|Prof|Cllr|Chief)"
# Abbreviated titles before a name in an appositive: ", Cllr Tommy Nolan (FF),".
TITLE_ABBREVIATIONS = frozenset("cllr cllr. coun. insp. supt. det. sgt. cpl. dsp asp".split())
# Words opening an appositive that is a clause or a complement, not a post before a name.
NOT_POST_OPENERS = frozenset("who whom whose which that of from at in with for".split())


# A post held for or to someone, opening a phrase: "Lawyer for Mr Nsiah", "the counsel to".
POST_FOR = re.compile(r"(?:(?:the|a|an)\s+)?([A-Za-z]+)\s+(?:for|to)\s+[A-Z]")


# A preposition before a place that ends a description: "a rice farmer in Geidam".
PLACE_OBJECT = re.compile(r"\b(?:in|at|near)\s+$")


def _name_after_description(text: str, phrase: Phrase, role: str, comma: int) -> Phrase | None:
    """ "Epstein's neighbor in both Florida and New York, Donald Trump, said": a full person
    name (or a well-known given name alone: "Another Duke student, Brittany, said") set off
    after a description that is no person is the speaker, the description its role; so is a
    name an honorific or a title marks as a person's ("The Presiding Member, Hon. Yaw Boateng
    Akrofi,", "the council's portfolio holder, councillor Jenny Hallett,")."""
    name = split_title(role)[0]
    marker = role[: len(role) - len(name)].strip()
    last = marker.split()[-1] if marker else ""
    # "Hon.", "councillor", "Dubbo businessman": an honorific, or a post ending a short phrase
    marked = marker.lower() in HONORIFICS | TITLE_ABBREVIATIONS or (
        0 < len(marker.split()) <= 3
        and marker.split()[0].lower() not in NOT_POST_OPENERS  # (not "who represents X")
        and last.islower()  # (not "superintendent of Milwaukee Water Works")
        and (last in TITLES or (is_agent_noun(last) and not last.endswith("s")))
    )
    if marked and len(name.split()) >= 2 and is_person(name):
        start = text.index(name, comma)
        return Phrase(start, start + len(name), name, role=phrase.text)
    full = len(role.split()) >= 2 or gender(role) is not None
    indefinite = phrase.text.split()[0] in ONE_PERSON  # "a National Commissioner, Mrs X,"
    if not full or not is_person(role):
        return None
    last = phrase.text.split()[-1]
    post = last.lower() in TITLES or last in CAPITALISED_POSTS  # "the Deputy Speaker, Mrs X,"
    held_for = POST_FOR.match(phrase.text)
    # ("A rice farmer in Geidam, Ibrahim Kachalla, said": the phrase is the place a
    # description ends with, no person)
    placed = (
        len(phrase.text.split()) == 1
        and PLACE_OBJECT.search(text, max(0, phrase.start - 6), phrase.start) is not None
        and not names_a_place(text, comma)  # (not "in Durham, North Carolina,")
    )
    if (
        not indefinite
        and not post
        and not placed
        and not (held_for and _bare(held_for[1]) in TITLES)
    ):
        if is_person(split_title(phrase.text)[0]):
            return None  # (not "Lawyer for Mr Nsiah, Nana Ofosu-Darko,": the lawyer speaks)
    start = text.index(role, comma)
    return Phrase(start, start + len(role), role, role=phrase.text)


def _chain_head(text: str, lo: int, phrase: Phrase | None) -> Phrase | None:
    """ "Omar Lamrani, an analyst at Stratfor, the intelligence firm, told …": with two
    appositives the speaker is the full name opening the clause, not the middle one (or the
    unnamed member of a body opening it: "a student at Wesleyan University, the … college in
    Middletown, Connecticut, wrote")."""
    if phrase is None:
        return None
    comma = text.find(",", lo, phrase.start)
    if comma < 0:
        return None
    head = _trailing_phrase(text, lo, comma)
    if head is not None and _name_goes_on(text, head, comma, phrase):
        # "a spokeswoman for the Department of Natural Resources, Mines and Energy": one body
        whole = _member_described(text, lo, head) or head
        return Phrase(whole.start, phrase.end, whole.text + text[head.end : phrase.end])
    opening = lo + len(text[lo:comma]) - len(text[lo:comma].lstrip())
    member = _member_described(text, lo, head)
    if member is not None and member.start == opening:  # "a student at Wesleyan University, …"
        return Phrase(
            member.start, member.end, member.text, role=text[comma + 1 : phrase.end].strip()
        )
    if head is None or head.start != opening:
        return None
    if len(head.text.split()) < 2 or not is_person(split_title(head.text)[0]):
        return None
    if _titled_name(phrase.text):
        return None  # "State Investment, Trade … Committee chairman Datuk Razali Osman": the name
    if head.text.split()[0].lower() in OPENING_PREPOSITIONS:
        return None  # "Beyond Des Moines, the new leadership …": a place, not a person
    return Phrase(head.start, head.end, head.text, role=text[comma + 1 : phrase.end].strip())


def _titled_name(text: str) -> bool:
    """A phrase ending with a person's full name after a post ("Committee chairman Datuk Razali
    Osman"): it names its speaker itself."""
    name, role = split_title(text)
    return (
        role is not None
        and _bare(role.split()[-1]) in TITLES
        and len(name.split()) > 1
        and is_person(name)
    )


NAME_LIST_ITEMS = re.compile(r"(?:\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,)*\s*")


def _name_goes_on(text: str, head: Phrase, comma: int, phrase: Phrase) -> bool:
    """Whether the phrase after a comma is the rest of a body's name the head ends with
    ("… of Natural Resources, Mines and Energy", "Ministry of Trade, Industry and
    Cooperatives"): capitalised words joined by "and", right after the comma, the head ending
    in a body's "of" phrase."""
    words = phrase.text.split()
    if not NAME_LIST_ITEMS.fullmatch(text, comma + 1, phrase.start) or not (
        {"and", "&"} & set(words)
    ):
        return False  # (items between: "of Jobs, Tourism, Science and Innovation")
    if not all(_is_cap(w) or w in ("and", "&", "of", "the") for w in words):
        return False
    return " of " in head.text and _is_cap(head.text.split()[-1])


OPENING_PREPOSITIONS = frozenset(
    """beyond in on at after before during despite across amid following besides throughout
    within outside for from with without since under like unlike by until""".split()
)


def is_description(text: str) -> bool:
    """A phrase with no capitalised word after its first ("the group", "Her rival", "police")."""
    return not any(_is_cap(word) for word in text.split()[1:]) and (
        not _is_cap(text) or text.split()[0].lower() in DETERMINERS
    )


def _attach_role(phrase: Phrase, role: str) -> None:
    if (
        is_description(phrase.text)
        and _is_cap(role)
        and not role.lower().startswith(("which", "who"))
    ):
        phrase.role_name = role
    elif not role.lower().startswith(("which", "who", "whose")):
        phrase.role = role


def _trailing_phrase(text: str, lo: int, hi: int) -> Phrase | None:
    tokens = _tokens(text, lo, hi)
    if not tokens:
        return None
    last = tokens[-1][2]
    lone = len(tokens) < 2 or _ends_name(tokens[-2][2])
    if _bare(last) in PRONOUNS and (lone or last == "I"):
        if last[-1].isalpha():
            return Phrase(tokens[-1][0], tokens[-1][1], last)
        return None
    if not last[-1].isalnum() and not last.endswith("."):
        return None
    if _is_cap(last):
        first = _cap_run_start(tokens)
        while first < len(tokens) - 1 and _bare(tokens[first][2]) in LEADING_NON_NAMES:
            first += 1
        if _bare(tokens[first][2]) in NON_LEADING:
            return None
        first = _extend_of(tokens, first)
        first = _post_for(tokens, first)
    else:
        first = _description_start(tokens)
    if first is None:
        return None
    start, end = tokens[first][0], tokens[-1][1]
    return Phrase(start, end, text[start:end])


def _cap_run_start(tokens: list[tuple[int, int, str]]) -> int:
    first = len(tokens) - 1
    i = first - 1
    while i >= 0:
        word = tokens[i][2]
        if word[-1] == "," and _listed_in_name(tokens, i, first):
            word = word[:-1]  # "the Minister for Energy, Renewables and Hydrogen": one name
        elif word[-1] in ",;:—–" or word[-1] in '”"' or _ends_sentence(word):
            break
        if _is_cap(word) or (_bare(word) in TITLES and word.islower()):
            first = i
        elif word.lower() not in CONNECTORS:
            break
        i -= 1
    while first < len(tokens) - 1 and tokens[first][2].lower() in CONNECTORS:
        first += 1
    return first


def _listed_in_name(tokens: list[tuple[int, int, str]], comma: int, first: int) -> bool:
    """Whether the capitalised word ending in a comma at `comma` opens a list inside a body's
    or post's name: it follows "of"/"for" and the run after it ends "… and <Name>"."""
    after = [t[2] for t in tokens[comma + 1 :]]
    opening = comma - 1  # ("of Humanitarian Affairs, Disaster Management and …": a few words)
    while opening > 0 and comma - opening < 3 and _is_cap(tokens[opening][2]):
        opening -= 1
    return (
        comma > 0
        and _is_cap(tokens[comma][2])
        and tokens[opening][2] in ("of", "for")
        and "and" in after[:-1]
        and all(_is_cap(w) or w in ("and", "&") for w in after)
        and first <= comma + 1
    )


@lru_cache(maxsize=WORD_CACHE)
def _ends_name(word: str) -> bool:
    """Whether a pronoun after `word` stands alone, not inside a name ("Liu He"): `word` is
    lower-case, ends a clause ("the U.S., he"), or is a capitalised function word ("But she")."""
    return (
        not _is_cap(word)
        or word[-1] in ",;:—–"
        or _bare(word) in LEADING_NON_NAMES
        or _ends_sentence(word)
    )


@lru_cache(maxsize=WORD_CACHE)
def _ends_sentence(word: str) -> bool:
    """A word closing the previous sentence ("May.", "again!"), not an initial or a title."""
    if word.endswith(("!", "?")):
        return True
    bare = word.rstrip(".")
    return (
        word.endswith(".") and len(bare) > 3 and "." not in bare and _bare(word) not in TITLE_OR_ORG
    )


def _post_for(tokens: list[tuple[int, int, str]], first: int) -> int:
    """Extend "Mr Nsiah" to "Lawyer for Mr Nsiah": a post held for or to the person named,
    opening the phrase (its holder may follow in apposition)."""
    if first < 2 or tokens[first - 1][2] not in ("for", "to"):
        return first
    post = first - 2
    if _bare(tokens[post][2]) not in TITLES:
        return first
    if post > 0 and _bare(tokens[post - 1][2]) in DETERMINERS:
        post -= 1
    return post if post == 0 else first


def _extend_of(tokens: list[tuple[int, int, str]], first: int) -> int:
    """Extend "South Dakotans" to "a series of South Dakotans" (a determiner-led head)."""
    i = first - 1
    if i >= 0 and tokens[i][2] == "the":
        i -= 1
    if i < 1 or tokens[i][2] != "of":
        return first
    for j in range(i - 1, max(i - 4, -1), -1):
        word = tokens[j][2]
        if not word.isalpha() or not word.islower() or word in NON_DETERMINER_STOPS:
            return first
        if word in DETERMINERS:
            return j
    return first


def _description_start(tokens: list[tuple[int, int, str]]) -> int | None:
    last = len(tokens) - 1
    for i in range(last, max(last - 6, -1), -1):
        word = tokens[i][2]
        if word[-1] in ',;:—–”"' and i != last:
            break
        if word.lower() in DETERMINERS:
            return i
        if i < last and _is_cap(word) and is_agent_noun(tokens[last][2]):
            owner = _owner_start(tokens[: i + 1])  # "UPS corporate communications"
            if owner is not None:
                return owner
            break
        if i < last and i >= last - 3 and word.endswith(("'s", "’s")) and _is_cap(word):
            if is_agent_noun(tokens[last][2]):  # "Donald Trump's lawyer": the owner's name leads
                return _cap_run_start(tokens[: i + 1])
        if word.lower() in STOP_WORDS:
            break
    else:
        if (
            last < 3
            and all(t[2].isalpha() for t in tokens)
            and tokens[0][2].lower() not in PRONOUNS
        ):
            return 0  # "Police officials"; not "He described" (a subject and its verb)
    head = tokens[last][2]
    plural = (head.endswith("s") and len(head) > 3) or head in PLURALS_WITHOUT_S
    return last if head.isalpha() and plural else None


# Bare plural nouns of speakers that do not end in "s": "in what police described as …".
PLURALS_WITHOUT_S = frozenset({"police"})


# A post written "member/minister/… for <portfolio>" before its holder's name: "Cabinet
# member for finance and resources Cllr Jaswinder Kaur Sandhu defended …", "Minister for
# Children Roderic O'Gorman said" (the portfolio lower-case, or up to four capitalised words).
POST_FOR_NAME = re.compile(
    r"(?:[A-Z][a-z]+\s+(?:committee\s+)?){0,2}(?:member|[Mm]inister|[Ss]ecretary|[Ss]pokes(?:man|woman|person)"
    r"|[Cc]ommissioner|[Ll]ead|[Cc]hair(?:man|woman)?)\s+for\s+"
    r"(?:(?:[a-z]+,?\s+){1,6}?|(?:[A-Z][a-z]+\s+){1,4}?)"
    r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?=[a-z])"
)


# A numbered ward or district owning a person's name: "Ward 5's Dale Ostermiller".
NUMBERED_OWNER = re.compile(
    r"[A-Z][a-z]+\s+\d+['’]s\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"
)
# A post of a numbered ward or district before its holder: "Ward 11 Councillor Md Tofazzal
# Hossain Sumon", "District 4 Supervisor Jane Roe".
NUMBERED_POST = re.compile(
    r"\s*[A-Z][a-z]+\s+\d+\s+(?P<post>[A-Z][a-z]+)\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?=,|\s+[a-z]|[.;]|$)"
)


CONTRACTION = re.compile(r"['’](?:s|d|ll|ve|re|m)$")


def phrase_after(text: str, lo: int, hi: int) -> Phrase | None:
    """The noun phrase starting at `lo` (a pronoun, a name or a description), with its appositive;
    for "a report from X", X."""
    source = DOCUMENT_SOURCE.match(text, lo, hi)
    if source is not None:
        lo = source.end()
    # (the look-ahead after the name may read the verb's first letter at `hi`)
    post = POST_FOR_NAME.match(text, lo, hi + 1) if text[lo : lo + 1].isupper() else None
    post = post or (NUMBERED_OWNER.match(text, lo, hi) if text[lo : lo + 1].isupper() else None)
    numbered = NUMBERED_POST.match(text, lo, hi)
    if post is None and numbered is not None:
        title = numbered["post"].lower()
        post = numbered if title in TITLES or is_agent_noun(title) else None
    if post is not None and is_person(post["name"]):
        role = text[lo : post.start("name")].strip()
        return Phrase(post.start("name"), post.end("name"), post["name"], role=role)
    window = _window(text, lo, hi)
    tokens = _skip_modifiers(window)
    if not tokens:
        return None
    if len(tokens) < len(window) == LOOKAHEAD:  # refilled after the skipped modifiers:
        tokens = _window(text, tokens[0][0], hi)  # "union chairman Mr Geoffrey Nthiga Mbogo"
    lo = tokens[0][0]  # reading on starts where the (modifier-free) phrase does
    first = CONTRACTION.sub("", tokens[0][2].rstrip(",.;:"))  # "She's already asked": she
    if first.lower() in PRONOUNS and (len(tokens) < 2 or not _is_cap(tokens[1][2])):
        return Phrase(tokens[0][0], tokens[0][0] + len(first), first)
    led = first.lower() in DETERMINERS or first in TITLES
    count, stopped = _leading_count(tokens, led)
    if len(tokens) == LOOKAHEAD and stopped >= LOOKAHEAD - 1:  # the phrase may run on
        tokens = _tokens(text, lo, hi)
        count, stopped = _leading_count(tokens, led)
    while count > 1 and tokens[count - 1][2].rstrip(",.").lower() in CONNECTORS:
        count -= 1
    count = _possessed_agent(tokens, count)
    if _title_goes_on(tokens, count):
        if len(tokens) == LOOKAHEAD and count + 3 > LOOKAHEAD:  # read on to its agent noun
            tokens = _tokens(text, lo, hi)
        count = _compound_agent(tokens, count)
    if count == 0 or (count == 1 and tokens[0][2].lower() in DETERMINERS):
        return None
    owned = any(t[2].endswith(("'s", "’s")) for t in tokens[:count])
    if (led or owned or _org_post(tokens, count)) and _post_follows(tokens, count):
        full = _tokens(text, lo, hi)
        named = _name_after_title(full, count)
        if named is not None:  # "the former mission manager Gerhard Schwehm"
            first, stop = named
            at, end = full[first][0], full[stop - 1][0] + len(full[stop - 1][2].rstrip(",.;:!?"))
            return Phrase(at, end, text[at:end], role=text[full[0][0] : full[first][0]].strip())
    start = tokens[0][0]
    end = tokens[count - 1][0] + len(tokens[count - 1][2].rstrip(",.;:!?"))
    phrase = _member_of_named_body(text, hi, Phrase(start, end, text[start:end]))
    phrase = phrase or _person_where(text, hi, Phrase(start, end, text[start:end]))
    phrase = phrase or _person_from(text, hi, Phrase(start, end, text[start:end]))
    phrase = phrase or _person_of_place(Phrase(start, end, text[start:end]))
    phrase = _described_whole(text, hi, phrase)
    placed = _name_after_placed_description(text, phrase, hi)
    if placed is not None:
        return placed  # "A guesthouse owner in Umhlanga, Priya Naidoo, forwarded …"
    named = _name_after_post_complement(text, phrase, hi)
    if named is not None:
        return named  # "Counsel to the second and third defendants, Mrs Uchenna Okoye-Nwosu,"
    appositive = APPOSITIVE_AFTER.match(text, end, hi)
    if appositive:  # (a party's aside after the name: "Cllr Niamh Breathnach (Soc Dems),")
        role = PARTY_ASIDE.sub("", appositive.group(1).strip())
        named = _name_after_description(text, phrase, role, end)
        if named is not None:
            return named  # "says the former editor of the Standard, George Osborne"
        _attach_role(phrase, role)
    return phrase


# An unnamed person's body and place in lower case, to the clause's end: " of a commercial
# bank in the town".
DESCRIBED_TAIL = re.compile(
    r"\s+(?:of|at|for|from|with)\s+(?:a|an|the)\s+(?:[a-z][\w’'-]*\s+){0,7}?[a-z][\w’'-]*"
    r"(?=[,.;]|$)"
)


def _described_whole(text: str, hi: int, phrase: Phrase) -> Phrase:
    """ "said the branch manager of a commercial bank in the town, who …": an unnamed
    person's whole description, the lower-case body and place after the post included."""
    words = phrase.text.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return phrase
    if not is_agent_noun(_bare(words[-1])):
        return phrase
    if phrase.text.islower():
        tail = DESCRIBED_TAIL.match(text, phrase.end, hi)
    else:  # "A KEBS official in the Machakos office, who …": where the official works
        tail = OFFICE_TAIL.match(text, phrase.end, hi)
    if tail is None:
        return phrase
    return Phrase(phrase.start, tail.end(), text[phrase.start : tail.end()], role=phrase.role)


# The office an unnamed official works in: " in the Machakos office", " at the Kisumu branch".
OFFICE_TAIL = re.compile(
    r"\s+(?:in|at)\s+the\s+(?:[A-Z][\w’'-]*\s+){1,3}"
    r"(?:office|branch|station|headquarters|regional\s+office)(?=[,.;]|$)"
)


# Where a described person is, then their name set off: " in Umhlanga, Priya Naidoo,".
PLACE_THEN_NAME = re.compile(
    r"\s+(?:in|from|at)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),"
)


def _name_after_placed_description(text: str, phrase: Phrase, hi: int) -> Phrase | None:
    """ "A guesthouse owner in Umhlanga, Priya Naidoo, forwarded me …": the person named after
    an unnamed person's description and place."""
    words = phrase.text.split()
    if len(words) < 2 or words[0].lower() not in ONE_PERSON or not words[-1].islower():
        return None
    if not is_agent_noun(words[-1]):
        return None
    named = PLACE_THEN_NAME.match(text, phrase.end, hi)
    if named is None or not is_person(named["name"]):
        return None
    role = text[phrase.start : named.start("name")].rstrip(", ")
    return Phrase(named.start("name"), named.end("name"), named["name"], role=role)


# What a post is of or to, up to a comma: " of ferry operations", " to the second and third
# defendants", " at last year's state election", " for Mr Nsiah".
POST_COMPLEMENT = re.compile(r"\s+(?:of|to|for|at)\s+(?:[\w’'.&-]+\s+){0,6}?[\w’'.&-]+(?=,)")


def _name_after_post_complement(text: str, phrase: Phrase, hi: int) -> Phrase | None:
    """ "Halifax Transit's director of ferry operations, Jill Naugler, said": a post with its
    complement, then the full name of who holds it, set off by commas."""
    if _bare(phrase.text.split()[-1]) not in TITLES:
        return None
    complement = POST_COMPLEMENT.match(text, phrase.end, hi)
    if complement is None:
        return None
    appositive = APPOSITIVE_AFTER.match(text, complement.end(), hi)
    if appositive is None or not text.startswith(",", appositive.end()):
        return None
    post = Phrase(phrase.start, complement.end(), text[phrase.start : complement.end()])
    return _name_after_description(text, post, appositive.group(1).strip(), complement.end())


# Where an unnamed person is, after them: " behind the desk", " at the counter".
PLACE_AFTER = re.compile(
    r"\s+(?:behind|at|near|outside|inside|beside)\s+(?:the|a|an|her|his|their)\s+[a-z]+\b"
)


def _person_where(text: str, hi: int, phrase: Phrase) -> Phrase | None:
    """ "The woman behind the desk stamped it … and said": an unnamed person and where they
    are, as one description (the fullest the article gives)."""
    words = phrase.text.split()
    if len(words) != 2 or words[0].lower() not in ("the", "a", "an") or not words[1].islower():
        return None
    if not is_agent_noun(words[1]) or words[1] in PERSON_POSTS:
        return None
    return _described_through(text, phrase, PLACE_AFTER.match(text, phrase.end, hi))


# The place an unnamed person is from, after them: " from Morriston", " in North Shields".
PLACE_FROM = re.compile(r"\s+(?:from|in|of)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?=[\s,.;:])")


def _person_from(text: str, hi: int, phrase: Phrase) -> Phrase | None:
    """ "An 84-year-old widow from Morriston handed over …": an unnamed person of known
    gender and the place they are from, as one description (a later "she" may mean her)."""
    words = phrase.text.split()
    if len(words) < 2 or len(words) > 4 or words[0].lower() not in ONE_PERSON:
        return None
    if not all(w.islower() or w[:1].isdigit() for w in words[1:]) or gender(phrase.text) is None:
        return None
    return _described_through(text, phrase, PLACE_FROM.match(text, phrase.end, hi))


def _described_through(text: str, phrase: Phrase, where: re.Match | None) -> Phrase | None:
    """The description `phrase` opens, run on through `where` (its place), in lower case."""
    if where is None:
        return None
    described = text[phrase.start : where.end()]
    return Phrase(phrase.start, where.end(), described[0].lower() + described[1:])


# The body an unnamed member belongs to, after the post: " at the Ministry of Finance".
NAMED_BODY_AFTER = re.compile(
    rf"\s+(?:at|of|from|with|for|to)\s+(?:the\s+)?{BODY_LEVEL}[A-Z][\w’'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'&.-]*)*"
    r"(?:\s+in\s+[A-Z][\w’'-]*(?=[\s,.;:]))?"  # the body's place: " in Satkhira"
)


def _member_of_named_body(text: str, hi: int, phrase: Phrase) -> Phrase | None:
    """ "a senior official at the Ministry of Finance" read forward: an unnamed person (a
    determiner, lower-case words, a post only a person holds) and the named body they belong
    to (and its place), as one description (as `_member_described` reads it backward)."""
    words = phrase.text.split()
    if len(words) < 2 or words[0].lower() not in ONE_PERSON or words[-1] not in PERSON_POSTS:
        return None
    if any(not w.islower() for w in words[1:]):
        return None
    body = NAMED_BODY_AFTER.match(text, phrase.end, hi)
    if body is None:
        return None
    described = text[phrase.start : body.end()].rstrip(".,;:’'")
    return Phrase(phrase.start, phrase.start + len(described), described[0].lower() + described[1:])


# Posts written between an organisation's name and a person's: "Google Search lead Liz Reid".
ORG_POSTS = frozenset("lead head chief boss founder".split())


def _names_a_post(word: str) -> bool:
    return word in ORG_POSTS or is_agent_noun(word)


def _org_post(tokens: list[tuple[int, int, str]], count: int) -> bool:
    """Whether one post word of ORG_POSTS follows the phrase and a capitalised word it, or a
    post after a modifier or two ("NPA regional spokesperson Mthunzi Gxabela")."""
    k = count
    while k < len(tokens) and k - count < 2 and tokens[k][2] in POST_MODIFIERS:
        k += 1
    rest = tokens[k : k + 2]
    if len(rest) < 2 or not _is_cap(rest[1][2]):
        return False
    return rest[0][2] in ORG_POSTS or (k > count and _names_a_post(rest[0][2]))


# Words that qualify a post between a body's name and its holder's.
POST_MODIFIERS = frozenset(
    "regional national provincial deputy senior acting former state county district "
    "international local media legal chief principal assistant".split()
)


def _post_follows(tokens: list[tuple[int, int, str]], count: int) -> bool:
    """Whether plain lower-case words naming a post follow the phrase (a cheap check before
    `_name_after_title` reads the whole span)."""
    rest = tokens[count:]
    return bool(rest) and rest[0][2].islower() and any(_names_a_post(t[2]) for t in rest)


def _name_after_title(tokens: list[tuple[int, int, str]], count: int) -> tuple[int, int] | None:
    """The full person name closing a description that names their post ("Rosetta's former
    mission manager Gerhard Schwehm"): (first, stop) token indexes, or None."""
    k = count
    while k < len(tokens) and k - count < 4 and tokens[k][2].isalpha() and tokens[k][2].islower():
        k += 1
    if k == count or not any(_names_a_post(t[2]) for t in tokens[count:k]):
        return None
    stop = k
    while stop < len(tokens) and stop - k < 3 and _is_cap(tokens[stop][2].rstrip(",.;:")):
        stop += 1
    name = " ".join(t[2].rstrip(",.;:") for t in tokens[k:stop])
    return (k, stop) if stop - k >= 2 and is_person(name) else None


def _possessed_agent(tokens: list[tuple[int, int, str]], count: int) -> int:
    """ "Donald Trump's transition team", "Smith's lawyer": a possessive name goes on to the
    agent noun it owns (up to two modifiers before it)."""
    if not count or not tokens[count - 1][2].endswith(("'s", "’s")):
        return count
    for k in range(count, min(count + 3, len(tokens))):
        word = tokens[k][2].rstrip(",.;:")
        if not (word.isalpha() and word.islower()):
            break
        if is_agent_noun(word):
            return k + 1
    return count


def _title_goes_on(tokens: list[tuple[int, int, str]], count: int) -> bool:
    """Whether the phrase ends in an agent noun with no punctuation after it, before a plain
    lower-case word: it may go on ("chief information security officer")."""
    if not count or count >= len(tokens) or tokens[count - 1][2][-1] in ",.;:":
        return False
    following = tokens[count][2]
    return following.isalpha() and following.islower() and is_agent_noun(tokens[count - 1][2])


def _compound_agent(tokens: list[tuple[int, int, str]], count: int) -> int:
    """ "one bank chief information security officer,": a title goes on through plain nouns to
    the agent noun that ends the phrase at a punctuation mark."""
    for k in range(count, min(count + 3, len(tokens))):
        word = tokens[k][2]
        clean = word.rstrip(",.;:")
        if not (clean.isalpha() and clean.islower()) or clean in STOP_WORDS:
            break
        if clean.endswith(("ed", "ing")) or clean in AUXILIARIES:
            break
        if is_agent_noun(clean) and word[-1] in ",.;:":
            return k + 1
    return count


def _owner_start(tokens: list[tuple[int, int, str]]) -> int | None:
    """Where the capitalised name ending `tokens` starts, when it can own a description
    ("UPS" in "UPS corporate communications"; not "In March", "Tuesday")."""
    first = _cap_run_start(tokens)
    while first < len(tokens) and (
        _bare(tokens[first][2]) in LEADING_NON_NAMES or _bare(tokens[first][2]) in STOP_WORDS
    ):
        first += 1
    if first >= len(tokens) or any(_bare(t[2]) in CALENDAR_WORDS for t in tokens[first:]):
        return None
    if first > 0 and tokens[first - 1][2].lower() in DETERMINERS:
        return first - 1  # "one Weibo commenter"
    return first


def _post_before_name(text: str) -> bool:
    """Whether a phrase is a post in lower case, a name, then "of" and a body ("Political
    analyst Adinda Maharani of the Centre …"), not a body's own name ("Ontario Chamber of
    Commerce")."""
    name, of, _rest = text.partition(" of ")
    return bool(of) and any(_lower_post(w) for w in name.split())


def _lower_post(word: str) -> bool:
    """A post or role written in lower case ("analyst", "spokeswoman")."""
    return word.islower() and is_agent_noun(word)


def _person_of_place(phrase: Phrase) -> Phrase:
    """ "Amir Haddad of Mercy Hospital" → the person, with "of Mercy Hospital" as the role.

    Only a plain name of two or more words is split off; "Secretary of State Mike Pompeo"
    and "Department of Justice" stay whole.
    """
    name, of, rest = phrase.text.partition(" of ")
    words = name.split()
    lead = 0  # past the titles and the words before them ("State Sen. Darnell Hughes")
    for i, word in enumerate(words):
        if _bare(word) in TITLES:
            lead = i + 1
        elif _bare(word) not in TITLE_LEADS:
            break
    core = words[lead:]
    posts = [i for i, w in enumerate(words) if _lower_post(w)]
    if posts and posts[-1] + 1 < len(words):  # "Political analyst Adinda Maharani of …"
        core = words[posts[-1] + 1 :]
    if not of or len(core) < 2 or core[0].lower() in DETERMINERS or not is_person(" ".join(core)):
        return phrase  # (not "The Saskatchewan Chamber of Commerce": no name opens with "The")
    if any(_bare(w) in TITLE_OR_ORG for w in core):
        return phrase
    return Phrase(phrase.start, phrase.start + len(name), name, role=f"of {rest}")


# Words written before a title and no part of the name: "State Sen.", "U.S. Rep.".
TITLE_LEADS = frozenset("state u.s us former acting federal county city".split())


def _window(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The first LOOKAHEAD words of text[lo:hi], with their offsets."""
    return [(m.start(), m.end(), m.group()) for m in islice(WORD.finditer(text, lo, hi), LOOKAHEAD)]


def _skip_modifiers(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop lower-case words before a role and a name: "veteran industry analyst Ken Doctor"
    reads as "analyst Ken Doctor" (at most three such words)."""
    for skip in range(1, min(4, len(tokens) - 1)):
        word = tokens[skip - 1][2]
        place = skip == 1 and _is_cap(word) and word.replace("-", "").isalpha()
        if place and tokens[1][2].isalpha() and tokens[1][2].islower():
            continue  # "Tūrangi-Tongariro ward councillor Wiremu Hapi": a place first
        if not (word.isalpha() and word.islower()) or word in STOP_WORDS or word in DETERMINERS:
            return tokens
        role, name = tokens[skip][2], tokens[skip + 1][2]
        if role.islower() and (role in TITLES or is_agent_noun(role)) and _is_cap(name):
            return tokens[skip:]
    return tokens


def _leading_count(tokens: list[tuple[int, int, str]], led: bool) -> tuple[int, int]:
    """How many leading tokens form the phrase, and the index where the scan stopped."""
    count = 0
    for i, (_s, _e, word) in enumerate(tokens):
        leads, capital, connector, modifier, title, agent, stops = _word_roles(word)
        if i == 0 and leads:
            count = 1
        elif capital or (count and connector and i + 1 < len(tokens)):
            count = i + 1
        elif count == i and i < 6 and modifier and ((i == 1 or agent) if led else title or agent):
            count = i + 1  # a lowercase word continuing "a WeWork …" / "NASA administrator …"
        elif count == i == 1 and led and _owner_word(word) and _post_next(tokens, i + 1):
            count = 2  # "the resort's general manager Garrett Turta": whose post follows
        else:
            return count, i
        if stops and not (DOTTED_WORD.fullmatch(word) and _continues(tokens, i + 1)):
            return count, i
    return count, len(tokens)


def _post_next(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token `i` can open a post after an owner: a lower-case word, or a capitalised
    title ("the council's Director of Housing Services, Eoin Cronin")."""
    return _lower_word(tokens, i) or (i < len(tokens) and _bare(tokens[i][2]).lower() in TITLES)


def _lower_word(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token `i` is a plain lower-case word."""
    return i < len(tokens) and tokens[i][2].isalpha() and tokens[i][2].islower()


def _owner_word(word: str) -> bool:
    """A lower-case possessive noun ("resort's", "company’s")."""
    return word.endswith(("'s", "’s")) and word[:-2].isalpha() and word[:-2].islower()


def _continues(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token `i` can go on a phrase after a dotted word: a name, a title, a role."""
    if i >= len(tokens):
        return False
    word = tokens[i][2].rstrip(",.;:!?")
    if word.lower() in STOP_WORDS or word.lower() in DETERMINERS or word.lower() in PRONOUNS:
        return False
    return _is_cap(word) or is_agent_noun(word)


@lru_cache(maxsize=WORD_CACHE)
def _word_roles(word: str) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """What a word can do in a phrase: lead it (determiner, title), be capitalised, connect,
    modify (a plain lowercase word), be a title or an agent noun, and whether its trailing
    punctuation ends the phrase."""
    clean = word.rstrip(",.;:!?")
    modifier = (clean.isalpha() or AGE_NOUN.fullmatch(clean) is not None) and not (
        clean in STOP_WORDS or clean in AUXILIARIES or _is_adverb(clean)
    )
    return (
        clean.lower() in DETERMINERS or clean in TITLES,
        _is_cap(clean),
        clean.lower() in CONNECTORS,
        modifier,
        clean in TITLES,
        modifier and is_agent_noun(clean),
        clean != word and not INITIAL_OR_SUFFIX.fullmatch(word),
    )


@lru_cache(maxsize=WORD_CACHE)
def is_agent_noun(word: str) -> bool:
    """A common noun that can speak: a person's role, a group of people, or an organisation."""
    word = word.lower().strip(".,;:’'")
    if AGE_NOUN.fullmatch(word):
        return True
    if word in TITLES or word in ORG_WORDS or word in AGENT_NOUNS:
        return True
    if word.endswith("sts") and word[:-1] in TITLES:  # "analysts" ("chairs" may be a verb)
        return True
    if word in DOCUMENT_NOUNS or word in VERBS_LIKE_AGENTS:
        return False
    return (
        len(word) > 3
        and word.endswith(AGENT_SUFFIXES)
        and not word.endswith("ment")
        and not VERB_IVES.fullmatch(word)
    )


# "-ive(s)" names people after t or s ("executives", "progressives"); otherwise it is a verb
# ("gives", "believes", "arrives") or no agent ("alive").
VERB_IVES = re.compile(r".*[^ts]ives?")
# Past tenses spelt like agent nouns ("-ent"): "Jane Ruiz sent a letter" names Jane Ruiz.
VERBS_LIKE_AGENTS = frozenset("sent spent went meant lent bent rent".split())


def _post_then_person(words: list[str]) -> bool:
    """Whether the words end with a post and a person's full name after it ("Company
    spokesman Brian Hollis", "Council Member Renée Abernathy")."""
    for size in (2, 3):
        post = len(words) - size - 1
        if post >= 1 and _bare(words[post]).lower() in TITLES:
            return is_person(" ".join(words[post + 1 :]))
    return False


@lru_cache(maxsize=WORD_CACHE)
def split_title(name: str) -> tuple[str, str | None]:
    """("South Dakota Gov. Kristi Noem") → ("Kristi Noem", "South Dakota Gov."): titles become a role."""
    words = name.split()
    if words and _bare(words[0]) in ORG_WORDS and not _post_then_person(words):
        return name, None  # "Ministry of Foreign Affairs": a body, whatever title words follow
    cut = max((i for i, w in enumerate(words[:-1]) if _bare(w) in TITLES), default=-1)
    owner = next((i for i, w in enumerate(words[:-1]) if POSSESSIVE_END.search(w)), -1)
    cut = max(cut, owner, _description_end(words))
    # "Secretary of State Mike Pompeo", "Minister of Foreign Affairs Wang Yi": the role runs
    # through its "of" phrase, and the name is the last two words (three with an initial).
    # (a capitalised post: "an official of the Ministry of …, … and Social Development" is
    # a description, not a post before a name)
    if any(
        _bare(w) in TITLES and w[:1].isupper() and words[i + 1] == "of"
        for i, w in enumerate(words[:-4])
    ):
        cut = max(cut, len(words) - (4 if INITIAL.fullmatch(words[-2]) else 3))
    # An organisation word after the cut means the rest is no person ("Justice Department");
    # before it, it belongs to the role ("Acme Inc. spokeswoman Linda Park").
    if (
        cut < 0
        or not _is_cap(words[cut + 1])
        or any(_bare(w) in ORG_WORDS for w in words[cut + 1 :])
        or (_bare(words[-1]) in TITLES and words[0].lower() in ONE_PERSON)
    ):  # ("a spokeswoman for the federal Emergency Management Minister": a post, no name)
        return name, None
    role_words = words[: cut + 1]
    role = " ".join(role_words)
    return " ".join(words[cut + 1 :]), (None if role.lower() in HONORIFICS else role)


# "Russia's Defense Ministry on Sunday confirmed …": the time belongs to the verb.
TRAILING_TIME = re.compile(
    r"\s+(?:on|late|early|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|night|week|month|year|morning|evening|afternoon)$"
)
# Lower-case particles inside a person's name: "Annelie van Wyk", "Pieter de Villiers".
PARTICLES = frozenset(
    "van von der den de du da del della di le la bin binti bint ibn dos das ter".split()
)
# Lower-case words inside names ("Ludwig van Beethoven") or joining two ("Florida and New York").
NOT_DESCRIPTIONS = (PARTICLES - {"binti", "ter"}) | frozenset("al el and or of".split())


def _description_end(words: list[str]) -> int:
    """ "Kyiv resident Svitlana Onofryichuk": the last lower-case word before a full name of
    two or more capitalised words ends a description (a role), as a title does; -1 if none."""
    lower = [i for i, w in enumerate(words[:-2]) if w.islower() and w not in NOT_DESCRIPTIONS]
    if not lower:
        return -1
    cut = lower[-1]
    if words[cut] in PLACE_PREPOSITIONS or words[cut] in OBJECT_LEADS:
        return -1  # "the sky over Castle Hill", "a spokesperson for the Health Minister"
    tail = words[cut + 1 :]
    return cut if len(tail) >= 2 and all(_is_cap(w) for w in tail) else -1


# Words leading an object: a description ending with one ends before what it is about, not
# before the name of who it describes.
OBJECT_LEADS = frozenset("the a an".split())
# Prepositions of place: a description ending with one is followed by a place, not a name.
PLACE_PREPOSITIONS = frozenset(
    """over in at near across beyond behind outside inside above below under around through
    past into onto along beside between from""".split()
)


@lru_cache(maxsize=WORD_CACHE)
def clean_speaker(text: str) -> str:
    """Drop a leading "the" or imperative ("Ask Damien Chazelle about …": Damien Chazelle),
    a trailing possessive and surrounding punctuation."""
    text = TRAILING_TIME.sub("", LEADING_THE.sub("", text.strip(" ,.;:")))
    text = LEADING_IMPERATIVE.sub("", text)
    text = GLUED_DASH.split(text, maxsplit=1)[0] or text  # "Bill Polian—Stephen …": a dash ends it
    text = POST_LETTERS.sub("", text) or text  # "Jane Smith MP", "Pádraig Considine BL"
    return POSSESSIVE_END.sub("", text)


# Letters of an office or a rank at the bar written after a name.
POST_LETTERS = re.compile(r"(?<=\w)(?:,?\s+(?:MP|TD|MLA|MPP|MHA|MSP|MNA|MCA|BL|SC|QC|KC|SAN))+$")


GLUED_DASH = re.compile(r"(?<=\w)[—–](?=\w)")
# Verbs that open a feature's first sentence before the name they are about.
LEADING_IMPERATIVE = re.compile(
    r"^(?:Ask|Meet|Imagine|Picture|Consider|Remember|Forget|Listen to|Watch)\s+(?=[A-Z])"
)


# An acronym in mixed case: capitals with lower-case letters between, ending on a capital
# ("BoM", "GBoS", "MoFEA"; not "McAdam", "LeBron").
MIXED_ACRONYM = re.compile(r"[A-Z][A-Za-z]{0,4}[A-Z](?<=[a-z].)|[A-Z][a-z]{1,2}[A-Z]{2,}")


@lru_cache(maxsize=WORD_CACHE)
def is_person(name: str) -> bool:
    """A name that looks like a person's (capitalised, no organisation word, not an acronym)."""
    words = name.split()
    inside = range(1, len(words) - 1)
    if not words or not all(
        _is_cap(w) or (i in inside and w in PARTICLES) for i, w in enumerate(words)
    ):
        return False  # (capitalised but for particles inside: "Annelie van Wyk")
    if len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words):
        return False  # a heading in capitals ("WAS ANYONE ELSE INVOLVED"), not a name
    if any(_bare(w) in NOT_PERSON_WORDS for w in words) or _bare(words[0]) in DEMONYMS:
        return False  # ("Irish Water", "Kenyan Wildlife Service": a country's adjective first)
    if len(words) == 2 and any(_is_body_acronym(w) for w in words):
        return False  # "HSE West", "FBI Boston": a body's acronym and a place (not "JD Vance")
    if len(words) == 1 and MIXED_ACRONYM.fullmatch(words[0].strip(".,’'")):
        return False  # "BoM", "GBoS", "NamRA": a body's acronym written in mixed case
    if len(words) > 1 and _bare(words[-1]) in PLACE_HEADS and gender(words[0]) is None:
        return False  # "Lanet Valley", "Lavender Street": a place or a firm named after one
    if len(words) == 1 and _bare(words[0]) in ORDINAL_OPENERS:
        return False  # "First, …": an adverb opening a sentence
    if (
        len(words) == 1
        and len(words[0]) >= 6
        and words[0].endswith("ed")
        and "-" not in words[0]  # (not a double surname: "Castellanos-Reed")
        and not gender(words[0])
    ):
        return False  # "Buried in the staff report is …": a participle opening a sentence
    if len(words) > 1 and _bare(words[0]) in OPENING_PREPOSITIONS:
        return False  # "By Saturday", "On Monday": a time phrase opening a sentence
    if name.lower() in WEATHER_NAMES:
        return False  # "The El Niño drought …": a climate pattern, never "she"
    if len(words) > 1 and (words[0] == "Greater" or _bare(words[0]) in STREET_OPENERS):
        return False  # "Greater Bendigo", "Jalan Tambun", "Rue Sainte-Catherine": a place
    if len(words) > 1 and _bare(words[0]) in STORM_WORDS:
        return False  # "Hurricane Juan", "Cyclone Gabrielle": a storm, never "she" or "he"
    if _demonym_plural(words[-1]):
        return False  # "British Columbians", "Kenyans": a people, never "she" or "he"
    if named_for_country(words):
        return False  # "Fáilte Ireland", "Public Health Wales": a body (not "Kathy Ireland")
    return not (len(words) == 1 and ACRONYM.match(words[0]))


# Last words of place names (and of firms named after places), never of a person's name.
PLACE_HEADS = frozenset(
    "valley creek springs heights mountains plains highlands farms dairies estates holdings city "
    "industries airport station avenue boulevard district county province street road "
    "lane beach bay island harbour harbor region".split()
)
# First words of street names in languages that put the street word first (Malay, Indonesian,
# French, Spanish, Portuguese, Italian): "Jalan Tambun", "Lorong Kulit", "Avenida Paulista".
STREET_OPENERS = frozenset("jalan jln lorong rue avenida calle rua via".split())
# Words that open a sentence as adverbs and are never a one-word name ("First, …").
ORDINAL_OPENERS = frozenset("first second third finally then next last later".split())
# A relative named after the kin word that tells their gender: "her son Tame", "my husband Greg".
KIN = {
    **dict.fromkeys("son husband brother father grandson grandfather nephew uncle".split(), "m"),
    **dict.fromkeys(
        "daughter wife sister mother granddaughter grandmother niece aunt".split(), "f"
    ),
}
KIN_NAME = re.compile(
    r"(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur)\s+(?P<kin>" + "|".join(KIN) + r")\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)$"
)
UK_NATIONS = frozenset({"England", "Scotland", "Wales"})


def _demonym_plural(word: str) -> bool:
    """A people's name in the plural: "Kenyans", "Canadians", "British Columbians"."""
    core = word.strip(".,;:’'")
    if len(core) < 6 or not core.endswith("s"):
        return False
    return core.endswith(("ians", "eans")) or is_country_name(core[:-1])


def named_for_country(words: list[str]) -> bool:
    """Whether a name of two or more words is a body's named for its country ("Fáilte
    Ireland", "Public Health Wales", "Stats NZ"; not a person's: "Kathy Ireland")."""
    return (
        len(words) >= 2
        and (words[-1] in UK_NATIONS or words[-1] in COUNTRY_CODES or is_country_name(words[-1]))
        and words[-1] not in SURNAME_COUNTRIES
        and gender(words[0]) is None
    )


# Countries' names far more often a person's surname at a name's end ("Tamika Jordan").
SURNAME_COUNTRIES = frozenset({"Jordan"})


# Countries abbreviated at the end of a body's name: "Stats NZ", "Tourism NZ", "Stats SA".
COUNTRY_CODES = frozenset({"NZ", "SA", "UK", "US", "USA", "UAE", "PNG"})


WEATHER_NAMES = frozenset({"el niño", "la niña", "el nino", "la nina"})
STORM_WORDS = frozenset("hurricane cyclone typhoon storm tropical superstorm".split())
ROMAN_NUMERALS = frozenset("II III IV VI VII VIII IX XI XII".split())


def _is_body_acronym(word: str) -> bool:
    """Three or more capitals ("HSE", "NASA"): an acronym, not initials or a numeral."""
    letters = word.strip(".,’'")
    return (
        len(letters) >= 3
        and letters.isalpha()
        and letters.isupper()
        and letters not in ROMAN_NUMERALS
    )


# How `_member_described` writes an unnamed person (lower-case): "one student at Duke University".
# (its post may be capitalised, as many papers write posts: "an Executive Engineer of the Board")
DESCRIBED_MEMBER = re.compile(
    MEMBER_OF.pattern.removesuffix(rf"(?:the\s+)?{BODY_LEVEL}$")
    .replace(r"(?:[a-z][\w-]*\s+)", r"(?:[A-Za-z][\w-]*\s+)")
    .replace(r"(?P<noun>[a-z]+)", r"(?P<noun>[A-Za-z][a-z]+)")
    + r"\S"
)


def _described_member(speaker: str) -> re.Match | None:
    """The post and body of "an Executive Engineer of the Board" (not a body's own word:
    "a Ministry of Health official")."""
    match = DESCRIBED_MEMBER.match(speaker)
    if match is not None and match["noun"].lower() in ORG_WORDS:
        return None
    return match


def person_described(speaker: str) -> bool:
    """An unnamed person described by a post and a body ("one student at Duke University",
    "a senior Power Division official"): someone a later "he" or "she" may mean."""
    if not speaker[:1].islower():
        return False
    match = _described_member(speaker)
    if match is not None:
        return is_agent_noun(match.group("noun"))
    words = speaker.split()
    return len(words) > 1 and words[0] in ONE_PERSON and words[-1] in PERSON_POSTS


def described_person(speaker: str) -> bool:
    """An unnamed person described by a noun of known gender and where they are ("a mother
    in Whitleigh", "a woman in her seventies")."""
    return (
        speaker[:1].islower()
        and " " in speaker
        and gender(speaker) is not None
        and (described_noun(speaker) is not None)
    )


def _described_post(speaker: str) -> str:
    """The post of a described person: "official" in "a senior official at the Ministry"."""
    match = _described_member(speaker)
    return match.group("noun").lower() if match is not None else speaker.split()[-1]


ONE_PERSON = frozenset({"a", "an", "one", "another"})
# Posts only a person holds (not "a Fox host" group or "an agency"), closing a description.
PERSON_POSTS = frozenset(
    "official spokesperson spokesman spokeswoman officer adviser advisor aide source "
    "executive director manager minister diplomat lawyer analyst economist reader resident "
    "neighbour neighbor caller listener viewer trader farmer vendor parent".split()
)


def _clause(speaker: str) -> bool:
    """Words holding an auxiliary ("Zelensky is gathering military commanders …"): a clause
    read as a subject, no body's name."""
    return any(word in AUXILIARIES for word in speaker.split()[1:])


def _lower_phrase(speaker: str) -> bool:
    """A lower-case phrase of several words ("dampening news for Nigeria"): no body's name."""
    return " " in speaker and speaker[:1].islower()


# A title that tells its holder's gender, before a name: "Mr Lwazi Ndlovu", "Ms Gill" (led
# by the title's letters, so that the scan skips to them; the word's start is checked after).
GENDERED_TITLE = re.compile(
    r"(?P<title>Mrs|Mr|Ms|Miss|Madam|Sir|Dame)\.?\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
MALE_TITLES = frozenset({"Mr", "Sir"})
# (or an initial, as Indian papers write a given name: "M. Solaimalai", then "Mr. Solaimalai")
GIVEN_NAME_END = re.compile(r"\b([A-Z](?:[\w’'-]+|\.))\s+$")


def title_genders(text: str) -> dict[str, str]:
    """The gender ('m' or 'f') the titles of `text` give each name after them, full and by its
    last word ("Lwazi Ndlovu" and "Ndlovu"), and the full name of the one person the text
    gives that last word ("Ms Gill": Kiran Gill, not when Jasvir Gill is named too); none
    for a name given both ("Mr and Mrs Cele")."""
    genders: dict[str, str] = {}
    mixed: set[str] = set()

    def learn(key: str, told: str) -> None:
        if genders.setdefault(key, told) != told:
            mixed.add(key)

    for match in GENDERED_TITLE.finditer(text):
        if match.start() and text[match.start() - 1].isalnum():
            continue  # ("Hamsir Tan": no title)
        told = "m" if match["title"] in MALE_TITLES else "f"
        name = POSSESSIVE_END.sub("", match["name"])
        learn(name, told)
        learn(name.split()[-1], told)
    for surname, told in list(genders.items()):
        if " " not in surname:
            given = _given_names(text, surname)
            if len(given) == 1:
                learn(f"{given.pop()} {surname}", told)
    return {name: told for name, told in genders.items() if name not in mixed}


def _given_names(text: str, surname: str) -> set[str]:
    """The capitalised words `text` writes just before `surname` as a whole word, titles
    left out."""
    given = set()
    at = text.find(surname)
    while at >= 0:
        stop = at + len(surname)
        if not (stop < len(text) and text[stop].isalnum()):
            before = GIVEN_NAME_END.search(text, max(0, at - 30), at)
            if before is not None and before[1].lower() not in TITLES:
                given.add(before[1])
        at = text.find(surname, stop)
    return given


@lru_cache(maxsize=WORD_CACHE)
def gender(name: str) -> str | None:
    """'f' or 'm' when the first name is a well-known female or male given name, else None."""
    first = _bare(name.split()[0]) if name.split() else ""
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    if name[:1].islower() or name.startswith(("A ", "An ", "The ")):  # "a City spokeswoman"
        nouns = {word.lower() for word in name.split()}
        if nouns & FEMALE_NOUNS:
            return "f"
        if nouns & MALE_NOUNS:
            return "m"
    return None


# Verbs that open a question or a clause before a capitalised name ("Is Starmer good
# enough?", "Had Katrina not struck"): no given name.
VERBS_OPENING = frozenset(
    "is was are were had has have did does do can will would should could might must".split()
)
# Nouns of a described person that tell their gender ("a council spokeswoman").
FEMALE_NOUNS = frozenset(
    """spokeswoman chairwoman councilwoman congresswoman businesswoman woman mother wife
    daughter sister grandmother aunt widow actress""".split()
)
MALE_NOUNS = frozenset(
    """spokesman councilman congressman businessman man father husband son brother
    grandfather uncle widower actor""".split()
)


def _spells(letters: str, words: list[str]) -> bool:
    """Whether the capitalised words spell `letters`: each word's initial, or the first
    letters of a word ("ODIRS": Ondo, Internal, Revenue, Service), small words and a word in
    the middle ("State") left out; the first and last words always count."""
    capitalised = [w.rstrip(",") for w in words if w[:1].isupper()]

    def spell(i: int, j: int) -> bool:
        if j == len(capitalised):
            return i == len(letters)
        word = capitalised[j].upper()
        if 0 < j < len(capitalised) - 1 and spell(i, j + 1):
            return True  # a middle word left out
        return any(
            _initial_subsequence(letters[i : i + k], word) and spell(i + k, j + 1)
            for k in range(1, min(len(word), len(letters) - i) + 1)
        )

    return bool(capitalised) and spell(0, 0)


def _initial_subsequence(part: str, word: str) -> bool:
    """Whether `part` is the word's initial followed by some of its later letters, in order
    ("OD" in "ONDO")."""
    if not part or part[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in part[1:])


@dataclass
class NameIndex:
    """The article's names: fullest forms of surnames, acronyms, and "the group, X" aliases."""

    text: str
    aliases: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    _runs: dict[str, list[tuple[list[str], int]]] = field(default_factory=dict)
    _appositives: list[tuple[str, str]] = field(default_factory=list)
    known_as: dict[str, str] = field(default_factory=dict)  # "Hawks" → its full name

    def __post_init__(self) -> None:
        self._runs = _name_runs(self.text)
        self._appositives = APPOSITIVE.findall(self.text)
        for match in ALIAS.finditer(self.text):
            self.aliases.setdefault(match.group(1), match.group(2).strip())
        if "known as" in self.text:  # "the Directorate for …, better known as the Hawks"
            for match in KNOWN_AS.finditer(self.text):
                self.known_as.setdefault(match.group(2), match.group(1))

    def full_names(self) -> set[str]:
        """Every run of two or three capitalised words the article writes that reads as a
        person's name ("Étienne Lachance")."""
        runs = {tuple(run) for filed in self._runs.values() for run, _i in filed}
        return {
            " ".join(run)
            for run in runs
            if len(run) in (2, 3)
            and run[0].lower() not in NOT_NAMES | VERBS_OPENING  # "When Lachance", "Had Katrina"
            and run[0].lower().rstrip(".") not in HONORIFICS  # "Mrs Amituanai": no given name
            and len(run[-1]) > 1
            and not any("." in word for word in run)  # "Yes. I"
            and is_person(" ".join(run))
        }

    @cached_property
    def _titled(self) -> dict[str, str]:
        """Title → the one person the article gives it ("the sheriff"), worked out when a
        description first needs it."""
        return {
            title: next(iter(people))
            for title, people in titled_people(self.text).items()
            if len(people) == 1
        }

    def resolve(self, mention: str) -> tuple[str, str | None]:
        """The fullest name for `mention` and the role the article gives it (or None)."""
        if mention not in self._cache:
            self._cache[mention] = self._resolve(mention)
        return self._cache[mention]

    def _resolve(self, mention: str) -> tuple[str, str | None]:
        name = clean_speaker(mention)
        bare_name = name.removeprefix("the ").removeprefix("The ")
        if bare_name in self.known_as:
            return self.known_as[bare_name], None
        if name.islower():
            head = name.split()[-1] if name.split() else name
            if len(name.split()) == 1 or name.lower() == f"the {head}":
                return self.aliases.get(head) or self._titled.get(head, name), None
            return name, None
        words = name.split()
        posts = [_bare(w).lower() for w in words]
        if posts and all(p in TITLES for p in posts) and posts[-1] in self._titled:
            return self._titled[posts[-1]], name  # "the Deputy Commissioner": who holds it
        holder = self._post_holder(bare_name) if len(words) > 1 else None
        if holder:  # "the Municipal Chief Executive": the one named after that post
            return holder, bare_name
        if len(words) > 1 and words[0] in NAME_MODIFIERS and _is_cap(words[1]):
            name = " ".join(words[1:])  # "the elder Soros": the person named
        name, role = split_title(name)
        expanded = self._expand_acronym(name) or self._expand_short_name(name)
        if expanded:  # ("the MCE described …": the Municipal Chief Executive, who is named)
            holder = self._post_holder(expanded, name) if len(expanded.split()) > 1 else None
            return (holder, expanded) if holder else (expanded, role)
        if is_person(name) and len(name.split()) == 1:
            full, title = self._fullest(name)
            if full:
                return full, role or self.role_of(full) or title
        if len(name.split()) == 2 and is_person(name):
            name = self._extended(name) or name  # "Mohd Azmi": "Mohd Azmi Abdul Rahman"
        return name, role or self.role_of(name)

    def _extended(self, name: str) -> str | None:
        """The one longer person name the article writes that opens with the two words of
        `name` (a Malay name's short form is its first two words), or None."""
        words = name.split()
        forms = set()
        for run, k in self._runs.get(words[0], []):
            if run[k : k + 2] != words:
                continue
            stop = k + 2
            while stop < len(run) and stop - k < 5 and _is_name_word(run[stop]):
                stop += 1
            if stop > k + 2 and is_person(" ".join(run[k:stop])):
                forms.add(" ".join(run[k:stop]))
        return forms.pop() if len(forms) == 1 else None

    def _post_holder(self, post: str, acronym: str | None = None) -> str | None:
        """The one person the article names right after a capitalised post ("the Municipal
        Chief Executive (MCE), Mr Yaw Boakye-Ansah", "The Presiding Member, Madam Comfort
        Asantewaa Nkansah") or after the post's `acronym` ("the MCE, Hon. X"), or None."""
        words = post.split()
        if not all(_is_cap(word) for word in words) or post not in self.text:
            return None
        if words[-1].lower() not in TITLES and words[-1].lower() not in POST_HEADS:
            return None  # (a name is no post: "Jim Cantrell, Vector Space Systems CEO")
        names = self._named_after(post)
        if not names and acronym:
            names = self._named_after(acronym)
        return names.pop() if len(names) == 1 else None

    def _named_after(self, post: str) -> set[str]:
        """The person names written right after `post` (and its acronym in brackets)."""
        after = re.compile(
            rf"\b{re.escape(post)}(?:\s*\([A-Z]+\))?(?:\s+(?:for|of)\s+{PLACE_WORDS})?,?\s+"
            rf"(?:{POST_HONORIFICS}\.?\s+)?"
            r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
        )
        return {m.group(1) for m in after.finditer(self.text) if is_person(m.group(1))}

    def _fullest(self, surname: str) -> tuple[str | None, str | None]:
        """The longest person name around `surname` (surname-last forms first), with its title."""
        last_forms: list[tuple[str, str | None]] = []
        first_forms: list[tuple[str, str | None]] = []
        for run, k in self._runs.get(surname, []):
            j = k
            while j > 0 and k - j < 3 and _is_name_word(run[j - 1]):
                j -= 1
            if k - j == 3 and not INITIAL.fullmatch(run[j + 1]):
                j += 1
            prefix = run[max(0, j - 3) : j]
            title = None
            if any(_bare(w) in TITLES for w in prefix):
                title = split_title(" ".join([*prefix, *run[j : k + 1]]))[1]
            suffix = 1 if k + 1 < len(run) and _bare(run[k + 1]) in SUFFIXES else 0
            last_forms.append((" ".join(run[j : k + 1 + suffix]), title))
            m = k
            while m + 1 < len(run) and m - k < 2 and _is_name_word(run[m + 1]):
                m += 1
            first_forms.append((" ".join(run[k : m + 1]), title))
        # A mention more often followed by a name word than preceded by one is a given name
        # ("Marketing Manager at Ocean Florida Abby Dunn" … "Abby said"): its forms first.
        followed = sum(1 for f, _t in first_forms if len(f.split()) > 1)
        preceded = sum(1 for f, _t in last_forms if len(f.split()) > 1)
        order = (first_forms, last_forms) if followed >= preceded > 0 else (last_forms, first_forms)
        for forms in order:
            forms = [f for f in forms if is_person(f[0])]
            best = max(forms, key=lambda f: len(f[0].split()), default=(surname, None))
            if best[0] != surname:
                return best
        return None, None

    def _expand_acronym(self, name: str) -> str | None:
        words = name.split()
        if len(words) > 1 and all(w.isupper() and w.isalpha() for w in words):
            words = ["".join(words)]  # "NT EPA": one acronym written in two parts
        acronyms = [w for w in words if ACRONYM.match(w)]
        if not acronyms and len(words) == 1 and name in self._defined_acronyms:
            return clean_speaker(self._defined_acronyms[name])  # "(Phivolcs)", "(Nersa)"
        if len(acronyms) != 1:
            return None
        acronym = acronyms[0]
        others = [w for w in words if w != acronym]
        letters = "".join(c for c in acronym if c.isupper())  # "C&AG", "NamRA"
        for full, initials, size in self._org_runs:
            if letters in initials and size >= 3 and all(o in full for o in others):
                lead = full.split()
                while len(lead) > 1 and (
                    lead[0].lower() in NON_LEADING or lead[0].lower() in STOP_WORDS
                ):
                    lead = lead[1:]  # "With the Municipal Chief Executive (MCE) warning …"
                return clean_speaker(" ".join(lead))
        defined = self._defined_acronyms.get(acronym)
        if defined and not others:  # "the Ministry of Investment, Trade and Industry (MITI)"
            return clean_speaker(defined)
        return None

    @cached_property
    def _defined_acronyms(self) -> dict[str, str]:
        """Acronyms the article defines in brackets after a name which no run of capitalised
        words spells by its initials: "Ministry of Investment, Trade and Industry (MITI)",
        "Ondo State Internal Revenue Service (ODIRS)"."""
        found: dict[str, str] = {}
        for bracket in BRACKETED_ACRONYM.finditer(self.text):  # the brackets first (cheap)
            match = NAME_BEFORE.search(self.text, max(0, bracket.start() - 120), bracket.start())
            if match is None:
                continue
            acronym = bracket.group(1)
            letters = "".join(c for c in acronym if c.isupper())
            if len(letters) < 2:  # a word-like short name: "Phivolcs", "Nersa"
                letters = acronym.upper()
            words = match.group(1).split()
            for first in range(len(words)):  # the longest tail whose capitals spell it
                tail = words[first:]
                if tail[0][0].isupper() and tail[0] != "The" and _spells(letters, tail):
                    found.setdefault(acronym, " ".join(tail).rstrip(","))
                    break
        return found

    def _expand_short_name(self, name: str) -> str | None:
        """An organisation's short name to the full one the article also writes ("Police
        Federation" → "Police Federation of England and Wales")."""
        words = name.split()
        if len(words) == 1 and _bare(name) in ORG_WORDS and name[:1].isupper():
            fuller = set()  # "Revenue said": the "Revenue Commissioners" named before
            for full, _initials, _size in self._org_runs:
                at = f" {full} ".find(f" {name} ")
                rest = full[at:].split() if at >= 0 else []
                if 1 < len(rest) <= 3 and not {"of", "for", "and", "the"} & set(rest):
                    fuller.add(" ".join(rest))
            return fuller.pop() if len(fuller) == 1 else None
        if len(words) < 2 or not any(_bare(w) in ORG_WORDS for w in words):
            return None
        longer, opening = [], name + " "
        for full, _initials, _size in self._org_runs:
            full = full.removeprefix("The ")
            if full.startswith(opening) and full.split()[len(words)] in ("of", "for"):
                longer.append(full)
        return clean_speaker(max(longer, key=len)) if longer else None

    @cached_property
    def _org_runs(self) -> list[tuple[str, str, int]]:
        """Runs of capitalised words that may be organisations: (text, initials, word count)."""
        runs = []
        for match in ORG_RUN.finditer(self.text):
            full = match.group(0)
            initials = "".join(w[0] for w in full.split() if w[0].isupper())
            if "-" in full:  # "Zimbabwe Anti-Corruption Commission" is ZACC as well as ZAC
                parts = full.replace("-", " ").split()
                initials += " " + "".join(w[0] for w in parts if w[0].isupper())
            runs.append((full, initials, len(full.split())))
        return runs

    def role_of(self, name: str) -> str | None:
        """The appositive after the name's first mention ("Gu Jian, deputy director of …,")."""
        for full, role in self._appositives:
            if full.endswith(name) and not role.startswith(("which", "who")):
                return role
        return None


@lru_cache(maxsize=WORD_CACHE)
def _is_name_word(word: str) -> bool:
    if _bare(word) in NON_NAME_WORDS:
        return False
    if NAME_WORD_FULL.fullmatch(word):
        return True
    # Letters beyond ASCII, in the same shape: "Eugène", "Łukasz", "Zoë", "Jean-Hervé".
    pieces = word.replace("’", "").replace("'", "").split("-")
    return (
        not word.isascii()
        and len(pieces) <= 2
        and all(
            p[:1].isupper() and (p[1:].isalpha() and p[1:].islower() or not p[1:]) for p in pieces
        )
    )


def _unglue(text: str, match: re.Match) -> str:
    """A space before a capital glued to a lower-case word ("reportedThe"), none inside a
    capitalised camel-case name ("GateHouse", "PowerPoint")."""
    start = match.start()
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return match.group() if text[start].isupper() else " " + match.group()


def _name_runs(text: str) -> dict[str, list[tuple[list[str], int]]]:
    """Each capitalised word → the runs of two or more capitalised words it occurs in, with
    its index (a word alone is no fuller form of itself: `_fullest` gains nothing from it)."""
    if GLUED.search(text):
        text = GLUED.sub(lambda m: _unglue(text, m), text)
    index: dict[str, list[tuple[list[str], int]]] = {}
    # Only words that may be capitalised are visited; any other word after them closes a run,
    # and so does a line break (a caption "Advocate Dali Mpofu" above "Zuma-Sambudla had …").
    for match in CAP_CANDIDATES.finditer(text):
        group = match.group()
        for line in group.split("\n") if "\n" in group else (group,):
            words = line.split()
            if len(words) < 2:
                continue
            run: list[str] = []
            for word in words:
                core, capitalised, closes = _run_word(word)
                if word[0] in "([":  # "Priya Chauhan (Lab, Normanton)": an aside opens
                    run = _close_run(index, run)
                if capitalised:
                    run.append(core)
                if closes:
                    run = _close_run(index, run)
            _close_run(index, run)
    return index


def _close_run(index: dict[str, list[tuple[list[str], int]]], run: list[str]) -> list[str]:
    """File a finished run of two or more words; the next run starts empty."""
    if len(run) > 1:
        _index_run(index, run)
    return []


def _index_run(index: dict[str, list[tuple[list[str], int]]], run: list[str]) -> None:
    """File each word of a run of capitalised words under itself, with its place in the run."""
    for i, token in enumerate(run):
        found = index.get(token)
        if found is None:
            index[token] = [(run, i)]
        else:
            found.append((run, i))


@lru_cache(maxsize=WORD_CACHE)
def _run_word(word: str) -> tuple[str, bool, bool]:
    """A word's core (no punctuation, possessive or final period), whether it is capitalised,
    and whether the run of capitalised words ends with it."""
    core = POSSESSIVE_END.sub("", word.strip(RUN_STRIP))
    ends = _ends_sentence(word)
    if ends:
        core = core.rstrip(".")
    capitalised = bool(core) and core[0].isupper()
    return core, capitalised, not capitalised or word[-1] in ',;:()!?"”' or ends


@dataclass
class Antecedents:
    """Speakers seen so far, by position, for resolving "he", "she", "it" and "they"."""

    entries: list[tuple[int, str]] = field(default_factory=list)
    learned: dict[str, str] = field(default_factory=dict)  # gender a pronoun showed ("she posted")
    # Given an offset, records the subjects of the sentence(s) just before it, if not yet
    # done, and tells where what it covers starts. A walk back reads the text as it goes, so
    # text far before a pronoun is read only when nothing nearer fits. By default every
    # entry is already recorded.
    read_back: Callable[[int], int] = field(default=lambda _offset: 0, repr=False)

    def add(self, position: int, speaker: str) -> None:
        """Record that `speaker` is mentioned as a subject at `position`."""
        insort(self.entries, (position, speaker))

    def _earlier(self, position: int) -> Iterator[tuple[int, str]]:
        """The entries before `position`, nearest first, reading earlier text as needed."""
        hi = position
        while hi > 0:
            lo = self.read_back(hi)
            index = bisect_left(self.entries, (hi, ""))
            while index > 0 and self.entries[index - 1][0] >= lo:
                index -= 1
                yield self.entries[index]
            hi = lo

    def resolve(self, pronoun: str, position: int) -> str | None:
        """The nearest earlier speaker compatible with `pronoun`, or None.

        A person whose given name tells no gender takes the one of the first "he" or "she"
        resolved to them, so a later pronoun of the other gender looks further back."""
        kind = ANY_PERSON if pronoun == ANY_PERSON else PRONOUNS.get(pronoun.lower())
        for _pos, speaker in self._earlier(position):
            person = is_person(speaker) or person_described(speaker) or described_person(speaker)
            if kind == ANY_PERSON and person:
                return speaker
            known = gender(speaker) or self.learned.get(speaker)
            if known is None and speaker.lower() in TITLES:
                continue  # "The Chancellor announced …": a post without its holder's name
            if kind in ("m", "f") and person and known in (None, kind):
                self.learned.setdefault(speaker, kind)
                return speaker
            if kind == "o" and not person and not _lower_phrase(speaker) and not _clause(speaker):
                return speaker  # "it" is a body, never a phrase such as "dampening news for X"
        return None

    def described(self, post: str, position: int) -> str | None:
        """The nearest earlier unnamed person described by `post` ("the official" after "a
        senior official at the Ministry of Finance said"), or None."""
        for _pos, speaker in self._earlier(position):
            if person_described(speaker) and _described_post(speaker) == post:
                return speaker
        return None
