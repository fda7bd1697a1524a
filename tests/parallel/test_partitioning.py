"""Cutting the input stream into partitions: by count, by size, lazily, failures kept in place."""

from __future__ import annotations

import itertools

import pytest

from eventcoder.parallel import partitions
from eventcoder.types import Article, ArticleFailure


def arts(n: int, chars: int = 10) -> list[Article]:
    return [Article(id=f"a{i}", text="x" * chars) for i in range(n)]


@pytest.mark.parametrize(("n", "size", "expected"), [(0, 3, []), (5, 5, [5]), (7, 3, [3, 3, 1]), (3, 1, [1, 1, 1])])
def test_partitions_hold_at_most_size_items(n: int, size: int, expected: list[int]) -> None:
    parts = list(partitions(arts(n), size=size))
    assert [len(p.items) for p in parts] == expected
    assert [p.index for p in parts] == list(range(len(expected)))
    assert [a for p in parts for a in p.items] == arts(n)


def test_a_partition_closes_before_it_would_exceed_the_text_budget() -> None:
    parts = list(partitions(arts(5, chars=40), size=100, max_chars=100))
    assert [len(p.items) for p in parts] == [2, 2, 1]


def test_an_article_larger_than_the_budget_gets_a_partition_of_its_own() -> None:
    items = [*arts(1), Article(id="big", text="x" * 500), *arts(1)]
    assert [[i.id for i in p.items] for p in partitions(items, max_chars=100)] == [["a0"], ["big"], ["a0"]]


def test_read_failures_stay_in_place_and_are_named_by_ids() -> None:
    items = [Article(id="a", text="t"), ArticleFailure("f.jsonl:2", "not valid JSON", "/x/f.jsonl:2")]
    (part,) = partitions(items)
    assert part.items == tuple(items)
    assert part.ids() == (("a", None), ("f.jsonl:2", "/x/f.jsonl:2"))


def test_partitioning_is_lazy() -> None:
    endless = (Article(id=str(i), text="t") for i in itertools.count())
    first, second = itertools.islice(partitions(endless, size=4), 2)
    assert [i.id for i in second.items] == ["4", "5", "6", "7"]


def test_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(partitions(arts(1), size=0))


@pytest.mark.parametrize(
    ("n", "size", "tail", "expected"),
    [
        (20, 8, 1, [8, 8, 2, 2]),  # the last partition's 4 articles become two of 2
        (20, 8, 2, [8, 2, 2, 2, 2, 2, 2]),
        (6, 8, 2, [2, 2, 2]),  # an input shorter than the tail is all cut finer
        (20, 8, 0, [8, 8, 4]),
    ],
)
def test_the_last_partitions_are_cut_finer_so_workers_finish_together(
    n: int, size: int, tail: int, expected: list[int]
) -> None:
    parts = list(partitions(arts(n), size=size, tail=tail))
    assert [len(p.items) for p in parts] == expected
    assert [p.index for p in parts] == list(range(len(expected)))
    assert [a for p in parts for a in p.items] == arts(n)


def test_the_fine_tail_also_divides_the_text_budget() -> None:
    parts = list(partitions(arts(8, chars=40), size=100, max_chars=160, tail=1))
    assert [len(p.items) for p in parts] == [4, 1, 1, 1, 1]


def test_reading_ahead_for_the_tail_stays_lazy() -> None:
    endless = (Article(id=str(i), text="t") for i in itertools.count())
    first, second = itertools.islice(partitions(endless, size=4, tail=3), 2)
    assert [i.id for i in second.items] == ["4", "5", "6", "7"]
