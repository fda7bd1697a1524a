// Building DOM nodes safely: every piece of data goes in as a text node or an attribute value,
// never as markup (article text is untrusted).

/**
 * el("a", {href: "#/x", class: "link"}, "text", child, ...) -> Element.
 * Strings among the children become text nodes; null/undefined/false children are skipped.
 * Attributes named on* are refused: handlers are attached with addEventListener.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, ...children);
  return node;
}

export function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key) || key === "style") throw new Error(`refusing attribute ${key}`);
    node.setAttribute(key, value === true ? "" : String(value));
  }
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of `node` and put `children` in their place. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** <option>s for a <select>: items are strings or {value, label}; the first option is `blank` if given. */
export function options(items, selected, blank) {
  const out = [];
  if (blank !== undefined) out.push(el("option", { value: "" }, blank));
  for (const item of items) {
    const value = typeof item === "object" ? String(item.value) : String(item);
    const label = typeof item === "object" ? item.label : item;
    out.push(el("option", { value, selected: String(selected ?? "") === value }, label));
  }
  return out;
}

export function fmtNumber(value, digits = 1) {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : Number(value).toFixed(digits);
}

/** "Russian forces (RUS)" for each entity of a role, joined. */
export function entityLabel(entities) {
  if (!entities || entities.length === 0) return "–";
  return entities
    .map((e) => {
      const name = e.name || e.entity_text || "?";
      return e.country ? `${name} (${e.country})` : name;
    })
    .join("; ");
}

export function placeLabel(loc) {
  if (!loc) return "–";
  const name = loc.name || loc.entity_text || "?";
  return loc.country ? `${name}, ${loc.country}` : name;
}
