"""The built-in `quotes` annotator: quotations with their speaker, cue and kind.

Each quotation (see `marks`) is attributed, in this order, by: a cue right
after it (`"…," said Gu.` / `"…," he said.`), the nearest speech verb before it
in its sentence (`Meng said: "…"`, `Meng called for … as "…"`), a speech verb
later in its sentence, a possessive speech noun (`Trump's announcement that … "…"`),
or the quotation before it in the same paragraph (a continuation). Quotations
with no speaker in reach are scare quotes, titles or slogans, and are dropped.

Modules: `marks` (which marks open and close a quotation, sentence ends), `speakers`
(the noun phrase that attributes a quotation and its fullest name), `references` (what
a common-noun speaker such as "the agency" or "the report" stands for); this file
attributes each quotation and builds annotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ...hookspecs import hookimpl
from ...model import Annotation, Document
from ..alternation import alternation
from ..places import names_a_place
from .documents import (
    ISSUER,
    addressed_document,
    document_issuer,
    document_just_named,
    issuer_here,
)
from .marks import QuoteSpan, find_quotes, sentence_breaks
from .references import Organisations
from .speakers import (
    AGE_NOUN,
    ANY_PERSON,
    BACK_TITLES,
    CONTRACTION,
    DOCUMENT_NOUNS,
    HONORIFICS,
    KIN,
    KIN_NAME,
    LEADING_NON_NAMES,
    LEADING_THE,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_POSTS,
    PRONOUNS,
    TITLES,
    Antecedents,
    NameIndex,
    Phrase,
    described_noun,
    described_person,
    document_owner,
    gender,
    is_agent_noun,
    is_person,
    person_described,
    phrase_after,
    phrase_before,
    title_genders,
    titled_document_owner,
)

# The document nouns as one alternation, for the patterns that name a document.
DOCUMENT_ALTERNATION = "|".join(sorted(DOCUMENT_NOUNS))
# Speech verbs; base forms that are mostly nouns in news ("state", "post", "report") are left out.
VERBS = (
    "say says said saying tell tells told telling add adds added adding notes noted noting "
    "warn warns warned warning stress stresses stressed stressing insist insists insisted "
    "insisting explain explains explained explaining declare declares declared declaring "
    "ask asks asked asking write writes wrote writing tweeted tweeting stated stating "
    "claimed claiming argue argues argued arguing recounts recounted recalled recalls remembers "
    "remembered reports remarked "
    "reported announced announcing commented replied responded quips quipped urges urged "
    "urging pledged vowed promised suggests suggested acknowledges acknowledged admits "
    "admitted assured cautioned complained concluded confirmed contended emphasized "
    "emphasised observed predicted remarked reiterated demanded requested instructed "
    "describes described describing called echoed agreed mentioned joked posted conceded "
    "countered shouted testified boasted lamented maintained answered wondered continued "
    "chanted chanting alleges ruled describe begged begs shouts shouting "
    "yelled yelling screamed ordered concluding confirming complaining acknowledging admitting "
    "vowing promising predicting suggesting recalling reflects reflected shares asserts "
    "asserted asserting emphasises emphasizes summarizes summarises summarized summarised "
    "cautions cautioning telling accused accuses calls calling terming snaps snapped sighs "
    "sighed shrugs shrugged muses mused recalls confides confided reckons reckoned jokes "
    "concludes insinuated insinuating hinted hinting advises advised advising suspects "
    "suspected blames blamed cites cited observing observes attributed attributes "
    "laughs chuckles grins smiles"
).split()
# A court's verbs of speech, cues only when the clause ends with them ("…," Ms Wangari
# submitted.): "a report submitted by the board", "had pleaded for leniency" report nothing.
PLEADING = "submitted submits averred avers deponed pleaded".split()
# Verbs of judgement that report words only with "as" before the quotation: "the Pentagon
# rejected the claims as "false"", "Cooperman blasted the payout as "wrong"".
JUDGING = (
    "rejected dismissed blasted slammed denounced condemned criticized criticised hailed "
    "praised branded labeled labelled characterized characterised decried derided mocked "
    "identified dubbed termed"
).split()
# Verbs of comparison that report words only as what something is likened to, with the thing
# compared between: "Brown compared the tactics to "mafia methods"" (not "compared to "…"").
LIKENING = "compared compares comparing likened likens likening".split()
PHRASES = (
    "pointed out",
    "points out",
    "according to",
    "According to",
    "in the words of",  # "in the words of one NHS manager, "part of the health system …""
    "In the words of",
    "told reporters",
    "went on",
    "chimed in",
    "chimes in",
    "puts it",  # "as she puts it, "one bag of jowar …""
    "put it",
    "piped up",
    "held that",  # a court's holding: `Judge R M Trivedi held that the accused "…"`
    "holds that",
    "found that",  # a report's or an inquiry's findings: `the audit found that it had "…"`
    "finds that",
    "concluded that",
    *(
        f"{aux} {verb}"
        for aux in ("has", "have")
        for verb in "said written argued noted warned".split()
    ),
)
NOUNS = (
    "announcement statement remarks comments comment tweet letter speech vow pledge promise words"
    " view opinion account"
)


# "alleged" after a determiner is an adjective ("the alleged scheme").
# Documents that "read": `"…," the statement read`, `"…," read a statement from ZACC` (not a
# banner's or a sign's words: "The banner read “Recount now”" is a label).
READING_DOCUMENTS = (
    "statement letter notice message post tweet order ruling judgment judgement report filing "
    "document citation sheet"
).split()
# (Written to start with "read", its conditions checked after it, so the scan meets them only
# where "read" is written.)
READS = (
    "read(?:"
    + "|".join(f"(?<={noun} read)" for noun in READING_DOCUMENTS)
    # (a statement read aloud: "“We used to tell donors …,” he read.")
    + r"|(?<= he read)(?=[.,])|(?<=she read)(?=[.,])"
    + r"|(?=\s+(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(READING_DOCUMENTS)
    + r")\b))s?"
)
# Words before a cue word that make it a noun: "its early warning bulletin", "the calls".
NOUN_CUE_BEFORE = r"(?<!\b(?:its|his|her|the|The) )(?<!\b(?:their|early) )(?<!\ban )(?<!\ba )"
CUE = re.compile(
    r"(?<![\w’'-])"
    + NOUN_CUE_BEFORE
    + r"(?:"
    + alternation([*PHRASES, *VERBS])
    + "|"
    + READS
    + r"|(?<!the )(?<!The )(?<!an )alleged|"
    + alternation(JUDGING)
    + r"(?=[^.!?“”\"]{0,100}?\bas\s+(?:an?\s+)?(?:[“\"‘']|$))|"
    + alternation(LIKENING)
    + r"(?=\s+(?!to\b)[^.!?“”\"]{1,100}?\bto\s+(?:an?\s+)?(?:[“\"‘']|$))|"
    + alternation(PLEADING)
    + r"(?=\s*[.,;:]))(?![\w-])"
)
POSSESSIVE_NOUN = re.compile(r"[’']s\s+(?:[\w.]+\s+){0,3}(?:" + "|".join(NOUNS.split()) + r")\b")
INTRO_WORDS = (
    "In On At After Before During Despite However But And Yet So Still Meanwhile Critically"
    " Though Although While As With Without For From Since Under Even Also Earlier Later Last"
    " Then Now Instead Ironically Indeed Separately Born Raised Educated Based Speaking Asked"
    " Like Unlike Once Making Adding Responding Reacting Looking Writing Citing Noting Pointing"
    " Referring Commenting Turning Talking Testifying Appearing Explaining Defending Addressing"
    " Answering Echoing Acknowledging Reflecting Recalling Beyond Amid Following Besides Across"
    " Throughout Within Outside Over Inside Near Around Among Amongst Back Today Yesterday"
    " Tonight Here There Next Elsewhere Nowadays Having Given Until Upon To"
).split()
INTRO = re.compile(rf"(?:{alternation(INTRO_WORDS)})\b[^,]{{0,80}},(?!\d)\s*")  # (not "£23,500")
ISSUED = re.compile(
    r"\b(?:issued|released|sent|wrote|published|posted|signed|put out|shared|emailed|in|In)"
    r"\s+(?:a|an|the|its|their|his|her)\b.{0,40}$"
)
NON_SPACE = re.compile(r"\S")
PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+)?$")
CLAUSE_END = re.compile(r"\s*(?:[,.;!?]|$)")
MENTION_NOUN = re.compile(
    r"\b(?:term|word|phrase|name|nickname|label|slogan|motto|hashtag|moniker|catchphrase|"
    r"expression|so-called)\s*,?\s*$"
)
# What may follow a role before the name of its holder: "to Britain Liu Xiaoming", " Jo Li".
HOLDER_TAIL = r"((?:\s+(?:to|of|for|at|in)(?:\s+the)?)?)((?:\s+[A-Z][\w’'-]+)+)"
CONJUNCTIONS = frozenset("but and while whereas though although yet".split())
# "that" opening a cue's reported clause, a short phrase between allowed ("said in a statement
# that …", "told reporters on Tuesday that …").
THAT = re.compile(r"(?:\s+(?:in|on|at|during|to|after|before)\s+[^,.;:“”\"]{1,40}?)?\s+that\b")
PRONOUN_WORDS = frozenset("he she it they i we you".split())
# ("…", and was "…": the reported clause going on with its second quotation)
COORDINATION = re.compile(
    r",?\s+(?:and|or|but)(?:\s+that|\s+(?:was|is|were|are|would|will|had|has|could)"
    r"(?:\s+(?:be|been))?)?\s+"
)
# What may stand between a cue and the quotation it introduces: "told reporters in Beijing, "
INTRODUCING = re.compile(
    r"(?: (?:reporters|him|her|them|us))?"
    r"(?: (?:in|on|at|to|during|via|from) [^,:;.“”\"]{1,40})?[,:]?\s*"
)
AUDIENCE = re.compile(r"\s+(reporters|journalists)\b")
SHORT_QUOTE_WORDS = 3
# Determiners capitalised only because they open the sentence ("A spokesperson said …").
SENTENCE_DETERMINERS = frozenset("A An One Some".split())
NON_AGENTS = frozenset(
    "statement letter email e-mail post tweet release report message note memo notice document "
    "filing complaint petition speech interview video week month year day time morning "
    "evening night weekend".split()
)


@dataclass
class Attribution:
    """Who a quotation is attributed to: the phrase in the text, the cue, and how it was found."""

    phrase: Phrase | None  # None for an interview's answers: no phrase names the speaker
    cue: str
    via: str


@dataclass
class _Page:
    """Everything worked out once per document: quotes, sentence breaks, names, antecedents
    (the last two on first use)."""

    text: str
    quotes: list[QuoteSpan]
    breaks: list[int]
    opens: list[int] = field(init=False)
    starts: list[int] = field(init=False)
    _antecedents: Antecedents | None = field(default=None, init=False)
    _recorded: bytearray = field(init=False)  # 1 for each sentence whose subjects are recorded
    _phrases_before: dict[tuple[int, int], Phrase | None] = field(default_factory=dict, init=False)
    _speakers: dict[tuple, tuple[str | None, str | None]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.opens = [span.open_at for span in self.quotes]
        # The sentence starts after each break (and at 0), leading spaces skipped.
        self.starts = [_skip_spaces(self.text, at) for at in (0, *self.breaks)]
        self._recorded = bytearray(len(self.breaks) + 1)

    @cached_property
    def openings(self) -> list[int]:
        """Where each sentence starts, in order."""
        return sorted({self.sentence_start(b) for b in [0, *self.breaks[:-1]]})

    def phrase_before(self, lo: int, hi: int) -> Phrase | None:
        """`phrase_before` of the text, worked out once per span (a quotation's cue is met
        again by the next quotation and by the antecedents read around it)."""
        key = (lo, hi)
        if key not in self._phrases_before:
            self._phrases_before[key] = phrase_before(self.text, lo, hi)
        return self._phrases_before[key]

    @cached_property
    def names(self) -> NameIndex:
        """The article's names (fullest forms, acronyms, aliases)."""
        return NameIndex(self.text)

    def antecedents_before(self, position: int) -> Antecedents:
        """Speakers by position, for a pronoun at `position`. Subjects are recorded a few
        sentences at a time, first of the sentence holding `position`, then of earlier ones
        as a walk back reaches them, so text that no pronoun's search reaches is never read
        (the recording itself reads the entries recorded so far)."""
        if self._antecedents is None:
            learned = title_genders(self.text)  # ("Mr Lwazi Ndlovu": never a "she")
            self._antecedents = Antecedents(learned=learned, read_back=self._read_back)
        self._read_back(self.sentence_end(position) + 1)
        return self._antecedents

    def _read_back(self, offset: int) -> int:
        """Record the subjects of the sentence ending just before `offset` (a sentence's
        start) and, if not yet recorded either, of up to EARLIER_SENTENCES - 1 before it;
        return where the first of those sentences starts."""
        last = bisect_right(self.breaks, offset - 2)  # the sentence ending at offset - 1
        first = last
        if not self._recorded[last]:
            while first > 0 and last - first < EARLIER_SENTENCES - 1:
                if self._recorded[first - 1]:
                    break
                first -= 1
            self._recorded[first : last + 1] = b"\x01" * (last - first + 1)
            _collect_antecedents(self, self._bound(first), self._bound(last + 1))
        return self._bound(first)

    def _bound(self, sentence: int) -> int:
        """Where sentence number `sentence` starts: just past the break before it, or 0;
        past the text's end for the number after the last."""
        if sentence == 0:
            return 0
        return self.breaks[sentence - 1] + 1 if sentence <= len(self.breaks) else len(self.text) + 1

    @cached_property
    def main_person(self) -> str | None:
        """The person the article is about: of the full names it gives, the one whose last
        name it writes alone (not after the given name: "Gold Coast" is a place) most, at
        least MAIN_PERSON_MENTIONS times and half as often again as any other's (and no other
        full name shares it but with a title before: "Sir Tony Blair"); None when no one
        stands out."""
        by_last: dict[str, list[str]] = {}
        for name in self.names.full_names():
            by_last.setdefault(name.split()[-1], []).append(name)
        counts = _lone_mentions(self.text, set(by_last)).most_common(2)
        if not counts or counts[0][1] < MAIN_PERSON_MENTIONS:
            return None
        if len(counts) > 1 and counts[1][1] * 3 > counts[0][1] * 2:
            return None
        shortest = min(by_last[counts[0][0]], key=len)
        if all(name.endswith(" " + shortest) for name in by_last[counts[0][0]] if name != shortest):
            return shortest
        return None

    def main_person_as(self, pronoun: str) -> str | None:
        """The article's main person, when "he" or "she" may mean them (their given name
        tells no other gender)."""
        person = self.main_person
        wanted = PRONOUNS.get(pronoun.lower())
        if person is None or wanted not in ("m", "f") or gender(person) not in (None, wanted):
            return None
        return person

    @cached_property
    def things(self) -> frozenset[str]:
        """Names the article describes as things ("Te Ara Raihana, a driver licence
        programme"): never "he" or "she" (worked out once a page)."""
        return _named_things(self.text)

    @cached_property
    def orgs(self) -> Organisations:
        """The organisations the text names (worked out only when a description needs them)."""
        return Organisations(self.text)

    def in_quote(self, position: int) -> bool:
        """Whether `position` lies within a quotation, its marks included."""
        index = bisect_right(self.opens, position) - 1
        return index >= 0 and position < self.quotes[index].close_end

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (after leading spaces)."""
        return self.starts[bisect_right(self.breaks, position)]

    def sentence_end(self, position: int) -> int:
        """The first sentence break strictly after `position`."""
        index = bisect_right(self.breaks, position)
        return self.breaks[index] if index < len(self.breaks) else len(self.text)

    def paragraph_end(self, position: int) -> int:
        """Where the paragraph holding `position` ends (a heading's cue is never in the next)."""
        found = self.text.find("\n\n", position)
        return len(self.text) if found < 0 else found

    def paragraph_start(self, position: int) -> int:
        """Where the paragraph holding `position` starts."""
        found = self.text.rfind("\n\n", 0, position)
        return 0 if found < 0 else found + 2


def _skip_spaces(text: str, at: int) -> int:
    found = NON_SPACE.search(text, at)
    return found.start() if found else len(text)


class QuotesAnnotator:
    """Marks quotations (type `quote`) with speaker, speaker_mention, cue, kind and speaker_role."""

    name = "quotes"
    types = ("quote",)

    def annotate(self, document: Document, context: Any) -> Iterable[Annotation]:
        """Yield one annotation per attributed quotation in `document.text`."""
        return annotate_text(document.text)


# A possessive written with an opening mark ("Travis Kelce‘s mom"): read as "’s" (one
# character for one, so offsets hold), the quotations' own words kept as written.
OPENING_MARK_POSSESSIVE = re.compile(r"(?<=\w)‘(?=s\b)")


# A nickname in quotation marks inside a full name ("Leonora "Nora" Bacsal"): no quotation.
# (Searched from its opening mark, which is fast; the given name before it is checked after.)
NICKNAME = re.compile(r" [\"“][A-Z][\w’'-]+[\"”] ([A-Z][\w’'-]+)")
GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][\w’'-]+)$")


def _without_nicknames(text: str) -> str:
    """The text with each such nickname dropped ("Leonora Bacsal"), padded to its length."""

    def drop(match: re.Match) -> str:
        given = GIVEN_NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if given is None or given[1].lower() in NOT_NAMES:
            return match[0]
        surname = f" {match[1]}"
        return surname + " " * (len(match[0]) - len(surname))

    return NICKNAME.sub(drop, text)


# An honorific in brackets after another, as Nigerian papers write a woman's: "Hon. (Mrs)
# Funmilayo Adesanya-Bello", "Prof. (Dr) …".
BRACKETED_HONORIFIC = re.compile(
    r"(?<=[A-Za-z.]) \((?:Mrs|Mr|Ms|Miss|Dr|Engr|Barr|Chief)\.?\)(?= [A-Z])"
    # (and a post's remit in brackets before the name: "Executive engineer (sewerage) Prashant
    # Wankhede")
    r"|(?<=[a-z]) \([a-z]+(?: [a-z&]+){0,2}\)(?= [A-Z][a-z])"
)


def _without_bracketed_honorifics(text: str) -> str:
    """The text with each such bracketed honorific blanked out, padded to its length."""
    return BRACKETED_HONORIFIC.sub(lambda match: " " * len(match[0]), text)


# A paragraph opening with its first word in capitals, as Australian and British papers set
# the given name of a feature's subject ("KIRAN Gill keeps her paperwork …").
DROP_CAP = re.compile(r"([A-Z])([A-Z]+)(?= [A-Z][a-z])")


def _without_drop_caps(text: str) -> str:
    """The text with each such opening word as the rest of the text writes it ("Kiran"), when
    it does (only the paragraphs' starts are looked at)."""
    starts = [0] + [at + 1 for at in _newlines(text)]
    for start in starts:
        match = DROP_CAP.match(text, start)
        if match is not None:
            word = match[1] + match[2].lower()
            if re.search(rf"\b{word}\b", text):
                text = text[:start] + word + text[match.end() :]
    return text


def _newlines(text: str) -> Iterator[int]:
    """Where each line break of `text` is."""
    at = text.find("\n")
    while at >= 0:
        yield at
        at = text.find("\n", at + 1)


def annotate_text(text: str) -> list[Annotation]:
    """The quote annotations of a plain text (paragraphs separated by blank lines)."""
    read = OPENING_MARK_POSSESSIVE.sub("’", text) if "‘s" in text else text
    read = _without_drop_caps(_without_nicknames(read))
    if "(" in read:
        read = _without_bracketed_honorifics(read)
    found = _annotate_read(read)
    if read != text:
        for annotation in found:
            annotation.text = text[annotation.start : annotation.end]
    return found


def _annotate_read(text: str) -> list[Annotation]:
    quotes = find_quotes(text)
    if not quotes:
        return []
    page = _Page(text, quotes, sentence_breaks(text, quotes))
    found: list[Annotation] = []
    previous: tuple[QuoteSpan, Annotation] | None = None
    headings: list[QuoteSpan] = []
    lone: list[tuple[QuoteSpan, Annotation | None]] = []
    for index, span in enumerate(quotes):
        annotation = _annotate_one(page, index, span, previous)
        if annotation is not None:
            found.append(annotation)
            previous = (span, annotation)
        elif _is_heading(page, span):
            headings.append(span)
        elif _is_lone_paragraph(page, span):
            lone.append((span, previous[1] if previous else None))
    found += _interview_answers(page, lone, found)
    opens = {span.open_at for span in quotes}
    headings += (span for span in _heading_spans(text) if span.open_at not in opens)
    found += filter(None, (_heading_quote(page, span, found) for span in headings))
    return _without_pull_quotes(page, sorted(found, key=lambda a: a.start))


PULL_QUOTE_ENDS = " .,;:!?’'”\""  # a pull quote and its source differ at most in these


def _without_pull_quotes(page: _Page, found: list[Annotation]) -> list[Annotation]:
    """`found` without pull quotes: a quotation standing alone as a paragraph whose words the
    article quotes again elsewhere is page furniture repeating them, not a second quotation
    (of several lone copies the last stays)."""
    keys = [annotation.text.lower().rstrip(PULL_QUOTE_ENDS) for annotation in found]
    copies = Counter(keys)
    if len(copies) == len(keys):
        return found
    kept = []
    for annotation, key in zip(found, keys, strict=True):
        if copies[key] > 1 and _stands_alone(page, annotation):
            copies[key] -= 1
            continue
        kept.append(annotation)
    return kept


def _stands_alone(page: _Page, annotation: Annotation) -> bool:
    """Whether a quotation is its paragraph's only words (its marks and end punctuation aside)."""
    marks = " ‘’“”'\".,!?"
    before = page.text[page.paragraph_start(annotation.start) : annotation.start]
    after = page.text[annotation.end : page.paragraph_end(annotation.start)]
    return not before.strip(marks) and not after.strip(marks)


# A paragraph that is one short quotation in either style of marks: "‘An infinite arsenal’".
HEADING = re.compile(r"([‘“'\"])((?:[^\n‘’“”\"]|’(?=\w)){2,100})([’”'\"])[ \t]*(?=\n|\Z)")
OPENING_MARKS = "‘“'\""


def _line_openings(text: str) -> list[int]:
    """Where a line opens with a quotation mark, in order (found by plain substring search)."""
    found = [0] if text and text[0] in OPENING_MARKS else []
    for mark in OPENING_MARKS:
        at = text.find("\n" + mark)
        while at >= 0:
            found.append(at + 1)
            at = text.find("\n" + mark, at + 2)
    return sorted(found)


def _heading_spans(text: str) -> list[QuoteSpan]:
    """Quotations that make up a whole short paragraph, whatever the article's quote style."""
    matches = filter(None, (HEADING.match(text, at) for at in _line_openings(text)))
    return [
        QuoteSpan(m.start(2), m.end(2), m.start(1), m.end(3))
        for m in matches
        if len(m.group(2).split()) <= HEADING_WORDS
    ]


def _is_lone_paragraph(page: _Page, span: QuoteSpan) -> bool:
    """A quotation that opens its paragraph and runs to its end, with no words of the writer."""
    start = page.paragraph_start(span.open_at)
    end = page.paragraph_end(span.open_at)
    return start == span.open_at and not page.text[span.close_end : end].strip()


def _interview_answers(
    page: _Page, lone: list[tuple[QuoteSpan, Annotation | None]], found: list[Annotation]
) -> list[Annotation]:
    """In an interview or a profile, paragraphs that are only a quotation are the words of the
    person the article quotes most, when at least three of every five attributed quotations
    are theirs, the last attributed quotation before it is theirs too, and their last words
    (attributed or an answer) are at most three paragraphs back."""
    speakers = Counter(a.fields["speaker"] for a in found)
    if not speakers:
        return []
    main, count = speakers.most_common(1)[0]
    if count < 3 or count < 0.6 * sum(speakers.values()) or not is_person(main):
        return []
    answers: list[Annotation] = []
    for span, before in lone:
        if before is None or before.fields["speaker"] != main:
            continue
        last = max(before.end, answers[-1].end if answers else 0)
        if page.text.count("\n\n", last, span.open_at) <= 3:
            answers.append(
                _build(
                    page, span, Attribution(None, before.fields["cue"], "interview"), before.fields
                )
            )
    return answers


def _lone_mentions(text: str, lasts: set[str]) -> Counter:
    """How often each of `lasts` is written without a given name just before it ("Costigan
    has made", "For Costigan,", "Mrs Costigan" count; "Ray Costigan", "Gold Coast" do not),
    in one pass over the words."""
    counts: Counter = Counter(dict.fromkeys(lasts, 0))
    previous = ""
    for word in text.split():
        core = POSSESSIVE_TAIL.sub("", word.strip(WORD_EDGES))
        # (each part of a hyphened word counts as written after the part before it: "Zuma"
        # in "Zuma-Sambudla" is a mention of Zuma after whatever word came before)
        parts = [(core, previous)]
        if "-" in core:
            pieces = core.split("-")
            parts += [
                (piece, previous if i == 0 else pieces[i - 1] + "-")
                for i, piece in enumerate(pieces)
            ]
        for name, before_word in parts:
            if name in lasts and _no_given_name(before_word):
                counts[name] += 1
        previous = word
    return counts


def _no_given_name(word: str) -> bool:
    """Whether `word`, written just before a last name, is no given name of it."""
    lower = word.lower()
    return (
        not lower[:1].isalpha()
        or word[:1].islower()
        or lower in NOT_NAMES
        or lower.rstrip(".") in TITLES  # "Mrs Amituanai", "Judge Nyenswah-Toe"
    )


WORD_EDGES = ",;:.!?()\"“”‘’'"
POSSESSIVE_TAIL = re.compile(r"[’']s$")


HEADING_WORDS = 12
MAIN_PERSON_MENTIONS = 3  # times an article writes its main person's last name alone, at least
EARLIER_SENTENCES = 3  # sentences a walk back past every recorded subject reads at a time
_WORD = re.compile(r"\w+(?:['’]\w+)?")


def _is_heading(page: _Page, span: QuoteSpan) -> bool:
    """A quotation that is a whole short paragraph: a section heading made of someone's words."""
    paragraph = page.text[page.paragraph_start(span.open_at) : page.paragraph_end(span.open_at)]
    quoted = page.text[span.start : span.end]
    return paragraph.strip() == page.text[span.open_at : span.close_end].strip() and (
        len(quoted.split()) <= HEADING_WORDS
    )


def _heading_quote(page: _Page, span: QuoteSpan, found: list[Annotation]) -> Annotation | None:
    """A heading's words taken from a quotation in the article are that quotation's speaker's:
    most of its words, in order, inside one attributed quotation ("‘A messy, messy mess’" above
    "“This is what you would call a messy, messy mess,” Serpas said")."""
    words = [w.lower() for w in _WORD.findall(page.text[span.start : span.end])]
    if not words:
        return None
    best, source = max(1, round(0.8 * len(words))) - 1, None
    for annotation in found:  # the quotation holding most of its words ("A paper budget":
        if annotation.start <= span.start < annotation.end:  # not "a contingency … budget")
            return None
        held = _in_order(words, [w.lower() for w in _WORD.findall(annotation.text)])
        if held > best:
            best, source = held, annotation
    if source is None:
        return None
    fields = {k: v for k, v in source.fields.items() if k not in ("kind",)}
    fields["kind"] = "partial"
    return Annotation(
        type="quote",
        start=span.start,
        end=span.end,
        text=page.text[span.start : span.end],
        confidence=0.7,
        fields=fields,
    )


def _in_order(words: list[str], said: list[str]) -> int:
    """How many of `words` occur in `said` in the same order (greedy)."""
    count, at = 0, 0
    for word in words:
        try:
            at = said.index(word, at) + 1
        except ValueError:
            continue
        count += 1
    return count


def _outside_quotes(page: _Page, lo: int, hi: int) -> list[tuple[int, int]]:
    pieces, cursor = [], lo
    for span in page.quotes:
        if span.close_end <= lo or span.open_at >= hi:
            continue
        if span.open_at > cursor:
            pieces.append((cursor, span.open_at))
        cursor = max(cursor, span.close_end)
    if cursor < hi:
        pieces.append((cursor, hi))
    return pieces


def _collect_antecedents(page: _Page, start: int, stop: int) -> None:
    """Record, in order, the subject of every speech verb and sentence outside quotations
    from offset `start` (a sentence's) to `stop` (after a sentence break)."""
    phrases: list[Phrase] = []
    subjects: set[int] = set()
    cue_subjects: set[int] = set()
    cues: list[int] = []  # where each cue outside quotations starts
    for lo, hi in _outside_quotes(page, start, min(stop, len(page.text))):
        for match in CUE.finditer(page.text, lo, hi):
            cues.append(match.start())
            floor = max(lo, page.sentence_start(match.start()))
            phrase = None if match.group().endswith("ing") else _subject(page, floor, match)
            if phrase is not None and TIME_CLAUSE_BEFORE.search(
                page.text, max(floor, phrase.start - 12), phrase.start
            ):
                continue  # "turned to the gallery before the judge ruled": a time clause's
                # subject, not the one a later "he said" means
            if phrase is not None:
                phrases.append(phrase)
                cue_subjects.add(phrase.start)
    for lo, hi in _outside_quotes(page, start, min(stop, len(page.text))):
        for at in _clefts(page.text, lo, hi):  # "it was Katie Boulter who …"
            phrase = phrase_after(page.text, at, page.sentence_end(at))
            if phrase is not None and _has_capital(phrase.text):
                phrases.append(phrase)
                cue_subjects.add(phrase.start)
    openings = page.openings
    for opening in openings[bisect_left(openings, start) : bisect_left(openings, stop)]:
        if page.in_quote(opening):
            continue
        end = page.sentence_end(opening)
        clause = SUBORDINATE_SUBJECT.match(page.text, opening, end)
        if clause is None and page.text.startswith(FOCUS_OPENINGS, opening):
            clause = FOCUS.match(page.text, opening, end)
        if clause is not None and is_person(clause.group(1)):
            phrases.append(Phrase(clause.start(1), clause.end(1), clause.group(1)))
        contacted = page.text.startswith(CONTACT_OPENINGS, opening)
        contact = CONTACTED.match(page.text, opening, end) if contacted else None
        if contact is not None:  # "When I called a member of the council, she told me …"
            group = 1 if contact.group(1) else 2
            phrases.append(Phrase(contact.start(group), contact.end(group), contact.group(group)))
        phrases += _introduced_names(page.text, opening, end)
        quoted = bisect_left(page.opens, opening) < bisect_left(page.opens, end)
        phrase = _main_subject(page, opening, end, None if quoted else cues)
        if phrase is not None and _has_capital(phrase.text) and not _alone(page, phrase):
            phrases.append(phrase)
            subjects.add(phrase.start)
    things = page.things
    for phrase in sorted(phrases, key=lambda p: p.start):
        if _the_one_name(page.text, phrase):
            continue  # "When the Courier called …": a paper or a body, never "he" or "she"
        speaker = _speaker_name(page, phrase, documents=False)[0]
        if speaker in things:
            continue  # "Te Ara Raihana, a free driver licence programme": never "she"
        kin = KIN_NAME.match(phrase.text)
        plain = phrase.start not in subjects or phrase.start in cue_subjects or kin is not None
        if speaker and (plain or _plausible_subject(speaker)):
            antecedents = page.antecedents_before(phrase.start)
            antecedents.add(phrase.start, speaker)
            if kin is not None:  # "her son Tame": a later "he" may mean him
                antecedents.learned.setdefault(speaker, KIN[kin["kin"]])
            elif _group_noun(page.text, speaker):  # "Residents said …": never "he" or "she"
                antecedents.learned.setdefault(speaker, "group")


# A time clause's opening word inside a sentence, before its subject.
TIME_CLAUSE_BEFORE = re.compile(r"\b(?:before|after|until|till|once)\s+(?:the\s+)?$")


# Endings of plural nouns for groups of people ("Residents", "Activists", "Officials").
GROUP_ENDINGS = ("ents", "ists", "ians", "ials", "ysts")
SURNAMES_WITH_GROUP_ENDINGS = frozenset({"Clements"})


def _group_noun(text: str, speaker: str) -> bool:
    """Whether a one-word speaker is a plural noun for a group of people, opening a sentence
    ("Residents said …"): it ends as such nouns do, or the text writes it in lower case too."""
    if " " in speaker or not speaker.endswith("s") or speaker in SURNAMES_WITH_GROUP_ENDINGS:
        return False
    if speaker.endswith(GROUP_ENDINGS):
        return True
    return re.search(rf"\b{re.escape(speaker.lower())}\b", text) is not None


# A name the article describes as a thing: "Te Ara Raihana, a free driver licence programme".
NAMED_THING = re.compile(
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}),\s+(?:a|an)\s+"
    r"(?:(?!(?:of|at|in|for|with|from|who|whose|and|to)\b)[a-z][\w-]*\s+){0,3}"
    r"(?:programme|program|project|scheme|initiative|company|firm|business|charity|trust|"
    r"cooperative|co-operative|brand|shop|store|café|cafe|restaurant|bakery|farm|band|festival|"
    r"app|platform|website|newspaper|magazine|clinic|venue|hotel|mill|factory)\b"
)


def _named_things(text: str) -> frozenset[str]:
    """Names the article gives a thing's description in apposition (no person's)."""
    return frozenset(match.group(1) for match in NAMED_THING.finditer(text))


# One capitalised word after "the": a newspaper or a body ("the Courier"), no person.
THE_ONE_NAME = re.compile(r"[Tt]he [A-Z][a-z]+")


def _the_one_name(text: str, phrase: Phrase) -> bool:
    """Whether a phrase is "the" and one capitalised word ("the Courier"), its "the" inside
    the phrase or just before it, the word no post held by a person the article names ("the
    Commissioner said" is Commissioner P. Senthil Kumaran)."""
    opening = phrase.start - 4 * (not text.startswith(("the ", "The "), phrase.start))
    return (
        opening >= 0
        and THE_ONE_NAME.fullmatch(text, opening, phrase.end) is not None
        and text[opening + 4 : phrase.end].lower() not in BACK_TITLES
    )


# A full name opening a sentence's subordinate clause ("When Gráinne Hession stepped off the
# ferry …, she had …", "When Étienne Lachance took over"): someone a later "she" may mean.
SUBORDINATE_SUBJECT = re.compile(
    r"(?:When|After|As|While|Before|Since|Although|Though|If|Because|Once|Until)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){1,2})\s+(?=[a-z])"
)


# The person a sentence opens by turning to ("For Mr Gwarzo, the next few weeks will decide
# …"): someone a later "he" may mean.
FOCUS_OPENINGS = ("For ", "As for ", "To be fair to ", "In fairness to ", "Like ", "Unlike ")
FOCUS = re.compile(
    r"(?:For|As\s+for|To\s+be\s+fair\s+to|In\s+fairness\s+to|Like|Unlike)\s+"
    r"(?:(?:Mayor|Cllr|Councillor|Minister|Senator|Judge|Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),"
)
# A person the writer contacted, described, in a clause before what they said: "When I called
# a member of the Tucson City Council last week, she told me …".
CONTACT_OPENINGS = (
    "When I ",
    "When we ",
    "After I ",
    "As I ",
    "I spoke ",
    "I talked ",
    "We spoke ",
)
CONTACTED = re.compile(
    r"(?:I|We)\s+(?:spoke|talked)\s+(?:[a-z]+\s+){0,3}?(?:to|with)\s+"
    r"((?:a|an)\s+[a-z]+\s+(?:in|from|at|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"|(?:When|After|As)\s+(?:I|we)\s+(?:called|rang|phoned|reached|asked|met|visited|"
    r"interviewed|spoke\s+(?:to|with)|put\s+(?:this|it|that|the\s+question)\s+to)\s+"
    r"((?:a|an)\s+(?:[a-z]+\s+)?[a-z]+\s+(?:of|at|for|from)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


# A person introduced by name after a description, with a clause about them: "an old
# friend, Rawiri Paewai, who spent 35 years …" (someone a later "he" may mean).
# A person the writer talked to, by name: "I spoke to Sizwe Khumalo, who …" (a later "he").
SPOKEN_TO = re.compile(
    r"\b(?:I|We)\s+(?:spoke|talked|chatted)\s+(?:to|with)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
)
INTRODUCED_NAME = re.compile(
    r"\b(?:an?|my|our|his|her|their)\s+(?:[a-z]+\s+){0,2}[a-z]+"
    r"(?:,\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+who\s"
    r"|\s+(?:named|called)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}))"
)


# A person named with an honorific in apposition, anywhere in a sentence: "when the member
# representing Ekiti constituency, Hon. Modupe Aiyedun-Salako of the PDP, moved …", "I put
# that to Coun. Maria Dueck, who …", "For farmers such as Ms Esther Nkirote, who …".
# A person named as a "when" clause's subject inside a sentence: "It is barely 7am on a
# Tuesday when Ms Neema Lyimo unlocks the steel door" (a later "she" or "the 38-year-old").
WHEN_NAMED = re.compile(
    r"\bwhen\s+(?:(?:[A-Z]{2,4}|[a-z]+)\s+){0,3}?(?:Mr|Ms|Mrs|Dr|Cllr|Councillor)\.?\s+"
    r"([A-Z][\w’'-]+(?:\s+(?:(?:van|von|de|der|den|du|da|le|la)\s+)?[A-Z][\w’'-]+){1,2})\s+(?=[a-z])"
)  # (an honorific marks a person: "when Ross River Dam spilled" names none; a post may
# come first: "when DA caucus leader Cllr Pieter van Staden rose")
HONOURED_NAME = re.compile(
    r"(?:,|\bto|\bas)\s+(?:Hon\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Chief|Alhaji|Alhaja|Sen\.|Senator|"
    r"Coun\.|Cllr\.?)\s+"
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})(?=,|\s+of\s+the\s)"
)


# The agent of a passive, introduced with a clause about them: "That finding was rejected
# by Independent councillor Deirdre McInerney, who proposed …"; one of a group, named in
# apposition: "One of those students, Cian Doyle, a 24-year-old …"; someone the writer
# asked: "I asked Bill Rangihuna, who has run a shop …".
AGENT_NAME = re.compile(
    r"(?:\bby\s+(?:(?:[A-Z][a-z]+|[a-z]+)\s+){0,3}?"
    r"|\b(?:[Oo]ne|[Aa]nother)\s+of\s+(?:those|these|the|his|her|their|its)\s+(?:[a-z]+\s+){0,2}?"
    r"[a-z]+,\s+"
    r"|\b(?:I\s+(?:asked|rang|called|phoned|met|visited|interviewed)|[Aa]sk)\s+)"
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+(?:\d{1,3},\s+)?(?:who\s|an?\s)"
)  # (or to ask: "Or ask Gogo Ntombi Cele, 71, who lives …", her age set off after her name)


# A sentence opening with a person described in lower-case words, then named: "Ōhingaiti
# sheep and beef farmer Tim Brancott estimated …", "Local fisherman Ari Tane says …",
# "National Prosecuting Authority (NPA) regional spokesperson Nokuthula Ndlovu welcomed …".
DESCRIBED_OPENER = re.compile(
    r"(?:\w[\w’'-]*\s+|(?:[A-Z][\w’'&-]*\s+){1,5}\([A-Z][A-Za-z]+\)\s+"
    r"|[A-Z][\w’'&-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w’'&-]*){1,6}\s+)?"
    r"(?:[a-z][\w’'-]*\s+){0,4}?(?P<post>[a-z]+)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,4})\s+(?=[a-z])"
)  # (a body's full name before the post: "Miri Chamber of Commerce and Industry president
# Dato Henry Lau Sing Chong said …")


# A person named as the subject of an inverted sentence: "Among those hired was Tama Herewini,
# 24, a former barista …" (someone a later "he" may mean).
AMONG_NAMED = re.compile(
    r"(?:Among|Of)\s+(?:them|those|these|the\s+[\w-]+)\b[^,.;:!?\"“”]{0,60}?\s+(?:was|were|is|are)\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"
)


# A person named as the subject of a clause joined to a sentence: "…, the tide is on the turn,
# and Maureen Trethewey is already up to her shoulders in it" (someone a later "she" may mean).
CLAUSE_SUBJECT = re.compile(
    r"(?:,\s+(?:and|but|while)|;)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?=[a-z])"
)


def _named_as_person(text: str, name: str) -> bool:
    """Whether the text treats `name` as a person's: a known given name, or its last word
    after an honorific or before a speech verb somewhere ("Mrs Trethewey", "Trethewey says";
    not "Fama Perak", "WorkSafe New Zealand")."""
    if gender(name) is not None:
        return True
    surname = re.escape(name.split()[-1])
    return (
        re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{surname}\b|\b{surname}\s+(?:said|says)\b", text)
        is not None
    )


def _introduced_names(text: str, start: int, end: int) -> list[Phrase]:
    """People introduced by name after a description in text[start:end] ("I rang an old
    friend, Rawiri Paewai, who …", "the member for Ekiti, Hon. Modupe Aiyedun-Salako, …",
    "Sheep and beef farmer Tim Brancott estimated …" opening the sentence)."""
    found = [
        Phrase(named.start(1), named.end(1), named.group(1))
        for pattern in (HONOURED_NAME, AGENT_NAME, WHEN_NAMED, AMONG_NAMED, SPOKEN_TO)
        for named in pattern.finditer(text, start, end)
        if is_person(named.group(1))
    ]
    found += [  # (a joined clause's subject only when the text treats it as a person)
        Phrase(named.start(1), named.end(1), named.group(1))
        for named in CLAUSE_SUBJECT.finditer(text, start, end)
        if is_person(named.group(1)) and _named_as_person(text, named.group(1))
    ]
    opener = DESCRIBED_OPENER.match(text, start, end)
    if opener is not None and is_agent_noun(opener["post"]) and is_person(opener["name"]):
        following = text[opener.end() : opener.end() + 30].split(maxsplit=1)[0]
        # (not "A senior Power Division official was …", nor one of "X and Y supported …")
        if not is_agent_noun(following) and following not in ("and", "or"):
            found.append(Phrase(opener.start("name"), opener.end("name"), opener["name"]))
    if text.find(", who ", start, end) < 0 and text.find("named ", start, end) < 0:
        return found  # (a cheap test first: the introduction needs its clause or "named")
    for named in INTRODUCED_NAME.finditer(text, start, end):
        group = 1 if named.group(1) else 2
        if is_person(named.group(group)):
            found.append(Phrase(named.start(group), named.end(group), named.group(group)))
    return found


# A cleft sentence puts its subject after "it was": "After Miyazaki won on Monday, it was
# Katie Boulter who got the ball rolling" (the one a following "she" means). The opening is
# searched for first (cheap), the name and its "who"/"that" then read where it ends.
# ("it was the turn of Finance CEC Peter Mwangi, who tabled …" puts its subject there too.)
CLEFT = re.compile(r"[Ii]t\s+(?:was|is|ha[sd]\s+been)\s+(?:the\s+turn\s+of\s+)?(?=[A-Z])")
CLEFT_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,?\s+(?:who|that)\b")


def _clefts(text: str, lo: int, hi: int) -> list[int]:
    """Where the subjects of cleft sentences start in text[lo:hi]."""
    return [
        match.end()
        for match in CLEFT.finditer(text, lo, hi)
        if not (match.start() and text[match.start() - 1].isalnum())
        and CLEFT_NAME.match(text, match.end(), hi)
    ]


def _alone(page: _Page, phrase: Phrase) -> bool:
    """A name that is its whole line is a byline or a caption credit, not a subject."""
    text = page.text
    before = text[max(0, phrase.start - 3) : phrase.start].rstrip(" \t")
    if phrase.start > 3 and not before:
        return False  # spaces only in the window: not a line's start
    after = text[phrase.end : phrase.end + 3].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _plausible_subject(speaker: str) -> bool:
    """A sentence's first words count as a speaker only as a full name, an organisation, a
    well-known given name alone ("Daniel, a New York University senior, said …") or an
    unnamed person by post ("A senior Power Division official was frank …")."""
    words = speaker.split()
    if len(words) == 1 and gender(speaker):
        return True
    if person_described(speaker) or described_person(speaker):
        return True  # ("An 84-year-old widow from Morriston handed over …")
    return (len(words) > 1 or not is_person(speaker)) and words[0].lower() not in NOT_NAMES


TELLING = frozenset({"told", "tells", "tell", "telling"})


OBJECT_PRONOUN = re.compile(r"\s+(him|her|them)\b(?!\s+[a-z])")  # not "her husband"
SUBJECT_FORMS = {"him": "he", "her": "she", "them": "they"}


NAMING_AFTER = frozenset({"according to", "in the words of"})
POSSESSIVE_WORDS = frozenset("its his her their our my your".split())


def _names_after(cue: re.Match) -> bool:
    """Whether a cue names its speaker after it ("according to X", "in the words of X")."""
    return cue.group().lower() in NAMING_AFTER


# A body's document named by the body's capitalised name, commas in it allowed: " a Department
# of Energy, Environment and Climate Action statement".
BODY_DOCUMENT = re.compile(
    r"\s+(?:an?|the)\s+(?P<body>[A-Z][\w’'&-]*(?:(?:,\s+|\s+(?:(?:and|of|for|on|the|&)\s+)*)"
    r"[A-Z][\w’'&-]*)*)\s+(?:" + DOCUMENT_ALTERNATION + r")\b"
)


def _according_to(page: _Page, cue: re.Match) -> Phrase | None:
    """Who "according to" names: the phrase after it; "According to her, …" as "she said"."""
    pronoun = OBJECT_PRONOUN.match(page.text, cue.end())
    if pronoun is not None:
        return Phrase(pronoun.start(1), pronoun.end(1), SUBJECT_FORMS[pronoun.group(1).lower()])
    owned = BODY_DOCUMENT.match(page.text, cue.end())
    if owned is not None:  # "according to a Department of Energy, Environment and Climate
        return Phrase(owned.start("body"), owned.end("body"), owned["body"])  # Action statement"
    phrase = phrase_after(page.text, cue.end(), page.sentence_end(cue.end()))
    if phrase is not None and cue.group().lower() != "according to":
        if phrase.text.split()[0].lower() in POSSESSIVE_WORDS:
            return None  # "in the words of its director": whose, the words do not say
    return phrase


def _subject(page: _Page, lo: int, cue: re.Match) -> Phrase | None:
    """The phrase a cue attributes to: after `according to` or an inverted verb, else before."""
    if _names_after(cue):
        return _according_to(page, cue)
    issuer = _issuer_before(page, lo, cue)
    if issuer is not None:
        return issuer
    lead = page.text[lo : cue.start()]
    telling = cue.group().lower() in TELLING  # "…, told NBC News": the listener follows
    if lead.rstrip().endswith(",") and not telling:  # "…, said Mary Lovely, an economist."
        after = phrase_after(page.text, cue.end(), page.sentence_end(cue.end()))
        if (
            after is not None
            and _has_capital(after.text)
            and CLAUSE_END.match(page.text, after.end)
        ):
            return after
    before = page.phrase_before(lo, cue.start())
    if (
        before is None
        and not telling
        and (not re.search(r"\w", lead) or lead.rstrip().endswith(","))
    ):
        after = phrase_after(page.text, cue.end(), page.sentence_end(cue.end()))
        if after is not None and after.text.endswith(("'s", "’s")):
            return None  # "…, said Sinwar's appointment would …": the reported clause's owner
        return after
    return before


# A document of a named body, then a relative clause whose verb is the cue: "a 2019 decision of
# the Court of Appeal for Saskatchewan that described …" (the body's words).
ISSUED_THAT = re.compile(
    r"\b(?:an?|the|its)\s+(?:\d{4}\s+)?(?:[\w-]+\s+){0,2}?(?:"
    + DOCUMENT_ALTERNATION
    + r")\s+(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w’'-]*)*)"
    r"\s+(?:that|which)\s+$"
)


def _issuer_before(page: _Page, lo: int, cue: re.Match) -> Phrase | None:
    """The body whose document the cue's relative clause is about: "citing a 2019 decision of
    the Court of Appeal for Saskatchewan that described …" (its words), or None."""
    issued = ISSUED_THAT.search(page.text, max(lo, cue.start() - 160), cue.start())
    if issued is None:
        return None
    return Phrase(issued.start("body"), issued.end("body"), issued["body"])


# A sentence opening with a bare conjunction before its subject: "But Murray struck …".
BARE_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Still|Then|Now|Meanwhile|Instead)\s+(?=[A-Z])")


# A "when" clause naming no one opening a sentence: "When the Courier called on Tuesday,
# Farrelly was finishing an order" (one that names someone, "When TMZ asked Gene Simmons …",
# is left to the subordinate-subject rule).
WHEN_OPENER = re.compile(r"When\b(?![^,]*[A-Z][a-z]+\s+[A-Z][a-z]+)[^,]{0,80},\s*")


# A dateline opening the first sentence: "IPOH:", "KUALA LUMPUR, Sept 3 –", "LAGOS —".
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,30}[A-Z](?:,[^:–—]{1,20})?\s*(?::|–|—|--)\s+")


# A second fronted clause after an opening one: "At half past eight on a May morning, before
# the first coach has pulled in, Noreen Fleming is …".
FURTHER_CLAUSE = re.compile(
    r"(?:before|after|when|while|as|once|until|since|long before|just as|even as|with|"
    r"without|despite)\b[^,.;:!?\"“”]{0,100},\s*"
)
# A fronted clause of time opening the sentence: "Long before the tour buses pull up, Lim Kok
# Wah is …" ("When …" has its own opener, which keeps names asked in it).
FRONTED_CLAUSE = re.compile(
    r"(?:Long before|Before|After|While|Once|Until|Just as|Even as)\b[^,.;:!?\"“”]{0,100},\s*"
)


# A time opening a sentence without a comma before its subject: "By Saturday lunchtime Paki,
# 61, was in the wharekai", "At 10pm the police arrived".
TIME_OPENER = re.compile(
    r"(?:By|On|At|In|Until|Before|After|From|Since)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening|"
    r"night|lunchtime|noon|midday|midnight|dawn|dusk|\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.))"
    r"\s+(?=[A-Z])"
)


# One case of several opening a sentence without a comma: "In one case an 84-year-old widow
# handed over …".
CASE_OPENER = re.compile(r"In\s+(?:one|another|a\s+further)\s+(?:case|instance|incident)\s+")


# A participle phrase opening a sentence before its subject: "Standing at the lectern in a gray
# suit, Mulcahy apologized", "Not satisfied with the reply, AIADMK members walked out",
# "Angered by the ruling, residents …".
PARTICIPLE_OPENER = re.compile(
    r"(?:[A-Z][a-z]{2,}ing\b|(?:Not\s+[a-z]{2,}|[A-Z][a-z]{2,})(?:ed|ful|py)\s+(?:with|by|at|over|about)\b)"
    r"[^,.;:!?\"“”]{0,80},\s*(?=[A-Z]|(?:a|an|the)\s+[A-Z])"
)
# A question put to the subject, before it: "Asked what she plans to do next spring, when the
# ice goes out, Hartwick did not hesitate" (the clause may hold commas of its own).
ASKED_OPENER = re.compile(
    r"(?:Asked|Pressed|Questioned|Quizzed)\b[^.;:!?\"“”]{0,160},\s*(?=[A-Z][\w’'-]+\s+[a-z])"
)


def _main_subject(
    page: _Page, start: int, end: int, cues: list[int] | None = None
) -> Phrase | None:
    """The subject opening the sentence text[start:end], up to its first cue; `cues`, where
    known, are the cue starts of a sentence without quotations (no search needed)."""
    dateline = DATELINE.match(page.text, start, end)  # "IPOH: At 6.30am, Lim Kok Wah …"
    start = dateline.end() if dateline else start
    intro = (
        ASKED_OPENER.match(page.text, start, end)
        or INTRO.match(page.text, start, end)
        or WHEN_OPENER.match(page.text, start, end)
        or BARE_CONJUNCTION.match(page.text, start, end)
        or TIME_OPENER.match(page.text, start, end)
        or CASE_OPENER.match(page.text, start, end)
        or PARTICIPLE_OPENER.match(page.text, start, end)
        or FRONTED_CLAUSE.match(page.text, start, end)
    )
    lo = intro.end() if intro else start
    while intro is not None:  # "At half past eight, before the first coach arrives, X …"
        intro = FURTHER_CLAUSE.match(page.text, lo, end)
        lo = intro.end() if intro else lo
    if cues is None:
        hit = CUE.search(page.text, lo, end)
        at = hit.start() if hit else end
    else:
        index = bisect_left(cues, lo)
        at = cues[index] if index < len(cues) and cues[index] < end else end
    return phrase_after(page.text, lo, at)


def _is_agent(text: str) -> bool:
    """Whether a phrase before a participle can be its speaker (not "a statement", "this month")."""
    return text.split()[-1].lower() not in NON_AGENTS


def _has_capital(text: str) -> bool:
    return any(word[0].isupper() for word in text.split())


def _speaker_name(
    page: _Page, phrase: Phrase, documents: bool = True
) -> tuple[str | None, str | None]:
    """The speaker a phrase names (fullest name, or what a description refers to) and a role;
    none for a place ("Middletown, Connecticut"); worked out once per phrase and page."""
    key = (phrase.start, phrase.end, phrase.text, phrase.role, phrase.role_name, documents)
    if key not in page._speakers:
        page._speakers[key] = _name_speaker(page, phrase, documents)
    return page._speakers[key]


# A sum of money inside a phrase: "the Sh180 million wholesale market" names no speaker.
MONEY_IN_PHRASE = re.compile(
    r"(?:[$€£¥₹₦]|\b(?:Sh|KSh|Ksh|Rs|R|N|P|GH¢|US\$))\s?\d|\d\s*(?:million|billion|bn|m|crore|lakh)\b"
)


def _name_speaker(page: _Page, phrase: Phrase, documents: bool) -> tuple[str | None, str | None]:
    if page.text.startswith(",", phrase.end) and names_a_place(page.text, phrase.end):
        return None, None
    inside = phrase.text.find(",")
    if inside > 0 and names_a_place(phrase.text, inside):
        return None, None  # "Denver, Colorado" itself: a place, never "she"
    addressed = addressed_document(page.text, phrase.start)
    if addressed is not None:  # "The letter to the Energy Division, signed by X, says"
        if not documents:
            return None, None
        issuer = issuer_here(page.text, addressed.start())
        return (page.names.resolve(issuer)[0] if issuer else f"the {addressed['noun']}"), None
    if MONEY_IN_PHRASE.search(phrase.text):
        return None, None
    if phrase.role_name:
        return page.names.resolve(phrase.role_name)
    if phrase.text.lower() in DEFENDANT_WORDS:
        named = _person_just_named(page, phrase.start)
        if named is not None:  # "when he asked Mr Fitzmaurice …, the accused replied"
            return page.names.resolve(named)[0], None
    pronoun = CONTRACTION.sub("", phrase.text)  # "She's already asked …": she
    if pronoun.lower() == "it" and documents:
        document = document_just_named(page.text, phrase.start)
        if document:  # "The report itself was blunter. “…,” it stated."
            return page.names.resolve(document)[0], None
    own = (
        OWN_WORDS_FOR.search(page.text, max(0, phrase.start - 80), phrase.start)
        if pronoun.lower() in ("he", "she")
        else None
    )
    if (
        own is not None
        and own.group(1).split()[0].lower() not in NOT_NAMES
        and is_person(own.group(1))
    ):
        return page.names.resolve(own.group(1))[0], None  # "Lockyer spent what she calls"
    if pronoun.lower() in ("he", "she", "it", "they"):
        at = _before_reported_subject(page, phrase.start)
        found = page.antecedents_before(phrase.start).resolve(pronoun, at)
        # no subject in reach: a profile's or an interview's "he says" is its main person's
        return found or page.main_person_as(pronoun), None
    if phrase.text.lower() in ("i", "we", "you"):
        return None, None
    kin = KIN_NAME.match(phrase.text)
    if kin is not None:  # "Her son Tame": the relative, by the name the article gives
        return page.names.resolve(kin["name"])[0], None
    mention, words = phrase.text, phrase.text.split()
    if (
        words == ["Speaker"]
        and page.text[max(0, phrase.start - 4) : phrase.start].lower() == "the "
    ):
        words = ["the", "Speaker"]  # "the Speaker ruled" (the phrase holds no "the")
    if _is_capitalised_title(words):  # "the First Lady": whoever the article gives that title
        holder = _title_holder(page, " ".join(words[1:]), phrase.start)
        pronoun = TITLE_PRONOUNS.get(words[-1].lower())
        if holder is None and pronoun:  # else, for a gendered title, as "she"/"he" would
            holder = page.antecedents_before(phrase.start).resolve(pronoun, phrase.start)
        return holder, None
    if words[0] in SENTENCE_DETERMINERS and len(words) > 1 and words[-1].islower():
        mention = mention[0].lower() + mention[1:]  # "A WeWork spokesperson said …"
    titled = titled_document_owner(words) if documents else None
    if titled:  # a document's words are its owner's (not a "she" for later quotes)
        return page.names.resolve(titled)[0], None
    owner = document_owner(words)
    if owner is not None:  # "the NAO report said": the National Audit Office's words
        if owner in BODY_HEADS:  # "The Department's press release": the one it names
            return _the_named_body(page, owner) or owner, None
        return page.names.resolve(owner)[0], None
    speaker, role = page.names.resolve(mention)
    first = speaker.split()[0]
    if (
        first[0].isupper()
        and first.lower() in LEADING_NON_NAMES
        and not (first.lower() in WEEKDAYS and _titled(page, phrase, first))
    ):
        return None, None
    if " " not in speaker and speaker.endswith("ed") and not is_person(speaker):
        return None, None  # "Buried in the staff report is …": a participle, no speaker
    if words[-1] in TITLES and not is_person(speaker):  # "China’s ambassador"
        holder = _named_holder(page, mention)
        if holder:
            return holder, mention
    if speaker.startswith("State ") and speaker[6:].islower():
        speaker = speaker.lower()  # "the State agency" (Irish usage): a description
    if not speaker.islower():
        return speaker, phrase.role or role
    head = speaker.split()[-1]
    title = head.removesuffix("-elect")  # "the president-elect" holds the president's title
    if len(speaker.split()) == 1 and phrase.text.lower() == f"the {head}" and title in TITLES:
        holder = _title_holder(page, head, phrase.start)
        if holder:
            return holder, None
    definite = phrase.text.lower().startswith("the ")  # "workers said" refers to no group
    if definite and len(speaker.split()) == 1 and head in PERSON_POSTS:
        # "the official said": the unnamed official the article described before
        described = page.antecedents_before(phrase.start).described(head, phrase.start)
        if described:
            return described, None
    owner = speaker.split()[0] if len(speaker.split()) == 2 else ""
    if definite and head in PERSON_POSTS and owner.endswith(("'s", "’s")):
        # "The minister's spokeswoman said" after "a spokeswoman for the federal Emergency
        # Management Minister said": that one, described whole before
        described = page.antecedents_before(phrase.start).described(head, phrase.start)
        if described and owner[:-2].lower() in described.lower().split():
            return described, None
    if definite and len(speaker.split()) == 1 and head in MEMBER_NOUNS:
        # "Hon. Muhammad Bala Yauri said … "…," the lawmaker said": the member just named
        found = page.antecedents_before(phrase.start).resolve(ANY_PERSON, phrase.start)
        if found:
            return found, None
    if definite and len(speaker.split()) == 1 and head in PERSON_NOUN_PRONOUNS:
        # "the actress says": the person the article is about, as "she" would resolve
        return page.antecedents_before(phrase.start).resolve(
            PERSON_NOUN_PRONOUNS[head], phrase.start
        ), None
    if definite and _aged(speaker.split()):
        # "said the 36-year-old", "the 31-year-old nurse told me": the person just written
        # about, of either gender
        found = page.antecedents_before(phrase.start).resolve(ANY_PERSON, phrase.start)
        return found or page.main_person, None
    named = (
        page.orgs.resolve(f"the {speaker}", phrase.start)
        if len(speaker.split()) <= 2 and definite
        else None
    )
    if named:
        return named, None
    if definite and speaker == "court":
        court = _court_named(page.text, phrase.start) or _judge_named(page.text, phrase.start)
        if court:  # ("the court observed in its order" after "Judge S R Deshpande held")
            return court, None
    if head in DOCUMENT_NOUNS and len(words) > 1:  # "the notice", not the verb "you notice"
        if not documents:
            return None, None
        # Spec §2: words quoted from a document are its issuer's; "the report" itself when
        # the article names nobody, or when the phrase brings in a new one ("A report to
        # councillors said": not the report of an earlier sentence).
        owner = DOCUMENT_OWNER.search(page.text, max(0, phrase.end - 80), phrase.end)
        named = owner and _last_body_named(
            page.text, owner["owner"].split()[-1].capitalize(), phrase.start
        )
        if named:  # "the provincial treasury's letter stated": the treasury the article named
            return named, None
        if words[0].lower() in ("a", "an"):  # "A report by the … Regional Assembly warned"
            issuer = issuer_here(page.text, phrase.start)
        else:  # "The report described …" after "a workforce study published by the X"
            author = _document_author(page, head, phrase.start)
            if author:
                return author, None
            issuer = document_issuer(page.text, phrase.start, head)
        return (page.names.resolve(issuer)[0] if issuer else None) or f"the {head}", None
    # "a woman in her seventies", "the woman behind the desk": described by where they are
    described = described_noun(speaker) or described_noun(phrase.text)
    # ("the council's director of finance", "its head of revenues": a post, its remit after "of")
    post = speaker.partition(" of ")[0].split()[-1] if " of " in speaker else head
    headed = post == "head" and " of " in speaker
    agent = is_agent_noun(head) or described is not None or is_agent_noun(post) or headed
    if not agent:
        return None, phrase.role or role
    if head in BENCHES:  # "the bench remarked": the bench the article described, else the
        # court last named ("A division bench remarked" after "… before the Bombay High Court")
        court = _last_body_named(page.text, "Court", phrase.start)
        benched = f"{speaker} of the {court}" if court else speaker
        return _bench_described(page, head, phrase.start) or benched, phrase.role or role
    named = _named_in_next_sentence(page, speaker, phrase.start)
    return named or _body_named(page, speaker, phrase.start), phrase.role or role


# A person described by a post with an article ("what a provincial court judge called …"),
# and the post as a title before a full name ("Judge Margaret Oyelaran handed down …").
DESCRIBED_POST = re.compile(r"an?\s+(?:[\w-]+\s+){0,3}(?P<post>[a-z]+)")
TITLED_NAME = r"\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"


# A copula just before a quotation: the quoted words describe the sentence's subject.
COPULA_BEFORE = re.compile(
    r"\b(?:is|was|are|were|been|be|seemed|seems|felt|feels|looked|looks|remained|remains|"
    r"became|becomes)\s+(?:\w+ly\s+)?$"
)


def _before_reported_subject(page: _Page, position: int) -> int:
    """Where a pronoun after a quotation looks back from: before its sentence when the
    sentence's subject is the one the quotation reports on, with no speech verb ("Hopkins
    was “genuinely ashamed”, he said": not Hopkins), else `position` itself."""
    start = page.sentence_start(position)
    index = bisect_left(page.opens, position)
    if index == 0 or page.opens[index - 1] <= start:
        return position
    opening = page.opens[index - 1]
    if not COPULA_BEFORE.search(page.text, max(start, opening - 30), opening):
        return position  # ("Field let her hair go silver, “in solidarity …,” she joked": hers)
    if CUE.search(page.text, start, opening):
        return position
    subject = _main_subject(page, start, opening)
    if subject is None or not is_person(_speaker_name(page, subject, False)[0] or ""):
        return position
    return start


def _named_in_next_sentence(page: _Page, speaker: str, position: int) -> str | None:
    """ "…, in what a provincial court judge called “…”. Judge Margaret Oyelaran handed down
    the sentence …": a person described by a post is the one the next sentence opens by
    naming with that post as title."""
    described = DESCRIBED_POST.fullmatch(speaker)
    if described is None or not is_agent_noun(described["post"]):
        return None
    after = page.sentence_end(position)
    title = re.compile(r"[\s\"“”]*" + described["post"].capitalize() + TITLED_NAME)
    opening = title.match(page.text, after + 1, page.sentence_end(after + 1))
    return opening["name"] if opening and is_person(opening["name"]) else None


BENCHES = frozenset({"bench", "panel"})
# A body's own document as the speaker: "the provincial treasury's letter".
DOCUMENT_OWNER = re.compile(
    r"\b[Tt]he\s+(?P<owner>(?:[a-z]+\s+){0,3}[a-z]+)['’]s\s+(?:[a-z]+\s+){0,2}[a-z]+$"
)


def _bench_described(page: _Page, noun: str, position: int) -> str | None:
    """ "the bench" → "a two-member bench of the Sindh High Court", as last described."""
    described = re.compile(  # ("… of the Bombay high court", "… comprising Justice X and …")
        rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}}{noun}\s+(?:of|comprising)\s+(?:the\s+)?"
        r"[A-Z][\w’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'-]*)*(?:\s+high\s+court\b)?"
    )
    last = None
    for found in described.finditer(page.text, 0, position):
        last = found.group()
    return last[0].lower() + last[1:] if last else None


# A member of a body the article named before: "a spokesperson for the department".
MEMBER_OF_THE_BODY = re.compile(
    r"(?P<lead>.*\b(?:for|at|of|from|with)\s+)the\s+"
    r"(?P<noun>(?i:department|ministry|agency|bureau|office|council|commission|authority))$"
)


# The same, the body's head before the post: "a department spokesperson".
MEMBER_BY_THE_BODY = re.compile(
    r"(?P<article>an?|the)\s+"
    r"(?P<noun>department|ministry|agency|bureau|office|council|commission|authority)\s+"
    r"(?P<post>spokesperson|spokesman|spokeswoman|official|representative)$",
    re.IGNORECASE,
)


# Capitalised heads a body is referred back to by ("The Department's press release").
BODY_HEADS = frozenset(
    "Department Ministry Commission Authority Council Agency Bureau Board Service".split()
)


def _last_body_named(text: str, noun: str, position: int) -> str | None:
    """The last body named with `noun` as its head before `position`, or None."""
    last = None
    for found in _body_name_pattern(noun).finditer(text, 0, position):
        last = found.group()
    return last


# Not a day's name: "the Peshawar High Court on Tuesday" is no court "on Tuesday".
NO_WEEKDAY = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"


def _body_name_pattern(noun: str) -> re.Pattern:
    """A body's name with `noun` as its head: "Department of Children and Youth Affairs",
    "Waterford City Council"."""
    remit = rf"\s+(?:for|of|on)\s+{NO_WEEKDAY}[A-Z][\w’'-]*(?:(?:,\s+|\s+(?:(?:and|&|of|for|the|on)\s+)*)[A-Z][\w’'-]*)*"
    return re.compile(  # ("Michigan Department of Treasury": the place and the remit both)
        rf"\b{noun}{remit}|\b(?!(?:The|A|An)\s)(?:[A-Z][\w’'-]*\s+){{1,3}}{noun}\b(?:{remit})?"
    )


def _the_named_body(page: _Page, noun: str) -> str | None:
    """The one body with `noun` as its head the article names (before or after), else None."""
    names = {
        found.group()
        for found in _body_name_pattern(noun).finditer(page.text)
        if not found.group().startswith(("The ", "A ", "An "))
    }
    return names.pop() if len(names) == 1 else None


def _body_named(page: _Page, speaker: str, position: int) -> str:
    """ "a spokesperson for the department" (or "a department spokesperson") → "… for the
    Department for Levelling Up, Housing and Communities": the body of that kind the article
    last named before `position`."""
    member = MEMBER_OF_THE_BODY.match(speaker)
    by_the_body = None if member else MEMBER_BY_THE_BODY.fullmatch(speaker)
    if member is None and by_the_body is None:
        return _spokesperson_of_body_just_named(page, speaker, position) or speaker
    noun = (member or by_the_body)["noun"].capitalize()
    last = _last_body_named(page.text, noun, position)
    if last is None:
        return speaker
    if member:
        return f"{member['lead']}the {last}"
    return f"{by_the_body['article']} {by_the_body['post']} for the {last}"


BARE_SPOKESPERSON = re.compile(r"an?\s+(?:spokesperson|spokesman|spokeswoman)", re.IGNORECASE)
# "the Department", "The Ministry": a body referred back to by its head noun alone.
HEAD_NAMED = re.compile(
    r"\b[Tt]he\s+(Department|Ministry|Agency|Bureau|Office|Council|Commission|Authority)\b"
)


def _spokesperson_of_body_just_named(page: _Page, speaker: str, position: int) -> str | None:
    """ "I asked the Department about that this week. A spokesperson said …": a bare
    spokesperson speaks for the one body the sentence before named, by its full name."""
    if not BARE_SPOKESPERSON.fullmatch(speaker):
        return None
    start = page.sentence_start(position)
    before = page.sentence_start(max(0, start - 2))
    heads = {m.group(1) for m in HEAD_NAMED.finditer(page.text, before, start)}
    if len(heads) != 1:
        return None
    last = _last_body_named(page.text, heads.pop(), before)
    return f"{speaker[0].lower()}{speaker[1:]} for the {last}" if last else None


# A court named by what it did: "The Sandiganbayan has convicted …", "the High Court ruled".
JUDGING_SUBJECT = re.compile(
    r"\b[Tt]he\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})\s+(?:has\s+|had\s+|on\s+\w+\s+)?"
    r"(?:convicted|sentenced|acquitted|ruled|dismissed|jailed|found|granted|quashed|upheld)\b"
)


def _court_named(text: str, position: int) -> str | None:
    """The court "the court" means: the last "<Name> Court" before `position`, else the
    first body the article has convict, sentence or rule ("The Sandiganbayan has
    convicted …")."""
    last = _last_body_named(text, "Court", position)
    if last:
        return last
    judged = JUDGING_SUBJECT.search(text, 0, position)
    return judged.group(1) if judged else None


def _titled(page: _Page, phrase: Phrase, first: str) -> bool:
    """Whether an honorific or a title comes right before `first`, the first word of the
    phrase's speaker, in the phrase or just before it: "Hon. Sunday Iruobe-Momoh", "Chief
    Monday Okoro" (a day's name given as a first name)."""
    words = phrase.text.split()
    if first in words[1:]:
        before = words[words.index(first, 1) - 1]
    else:
        before = PREVIOUS_WORD.search(page.text, max(0, phrase.start - 12), phrase.start)
        before = before.group(1) if before and words[:1] == [first] else ""
    before = before.lower().strip(",")
    return before in HONORIFICS or before.rstrip(".") in TITLES


PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


# A judge named by title: "Additional Sessions Judge S R Deshpande", "Justice Meenakshi Oraon".
JUDGE_NAMED = re.compile(
    r"\b(?:Judge|Justice|Magistrate)\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)"
)


def _judge_named(text: str, position: int) -> str | None:
    """The last judge the article names by title before `position`, or None."""
    last = None
    for found in JUDGE_NAMED.finditer(text, 0, position):
        if is_person(found.group(1)):
            last = found.group(1)
    return last


def _aged(words: list[str]) -> bool:
    """An age alone or before a post: "36-year-old", "31-year-old nurse"."""
    if not words or not AGE_NOUN.fullmatch(words[0]):
        return False
    return len(words) == 1 or (len(words) == 2 and is_agent_noun(words[1]))


def _is_capitalised_title(words: list[str]) -> bool:
    """ "the First Lady", "The Prime Minister": "the" and capitalised title words only."""
    return (
        len(words) > 1
        and words[0].lower() == "the"
        and all(w[:1].isupper() and w.lower() in TITLE_WORDS for w in words[1:])
    )


TITLE_WORDS = TITLES | {"first", "lady", "speaker"}  # ("the Speaker ruled": the Speaker named)
# Members of a chamber, named by what they are ("the lawmaker said"): the person just named.
MEMBER_NOUNS = frozenset(
    """lawmaker legislator senator councillor councilor congressman congresswoman
    assemblyman assemblywoman parliamentarian""".split()
)
# Nouns that name a person by what she or he is, with the pronoun that stands for them.
PERSON_NOUN_PRONOUNS = {
    **dict.fromkeys("actress songstress heiress duchess princess queen".split(), "she"),
    **dict.fromkeys("duke prince king".split(), "he"),
}
TITLE_PRONOUNS = {
    **dict.fromkeys("lady queen princess chairwoman spokeswoman".split(), "she"),
    **dict.fromkeys("king prince chairman spokesman lord".split(), "he"),
}


POSSESSIVE_S = re.compile(r"['’‘]s$")


# Titles written before the name of one holding a post: "the judge" is "Justice Henry
# Okwalinga" as much as "Judge Jo Li".
TITLES_OF_POST = {
    "judge": ("judge", "justice", "lady justice", "magistrate", "his honour", "her honour")
}  # ("His Honour Francis Yeboah-Asante": a Ghanaian circuit judge)


# Honorifics between a post and its holder's name: "the Speaker, Rt. Hon. Abiodun Faleye".
HONOURED = r"(?:(?:Rt\.?|Hon\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Alhaji|Chief|Justice)\s+)*"


def _title_holder(page: _Page, title: str, position: int) -> str | None:
    """ "the president", "the First Lady" → the person last named with that title before it
    ("President Donald Trump", "US President Donald Trump"), by their fullest name."""
    written = "|".join(
        r"\s+".join(re.escape(word.capitalize()) for word in form.split())
        for form in TITLES_OF_POST.get(title, (title,))
    )
    pattern = re.compile(
        rf"(?<![Dd]eputy )(?<![Vv]ice )(?<![Aa]cting )\b(?i:{written})"
        rf"(?:,\s+{HONOURED}|\s+)((?:[A-Z][\w’'.-]*[ \t]+){{0,2}}[A-Z][\w’'-]+)"
    )  # ("the Speaker, Rt. Hon. Abiodun Faleye": the name after the honorifics)
    found = None
    for match in pattern.finditer(page.text, 0, position):
        name = POSSESSIVE_S.sub("", match.group(1))  # "President-elect Donald Trump's team"
        if is_person(name) and not page.in_quote(match.start()):
            found = name
    return page.names.resolve(found)[0] if found else None


def _named_holder(page: _Page, role: str) -> str | None:
    """ "China’s ambassador" → the person the article names right after the same words,
    outside quotations ("China’s ambassador to Britain Liu Xiaoming"), by fullest name."""
    for match in re.finditer(re.escape(role) + HOLDER_TAIL, page.text):
        run = match.group(2).split()
        if match.group(1) and len(run) > 2:  # "to Britain Liu Xiaoming": the place comes first
            run = run[-2:]
        name = " ".join(run)
        if len(run) > 1 and is_person(name) and not page.in_quote(match.start()):
            return page.names.resolve(name)[0]
    return None


# A document's issuer named after it: "the order passed by a bench of UP RERA", "the report
# published by the Auditor-General".
ISSUED_BY = re.compile(
    r"\s+(?:passed|issued|released|published|signed|delivered|handed\s+down|written|sent)"
    r"\s+by\s+(?:(?:a|the)\s+(?:division\s+)?(?:bench|panel)\s+of\s+)?"
    r"|\s+of\s+(?=(?:the\s+)?[A-Z])"  # "the 2021 annual report of the Office of …"
)


def _document_author(page: _Page, noun: str, position: int) -> str | None:
    """Who issued "the letter"/"the statement": the subject of an earlier sentence naming it,
    or the body it was issued by ("the order passed by a bench of UP RERA")."""
    named = re.compile(rf"\b{noun}s?\b")
    for match in reversed(list(named.finditer(page.text, 0, position))):
        owner = ISSUER_POSSESSIVE.search(page.text, max(0, match.start() - 80), match.start())
        if (
            owner is not None
            and not page.in_quote(match.start())
            and owner["name"].split()[0].lower() not in NOT_NAMES  # (not "Monday's report")
            and (len(owner["name"].split()) > 1 or owner["name"].isupper())  # (a town's: no)
        ):
            return owner["name"]  # "The Auditor General's report … according to the report"
    limit = page.sentence_start(position)
    for match in reversed(list(named.finditer(page.text, 0, limit))):
        start = page.sentence_start(match.start())
        if page.in_quote(match.start()):
            continue
        issuer = ISSUED_BY.match(page.text, match.end())
        if issuer is not None:
            phrase = phrase_after(page.text, issuer.end(), page.sentence_end(issuer.end()))
            speaker = phrase and _speaker_name(page, phrase, documents=False)[0]
            if speaker:
                return speaker
        if not ISSUED.search(page.text[start : match.start()][-60:]):
            continue
        fronted = FRONTED_SUBJECT.search(page.text, match.end(), page.sentence_end(match.end()))
        if OWN_DOCUMENT.match(page.text, start, match.start()) and fronted is not None:
            # "In its report on …, …, the Auditor-General … gave": the name in full
            return page.names.resolve(fronted["issuer"])[0] or fronted["issuer"]
        cues = list(CUE.finditer(page.text, start, match.start()))
        subject = _subject(page, start, cues[-1]) if cues else None
        if subject is not None and PART_OF.search(page.text, start, subject.start):
            subject = None  # "The Office …, part of the Department of Planning, said": the Office
        # "the spokesman, Mr X, said in a statement": the cue's subject, X; else the sentence's
        speaker = _issuer_named(page, subject, noun) or _issuer_named(
            page, _main_subject(page, start, page.sentence_end(start)), noun
        )
        if speaker:
            return speaker
    return None


# A document's issuer named in the possessive right before it: "the Auditor General's annual
# report".
ISSUER_POSSESSIVE = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<name>[A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*){0,5})['’]s"
    r"(?:\s+[a-z]+){0,2}\s+$"
)


# A sentence opening "In its report …," names the report's issuer as its subject after the
# opening phrase: the first capitalised name after a comma, before a lower-case verb.
OWN_DOCUMENT = re.compile(r"\s*(?:In|in)\s+(?:its|their)\b")
FRONTED_SUBJECT = re.compile(
    rf",\s+(?:the\s+)?(?P<issuer>{ISSUER})(?:\s+\([A-Z]+\))?,?\s+(?!and\b|or\b|of\b)[a-z]+\b"
)


# An appositive placing a body inside another: the body it describes speaks, not its parent.
PART_OF = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?:part|unit|arm|division|branch|wing)\s+of\s+(?:the\s+)?$"
)


def _issuer_named(page: _Page, subject: Phrase | None, noun: str) -> str | None:
    """The speaker a subject names, unless it is the document itself or a pronoun."""
    if subject is None or noun in subject.text.lower().split():
        return None
    if subject.text.lower() in ("he", "she", "it", "they"):
        return None
    return _speaker_name(page, subject, documents=False)[0]


def _annotate_one(
    page: _Page, index: int, span: QuoteSpan, previous: tuple[QuoteSpan, Annotation] | None
) -> Annotation | None:
    text = page.text
    quoted = text[span.start : span.end]
    words = len(quoted.split())
    if not re.search(r"[a-z]", quoted, re.I) or _looks_like_title(quoted):
        return None
    if _is_mention(page, span) or TITLED.search(text, max(0, span.open_at - 16), span.open_at):
        return None  # a word talked about, or a work's title ("an op-ed titled "…"")
    attribution = (
        _attribute(page, index, span)
        or _document_introduced(page, span)
        or _document_read_before(page, span)
    )
    if attribution is not None and attribution.via == "passive":
        return None
    if attribution is None and _full_sentence(quoted):
        attribution = _told_next(page, span)
    if attribution is None and words > SHORT_QUOTE_WORDS:
        attribution = _reported(page, span) or _lead_in_subject(page, span)
    if attribution is None and previous is not None:
        if _coordinated(page, span, previous[0]) or _same_clause(page, span, previous[0]):
            attribution = _same_speaker(span, previous[1])
        elif words > SHORT_QUOTE_WORDS or _full_sentence(quoted):
            attribution = _continuation(page, span, previous)
        if attribution is not None:
            return _build(page, span, attribution, previous[1].fields)
    if attribution is None:
        return None
    speaker, role = _speaker_name(page, attribution.phrase)
    if not speaker:  # ("… and that the gaps in records reflected "…"": the clause's reporter)
        if previous is not None and _same_clause(page, span, previous[0]):
            return _build(page, span, _same_speaker(span, previous[1]), previous[1].fields)
        return None
    if INDEFINITE.match(speaker) and not OF_A_BODY.search(speaker):
        named = _named_next(page, span.close_end, speaker.split()[-1])  # "an expert has
        if named:  # claimed. Royal commentator Lee Cohen …" (not "a spokeswoman for the
            # Department …": described whole)
            speaker, role = named, speaker
    mention = attribution.phrase.text.lower()
    if mention in ("he", "she") and INDEFINITE.match(speaker) and attribution.cue in PRESENT_CUES:
        # a profile's "she says" is its main person's, not the spokeswoman who "said" before
        speaker = page.main_person_as(mention) or speaker
    fields = {
        "speaker": speaker,
        "speaker_mention": attribution.phrase.text,
        "cue": attribution.cue,
    }
    if role:
        fields["speaker_role"] = role
    return _build(page, span, attribution, fields)


INDEFINITE = re.compile(r"(?:a|an|one|another)\s+[a-z]")


OF_A_BODY = re.compile(r"\b(?:for|of|at|from|with)\s+(?:the\s+)?[A-Z]")
PRESENT_CUES = frozenset("says adds explains recalls notes admits insists laughs".split())


def _named_next(page: _Page, position: int, post: str) -> str | None:
    """The person the next sentence opens with, by title and full name ("Royal commentator Lee
    Cohen"): the person an indefinite description ("an expert") was; for a title or a post
    only a person holds ("a police spokeswoman", "one councillor"), only when the name's
    title names the same post (not "Emergency Services Minister Annette Crowley"); after a
    quotation closing its sentence ("with a judge calling the thefts “…”"), for any post."""
    # (from inside the quotation's last mark: one closing its sentence ends it there)
    closing = page.sentence_end(position - 1)
    strict = closing < page.sentence_end(position)
    start = _skip_spaces(page.text, closing + 1)
    if start >= len(page.text) or page.in_quote(start):
        return None
    if page.text.count("\n\n", position, start) > 1:
        return None  # a heading between, skipped as no sentence: its next paragraph is another's
    end = page.sentence_end(start)
    if not page.text[start:end].rstrip().endswith((".", "!", "?", "”", '"', "’")):
        return None  # a heading between paragraphs ("'We Got Her!' Video Shows …"), no sentence
    subject = _main_subject(page, start, end)
    if subject is None or subject.start - start > 60:
        return None
    speaker, role = _speaker_name(page, subject, documents=False)
    if not (speaker and role and len(speaker.split()) >= 2 and is_person(speaker)):
        return None
    held = f"{page.text[start : subject.end]} {role}".lower()  # (its title and its role)
    if (strict or post in PERSON_POSTS or post in TITLES) and not any(
        word in held for word in (post, *SAME_POSTS.get(post, ()))
    ):
        return None
    return speaker  # introduced with a title, as a description's referent is


# Posts written under another title of the same office: "a judge" … "Justice Marion Haczkewicz".
SAME_POSTS = {"judge": ("justice", "magistrate")}


def _build(page: _Page, span: QuoteSpan, attribution: Attribution, fields: dict) -> Annotation:
    confidence = {"after": 0.9, "before": 0.85, "continuation": 0.75}.get(attribution.via, 0.7)
    fields = dict(fields, kind=_kind(page, span))
    if fields.get("speaker") and SPEAKER_ACRONYM.fullmatch(fields["speaker"]):
        fields["speaker"] = _spelled_out(page.text, fields["speaker"])
    speaker = fields.get("speaker") or ""
    member = MEMBER_OF_THE_BODY.fullmatch(speaker)
    head = member["noun"] if member else speaker
    if head in BODY_HEADS_WRITTEN:  # "the Department" the article named in full before
        named = _last_body_named(page.text, head, span.start)
        if named:
            fields["speaker"] = f"{member['lead']}the {named}" if member else named
    return Annotation(
        type="quote",
        start=span.start,
        end=span.end,
        text=page.text[span.start : span.end],
        confidence=confidence,
        fields=fields,
    )


# A body's head noun alone as a speaker ("A letter from the Department … stated"): the body
# of that kind the article last named in full.
BODY_HEADS_WRITTEN = frozenset(
    "Department Ministry Agency Bureau Office Council Commission Authority".split()
)
# An acronym, in capitals or mixed case ("MBPP", "CoB"): two capitals at least.
SPEAKER_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,7}")


def _spelled_out(text: str, acronym: str) -> str:
    """A body speaking by its acronym ("MBPP said"), by the name the article defines it
    with ("the Penang Island City Council (MBPP)"); the acronym when it defines none."""
    defined = re.search(
        r"([A-Z][\w’'&-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'&-]*)+)\s+\("
        + re.escape(acronym)
        + r"\)",
        text,
    )
    return LEADING_THE.sub("", defined.group(1)) if defined else acronym


TITLED = re.compile(r"\b(?:titled|entitled|headlined)\s*$")


def _looks_like_title(quoted: str) -> bool:
    """Short all-capitalised phrases ("Operation Sword", "Made in China") and handles."""
    words = quoted.strip(" ,.").split()
    if len(words) == 1 and re.search(r"[a-z][A-Z]", words[0]):
        return True
    small = {"of", "in", "the", "and", "a", "for", "on", "to"}
    capitalised = [w for w in words if w not in small]
    return 1 < len(words) <= 4 and all(w[0].isupper() for w in capitalised)


def _is_mention(page: _Page, span: QuoteSpan) -> bool:
    """A word talked about, not said: `the term "three amigos"`, `the use of "We."` (one
    capitalised word inside the writer's sentence)."""
    before = page.text[max(0, span.open_at - 40) : span.open_at]
    if MENTION_NOUN.search(before):
        return True
    quoted = page.text[span.start : span.end].strip(" ,.!?")
    if " " in quoted or not quoted[:1].isupper() or quoted == "I":
        return False
    return before.rstrip()[-1:].isalpha() and not CUE.search(before[-12:])


def _coordinated(page: _Page, span: QuoteSpan, previous: QuoteSpan) -> bool:
    """`chanted, "Fund our schools," and "Put kids first"`: joined to the quotation before."""
    return COORDINATION.fullmatch(page.text, previous.close_end, span.open_at) is not None


# A second reported clause after the first quotation: `… "…" but that port lands were "…"`.
ANOTHER_THAT = re.compile(r"[”\"’']?,?\s+(?:but|and)\s+that\s+[^.;!?“”\"]*\Z")


def _same_clause(page: _Page, span: QuoteSpan, previous: QuoteSpan) -> bool:
    """`X warned that the government "will not sit on our hands" if the situation "becomes
    uncontrollable"`: a later quotation in the clause a cue before the first one introduces,
    with no cue between them."""
    start = page.sentence_start(span.open_at)
    if previous.open_at < start:
        return False
    between = CUE.search(page.text, previous.close_end, span.open_at)
    if ANOTHER_THAT.match(page.text, previous.close_end, span.open_at):
        # `told the Chronicle the Authority "…" but that port lands were "…"`, `… and that the
        # gaps reflected "…"` (a verb whose subject names no one)
        if between is None:
            return True
        subject = page.phrase_before(previous.close_end, between.start())
        return subject is None or not _has_capital(subject.text)
    if between is not None:
        return False
    return any(
        not _is_participle(cue)
        and (
            THAT.match(page.text, cue.end())
            or REPORTED_CLAUSE.match(page.text, cue.end())
            or DESCRIBED_AS.match(page.text, cue.end(), previous.open_at + 1)
        )
        for cue in CUE.finditer(page.text, start, previous.open_at)
    )


# `described the decision as "…" at a time when competition was "…"`: a cue whose object's
# description is the first quotation (the words quoted later in its clause are the same
# speaker's).
DESCRIBED_AS = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}?as\s+[\"“]\Z")


# `the sheriff said activists were not engaged in "…" but were acting like "…"`: a cue whose
# reported clause follows without "that" (its verb may open the first quotation: `said the
# agency "does not comment …" but continues to "…"`).
REPORTED_CLAUSE = re.compile(
    r"\s+(?:[a-z]+|[A-Z][a-z]+)\s+(?:[a-z]+\s+)?[\"“]?"
    r"(?:is|are|was|were|had|has|would|will|could|should|does|do|did|can|must)\b"
)


def _kind(page: _Page, span: QuoteSpan) -> str:
    quoted = page.text[span.start : span.end].lstrip("‘'\"“")
    if not quoted or not (quoted[0].isupper() or quoted[0].isdigit()):
        return "partial"
    before = page.text[page.sentence_start(span.open_at) : span.open_at].rstrip()
    if not before or before.endswith((":", ",", ".", "!", "?", "”", '"', "’")):
        return "direct"
    return "partial"


def _attribute(page: _Page, index: int, span: QuoteSpan) -> Attribution | None:
    clause = _clause_speaker(page, span) or _in_owners_words(page, span)
    if clause is not None:
        return clause
    for finder in (_after, _before, _later, _possessive):
        found = finder(page, index, span)
        if found is not None and found.via == "passive":
            return found
        if found is not None:
            if finder is _after and _introduced(page, index, span):
                inner = _before(page, index, span)
                if inner is not None and inner.phrase and _speaker_name(page, inner.phrase)[0]:
                    return inner
            if finder is _before:
                return _prefer_later(page, index, span, found) or found
            return found
    return None


# "in the council's words, "…"", "in her own words: "…"": whose words follow.
OWNERS_WORDS = re.compile(
    r"\b[Ii]n\s+((?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,4}?)['’]s\s+(?:own\s+)?words,?\s*$"
)


def _in_owners_words(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`… bringing, in the council's words, "a welcome boost to the business rates base"`:
    the quotation is the words' owner's."""
    found = OWNERS_WORDS.search(page.text, page.sentence_start(span.open_at), span.open_at)
    if found is None:
        return None
    phrase = Phrase(found.start(1), found.end(1), found.group(1))
    return Attribution(phrase, "in … words", "before")


# Words of a clause that reads out or cites another's words.
READING_WORDS = frozenset("read reads reading quoted quotes quoting cited cites citing".split())
# Where a clause of its own starts inside a sentence, and a colon or a dash that opens a
# quotation.
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while)\s+|;\s+")
INTRODUCING_MARK = re.compile(r"(?::|\s[–—])\s*$")


def _clause_speaker(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`The court ruled against it, and Kereama still winces at the legal bill – "$38,000 …"`:
    a quotation a colon or a dash opens after a clause with no cue whose subject is a person
    is that person's words (not those of a cue in an earlier clause of the sentence)."""
    text = page.text
    begin = page.sentence_start(span.open_at)
    mark = INTRODUCING_MARK.search(text, begin, span.open_at)
    if mark is None:
        return None
    clause_start = begin
    for clause in CLAUSE_BREAK.finditer(text, begin, mark.start()):
        clause_start = clause.end()
    if CUE.search(text, clause_start, mark.start()) is not None:
        return None
    subject = phrase_after(text, clause_start, mark.start())
    if subject is None or subject.start != clause_start or subject.text.isupper():
        return None  # (not a heading's "PATIENCE IS A VIRTUE — …:")
    predicate = text[subject.end : mark.start()].split()
    if not predicate or READING_WORDS.intersection(word.lower() for word in predicate):
        return None  # (a label: "Base: “Fatty” 1.7 mm"; "She read from it in the chamber:"
        # quotes a letter's writer)
    speaker = _speaker_name(page, subject, documents=False)[0]
    if not speaker or " " not in speaker or not is_person(speaker):
        return None  # (a full name: "Once you notice it …:" names no one)
    return Attribution(subject, " ".join(predicate[:4]), "lead-in")


def _prefer_later(
    page: _Page, index: int, span: QuoteSpan, before: Attribution
) -> Attribution | None:
    """A cue after the quotation in its sentence that names the speaker better than the one
    before it: `what it called "…", the Ministry said` (a pronoun naming nobody), `…,
    suggesting that 2023 "…", he said` (a participle), `That Xi announced it signals a "…",
    says Schäpe` (a cue inside a subject clause)."""
    unnamed = _unnamed_pronoun(page, before.phrase)
    clause = SUBJECT_CLAUSE.match(page.text, page.sentence_start(span.open_at)) is not None
    if not (unnamed or clause or before.cue.endswith("ing")):
        return None
    named = _later(page, index, span)
    if named is None:
        return None
    if (unnamed or clause) and named.phrase.text.lower() not in PRONOUN_WORDS:
        return named
    if before.cue.endswith("ing") and _speaker_name(page, named.phrase)[0]:
        return named
    return None


# A sentence opening with a clause as its subject ("That Xi announced the targets signals a
# "…", says Schäpe"): a cue inside that clause reports no words of the sentence.
SUBJECT_CLAUSE = re.compile(r"(?:That|Whether|Why|How)\s")


# Words a court story calls its defendant by, once named: "the accused replied".
DEFENDANT_WORDS = frozenset({"accused", "the accused", "defendant", "the defendant"})
MR_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


def _person_just_named(page: _Page, at: int) -> str | None:
    """The last person named with an honorific earlier in the sentence ending at `at`."""
    names = MR_NAME.findall(page.text, page.sentence_start(at), at)
    return names[-1] if names else None


# A person's own words for what they did, in a clause they are the subject of: "Lockyer spent
# what she calls …", "Ruto described it as he put it …" (the name, then "what"/"as" + pronoun).
# (the name opening its clause: not "cautioned the Management against what he called")
OWN_WORDS_FOR = re.compile(
    r"(?:(?<=[,;.!?\n])\s*|\b(?:and|but|while)\s+)([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+"
    r"(?:[a-z]+\s+){1,4}(?:what|as)\s+$"
)


def _unnamed_pronoun(page: _Page, phrase: Phrase) -> bool:
    """A pronoun that resolves to no name ("it" → nothing, or only "ministry")."""
    if phrase.text.lower() not in PRONOUN_WORDS:
        return False
    speaker = _speaker_name(page, phrase)[0]
    return not speaker or speaker.islower()


def _introduced(page: _Page, index: int, span: QuoteSpan) -> bool:
    """`he said, "…," the office said` / `X said in a statement, "…"`: a cue right before the
    quote (after any earlier quotation in the sentence) names whose words they are."""
    floor = page.sentence_start(span.open_at)
    if index > 0:
        floor = max(floor, page.quotes[index - 1].close_end)
    cues = list(CUE.finditer(page.text, floor, span.open_at))
    return bool(cues) and INTRODUCING.fullmatch(page.text, cues[-1].end(), span.open_at) is not None


def _next_open(page: _Page, index: int, limit: int) -> int:
    following = page.quotes[index + 1].open_at if index + 1 < len(page.quotes) else limit
    return min(following, limit)


def _after(page: _Page, index: int, span: QuoteSpan) -> Attribution | None:
    """`"…," said Gu.` / `"…," he said.` / `"…," Will Moy, chief executive, told the BBC.`"""
    text = page.text
    quoted = text[span.start : span.end].rstrip("’'”\" ")
    lo = span.close_end
    hi = _next_open(page, index, min(page.sentence_end(lo), page.paragraph_end(lo)))
    tail = text[lo:hi]
    if quoted.endswith(".") and not re.match(r"\s*[a-z]", tail):
        return None
    inverted = re.match(r"[\s,]*", tail)
    cue = CUE.match(text, lo + inverted.end())
    if cue is not None and not _is_participle(cue):
        phrase = (
            _according_to(page, cue) if _names_after(cue) else phrase_after(text, cue.end(), hi)
        )
        if phrase is not None:
            return Attribution(phrase, _cue_text(text, cue), "after")
    cue = CUE.search(text, lo, hi)
    # `"…," saying he …` / `"…" at the release, adding …`: a participle's subject comes first.
    if cue is None or cue.start() - lo > 160 or _is_participle(cue):
        return None
    if _names_after(cue) and text.startswith(",", cue.start() - 2):
        # `… "several kilometres" of fencing lost, according to a … statement`: the source
        phrase = _according_to(page, cue)  # named last, for the whole sentence
        return Attribution(phrase, _cue_text(text, cue), "after") if phrase else None
    reported = REPORTED_SPEAKER.match(text, cue.end())
    if reported is not None:  # `"…," she recalls him saying`: the words are his
        pronoun = OBJECT_PRONOUNS[reported.group(1).lower()]
        at = reported.start(1)
        return Attribution(Phrase(at, at + len(reported.group(1)), pronoun), cue.group(), "after")
    phrase = page.phrase_before(lo, cue.start())
    leftover = text[lo : phrase.start].replace(",", " ").split() if phrase else []
    earlier = _before(page, index, span) if leftover and leftover[0] in CONJUNCTIONS else None
    if earlier is not None and earlier.phrase is not None:
        return None  # `X said it was "bold", but critics called it …`: a new clause's subject
    if leftover and leftover[0].lower() in OBJECT_PREPOSITIONS:
        return None  # `waited "far too long" for the market promised in 2019`: no cue's subject
    described = text[lo : phrase.start].strip().endswith(",") if phrase else False
    if phrase is None or (len(leftover) > 1 and not described):
        phrase = _named_before_appositive(text, lo, cue.start())
    return Attribution(phrase, _cue_text(text, cue), "after") if phrase else None


# Words after a quotation that make the next noun an object, never a cue's subject.
OBJECT_PREPOSITIONS = frozenset("for to in on at with from by of about over into than".split())


# A cue's object who is the one speaking: "she recalls him saying", "remembers her telling".
REPORTED_SPEAKER = re.compile(r"\s+(him|her|them)\s+(?:saying|say|telling|tell|asking|ask)\b", re.I)
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _named_before_appositive(text: str, lo: int, hi: int) -> Phrase | None:
    """`"…," Jo Li, an analyst at the Council on Energy, Environment and Water told …`: the
    name right after the quotation, before a comma, speaks however long its appositive."""
    phrase = phrase_after(text, lo, hi)
    if phrase is None or not text.startswith(",", phrase.end):
        return None
    return phrase if all(word[0].isupper() for word in phrase.text.split()) else None


REPORTING_VERBS = frozenset("said says told tells added wrote".split())


def _before(page: _Page, index: int, span: QuoteSpan) -> Attribution | None:
    """`Meng said: "…"` / `Meng called for … as "…"` / `he urged voters, "…"`."""
    start = page.sentence_start(span.open_at)
    floor = start
    if index > 0 and page.quotes[index - 1].close_end > start:
        floor = page.quotes[index - 1].close_end
    cues = list(CUE.finditer(page.text, floor, span.open_at))
    if not cues:
        return _according_before(page, start, floor, index)
    # (an infinitive's cue after a reporting verb's is no attribution: "X told members that
    # officers had written … to ask whether …, and that the answer was “…”" is X's)
    while (
        len(cues) > 1
        and page.text[max(0, cues[-1].start() - 3) : cues[-1].start()] == "to "
        and cues[-2].group().lower() in REPORTING_VERBS
    ):
        cues.pop()
    # (nor is a request with an infinitive after an earlier cue: "saying traders were being
    # asked to bail out a model that was “…”" is the sayer's)
    while (
        len(cues) > 1
        and REQUEST_INFINITIVE.match(page.text, cues[-1].end())
        and PASSIVE.search(page.text, max(floor, cues[-1].start() - 20), cues[-1].start())
    ):
        cues.pop()
    cue = cues[-1]
    if PASSIVE.search(page.text, max(floor, cue.start() - 20), cue.start()):
        # "who is accused of "terrorism"", "should have been called "…"": the subject is
        # not the speaker; the agent after the quotation ("described as "…" by X") or an
        # earlier cue's subject may be, else nobody is named.
        return (
            _passive_agent(page, span, cue)
            or _outer_cue(page, start, floor, cues[:-1], index)
            or Attribution(None, "", "passive")
        )
    framing = _framing_cue(page, cues, span)
    if framing is not None:
        outer = _subject(page, floor, framing)
        if outer is not None and _speaker_name(page, outer)[0]:
            return Attribution(outer, _cue_text(page.text, framing), "before")
    phrase = _cue_subject(page, start, floor, cue, index)
    if phrase is None:
        return None
    if _unnamed_pronoun(page, phrase) or _figures(phrase):
        outer = _outer_cue(page, start, floor, cues[:-1], index)
        if outer is not None:
            return outer
    return _outer_reporter(page, start, phrase, cue) or Attribution(
        phrase, _cue_text(page.text, cue), "before"
    )


# An infinitive after a cue: "(being) asked to bail out", "(were) told to leave" (in the passive,
# a request, no quotation's).
REQUEST_INFINITIVE = re.compile(r"\s+to\s+[a-z]{2,}\b(?!\s+(?:the|a|an|him|her|them|me|us)\b)")


def _according_before(page: _Page, start: int, floor: int, index: int) -> Attribution | None:
    """A later quotation of a sentence that opens "According to X, …" and quotes X before it
    ("… procurement is “at an advanced stage” and the contractor will be on site “before the
    end of this year”"): X's words too."""
    if floor == start:
        return None
    cue = CUE.search(page.text, start, page.quotes[index - 1].open_at)
    if cue is None or not _names_after(cue) or cue.start() != start:
        return None
    phrase = _according_to(page, cue)
    return Attribution(phrase, _cue_text(page.text, cue), "before") if phrase else None


# Things that "show" or "confirm" but never speak: "Gendron said the PBO's figures confirmed
# that Quebec would be owed "…"" (the outer cue's subject speaks).
FIGURES = frozenset("figures data numbers statistics estimates results findings".split())


def _figures(phrase: Phrase) -> bool:
    """Whether a cue's subject is figures or data rather than a speaker."""
    return phrase.text.split()[-1].lower() in FIGURES


DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their)\s+$", re.I)


BY_AGENT = re.compile(r"[\s,]*by\s+")


# Cues whose passive puts the hearer first and the speaker after "by" ("was warned by a
# judge that …"; "were ordered by Putin" is no saying).
ADDRESSED_CUES = frozenset("warned told advised urged cautioned reminded informed".split())


def _passive_agent(page: _Page, span: QuoteSpan, cue: re.Match) -> Attribution | None:
    """`The plan was described as "deeply flawed" by Senator Jane Smith`: the agent of a
    passive cue, named right after the quotation (or right after the cue: "has been warned
    by a judge that he faces jail unless he makes "…""), said it."""
    by = BY_AGENT.match(page.text, span.close_end)
    if by is None and cue.group().lower() in ADDRESSED_CUES:
        by = BY_AGENT.match(page.text, cue.end())  # "has been warned by a judge that …"
    if by is None:
        return None
    phrase = phrase_after(page.text, by.end(), page.sentence_end(by.end()))
    if phrase is None or not _speaker_name(page, phrase)[0]:
        return None
    return Attribution(phrase, _cue_text(page.text, cue), "after")


def _outer_cue(
    page: _Page, start: int, floor: int, cues: list[re.Match], index: int
) -> Attribution | None:
    """`Michelle Obama said the platform he promised — hope — because Americans "…"`: when the
    cue nearest the quotation has a pronoun naming nobody for its subject, the nearest earlier
    cue of the sentence whose subject names a speaker reports it."""
    for cue in reversed(cues):
        if _is_participle(cue) or DETERMINER_BEFORE.search(page.text, floor, cue.start()):
            continue  # ("the observed volume": an adjective, not a verb)
        phrase = _cue_subject(page, start, floor, cue, index)
        if phrase is not None and _speaker_name(page, phrase)[0]:
            return Attribution(phrase, _cue_text(page.text, cue), "before")
    return None


def _framing_cue(page: _Page, cues: list[re.Match], span: QuoteSpan) -> re.Match | None:
    """`he said after the apex court had ruled … that …, there had been "…"`: a speech verb
    followed by a subordinate clause frames the later cue inside that clause; when that cue
    already has its `that` content and the quotation follows in a new clause, the framing
    verb's subject speaks it."""
    between = page.text[cues[-1].end() : span.open_at]
    if not CONTENT_THEN_CLAUSE.search(between):
        return None
    for cue in cues[:-1]:
        if not _is_participle(cue) and SUBORDINATE.match(page.text, cue.end()):
            return cue
    return None


CONTENT_THEN_CLAUSE = re.compile(r"\bthat\b[^,“”\"]*,\s+[a-z]")
SUBORDINATE = re.compile(
    r"\s+(?:that\s+)?(?:after|before|when|since|because|although|though|once|until)\s", re.I
)


# Cues of a body's findings, which a person may report: "Sodeinde added that the committee
# found that … "less than 30 per cent of the work" had been done".
FINDING_CUES = frozenset({"found that", "finds that", "concluded that"})


def _outer_reporter(
    page: _Page, start: int, inner: Phrase, inner_cue: re.Match
) -> Attribution | None:
    """`Pompeo said that after consultation Washington had concluded … "…"`: a one-word subject
    that no fuller name in the article expands is a place standing for a government; the person
    whose `said that` clause holds it is the speaker. So is the person who reports what a body
    named by a common noun found (`Sodeinde added that the committee found that …`)."""
    finding = (
        inner_cue.group().lower() in FINDING_CUES
        and inner.text.islower()
        and inner.text.split()[-1] in ORG_WORDS
    )
    if not finding:
        if " " in inner.text or not inner.text[:1].isupper() or inner.text.lower() in PRONOUN_WORDS:
            return None
        if page.names.resolve(inner.text)[0] != inner.text:
            return None
    for cue in CUE.finditer(page.text, start, inner.start):
        if _is_participle(cue) or not THAT.match(page.text, cue.end()):
            continue
        outer = _subject(page, start, cue)
        speaker = _speaker_name(page, outer)[0] if outer is not None else None
        if speaker and " " in speaker and is_person(speaker):  # a person's full name
            return Attribution(outer, _cue_text(page.text, cue), "before")
    return None


def _cue_subject(page: _Page, start: int, floor: int, cue: re.Match, index: int) -> Phrase | None:
    text = page.text
    if _names_after(cue):
        return _according_to(page, cue)
    issuer = _issuer_before(page, floor, cue)
    if issuer is not None:
        return issuer
    phrase = page.phrase_before(floor, cue.start())
    participle = cue.group().endswith("ing")
    lead = text[floor : cue.start()].rstrip()
    if participle and (phrase is None or lead.endswith(",") or not _is_agent(phrase.text)):
        earlier = _earlier_subject(page, start, floor, cue.start(), index)
        return earlier or _described_subject(page, start) or _main_subject(page, start, cue.start())
    if phrase is None and not participle and not text[floor : cue.start()].strip(" ,"):
        # `"…," says Accomazzo, "and …"`: an inverted cue between two parts names its subject
        # after it
        opening = page.quotes[index].open_at
        after = phrase_after(text, cue.end(), opening)
        if after is not None and text[after.end : opening].strip() in (",", ":"):
            return after
    if phrase is None:
        main = _main_subject(page, start, cue.start())
        if main is None and index > 0 and text[floor : cue.start()].strip() == "and":
            # `X warned the cut would "…" and said some schools could … "…"`: X's second
            # verb, when the sentence gives no subject of its own
            earlier = _before(page, index - 1, page.quotes[index - 1])
            return earlier.phrase if earlier is not None else None
        return main
    return phrase


# A sentence opening with a person or body described in lower-case words, then its verb:
# "The spokesperson pointed the finger at HM Treasury, saying …".
DESCRIBED_SUBJECT = re.compile(
    r"(?:The|A|An)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+(?=[a-z]+(?:ed|s)\b)"
)


def _described_subject(page: _Page, start: int) -> Phrase | None:
    """The subject a participle's sentence opens with when it is a description of someone
    ("The spokesperson pointed the finger at HM Treasury, saying …"), not a name after it."""
    found = DESCRIBED_SUBJECT.match(page.text, start)
    if found is None or not is_agent_noun(found[1]):
        return None
    return Phrase(found.start(), found.end(1), page.text[found.start() : found.end(1)])


def _earlier_subject(page: _Page, start: int, floor: int, limit: int, index: int) -> Phrase | None:
    """For `…, adding "…"`: the subject of an earlier cue in the same sentence."""
    for lo, hi in reversed(_outside_quotes(page, start, limit)):
        cues = [c for c in CUE.finditer(page.text, lo, hi) if not c.group().endswith("ing")]
        if cues:
            reported = REPORTED_SUBJECT.match(page.text, cues[-1].end(), limit)
            participle = page.text[limit : limit + 12].split(" ")[0].lower()
            if (
                reported is not None
                and cues[-1].group().lower() in ("told", "said", "tells", "says")
                and participle in DEED_PARTICIPLES
            ):
                # ("Coe told the court Howlett would cold-call …, claiming …": the reported
                # clause's subject does the participle's speaking)
                return Phrase(reported.start("name"), reported.end("name"), reported["name"])
            return _subject(page, lo, cues[-1])
    return None


# Participles of what a reported clause's subject did by talking ("claiming", "telling
# pensioners …"), not of the reporter going on ("adding", "saying").
DEED_PARTICIPLES = frozenset({"claiming", "telling", "promising", "boasting", "assuring"})
# A reported clause's named subject and its verb after a speech verb: " the court Howlett
# would", " the court Hopkins targeted".
REPORTED_SUBJECT = re.compile(
    r"\s+(?:the\s+(?:court|jury|hearing|tribunal|inquest|magistrates)\s+)?(?:that\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:would|had|was|[a-z]+ed)\b"
)


def _later(page: _Page, index: int, span: QuoteSpan) -> Attribution | None:
    """`The outages have been "terribly disruptive" and …, company CEO Andy Vesey said.`"""
    end = page.sentence_end(span.close_end - 1)
    for lo, hi in _outside_quotes(page, span.close_end, end):
        for cue in CUE.finditer(page.text, lo, hi):
            phrase = _subject(page, lo, cue)
            if phrase is not None:
                return Attribution(phrase, _cue_text(page.text, cue), "later")
    return None


def _possessive(page: _Page, index: int, span: QuoteSpan) -> Attribution | None:
    """`Despite Mr. Trump's Oct. 11 announcement that … a "historic" …`."""
    start = page.sentence_start(span.open_at)
    hits = list(POSSESSIVE_NOUN.finditer(page.text, start, span.open_at))
    if not hits:
        return None
    hit = hits[-1]
    phrase = page.phrase_before(start, hit.start())
    if phrase is None or not _has_capital(phrase.text):
        return None
    return Attribution(phrase, hit.group().split()[-1], "possessive")


# A document named with a determiner before the colon ("one of those statements that needed
# notes:"), not a verb of the same spelling ("once you notice it …:").
DOCUMENT_BEFORE_COLON = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|his|her|their|our|[A-Z][\w’']*['’]s)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?({DOCUMENT_ALTERNATION})s?\b[^.!?]*:\s*$"
)


def _document_introduced(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`… issued a written statement. It's one of those statements that needed notes:"Today
    …"`: a quotation a colon introduces after a document noun is that document's words, its
    issuer's (spec §2)."""
    lo = page.sentence_start(span.open_at)
    found = DOCUMENT_BEFORE_COLON.search(page.text, lo, span.open_at)
    if found is None:
        return None
    noun, at = found.group(1), found.start(1)
    if ISSUED.search(page.text[lo:at][-60:]):  # "the team issued a statement:"
        issuer = _main_subject(page, lo, at)
        if issuer is not None and _speaker_name(page, issuer, documents=False)[0]:
            return Attribution(issuer, ":", "document")
    phrase = Phrase(at, at + len(noun), f"the {noun}")
    return Attribution(phrase, ":", "document")


# A document someone's words come in, then its author: "read a victim impact statement from the
# service's chairperson, Aoife Desmond." (the sentence before a quotation opening a paragraph).
DOCUMENT_FROM = re.compile(
    r"\b(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|letter|email|message|note)"
    r"\s+(?:from|by)\s+"
)


def _document_read_before(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`… read a victim impact statement from the service's chairperson, Aoife Desmond. ¶ "We
    are …"`: a quotation opening its paragraph, after a sentence ending the paragraph before
    with a document and its named author, is that author's."""
    if page.paragraph_start(span.open_at) != span.open_at:
        return None
    bounds = _sentence_before(page, span, (".",))
    if bounds is None:
        return None
    found = DOCUMENT_FROM.search(page.text, *bounds)
    if found is None:
        return None
    named = NAME_CLOSING.search(page.text, found.end(), bounds[1])
    if named is not None:  # ("… from the service's chairperson, Aoife Desmond.")
        author = Phrase(named.start(1), named.end(1), named[1])
    else:
        author = phrase_after(page.text, found.end(), bounds[1])
    if author is None or not is_person(_speaker_name(page, author, False)[0] or ""):
        return None
    return Attribution(author, found.group().split()[-2], "document")  # (its noun: "statement")


# A full name set off at the end of a sentence: ", Aoife Desmond."
NAME_CLOSING = re.compile(r",\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\.?\s*$")


def _sentence_before(page: _Page, span: QuoteSpan, ends: tuple[str, ...]) -> tuple[int, int] | None:
    """The bounds of the sentence before a quotation that opens its own sentence and ends with
    one of `ends`, when that sentence is in the quotation's paragraph or ends the one before
    and quotes no words itself; else None."""
    quoted = page.text[span.start : span.end].rstrip("’'”\" ")
    current = bisect_right(page.breaks, span.open_at)
    if current == 0 or page.starts[current] != span.open_at or not quoted.endswith(ends):
        return None
    lo, hi = page.starts[current - 1], page.breaks[current - 1]
    if page.text.count("\n\n", lo, span.open_at) > 1:
        return None
    if bisect_left(page.opens, hi) != bisect_left(page.opens, lo):  # it quotes words itself
        return None
    return lo, hi


def _reported(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`Erekat said it was only the latest move.` / `…, he said.` then a full-sentence quotation
    with no cue of its own: the words of the one whose speech the sentence before reports."""
    before = _sentence_before(page, span, (".", "?", "!"))
    if before is None or page.in_quote(before[1] - 1):
        return None
    lo, hi = before
    for cue in CUE.finditer(page.text, lo, hi):
        passive = PASSIVE.search(page.text, max(lo, cue.start() - 20), cue.start())
        phrase = None if _is_participle(cue) or passive else _subject(page, lo, cue)
        if phrase is not None:
            return Attribution(phrase, _cue_text(page.text, cue), "reported")
    return None


# The sentence right after a quotation that says whose words they were: "That was how
# Senator Paul Mensah described the plan.", "That is the verdict of Jo Li, …", "That's
# according to the ministry.", "So said the minister." The speaker phrase starts where the
# match ends; the `how` forms need a verb of speech or judgement after it (their cue).
_BE = (
    r"(?:(?:That|This|Those|These|Such)\s+(?:is|was|were|are|had been|has been)|(?:That|This)[’']s)"
)
TOLD_NEXT = re.compile(
    rf"(?:{_BE}\s+(?:(?P<how>how|what)|(?P<according>according\s+to)|(?:the|a|an)\s+(?:[a-z]+\s+)?"
    r"(?P<noun>verdict|view|message|assessment|warning|words?|reaction|response|take|advice"
    r"|conclusion|opinion|argument|promise|plea|prediction|answer|explanation)\s+(?:of|from))"
    r"|So\s+(?P<said>said|says))\s+"
)
HOW_VERBS = re.compile(
    r"\b(?:described|describes|put|puts|summed|sums|characteri[sz]ed|characteri[sz]es|called"
    r"|calls|explained|explains|saw|sees|viewed|views|told|tells|said|says|wrote|writes)\b"
)


def _told_next(page: _Page, span: QuoteSpan) -> Attribution | None:
    """A full-sentence quotation opening its sentence, whose next sentence (in its paragraph
    or opening the next) says whose words they were: `"…" That was how X described it.`"""
    text = page.text
    if text[page.sentence_start(span.open_at) : span.open_at].strip():
        return None
    start = _skip_spaces(text, span.close_end)
    if text.count("\n\n", span.close_end, start) > 1 or page.in_quote(start):
        return None
    told = TOLD_NEXT.match(text, start)
    if told is None:
        return None
    end = page.sentence_end(told.end())
    phrase = phrase_after(text, told.end(), end)
    if phrase is None:
        return None
    if told.group("how"):
        verb = HOW_VERBS.search(text, phrase.end, end)
        return Attribution(phrase, verb.group(), "next") if verb else None
    cue = told.group("according") or told.group("noun") or told.group("said")
    return Attribution(phrase, " ".join(cue.split()), "next")


LEAD_IN_WORDS = 10  # a sentence this short about a person, right before words they said
# What such a sentence says of the person: how they stand or react ("is unconvinced", "was
# blunt", "did not hold back", "shrugged"), not what they did ("would see the suit and sigh").
LEAD_IN_PREDICATE = re.compile(
    r"(?:is|was|are|were|seems|seemed|sounds|sounded|remains|remained|became|becomes"
    r"|(?:is|was|were|are|did|does|do|has|had)(?:\s+not|n[’']t)|agreed|agrees|disagreed|disagrees"
    r"|shrugged|shrugs|smiled|smiles|laughed|laughs|sighed|sighs|nodded|nods|paused|pauses"
    r"|went further|goes further|took a different view|takes a different view)\b"
)


def _lead_in_subject(page: _Page, span: QuoteSpan) -> Attribution | None:
    """`Mary Jones did not hold back. "It is a scandal, and everyone knows it."`: a quotation
    of full sentences opening its sentence, with no cue of its own, after a short sentence
    (in its paragraph or ending the one before, quoting nothing) whose subject is a person
    and whose predicate says how they stand (LEAD_IN_PREDICATE): that person's words; the
    predicate's first words are the cue."""
    text = page.text
    before = _sentence_before(page, span, (".", "!"))
    if before is None:
        return None
    lo, hi = before
    lead_in = text[lo:hi].split()
    if len(lead_in) > LEAD_IN_WORDS or not text[lo:hi].rstrip().endswith((".", ":")):
        return None
    subject = phrase_after(text, lo, hi)
    if subject is None or subject.start != lo:
        return None
    speaker = _speaker_name(page, subject, documents=False)[0]
    if not speaker or " " not in speaker or not is_person(speaker):
        return None
    predicate = text[subject.end : hi]
    if predicate.lstrip().startswith(","):  # "Mary Jones, the mayor, was blunt."
        predicate = predicate.split(",", 2)[-1]
    predicate = predicate.strip(" .:,")
    if not LEAD_IN_PREDICATE.match(predicate):
        return None
    return Attribution(subject, " ".join(predicate.split()[:4]), "lead-in")


def _continuation(
    page: _Page, span: QuoteSpan, previous: tuple[QuoteSpan, Annotation]
) -> Attribution | None:
    """A full-sentence quotation right after an attributed one in the same paragraph, opening
    its sentence or after a colon (`signs such as "Less Money…"` is the writer's)."""
    before, annotation = previous
    quoted = page.text[span.start : span.end].lstrip("‘'")
    lead = page.text[page.sentence_start(span.open_at) : span.open_at].rstrip()
    if not quoted[:1].isupper() or (lead and not lead.endswith(":")):
        return None
    same_paragraph = page.paragraph_start(span.open_at) <= before.open_at
    between = page.text[before.close_end : span.open_at]
    lone_paragraph = page.paragraph_start(span.open_at) == span.open_at and (
        between.count("\n\n") == 1 or _question_between(between)
    )
    if not (same_paragraph or lone_paragraph):
        return None
    return _same_speaker(span, annotation)


def _full_sentence(quoted: str) -> bool:
    """A short quotation that is a whole sentence: "This must stop."."""
    return quoted[:1].isupper() and quoted.rstrip("’'”\" ").endswith((".", "!", "?"))


def _question_between(between: str) -> bool:
    """An interview's answer: the only paragraph between two quotations is a question put to
    the speaker ("Is Starmer a good leader?"), with no quotation of its own."""
    paragraphs = [p.strip() for p in between.split("\n\n")]
    return (
        len(paragraphs) == 3
        and paragraphs[1].endswith("?")
        and not any(mark in paragraphs[1] for mark in '“”"')
    )


def _same_speaker(span: QuoteSpan, annotation: Annotation) -> Attribution:
    mention = annotation.fields["speaker_mention"]
    return Attribution(
        Phrase(span.open_at, span.open_at, mention), annotation.fields["cue"], "continuation"
    )


def _is_participle(cue: re.Match) -> bool:
    return cue.group().endswith("ing")


def _cue_text(text: str, cue: re.Match) -> str:
    follow = AUDIENCE.match(text, cue.end())
    return cue.group() + (follow.group(0) if follow else "")


@hookimpl
def register_annotators(register: Any) -> None:
    """Register the `quotes` annotator."""
    register(QuotesAnnotator())
