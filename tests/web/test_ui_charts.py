"""Timeline, network and map: each view draws SVG from the API's numbers."""

from __future__ import annotations

from pathlib import Path

from web_helpers import Session, api_get, needs_browser

pytestmark = needs_browser


def test_timeline_draws_cooperation_conflict_and_goldstein_for_a_pair(web: Session, screenshots: Path) -> None:
    web.open("#/timeline?actor=RUS&recipient=UKR", ready="timeline")
    series = api_get(web.base, "/api/series", actor="RUS", recipient="UKR", interval="month")
    points = series["points"]
    assert sum(p["cooperation"] for p in points) > 0 and sum(p["conflict"] for p in points) > 0
    chart = web.page.locator("svg#timeline-chart")
    assert chart.locator("rect.bar.cooperation").count() == len(points)
    heights = chart.locator("rect.bar.conflict").evaluate_all("rs => rs.map(r => +r.getAttribute('height'))")
    assert [h > 0 for h in heights] == [p["conflict"] > 0 for p in points]
    dots = chart.locator("g.goldstein-points circle")
    assert dots.count() == sum(p["goldstein_mean"] is not None for p in points)
    assert chart.locator("path.goldstein-line").get_attribute("d")
    assert [t for t in chart.locator(".axis.x text").all_text_contents()] == [p["period"] for p in points]
    total = sum(p["events"] for p in points)
    assert web.page.locator("#timeline-summary").text_content() == f"RUS ↔ UKR: {total} events by month"
    web.page.screenshot(path=screenshots / "timeline.png", full_page=True)


def test_timeline_pair_is_chosen_in_the_form(web: Session) -> None:
    web.open("#/timeline", ready="timeline")  # starts on the busiest pair
    form = web.page.locator("#pair-form")
    form.locator("input[name=actor]").fill("tur")
    form.locator("input[name=recipient]").fill("aze")
    form.locator("select[name=interval]").select_option("year")
    form.locator("button[type=submit]").click()
    web.page.wait_for_url("**actor=TUR*")
    web.wait_ready("timeline")
    series = api_get(web.base, "/api/series", actor="TUR", recipient="AZE", interval="year")
    total = sum(p["events"] for p in series["points"])
    assert total > 0
    assert web.page.locator("#timeline-summary").text_content() == f"TUR ↔ AZE: {total} events by year"
    assert web.page.locator("svg#timeline-chart rect.bar.cooperation").count() == len(series["points"])


def test_network_draws_a_node_per_country_and_an_edge_per_pair(web: Session, screenshots: Path) -> None:
    web.open("#/network", ready="network")
    data = api_get(web.base, "/api/network")
    chart = web.page.locator("svg#network-chart")
    drawn = sorted(chart.locator("g.node").evaluate_all("gs => gs.map(g => g.dataset.id)"))
    ends = {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
    assert set(drawn) == {n["id"] for n in data["nodes"]} | ends
    assert {"RUS", "UKR", "TUR", "AZE", "ARM"} <= set(drawn)
    edges = chart.locator("path.edge")
    assert edges.count() == len(data["edges"])
    colours = edges.evaluate_all("ps => ps.map(p => p.getAttribute('stroke'))")
    # cooperation and conflict edges are coloured differently
    by_pair = dict(zip([(e["source"], e["target"]) for e in data["edges"]], colours, strict=True))
    assert by_pair[("TUR", "AZE")] != by_pair[("AZE", "ARM")]
    labels = chart.locator("text.node-label").all_text_contents()
    assert sorted(labels) == drawn
    web.page.screenshot(path=screenshots / "network.png", full_page=True)


def test_network_link_opens_the_events_of_that_pair(web: Session) -> None:
    web.open("#/network", ready="network")
    web.page.locator("svg#network-chart path.edge[data-source=TUR][data-target=AZE]").dispatch_event("click")
    web.page.wait_for_url("**#/events?actor=TUR&recipient=AZE")
    web.wait_ready("events")
    ids = web.page.locator("#events-table tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert ids == [e["id"] for e in api_get(web.base, "/api/events", actor="TUR", recipient="AZE")["events"]]


def test_map_draws_countries_and_a_circle_per_located_place(web: Session, screenshots: Path) -> None:
    web.open("#/map", ready="map")
    places = [p for p in api_get(web.base, "/api/places") if p["lat"] is not None and p["lon"] is not None]
    chart = web.page.locator("svg#map-chart")
    assert chart.locator("path.country").count() > 150  # Natural Earth 1:110m has 177 countries
    circles = chart.locator("circle.place")
    assert circles.count() == len(places)
    names = set(circles.evaluate_all("cs => cs.map(c => c.dataset.name)"))
    assert {"Istanbul", "Paris", "Baku"} <= names
    radii = {c["name"]: c["r"] for c in circles.evaluate_all(
        "cs => cs.map(c => ({name: c.dataset.name, r: +c.getAttribute('r')}))")}
    busiest = max(places, key=lambda p: p["events"])
    assert radii[busiest["name"]] == max(radii.values())
    # each circle lies inside the drawing
    box = chart.bounding_box()
    for circle in circles.all():
        b = circle.bounding_box()
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"]
    web.page.screenshot(path=screenshots / "map.png", full_page=True)


def test_the_map_zooms_and_pans_and_circles_keep_their_size(web: Session, screenshots: Path) -> None:
    web.open("#/map", ready="map")
    chart = web.page.locator("svg#map-chart")
    paris = chart.locator("circle.place[data-name=Paris]")
    before, radius = paris.bounding_box(), float(paris.get_attribute("r") or 0)
    web.page.locator("#map-zoom-in").click()
    web.page.wait_for_function("() => document.querySelector('#map-chart').dataset.zoom === '2.000'")
    after = paris.bounding_box()
    assert abs(after["width"] - before["width"]) < 0.5  # the circle is as big on screen
    layer = chart.locator("g.zoom-layer").get_attribute("transform")
    assert layer and "scale(2)" in layer
    # wheel zooms further in around the pointer; a drag pans
    box = chart.bounding_box()
    web.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    web.page.mouse.wheel(0, -300)
    web.page.wait_for_function("() => +document.querySelector('#map-chart').dataset.zoom > 2")
    moved_from = chart.locator("g.zoom-layer").get_attribute("transform")
    web.page.mouse.down()
    web.page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + box["height"] / 2 + 40, steps=5)
    web.page.mouse.up()
    assert chart.locator("g.zoom-layer").get_attribute("transform") != moved_from
    web.page.screenshot(path=screenshots / "map-zoomed.png", full_page=True)
    web.page.locator("#map-zoom-reset").click()
    web.page.wait_for_function(
        "() => document.querySelector('#map-chart g.zoom-layer').getAttribute('transform') === 'translate(0,0) scale(1)'")
    assert abs(float(paris.get_attribute("r") or 0) - radius) < 1e-6 and radius > 0


def test_clicking_a_place_lists_its_events(web: Session) -> None:
    web.open("#/map", ready="map")
    web.page.locator("svg#map-chart circle.place[data-name=Paris]").dispatch_event("click")
    web.wait_ready("events")
    assert web.page.locator("#filters input[name=place]").input_value() == "Paris"
    ids = web.page.locator("#events-table tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert ids == [e["id"] for e in api_get(web.base, "/api/events", place="Paris")["events"]]
