"""Who can do what: conflict verbs used figuratively.

"Britney Spears attacked the tabloids", "the Parliament clashed with the Commission",
"Apple is targeting PC users", "it strikes me as weird", "the UN warned that the toll
could rise": physical-conflict words whose doer has no means of violence, or threats
with nothing threatened. These rules use the participants the coder found:

- an ASSAULT by actors who are none of states, armed or security forces, rebels,
  criminals or unidentified gunmen is verbal: "attack"/"slam"/"hit out" becomes ACCUSE
  (disapprove); other verbs ("target", "clash", "beat", "hit") are dropped;
- an ASSAULT whose object is the speaker or reader ("strikes me") is dropped;
- a THREATEN from "warn" with no threatened act folded into it is dropped (a warning
  about a danger is not a threat);
- a nominal attack or crackdown that is the object of a verb of preventing ("patrols to stem
  cross-border attacks", "measures to curb violence") is a kind of event, not one that happened;
- an event between businesses only ("investors attacked the carmaker") is corporate news,
  not a political event, and is dropped;
- going or coming somewhere is a visit only for someone who represents a state, force, party or
  organisation ("the president went to Washington"), not for a private person ("her son went to Syria").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..types import Entity, Event
from .ontology import Ontology

ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "COP", "CRM", "SPY", "IMG"})
VERBAL_ATTACK_LEMMAS = frozenset({"attack", "slam", "assail", "lambast", "blast", "hit", "savage"})
DEICTIC = frozenset({"me", "us", "you", "him", "her", "them"})
# Verbs whose object is a kind of event to be kept from happening (not "thwart"/"foil": a foiled
# attack was attempted).
PREVENTION_VERBS = frozenset({"stem", "prevent", "curb", "deter", "counter", "combat", "avert", "forestall", "stop"})


def _armed(ev: Event) -> bool:
    for a in ev.actor:
        if a.sector in ARMED_SECTORS or a.country in ("IMG",):
            return True
        if a.kind == "country" and a.sector in (None, "GOV"):
            return True  # a state acts through its forces
    return False


# Going and coming are visits (CAMEO 042/043) only for those who represent someone: states,
# officials, forces, parties, organisations, churches.
TRAVEL_LEMMAS = frozenset({"go", "come", "travel", "return", "arrive", "leave", "fly", "head", "move"})
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "PTY", "OPP", "REB", "SPY", "REL", "PRE", "ELI"})


def _official(e: Entity) -> bool:
    """A state named as such ("Turkey", "Ankara"), an organisation, or someone in an official sector
    ("the Spanish photojournalist" is of a country but does not stand for it)."""
    if e.kind in ("igo", "org") or e.sector in OFFICIAL_SECTORS:
        return True
    text = e.entity_text.lower().removeprefix("the ")
    return e.kind == "country" and bool(e.name) and text == e.name.lower()


def plausible(events: list[Event], doc: Doc, ontology: Ontology) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        parts = (*ev.actor, *ev.recipient)
        if parts and any(p.sector == "BUS" for p in parts) and all(p.sector in ("BUS", None) and p.kind != "country" for p in parts):
            continue
        tok = doc[ev.extra["token"]]
        lemma = tok.lemma_.lower()
        if (ev.event_type in ("ASSAULT", "COERCE") and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj")
                and tok.head.lemma_.lower() in PREVENTION_VERBS):
            continue
        if ev.event_type == "ASSAULT":
            if any(c.dep_ in ("dobj", "obj") and c.lower_ in DEICTIC for c in tok.children):
                continue
            if ev.actor and not _armed(ev):
                if lemma in VERBAL_ATTACK_LEMMAS and tok.pos_ == "VERB":
                    cameo = "111"
                    out.append(replace(
                        ev, event_type="ACCUSE", mode="disapprove", cameo=cameo,
                        quad_class=ontology.quad_class("ACCUSE"),
                        goldstein=ontology.goldstein_for("ACCUSE", "disapprove", cameo),
                        context=(), evidence=ev.evidence + "; verbal-attack",
                    ))
                    continue
                if ev.factuality == "asserted" and all(a.kind in ("person", "unknown", "org") for a in ev.actor):
                    continue
        if ev.event_type == "THREATEN" and lemma in ("warn", "warning") and "content:" not in ev.evidence:
            continue
        if ev.event_type == "CONSULT" and lemma in TRAVEL_LEMMAS and not any(_official(a) for a in ev.actor):
            continue  # "the photojournalist went to Syria", "she came to Jinwar": a journey, not a visit
        out.append(ev)
    return out
