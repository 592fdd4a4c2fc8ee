// Document helpers: JSON Pointers, Text values, skeletons and the outline
// operations. Nothing here touches the DOM, so the rules can be read (and
// checked with node) on their own.

export const SCHEMA = "vanban/v1";

/** escapeToken escapes one JSON Pointer reference token (RFC 6901). */
function escapeToken(s) {
  return String(s).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** ptr joins tokens into a JSON Pointer: ptr("body", 2, "heading") → "/body/2/heading". */
export function ptr(...parts) {
  return parts.map((p) => "/" + escapeToken(p)).join("");
}

/** join appends tokens to a pointer. */
export function join(base, ...parts) {
  return base + ptr(...parts);
}

/** tokens splits a JSON Pointer into its unescaped tokens. */
export function tokens(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** parent is the pointer of the enclosing value: "/a/b/3" → "/a/b". */
export function parent(pointer) {
  const i = pointer.lastIndexOf("/");
  return i <= 0 ? "" : pointer.slice(0, i);
}

/** lastIndex is the final token of a pointer as a number. */
export function lastIndex(pointer) {
  return Number(pointer.slice(pointer.lastIndexOf("/") + 1));
}

/** getAt reads the value at pointer, or undefined. */
export function getAt(doc, pointer) {
  let v = doc;
  for (const t of tokens(pointer)) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[t];
  }
  return v;
}

/**
 * setAt writes value at pointer, creating missing objects and arrays on
 * the way (an array when the next token is a number). undefined deletes an
 * object key: optional fields disappear from the JSON instead of turning
 * into "" or 0. Arrays are padded with null, the blank table cell.
 */
export function setAt(doc, pointer, value) {
  const ts = tokens(pointer);
  let v = doc;
  for (let i = 0; i < ts.length - 1; i++) {
    const t = ts[i];
    if (v[t] === null || typeof v[t] !== "object") {
      v[t] = /^\d+$/.test(ts[i + 1]) ? [] : {};
    }
    v = v[t];
  }
  const last = ts[ts.length - 1];
  if (Array.isArray(v)) {
    const i = Number(last);
    while (v.length < i) v.push(null);
    v[i] = value === undefined ? null : value;
  } else if (value === undefined) {
    delete v[last];
  } else {
    v[last] = value;
  }
}

// ---- Text: a string or an array of runs ----

/** isPlain reports whether a Text has no emphasis or footnote to lose. */
export function isPlain(t) {
  if (t == null || typeof t === "string") return true;
  if (!Array.isArray(t)) return false;
  return t.every((r) => r && typeof r === "object" && !r.bold && !r.italic && !r.footnote);
}

/** plainText is the text of a Text value without its formatting. */
export function plainText(t) {
  if (t == null) return "";
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.map((r) => (r && r.text) || "").join("");
  return "";
}

// ---- Blocks ----

/** blockKind names the kind of a block: heading, paragraph, item, table, budget. */
export function blockKind(b) {
  for (const k of ["heading", "paragraph", "item", "table", "budget"]) {
    if (b && b[k] !== undefined) return k;
  }
  return "unknown";
}

/** childrenOf returns a block's children array (created when missing), or null. */
export function childrenOf(b, create = false) {
  const k = blockKind(b);
  if (k !== "heading" && k !== "item") return null;
  if (!b[k].children && create) b[k].children = [];
  return b[k].children || null;
}

export function newBlock(kind) {
  switch (kind) {
    case "heading": return { heading: { title: "" } };
    case "paragraph": return { paragraph: "" };
    case "item": return { item: { text: "" } };
    case "table":
      return {
        table: {
          columns: [{ title: "TT" }, { title: "Nội dung" }, { title: "Số lượng", numeric: true }],
          rows: [{ cells: ["1", "", null] }],
        },
      };
    case "budget":
      return { budget: { label: "Tổng kinh phí thực hiện", unit: "đồng", items: [{ text: "", amount: 0 }] } };
  }
  throw new Error("unknown block kind " + kind);
}

/**
 * convertBlock turns a heading, paragraph or item into another of the
 * three, keeping the text and, where the new kind can hold them, the
 * children. It returns null when children would be lost.
 */
export function convertBlock(b, kind) {
  const from = blockKind(b);
  let text = "", children;
  if (from === "heading") { text = b.heading.title; children = b.heading.children; }
  else if (from === "item") { text = b.item.text; children = b.item.children; }
  else if (from === "paragraph") { text = b.paragraph; }
  else return null;
  if (text === undefined) text = "";
  const hasKids = children && children.length > 0;
  switch (kind) {
    case "heading": return { heading: hasKids ? { title: text, children } : { title: text } };
    case "item": return { item: hasKids ? { text, children } : { text } };
    case "paragraph": return hasKids ? null : { paragraph: text };
  }
  return null;
}

// ---- Heading labels ----
// Labels, levels and start levels are the server's (POST /v1/compose-preview,
// compose.Walk): the editor shows them and copies them into typed labels
// after a move; it never numbers headings itself.

/** eachHeadingBlock calls fn(heading, pointer) for every heading under a block list. */
export function eachHeadingBlock(blocks, base, fn) {
  (blocks || []).forEach((b, i) => {
    if (!b) return;
    const p = join(base, i);
    if (b.heading) {
      fn(b.heading, p);
      eachHeadingBlock(b.heading.children, p + "/heading/children", fn);
    } else if (b.item) {
      eachHeadingBlock(b.item.children, p + "/item/children", fn);
    }
  });
}

/** hasLabels reports whether any heading in the tree carries a typed label. */
export function hasLabels(blocks) {
  let found = false;
  eachHeadingBlock(blocks, "", (h) => { if (h.label) found = true; });
  return found;
}

/**
 * applyLabels rewrites typed labels under the list at base to the printed
 * ones (labels: pointer → {label}) after headings moved: the validator
 * checks a typed label against its position, so a stale one would turn a
 * move into an error. Documents without typed labels are left alone (the
 * system numbers them). Returns whether anything changed.
 */
export function applyLabels(blocks, base, labels) {
  if (!hasLabels(blocks)) return false;
  let changed = false;
  eachHeadingBlock(blocks, base, (h, p) => {
    const want = labels && labels[p] ? labels[p].label : undefined;
    if (want !== undefined && h.label !== want) { h.label = want; changed = true; }
  });
  return changed;
}

// ---- Table columns ----

/** leaves lists a table's data columns in order, each with its pointer suffix. */
export function leaves(columns, base = "/columns") {
  const out = [];
  (columns || []).forEach((c, i) => {
    const p = base + "/" + i;
    if (c.children && c.children.length) out.push(...leaves(c.children, p + "/children"));
    else out.push({ col: c, path: p });
  });
  return out;
}

/** leadCount is the number of leading non-numeric leaf columns a total row's label spans. */
export function leadCount(ls) {
  let n = 0;
  while (n < ls.length && !ls[n].col.numeric) n++;
  return n;
}

/** headerRows lays the column tree out as rows of {col, colspan, rowspan}. */
export function headerRows(columns) {
  const depth = (cs) => Math.max(0, ...(cs || []).map((c) => (c.children && c.children.length ? 1 + depth(c.children) : 1)));
  const total = depth(columns);
  const rows = Array.from({ length: total }, () => []);
  const width = (c) => (c.children && c.children.length ? c.children.reduce((s, k) => s + width(k), 0) : 1);
  const place = (cs, level, base) => {
    for (const [i, c] of (cs || []).entries()) {
      const kids = c.children && c.children.length;
      rows[level].push({ col: c, path: base + "/" + i, colspan: width(c), rowspan: kids ? 1 : total - level });
      if (kids) place(c.children, level + 1, base + "/" + i + "/children");
    }
  };
  place(columns, 0, "/columns");
  return rows;
}

/** cellNumber reads a cell as a number, or null when blank or text. */
export function cellNumber(v) {
  if (typeof v === "number") return v;
  return null;
}

/**
 * parseCell turns what the clerk typed into a cell value: blank → null; in
 * a numeric column "1.234" or "1234" → 1234 and "12,5" → 12.5; anything
 * else stays text ("-", "x").
 */
export function parseCell(s, numeric) {
  const t = s.trim();
  if (t === "") return null;
  if (numeric) {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
    if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  }
  return s;
}

/** showCell is the inverse of parseCell for display. */
export function showCell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  return String(v);
}

