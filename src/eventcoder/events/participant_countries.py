"""Filling in participants' countries from the rest of the sentence.

A participant the knowledge base cannot place often belongs somewhere the sentence says:
inside a gazetteer place ("bombed Idlib"), at the event's place ("protesters rallied in
Tbilisi"), or in the state whose officials act on it ("Turkish police detained students").
With no recipient at all, a material event aimed at a place targets that place's country.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..geo import place_for_token
from ..types import Entity, Event, Place
from .roles import Roles


def countries_from_places(roles: Roles, places: list[Place]) -> None:
    """A participant the knowledge base does not know but the gazetteer does ("bombed Idlib")
    stands for its country."""
    for group in (roles.actor, roles.recipient):
        for n, e in enumerate(group):
            if e.country:
                continue
            for pl in places:
                if pl.country and pl.span[0] >= e.span[0] and pl.span[1] <= e.span[1]:
                    group[n] = replace(e, country=pl.country, name=e.name or pl.name)
                    break


def home_officials(roles: Roles) -> None:
    """"Slovak lawmakers demanded that Interior Minister X resign", "doctors threatened strikes
    if the government does not …": a titled official or "the government" named without a country
    belongs to the actor's state when all the actors share one."""
    homes = {a.country for a in roles.actor}
    if len(homes) != 1 or None in homes:
        return
    home = homes.pop()
    if home in NON_STATE_CODES:
        return
    roles.recipient = [
        replace(e, country=home) if (not e.country and e.sector == "GOV" and (
            (e.kind == "person" and e.office) or e.entity_text.lower() in BARE_GOVERNMENT)) else e
        for e in roles.recipient
    ]


BARE_GOVERNMENT = frozenset({"government", "the government", "authorities", "the authorities", "the cabinet"})
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})


# Sectors whose unnamed members are locals of the place where the event happens
# ("protesters rallied in Tbilisi" are Georgian); soldiers and spies often are not.
# An unidentified attacker (UNK: "killed by a roadside bomb") counts as local too, as in ICEWS/PLOVER
# practice of placing generic unnamed actors in the country where they act.
DOMESTIC_SECTORS = {"CVL", "COP", "OPP", "REB", "LAB", "EDU", "JUD", "LEG", "MED", "REL", "AGR", "BUS", "JRN", "REF", "CRM", "GOV", "UNK"}


# Material events aimed at a place: with no recipient named, the place's country is the target
# ("reimposed blockades in the West Bank", "arrived in Amman", "riots in Tbilisi"), as in
# CAMEO/PLOVER coding practice.
PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"})


def place_as_target(event: Event) -> Event:
    loc = event.event_loc
    if event.recipient or loc is None or not loc.country:
        return event
    if event.event_type in PLACE_TARGETED or (event.event_type == "CONSULT" and event.mode == "visit"):
        target = Entity(loc.entity_text, loc.span, loc.name, loc.country, None, None, None, "place")
        if all(a.country != loc.country or a.sector not in (None, "GOV") for a in event.actor) or event.event_type != "CONSULT":
            return replace(event, recipient=(target,), evidence=event.evidence + "; recipient:place")
    return event


def sentence_country(event: Event, places: list[Place]) -> str | None:
    """The one country the sentence's places lie in ("… attacked two villages in Lamu county"),
    not counting places that are participants; None when there are none or several."""
    start, end = event.sentence.span
    parts = (*event.actor, *event.recipient)
    countries = {
        p.country for p in places
        if p.country and start <= p.span[0] < end
        and not any(e.span[0] <= p.span[0] < e.span[1] and not _names_institution(e, p) for e in parts)
    }
    return countries.pop() if len(countries) == 1 else None


def _names_institution(e: Entity, place: Place) -> bool:
    """"the Kenya Anti-Corruption Commission": a body named for its state, which tells where the
    sentence is set (unlike "Israel" or "Israel's army" as a participant)."""
    offset = place.span[0] - e.span[0]
    before = e.entity_text[:offset].strip().lower()
    after = e.entity_text[offset + place.span[1] - place.span[0]:]
    return before in ("", "the") and after[:1] == " " and after[1:2].isupper()


# Speakers whose country tells where an unplaced report is set: a state's own officials, or a
# national source of no stated sector ("Turkish sources said"); not its journalists or businesses.
STATE_SPEAKER_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def speaker_country(event: Event) -> str | None:
    """"…, according to the Pakistani interior secretary": the state whose official reports the event."""
    att = event.attribution
    speaker = att.speaker if att is not None else None
    if speaker is None or not speaker.country or speaker.country in NON_STATE_CODES:
        return None
    if speaker.sector is None and speaker.kind == "country":
        return None  # "…, Nigeria said": a state speaking of others' people does not make them its own
    return speaker.country if speaker.sector in STATE_SPEAKER_SECTORS or speaker.sector is None else None


def domestic_from_place(event: Event, sentence_country: str | None = None) -> None:
    """Participants of a domestic sector with no country of their own belong to the event's place's
    country, else the one country the sentence's places lie in, else the country of the state
    official who reports it."""
    loc = event.event_loc
    country = loc.country if loc is not None and loc.country else sentence_country or speaker_country(event)
    if not country:
        return
    for group in (event.actor, event.recipient):
        fixed = tuple(
            replace(e, country=country) if (not e.country and e.sector in DOMESTIC_SECTORS) else e for e in group
        )
        if fixed != group:
            object.__setattr__(event, "actor" if group is event.actor else "recipient", fixed)
    att = event.attribution
    # "…, the army said": an unnamed national speaker is the army of the country the report is about.
    if att is not None and att.speaker is not None and not att.speaker.country and att.speaker.sector in (DOMESTIC_SECTORS | {"MIL"}):
        object.__setattr__(event, "attribution", replace(att, speaker=replace(att.speaker, country=country)))


# Officials who act at home: police, courts, a government's ministries and parliament.
HOME_ACTING_SECTORS = frozenset({"COP", "JUD", "GOV", "LEG"})
# Acts of a state's authorities on people in its power: arrests, bans, shootings, permissions.
INTERNAL_TYPES = frozenset({"COERCE", "ASSAULT", "CONCEDE"})


def domestic_targets(event: Event) -> None:
    """"Egyptian police opened fire, killing one person", "the Ivorian court allowed candidate X to
    run": with no place to go by, a recipient with no country of its own is in the power of the
    state whose police, court or government acts on it."""
    if event.event_type not in INTERNAL_TYPES or not event.actor:
        return
    homes = {a.country for a in event.actor}
    if len(homes) != 1 or None in homes or homes & NON_STATE_CODES:
        return
    if not any(a.sector in HOME_ACTING_SECTORS for a in event.actor):
        return
    home = homes.pop()
    fixed = tuple(replace(e, country=home) if not e.country and e.kind != "place" else e for e in event.recipient)
    if fixed != event.recipient:
        object.__setattr__(event, "recipient", fixed)


# Commitments and threats about doing something somewhere: "agreed to set up a centre in Tokyo",
# "threatened to resume attacks in Israel", "agreed to postpone the rally in Baku".
CONTENT_PLACE_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "CONCEDE"})
# Marks a recipient that stands in for a missing one (a later, better-founded recipient replaces it).
CONTENT_PLACE_EVIDENCE = "; recipient:content-place"


def content_place_target(event: Event, doc: Doc, places: list[Place]) -> Event:
    """With no recipient and no place of its own, a promise, threat or refusal whose infinitive
    clause happens at a place targets that place's country."""
    if event.recipient or event.event_loc is not None or event.event_type not in CONTENT_PLACE_TYPES:
        return event
    tok = doc[event.extra["token"]]
    for c in tok.children:
        if c.dep_ != "xcomp" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        place = place_for_token(doc, c.i, places)
        if place is None or not place.country or any(_inside(place.span, a.span) for a in event.actor):
            continue
        target = Entity(place.entity_text, place.span, place.name, place.country, None, None, None, "place")
        return replace(event, recipient=(target,), evidence=event.evidence + CONTENT_PLACE_EVIDENCE)
    return event


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


# Actors that only take part in their own country's politics.
DOMESTIC_PLAYERS = frozenset({"PTY", "OPP"})


# Claims made on a state's own authorities: demands, protests, threats, accusations, refusals.
CHALLENGE_TYPES = frozenset({"PROTEST", "REQUEST", "THREATEN", "ACCUSE", "REJECT"})


def home_challengers(event: Event) -> None:
    """"Kurds demanded autonomy from the Syrian government", "fundamentalists demand the
    resignation of the Algerian president": with no place to go by, an actor with no country who
    makes claims on one state's authorities is taken to be of that state."""
    if event.event_type not in CHALLENGE_TYPES or not event.recipient:
        return
    homes = {e.country for e in event.recipient if e.sector in HOME_ACTING_SECTORS}
    if not homes and all(a.sector in DOMESTIC_PLAYERS for a in event.actor):
        # "the party will boycott Algeria's elections": parties and oppositions act at home.
        homes = {e.country for e in event.recipient}
    if len(homes) != 1 or None in homes or homes & NON_STATE_CODES:
        return
    home = homes.pop()
    fixed = tuple(replace(e, country=home) if not e.country and e.kind != "place" else e for e in event.actor)
    if fixed != event.actor:
        object.__setattr__(event, "actor", fixed)
