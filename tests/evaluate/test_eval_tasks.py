"""The places and dates tasks: readers and scoring on hand-built predictions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventcoder.errors import DataFileError
from eventcoder.evaluate import read_dates, read_places, score_dates, score_places
from eventcoder.evaluate.tasks import UNRESOLVED_KM, haversine_km
from eventcoder.types import DateExpr, Place

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((0.0, 0.0), (0.0, 1.0), 111.2), ((51.5, -0.13), (48.86, 2.35), 343.0), ((10.0, 20.0), (10.0, 20.0), 0.0)],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.0)


def test_place_scores() -> None:
    (rec,) = read_places(FIXTURES / "mini-places.jsonl")
    nairobi, mombasa, kenya, _uganda = rec.toponyms
    preds = [
        Place("Nairobi", nairobi.span, lat=-1.29, lon=36.82),  # found, close
        Place("Mombasa", (mombasa.span[0], mombasa.span[1] + 1), lat=-4.05 + 3.0, lon=39.66),  # ~333 km off
        Place("Kenya", kenya.span, geonameid=kenya.geonameid),  # found, unresolved, the right id
        Place("roads", (17, 22), lat=0.0, lon=0.0),  # no gold there
    ]
    s = score_places([(rec, preds)]).to_dict(with_errors=True)
    assert (s["gold_toponyms"], s["predicted"], s["found"], s["precision"]) == (4, 4, 0.75, 0.75)
    assert s["scored_for_distance"] == 3 and s["within_161km"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["within_161km_or_same_geonameid"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["mean_error_km"] == pytest.approx((haversine_km(-1.29, 36.82, nairobi.lat, nairobi.lon) + 333.6
                                                + UNRESOLVED_KM) / 3, abs=0.5)
    assert sorted(e["kind"] for e in s["errors"]) == ["false_alarm", "far", "far", "miss"]


def test_date_scores() -> None:
    (rec,) = read_dates(FIXTURES / "mini-dates.jsonl")
    tuesday, april, weeks = rec.timexes
    preds = [
        DateExpr("on Tuesday", (tuesday.span[0] - 3, tuesday.span[1]), "2024-03-12", "day"),  # found, exact
        DateExpr("April", (april.span[0] + 2, april.span[0] + 7), "2024-04", "month"),  # found, wrong value
        DateExpr("three weeks", weeks.span, None, None),  # a DURATION: counts for precision only
        DateExpr("council", (4, 11), "2024", "year"),  # spurious
    ]
    s = score_dates([(rec, preds)]).to_dict(with_errors=True)
    assert (s["gold_dates"], s["found"], s["found_exact_value"], s["exact_among_found"]) == (2, 1.0, 0.5, 0.5)
    assert s["precision"] == 0.75
    assert sorted(e["kind"] for e in s["errors"]) == ["false_alarm", "wrong_value"]


@pytest.mark.parametrize(
    ("reader", "record", "reason"),
    [
        (read_places, {"id": "a", "text": "x"}, "needs 'id', 'text' and 'toponyms'"),
        (read_places, {"id": "a", "text": "Oslo", "toponyms": [{"span": [3, 1], "text": "O"}]}, "bad span"),
        (read_dates, {"id": "a", "text": "x", "timexes": [{"span": [0, 1], "text": "x"}]}, "bad timex"),
    ],
)
def test_bad_task_gold_names_the_line(
    tmp_path: Path, reader: Callable[[Path], list], record: dict, reason: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as info:
        reader(path)
    assert info.value.line == 1
