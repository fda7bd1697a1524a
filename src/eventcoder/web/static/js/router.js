// Hash routes: "#/events?event_type=ASSAULT", "#/event/<id>", "#/timeline?actor=RUS&recipient=UKR", ...

/** {view, args, params} from a location hash. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const [view = "", ...args] = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(query));
  return { view: view || "events", args, params };
}

/** "#/view/arg?x=1" (empty parameters dropped). */
export function hashFor(view, args = [], params = {}) {
  const path = [view, ...args].map(encodeURIComponent).join("/");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "" && value !== false) query.set(key, String(value));
  }
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

export function navigate(view, args = [], params = {}) {
  const target = hashFor(view, args, params);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}
