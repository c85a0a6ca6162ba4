"""A species' status on the IUCN Red List: "IUCN STATUS: Critically Endangered", "listed
as Vulnerable on the IUCN Red List". The status is a fact an exam asks of the species."""

from __future__ import annotations

import functools
import re

from quizcli.datafiles import load_data


@functools.lru_cache(maxsize=1)
def categories() -> tuple[str, ...]:
    """The Red List's categories, from extinct to of least concern (`data/statuses.yaml`)."""
    return tuple(load_data("statuses.yaml")["iucn"])


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(categories(), key=len, reverse=True)  # "Critically Endangered" first
    return re.compile(r"(?i)(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    return tuple(load_data("statuses.yaml")["cues"])


def red_list_status(sentence: str) -> str | None:
    """The Red List category a sentence gives, as the IUCN writes it, where the sentence
    says it is the Red List's ('IUCN STATUS: Critically Endangered'): 'the state's most
    critically endangered bird' gives none."""
    lowered = sentence.casefold()
    if not any(cue in lowered for cue in _cues()):
        return None
    match = _pattern().search(sentence)
    if match is None:
        return None
    return next(n for n in categories() if n.casefold() == match.group(1).casefold())
