"""Exact and near-duplicate articles: normalised-text hashes, MinHash signatures, LSH buckets.

*Exact duplicates* have the same sha256 of their normalised text (`normalise_for_hash`:
clean text, case-folded, whitespace runs collapsed).  *Near duplicates* (wire copy
republished with small edits) are found with MinHash over word 5-shingles
(`SHINGLE_WORDS`, `NUM_PERM` permutations, datasketch) and locality-sensitive hashing:
the signature is cut into bands (datasketch's optimal split for `THRESHOLD`), each band
hashed to a 64-bit bucket; articles sharing a bucket are candidates, and a candidate is
a near duplicate when the estimated Jaccard similarity of the two shingle sets is at
least `THRESHOLD`.  Buckets and signatures are plain values, so a store can keep them in
tables and find candidates with an indexed look-up instead of an in-memory index.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from .clean import clean_text

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.8
SEED = 1

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """The text two copies of one article share: clean, case-folded, single-spaced."""
    return _SPACES.sub(" ", clean_text(text).casefold()).strip()


def text_sha256(text: str) -> str:
    """Hex sha256 of the normalised text (the identity of an article without a URL)."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word `size`-grams of the normalised text (the whole text when it is shorter)."""
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store keeps per article to find its duplicates later."""

    sha256: str
    signature: bytes  # MinHash hash values as little-endian uint32
    buckets: tuple[int, ...]  # one signed 64-bit LSH bucket per band


@cache
def _bands() -> tuple[tuple[int, int], ...]:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return tuple(lsh.hashranges)


def fingerprint(text: str) -> Fingerprint:
    """sha256, MinHash signature and LSH buckets of one article's text."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles(text)))
    values = minhash.hashvalues.astype("<u4")
    buckets = []
    for band, (start, end) in enumerate(_bands()):
        digest = hashlib.sha256(band.to_bytes(2, "little") + values[start:end].tobytes()).digest()
        buckets.append(int.from_bytes(digest[:8], "little", signed=True))
    return Fingerprint(text_sha256(text), values.tobytes(), tuple(buckets))


def similarity(signature_a: bytes, signature_b: bytes) -> float:
    """Estimated Jaccard similarity of two articles from their MinHash signatures."""
    a = np.frombuffer(signature_a, dtype="<u4")
    b = np.frombuffer(signature_b, dtype="<u4")
    if a.shape != b.shape or not a.size:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def is_near_duplicate(signature_a: bytes, signature_b: bytes) -> bool:
    return similarity(signature_a, signature_b) >= THRESHOLD
