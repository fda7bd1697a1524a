// Timeline for a pair of countries: cooperation vs conflict counts (bars) and the Goldstein mean (line).

import { get } from "../api.js";
import { el, options, fmtNumber } from "../dom.js";
import { navigate } from "../router.js";

const INTERVALS = ["day", "week", "month", "year"];
const COLOURS = { cooperation: "#2b83ba", conflict: "#d7191c", goldstein: "#333333" };

async function defaultPair(signal) {
  const net = await get("/api/network", { limit: 50 }, signal);
  const edges = (net.edges || []).slice().sort((a, b) => b.events - a.events);
  return edges.length ? { actor: edges[0].source, recipient: edges[0].target } : { actor: "", recipient: "" };
}

function controls(params) {
  const input = (name, label) => el("label", { class: "field" }, el("span", {}, label),
    el("input", { name, value: params[name] || "", size: 6, list: "pair-countries", required: true, placeholder: "ISO3" }));
  const form = el("form", { class: "filters", id: "pair-form" },
    input("actor", "Country A"), input("recipient", "Country B"),
    el("label", { class: "field" }, el("span", {}, "Interval"), el("select", { name: "interval" }, options(INTERVALS, params.interval || "month"))),
    el("label", { class: "field" }, el("span", {}, "From"), el("input", { type: "date", name: "since", value: params.since || "" })),
    el("label", { class: "field" }, el("span", {}, "To"), el("input", { type: "date", name: "until", value: params.until || "" })),
    el("label", { class: "field check" }, el("input", { type: "checkbox", name: "both_directions", checked: params.both_directions !== "false" }),
      el("span", {}, "both directions")),
    el("div", { class: "buttons" }, el("button", { type: "submit", class: "primary" }, "Show")),
    el("datalist", { id: "pair-countries" }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const d = new FormData(form);
    navigate("timeline", [], {
      actor: String(d.get("actor")).trim().toUpperCase(), recipient: String(d.get("recipient")).trim().toUpperCase(),
      interval: d.get("interval"), since: d.get("since"), until: d.get("until"),
      both_directions: d.get("both_directions") ? "" : "false",
    });
  });
  return form;
}

function chart(series) {
  const d3 = window.d3;
  const points = series.points || [];
  const width = 960;
  const height = 380;
  const margin = { top: 56, right: 56, bottom: 56, left: 48 };
  const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("class", "chart timeline-chart")
    .attr("id", "timeline-chart").attr("role", "img")
    .attr("aria-label", `Cooperation and conflict between ${series.actor} and ${series.recipient}`);
  const x = d3.scaleBand().domain(points.map((p) => p.period)).range([margin.left, width - margin.right]).padding(0.2);
  const inner = d3.scaleBand().domain(["cooperation", "conflict"]).range([0, x.bandwidth()]).padding(0.08);
  const maxCount = d3.max(points, (p) => Math.max(p.cooperation, p.conflict)) || 1;
  const y = d3.scaleLinear().domain([0, maxCount]).nice().range([height - margin.bottom, margin.top]);
  const g = d3.scaleLinear().domain([-10, 10]).range([height - margin.bottom, margin.top]);

  const every = Math.ceil(points.length / 16);
  svg.append("g").attr("class", "axis x").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)))
    .selectAll("text").attr("transform", "rotate(-35)").attr("text-anchor", "end").attr("dx", "-0.4em").attr("dy", "0.6em");
  svg.append("g").attr("class", "axis y").attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(Math.min(maxCount, 8)).tickFormat(d3.format("d")));
  svg.append("g").attr("class", "axis g").attr("transform", `translate(${width - margin.right},0)`).call(d3.axisRight(g).ticks(5));
  svg.append("text").attr("class", "axis-label").attr("x", margin.left).attr("y", margin.top - 10).attr("text-anchor", "middle").text("events");
  svg.append("text").attr("class", "axis-label").attr("x", width - margin.right).attr("y", margin.top - 10)
    .attr("text-anchor", "middle").text("Goldstein");
  svg.append("line").attr("class", "zero").attr("x1", margin.left).attr("x2", width - margin.right)
    .attr("y1", g(0)).attr("y2", g(0));

  const groups = svg.append("g").attr("class", "bars").selectAll("g").data(points).join("g")
    .attr("transform", (p) => `translate(${x(p.period)},0)`);
  for (const kind of ["cooperation", "conflict"]) {
    groups.append("rect").attr("class", `bar ${kind}`).attr("fill", COLOURS[kind])
      .attr("x", inner(kind)).attr("width", inner.bandwidth())
      .attr("y", (p) => y(p[kind])).attr("height", (p) => y(0) - y(p[kind]))
      .append("title").text((p) => `${p.period}: ${p[kind]} ${kind}`);
  }
  const line = d3.line().defined((p) => p.goldstein_mean !== null && p.goldstein_mean !== undefined)
    .x((p) => x(p.period) + x.bandwidth() / 2).y((p) => g(p.goldstein_mean));
  svg.append("path").attr("class", "goldstein-line").attr("fill", "none").attr("stroke", COLOURS.goldstein)
    .attr("stroke-width", 2).attr("d", line(points));
  svg.append("g").attr("class", "goldstein-points").selectAll("circle")
    .data(points.filter((p) => p.goldstein_mean !== null && p.goldstein_mean !== undefined)).join("circle")
    .attr("cx", (p) => x(p.period) + x.bandwidth() / 2).attr("cy", (p) => g(p.goldstein_mean)).attr("r", 4)
    .attr("fill", COLOURS.goldstein)
    .append("title").text((p) => `${p.period}: Goldstein mean ${fmtNumber(p.goldstein_mean)}`);

  const legend = svg.append("g").attr("class", "chart-legend").attr("transform", `translate(${margin.left + 12},8)`);
  [["cooperation", "cooperation (quad 1–2)"], ["conflict", "conflict (quad 3–4)"], ["goldstein", "Goldstein mean"]]
    .forEach(([key, label], i) => {
      const item = legend.append("g").attr("transform", `translate(${i * 190},0)`);
      item.append("rect").attr("width", 14).attr("height", key === "goldstein" ? 3 : 14).attr("y", key === "goldstein" ? 6 : 0)
        .attr("fill", COLOURS[key]);
      item.append("text").attr("x", 20).attr("y", 12).text(label);
    });
  return svg.node();
}

function table(series) {
  return el("table", { class: "series", id: "series-table" },
    el("thead", {}, el("tr", {}, ["Period", "Events", "Cooperation", "Conflict", "Goldstein mean", "Goldstein sum"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, (series.points || []).map((p) => el("tr", {},
      el("td", {}, p.period), el("td", { class: "num" }, String(p.events)), el("td", { class: "num" }, String(p.cooperation)),
      el("td", { class: "num" }, String(p.conflict)), el("td", { class: "num" }, fmtNumber(p.goldstein_mean)),
      el("td", { class: "num" }, fmtNumber(p.goldstein_sum))))));
}

export async function render(root, { params, signal }) {
  let pair = { actor: params.actor || "", recipient: params.recipient || "" };
  if (!pair.actor || !pair.recipient) pair = await defaultPair(signal);
  const current = { ...params, ...pair };
  const form = controls(current);
  root.append(el("h1", {}, "Timeline"), form);
  get("/api/actors", { role: "any", limit: 300 }, signal).then((actors) => {
    const list = form.querySelector("#pair-countries");
    for (const a of actors) list.append(el("option", { value: a.country }, `${a.country} (${a.events})`));
  }).catch(() => {});
  if (!pair.actor || !pair.recipient) {
    root.append(el("p", { class: "muted" }, "No pair of countries acts on each other yet: ingest some articles first."));
    return;
  }
  const series = await get("/api/series", {
    actor: pair.actor, recipient: pair.recipient, interval: params.interval || "month",
    both_directions: params.both_directions === "false" ? "false" : "true", since: params.since, until: params.until,
  }, signal);
  const direction = params.both_directions === "false" ? "→" : "↔";
  const total = (series.points || []).reduce((n, p) => n + p.events, 0);
  root.append(el("p", { class: "summary", id: "timeline-summary" },
    `${series.actor} ${direction} ${series.recipient}: ${total} events by ${series.interval}`));
  if (!series.points || series.points.length === 0) {
    root.append(el("p", { class: "muted" }, "No events between these two in this period."));
    return;
  }
  root.append(el("div", { class: "card chart-card" }, chart(series)), el("details", {}, el("summary", {}, "Data"), table(series)));
}
