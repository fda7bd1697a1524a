"""Date expressions: finding them, resolving them to TimeML values, attaching them to events."""

from eventcoder.dates.attach import date_for_token
from eventcoder.dates.expressions import find_dates
from eventcoder.dates.resolver import resolve

__all__ = ["date_for_token", "find_dates", "resolve"]
