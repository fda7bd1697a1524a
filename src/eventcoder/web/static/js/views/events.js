// The event table: filters in a form, results from GET /api/events, paging and sorting; state in the hash.

import { get, vocab } from "../api.js";
import { el, options, fmtNumber, entityLabel, placeLabel } from "../dom.js";
import { navigate, hashFor } from "../router.js";

export const FILTERS = [
  "event_type", "quad_class", "actor", "recipient", "actor_name", "recipient_name",
  "factuality", "since", "until", "place", "q", "include_not_events",
];
const SORTS = [
  { value: "date", label: "newest first" },
  { value: "date-asc", label: "oldest first" },
  { value: "mentions", label: "most mentions" },
  { value: "goldstein", label: "most cooperative" },
  { value: "goldstein-asc", label: "most conflictual" },
  { value: "ingested", label: "last ingested" },
];
const PAGE_SIZES = [25, 50, 100, 200];
const QUAD_LABEL = { 1: "verbal coop.", 2: "material coop.", 3: "verbal conflict", 4: "material conflict" };

/** The filter parameters present in `params` (for reuse by other views' links). */
export function filterParams(params) {
  return Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
}

function field(label, control) {
  return el("label", { class: "field" }, el("span", {}, label), control);
}

function textInput(name, value, attrs = {}) {
  return el("input", { name, value: value || "", type: "text", ...attrs });
}

function filterForm(params, voc) {
  const types = voc.event_types.map((t) => t.type);
  const quads = voc.quad_classes.map((q) => ({ value: q.value, label: `${q.value} ${q.label}` }));
  const form = el("form", { class: "filters", id: "filters", role: "search" },
    field("Type", el("select", { name: "event_type" }, options(types, params.event_type, "any"))),
    field("Quad class", el("select", { name: "quad_class" }, options(quads, params.quad_class, "any"))),
    field("Actor country", textInput("actor", params.actor, { placeholder: "e.g. RUS", size: 6, list: "countries" })),
    field("Recipient country", textInput("recipient", params.recipient, { placeholder: "e.g. UKR", size: 6, list: "countries" })),
    field("Actor name", textInput("actor_name", params.actor_name, { size: 12 })),
    field("Recipient name", textInput("recipient_name", params.recipient_name, { size: 12 })),
    field("Factuality", el("select", { name: "factuality" }, options(voc.factuality, params.factuality, "any"))),
    field("From", el("input", { name: "since", type: "date", value: params.since || "" })),
    field("To", el("input", { name: "until", type: "date", value: params.until || "" })),
    field("Place", textInput("place", params.place, { size: 12 })),
    field("Text", textInput("q", params.q, { type: "search", placeholder: "words in the sentence", size: 18 })),
    el("label", { class: "field check" },
      el("input", { name: "include_not_events", type: "checkbox", checked: params.include_not_events === "true" }),
      el("span", {}, "show rejected")),
    el("div", { class: "buttons" },
      el("button", { type: "submit", class: "primary" }, "Filter"),
      el("button", { type: "reset" }, "Clear")),
    el("datalist", { id: "countries" }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const key of FILTERS) {
      const value = data.get(key);
      if (key === "include_not_events") next[key] = value ? "true" : "";
      else next[key] = typeof value === "string" ? value.trim() : "";
    }
    for (const key of ["actor", "recipient"]) next[key] = next[key].toUpperCase();
    navigate("events", [], { ...next, sort: params.sort, limit: params.limit });
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    navigate("events", [], { sort: params.sort, limit: params.limit });
  });
  return form;
}

async function fillCountries(form, signal) {
  try {
    const actors = await get("/api/actors", { role: "any", limit: 300 }, signal);
    const list = form.querySelector("#countries");
    for (const a of actors) list.append(el("option", { value: a.country }, `${a.country} (${a.events})`));
  } catch (err) {
    if (err.name !== "AbortError") console.warn("country list unavailable:", err.message);
  }
}

const COLUMNS = [
  { key: "date", label: "Date", sort: ["date", "date-asc"] },
  { key: "type", label: "Type" },
  { key: "quad", label: "Quad" },
  { key: "goldstein", label: "Goldstein", sort: ["goldstein", "goldstein-asc"] },
  { key: "actor", label: "Actor" },
  { key: "recipient", label: "Recipient" },
  { key: "place", label: "Place" },
  { key: "factuality", label: "Factuality" },
  { key: "mentions", label: "Mentions", sort: ["mentions"] },
  { key: "sentence", label: "Sentence" },
];

function headerCell(col, params) {
  if (!col.sort) return el("th", { scope: "col" }, col.label);
  const current = params.sort || "date";
  const active = col.sort.includes(current);
  const next = active ? col.sort[(col.sort.indexOf(current) + 1) % col.sort.length] : col.sort[0];
  const arrow = active ? (current.endsWith("-asc") ? " ▲" : " ▼") : "";
  const link = el("a", { href: hashFor("events", [], { ...params, sort: next, offset: "" }), class: "sort" },
    col.label + arrow);
  return el("th", { scope: "col", "aria-sort": active ? (current.endsWith("-asc") ? "ascending" : "descending") : null }, link);
}

function row(event) {
  const href = hashFor("event", [event.id]);
  const sentence = (event.sentence && event.sentence.text) || "";
  const tr = el("tr", { "data-id": event.id, class: [event.corrected ? "corrected" : "", event.not_event ? "not-event" : ""].join(" ").trim() || null },
    event.date
      ? el("td", { class: "nowrap" }, event.date)
      : el("td", { class: "nowrap muted", title: "the event has no date of its own: the article's publication date" },
        event.article && event.article.published ? `(${event.article.published})` : "–"),
    el("td", {}, el("a", { href, class: "type" }, event.event_type || "?"), event.mode ? el("span", { class: "muted" }, ` ${event.mode}`) : null),
    el("td", { title: QUAD_LABEL[event.quad_class] || "" }, event.quad_class ? String(event.quad_class) : "–"),
    el("td", { class: "num" }, fmtNumber(event.goldstein)),
    el("td", { class: "actor" }, entityLabel(event.actor)),
    el("td", { class: "recipient" }, entityLabel(event.recipient)),
    el("td", {}, placeLabel(event.event_loc)),
    el("td", {}, el("span", { class: `fact fact-${event.factuality}` }, event.factuality || "–")),
    el("td", { class: "num" }, String(event.num_mentions ?? 1)),
    el("td", { class: "sentence" }, sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence,
      event.corrected ? el("span", { class: "badge" }, "corrected") : null,
      event.not_event ? el("span", { class: "badge warn" }, "not an event") : null),
  );
  tr.addEventListener("click", (e) => {
    if (e.target.closest("a")) return;
    location.hash = href;
  });
  return tr;
}

function pager(result, params) {
  const { total, limit, offset } = result;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const prev = offset > 0 ? hashFor("events", [], { ...params, offset: Math.max(0, offset - limit) || "" }) : null;
  const next = offset + limit < total ? hashFor("events", [], { ...params, offset: offset + limit }) : null;
  const size = el("select", { "aria-label": "rows per page", id: "page-size" },
    options(PAGE_SIZES.map(String), String(limit)));
  size.addEventListener("change", () => navigate("events", [], { ...params, limit: size.value, offset: "" }));
  const sort = el("select", { "aria-label": "sort", id: "sort" }, options(SORTS, params.sort || "date"));
  sort.addEventListener("change", () => navigate("events", [], { ...params, sort: sort.value, offset: "" }));
  return el("div", { class: "pager" },
    el("span", { id: "count", class: "count" }, `${first}–${last} of ${total} events`),
    prev ? el("a", { href: prev, class: "button", rel: "prev" }, "‹ Previous") : el("span", { class: "button disabled" }, "‹ Previous"),
    next ? el("a", { href: next, class: "button", rel: "next" }, "Next ›") : el("span", { class: "button disabled" }, "Next ›"),
    el("label", {}, "Sort ", sort),
    el("label", {}, "Rows ", size),
  );
}

export async function render(root, { params, signal }) {
  const voc = await vocab();
  const form = filterForm(params, voc);
  root.append(el("h1", {}, "Events"), form);
  fillCountries(form, signal);
  const query = { ...filterParams(params), sort: params.sort || "date", limit: params.limit || 50, offset: params.offset || 0 };
  const result = await get("/api/events", query, signal);
  root.append(pager(result, params));
  const table = el("table", { class: "events", id: "events-table" },
    el("thead", {}, el("tr", {}, COLUMNS.map((c) => headerCell(c, params)))),
    el("tbody", {}, result.events.map(row)),
  );
  if (result.events.length === 0) {
    table.tBodies[0].append(el("tr", { class: "empty" }, el("td", { colspan: COLUMNS.length }, "No events match these filters.")));
  }
  root.append(el("div", { class: "table-wrap" }, table));
}
