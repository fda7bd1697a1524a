"""Fetching one URL over HTTP(S) with the standard library: size-capped, timed out, never retried.

Only ever called for URLs the user gave (on the command line, in a list of URLs, or as
the items of a feed they named); nothing is fetched otherwise.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

log = logging.getLogger(__name__)

TIMEOUT = 20.0
USER_AGENT = "eventcoder/0.1 (offline political event coder)"
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched resource: the final URL (after redirects), its media type and its bytes."""

    url: str
    content_type: str  # lower-case media type without parameters, "" when not given
    data: bytes


class FetchError(Exception):
    """A URL could not be fetched; `reason` says why in one line."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT) -> Page:
    """GET `url`; raises `FetchError` for a bad scheme, an HTTP error, a timeout or a body over `max_bytes`."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(url, "only http:// and https:// URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    log.debug("fetching %s", url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            data = _read_capped(response, url, max_bytes)
            headers: Message = response.headers
            media = headers.get_content_type().lower() if headers.get("Content-Type") else ""
            return Page(response.geturl() or url, media, data)
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(url, f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(url, f"timed out after {timeout:g} s") from None
    except OSError as exc:
        raise FetchError(url, f"cannot fetch: {exc.strerror or exc}") from None
    except ValueError as exc:  # a malformed URL
        raise FetchError(url, f"bad URL ({exc})") from None


def _read_capped(response: object, url: str, max_bytes: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"response too large: over {max_bytes} bytes")
        parts.append(chunk)
    return b"".join(parts)
