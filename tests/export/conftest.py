"""Hand-built events for the writer tests (no spaCy needed)."""

from __future__ import annotations

import pytest

from eventcoder.types import Article, Attribution, Entity, Event, Place, TextRef

TEXT = (
    "Foreign Minister Ana Reyes of Peru met Chile's president in Santiago on Friday.\n"
    "Peru accused Bolivia of \"hostile\", unlawful acts, officials said."
)
ARTICLE = Article(id="lima-1.txt", text=TEXT, published="2023-11-04", source="Wire Ñ", url=None)


def span_of(text: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(text, start)
    return (i, i + len(text))


def entity(text: str, **kwargs: object) -> Entity:
    return Entity(entity_text=text, span=span_of(text), **kwargs)  # type: ignore[arg-type]


def sentence(index: int) -> TextRef:
    line = TEXT.split("\n")[index]
    return TextRef(line, span_of(line), index)


@pytest.fixture
def events() -> list[Event]:
    reyes = entity("Foreign Minister Ana Reyes", name="Ana Reyes", country="PER", sector="GOV",
                   office="Foreign Minister", identifier_id="Q000001")
    chile = entity("Chile's president", name="President of Chile", country="CHL", sector="GOV")
    meet = Event(
        id="ev-1", event_type="CONSULT", mode="visit", context=("diplomatic",), cameo="043", quad_class=1,
        goldstein=2.8, actor=(reyes,), recipient=(chile,), trigger=TextRef("met", span_of("met")),
        sentence=sentence(0), factuality="asserted", attribution=None, confidence=0.9123,
        evidence="pattern:meet-with", article=ARTICLE, date="2023-11-03", date_precision="day",
        date_text="on Friday", date_span=span_of("on Friday"),
        event_loc=Place("Santiago", span_of("Santiago"), name="Santiago", geonameid=3871336,
                        lat=-33.45694, lon=-70.64827, country="CHL", admin1="RM", feature_code="PPLC"),
    )
    officials = entity("officials", sector="GOV")
    accuse = Event(
        id="ev-2", event_type="ACCUSE", mode=None, context=(), cameo="112", quad_class=3, goldstein=-2.0,
        actor=(entity("Peru", name="Peru", country="PER", sector="GOV"), entity("officials", sector="GOV")),
        recipient=(entity("Bolivia", name="Bolivia", country="BOL"),), trigger=TextRef("accused", span_of("accused")),
        sentence=sentence(1), factuality="reported",
        attribution=Attribution(officials, "said", span_of("said")), confidence=0.5,
        evidence="pattern:accuse-of", article=ARTICLE,
    )
    return [meet, accuse]
