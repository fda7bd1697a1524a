"""`CoderSpec`: how a worker process builds its `Coder` (a small picklable recipe, not the Coder)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Coder


@dataclass(frozen=True, slots=True)
class CoderSpec:
    """The arguments of `Coder(...)`, sent to workers instead of a loaded Coder.

    File paths are made absolute on the client; on a remote cluster they must be
    readable at the same path on every worker (a shared file system).
    """

    model: str | None = None
    actor_files: tuple[str, ...] = ()
    pattern_files: tuple[str, ...] = ()
    overrides: tuple[tuple[str, Any], ...] = field(default=())

    @classmethod
    def of(
        cls,
        model: str | None = None,
        actor_files: tuple[str | os.PathLike[str], ...] | list[str] = (),
        pattern_files: tuple[str | os.PathLike[str], ...] | list[str] = (),
        **overrides: Any,
    ) -> CoderSpec:
        """A spec with absolute file paths and sorted overrides (so equal specs hash equal)."""
        return cls(
            model=model,
            actor_files=tuple(os.path.abspath(p) for p in actor_files),
            pattern_files=tuple(os.path.abspath(p) for p in pattern_files),
            overrides=tuple(sorted(overrides.items())),
        )

    def key(self) -> str:
        """sha256 of the spec: the per-process cache key of the Coder it builds."""
        raw = json.dumps(
            [self.model, self.actor_files, self.pattern_files, [list(kv) for kv in self.overrides]],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def build(self) -> Coder:
        from ..pipeline import Coder  # imported here: workers pay for spaCy, the client does not

        return Coder(
            model=self.model,
            actor_files=self.actor_files,
            pattern_files=self.pattern_files,
            **dict(self.overrides),
        )
