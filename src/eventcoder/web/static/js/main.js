// The app shell: hash routing between views, the token form, and one place that shows errors.

import { parseHash } from "./router.js";
import { initTokenForm } from "./token.js";
import { el, replace } from "./dom.js";
import * as events from "./views/events.js";
import * as eventView from "./views/event.js";
import * as timeline from "./views/timeline.js";
import * as network from "./views/network.js";
import * as map from "./views/map.js";

const VIEWS = { events, event: eventView, timeline, network, map };
const NAV = { event: "events" };

const container = document.getElementById("view");
const notice = document.getElementById("notice");
let generation = 0;
let controller = null;

export function showError(err) {
  notice.hidden = false;
  replace(notice, el("strong", {}, "Error: "), err && err.message ? err.message : String(err));
}

function clearError() {
  notice.hidden = true;
  notice.replaceChildren();
}

async function route() {
  const { view, args, params } = parseHash(location.hash);
  const module = VIEWS[view] || events;
  const name = VIEWS[view] ? view : "events";
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("active", link.dataset.view === (NAV[name] || name));
  }
  if (controller) controller.abort();
  controller = new AbortController();
  const mine = ++generation;
  clearError();
  const root = el("section", { class: `view view-${name}`, "data-view": name, "data-hash": location.hash });
  replace(container, root);
  document.body.dataset.view = name;
  try {
    await module.render(root, { args, params, signal: controller.signal, showError });
  } catch (err) {
    if (err && err.name === "AbortError") return;
    if (mine === generation) showError(err);
  }
  if (mine === generation) root.dataset.ready = "true";
}

window.addEventListener("hashchange", route);
window.addEventListener("unhandledrejection", (event) => showError(event.reason));
initTokenForm();
route();
