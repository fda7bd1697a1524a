// Article text with role spans marked: nested <mark> elements built from text nodes only.
//
// Spans are [start, end) character offsets into the article text. A span inside another becomes a child
// element; a span crossing another's end is cut in two (both parts carry data-part). The sentence is the
// outer element; actor, recipient, trigger, date and place are marks inside it.

export const ROLES = [
  { role: "actor", label: "Actor" },
  { role: "recipient", label: "Recipient" },
  { role: "trigger", label: "Trigger" },
  { role: "date", label: "Date" },
  { role: "place", label: "Place" },
  { role: "sentence", label: "Sentence" },
];

const ORDER = Object.fromEntries(ROLES.map((r, i) => [r.role, i]));
// outer roles first when two spans start together and have the same length
const NESTING = { sentence: 0, actor: 1, recipient: 1, place: 2, date: 3, trigger: 4 };

function compare(a, b) {
  return a.start - b.start || b.end - a.end || (NESTING[a.role] ?? 9) - (NESTING[b.role] ?? 9) || (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9);
}

function markFor(span) {
  const node = document.createElement(span.role === "sentence" ? "span" : "mark");
  node.className = `hl hl-${span.role}`;
  node.dataset.role = span.role;
  if (span.part) node.dataset.part = "true";
  const label = ROLES.find((r) => r.role === span.role);
  node.title = label ? label.label : span.role;
  return node;
}

function build(parent, text, start, end, spans) {
  let pos = start;
  let rest = spans.slice().sort(compare);
  while (rest.length) {
    let span = rest.shift();
    if (span.start < pos) span = { ...span, start: pos, part: true };
    if (span.start >= span.end) continue;
    if (span.start > pos) parent.append(document.createTextNode(text.slice(pos, span.start)));
    const inner = [];
    const after = [];
    for (const other of rest) {
      if (other.start >= span.end) after.push(other);
      else if (other.end <= span.end) inner.push(other);
      else {
        inner.push({ ...other, end: span.end, part: true });
        after.push({ ...other, start: span.end, part: true });
      }
    }
    const node = markFor(span);
    build(node, text, span.start, span.end, inner);
    parent.append(node);
    pos = span.end;
    rest = after.sort(compare);
  }
  if (end > pos) parent.append(document.createTextNode(text.slice(pos, end)));
}

/**
 * A fragment showing text[from:to] with `spans` ({role, start, end}) marked.
 * Spans outside [from, to) are dropped and those reaching past it are clipped.
 */
export function highlighted(text, spans, from = 0, to = text.length) {
  const fragment = document.createDocumentFragment();
  const usable = [];
  for (const s of spans || []) {
    const start = Math.max(from, Number(s.start));
    const end = Math.min(to, Number(s.end));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) usable.push({ role: s.role, start, end });
  }
  build(fragment, text, from, to, usable);
  return fragment;
}

/** The window of text to show around [start, end): whole paragraphs, at most `context` characters each side. */
export function contextWindow(text, start, end, context = 1200) {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) {
    const para = text.lastIndexOf("\n", start);
    from = Math.min(start, para >= from ? para + 1 : text.indexOf(" ", from) + 1 || from);
  }
  if (to < text.length) {
    const para = text.indexOf("\n", end);
    to = para !== -1 && para <= to ? para : Math.max(end, text.lastIndexOf(" ", to));
  }
  return [from, to];
}

/** A legend of the role colours. */
export function legend() {
  const list = document.createElement("ul");
  list.className = "legend";
  list.setAttribute("aria-label", "Highlight colours");
  for (const { role, label } of ROLES) {
    const item = document.createElement("li");
    const swatch = document.createElement(role === "sentence" ? "span" : "mark");
    swatch.className = `hl hl-${role} swatch`;
    swatch.textContent = label;
    item.append(swatch);
    list.append(item);
  }
  return list;
}
