"""The metric arithmetic, pinned on hand-built predictions (no Coder)."""

from __future__ import annotations

import pytest
from eval_helpers import gold, place, pred, record

from eventcoder.evaluate import EventScores, PredPlace, headline, score_events, top_event
from eventcoder.evaluate.gold import PLOVER

T1 = "Russian missiles struck Kharkiv on Monday and Ukrainian artillery shelled Belgorod, officials said."
T2 = "Brazil and Argentina signed a trade pact."
T3 = "Arsenal attacked relentlessly in the second half."
T4 = "Shares could fall sharply if rates rise, analysts warned."
T5 = "Heavy rain is forecast for the weekend."
T6 = "Thousands marched through Lima."


@pytest.fixture(scope="module")
def scores() -> EventScores:
    items = [
        (
            record(
                "r1", T1,
                gold("ASSAULT", "struck", (("Russian", "RUS", None),), (("Kharkiv", "UKR", None),),
                     mode="heavy-weapons", factuality="reported", attribution="officials", date="2024-05-06",
                     event_loc=place("Kharkiv", "UKR")),
                gold("ASSAULT", "shelled", (("Ukrainian artillery", "UKR", "MIL"),), (("Belgorod", "RUS", None),),
                     mode="heavy-weapons", factuality="reported", attribution="officials"),
            ),
            [
                pred(T1, "ASSAULT", "shelled", (("Ukrainian artillery", "UKR", "MIL"),), (("Belgorod", "RUS", None),),
                     mode="heavy-weapons", factuality="reported", attribution="officials"),
                pred(T1, "ASSAULT", "struck Kharkiv", (("Russian", "RUS", None),), (), mode="heavy-weapons",
                     factuality="asserted", date="2024-05-06",
                     event_loc=PredPlace("Kharkiv", "Kharkiv", "UKR")),
            ],
        ),
        (
            record("r2", T2, gold("AGREE", "signed", (("Brazil", "BRA", None), ("Argentina", "ARG", None)))),
            [pred(T2, "COOPERATE", "signed a trade pact")],
        ),
        (record("r3", T3), [pred(T3, "ASSAULT", "attacked", (("Arsenal", "GBR", None),))]),
        (record("r4", T4), [pred(T4, "THREATEN", "warned", factuality="hypothetical")]),
        (record("r5", T5), []),
        (record("r6", T6, gold("PROTEST", "marched", (("Thousands", "PER", "CVL"),))), []),
    ]
    return score_events(items)


def test_per_type_precision_recall_f1(scores: EventScores) -> None:
    a = scores.per_type["ASSAULT"]
    assert (a.tp, a.fp, a.fn) == (2, 1, 0)
    assert a.precision == pytest.approx(2 / 3) and a.recall == 1.0 and a.f1 == pytest.approx(0.8)
    agree = scores.per_type["AGREE"]
    assert (agree.tp, agree.fp, agree.fn, agree.precision, agree.recall, agree.f1) == (0, 0, 1, None, 0.0, 0.0)
    assert set(scores.per_type) == {"AGREE", "COOPERATE", "PROTEST", "THREATEN", "ASSAULT"}


def test_micro_and_macro(scores: EventScores) -> None:
    m = scores.micro
    assert (m.tp, m.fp, m.fn) == (2, 3, 2)
    assert m.precision == pytest.approx(0.4) and m.recall == pytest.approx(0.5) and m.f1 == pytest.approx(4 / 9)
    assert scores.macro_f1 == pytest.approx(0.8 / 5)


def test_confusion_matrix_counts_confusions_misses_and_false_alarms(scores: EventScores) -> None:
    assert {g: dict(row) for g, row in scores.confusion.items()} == {
        "ASSAULT": {"ASSAULT": 2},
        "AGREE": {"COOPERATE": 1},
        "PROTEST": {"NONE": 1},
        "NONE": {"ASSAULT": 1, "THREATEN": 1},
    }


@pytest.mark.parametrize(
    ("field", "correct", "total"),
    [
        ("actor_country", 2, 2),
        ("recipient_country", 1, 2),  # Kharkiv's UKR missing from the second prediction
        ("actor_sector", 1, 1),  # only the artillery has a gold sector
        ("recipient_sector", 0, 0),
        ("mode", 2, 2),
        ("factuality", 1, 2),
        ("date", 1, 1),  # only gold events with a date
        ("place", 1, 1),
        ("place_country", 1, 1),
        ("attribution", 1, 2),
    ],
)
def test_field_accuracy_on_matched_pairs(scores: EventScores, field: str, correct: int, total: int) -> None:
    acc = scores.fields[field]
    assert (acc.correct, acc.total) == (correct, total)


def test_no_event_precision_any_and_asserted(scores: EventScores) -> None:
    assert (scores.no_event_any.correct, scores.no_event_any.total) == (1, 3)
    assert (scores.no_event_asserted.correct, scores.no_event_asserted.total) == (2, 3)


def test_errors_list_every_kind_with_the_wrong_fields(scores: EventScores) -> None:
    kinds = sorted((e.kind, e.record_id) for e in scores.errors)
    assert kinds == [("false_alarm", "r3"), ("false_alarm", "r4"), ("miss", "r6"), ("wrong_fields", "r1"),
                     ("wrong_type", "r2")]
    (wrong,) = [e for e in scores.errors if e.kind == "wrong_fields"]
    assert wrong.fields == ("recipient_country", "factuality", "attribution")
    assert wrong.gold["trigger"] == "struck" and wrong.pred["trigger"] == "struck Kharkiv"


def test_headline_names_every_gated_figure(scores: EventScores) -> None:
    h = headline(scores)
    assert h["micro_f1"] == pytest.approx(4 / 9) and h["f1_ASSAULT"] == pytest.approx(0.8)
    assert h["f1_CONSULT"] is None  # neither gold nor predicted
    assert h["no_event_precision"] == pytest.approx(1 / 3)
    assert h["recipient_country_accuracy"] == pytest.approx(0.5)
    assert len([k for k in h if k.startswith("f1_")]) == 16


def test_json_form_carries_the_same_figures(scores: EventScores) -> None:
    d = scores.to_dict(with_errors=True)
    assert d["micro"]["f1"] == round(4 / 9, 4) and d["macro_f1"] == 0.16
    assert d["per_type"]["ASSAULT"] == {"gold": 2, "predicted": 3, "tp": 2, "fp": 1, "fn": 0,
                                        "precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert d["no_event"] == {"records": 3, "precision_any": 0.3333, "precision_asserted": 0.6667}
    assert len(d["errors"]) == 5 and "plover_gsr" not in d


# -- PLOVER-GSR figures --------------------------------------------------------------------------------
G = "Turkey condemned the Syrian shelling and Syria denied it."


def _gsr(*preds: object) -> EventScores:
    g = gold("ACCUSE", "condemned", (("Turkey", "TUR", None),), (("Syrian", "SYR", ""),), factuality=None,
             attribution_labelled=False)
    return score_events([(record("g1", G, g, form=PLOVER), list(preds))])


def test_top_event_is_the_most_confident_then_the_earliest() -> None:
    early = pred(G, "ASSAULT", "shelling", confidence=0.7)
    late = pred(G, "ACCUSE", "condemned", confidence=0.7)
    assert top_event([early, late]) is late  # "condemned" comes first in the text
    assert top_event([early, pred(G, "REJECT", "denied", confidence=0.9)]).event_type == "REJECT"
    assert top_event([]) is None


def test_gsr_countries_are_scored_only_when_the_top_type_is_right() -> None:
    s = _gsr(pred(G, "ACCUSE", "condemned", (("Turkey", "TUR", None),), (("Syria", "TUR", None),), confidence=0.9),
             pred(G, "ASSAULT", "shelling", (("Syrian", "SYR", None),), confidence=0.5))
    got = {k: (a.correct, a.total) for k, a in s.gsr.items()}
    assert got == {"top_type": (1, 1), "any_type": (1, 1), "actor_country_top": (1, 1),
                   "recipient_country_top": (0, 1), "actor_country_top_any_role": (1, 1),
                   "recipient_country_top_any_role": (0, 1)}
    wrong_top = _gsr(pred(G, "ASSAULT", "shelling", confidence=0.9), pred(G, "ACCUSE", "condemned", confidence=0.5))
    got = {k: (a.correct, a.total) for k, a in wrong_top.gsr.items()}
    assert got["top_type"] == (0, 1) and got["any_type"] == (1, 1) and got["actor_country_top"] == (0, 0)


def test_gsr_blank_gold_countries_are_skipped() -> None:
    g = gold("PROTEST", "marched", (("Thousands", None, None),), factuality=None, attribution_labelled=False)
    s = score_events([(record("g2", T6, g, form=PLOVER), [pred(T6, "PROTEST", "marched")])])
    assert s.gsr["top_type"].correct == 1 and s.gsr["actor_country_top"].total == 0
