"""Reading event gold files: both forms into one typed form, detected per record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.errors import DataFileError
from eventcoder.evaluate import GoldEntity, GoldPlace, parse_gold_record, read_gold
from eventcoder.evaluate.gold import EVENTCODER, PLOVER

OWN = {
    "id": "t-1",
    "published": "2024-05-06",
    "text": "Chilean police detained a union leader in Valparaiso on Sunday, the union said.",
    "events": [
        {
            "event_type": "COERCE", "mode": "arrest", "context": ["repression"], "trigger": "detained",
            "actor": [{"text": "Chilean police", "country": "CHL", "sector": "COP"}],
            "recipient": [{"text": "a union leader", "country": "CHL", "sector": "LAB"}],
            "date": "2024-05-05", "date_precision": "day", "date_text": "on Sunday",
            "event_loc": {"text": "Valparaiso", "country": "CHL"},
            "factuality": "reported", "attribution": "the union",
        }
    ],
}
PLOVER_RECORD = {
    "id": "p-1",
    "text": "Peru recalled its ambassador from Bolivia.",
    "published": None,
    "gold": {
        "event_type": "SANCTION", "original_label": "SANCTION", "mode": "", "context": ["diplomatic"],
        "actor": [{"text": "Peru", "country": "PER", "sector": ""}],
        "recipient": [{"text": "Bolivia", "country": "", "sector": ""}],
        "trigger_text": "recalled ambassador", "markup": "", "event_loc": {"name": "Bolivia"},
    },
}


def test_own_form_keeps_every_labelled_field() -> None:
    r = parse_gold_record(OWN)
    assert r.form == EVENTCODER and r.id == "t-1" and r.published == "2024-05-06"
    (e,) = r.events
    assert (e.event_type, e.mode, e.trigger, e.factuality) == ("COERCE", "arrest", "detained", "reported")
    assert e.actor == (GoldEntity("Chilean police", "CHL", "COP"),)
    assert e.date == "2024-05-05" and e.date_precision == "day"
    assert e.event_loc == GoldPlace("Valparaiso", "CHL", True)
    assert e.attribution == "the union" and e.attribution_labelled


def test_own_form_sea_has_a_labelled_null_country() -> None:
    rec = json.loads(json.dumps(OWN))
    rec["events"][0]["event_loc"] = {"text": "Red Sea", "country": None}
    assert parse_gold_record(rec).events[0].event_loc == GoldPlace("Red Sea", None, True)


def test_own_form_empty_events_is_a_no_event_record() -> None:
    r = parse_gold_record({"id": "n", "text": "Rain is expected.", "published": "2024-01-01", "events": []})
    assert r.events == () and r.form == EVENTCODER


def test_plover_form_blank_codes_become_none_and_unlabelled_fields_stay_unscored() -> None:
    r = parse_gold_record(PLOVER_RECORD)
    assert r.form == PLOVER and r.published is None
    (e,) = r.events
    assert e.mode is None
    assert e.trigger == "recalled ambassador"
    assert e.actor == (GoldEntity("Peru", "PER", None),)
    assert e.recipient == (GoldEntity("Bolivia", None, None),)
    assert e.factuality is None and e.date is None and not e.attribution_labelled
    assert e.event_loc == GoldPlace("Bolivia", None, False)


def test_read_gold_detects_the_form_per_record(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(OWN) + "\n\n" + json.dumps(PLOVER_RECORD) + "\n", encoding="utf-8")
    assert [r.form for r in read_gold(path)] == [EVENTCODER, PLOVER]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"id": "x", "text": "Some text."}), "neither 'gold'"),
        (json.dumps({**OWN, "events": [{**OWN["events"][0], "event_type": "FIGHT"}]}), "unknown event_type"),
        (json.dumps({**OWN, "events": [{**OWN["events"][0], "factuality": "likely"}]}), "unknown factuality"),
        (json.dumps({**OWN, "text": ""}), "non-empty"),
        (json.dumps({**OWN, "events": [{**OWN["events"][0], "actor": ["Chile"]}]}), "not a gold record"),
    ],
)
def test_bad_record_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(OWN) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as info:
        read_gold(path)
    assert info.value.line == 2


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps(OWN) + "\n" + json.dumps(OWN) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate id"):
        read_gold(path)


@pytest.mark.parametrize("legacy,iso", [("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("USA", "USA"), ("IGO", "IGO")])
def test_legacy_plover_country_codes_are_read_as_iso(legacy, iso):
    record = {
        "id": "p-legacy", "text": "Tokyo halted aid to the junta.", "published": None,
        "gold": {"event_type": "SANCTION", "actor": [{"text": "Tokyo", "country": legacy, "sector": ""}], "recipient": []},
    }
    (event,) = parse_gold_record(record).events
    assert event.actor[0].country == iso
