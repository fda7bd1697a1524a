"""Name normalisation shared by the gazetteer index and toponym lookup.

``normalize_name("Reykjavík") == normalize_name("reykjavik")``: diacritics are
dropped, case is folded, hyphens and slashes become spaces, apostrophes and
full stops disappear ("U.S." → "us", "Ma'alot" → "maalot") and runs of spaces
collapse.  The same function must be used when building and when querying.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th",
        "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
    }
)
_DROP = re.compile(r"[\'’‘`´ʼʻʿʾ.\u00b7]")
_SPACE = re.compile(r"[\s\-‐‑‒–—/_,]+")


def strip_accents(text: str) -> str:
    """Remove diacritics, keeping base letters ("Şuşa" → "Susa")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_name(text: str) -> str:
    """The lookup key of a place name."""
    key = text.lower() if text.isascii() else strip_accents(text).casefold()
    key = _DROP.sub("", key)
    key = _SPACE.sub(" ", key)
    return key.strip()


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in the Latin script (used to filter alternate names)."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in text)
