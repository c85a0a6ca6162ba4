"""A typed name as a person writes it: with a title or without, with initials or the
names they stand for. Compared on answers already normalised (lower case, no
punctuation), so "J.S. Khehar" is "j s khehar"."""

from __future__ import annotations

import functools


@functools.cache
def _titles() -> tuple[tuple[str, ...], ...]:
    """Honorifics and titles of office, as word tuples, longest first: what may stand
    before a name without being part of it ("Justice", "Prime Minister", "Dr")."""
    from quizcli.datafiles import load_data

    words = [*load_data("names.yaml")["honorifics"], *load_data("offices.yaml"), "Justice",
             "Judge"]
    titles = {tuple(w.casefold().replace("-", " ").split()) for w in words}
    return tuple(sorted(titles, key=len, reverse=True))


def without_titles(name: str) -> str:
    """The name with the titles before it taken off: "justice khehar" is "khehar"."""
    tokens = name.split()
    stripped = True
    while stripped:
        stripped = False
        for title in _titles():
            if len(tokens) > len(title) and tuple(tokens[:len(title)]) == title:
                tokens = tokens[len(title):]
                stripped = True
                break
    return " ".join(tokens)


def same_person(typed: str, answer: str) -> bool:
    """Whether a typed name names the answer's person: the same surname, with the given
    names the answer has typed in full, as initials, only the first ones, or not at all
    ("jagdish singh khehar", "jagdish khehar", "khehar" for "j s khehar")."""
    typed_words, answer_words = without_titles(typed).split(), without_titles(answer).split()
    if not typed_words or not answer_words or typed_words[-1] != answer_words[-1]:
        return False
    if len(answer_words[-1]) < 3:
        return False  # an initial or a short word is no surname
    given, known = typed_words[:-1], answer_words[:-1]
    if len(given) > len(known):
        return False
    return all(g == k or (len(k) == 1 and g.startswith(k)) or (len(g) == 1 and k.startswith(g))
               for g, k in zip(given, known[:len(given)], strict=True))
