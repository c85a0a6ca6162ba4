"""Who holds which office: a title before a name ("RBI Governor Asha Rao") or in
apposition after it ("Asha Rao, the director of the institute").

The titles are the office words of `quizcli/data/offices.yaml` and the head words of
`quizcli/data/heads.yaml`; each person's office is read once per article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.model import FactKind
from quizcli.reading.article import Sentence
from quizcli.reading.entities import Mention
from quizcli.reading.gazetteer import gazetteer

if TYPE_CHECKING:
    from quizcli.reading.facts import Reader

_APPOSITIVE_ROLE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?P<phrase>[^,;:\"“”]{3,90}?)"
    r"(?=\s+(?:and|who|which)\s|\s*[,;:]|\s+said\b|\s*\.$|$)"
)
# A title in apposition with no article: "said Asha Rao, WMO Secretary."
# "Asha Rao, Lakes Board Regional Director for the Eastern Hills, said": the capitalised words of a
# title may be joined by "of", "for", "and" or "the" ("Additional Secretary and Mission
# Director of the National Health Mission within …" ends before the lower-case word).
_APPOSITIVE_TITLE = re.compile(
    r"^,\s+(?P<phrase>[A-Z][\w&.’'-]*(?:\s(?:(?:of|for|and|&|on)\s(?:the\s)?)?"
    r"[A-Z][\w&.’'-]*){0,9})(?=\s*[,;.]|\s+[a-z]|$)"
)
# "(The) Union Minister of Lakes, Rivers, and Hill Areas, Asha Rao, said": a
# title, then the name between commas.
_TITLE_THEN_NAME = re.compile(
    r"(?:\b[Tt]he\s|^)(?P<phrase>[A-Z][\w&’'-]*(?:(?:,\s(?:and\s)?|\s(?:of|for|and|&)\s|\s)"
    r"[A-Z][\w&’'-]*){0,10}),\s$"
)
_FIELD_TITLE = re.compile(r"^(?P<title>[A-Z][\w -]{1,40}?):\s+")
_THE = re.compile(r"^the\s+", re.I)
_CASE_NAME = re.compile(r"^\s*(?:\(Retd\.?\)\s*)?vs?\.?\s")

def roles(reader: Reader, sentence: Sentence, found: list[Mention]) -> list[tuple[int, int]]:
    """Adds the roles of the sentence's people; returns where the titles in apposition
    name their office ("Asha Rao, Additional Secretary and Mission Director of …"), which
    no term may take ("Additional Secretary and Mission" is no scheme)."""
    text = sentence.text
    table = gazetteer()
    titled: list[tuple[int, int]] = []
    for mention in found:
        if mention.kind != "person":
            continue
        if _CASE_NAME.match(text[mention.end:]):
            continue  # "Justice K.S. Puttaswamy (Retd.) v. Union of India" names a case
        office, title = None, None
        if mention.office:
            office = mention.office
            title = text[mention.title_start:mention.start].strip()
            title = _THE.sub("", title)
        else:
            apposition = (_APPOSITIVE_ROLE.match(text[mention.end:])
                          or _APPOSITIVE_TITLE.match(text[mention.end:]))
            if apposition and table.office_re.search(apposition.group("phrase")):
                office = title = apposition.group("phrase")
                heads = list(table.office_re.finditer(office))
                start = mention.end + apposition.start("phrase")
                titled.append((start, start + heads[-1].end()))
            before = None if office or text[mention.end:mention.end + 1] != "," else (
                _TITLE_THEN_NAME.search(text, max(0, mention.start - 160), mention.start))
            if before and table.office_re.match(before.group("phrase")):
                office = title = before.group("phrase")
                titled.append(before.span("phrase"))
            field = _FIELD_TITLE.match(text)  # a fact box's "Governor: Asha Rao"
            if field and field.end() == mention.start and table.office_re.fullmatch(
                    field.group("title")):
                office = title = field.group("title")
        if not office:
            continue
        key = (mention.value, office.lower())
        if key in reader.seen_roles:
            continue
        reader.seen_roles.add(key)
        reader.add(sentence, FactKind.ROLE, mention.value, found, office=office, title=title,
                 party=mention.party,
                 named=mention.text if mention.text != mention.value else None)
    return titled
