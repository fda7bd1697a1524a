"""Attacks whose doer is only a weapon: "killed by a roadside bomb", "a mine explosion wounded two".

The PLOVER codebook's sector UNK is for exactly this case (a generic unidentified actor, "two
civilians were killed by a bomb"); the weapon's noun phrase stands in as the actor, and like other
unnamed local actors it takes the country of the place where the attack happened (see
`participant_countries.domestic_from_place`). Accidents ("a gas explosion") are not weapons.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..types import Entity
from .roles import Roles

# Weapons planted or thrown where they strike (shells, rockets and drones are often fired across a
# border, so their country is not the place's).
WEAPON_NOUNS = frozenset({
    "bomb", "landmine", "mine", "minefield", "grenade", "ied", "explosive", "explosives", "car-bomb", "booby-trap",
})
# Nouns that are weapons only with a weapon (or "explosive") modifier: "explosive device", "bomb blast".
CARRIER_NOUNS = frozenset({"device", "explosion", "blast", "attack", "trap"})
UNIDENTIFIED = "UNK"
# "An attempt to assassinate the governor was foiled": an attack tried by someone not named.
ATTEMPT_NOUNS = frozenset({"attempt", "plot", "bid", "conspiracy"})


def _weapon(n: Token) -> bool:
    lemma = n.lemma_.lower()
    if n.pos_ not in ("NOUN", "PROPN"):
        return False
    if lemma in WEAPON_NOUNS:
        return True
    return lemma in CARRIER_NOUNS and any(
        c.dep_ in ("amod", "compound") and c.lower_ in WEAPON_NOUNS | {"explosive", "improvised"} for c in n.children
    )


def unidentified_attacker(t: Token, roles: Roles, event_type: str) -> None:
    """An ASSAULT with no actor, done "by" a weapon, with a weapon for subject, or only attempted ("an
    attempt to kill X"): the weapon's (or attempt's) phrase becomes an unidentified (UNK) actor."""
    if event_type != "ASSAULT" or roles.actor or t.pos_ != "VERB":
        return
    verb = t.head if t.dep_ == "conj" and t.head.pos_ == "VERB" else t
    candidates = [p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    candidates += [c for v in {t, verb} for c in v.children if c.dep_ == "nsubj"]
    if t.dep_ == "acl" and t.head.lemma_.lower() in ATTEMPT_NOUNS and t.head.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("poss", "prep") and c.lower_ != "of" for c in t.head.children
    ):
        candidates.append(t.head)
    for n in candidates:
        if _weapon(n) or (n.lemma_.lower() in ATTEMPT_NOUNS and n.i == t.head.i):
            first = next((x for x in n.subtree if x.dep_ != "det"), n)
            span = n.doc[first.i:n.i + 1] if first.i <= n.i else n.doc[n.i:n.i + 1]
            roles.actor.append(Entity(span.text, (span.start_char, span.end_char), None, None, UNIDENTIFIED,
                                      None, None, "agent"))
            return


__all__ = ["unidentified_attacker", "UNIDENTIFIED"]
