"""Places: the offline GeoNames gazetteer, toponym finding and resolution, and event attachment."""

from .attach import place_for_token
from .gazetteer import GazEntry, Gazetteer
from .places import find_places

__all__ = ["GazEntry", "Gazetteer", "find_places", "place_for_token"]
