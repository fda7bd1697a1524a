// Actor network: countries as nodes, who-acts-on-whom as directed edges coloured by mean Goldstein score.
// The force layout is run to rest before drawing (a stable picture), and nodes can be dragged.

import { get, vocab } from "../api.js";
import { el, options, fmtNumber } from "../dom.js";
import { navigate, hashFor } from "../router.js";

function controls(params, voc) {
  const form = el("form", { class: "filters", id: "network-form" },
    el("label", { class: "field" }, el("span", {}, "Type"),
      el("select", { name: "event_type" }, options(voc.event_types.map((t) => t.type), params.event_type, "any"))),
    el("label", { class: "field" }, el("span", {}, "Quad class"),
      el("select", { name: "quad_class" }, options(voc.quad_classes.map((q) => ({ value: q.value, label: `${q.value} ${q.label}` })), params.quad_class, "any"))),
    el("label", { class: "field" }, el("span", {}, "From"), el("input", { type: "date", name: "since", value: params.since || "" })),
    el("label", { class: "field" }, el("span", {}, "To"), el("input", { type: "date", name: "until", value: params.until || "" })),
    el("label", { class: "field" }, el("span", {}, "Min. events"), el("input", { type: "number", min: 1, name: "min_events", value: params.min_events || 1, size: 4 })),
    el("div", { class: "buttons" }, el("button", { type: "submit", class: "primary" }, "Show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const d = new FormData(form);
    navigate("network", [], Object.fromEntries(["event_type", "quad_class", "since", "until", "min_events"].map((k) => [k, d.get(k)])));
  });
  return form;
}

// red (conflict) through grey (neutral) to blue (cooperation): every edge stays visible on white
export const goldsteinColour = () => window.d3.scaleDiverging([-10, 0, 10],
  window.d3.interpolateRgbBasis(["#b2182b", "#e3795b", "#8c8c8c", "#5a9bd0", "#1f5a9e"]));

function graph(data) {
  const d3 = window.d3;
  const width = 960;
  const height = 560;
  const colour = goldsteinColour();
  const nodes = data.nodes.map((n) => ({ ...n }));
  const edges = data.edges.map((e) => ({ ...e }));
  const known = new Set(nodes.map((n) => n.id));
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      if (!known.has(id)) {
        known.add(id);
        nodes.push({ id, events: e.events });
      }
    }
  }
  const radius = d3.scaleSqrt().domain([0, d3.max(nodes, (n) => n.events) || 1]).range([6, 26]);
  const stroke = d3.scaleSqrt().domain([0, d3.max(edges, (e) => e.events) || 1]).range([1.5, 8]);

  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(edges).id((n) => n.id).distance(140))
    .force("charge", d3.forceManyBody().strength(-420))
    .force("collide", d3.forceCollide((n) => radius(n.events) + 14))
    .force("x", d3.forceX(width / 2).strength(0.06))
    .force("y", d3.forceY(height / 2).strength(0.08))
    .stop();
  for (let i = 0; i < 300; i += 1) simulation.tick();
  for (const n of nodes) {
    n.x = Math.max(30, Math.min(width - 30, n.x));
    n.y = Math.max(30, Math.min(height - 30, n.y));
  }

  const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("class", "chart network-chart")
    .attr("id", "network-chart").attr("role", "img").attr("aria-label", "Actor network");
  const defs = svg.append("defs");
  edges.forEach((e, i) => {
    const size = 8 + stroke(e.events) * 1.2;
    defs.append("marker").attr("id", `arrow-${i}`).attr("viewBox", "0 -5 10 10").attr("refX", 8).attr("refY", 0)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", size).attr("markerHeight", size).attr("orient", "auto")
      .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", colour(e.goldstein_mean ?? 0));
  });

  const path = (e) => {
    if (e.source.id === e.target.id) {
      // a loop above the node: events within one country
      const r = radius(e.source.events);
      const size = Math.max(r, 12);
      const { x, y } = e.source;
      return `M${x - r * 0.6},${y - r * 0.8}C${x - size * 2.2},${y - r - size * 2.6} ${x + size * 2.2},${y - r - size * 2.6} ${x + r * 0.6},${y - r * 0.8 - 3}`;
    }
    const dx = e.target.x - e.source.x;
    const dy = e.target.y - e.source.y;
    const dist = Math.hypot(dx, dy) || 1;
    const back = radius(e.target.events) + 3;
    const tx = e.target.x - (dx / dist) * back;
    const ty = e.target.y - (dy / dist) * back;
    // a gentle arc, so A→B and B→A do not overlap
    const r = dist * 1.6;
    return `M${e.source.x},${e.source.y}A${r},${r} 0 0,1 ${tx},${ty}`;
  };
  const link = svg.append("g").attr("class", "edges").selectAll("path").data(edges).join("path")
    .attr("class", "edge").attr("fill", "none").attr("stroke", (e) => colour(e.goldstein_mean ?? 0))
    .attr("stroke-width", (e) => stroke(e.events)).attr("marker-end", (_, i) => `url(#arrow-${i})`)
    .attr("data-source", (e) => e.source.id).attr("data-target", (e) => e.target.id).attr("d", path);
  link.append("title").text((e) => `${e.source.id} → ${e.target.id}: ${e.events} events `
    + `(${e.cooperation} cooperation, ${e.conflict} conflict), Goldstein mean ${fmtNumber(e.goldstein_mean)}`);
  link.on("click", (_, e) => navigate("events", [], { actor: e.source.id, recipient: e.target.id }));

  const node = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("data-id", (n) => n.id).attr("transform", (n) => `translate(${n.x},${n.y})`);
  node.append("circle").attr("r", (n) => radius(n.events));
  const looped = new Set(edges.filter((e) => e.source.id === e.target.id).map((e) => e.source.id));
  // labels above the node, or below it when a loop (events within the country) sits above
  node.append("text").attr("class", "node-label").attr("text-anchor", "middle")
    .attr("dy", (n) => (looped.has(n.id) ? radius(n.events) + 14 : -radius(n.events) - 5)).text((n) => n.id);
  node.append("title").text((n) => `${n.id}: ${n.events} events`);
  node.on("dblclick", (_, n) => navigate("events", [], { actor: n.id }));

  node.call(d3.drag().on("drag", function dragged(event, n) {
    n.x = event.x;
    n.y = event.y;
    d3.select(this).attr("transform", `translate(${n.x},${n.y})`);
    link.attr("d", path);
  }));

  // colour legend
  const legend = svg.append("g").attr("class", "chart-legend").attr("transform", `translate(${width - 230},${height - 40})`);
  const steps = d3.range(-10, 10.01, 2.5);
  legend.selectAll("rect").data(steps).join("rect").attr("x", (_, i) => i * 22).attr("width", 22).attr("height", 10).attr("fill", (v) => colour(v));
  legend.append("text").attr("x", 0).attr("y", 24).text("conflict −10");
  legend.append("text").attr("x", steps.length * 22).attr("y", 24).attr("text-anchor", "end").text("+10 cooperation");
  legend.append("text").attr("x", 0).attr("y", -6).text("edge colour: mean Goldstein");
  return svg.node();
}

export async function render(root, { params, signal }) {
  const voc = await vocab();
  root.append(el("h1", {}, "Actor network"), controls(params, voc));
  const query = { event_type: params.event_type, quad_class: params.quad_class, since: params.since, until: params.until,
    min_events: params.min_events || 1, limit: params.limit || 200 };
  const data = await get("/api/network", query, signal);
  root.append(el("p", { class: "summary", id: "network-summary" },
    `${data.nodes.length} countries, ${data.edges.length} directed links. Width: number of events; drag a node to move it; `,
    "click a link (or double-click a node) to list its events."));
  if (data.edges.length === 0) {
    root.append(el("p", { class: "muted" }, "No events with both an actor country and a recipient country match."));
    return;
  }
  root.append(el("div", { class: "card chart-card" }, graph(data)));
  const table = hashFor("events", [], { event_type: params.event_type, quad_class: params.quad_class,
    since: params.since, until: params.until });
  root.append(el("p", { class: "muted" }, el("a", { href: table }, "Open these events in the table")));
}
