"""Reading articles: files, directories and standard input to clean, checked `Article`s."""

from __future__ import annotations

from .clean import clean_text, decode_bytes, normalise_date, prepare_article
from .readers import check_published, read_paths

__all__ = ["check_published", "clean_text", "decode_bytes", "normalise_date", "prepare_article", "read_paths"]
