"""The record contract end to end: fields, spans that quote the text, stable ids, dates of
the event itself, batches with bad articles, and the bundled example readout."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder import Article, ArticleFailure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "readout-georgia-osce.txt"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "readout-azerbaijan-coe.txt"

RECORD_KEYS = [
    "id", "event_type", "mode", "context", "cameo", "quad_class", "goldstein", "actor", "recipient",
    "date", "date_precision", "date_text", "date_span", "event_loc", "trigger", "sentence",
    "factuality", "attribution", "confidence", "evidence", "article",
]
ENTITY_KEYS = ["entity_text", "span", "name", "country", "sector", "office", "identifier_id"]


@pytest.fixture(scope="module")
def example_events(coder):
    text = EXAMPLE.read_text(encoding="utf-8")
    return text, coder.code(text, published="2024-03-15", id="readout-georgia-osce.txt", source="example")


def test_record_has_exactly_the_design_fields(example_events):
    _, events = example_events
    assert events
    for event in events:
        record = event.to_dict()
        assert list(record) == RECORD_KEYS
        for entity in record["actor"] + record["recipient"]:
            assert list(entity) == ENTITY_KEYS
        assert record["article"] == {"id": "readout-georgia-osce.txt", "source": "example", "url": None, "published": "2024-03-15"}
        assert record["factuality"] in ("asserted", "negated", "hypothetical", "future", "reported", "denied")
        assert record["quad_class"] in (1, 2, 3, 4)
        assert 0 <= record["confidence"] <= 1
        assert record["evidence"].startswith("pattern:")


def test_every_span_quotes_the_clean_text(example_events, coder):
    text, events = example_events
    clean = events[0].article.text
    for event in events:
        quoted = [(event.trigger.text, event.trigger.span), (event.sentence.text, event.sentence.span)]
        quoted += [(e.entity_text, e.span) for e in event.actor + event.recipient]
        if event.date_span:
            quoted.append((event.date_text, event.date_span))
        if event.event_loc:
            quoted.append((event.event_loc.entity_text, event.event_loc.span))
        if event.attribution:
            quoted.append((event.attribution.cue, event.attribution.cue_span))
            if event.attribution.speaker:
                quoted.append((event.attribution.speaker.entity_text, event.attribution.speaker.span))
        for quote, (start, end) in quoted:
            assert clean[start:end] == quote


def test_ids_are_stable_and_unique(example_events, coder):
    text, events = example_events
    again = coder.code(text, published="2024-03-15", id="readout-georgia-osce.txt", source="example")
    assert [e.id for e in again] == [e.id for e in events]
    assert len({e.id for e in events}) == len(events)
    other = coder.code(text, published="2024-03-15", id="another-article")
    assert not {e.id for e in other} & {e.id for e in events}


def test_example_readout_is_coded_as_an_analyst_would(example_events):
    _, events = example_events
    by_trigger = {e.trigger.text: e for e in events}
    talks = by_trigger["held talks"]
    assert talks.event_type == "CONSULT" and talks.date == "2024-03-12"
    assert (talks.actor[0].name, talks.actor[0].country, talks.actor[0].office) == ("Ilia Darchiashvili", "GEO", "Foreign Minister")
    assert talks.recipient[0].country == "IGO"
    assert talks.event_loc is not None and talks.event_loc.name == "Tbilisi"
    detained = [e for e in events if e.event_type == "COERCE" and e.factuality == "denied"]
    assert detained and detained[0].attribution.speaker.country == "RUS"
    # "She will visit Yerevan next week": an announced visit is an intent to meet (PLOVER AGREE).
    assert any(e.event_type == "AGREE" and e.factuality == "future" and "intent:CONSULT" in e.evidence for e in events)


@pytest.mark.parametrize(
    "text,published,date,precision",
    [
        ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida on Friday.", "2023-11-04", "2023-11-03", "day"),
        ("The summit of NATO leaders held in Vilnius on July 11 of 2023 approved new defence plans.", "2023-11-04", "2023-07-11", "day"),
        ("Azerbaijani troops attacked Armenian positions in September of 2023.", "2023-11-04", "2023-09", "month"),
    ],
)
def test_event_date_is_the_events_own_date(coder, text, published, date, precision):
    events = coder.code(text, published=published)
    assert events
    assert (events[0].date, events[0].date_precision) == (date, precision)


def test_batch_passes_failures_through_and_codes_the_rest(coder):
    items = [
        Article(id="good", text="Police arrested dozens of opposition activists in Minsk.", published="2024-03-15"),
        Article(id="empty", text="   \n  "),
        ArticleFailure("broken.jsonl:3", "not JSON"),
        Article(id="good-2", text="Japan sent humanitarian aid to Pakistan after the floods."),
    ]
    results = list(coder.code_many(items))
    coded = {r[0].id: r[1] for r in results if not isinstance(r, ArticleFailure)}
    failed = {r.article_id: r.reason for r in results if isinstance(r, ArticleFailure)}
    assert set(coded) == {"good", "good-2"}
    assert coded["good"][0].event_type == "COERCE"
    assert coded["good-2"][0].event_type == "AID"
    assert set(failed) == {"empty", "broken.jsonl:3"}
    assert "empty" in failed["empty"]


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared is not present")
def test_shared_readout_example(coder):
    text = SHARED_EXAMPLE.read_text(encoding="utf-8")
    events = coder.code(text, published="2023-11-04")
    consult = [e for e in events if e.event_type == "CONSULT"]
    meeting = consult[0]
    assert meeting.date == "2023-11-03"
    assert (meeting.actor[0].name, meeting.actor[0].country, meeting.actor[0].sector, meeting.actor[0].office) == (
        "Jeyhun Bayramov", "AZE", "GOV", "Foreign Minister")
    assert meeting.recipient[0].country == "IGO" and meeting.recipient[0].office == "Secretary General"
    assert any(e.trigger.text == "discussed" for e in consult)
    coop = [e for e in events if e.event_type == "COOPERATE" and e.attribution and e.attribution.speaker.name == "Jeyhun Bayramov"]
    assert coop
    summit = [e for e in consult if e.event_loc and e.event_loc.country == "ISL"]
    assert summit and summit[0].date == "2023-05-17"
    assert any(e.date == "2023-09" and e.date_precision == "month" and e.event_loc and e.event_loc.country == "AZE" for e in events)
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].actor[0].country == "ARM" and accuse[0].recipient[0].country == "AZE"
    assert accuse[0].factuality == "reported"
    assert not [e for e in events if e.event_type == "ASSAULT" and e.factuality == "asserted"]
