"""Who said what and who stands where: quotes with their speakers, and positions with
the party or person that holds them.

A speaker is the subject just before a verb of speech ("said", "told", "ruled that"),
past any apposition, or the name just after it; a position is a verb of stance
("insists", "rejects", "welcomed") after its subject. A pronoun counts only where the
reader can tell whom it stands for. The verbs come from `quizcli/data/verbs.yaml`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from quizcli.datafiles import load_data
from quizcli.model import FactKind
from quizcli.reading.article import Sentence
from quizcli.reading.dates import MONTHS
from quizcli.reading.entities import Mention
from quizcli.reading.titles import may_name_an_office
from quizcli.reading.wordsearch import by_first_character

if TYPE_CHECKING:
    from quizcli.reading.facts import Reader

_QUOTE = re.compile(r"“([^”]{1,2000})”|\"([^\"]{1,2000})\"")


def _verbs() -> dict:
    return load_data("verbs.yaml")


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


# Grouped by their first letter, so that a word's first letter picks the few verbs to try.
_SPEECH = re.compile(r"\b" + by_first_character(
    [(w[0], w[1:] + r"(?= that\b)") for w in _longest_first(_verbs()["ruling"])]
    + [(w[0], w[1:]) for w in _longest_first(_verbs()["speech"])]) + r"\b")
_POSITION = re.compile(r"\b" + by_first_character(
    [(w[0], w[1:]) for w in _longest_first(_verbs()["position"])]) + r"\b")
# What may stand between a subject and its verb: "Mr. Kim too reinforced".
_SUBJECT_GAP = re.compile(
    r"^\s*(?:\([A-Z]{2,10}\))?\s*(?:,\s*(?:which|who)\s+)?"
    r"(?:(?:has|have|had|is|was|will|would|also|too|further|now|still|strongly|"
    r"repeatedly|reportedly|firmly|been|only|again|clearly|openly|once|today|yesterday|"
    r"earlier|on\s+\w+day|in a statement|last week|this week)\s+)*$"
)
# A relative clause between a subject and its verb: "The Philippines, which faces ..., welcomed".
_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,\s*$")
# A clause that is no subject: an apposition ("a fellow at ..."), a relative clause, or a
# participle ("writing for himself and Justice Rao").
_APPOSITIVE = re.compile(r"^\s*(?:(?:a|an|the|who|whose|which)\b\s*[a-z]|[a-z]+ing\b)")
# A verb in a clause that opens with one of these ends its stance at the first comma.
_SUBORDINATE = re.compile(r"^\s*(?:Although|Though|While|As|Since|If|When|Because)\s+(?:the\s+)?$")

_THE = re.compile(r"^the\s+", re.I)
_DEMONYM_END = re.compile(r"(?:i|ese|an|ian|ish|ic)$")

_BY_SOMEONE_UNNAMED = re.compile(r"\s+(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?[a-z]+")
_SUBJECT_RANK = {"person": 0, "office": 1, "party": 2, "pronoun": 3}


def quote_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the quotations of a sentence stand, and what each says."""
    if "“" not in text and '"' not in text:
        return []
    return [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _QUOTE.finditer(text)]


def _inside(spans: list[tuple[int, int, str]], position: int) -> bool:
    return any(start < position < end for start, end, _ in spans)


def speaker_name(mention: Mention) -> str:
    """How a question names the speaker: 'White House' as written, a person in full."""
    if mention.kind == "party" and mention.text.lower() not in ("it", "they"):
        written = _THE.sub("", mention.text)
        if " " not in written and _DEMONYM_END.search(written):
            return mention.value  # "the Omani host" said it: the party, not its adjective
        return written
    return mention.value


def speaker_before(reader: Reader, text: str, verb: int, found: list[Mention],
                   quotes: list[tuple[int, int, str]], *, said_before: int = 0
                   ) -> Mention | None:
    """Who is doing the saying: the subject just before the verb, past any apposition
    and past the verb of speech before it, which ends at `said_before`."""
    start = max([end for _, end, _ in quotes if end <= verb] + [0, said_before])
    bounds = [start] + [i + 1 for i in range(start, verb) if text[i] in ",;"] + [verb]
    for seg_start, seg_end in reversed(list(zip(bounds, bounds[1:], strict=False))):
        segment = text[seg_start:seg_end]
        if not segment.strip() or (_APPOSITIVE.match(segment) and seg_start != start):
            continue
        inside = [m for m in found if seg_start <= m.start and m.end <= seg_end]
        if not inside:
            return None
        best = min(inside, key=lambda m: (_SUBJECT_RANK[m.kind], -m.start))
        if best.kind == "party" and _modifies_a_noun(text[best.end:seg_end]):
            return None  # "the Berlin wine merchant said": the merchant, not Berlin
        return reader.resolve(best)
    return None


_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?!(?:on|in|at|for|to|with|by|from|of|also|too|then|now|today|yesterday|"
    r"earlier|later|again|still|once|has|have|had|is|was|were|are|will|would|could|should|"
    r"may|might|must|can|and|or|but|who|which|that|itself|alone|however|first)\b)"
    r"(?![a-z]+ly\b)[a-z]+\b")
"""A word after a party that makes the party its adjective: not a preposition, an adverb
or a verb ("the Court on Thursday unanimously held")."""


def _modifies_a_noun(gap: str) -> bool:
    """Whether the words between a party and the verb make it the adjective of someone
    who is not its voice: "wine merchant", "universities are" (but "foreign ministry
    spokesperson" speaks for it)."""
    return _NOUN_AFTER.match(gap) is not None and not (
        _VOICE.search(gap) or may_name_an_office(gap))


_VOICE = re.compile(r"\b(?:government|administration|ministry|ministries|department|embassy|"
                    r"army|navy|military|forces|officials?|authorities|police|spokes\w+|"
                    r"cabinet|parliament|leaders?|leadership|delegation|envoy|mission|office|"
                    r"regime|side|team|camp|negotiators?|diplomats?|sources|hosts?|chair|"
                    r"presidency|president|premier|king|queen|prince)\b")
"""Who speaks for a party: "the Indian government said", "Nepalese officials said"."""


def quotes(reader: Reader, sentence: Sentence, found: list[Mention],
           quotes: list[tuple[int, int, str]]) -> list[Mention]:
    text = sentence.text
    speakers = []
    verbs = list(_SPEECH.finditer(text))
    for index, verb in enumerate(verbs):
        if _inside(quotes, verb.start()) or _BY_SOMEONE_UNNAMED.match(text, verb.end()) and (
                text[:verb.start()].rstrip().endswith((",", ",”", ",\"", "”"))):
            continue  # "…, says a report": whoever says it is not named
        speaker = speaker_before(reader, text, verb.start(), found, quotes,
                                 said_before=verbs[index - 1].end() if index else 0)
        if speaker is None:  # "said Ravi Menon"; "said he had …" is what he said
            after = [m for m in found if m.start >= verb.end() and m.kind != "pronoun" and
                     text[verb.end():m.start].strip() in ("", "by")]
            speaker = reader.resolve(after[0]) if after else None
        if speaker is None:
            continue
        holders = {person for person, office in reader.seen_roles
                   if speaker.kind == "office" and office == speaker.value.lower()}
        if len(holders) == 1:  # "the Union Health Minister said": the one the story names
            speaker = speaker._replace(kind="person", value=holders.pop())
        following = verbs[index + 1] if index + 1 < len(verbs) else None
        limit = len(text)
        if following:  # a later attribution ends this clause: '..." Menon said'
            limit = max([end for _, end, _ in quotes if end <= following.start()] + [0])
            limit = limit if limit > verb.end() else len(text)
        said = what_was_said(text[:limit], verb, speaker, quotes)
        if not said:
            continue
        speakers.append(speaker)
        reader.add(sentence, FactKind.QUOTE, speaker_name(speaker), found, quote=said,
                 verb=verb.group(), speaker=speaker.text, party=speaker.party
                 if speaker.kind != "party" else speaker.value)
    if not verbs and _WHOLLY_QUOTED.fullmatch(text):  # the words of whoever spoke before
        speaker = reader.resolve(Mention(0, 0, "pronoun", "he", "he"))
        if speaker is not None and len(text.split()) >= 6:
            speakers.append(speaker)
            reader.add(sentence, FactKind.QUOTE, speaker_name(speaker), found,
                       quote=text.strip("\"“” "), verb="said", speaker=speaker.text,
                       party=speaker.party)
    return speakers


_WHOLLY_QUOTED = re.compile(r"[\"“][^\"“”]+[\"”]")
"""A sentence that is only a quotation: "Asha Rao welcomed the plan. “We will …”"."""


_WHEN_SAID = re.compile(r"\s*,?\s*(?:as|while|when|after|before|because|since|if|though|"
                         r"although|during|upon|amid|whereas|until)\s")
_OBJECT_PRONOUN = re.compile(
    r"(?:this|that|it|these|those|them)\s+(?!(?:morning|afternoon|evening|night|week|"
    r"weekend|month|year|is|was|were|are|will|would|had|has|have|"
    r"could|should|may|might|must|can|did|does|do|remains?|needs?|marks?|means?|shows?)\b)"
    r"(?![a-z]+(?:ed|s)\b)")
"""A pronoun the verb acts on, not the subject of what was said: "announced this ahead
of …" (but "said it was …", "said this marks …")."""
_ADVERBIAL_THAT = re.compile(
    r"\s*(?:(?:on|in|at|after|during|before)\s(?:[\w’'-]+\s){1,10}?"
    r"|(?:[a-z]+ly|backstage|later|earlier|today|yesterday|again|also|separately)\s)"
    r",?\s*that\s+(?P<c>.+)")
"""Where or when the words were said, before the 'that' they follow: "said backstage
that …", "said in an interview on Sunday that …"."""
_BEFORE_SPEAKER = re.compile(r"[,”\"]\s*(?:\bthe\s*)?(?:[A-Z][\w-]*\.?\s+){0,2}$")
"""Where someone's words end before their name: a comma or a closing quotation mark,
then perhaps "the", an honorific or a place ("…, Sikkim Forest Minister Ravi Menon")."""


@functools.cache
def _honorific() -> re.Pattern[str]:
    """What may stand between a quotation and its speaker's name: '…," Mr Menon said';
    the honorifics of `quizcli/data/names.yaml`."""
    return re.compile(r"^(?:" + "|".join(load_data("names.yaml")["honorifics"]) + r")\.?$")
_ADVERBIAL_COMMA = re.compile(
    r"\s*(?:on|in|at|after|during|before)\s(?:[\w’'-]+\s){1,8}?[\w’'-]+,\s+(?P<c>[A-Z].+)")
"""When the words were said, before a comma and their own subject: "said on the eve of
Lake Day 2024, Sikkim has …"."""


_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|can|could|has|have|had|must|should|"
                     r"may|might|shall|do|does|did|\w+ed|\w+n[’']t)\b", re.I)
"""A word that makes words a clause: without one they are a headline's fragment."""
_ADDED_NAME = re.compile(r"\s+(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]*\s*(?:\b(?:in|to|as|on|at|from|"
                         r"into)\b|[,.;]|$)")
"""A name and a preposition after "added": what was added to something ("added South
Africa in 2010"), not the subject of words said."""


def what_was_said(text: str, verb: re.Match[str], speaker: Mention,
                  quotes: list[tuple[int, int, str]]) -> str | None:
    long_quotes = [q for q in quotes if len(q[2].split()) >= 4]
    named_at = speaker.title_start if speaker.title_start is not None else speaker.start
    for start, end, quote in long_quotes:
        if end <= min(named_at, verb.start()) and (
            not _honorific().sub("", text[end:named_at].strip(" ,"))
            or not text[end:verb.start()].strip(" ,")
        ):
            return quote.strip(" ,")
        if start >= verb.end() and not text[verb.end():start].strip(" ,:;"):
            return quote.strip(" ,")
    rest = text[verb.end():]
    if verb.group() in ("added", "adds") and _ADDED_NAME.match(rest):
        return None  # "added Bhutan in 2010": a member added, not words said
    if _WHEN_SAID.match(rest):
        return None  # "said as he poured a glass": when it was said, not what
    if verb.group() in ("told", "tells"):  # "told the House that ...": past the listener
        listener = re.match(r"\s*(?:the\s+)?[\w’' ]{1,40}?\s+that\s+", rest)
        if not listener:
            return None
        rest = rest[listener.end():]
    clause = _ADVERBIAL_THAT.match(rest) or _ADVERBIAL_COMMA.match(rest) or re.match(
        r"\s*(?:on \w+\s+|in a statement\s+)?(?:that\s+)?(?P<c>.+)", rest)
    if clause and _OBJECT_PRONOUN.match(clause.group("c")):
        return None  # "announced this ahead of the session": what was announced is elsewhere
    if clause and len(clause.group("c").split()) >= 4 and not clause.group("c").startswith(","):
        return _without_end(clause.group("c"))  # not "said, adding …": the words before it
    before = text[:min(named_at, verb.start())]
    lead = _BEFORE_SPEAKER.search(before, max(0, len(before) - 60))
    if not lead:
        return None  # "… for the North Eastern states.": a noun, no one's words before it
    before = re.sub(r"[\s,]*$", "", before[:lead.start() + 1])
    if len(before.split()) >= 4 and not _inside(quotes, speaker.start) and _FINITE.search(before):
        return before  # not a headline's "A fine start to the census, the minister says"
    return None


def _without_end(clause: str) -> str:
    """The clause without the spaces, commas and full stops it ends with, but with the
    closing quotation mark after them: 'it will rise ."' → 'it will rise"'. Walked back
    from the end: a pattern anchored at the end would be tried at every character."""
    end = len(clause.rstrip())
    quote = clause[end - 1] if end and clause[end - 1] in "\"”" else ""
    end -= len(quote)
    while end and (clause[end - 1] in ",." or clause[end - 1].isspace()):
        end -= 1
    return clause[:end] + quote


_BARE_VERB = re.compile(r"\w+\s+to\s+(?:do|be|go|act|say|happen)\b(.*)$")
_FILLERS = frozenset("it so that this just now then again last next year month week too "
                     "also either any more yet before earlier already ago".split())


def _says_nothing(stance: str) -> bool:
    """Whether a stance names nothing it is taken on: "refused to do just last October"."""
    bare = _BARE_VERB.match(stance)
    return bare is not None and all(
        word.lower() in _FILLERS or word in MONTHS or word.isdigit()
        for word in re.findall(r"[\w’']+", bare.group(1)))


def positions(reader: Reader, sentence: Sentence, found: list[Mention],
              quotes: list[tuple[int, int, str]]) -> list[Mention]:
    text = sentence.text
    subjects = []
    for verb in _POSITION.finditer(text):
        if _inside(quotes, verb.start()):
            continue
        head_end = verb.start()
        relative = _RELATIVE.search(text, 0, head_end)
        if relative:
            head_end = relative.start()
        before = [m for m in found if m.end <= head_end
                  and _SUBJECT_GAP.match(text[m.end:head_end])]
        if not before:
            continue
        subject = reader.resolve(before[-1])
        if subject is None:
            continue
        party = subject.value if subject.kind == "party" else subject.party
        holder = subject.value if subject.kind != "party" else None
        stance = text[verb.start():].rstrip(" .")
        if _SUBORDINATE.search(text[:before[-1].start]):
            stance = stance.split(",")[0]
        if len(stance.split()) < 3 or _says_nothing(stance):
            continue
        subjects.append(subject)
        reader.add(sentence, FactKind.POSITION, party or subject.value, found, stance=stance,
                 verb=verb.group(), holder=holder)
    return subjects
