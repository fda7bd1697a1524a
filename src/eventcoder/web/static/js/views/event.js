// One event: its sentence in the article with the roles highlighted, its fields, the corrections made to it,
// and a form that posts a correction to /api/events/{id}/corrections.

import { get, post, vocab, ApiError } from "../api.js";
import { el, options, fmtNumber, entityLabel, placeLabel, replace } from "../dom.js";
import { hashFor } from "../router.js";
import { highlighted, contextWindow, legend } from "../highlight.js";

const DATE_LENGTH = { year: 4, month: 7, day: 10 };

/** The event's date as the user would type it: 2024, 2024-03 or 2024-03-15 by its precision. */
function dateValue(event) {
  if (!event.date) return "";
  return event.date.slice(0, DATE_LENGTH[event.date_precision] || 10);
}

/** An actor or recipient entity as the form shows it. */
function formEntity(e) {
  return { name: e.name || e.entity_text || "", country: e.country || "", sector: e.sector || "" };
}

function entitiesOf(entities) {
  return (entities || []).map(formEntity).filter((e) => e.name || e.country || e.sector);
}

function firstEntity(entities) {
  return formEntity((entities || [])[0] || {});
}

function show(value) {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value) && value.every((v) => v && typeof v === "object" && ("entity_text" in v || "name" in v))) {
    return entityLabel(value) + (value.some((v) => v.sector) ? ` [${value.map((v) => v.sector || "–").join(", ")}]` : "");
  }
  if (typeof value === "object" && ("lat" in value || "geonameid" in value || "feature_code" in value)) return placeLabel(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** "officials (said)" for a reported event; "publisher" when the publisher asserts it. */
function attribution(a) {
  if (!a) return "publisher";
  const speaker = a.speaker ? a.speaker.entity_text || a.speaker.name || "?" : "unnamed source";
  return a.cue ? `${speaker} (${a.cue})` : speaker;
}

function placeText(loc) {
  if (!loc) return "–";
  return placeLabel(loc) + (loc.lat != null && loc.lon != null ? ` (${fmtNumber(loc.lat, 2)}, ${fmtNumber(loc.lon, 2)})` : "");
}

function articleBlock(detail) {
  const text = (detail.article && detail.article.text) || "";
  const spans = detail.spans || [];
  const sentence = spans.find((s) => s.role === "sentence");
  const [from, to] = sentence ? contextWindow(text, sentence.start, sentence.end) : [0, text.length];
  const body = el("div", { class: "article-text", id: "article-text", lang: "en" });
  if (from > 0) body.append(el("span", { class: "elided", title: "earlier text not shown" }, "… "));
  body.append(highlighted(text, spans, from, to));
  if (to < text.length) body.append(el("span", { class: "elided", title: "later text not shown" }, " …"));
  const a = detail.article || {};
  const meta = el("p", { class: "article-meta muted" },
    a.title ? el("strong", { class: "article-title" }, a.title) : "untitled article",
    a.source ? ` · ${a.source}` : "",
    a.published ? ` · published ${a.published}` : "",
    a.url ? [" · ", el("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank", class: "article-url" }, a.url)] : "");
  return el("section", { class: "card article" }, el("h2", {}, "Source"), meta, legend(), body);
}

function fieldRows(event, original) {
  const rows = [
    ["Type", event.event_type, original && original.event_type],
    ["Mode", event.mode, original && original.mode],
    ["Context", (event.context || []).join(", "), original && (original.context || []).join(", ")],
    ["CAMEO", event.cameo, original && original.cameo],
    ["Quad class", event.quad_class, original && original.quad_class],
    ["Goldstein", fmtNumber(event.goldstein), original && fmtNumber(original.goldstein)],
    ["Actor", show(event.actor), original && show(original.actor)],
    ["Recipient", show(event.recipient), original && show(original.recipient)],
    ["Date", event.date ? `${event.date} (${event.date_precision || "?"})${event.date_text ? ` from “${event.date_text}”` : ""}` : "–",
      original && (original.date || "–")],
    ["Place", placeText(event.event_loc), original && placeText(original.event_loc)],
    ["Factuality", event.factuality, original && original.factuality],
    ["Attribution", attribution(event.attribution), null],
    ["Confidence", fmtNumber(event.confidence, 2), null],
    ["Evidence", event.evidence, null],
    ["Mentions", `${event.num_mentions ?? 1} in ${event.num_articles ?? 1} article(s), ${event.num_sources ?? 1} source(s)`, null],
    ["Not an event", event.not_event ? "yes (rejected by a correction)" : "no", original ? "no" : null],
  ];
  const head = el("tr", {}, el("th", { scope: "col" }, "Field"), el("th", { scope: "col" }, "Value"),
    original ? el("th", { scope: "col" }, "As coded") : null);
  const body = rows.map(([label, value, was]) => {
    const changed = original && was !== null && show(was) !== show(value);
    return el("tr", { class: changed ? "changed" : null, "data-field": label.toLowerCase().replace(/ /g, "_") },
      el("th", { scope: "row" }, label), el("td", { class: "value" }, show(value)),
      original ? el("td", { class: "was" }, changed ? show(was) : "") : null);
  });
  return el("table", { class: "fields", id: "event-fields" }, el("thead", {}, head), el("tbody", {}, body));
}

function correctionsBlock(corrections) {
  const section = el("section", { class: "card corrections", id: "corrections" }, el("h2", {}, "Corrections"));
  if (!corrections || corrections.length === 0) {
    section.append(el("p", { class: "muted" }, "None yet: the values above are as coded."));
    return section;
  }
  section.append(el("table", { class: "history" },
    el("thead", {}, el("tr", {}, ["When", "Field", "Was", "Now", "Note", "By"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, corrections.map((c) => el("tr", { "data-field": c.field },
      el("td", { class: "nowrap", title: show(c.created_at) }, show(c.created_at).replace("T", " ").slice(0, 16)),
      el("td", {}, show(c.field)), el("td", {}, show(c.old)),
      el("td", {}, show(c.new)), el("td", {}, show(c.note)), el("td", {}, show(c.author))))),
  ));
  return section;
}

const BLANK = { name: "", country: "", sector: "" };

/** One entity of a role: name, country, sector, and a button that takes it out of the form. */
function entityRow(role, entity, voc) {
  const sectors = voc.sectors.map((s) => ({ value: s.code, label: `${s.code} ${s.label}` }));
  const remove = el("button", { type: "button", class: "remove", title: `Remove this ${role}`, "aria-label": `Remove this ${role}` }, "×");
  const row = el("div", { class: "entity-row", "data-role": role },
    el("label", { class: "field" }, el("span", {}, "Name"), el("input", { name: `${role}_name`, value: entity.name, size: 18 })),
    el("label", { class: "field" }, el("span", {}, "Country"), el("input", { name: `${role}_country`, value: entity.country, size: 5, placeholder: "ISO3" })),
    el("label", { class: "field" }, el("span", {}, "Sector"), el("select", { name: `${role}_sector` }, options(sectors, entity.sector, "–"))),
    remove);
  remove.addEventListener("click", () => row.remove());
  return row;
}

/** Every entity of a role (a compound actor has several), with a button to add one. */
function entityFields(role, label, entities, voc) {
  const rows = el("div", { class: "entity-rows", id: `fix-${role}s` }, (entities.length ? entities : [BLANK]).map((e) => entityRow(role, e, voc)));
  const add = el("button", { type: "button", class: "add", id: `fix-add-${role}` }, `+ ${role}`);
  add.addEventListener("click", () => rows.append(entityRow(role, BLANK, voc)));
  return el("fieldset", { class: "entity" }, el("legend", {}, label), rows, add);
}

/** The entities a role's rows hold, in order (rows left empty are no entity). */
function formEntities(data, role) {
  const names = data.getAll(`${role}_name`), countries = data.getAll(`${role}_country`), sectors = data.getAll(`${role}_sector`);
  return names.map((name, i) => ({
    name: String(name).trim(), country: String(countries[i] ?? "").trim().toUpperCase(), sector: String(sectors[i] ?? "").trim(),
  })).filter((e) => e.name || e.country || e.sector);
}

function modeOptions(select, voc, type, current) {
  const info = voc.event_types.find((t) => t.type === type);
  const modes = info ? [...info.modes] : [];
  if (current && !modes.includes(current)) modes.unshift(current);
  replace(select, options(modes, current, "(none)"));
}

/** What the form changes, as the correction body; {} when nothing changed. */
function changes(form, initial) {
  const data = new FormData(form);
  const value = (k) => String(data.get(k) ?? "").trim();
  const body = {};
  // an empty string clears a value (no mode, no date, no place); unchanged fields are left out
  for (const key of ["event_type", "mode", "factuality", "date"]) {
    if (value(key) !== initial[key]) body[key] = value(key);
  }
  const place = { name: value("place_name"), country: value("place_country").toUpperCase() };
  if (place.name !== initial.place.name || place.country !== initial.place.country) body.place = place;
  // a changed role is sent whole: every entity, in order (an empty list: no actor)
  for (const role of ["actor", "recipient"]) {
    const now = formEntities(data, role);
    if (JSON.stringify(now) !== JSON.stringify(initial[role])) body[role] = now;
  }
  const notEvent = data.get("not_event") === "on";
  if (notEvent !== initial.not_event) body.not_event = notEvent;
  return body;
}

function correctionForm(detail, voc, onSaved) {
  const event = detail.event;
  const initial = {
    event_type: event.event_type || "", mode: event.mode || "", factuality: event.factuality || "",
    date: dateValue(event),
    place: { name: (event.event_loc && (event.event_loc.name || event.event_loc.entity_text)) || "", country: (event.event_loc && event.event_loc.country) || "" },
    actor: entitiesOf(event.actor), recipient: entitiesOf(event.recipient), not_event: Boolean(event.not_event),
  };
  const typeSelect = el("select", { name: "event_type", id: "fix-type" }, options(voc.event_types.map((t) => t.type), initial.event_type));
  const modeSelect = el("select", { name: "mode", id: "fix-mode" });
  modeOptions(modeSelect, voc, initial.event_type, initial.mode);
  typeSelect.addEventListener("change", () => modeOptions(modeSelect, voc, typeSelect.value, ""));
  const status = el("p", { class: "form-status", id: "correction-status", role: "status", "aria-live": "polite" });
  const form = el("form", { class: "card correct", id: "correction-form" },
    el("h2", {}, "Correct this event"),
    el("p", { class: "muted" }, "Change what is wrong; unchanged fields are not sent. Every correction is kept beside the original."),
    el("div", { class: "row" },
      el("label", { class: "field" }, el("span", {}, "Type"), typeSelect),
      el("label", { class: "field" }, el("span", {}, "Mode"), modeSelect),
      el("label", { class: "field" }, el("span", {}, "Factuality"),
        el("select", { name: "factuality", id: "fix-factuality" }, options(voc.factuality, initial.factuality))),
      el("label", { class: "field" }, el("span", {}, "Date"),
        el("input", {
          name: "date", id: "fix-date", value: initial.date, size: 10, placeholder: "YYYY-MM-DD",
          pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", title: "YYYY, YYYY-MM or YYYY-MM-DD",
        }))),
    el("fieldset", { class: "entity" }, el("legend", {}, "Place"),
      el("label", { class: "field" }, el("span", {}, "Name"), el("input", { name: "place_name", id: "fix-place", value: initial.place.name, size: 18 })),
      el("label", { class: "field" }, el("span", {}, "Country"), el("input", { name: "place_country", value: initial.place.country, size: 5, placeholder: "ISO3" }))),
    el("div", { class: "row" }, entityFields("actor", "Actor", initial.actor, voc), entityFields("recipient", "Recipient", initial.recipient, voc)),
    el("label", { class: "field check" }, el("input", { type: "checkbox", name: "not_event", id: "fix-not-event", checked: initial.not_event }),
      el("span", {}, "Not an event (hide it from queries and exports)")),
    el("div", { class: "row" },
      el("label", { class: "field grow" }, el("span", {}, "Note"), el("textarea", { name: "note", id: "fix-note", rows: 2, maxlength: 2000 })),
      el("label", { class: "field" }, el("span", {}, "Your name"), el("input", { name: "author", id: "fix-author", size: 14 }))),
    el("div", { class: "buttons" }, el("button", { type: "submit", class: "primary", id: "fix-submit" }, "Save correction")),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = changes(form, initial);
    if (Object.keys(body).length === 0) {
      status.className = "form-status error";
      status.textContent = "Nothing changed: edit a field first.";
      return;
    }
    const data = new FormData(form);
    const note = String(data.get("note") || "").trim();
    const author = String(data.get("author") || "").trim();
    if (note) body.note = note;
    if (author) body.author = author;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.className = "form-status";
    status.textContent = "Saving…";
    try {
      const saved = await post(`/api/events/${encodeURIComponent(event.id)}/corrections`, body);
      const fields = Object.keys(body).filter((k) => k !== "note" && k !== "author");
      onSaved(saved, `Correction saved: ${fields.join(", ")}.`);
    } catch (err) {
      status.className = "form-status error";
      status.textContent = err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? `Not allowed (${err.status}): paste the API token at the top of the page, then save again.`
        : `Not saved: ${err.message}`;
      button.disabled = false;
    }
  });
  return form;
}

function draw(root, detail, voc, message) {
  const event = detail.event;
  const pair = { actor: firstEntity(event.actor).country, recipient: firstEntity(event.recipient).country };
  const header = el("div", { class: "event-head" },
    el("a", { href: "#/events", class: "back" }, "‹ Events"),
    el("h1", {}, `${event.event_type || "?"}${event.mode ? ` · ${event.mode}` : ""}`,
      event.corrected ? el("span", { class: "badge" }, "corrected") : null,
      event.not_event ? el("span", { class: "badge warn" }, "not an event") : null),
    el("p", { class: "muted event-id" }, `event ${event.id}`),
    pair.actor && pair.recipient && pair.actor !== pair.recipient
      ? el("a", { class: "button", href: hashFor("timeline", [], pair) }, "Timeline for this pair") : null,
  );
  const saved = message ? el("p", { class: "saved", id: "correction-saved", role: "status" }, message) : null;
  const fields = el("section", { class: "card" }, el("h2", {}, "Event"), fieldRows(event, detail.original));
  replace(root, header, saved, articleBlock(detail),
    el("div", { class: "columns" }, fields, el("div", {}, correctionForm(detail, voc, (next, msg) => draw(root, next, voc, msg)), correctionsBlock(detail.corrections))));
  root.dataset.ready = "true";
}

export async function render(root, { args, signal }) {
  const id = args[0];
  if (!id) throw new Error("no event id in the address");
  const [voc, detail] = await Promise.all([vocab(), get(`/api/events/${encodeURIComponent(id)}`, {}, signal)]);
  draw(root, detail, voc, null);
  const box = root.querySelector("#article-text");
  const sentence = root.querySelector(".hl-sentence");
  if (box && sentence) box.scrollTop = Math.max(0, sentence.offsetTop - box.offsetTop - 40);
}
