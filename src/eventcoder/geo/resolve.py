"""Choosing one gazetteer entry per toponym mention, using the article as context.

Each candidate gets a prior (feature class: country > capital > region > admin seat > town;
log population; own name rather than an alternate name) and then, in two passes, context:
the countries the article talks about, places the candidate contains ("Georgia" with "Tbilisi"
→ the country, with "Atlanta" → the US state), places near it, its admin1 being named,
a qualifier right after it ("Paris, Texas"; "Tripoli, Lebanon") and the caller's country hints.
A first-level region's own name means the region rather than a small town or county elsewhere
("Ohio", not Ohio County, Indiana) or a city holding a small share of its people ("Quebec"); a short
form that a city's name begins with counts as its name ("Newcastle"); the capital of a country the
article names beats local namesakes ("Paris" with "France").
The same name resolves the same way throughout an article.  Mentions the gazetteer does not know
(facilities, streets) take the position of the closest preceding resolved place in the article.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Place
from .find import Mention, name_key
from .gazetteer import GazEntry, Gazetteer, NameMatch

FEATURE_PRIOR = {
    "PCLI": 3.0, "PPLC": 2.5, "ADM1": 1.2, "ADM2": 0.5, "PPLA": 1.3, "PPLA2": 0.7, "PPLA3": 0.4, "PPLA4": 0.3,
    "PPL": 0.3, "PPLX": -0.3, "PPLL": -0.3, "PPLQ": -1.0, "PPLH": -1.0, "PPLW": -1.0, "CONT": 2.5,
}
REGION_PRIOR = 3.0  # hand-listed regions and seas: a name there is meant
REGION_POPULATION = 3_000_000  # notional population of a hand-listed region or continent, for ranking
POP_WEIGHT = 0.4
ALTERNATE_PENALTY = 2.0
SHORT_FORM_PENALTY = 0.5
# A lone small place abroad, far from everything else in the article, is more likely an unknown local name.
IMPLAUSIBLE_POP = 50000
NEAR_KM = 250.0
CLOSE_KM = 60.0
COUNTRY_SHARE_WEIGHT = 2.0
NAMED_COUNTRY_BONUS = 1.5
NAMED_CAPITAL_BONUS = 1.5
HINT_BONUS = 1.0
COUNTRY_NAME_BONUS = 3.0
BIG_CITY = 100000
REGION_NAME_PENALTY = 2.0  # a town or county elsewhere named like a first-level region ("Wyoming", Ohio)
CONTEXT_UNRESOLVED_SCORE = 0.2
LOCAL_KINDS = ("city", "admin2")
MIN_CITY_SHARE = 0.1  # a city named like its own region stands for it when it holds this share of its people
COLOCATION_TOP = 4  # likeliest local candidates per name compared for co-location
COLOCATION_WEIGHT = 1.0  # places with a point that nearness to other places can confirm


@dataclass(slots=True)
class _Choice:
    entry: GazEntry
    score: float  # 0..1


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _prior(m: NameMatch, mention: Mention) -> float:
    e = m.entry
    if e.kind == "region":
        base = REGION_PRIOR
    else:
        base = FEATURE_PRIOR.get(e.feature_code, 0.0)
    pop = e.population if e.kind not in ("region", "continent") else max(e.population, REGION_POPULATION)
    score = base + POP_WEIGHT * math.log10(pop + 10)
    if not m.primary:
        # a short form that the entry's own name begins with ("Newcastle" of Newcastle upon Tyne) is its name
        short = e.kind == "city" and name_key(e.name).startswith(mention.key + " ")
        score -= SHORT_FORM_PENALTY if short else ALTERNATE_PENALTY
    if mention.kind_hint == "region" and e.kind in ("admin1", "admin2", "region"):
        score += 2.0
    elif mention.kind_hint == "city" and e.kind == "city":
        score += 2.0
    if e.name == mention.text:
        score += 0.2
    return score


def _candidates(mention: Mention) -> list[NameMatch]:
    """Distinct entries of a mention, keeping the best (primary) match per entry."""
    best: dict[int, NameMatch] = {}
    for m in mention.matches:
        old = best.get(m.entry.row)
        if old is None or (m.primary and not old.primary):
            best[m.entry.row] = m
    return list(best.values())


def _contains(container: GazEntry, e: GazEntry) -> bool:
    if container.row == e.row:
        return False
    if container.kind == "country":
        return e.country == container.country and e.kind != "country"
    if container.kind == "admin1":
        return e.kind in ("city", "admin2") and e.country == container.country and e.admin1_code == container.admin1_code
    return False


def _regions_named(cands: list[NameMatch]) -> list[GazEntry]:
    """The first-level regions whose own name the mention is."""
    return [m.entry for m in cands if m.primary and m.entry.kind == "admin1"]


def _outside_named_region(e: GazEntry, regions: list[GazEntry]) -> bool:
    """Whether a town or county is not what a region's own name means: it lies outside every region of
    that name and is small (Ohio County, Indiana; not Gaza, nor the capital Washington), or inside one
    but holds a small share of its people (Québec the city, for "Quebec")."""
    if e.kind not in LOCAL_KINDS or e.feature_code == "PPLC":
        return False
    for r in regions:
        if r.country == e.country and r.admin1_code == e.admin1_code:
            return e.population < MIN_CITY_SHARE * r.population
    return e.population < BIG_CITY


def _qualifier_of(mentions: list[Mention], i: int, text: str) -> Mention | None:
    """The mention right after ``mentions[i]`` separated only by a comma ("Paris, Texas")."""
    if i + 1 >= len(mentions):
        return None
    a, b = mentions[i], mentions[i + 1]
    between = text[a.end : b.start]
    if between.strip() not in (",", "(") or b.adjective:
        return None
    if i + 2 < len(mentions) and _regions_named(_candidates(a)):
        # "Iowa, Wisconsin and Minnesota": a list of regions, not a town and its state
        after = text[b.end : mentions[i + 2].start].strip()
        if after in (",", "and", "or", ", and", ", or"):
            return None
    return b


def _prefer_city_over_own_region(scored: list[tuple[float, NameMatch]]) -> list[tuple[float, NameMatch]]:
    """A large city sharing its name with its own region is usually what the name means ("Aleppo",
    "New York"), unless a generic word said otherwise ("Aleppo province") or the city holds only a small
    share of the region's people ("Quebec")."""
    out = list(scored)
    for i, (s, m) in enumerate(out):
        e = m.entry
        if e.kind != "city" or e.population < BIG_CITY:
            continue
        for s2, m2 in scored:
            o = m2.entry
            if o.kind == "admin1" and o.country == e.country and o.admin1_code == e.admin1_code and s2 >= s:
                if not _outside_named_region(e, [o]):
                    out[i] = (s2 + 0.5, m)
    return out


def _score_all(
    mentions: list[Mention],
    text: str,
    chosen: dict[str, _Choice] | None,
    country_hints: Sequence[str],
    colocated: dict[tuple[str, int], int] | None = None,
) -> dict[str, list[tuple[float, NameMatch]]]:
    """Scores of every candidate of every distinct mention key."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.matches:
            by_key[m.key].append(i)
    # Article context from the previous pass (or from unambiguous mentions on the first pass).
    country_count: Counter[str] = Counter()
    named_countries: set[str] = set()
    resolved: list[tuple[str, GazEntry]] = []
    for key, idxs in by_key.items():
        entry: GazEntry | None = None
        if chosen is not None and key in chosen:
            entry = chosen[key].entry
        else:
            cands = _candidates(mentions[idxs[0]])
            if len(cands) == 1 or mentions[idxs[0]].adjective:
                entry = cands[0].entry
        if entry is None:
            continue
        resolved.append((key, entry))
        if entry.country:
            country_count[entry.country] += len(idxs)
            if entry.kind == "country":
                named_countries.add(entry.country)
    total_countries = sum(country_count.values())
    hints = set(country_hints)

    qualifiers: dict[str, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        q = _qualifier_of(mentions, i, text)
        if q is not None and m.matches:
            qualifiers[m.key].append(q)

    out: dict[str, list[tuple[float, NameMatch]]] = {}
    for key, idxs in by_key.items():
        mention = mentions[idxs[0]]
        cands = _candidates(mention)
        names_a_country = any(m.primary and m.entry.kind == "country" for m in cands)
        regions_named = _regions_named(cands)
        scored: list[tuple[float, NameMatch]] = []
        for m in cands:
            e = m.entry
            s = _prior(m, mention)
            if names_a_country and e.kind == "city":
                s -= COUNTRY_NAME_BONUS  # a country's own name means the country, not a town named after it
            elif regions_named and mention.kind_hint != "city" and _outside_named_region(e, regions_named):
                s -= REGION_NAME_PENALTY  # "Ohio" is the state, not Ohio County, Indiana
            if mention.adjective:
                scored.append((s, m))
                continue
            if e.country:
                # Share of the article's other place mentions that lie in this candidate's country.
                own_country = chosen[key].entry.country if (chosen and key in chosen) else None
                own = len(idxs) if own_country else 0
                others = total_countries - own
                if others > 0:
                    same = country_count[e.country] - (own if own_country == e.country else 0)
                    s += COUNTRY_SHARE_WEIGHT * same / others
                if e.country in named_countries and e.kind != "country":
                    s += NAMED_COUNTRY_BONUS if e.population >= BIG_CITY or e.kind != "city" else NAMED_COUNTRY_BONUS / 3
                    if e.feature_code == "PPLC":
                        s += NAMED_CAPITAL_BONUS  # "Paris" in a story that names France
                if e.country in hints:
                    s += HINT_BONUS
            contained = 0
            near = 0
            for okey, oe in resolved:
                if okey == key:
                    continue
                if _contains(e, oe):
                    contained += 1
                if e.kind in LOCAL_KINDS and oe.kind == "admin1" and _contains(oe, e):
                    s += 1.5
                if e.kind in LOCAL_KINDS and oe.kind in LOCAL_KINDS:
                    d = distance_km(e.lat, e.lon, oe.lat, oe.lon)
                    near += 2 if d < CLOSE_KM else 1 if d < NEAR_KM else 0
                elif e.kind == "city" and oe.kind == "country" and oe.country != e.country:
                    # next to a (small) country the article names: "Israeli strikes on Gaza"
                    near += 1 if distance_km(e.lat, e.lon, oe.lat, oe.lon) < NEAR_KM else 0
            s += min(contained, 3) * 0.8 + min(near, 4) * 0.6
            if colocated:
                s += COLOCATION_WEIGHT * min(colocated.get((key, e.row), 0), 3)
            for q in qualifiers.get(key, ()):
                if any(_contains(qm.entry, e) for qm in q.matches):
                    s += 5.0
            scored.append((s, m))
        out[key] = scored if mention.kind_hint == "region" else _prefer_city_over_own_region(scored)
    return out


def _pick(scored: list[tuple[float, NameMatch]]) -> _Choice:
    best_s, best = max(scored, key=lambda t: (t[0], t[1].entry.population))
    z = sum(math.exp(min(50.0, s - best_s)) for s, _ in scored)
    return _Choice(best.entry, 1.0 / z)


def _place(m: Mention, entry: GazEntry, score: float) -> Place:
    return Place(
        entity_text=m.text, span=(m.start, m.end), name=entry.name, geonameid=entry.geonameid,
        lat=entry.lat, lon=entry.lon, country=entry.country, admin1=entry.admin1,
        feature_code=entry.feature_code, score=round(score, 4),
    )


def resolve_mentions(
    mentions: list[Mention], text: str, gazetteer: Gazetteer, country_hints: Sequence[str] = ()
) -> list[Place]:
    """One Place per mention (in order); unknown names are placed from context when possible."""
    chosen: dict[str, _Choice] | None = None
    colocated = _colocated(mentions)
    for _ in range(3):
        scores = _score_all(mentions, text, chosen, country_hints, colocated)
        chosen = {key: _pick(sc) for key, sc in scores.items() if sc}
    assert chosen is not None
    _drop_implausible(chosen, mentions)
    places: list[Place | None] = []
    locals_: list[Place] = []
    for m in mentions:
        choice = chosen.get(m.key) if m.matches else None
        if choice is None:
            places.append(None)
            continue
        p = _place(m, choice.entry, choice.score)
        places.append(p)
        if choice.entry.kind in ("city", "admin1", "admin2") or choice.entry.feature_code in ("RGN", "PEN"):
            locals_.append(p)
    fallback_country = _main_country(chosen, mentions, gazetteer)
    out: list[Place] = []
    for m, p in zip(mentions, places):
        if p is not None:
            out.append(p)
            continue
        # An unknown name (a facility, a street) lies where the nearest place named around it lies.
        anchor = min(locals_, key=lambda q: abs(q.span[0] - m.start), default=None) or fallback_country
        if anchor is None:
            out.append(Place(entity_text=m.text, span=(m.start, m.end), name=m.text, score=0.0))
            continue
        out.append(
            Place(
                entity_text=m.text, span=(m.start, m.end), name=m.text, geonameid=None,
                lat=anchor.lat, lon=anchor.lon, country=anchor.country, admin1=anchor.admin1,
                feature_code=None, score=round(CONTEXT_UNRESOLVED_SCORE * (anchor.score or 0.0), 4),
            )
        )
    return out


def _colocated(mentions: list[Mention]) -> dict[tuple[str, int], int]:
    """For each local candidate (a town, a county) of each name: how many of the article's other names
    have one of their likeliest local candidates within NEAR_KM of it.

    Places named together in an article tend to lie together ("Edmonton", "Enfield" and "Hertford
    Road" in one London story), which settles names that the previous passes leave to population.
    """
    tops: dict[str, list[GazEntry]] = {}
    for m in mentions:
        if not m.matches or m.adjective or m.key in tops:
            continue
        cands = _candidates(m)
        regions = _regions_named(cands)
        if any(x.primary and x.entry.kind == "country" for x in cands):
            continue
        local = [
            (_prior(x, m), x.entry) for x in cands
            if x.entry.kind in LOCAL_KINDS and not (regions and _outside_named_region(x.entry, regions))
        ]
        local.sort(key=lambda t: -t[0])
        tops[m.key] = [e for _, e in local[:COLOCATION_TOP]]
    out: dict[tuple[str, int], int] = {}
    keys = [k for k, v in tops.items() if v]
    if len(keys) < 2:
        return out
    lat_window = NEAR_KM / 111.0
    for key in keys:
        for e in tops[key]:
            n = 0
            for other in keys:
                if other == key:
                    continue
                if any(
                    abs(o.lat - e.lat) < lat_window and distance_km(e.lat, e.lon, o.lat, o.lon) < NEAR_KM
                    for o in tops[other]
                ):
                    n += 1
            if n:
                out[(key, e.row)] = n
    return out


def _drop_implausible(chosen: dict[str, _Choice], mentions: list[Mention]) -> None:
    """Forget small places abroad that nothing else in the article is near (placed from context instead)."""
    if len(chosen) < 2:
        return
    keys_from_gaz_scan = {m.key for m in mentions if m.source in ("gaz", "adj")}
    countries = Counter(c.entry.country for c in chosen.values() if c.entry.country)
    named = {c.entry.country for c in chosen.values() if c.entry.kind == "country"}
    for key, c in list(chosen.items()):
        e = c.entry
        if e.kind != "city" or e.population >= IMPLAUSIBLE_POP or key in keys_from_gaz_scan:
            continue
        if not named or e.country in named or (e.country and countries[e.country] > 1):
            continue
        if any(
            o.entry.kind == "city" and distance_km(e.lat, e.lon, o.entry.lat, o.entry.lon) < NEAR_KM
            for k, o in chosen.items()
            if k != key
        ):
            continue
        del chosen[key]


def _main_country(chosen: dict[str, _Choice], mentions: list[Mention], gaz: Gazetteer) -> Place | None:
    counts: Counter[str] = Counter()
    for m in mentions:
        c = chosen.get(m.key) if m.matches else None
        if c is not None and c.entry.country:
            counts[c.entry.country] += 1
    if not counts:
        return None
    code, _ = counts.most_common(1)[0]
    entry = gaz.country(code)
    if entry is None:
        return None
    return Place(
        entity_text=entry.name, span=(0, 0), name=entry.name, geonameid=entry.geonameid, lat=entry.lat,
        lon=entry.lon, country=entry.country, admin1=None, feature_code=entry.feature_code, score=0.5,
    )
