"""Surface forms of actor names: the folded matching key, case-sensitive acronyms, and date bounds of dated rows."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "'": None, "’": None, "‘": None, "`": None,
    "´": None, "ʼ": None, "ʻ": None, "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ",
})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}")
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise(text: str) -> str:
    """Case-, diacritic-, apostrophe-, hyphen- and whitespace-insensitive key for a surface form."""
    if text.isascii():
        if "'" in text or "-" in text or "`" in text:
            text = text.translate(_FOLD)
    else:
        text = text.translate(_FOLD)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def case_sensitive(form: str) -> bool:
    """True for short all-capital acronyms ("US", "AU", "NATO", "G20"): they match only in capitals."""
    return _ACRONYM.fullmatch(form) is not None


def bounds(value: str | None, low: bool) -> str | None:
    """'2018' -> '2018-01-01' (low) or '2018-12-31' (high); '2018-05' -> '2018-05-01'/'2018-05-31'.

    ``value`` must already be a valid date string (checked when files are read).
    """
    if not value:
        return None
    if len(value) == 10:
        return value
    if len(value) == 7:
        return value + ("-01" if low else "-31")
    return value + ("-01-01" if low else "-12-31")


def valid_date(value: str) -> bool:
    m = DATE_RE.fullmatch(value)
    if m is None:
        return False
    _, month, day = m.groups()
    return (month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31)
