"""Gazetteer extract and hand-written place lists (see each file's header)."""
