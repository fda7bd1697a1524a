// Map of event locations: Natural Earth country outlines (world-atlas, served from /vendor/) in the
// Natural Earth projection, one circle per place sized by its number of events; drag to pan, wheel or
// buttons to zoom. No tiles, no network.

import { get, vocab } from "../api.js";
import { el, options } from "../dom.js";
import { navigate, hashFor } from "../router.js";

const ATLAS = "/vendor/world-atlas/countries-110m.json";
let atlasPromise = null;

function countries() {
  if (!atlasPromise) {
    atlasPromise = fetch(ATLAS).then((r) => {
      if (!r.ok) throw new Error(`country shapes missing (${ATLAS}: HTTP ${r.status}); run setup.sh`);
      return r.json();
    }).then((world) => window.topojson.feature(world, world.objects.countries));
  }
  return atlasPromise;
}

function controls(params, voc) {
  const form = el("form", { class: "filters", id: "map-form" },
    el("label", { class: "field" }, el("span", {}, "Type"),
      el("select", { name: "event_type" }, options(voc.event_types.map((t) => t.type), params.event_type, "any"))),
    el("label", { class: "field" }, el("span", {}, "Quad class"),
      el("select", { name: "quad_class" }, options(voc.quad_classes.map((q) => ({ value: q.value, label: `${q.value} ${q.label}` })), params.quad_class, "any"))),
    el("label", { class: "field" }, el("span", {}, "Actor country"), el("input", { name: "actor", value: params.actor || "", size: 6 })),
    el("label", { class: "field" }, el("span", {}, "From"), el("input", { type: "date", name: "since", value: params.since || "" })),
    el("label", { class: "field" }, el("span", {}, "To"), el("input", { type: "date", name: "until", value: params.until || "" })),
    el("div", { class: "buttons" }, el("button", { type: "submit", class: "primary" }, "Show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const d = new FormData(form);
    const next = Object.fromEntries(["event_type", "quad_class", "actor", "since", "until"].map((k) => [k, String(d.get(k) || "").trim()]));
    next.actor = next.actor.toUpperCase();
    navigate("map", [], { ...next, extent: params.extent });
  });
  return form;
}

/** What to fit the map to: the whole sphere, or the places' bounding box with a margin (at least 30° across). */
function extentOf(places, world) {
  if (world || places.length === 0) return { type: "Sphere" };
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const pad = (lo, hi, min, limit) => {
    const half = Math.max((hi - lo) * 0.6, min / 2, 5);
    const mid = (lo + hi) / 2;
    return [Math.max(-limit, mid - half), Math.min(limit, mid + half)];
  };
  const [west, east] = pad(Math.min(...lons), Math.max(...lons), 40, 180);
  const [south, north] = pad(Math.min(...lats), Math.max(...lats), 30, 85);
  return { type: "MultiPoint", coordinates: [[west, south], [west, north], [east, south], [east, north], [(west + east) / 2, north], [(west + east) / 2, south]] };
}

const ZOOM_STEP = 2;
const MAX_ZOOM = 40;

/** Pan (drag) and zoom (wheel, double-click, or the buttons) the map layer; circles and outlines keep their size. */
function zoomable(svg, layer, circles, width, height) {
  const d3 = window.d3;
  const zoom = d3.zoom().scaleExtent([1, MAX_ZOOM]).translateExtent([[0, 0], [width, height]])
    .on("zoom", (e) => {
      layer.attr("transform", e.transform);
      circles.attr("r", (p) => p.r / e.transform.k).style("stroke-width", `${1 / e.transform.k}px`);
      svg.attr("data-zoom", e.transform.k.toFixed(3));
    });
  svg.call(zoom);
  const button = (id, label, title, act) => {
    const b = document.createElement("button");
    Object.assign(b, { type: "button", id, className: "zoom", title, textContent: label });
    b.setAttribute("aria-label", title);
    b.addEventListener("click", () => act(svg.transition().duration(250)));
    return b;
  };
  return [
    button("map-zoom-in", "+", "Zoom in", (t) => zoom.scaleBy(t, ZOOM_STEP)),
    button("map-zoom-out", "−", "Zoom out", (t) => zoom.scaleBy(t, 1 / ZOOM_STEP)),
    button("map-zoom-reset", "Reset", "Show the whole drawing again", (t) => zoom.transform(t, d3.zoomIdentity)),
  ];
}

function drawMap(shapes, places, world) {
  const d3 = window.d3;
  const width = 960;
  const height = 500;
  const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], extentOf(located, world))
    .clipExtent([[0, 0], [width, height]]);
  const path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("class", "chart map-chart")
    .attr("id", "map-chart").attr("role", "img").attr("aria-label", "Map of event locations");
  const layer = svg.append("g").attr("class", "zoom-layer");
  layer.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  layer.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
  layer.append("g").attr("class", "countries").selectAll("path").data(shapes.features).join("path")
    .attr("class", "country").attr("d", path)
    .append("title").text((f) => (f.properties && f.properties.name) || "");
  const radius = d3.scaleSqrt().domain([0, d3.max(located, (p) => p.events) || 1]).range([3, world ? 14 : 22]);
  const circles = layer.append("g").attr("class", "places").selectAll("circle")
    .data(located.slice().sort((a, b) => b.events - a.events).map((p) => ({ ...p, r: radius(p.events) }))).join("circle")
    .attr("class", "place").attr("data-name", (p) => p.name).attr("data-events", (p) => p.events)
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .attr("r", (p) => p.r)
    .on("click", (_, p) => navigate("events", [], { place: p.name }));
  circles.append("title").text((p) => `${p.name}${p.country ? `, ${p.country}` : ""}: ${p.events} event${p.events === 1 ? "" : "s"}`);
  return { node: svg.node(), tools: zoomable(svg, layer, circles, width, height) };
}

function placeTable(places) {
  return el("table", { class: "series", id: "places-table" },
    el("thead", {}, el("tr", {}, ["Place", "Country", "Events", "Lat", "Lon"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, places.map((p) => el("tr", {},
      el("td", {}, el("a", { href: hashFor("events", [], { place: p.name }) }, p.name || "?")),
      el("td", {}, p.country || "–"), el("td", { class: "num" }, String(p.events)),
      el("td", { class: "num" }, Number.isFinite(p.lat) ? p.lat.toFixed(2) : "–"),
      el("td", { class: "num" }, Number.isFinite(p.lon) ? p.lon.toFixed(2) : "–")))));
}

export async function render(root, { params, signal }) {
  const voc = await vocab();
  root.append(el("h1", {}, "Map"), controls(params, voc));
  const query = { event_type: params.event_type, quad_class: params.quad_class, actor: params.actor,
    since: params.since, until: params.until, limit: params.limit || 1000 };
  const [shapes, places] = await Promise.all([countries(), get("/api/places", query, signal)]);
  const total = places.reduce((n, p) => n + p.events, 0);
  root.append(el("p", { class: "summary", id: "map-summary" },
    `${places.length} places, ${total} located events. Circle area: number of events; click a circle to list them; drag to pan, scroll or use + and − to zoom.`));
  const world = params.extent === "world";
  const toggle = el("a", { class: "button", id: "map-extent", href: hashFor("map", [], { ...params, extent: world ? "" : "world" }) },
    world ? "Zoom to the events" : "Whole world");
  const map = drawMap(shapes, places, world);
  root.append(el("div", { class: "card chart-card" }, el("div", { class: "chart-tools" }, ...map.tools, toggle), map.node));
  root.append(el("details", {}, el("summary", {}, "Places"), placeTable(places)));
}
