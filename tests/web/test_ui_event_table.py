"""The event table: it lists what the API lists, filters change the rows, paging and sorting work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from web_helpers import Session, api_get, needs_browser

pytestmark = needs_browser


def row_ids(web: Session) -> list[str]:
    return web.page.locator("#events-table tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")


def test_table_lists_the_stored_events(web: Session, screenshots: Path) -> None:
    web.open("/", ready="events")
    expected = api_get(web.base, "/api/events", limit=50)
    assert row_ids(web) == [e["id"] for e in expected["events"]]
    assert web.page.locator("#count").text_content() == f"1–{expected['total']} of {expected['total']} events"
    assert web.page.get_by_role("link", name="Events").get_attribute("class") == "active"
    web.page.screenshot(path=screenshots / "events-table.png", full_page=True)


@pytest.mark.parametrize(
    ("control", "value", "params"),
    [
        ("select[name=event_type]", "ASSAULT", {"event_type": "ASSAULT"}),
        ("select[name=quad_class]", "1", {"quad_class": "1"}),
        ("input[name=actor]", "rus", {"actor": "RUS"}),
        ("input[name=recipient]", "UKR", {"recipient": "UKR"}),
        ("select[name=factuality]", "reported", {"factuality": "reported"}),
        ("input[name=place]", "Paris", {"place": "Paris"}),
        ("input[name=q]", "Zelensky", {"q": "Zelensky"}),
        ("input[name=since]", "2024-04-01", {"since": "2024-04-01"}),
    ],
)
def test_filter_narrows_the_rows_to_what_the_api_selects(
    web: Session, control: str, value: str, params: dict[str, Any]
) -> None:
    web.open("/", ready="events")
    everything = row_ids(web)
    expected = [e["id"] for e in api_get(web.base, "/api/events", limit=50, **params)["events"]]
    assert 0 < len(expected) < len(everything)
    field = web.page.locator(f"#filters {control}")
    if control.startswith("select"):
        field.select_option(value)
    else:
        field.fill(value)
    web.page.locator("#filters button[type=submit]").click()
    web.page.wait_for_function("n => document.querySelectorAll('#events-table tbody tr[data-id]').length === n",
                               arg=len(expected))
    web.wait_ready("events")
    assert row_ids(web) == expected
    # the filter is in the address, so reloading keeps it
    web.page.reload()
    web.wait_ready("events")
    assert row_ids(web) == expected


def test_clear_button_brings_every_row_back(web: Session) -> None:
    web.open("#/events?event_type=PROTEST", ready="events")
    assert len(row_ids(web)) == 1
    web.page.locator("#filters button[type=reset]").click()
    web.page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length > 1")
    assert len(row_ids(web)) == api_get(web.base, "/api/events")["total"]


def test_pages_follow_each_other_without_overlap(web: Session) -> None:
    total = api_get(web.base, "/api/events")["total"]
    assert total > 4
    web.open("#/events?limit=3", ready="events")
    first = row_ids(web)
    assert len(first) == 3 and web.page.locator("#count").text_content() == f"1–3 of {total} events"
    web.page.locator("a[rel=next]").click()
    web.page.wait_for_function("() => document.querySelector('#count')?.textContent.startsWith('4–')")
    web.wait_ready("events")
    second = row_ids(web)
    assert len(second) == 3 and not set(first) & set(second)
    assert second == [e["id"] for e in api_get(web.base, "/api/events", limit=3, offset=3)["events"]]
    web.page.locator("a[rel=prev]").click()
    web.page.wait_for_function("() => document.querySelector('#count')?.textContent.startsWith('1–')")
    assert row_ids(web) == first


@pytest.mark.parametrize(("clicks", "sort"), [(1, "goldstein"), (2, "goldstein-asc")])
def test_clicking_the_goldstein_header_sorts_by_it(web: Session, clicks: int, sort: str) -> None:
    web.open("/", ready="events")
    for n in range(clicks):
        web.page.locator("#events-table thead a.sort", has_text="Goldstein").click()
        web.page.wait_for_url(f"**sort={['goldstein', 'goldstein-asc'][n]}*")
        web.wait_ready("events")
    expected = api_get(web.base, "/api/events", sort=sort, limit=50)["events"]
    assert row_ids(web) == [e["id"] for e in expected]
    scores = [e["goldstein"] for e in expected]
    assert scores == sorted(scores, reverse=sort == "goldstein")


def test_clicking_a_row_opens_its_event(web: Session) -> None:
    web.open("/", ready="events")
    first = web.page.locator("#events-table tbody tr[data-id]").first
    event_id = first.get_attribute("data-id")
    first.locator("td.sentence").click()
    web.wait_ready("event")
    assert web.page.locator(".event-id").text_content() == f"event {event_id}"
