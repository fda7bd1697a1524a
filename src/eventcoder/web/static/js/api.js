// Talking to the eventcoder HTTP API (same origin). Errors become ApiError with the server's detail.

import { getToken, askForToken } from "./token.js";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail ? `${status}: ${detail}` : `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

/** "/api/events?x=1" from a path and an object of parameters (empty values dropped). */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

function detailOf(body) {
  if (!body) return "";
  const detail = body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc: [...], msg: "..."}]
    return detail.map((d) => `${(d.loc || []).slice(1).join(".") || "body"}: ${d.msg}`).join("; ");
  }
  return JSON.stringify(body);
}

export async function request(method, path, { params, body, signal } = {}) {
  const headers = { Accept: "application/json" };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers, signal, credentials: "same-origin" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url(path, params), init);
  let data = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) data = await response.json();
  if (!response.ok) {
    if (response.status === 401 || response.status === 403) askForToken();
    throw new ApiError(response.status, detailOf(data) || response.statusText);
  }
  return data;
}

export const get = (path, params, signal) => request("GET", path, { params, signal });
export const post = (path, body) => request("POST", path, { body });

let vocabPromise = null;
/** The PLOVER vocabularies for selects (static/vocab.json, fetched once). */
export function vocab() {
  if (!vocabPromise) {
    vocabPromise = fetch("/static/vocab.json").then((r) => {
      if (!r.ok) throw new ApiError(r.status, "vocabulary file missing");
      return r.json();
    });
  }
  return vocabPromise;
}
