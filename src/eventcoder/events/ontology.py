"""The PLOVER ontology and the CAMEO crosswalk, loaded from ``eventcoder/data/ontology``.

`Ontology.load()` reads the generated TSV files once (see tools/derive_ontology.py for
their provenance) and answers the questions the coder asks: which modes a type allows,
its quad class, what a CAMEO code means in PLOVER, a representative CAMEO code for a
PLOVER type and its Goldstein score.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from eventcoder.errors import DataFileError

_PACKAGE = "eventcoder.data"
_DIR = "ontology"


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    name: str
    quad_class: int
    modes: tuple[str, ...]
    requires_recipient: bool


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    description: str
    plover_type: str | None
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float | None
    quad_class: int | None  # CAMEO quad class from the root code


def _rows(name: str, ncols: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a data file, skipping comments and the column header."""
    path = f"{_PACKAGE}/{_DIR}/{name}"
    text = resources.files(_PACKAGE).joinpath(_DIR, name).read_text(encoding="utf-8")
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != ncols:
            raise DataFileError(path, lineno, f"expected {ncols} tab-separated columns, got {len(fields)}")
        if not header_seen:
            header_seen = True
            continue
        yield lineno, fields


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


class Ontology:
    """PLOVER types, contexts, sectors and the CAMEO crosswalk."""

    def __init__(
        self,
        types: dict[str, EventTypeInfo],
        contexts: tuple[str, ...],
        sectors: dict[str, str],
        cameo_table: dict[str, CameoInfo],
        defaults: dict[tuple[str, str | None], str],
        scores: dict[tuple[str, str | None], float],
    ) -> None:
        self.types = types
        self.contexts = contexts
        self.sectors = sectors
        self._cameo = cameo_table
        self._defaults = defaults
        self._scores = scores

    @classmethod
    def load(cls) -> Ontology:
        """The packaged ontology (read once, then cached)."""
        return _load_packaged()

    # -- lookups -------------------------------------------------------------------------------
    def cameo(self, code: str) -> CameoInfo | None:
        """What a CAMEO code means, or None for an unknown code."""
        return self._cameo.get(code.strip())

    def cameo_codes(self) -> tuple[str, ...]:
        return tuple(self._cameo)

    def is_mode(self, plover_type: str, mode: str) -> bool:
        info = self.types.get(plover_type)
        return info is not None and mode in info.modes

    def quad_class(self, plover_type: str) -> int:
        """PLOVER quad class 1-4 of a type (KeyError for an unknown type)."""
        return self.types[plover_type].quad_class

    def default_cameo(self, plover_type: str, mode: str | None = None) -> str | None:
        """A representative CAMEO code for a type (and mode), e.g. CONSULT -> 040, CONSULT/visit -> 042.

        Modes without a CAMEO counterpart fall back to the type's code; see
        data/ontology/cameo_defaults.tsv for the table and how each code was chosen.
        """
        if mode:
            code = self._defaults.get((plover_type, mode))
            if code:
                return code
        return self._defaults.get((plover_type, None))

    def goldstein_for(self, plover_type: str, mode: str | None, cameo: str | None) -> float | None:
        """Goldstein score of `cameo` when known, else that of the type's representative code."""
        if cameo:
            info = self._cameo.get(cameo)
            if info is not None and info.goldstein is not None:
                return info.goldstein
        code = self.default_cameo(plover_type, mode)
        info = self._cameo.get(code) if code else None
        return info.goldstein if info else None

    def plover_score(self, plover_type: str, mode: str | None = None) -> float | None:
        """PLOVER conflict-cooperation score (manual table 2.2) of a type, or type+mode."""
        if mode and (plover_type, mode) in self._scores:
            return self._scores[(plover_type, mode)]
        return self._scores.get((plover_type, None))


@functools.cache
def _load_packaged() -> Ontology:
    types: dict[str, EventTypeInfo] = {}
    for _ln, (name, quad, recip, modes) in _rows("plover_types.tsv", 4):
        types[name] = EventTypeInfo(
            name=name,
            quad_class=int(quad),
            modes=tuple(modes.split()) if modes != "-" else (),
            requires_recipient=recip == "yes",
        )
    contexts = tuple(f[0] for _ln, f in _rows("plover_contexts.tsv", 1))
    sectors = {code: label for _ln, (code, label) in _rows("plover_sectors.tsv", 2)}
    cameo_table: dict[str, CameoInfo] = {}
    for _ln, (code, desc, typ, mode, ctx, gold, quad) in _rows("cameo_plover.tsv", 7):
        cameo_table[code] = CameoInfo(
            code=code,
            description=desc,
            plover_type=_opt(typ),
            mode=_opt(mode),
            contexts=tuple(c for c in ctx.split(";") if c and c != "-"),
            goldstein=float(gold) if _opt(gold) else None,
            quad_class=int(quad) if _opt(quad) else None,
        )
    defaults = {(t, _opt(m)): code for _ln, (t, m, code, _how) in _rows("cameo_defaults.tsv", 4)}
    scores = {(t, _opt(m)): float(s) for _ln, (t, m, s) in _rows("plover_scores.tsv", 3)}
    return Ontology(types, contexts, sectors, cameo_table, defaults, scores)
