"""Aligning predicted events with gold events within one record."""

from __future__ import annotations

import pytest

from eventcoder.evaluate import align
from eventcoder.evaluate.match import content_words, trigger_overlap

from eval_helpers import gold, pred

TEXT = "Russian forces struck Kharkiv overnight and Ukrainian drones hit a refinery in Belgorod."


def test_same_type_pairs_by_trigger_overlap_not_by_order() -> None:
    g = [gold("ASSAULT", "struck"), gold("ASSAULT", "hit")]
    p = [pred(TEXT, "ASSAULT", "hit a refinery"), pred(TEXT, "ASSAULT", "struck Kharkiv")]
    al = align(TEXT, g, p)
    assert al.matched == ((0, 1), (1, 0))
    assert al.confused == al.missed == al.spurious == ()


def test_same_type_without_overlap_still_matches() -> None:
    al = align(TEXT, [gold("ASSAULT", "struck")], [pred(TEXT, "ASSAULT", "drones")])
    assert al.matched == ((0, 0),)


def test_different_type_with_overlap_is_a_confusion_not_a_match() -> None:
    al = align(TEXT, [gold("ASSAULT", "struck")], [pred(TEXT, "COERCE", "struck Kharkiv")])
    assert al.matched == () and al.confused == ((0, 0),)
    assert al.missed == al.spurious == ()


def test_different_type_without_overlap_is_a_miss_and_a_false_alarm() -> None:
    al = align(TEXT, [gold("ASSAULT", "struck")], [pred(TEXT, "COERCE", "refinery")])
    assert al.missed == (0,) and al.spurious == (0,) and al.confused == ()


def test_alignment_is_one_to_one() -> None:
    al = align(TEXT, [gold("ASSAULT", "struck"), gold("ASSAULT", "hit")], [pred(TEXT, "ASSAULT", "hit")])
    assert al.matched == ((1, 0),) and al.missed == (0,)


def test_type_only_match_prefers_the_nearest_trigger() -> None:
    g = [gold("ASSAULT", "struck"), gold("ASSAULT", "hit")]
    al = align(TEXT, g, [pred(TEXT, "ASSAULT", "Belgorod")])
    assert al.matched == ((1, 0),)


@pytest.mark.parametrize(
    ("gold_trigger", "pred_trigger", "overlaps"),
    [
        ("struck", "struck Kharkiv", True),  # span overlap
        ("forces struck", "struck", True),
        ("struck targets", "struck Kharkiv", True),  # a gist trigger not in the text: shared word
        ("strikes on Kharkiv", "Kharkiv", True),
        ("hit", "struck", False),
        ("in the city", "refinery in Belgorod", False),  # function words do not count
    ],
)
def test_trigger_overlap(gold_trigger: str, pred_trigger: str, overlaps: bool) -> None:
    assert (trigger_overlap(TEXT, gold("ASSAULT", gold_trigger), pred(TEXT, "ASSAULT", pred_trigger)) > 0) is overlaps


@pytest.mark.parametrize(
    ("text", "words"),
    [("The talks were held", {"talk", "held"}), ("Meeting in Oslo", {"meet", "oslo"}), ("has said it will", set())],
)
def test_content_words_drop_function_words_and_stem_lightly(text: str, words: set[str]) -> None:
    assert content_words(text) == words
