"""Saved web pages: the article's main text, without the page around it.

The text comes from trafilatura, the reference main-text extractor, which leaves out
navigation, cookie notices, related articles, comments and share widgets. The page's
own metadata comes first for the title, date, publisher and author: its schema.org
`NewsArticle` record, then its `<meta>` tags, then a date in its `<title>` ("… | DW |
10.06.2013"); only then what trafilatura guesses. A page that hides its text from the
extractor but carries it as the record's `articleBody` (a paywalled page) is read from
the record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace

from quizcli.reading.article import Article, ArticleError, read_article
from quizcli.reading.dates import find_dates

SHORT_BODY = 150
"""Fewer words than this is no article body: a caption, or a paywall's teaser."""

_ARTICLE_TYPES = re.compile(r"(?:News|Opinion|Report|Analysis|Review|Blog)?(?:Article|Posting)$")


@dataclass
class PageFacts:
    """What a page says of itself."""

    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    body: str | None = None


def read(data: bytes, name: str, date: dt.date | None = None) -> list[Article]:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency of quizcli
        raise ArticleError(f"{name}: reading a web page needs trafilatura; "
                           "pip install trafilatura") from None
    html = _decode(data)
    page = page_facts(html)
    text = trafilatura.extract(html, output_format="markdown", include_comments=False,
                               include_tables=False, include_images=False,
                               include_links=False) or ""
    text = _without_trailer(text)
    if len(text.split()) < SHORT_BODY and page.body and (
            len(page.body.split()) > len(text.split())):
        text = page.body
    if page.title is None or page.date is None or page.publisher is None:
        guessed = trafilatura.extract_metadata(html)
        if guessed is not None:
            page.title = page.title or _without_site(guessed.title, guessed.sitename)
            page.date = page.date or _iso_day(guessed.date)
            page.publisher = page.publisher or guessed.sitename
            page.author = page.author or guessed.author
    heading = f"# {page.title}\n\n" if page.title else ""
    article = read_article(heading + text, name, date or page.date)
    if not article.sentences:
        raise ArticleError(f"{name}: no article text found in the page; save the article's "
                           "own page, or copy its text into a .txt file")
    return [replace(article, title=page.title or article.title,
                    publisher=page.publisher or article.publisher,
                    author=page.author, url=page.url, format="html",
                    extractor=f"trafilatura {trafilatura.__version__}")]


_TRAILER = re.compile(
    r"^[*_\s]*(?:More information|Journal information|Journal reference|Citation|References?"
    r"|Explore further|Provided by|Our Standards|(?:Additional )?[Rr]eporting by"
    r"|Editing by|Writing by|Compiled by)[*_\s]*[:\s]", re.M)
"""Where a page's article ends and its references, credits and standards begin."""
_JOURNAL_LINE = re.compile(
    r"^[A-Z][A-Za-z .&]{2,60} \**\d{1,4}\**, \d+[-–]\d+ \(\d{4}\)\s*$", re.M)
"""A journal's citation of the article itself: 'Nature 574, 16-17 (2019)'."""


def _without_trailer(text: str) -> str:
    """The text without the references, credits and citation a page puts after it."""
    trailer = _TRAILER.search(text)
    if trailer and len(text[:trailer.start()].split()) >= SHORT_BODY // 2:
        text = text[:trailer.start()]
    return _JOURNAL_LINE.sub("", text).rstrip()


def _decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", errors="ignore")
    declared = re.search(r"""<meta[^>]+charset=["']?([\w-]+)""", head, flags=re.I)
    for encoding in (declared.group(1) if declared else None, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("utf-8", errors="replace")


def page_facts(html: str) -> PageFacts:
    """The title, date, publisher, author, address and body a page states of itself."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return PageFacts()
    page = PageFacts()
    for record in _records(tree):
        page.title = page.title or _text(record.get("headline"))
        page.date = page.date or _iso_day(_text(record.get("datePublished")))
        page.publisher = page.publisher or _name(record.get("publisher"))
        page.author = page.author or _name(record.get("author"))
        page.url = page.url or _text(record.get("url") or record.get("mainEntityOfPage"))
        body = _text(record.get("articleBody"))
        if body and len(body) > len(page.body or ""):
            page.body = body
    meta = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or
               "").lower()
        if key and element.get("content") and key not in meta:
            meta[key] = element.get("content").strip()
    page.title = page.title or _without_site(meta.get("og:title"), meta.get("og:site_name"))
    if page.title and page.title.endswith(("...", "…")):  # a record's headline cut short
        whole = [t for t in (_without_site(tree.findtext(".//title"), page.publisher),
                             meta.get("title"), meta.get("twitter:title"))
                 if t and t.startswith(page.title.rstrip(".… ")[:40])]
        page.title = max(whole, key=len) if whole else page.title.rstrip(".… ")
    page.date = page.date or next(
        (d for d in (_iso_day(meta.get(k)) for k in (
            "article:published_time", "datepublished", "dc.date", "date", "pubdate",
            "publish-date", "og:article:published_time")) if d), None)
    page.publisher = page.publisher or meta.get("og:site_name")
    page.author = page.author or meta.get("author")
    page.url = page.url or meta.get("og:url")
    canonical = next((link.get("href") for link in tree.iter("link")
                      if (link.get("rel") or "").lower() == "canonical"), None)
    if canonical and not (page.url or "").startswith("http"):
        page.url = canonical
    if page.date is None:
        title = tree.findtext(".//title") or ""
        found = [d for d in find_dates(title) if d.precision == "day"]
        page.date = dt.date.fromisoformat(found[-1].iso) if found else None
    return page


def _records(tree) -> list[dict]:
    """The page's schema.org records of an article, from its JSON-LD."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack += item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
                found.append(item)
    return found


def _text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _name(value) -> str | None:
    if isinstance(value, list):
        names = [_name(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _iso_day(value: str | None) -> dt.date | None:
    found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not found:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _without_site(title: str | None, site: str | None) -> str | None:
    """A page title without the site's name and sections after it: "Uncork the mystery
    | Culture | DW | 10.06.2013" → "Uncork the mystery"."""
    if not title:
        return None
    parts = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", title)
    if len(parts) > 1 and (site is None or any(
            site.casefold() in p.casefold() or p.casefold() in site.casefold()
            for p in parts[1:]) or len(parts) > 2):
        return parts[0].strip()
    return title.strip()
