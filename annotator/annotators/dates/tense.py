"""Guess the tense around a date expression from the nearest verb-like word in its sentence.

The scan looks backward first (the governing verb usually precedes "on Thursday"),
then forward, at most `REACH` words each way, and stops at the first marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .calendar import FUTURE, PAST, UNKNOWN, WEAK_FUTURE

REACH = 20
# Words opening a clause of its own: the backward scan stops there (the main verb before
# them is not the tense of what the clause says).
CLAUSE_OPENERS = frozenset("while whereas although though because that when whether where".split())
# Words of a clause that looks ahead, before a participle used as an adjective.
AHEAD_WORDS = frozenset("will shall expected expects expect scheduled due".split())
# Prepositions before "that" that make it a pronoun ("plan for that"), not a clause's opener.
OBJECT_LEADS = frozenset("for of about with to on at from into by".split())
BOUND_BEFORE = re.compile(
    r"\b(come|through|until|till|running\s+to|runs\s+to)\s+(?:to\s+)?(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    r"(?:mid-|early\s+|late\s+)?$",
    re.IGNORECASE,
)
SCHEDULED = re.compile(
    r"\b(?:that|which|and)\s+(?:ends?|begins?|starts?|closes?|opens?|expires?|runs?|"
    r"takes? effect|is due|are due)\s+(?:on|by|until|in)\s+$"
)
# A change the present tense schedules: "the levy rises from $50 to $60 a tonne on 1 July",
# "the new rules take effect from Monday" (the coming such day, not a past episode's).
SCHEDULED_CHANGE = re.compile(
    r"\b(?:(?:rises|falls|increases|decreases|climbs|drops|goes\s+(?:up|down)|changes)\b"
    r"[^.;:!?]{0,60}?\b(?:on|from)"
    r"|(?:(?:takes?|taking)\s+effect|comes?\s+into\s+(?:force|effect)|kicks?\s+in)\b"
    r"(?:[^.;:!?]{0,60}?\b(?:on|from|in))?)\s+$"
)
# A day fixed for what is to happen: "The court fixed July 12 to report on compliance", "set
# March 5 for sentencing" (the nearest such day, whatever the tense of the fixing).
# (Not the noun: "during the band's set Monday night".)
FIXED_DAY = re.compile(
    r"(?:(?<!['’]s )(?<!\bthe )(?<!\ba )\b(?:fixed|set|slated)\s+(?:for\s+)?"
    r"|\b(?:called|scheduled)\s+for\s+(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s+)?on\s+)?"
    r"|\bposted\s+(?:the|this|his|her|their)\s+(?:case|matter|petition|application|appeal|hearing)\b"
    r"[^.;:!?]{0,60}?\b(?:to|till|until|on)\s+"
    r"|\badjourned\b[^.;:!?]{0,80}?\b(?:to|till|until)\s+"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)\s+(?:on\s+)?)?)$"
)
# A day something is scheduled or set for in the present tense: it is to come ("the hearing
# has been set for May 27", "is slated for March").
SCHEDULED_FOR = re.compile(
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:scheduled|set|fixed|slated)\s+for\s+$"
)
# A span or a purpose something has been given, in the present perfect: it may lie either
# side of the publication ("has allotted space for a sale counter from October 15 to 24").
PERFECT_SPAN = re.compile(
    r"\b(?:has|have)\s+(?:[a-z]+ly\s+)?(?:allotted|allocated|approved|set\s+aside|earmarked"
    r"|booked|reserved|granted|given)\b[^.;:!?\"“”]{0,80}\b(?:from|for|between)\s+$"
)
# A plan's dates: its participle sets no tense ("work planned between May and September").
PLANNED_FOR = re.compile(r"\bplanned\s+(?:for|between|from|in|until)\s+$")
# A figure compared with an earlier one: "up from Shs160,000 in January", "against about
# GH¢1,500 in January", "compared with 3.1 per cent in March".
COMPARED_BEFORE = re.compile(
    r"\b(?:up\s+from|down\s+from|against|compared\s+(?:with|to))\s+[^.;:!?]{0,50}?\bin\s+$"
)
# A deadline set by a request: "asked KCCA to clear silt … before the end of October", "asked
# to hold camps in July" (the nearest such day, whatever the tense of the asking).
REQUESTED_DEADLINE = re.compile(
    r"\b(?:asked|urged|ordered|directed|instructed|told|requested|required|advised|gave)\b"
    r"[^.;:!?]{0,60}?\bto\s+(?:[a-z]+\b[^.;:!?]{0,80}?\b(?:by|before|until|on)\s+(?:the\s+end\s+of\s+)?"
    r"|(?!(?:the|a|an|his|her|their|its|our|my|me|us|them|him)\b)[a-z]+\b[^.;:!?,\"“”]{0,80}?\bin\s+)$"
)
# A deadline an infinitive is to meet, though it was set in the past tense: "announced a
# committee to study the proposal and report back before March 31" (the nearest such day;
# not after a past verb: "managed to raise £40,000 by Monday morning" was done).
INFINITIVE_DEADLINE = re.compile(
    r"(?<!ed)\s+to\s+[a-z]+\b[^.;:!?\"“”]{0,80}?\b(?:by|before)\s+(?:the\s+end\s+of\s+)?$"
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# (not the dot of a title before a name: "said Hon. Ebrima Touray, … after Thursday's session")
# (the look-behinds follow the stop, so the scan tests them only where a stop is written)
_TITLE_DOTS = "".join(
    rf"(?<!\b{title}\.)"
    for title in "Mr Mrs Ms Dr Hon St Gov Sen Rep Gen Prof Rev Capt Sgt Lt Col Rs No Sh".split()
)
# (a colon opening a quoted sentence ends one too: "He said: “Thursday is …”"; "8 p.m.
# Tuesday" does not)
_SENTENCE_END = re.compile(
    rf"[.!?]{_TITLE_DOTS}(?<![ap]\.m\.)[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])|:\s+(?=[\"“][A-Z])|\n"
)

STRONG_FUTURE = frozenset(
    "will shall won't won’t next upcoming expected expects expect scheduled slated due "
    "tomorrow".split()
)
PAST_EXPECTATION = frozenset("expected scheduled slated due".split())
# Verbs of a timetable in the present tense: the day they are dated with is to come.
SCHEDULED_VERBS = frozenset(
    """convenes reconvenes resumes retires opens reopens closes begins starts ends expires
    launches""".split()
)
# The same verbs with a plural subject: "Hearings begin on June 4".
SCHEDULED_PLURALS = frozenset("convene reconvene resume reopen begin".split())
# Words before such a verb that make it no timetable: "did not begin", "to begin", "could start".
NOT_SCHEDULING = frozenset(
    "did didn't not never to would could should might may must can will the a an its".split()
)
# Plans told in the past tense: the day planned may lie before or after the publication.
PAST_PLANS = frozenset("planned meant intended hoped threatened vowed pledged promised".split())
FUTURE_BEFORE_TO = frozenset(
    """set plan plans planned planning going aims aim intends intend poised hopes hope hoping
    aiming intending working preparing""".split()
)
WEAK = frozenset("would could should might may must".split())
# Verbs of a forecast: what they foresee is near, on either side of the publication.
FORECAST_VERBS = frozenset("forecast forecasts predicted predicts".split())
# Words that make "forecast" a noun: "its last forecast in March".
NOUN_BEFORE_FORECAST = frozenset(
    "the a an its their his her our last latest first new next previous official".split()
)
TIME_NOUNS = frozenset("year week month season summer winter spring autumn fall".split())
IRREGULAR_PAST = frozenset(
    """said told was were had did made took came went met gave left began saw found held won
    lost got wrote spoke sent brought thought became paid sold bought fell rose led ran struck
    kept felt heard knew stood broke chose drew grew threw flew fought caught taught built spent
    shot sought ago earlier since laid meant dealt lent swore wore tore rode drove forgot froze
    hid slid sang rang sank spun stuck swung understood withdrew undertook overtook overcame
    arose bore dug fled forgave hung shook slept sprang stole swam wept woke oversaw foresaw
    mistook set cut forecast put hit sat swept crept knelt""".split()
)
NOUN_DETERMINERS = ("the", "a", "an", "its", "their", "his", "our")
PASSIVE_AUXILIARIES = frozenset("be been being is are get gets".split())  # tense is the auxiliary's
ATTRIBUTION = frozenset("said says told added".split())
# Words that may precede a date opening its sentence ("On Tuesday, X said …"): the date then
# belongs to the main verb, attribution included.
OPENING_PREPOSITIONS = frozenset("on in by late early".split())
NOT_PAST = frozenset(
    "need feed speed seed bed red shed hundred indeed proceed exceed succeed".split()
)


# A sentence's opening phrase holding the date, before the comma that ends it ("In a tweet
# Tuesday morning, Trump said …"): the date is the main verb's, attribution included.
# ("Speaking to reporters on Tuesday, the minister said …": a participle opener's too)
OPENING_PHRASE = re.compile(
    r"(?:In|On|At|During|After|Before|Early|Late|[A-Z][a-z]+ing)\b[^,.;:!?\"“”]*$"
)


def word_tense(words: list[str], index: int) -> int | None:
    """The tense a single word signals, or None when it signals nothing."""
    word = words[index]
    lower = word.lower().replace("’", "'")
    previous = words[index - 1].lower() if index > 0 else ""
    following = following_word(words, index)
    if (
        lower in PAST_EXPECTATION
        and previous in ("had", "was", "were")
        and following in ("to", "in", "at", "on", "by")
    ):
        return UNKNOWN  # "had expected to start picking in early August", "the river was
        # expected to crest late Friday", "a team was expected in Owerri on Thursday": an
        # expectation of what follows, either side
    if lower in PAST_EXPECTATION and previous in ("was", "were", "once", "been", "had"):
        return PAST  # "was once expected to close within weeks": an expectation in the past
    if lower == "next" and previous == "for" and following in TIME_NOUNS:
        return None  # "set the rate for next year in September": a purpose, not a tense
    if lower in STRONG_FUTURE or lower.endswith("'ll"):
        return FUTURE
    if lower in SCHEDULED_VERBS and word.islower():
        return FUTURE  # "the Legislature convenes Feb. 3", "On 31 October she retires"
    if lower in SCHEDULED_PLURALS and word.islower() and previous not in NOT_SCHEDULING:
        return FUTURE  # "Hearings begin on June 4" (not "did not begin", "to begin")
    if lower in PAST_PLANS and following == "to":
        return UNKNOWN  # "who planned to borrow in July": a plan made before, for either side
    if lower in PAST_PLANS and previous == "as":
        return None  # "to open as planned around Labor Day": the plan's tense is not the day's
    if lower in FUTURE_BEFORE_TO and following in ("to", "for"):
        return FUTURE
    if (lower in WEAK and word.islower()) or (lower.endswith("'d") and following in WOULD_BEFORE):
        # "would have been": past; "would have to", "we'd have to", "I'd rather": ahead
        if following == "have" and following_word(words, index + 1) != "to":
            return PAST
        return WEAK_FUTURE
    if lower in IRREGULAR_PAST and previous in ("to", *NOUN_DETERMINERS, *MODALS, "shall", "may"):
        return None  # "to cut", "will set": a base form; "the cut", "its forecast": nouns
    if lower in IRREGULAR_PAST and not (word.islower() and _after_auxiliary(words, index)):
        return PAST  # ("will be held": a participle after "be" takes the auxiliary's tense)
    if (
        word.islower()
        and len(word) > 3
        and word.endswith("ed")
        and word not in NOT_PAST
        and not (word.endswith("eed") and word not in ("agreed", "freed"))
        and not _after_auxiliary(words, index)
        and not _adjective(words, index)
    ):
        return PAST
    return None


# Words after "'d" that make it "would" ("I'd rather", "we'd have to"), not "had".
WOULD_BEFORE = frozenset("rather like love prefer have be need want go get see find do".split())


def following_word(words: list[str], index: int) -> str:
    """The word after words[index], lower-cased ("" at the end)."""
    return words[index + 1].lower() if index + 1 < len(words) else ""


def _adjective(words: list[str], index: int) -> bool:
    """A participle used as an adjective after a verb that a modal leads ("would consider
    revised timetables", "would provide an updated cost"). (After a determiner alone it keeps
    its tense: "the rescheduled game from February" was rescheduled.)"""
    if index > 1 and words[index - 2].lower() in MODALS:
        return True
    following = words[index + 1] if index + 1 < len(words) else ""
    if (
        index
        and words[index - 1].lower() in ADJECTIVE_LEADS
        and following.islower()
        and following not in ADJECTIVE_LEADS | CLAUSE_WORDS
    ):
        return True  # "a figure of displaced persons": the people, not a past event
    if words[index - 1].lower() in EXPECTING and following.islower():
        return True  # "we expect reduced shifts from January": what is expected lies ahead
    # ... or after the determiner of that verb's object ("would provide an updated cost",
    # "to notify the first 1,100 affected owners": an ordinal or quantity may come between)
    determiner = index - 1 - (index > 1 and words[index - 1].lower() in QUANTITY_WORDS)
    return (
        determiner > 1
        and words[determiner].lower() in NOUN_DETERMINERS
        and words[determiner - 2].lower() in MODALS
    )


MODALS = frozenset("would will could should might must can to".split())
# Verbs whose object lies ahead, so that a participle before it is an adjective.
EXPECTING = frozenset("expect expects expecting anticipate anticipates anticipating".split())
# Words between a determiner and its noun that count or order ("the first affected owners").
QUANTITY_WORDS = frozenset("first last next other few many several remaining".split())
# Prepositions before a participle that modifies the noun after it ("of displaced persons").
ADJECTIVE_LEADS = frozenset("of for among with from in under without into".split())
# Words after a participle that show it is a verb ("Applications for 2022 closed at the end").
CLAUSE_WORDS = frozenset("at in on by to after before since until during and or as".split())


def _after_auxiliary(words: list[str], index: int) -> bool:
    """A participle after a passive auxiliary, adverbs between allowed ("will be formally
    certified"): its tense is the auxiliary's."""
    before = index - 1
    while before > 0 and (
        words[before].lower().endswith("ly")
        and len(words[before]) > 4
        or words[before].lower() in ("not", "never")
    ):
        before -= 1  # (adverbs and a negation between: "is not brought under control")
    return before >= 0 and words[before].lower() in PASSIVE_AUXILIARIES


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate bounds of the sentence holding text[start:end] (at most ~300 chars each way)."""
    left = max(0, start - 300)
    begin = left
    # (the end position lets the look-ahead see the date's first letter: "… he said.
    # “Thursday and Friday are …”" starts a sentence at the opening mark)
    for match in _SENTENCE_END.finditer(text, left, min(len(text), start + 1)):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    return begin, (stop.start() + 1 if stop else min(len(text), end + 300))


# Where a relative clause opens: its verb, not the main one, governs what follows in it
# ("Gilchrist dealt with Acheampong, who turns 18 in three days").
RELATIVE_OPENING = re.compile(r",?\s+(?:who|which|whose)\s+")


def _nearest_marked(before: list[str], stops: frozenset[str] = frozenset()) -> int | None:
    """The tense the last marked word of `before` signals (at most REACH words back, not
    past a word of `stops`), or None."""
    for index in range(len(before) - 1, max(-1, len(before) - 1 - REACH), -1):
        if before[index] in stops and not (
            before[index] == "that" and index and before[index - 1].lower() in OBJECT_LEADS
        ):  # ("plan for that now than scramble in December": a pronoun, no clause)
            return None
        owner = before[index - 1].lower() if index else ""
        if before[index] in FORECAST_VERBS and owner not in NOUN_BEFORE_FORECAST:
            return UNKNOWN  # "forecast highs … with a chance of storms Sunday": the nearest
        found = word_tense(before, index)
        if found == PAST and _participle_adjective(before, index):
            # "will waive tolls for the affected traders … from March": a participle used
            # as an adjective yields to a "will" that is the clause's nearest verb before it
            # (not "approved … at a heated meeting on Wednesday", "after a heated meeting",
            # "was going to be key, the rescheduled game from February")
            clause = before[max(0, index - REACH) : index]
            earlier = _nearest_marked(clause, stops)
            if earlier == FUTURE and any(w.lower() in AHEAD_WORDS for w in clause):
                return FUTURE  # ("expected to present … with a balanced plan in late May")
        if found is not None:
            return found
    return None


def _participle_adjective(words: list[str], index: int) -> bool:
    """A regular past participle between a determiner and a lower-case noun ("the affected
    traders")."""
    word, following = words[index], following_word(words, index)
    return (
        index > 1
        and words[index - 2].lower() not in ("after", "since", "following", "before")
        and word.endswith("ed")
        and words[index - 1].lower() in NOUN_DETERMINERS
        and following.isalpha()
        and words[index + 1 : index + 2] == [following]
    )


def tense_before(text: str, begin: int, start: int) -> int | None:
    """The tense the nearest marked word before `start` in its sentence (which starts at
    `begin`; in its relative clause, when it is in one) signals, or None: the governing
    verb of a phrase that follows it ("was built in two years")."""
    for clause in RELATIVE_OPENING.finditer(text, begin, start):
        begin = clause.end()
    return _nearest_marked(_WORD.findall(text, begin, start))


# A noun phrase set off by commas after a name ("Andre Whitfield, the lone no vote in
# February, says …"): its opening before a date, and its rest up to the closing comma.
APPOSITIVE_OPENING = re.compile(r"[A-Za-z],\s+(?:the|a|an)\s[^,;:.!?\"“”]*$")
APPOSITIVE_REST = re.compile(r"[^,;:.!?\"“”]*,")


def tense_near(text: str, start: int, end: int) -> int:
    """PAST, FUTURE, WEAK_FUTURE or UNKNOWN for the expression at text[start:end]."""
    if text[max(0, start - 6) : start].lower() == "as of ":
        return PAST  # "a 24.4% stake as of March 20": a figure reported at a past date
    if SCHEDULED.search(text, max(0, start - 30), start) or SCHEDULED_CHANGE.search(
        text, max(0, start - 100), start
    ):
        return FUTURE  # "consultations that end on Sept. 6": a schedule in the present tense
    if SCHEDULED_FOR.search(text, max(0, start - 40), start):
        return FUTURE  # "The next conference is scheduled for January", "A hearing is …"
    if PERFECT_SPAN.search(text, max(0, start - 120), start):
        return UNKNOWN  # "has allotted space … from October 15 to 24": the nearest such span
    if PLANNED_FOR.search(text, max(0, start - 30), start):
        return UNKNOWN  # "resurfacing planned between May and September": the nearest
    if FORECAST_BEFORE.search(text, max(0, start - 100), start):
        return FUTURE  # "forecasts pointed to above-normal rainfall from December to February"
    if COMPARED_BEFORE.search(text, max(0, start - 80), start):
        return PAST  # "up from Shs160,000 in January": the earlier figure a change is told from
    if REQUESTED_DEADLINE.search(text, max(0, start - 200), start) or FIXED_DAY.search(
        text, max(0, start - 100), start
    ):
        return UNKNOWN
    bound = BOUND_BEFORE.search(text, max(0, start - 40), start)
    if bound is not None:
        # "come January 20": when it arrives; "canceled its flights through 5 August",
        # "orders booked until Christmas": the end of a span that runs on, whatever the
        # verb's tense (the nearest one is meant)
        # ("a payment plan running to December": a span from now on, so the coming one)
        # ("possible inland through to the weekend": a span from now on, the coming one)
        onward = bound.group(0).lower().split()[:2] == ["through", "to"]
        ahead = bound.group(1).lower().split()[0] in ("come", "running", "runs") or onward
        return FUTURE if ahead else UNKNOWN
    begin, finish = sentence_bounds(text, start, end)
    if BY_DEADLINE.search(text, max(0, start - 12), start) and LOOKING_AHEAD.search(
        text, begin, start
    ):
        return FUTURE  # "we're looking at … the roadway reopened by the fall": a deadline ahead
    if AHEAD_OF.search(text, max(0, start - 60), start) and (
        LOOKING_AHEAD.search(text, begin, start)
        or WOULD.search(text, begin, start)
        or PRESENT_BEFORE.search(text, begin, start)
    ):
        return FUTURE  # "would work with farmers ahead of dry season farming in November",
        # "among the allocations are ₹12.5 crore for roads ahead of Dasara in October"
    if INFINITIVE_FROM.search(text, max(begin, start - 120), start):
        return FUTURE  # "approved a move to go fully cashless … from Jan 1": what is to come
    if WAITING_TO_SEE.search(text, max(begin, start - 80), start):
        return FUTURE  # "were waiting to see how the second flush settles in August"
    if LIKELY_AHEAD.search(text, begin, start):
        return FUTURE  # "a red alert was "likely" by Thursday", "likely to close from Thursday"
    if AFTER_CLAUSE.search(text, begin, start):
        # "will go on trial next year, after the court on Tuesday refused …": the clause's verb
        told = next(filter(None, _tenses(_WORD.findall(text, end, finish))), None)
        if told is not None:
            return told
    before = _WORD.findall(text, begin, start)
    # (stopping at "… was clear, all while Spurs are tipped with a summer move": its own clause)
    found = _nearest_marked(before, CLAUSE_OPENERS)
    if found == PAST and CONDITIONAL.search(text, begin, start):
        return WEAK_FUTURE  # "would approach the ministry if nothing moved by August 15"
    if found == PAST and INFINITIVE_DEADLINE.search(text, max(begin, start - 120), start):
        return UNKNOWN  # "announced a committee to report back before March 31": its deadline
    if found is not None:
        return found
    if BY_DEADLINE.search(text, max(0, start - 12), start):
        # a deadline with no marked verb before it: ahead when a present tense looks to it
        # ("is possible by Diwali", "if it is ready by September"), else told by its own
        # clause's verb after it ("that pay by June 30th will still qualify"), not another
        # clause's ("books the first instalment by March 31, with the rest tied to …")
        if PRESENT_BEFORE.search(text, begin, start):
            return FUTURE
        comma = text.find(",", end, finish)
        after = _WORD.findall(text, end, finish if comma < 0 else comma)
        return next(filter(None, _tenses(after, ATTRIBUTION)), UNKNOWN)
    if WILL_THEN_WHEN.search(text, begin, start):
        return FUTURE  # "will find out … when the bills arrive in November": what is to come
    appositive = APPOSITIVE_REST.match(text, end, finish)
    if appositive and APPOSITIVE_OPENING.search(text, begin, start):
        # "Whitfield, the lone no vote in February, says he plans to …": the appositive is
        # the date's clause, not the main verb after it
        finish = appositive.end()
    after = _WORD.findall(text, end, finish)
    opening = (
        all(word.lower() in OPENING_PREPOSITIONS for word in before)
        or (OPENING_PHRASE.match(text, begin, start) is not None and text.startswith(",", end))
        or (
            PARTICIPLE_ASIDE.search(text, begin, start) is not None
            and ASIDE_THEN_SAID.match(text, end, finish) is not None
        )
    )
    # ("…, officials said" dates the statement, not the event)
    skipped = ATTRIBUTION if not opening else frozenset()
    return next((told for told in _tenses(after, skipped) if told is not None), UNKNOWN)


def _tenses(after: list[str], skipped: frozenset[str] = frozenset()) -> Iterator[int | None]:
    """What each of the first REACH words after a date (but `skipped` ones) signals, in order
    (None for a word that signals nothing)."""
    return (word_tense(after, i) for i in range(min(len(after), REACH)) if after[i] not in skipped)


# A "when" clause in the present tense under a main clause's "will": its date lies ahead.
WILL_THEN_WHEN = re.compile(r"\b(?:will|shall)\b[^.;:!?\"“”]*\bwhen\b[^.;:!?\"“”]*$")
# A participle aside after the subject, the date in it, the attribution after it: "Mr Omari
# Kisanga, speaking at a traders' meeting on Monday, said …" (the saying's day).
PARTICIPLE_ASIDE = re.compile(r",\s+[a-z]+ing\b[^,.;:!?\"“”]*$")
ASIDE_THEN_SAID = re.compile(r"[^,.;:!?\"“”]*,\s+(?:said|told|says|added)\b")


# "would …, if/unless <past verb> …": a condition looked ahead to, its past tense no past.
CONDITIONAL = re.compile(
    r"\b(?:would|could|might)\b[^.;!?]*\b(?:if|unless)\b"
    r"(?![^.;!?]*(?:\b(?:said|says|told|added|asked)\b|[”\"]))[^.;!?]*$"
)  # (not when the date is told after a quotation ends: "…," Trump said on Monday)
# An infinitive's action starting "from" a date or done "by" one: "voted to raise fares from
# Monday", "the proposal to hand the libraries to community groups by the end of March".
INFINITIVE_FROM = re.compile(
    r"\b(?:vote[sd]?|agree[sd]?|decide[sd]?|decision|approve[sd]?|plans?|planned|move|"
    r"resolve[sd]?|intends?|intended|proposals?|propose[sd]?|bid)\s+to\s+[a-z]+\b"
    r"[^.;:!?\"“”]{0,80}\b(?:from|by(?:\s+the\s+(?:end|start|middle)\s+of)?)\s+$"
)
# What someone waits to see happen lies ahead, whatever the tense of the waiting.
WAITING_TO_SEE = re.compile(
    r"\bwait(?:s|ed|ing)?\s+(?:to\s+see|and\s+see)\s+(?:how|whether|if|what)\b[^.;:!?]*$"
)
# A clause opened by ", after" holding the date: its own verb follows the date.
AFTER_CLAUSE = re.compile(r",\s+after\s+(?:the\s+)?[^,.;:!?\"“”]*$")
# What is "likely" to happen by or from a date lies ahead ("was likely at home on Monday"
# does not).
LIKELY_AHEAD = re.compile(
    r"\b(?:likely\b[\"”’]?\s+(?:to\s+[a-z]+\s+(?:[a-z]+\s+){0,3}?|by\s+)|possible\s+(?:by|before)\s+)"
    r"(?:from\s+|on\s+|by\s+|until\s+)?(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$"
)  # ("more heavy falls were possible before the end of April": a forecast)
# A forecast the date is the subject of, in its sentence: what it foresees lies ahead
# ("has forecast further heavy showers for Friday and Saturday, … easing by Sunday night").
FORECAST_BEFORE = re.compile(
    r"\b(?:forecasts|forecast\s+(?:[a-z]+\s+){0,4}?(?:of|for|shows?|showed))\b[^.!?]*$"
)
BY_DEADLINE = re.compile(r"\bby\s+(?:the\s+)?(?:end\s+of\s+)?$")
# A clause that looks ahead to whatever is done by the date, however its verbs are formed.
LOOKING_AHEAD = re.compile(
    r"\b(?:will|would|(?:we|you|they)(?:'re|’re)|looking\s+at|expects?|expected|hopes?|plans?|aims?"
    r"|wants?\s+to|intends?\s+to)\b"
    r"|\b[Ii]f\b[^.;!?]*\b(?:is|are)\b"
)
# What is done "ahead of" a date in a clause that looks ahead is done before it comes.
AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:[\w-]+\s+){0,8}?(?:in\s+|on\s+)?$")
WOULD = re.compile(r"\bwould\b")
# A present tense that looks ahead to a deadline ("is ready by", "hopes to finish by").
PRESENT_BEFORE = re.compile(
    r"\b(?:is|are|remains?|can|must|hopes?|plans?|aims?|expects?|wants?|needs?)\b"
)
