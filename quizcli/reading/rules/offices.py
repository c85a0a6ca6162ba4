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
_APPOSITIVE_TITLE = re.compile(
    r"^,\s+(?P<phrase>(?:[A-Z][\w&.’'-]*\s){0,4}[A-Z][\w’'-]*)(?=\s*[,;.]|\s+(?:and|said)\b|$)"
)
_FIELD_TITLE = re.compile(r"^(?P<title>[A-Z][\w -]{1,40}?):\s+")
_THE = re.compile(r"^the\s+", re.I)
_CASE_NAME = re.compile(r"^\s*(?:\(Retd\.?\)\s*)?vs?\.?\s")

def roles(reader: Reader, sentence: Sentence, found: list[Mention]) -> None:
    text = sentence.text
    table = gazetteer()
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
