// Editing a table's structure the way offices build a dự toán or a biểu:
// section rows (mục) holding a subtotal, total rows, merged cells, column
// kinds, a formula picked from a short list, and the "Bằng chữ" line.
// What the kinds and formulas are called, which kinds hold numbers, and
// every number the table prints (subtotals, products, totals, words) come
// from the server (POST /v1/compose-preview: column_kinds, formulas,
// tables); this module only changes the JSON and shows those answers.
//
// The functions above the DOM section are pure (node --test); the
// builders below draw their controls for table.js.
import * as M from "./model.js";
import { state, changed } from "./store.js";
import { h, button, iconButton } from "./dom.js";
import { field } from "./fields.js";

// ---------------------------------------------------------------------------
// Pure operations on a table's JSON

/** sectionRow is a new section row (mục) of table t: its cells blank, its subtotal computed by the server. */
export function sectionRow(t, label = "") {
  const n = M.leaves(t.columns).length;
  const cells = Array(n).fill(null);
  if (n > 1 && label) cells[1] = label;
  return { kind: "section", cells };
}

/** totalRow is a new total row; its numeric cells stay blank so the server computes them. */
export function totalRow(t, label = "Tổng cộng") {
  const ls = M.leaves(t.columns);
  return { kind: "total", label, cells: Array(ls.length - M.leadCount(ls)).fill(null) };
}

/** insertRow puts row into t after index at (at the end when at is undefined); returns its index. */
export function insertRow(t, row, at) {
  const rows = t.rows || (t.rows = []);
  const i = at === undefined || at >= rows.length ? rows.length : at + 1;
  rows.splice(i, 0, row);
  return i;
}

/** leafKey is the key of leaf column k, given one ("c3") when it has none, for formulas and the words line. */
export function leafKey(t, k) {
  const ls = M.leaves(t.columns);
  const col = ls[k] && ls[k].col;
  if (!col) return "";
  if (!col.key) {
    const used = new Set(ls.map((l) => l.col.key).filter(Boolean));
    let n = k + 1;
    while (used.has("c" + n)) n++;
    col.key = "c" + n;
  }
  return col.key;
}

/** rowID is the id of row r, given one ("r4") when it has none. */
export function rowID(t, r) {
  const row = t.rows && t.rows[r];
  if (!row) return "";
  if (!row.id) {
    const used = new Set(t.rows.map((x) => x.id).filter(Boolean));
    let n = r + 1;
    while (used.has("r" + n)) n++;
    row.id = "r" + n;
  }
  return row.id;
}

/**
 * setColumnKind gives leaf column col a kind; numeric is whether the
 * server says that kind holds numbers (column_kinds[].numeric). Run it
 * inside reshapeColumns: a numeric column changes where a total row's
 * label ends.
 */
export function setColumnKind(col, kind, numeric) {
  if (!kind || kind === "text") delete col.kind; else col.kind = kind;
  if (numeric) col.numeric = true; else { delete col.numeric; delete col.sum; delete col.no_sum; delete col.formula; }
}

/**
 * setFormula sets or clears the formula of a column (product) or a row
 * (times, percent, sum). spec: {form, keys} for a product of columns;
 * {form, n, of} for n × row or n % of row (of: a row index); {form, rows}
 * for the sum of rows (indexes). form "" clears it. Row and column ids
 * are made as needed. Returns the formula set, or null.
 */
export function setFormula(t, target, spec) {
  const form = spec && spec.form;
  if (target.col !== undefined) {
    const col = M.leaves(t.columns)[target.col].col;
    if (form !== "product") { delete col.formula; return null; }
    col.formula = { product: (spec.keys || []).map((k) => (typeof k === "number" ? leafKey(t, k) : k)).filter(Boolean) };
    return col.formula;
  }
  const row = t.rows[target.row];
  let f = null;
  switch (form) {
    case "times": f = { times: Number(spec.n) || 0, of: rowID(t, spec.of) }; break;
    case "percent": f = { percent: Number(spec.n) || 0, of: rowID(t, spec.of) }; break;
    case "sum": f = { sum: (spec.rows || []).map((r) => rowID(t, r)) }; break;
  }
  if (f) row.formula = f; else delete row.formula;
  return f;
}

/** formulaForm names the form a formula uses ("" when none). */
export function formulaForm(f) {
  if (!f) return "";
  if (f.product) return "product";
  if (f.sum) return "sum";
  if (f.percent) return "percent";
  if (f.times) return "times";
  return "";
}

/** spanAt is the span starting at row r, leaf column c, or null. */
export function spanAt(t, r, c) {
  const row = t.rows[r];
  return (row && (row.spans || []).find((s) => s.col === c)) || null;
}

/**
 * coveredBy maps each cell covered by a merge to the cell that covers
 * it: "r/c" → [r0, c0]. A covered cell is not drawn; the merged one is
 * drawn with its row and column span.
 */
export function coveredBy(t) {
  const out = new Map();
  (t.rows || []).forEach((row, r) => {
    for (const s of row.spans || []) {
      const rows = Math.max(s.rows || 1, 1), cols = Math.max(s.cols || 1, 1);
      for (let i = r; i < r + rows; i++) {
        for (let j = s.col; j < s.col + cols; j++) if (i !== r || j !== s.col) out.set(`${i}/${j}`, [r, s.col]);
      }
    }
  });
  return out;
}

/**
 * merge makes the cell at row r, leaf column c cover cols columns and
 * rows rows. Nothing is lost: it refuses ({ok: false, why}) when a cell
 * it would cover holds something, reaches past the table or into a row
 * that is not a data or section row, or overlaps another merge.
 */
export function merge(t, r, c, cols, rows) {
  cols = Math.max(1, Math.floor(cols || 1));
  rows = Math.max(1, Math.floor(rows || 1));
  const width = M.leaves(t.columns).length;
  const all = t.rows || [];
  if (cols === 1 && rows === 1) return { ok: false, why: "Chọn gộp ít nhất 2 ô." };
  if (c + cols > width) return { ok: false, why: "Ô gộp vượt quá số cột của bảng." };
  if (r + rows > all.length) return { ok: false, why: "Ô gộp vượt quá số dòng của bảng." };
  const taken = coveredBy(t);
  for (let i = r; i < r + rows; i++) {
    const row = all[i];
    if (row.kind && row.kind !== "section") return { ok: false, why: `Dòng ${i + 1} là dòng tổng hoặc nhóm; chỉ gộp được ô của dòng dữ liệu và dòng mục.` };
    for (let j = c; j < c + cols; j++) {
      if (i === r && j === c) continue;
      const v = row.cells ? row.cells[j] : null;
      if (v !== null && v !== undefined && v !== "") return { ok: false, why: `Ô dòng ${i + 1}, cột ${j + 1} đang có nội dung (“${v}”); hãy chuyển hoặc xóa nội dung trước khi gộp.` };
      if (taken.has(`${i}/${j}`) || spanAt(t, i, j)) return { ok: false, why: `Ô dòng ${i + 1}, cột ${j + 1} đã thuộc một ô gộp khác.` };
    }
  }
  if (taken.has(`${r}/${c}`)) return { ok: false, why: "Ô này đã thuộc một ô gộp khác." };
  for (let i = r; i < r + rows; i++) {
    const row = all[i];
    row.cells = row.cells || [];
    while (row.cells.length < width) row.cells.push(null);
    for (let j = c; j < c + cols; j++) if (i !== r || j !== c) row.cells[j] = null;
  }
  const row = all[r];
  row.spans = (row.spans || []).filter((s) => s.col !== c);
  const span = { col: c };
  if (cols > 1) span.cols = cols;
  if (rows > 1) span.rows = rows;
  row.spans.push(span);
  row.spans.sort((a, b) => a.col - b.col);
  return { ok: true, span };
}

/** unmerge takes the merge off the cell at row r, leaf column c; the cells it covered come back blank. */
export function unmerge(t, r, c) {
  const row = t.rows[r];
  if (!row || !row.spans) return false;
  const n = row.spans.length;
  row.spans = row.spans.filter((s) => s.col !== c);
  if (!row.spans.length) delete row.spans;
  return (row.spans ? row.spans.length : 0) !== n;
}

/** setWords asks for the "Bằng chữ" line under the table, read from row r's leaf column c; r < 0 removes it. */
export function setWords(t, r, c, unit) {
  if (r < 0) { delete t.words; return null; }
  t.words = { row: rowID(t, r), column: leafKey(t, c) };
  if (unit) t.words.unit = unit;
  return t.words;
}

/** rowName is how a row is named in a list of choices: its TT and content, or its label. */
export function rowName(t, r) {
  const row = t.rows[r];
  if (!row) return "";
  const text = row.label || (row.cells || []).filter((v) => v !== null && v !== "").slice(0, 2).join(" ");
  return `Dòng ${r + 1}${text ? ": " + String(text).slice(0, 40) : ""}`;
}

// ---------------------------------------------------------------------------
// Controls for table.js (DOM)

const kinds = () => (state.rules && state.rules.column_kinds) || [];
const forms = () => (state.rules && state.rules.formulas) || [];

/** kindField picks the kind of leaf column k (the server's list); it reshapes the rows, as a numeric flag does. */
export function kindField(tp, k, reshape) {
  const t = M.getAt(state.doc, tp);
  const col = M.leaves(t.columns)[k].col;
  const current = col.kind || (col.numeric ? "number" : "text");
  const opts = kinds().map((x) => [x.code, x.label]);
  if (!opts.some(([c]) => c === current)) opts.unshift([current, current]);
  return h("div", { class: "field small" },
    h("label", null, "Loại cột",
      h("select", {
        dataset: { action: "column-kind", leaf: String(k) },
        title: (kinds().find((x) => x.code === current) || {}).hint || "",
        onchange: (e) => {
          const kind = kinds().find((x) => x.code === e.target.value) || { code: e.target.value };
          reshape(() => setColumnKind(M.leaves(M.getAt(state.doc, tp).columns)[k].col, kind.code, kind.numeric));
          changed({ structural: true });
        },
      }, opts.map(([v, l]) => h("option", { value: v, selected: v === current }, l)))));
}

/** columnFormula offers a product formula on numeric leaf column k: tick the columns it multiplies. */
export function columnFormula(tp, k) {
  const t = M.getAt(state.doc, tp);
  const ls = M.leaves(t.columns);
  const col = ls[k].col;
  if (!col.numeric) return null;
  const product = forms().find((f) => f.code === "product");
  if (!product) return null;
  const on = !!(col.formula && col.formula.product);
  const wrap = h("div", { class: "formula" },
    h("label", { class: "check" },
      h("input", {
        type: "checkbox", checked: on, dataset: { action: "column-formula", leaf: String(k) }, title: product.hint || "",
        onchange: (e) => {
          const tt = M.getAt(state.doc, tp);
          const others = M.leaves(tt.columns).map((l, j) => (j !== k && l.col.numeric ? j : -1)).filter((j) => j >= 0);
          setFormula(tt, { col: k }, e.target.checked ? { form: "product", keys: others } : { form: "" });
          changed({ structural: true });
        },
      }), " " + product.label));
  if (on) {
    const keys = new Set(col.formula.product);
    wrap.append(h("span", { class: "factors" }, "= ",
      ls.map((l, j) => (j === k || !l.col.numeric ? null : h("label", { class: "check" },
        h("input", {
          type: "checkbox", checked: !!l.col.key && keys.has(l.col.key),
          onchange: (e) => {
            const tt = M.getAt(state.doc, tp);
            const key = leafKey(tt, j);
            const c = M.leaves(tt.columns)[k].col;
            const set = new Set(c.formula.product);
            if (e.target.checked) set.add(key); else set.delete(key);
            c.formula.product = M.leaves(tt.columns).map((x) => x.col.key).filter((x) => set.has(x));
            changed({ structural: true });
          },
        }), " " + (l.col.title || `cột ${j + 1}`))))));
  }
  return wrap;
}

/** rowFormula picks the formula of a total or section row from the server's short list (n × a row, % of a row, sum of rows). */
export function rowFormula(tp, r) {
  const t = M.getAt(state.doc, tp);
  const row = t.rows[r];
  const cur = formulaForm(row.formula);
  const choices = forms().filter((f) => f.code !== "product");
  const others = t.rows.map((_, i) => i).filter((i) => i !== r && t.rows[i].kind !== "group");
  const apply = (spec) => { setFormula(M.getAt(state.doc, tp), { row: r }, spec); changed({ structural: true }); };
  const ofIndex = () => {
    const id = row.formula && row.formula.of;
    const i = t.rows.findIndex((x) => x.id && x.id === id);
    return i >= 0 ? i : others[0];
  };
  const sel = h("select", {
    "aria-label": `Công thức dòng ${r + 1}`, dataset: { action: "row-formula" },
    onchange: (e) => apply(e.target.value === "sum" ? { form: "sum", rows: [] } : { form: e.target.value, n: e.target.value === "times" ? 1 : 10, of: ofIndex() }),
  }, h("option", { value: "" }, "Không có công thức"), choices.map((f) => h("option", { value: f.code, selected: f.code === cur, title: f.hint || "" }, f.label)));
  const wrap = h("div", { class: "row-formula" }, sel);
  if (cur === "times" || cur === "percent") {
    wrap.append(
      h("input", {
        type: "number", step: "any", min: "0", class: "n", value: String(row.formula[cur]), "aria-label": cur === "times" ? "Hệ số" : "Tỷ lệ %",
        onchange: (e) => apply({ form: cur, n: e.target.value, of: ofIndex() }),
      }),
      h("select", { "aria-label": "của dòng", onchange: (e) => apply({ form: cur, n: row.formula[cur], of: Number(e.target.value) }) },
        others.map((i) => h("option", { value: String(i), selected: i === ofIndex() }, rowName(t, i)))));
  } else if (cur === "sum") {
    const ids = new Set(row.formula.sum);
    wrap.append(h("select", {
      multiple: true, size: String(Math.min(4, others.length)), "aria-label": "Cộng các dòng",
      onchange: (e) => apply({ form: "sum", rows: [...e.target.selectedOptions].map((o) => Number(o.value)) }),
    }, others.map((i) => h("option", { value: String(i), selected: !!t.rows[i].id && ids.has(t.rows[i].id) }, rowName(t, i)))));
  }
  return wrap;
}

/** mergeTools merge a cell of row r with its neighbours (right and below), or take a merge off. */
export function mergeTools(tp, r, onRefuse) {
  const t = M.getAt(state.doc, tp);
  const ls = M.leaves(t.columns);
  const row = t.rows[r];
  if (row.kind && row.kind !== "section") return null;
  const col = h("select", { "aria-label": "Gộp từ cột" }, ls.map((l, j) => h("option", { value: String(j) }, l.col.title || `Cột ${j + 1}`)));
  const cols = h("input", { type: "number", min: "1", value: "1", class: "n", "aria-label": "Số cột gộp" });
  const rows = h("input", { type: "number", min: "1", value: "2", class: "n", "aria-label": "Số dòng gộp" });
  const spans = (row.spans || []).map((s) => h("span", { class: "span-tag" },
    `${ls[s.col] ? ls[s.col].col.title || "cột " + (s.col + 1) : "?"}: ${s.cols || 1} cột × ${s.rows || 1} dòng `,
    iconButton("✕", "Bỏ gộp ô này", () => { unmerge(M.getAt(state.doc, tp), r, s.col); changed({ structural: true }); }, { dataset: { action: "unmerge" } })));
  return h("details", { class: "merge" },
    h("summary", { title: "Gộp ô với các ô bên phải hoặc bên dưới" }, "Gộp ô"),
    spans,
    h("div", { class: "inline" }, col, " rộng ", cols, " cột, cao ", rows, " dòng ",
      button("Gộp", () => {
        const res = merge(M.getAt(state.doc, tp), r, Number(col.value), Number(cols.value), Number(rows.value));
        if (!res.ok) { onRefuse(res.why); return; }
        changed({ structural: true });
      }, { dataset: { action: "merge" } })));
}

/** wordsEditor chooses the row and column the "Bằng chữ" line reads, and shows the line the server prints. */
export function wordsEditor(tp) {
  const t = M.getAt(state.doc, tp);
  const ls = M.leaves(t.columns);
  const numeric = ls.map((l, j) => (l.col.numeric ? j : -1)).filter((j) => j >= 0);
  if (!numeric.length) return null;
  const w = t.words;
  const rowIdx = w ? t.rows.findIndex((x) => x.id === w.row) : -1;
  const colIdx = w ? ls.findIndex((l) => l.col.key === w.column) : -1;
  const line = h("output", { class: "words-line", dataset: { wordsFor: tp } });
  state.derived.push(() => {
    const d = state.rules && state.rules.tables && state.rules.tables[tp];
    line.textContent = (d && d.words) || "";
  });
  const apply = (r, c) => { setWords(M.getAt(state.doc, tp), r, c, w && w.unit); changed({ structural: true }); };
  const rowSel = h("select", { "aria-label": "Bằng chữ: đọc số của dòng", dataset: { action: "words-row" }, onchange: (e) => apply(Number(e.target.value), colIdx >= 0 ? colIdx : numeric[numeric.length - 1]) },
    h("option", { value: "-1" }, "Không in dòng “Bằng chữ”"),
    t.rows.map((_, i) => h("option", { value: String(i), selected: i === rowIdx }, rowName(t, i))));
  const colSel = w ? h("select", { "aria-label": "Bằng chữ: cột", onchange: (e) => apply(rowIdx, Number(e.target.value)) },
    numeric.map((j) => h("option", { value: String(j), selected: j === colIdx }, ls[j].col.title || `Cột ${j + 1}`))) : null;
  return h("div", { class: "words" },
    h("span", { class: "label" }, "Số tiền bằng chữ dưới bảng"), rowSel, colSel,
    w ? field({ path: tp + "/words/unit", label: "Đơn vị của số", value: w.unit || "", optional: true, placeholder: "đồng", cls: "narrow" }) : null,
    line);
}
