"""Article fingerprints: exact hashes of normalised text, MinHash similarity, shared LSH buckets."""

from __future__ import annotations

import pytest

from eventcoder.ingest.dedup import THRESHOLD, fingerprint, is_near_duplicate, shingles, similarity, text_sha256

STORY = (
    "The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fishing quotas, salmon "
    "exports and the protection of coastal waters. Norway's minister said the talks had been useful and "
    "that officials would meet again in Santiago before the end of the year. Chile's delegation also "
    "visited a research station in Tromso, where scientists study the effects of warmer seas on fish stocks "
    "along the northern coast. Both governments promised to publish a joint statement next week."
)


def test_the_hash_ignores_case_spacing_and_line_breaks() -> None:
    assert text_sha256(STORY) == text_sha256("  " + STORY.upper().replace(". ", ".\r\n\r\n") + "\n")
    assert text_sha256(STORY) != text_sha256(STORY.replace("Monday", "Tuesday"))


@pytest.mark.parametrize(
    "edited",
    [
        "OSLO (Wire) - " + STORY,
        STORY.replace("had been useful", "had been very useful"),
        STORY + " Reporting by the Nordic desk.",
    ],
)
def test_a_lightly_edited_copy_is_a_near_duplicate_sharing_a_bucket(edited: str) -> None:
    a, b = fingerprint(STORY), fingerprint(edited)
    assert is_near_duplicate(a.signature, b.signature)
    assert set(a.buckets) & set(b.buckets)


def test_a_different_story_on_the_same_subject_is_not() -> None:
    other = (
        "Chile and Norway signed a fisheries agreement in Santiago on Friday after months of negotiations "
        "over quotas. The agreement covers salmon farming, research and the exchange of data on fish stocks."
    )
    score = similarity(fingerprint(STORY).signature, fingerprint(other).signature)
    assert score < THRESHOLD / 2
    assert not set(fingerprint(STORY).buckets) & set(fingerprint(other).buckets)


def test_fingerprints_are_deterministic_across_calls() -> None:
    assert fingerprint(STORY) == fingerprint(STORY)


def test_short_texts_are_one_shingle() -> None:
    assert shingles("Talks held.") == {b"talks held"}
    assert len(shingles(STORY)) > 50
