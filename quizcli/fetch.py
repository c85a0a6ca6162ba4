"""The only network access quizcli makes: fetching a page whose address the user gave.

The page is kept as it was fetched, so that the bank built from it can be rebuilt
offline from its `sources/`.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizcli.errors import QuizcliError

TIMEOUT = 20.0
"""Seconds to wait for a server before giving up."""
MAX_BYTES = 50_000_000
"""No article page or PDF is larger; a larger answer is not one."""
_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
             "text/plain": ".txt", "text/markdown": ".md"}


class FetchError(QuizcliError):
    """A page that could not be fetched; the message says why, in one line."""

    exit_code = 2


def is_url(text: str) -> bool:
    return re.match(r"(?i)https?://[^\s/$.?#][^\s]*$", text) is not None


def fetch(url: str, folder: Path, timeout: float = TIMEOUT) -> Path:
    """Fetch `url` into a file in `folder`, named after it, and return the file."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={
        "User-Agent": "quizcli (+https://pypi.org/project/quizcli/)",
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
            kind = (response.headers.get_content_type() or "").lower()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}; "
                         "check the address") from None
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise FetchError(f"{url}: cannot be fetched ({reason}); check the address and "
                         "that you are online, or save the page and ingest the file") from None
    except (TimeoutError, OSError) as exc:
        raise FetchError(f"{url}: cannot be fetched ({exc}); save the page and ingest the "
                         "file") from None
    if len(data) > MAX_BYTES:
        raise FetchError(f"{url}: is larger than {MAX_BYTES // 1_000_000} MB; not an article")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(url, _SUFFIXES.get(kind, ""))
    path.write_bytes(data)
    return path


def file_name(url: str, suffix: str = "") -> str:
    """A file name for a fetched page: its host and path, made safe; 'https://example.org/
    news/a-story.html' → 'example.org-news-a-story.html'."""
    bare = re.sub(r"(?i)^https?://(?:www\.)?", "", url).split("?")[0].split("#")[0]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", bare).strip("-.")[:100] or "page"
    known = re.search(r"\.(?:html?|pdf|txt|md)$", stem, flags=re.I)
    if known:
        return stem
    return stem + (suffix or ".html")
