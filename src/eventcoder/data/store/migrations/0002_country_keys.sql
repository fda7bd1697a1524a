-- eventcoder store, migration 0002: country keys for fast actor/recipient filters.
-- Source: written for eventcoder (MIT).
-- Why: filtering one million events on list columns (list_contains) was the slowest common
--   query; a short string '|AZE|TUR|' (the distinct countries, sorted) tested with contains()
--   is about a third faster (see benchmarks/store_queries.py).
-- Known problems: the keys repeat what actor_countries/recipient_countries hold; writers fill both.

ALTER TABLE events ADD COLUMN actor_key VARCHAR;
ALTER TABLE events ADD COLUMN recipient_key VARCHAR;
UPDATE events SET
    actor_key = '|' || array_to_string(list_sort(list_distinct(actor_countries)), '|') || '|',
    recipient_key = '|' || array_to_string(list_sort(list_distinct(recipient_countries)), '|') || '|';
