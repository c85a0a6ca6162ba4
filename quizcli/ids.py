"""Ids and names made from content: the same content gives the same id on every run and
every machine. One digest (SHA-1) makes them all, so the ids already in bank files, the
review store and exported decks stay byte for byte what they were."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def digest(content: str | bytes, length: int | None = None) -> str:
    """The SHA-1 of `content` (text as UTF-8) in hex; its first `length` digits if given."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return _sha1()(data).hexdigest()[:length]


@functools.cache
def _sha1() -> Callable[[bytes], Any]:
    import hashlib  # loads OpenSSL: only what makes an id pays for it, and once

    return hashlib.sha1


def joined_id(prefix: str, *parts: str, length: int = 10) -> str:
    """`prefix` and the digest of `parts` joined by U+001F (which no text part holds): the
    shape of a fact's id ("f-") and a question's ("q-")."""
    return prefix + digest("\x1f".join(parts), length)


def digest_number(content: str | bytes, digits: int) -> int:
    """The first `digits` hex digits of the digest as a number, below 16 ** `digits`: a
    note's or a deck's number, a seed."""
    return int(digest(content, digits), 16)
