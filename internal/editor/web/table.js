// The table editor (bảng, biểu): the column tree, then one line per row.
// Sums shown in blank cells come from the server's composed table.
import * as M from "./model.js";
import { state, changed } from "./store.js";
import { h, $$, button, iconButton } from "./dom.js";
import { field, rowTools } from "./fields.js";
import * as TB from "./tables.js";
import { alertMessage } from "./notices.js";

/**
 * reshapeColumns runs fn, a change of table t's column tree, and moves
 * every row's cells along with their columns: new columns get blank
 * cells, deleted ones lose theirs, moved ones keep their values.
 */
export function reshapeColumns(t, fn) {
  const before = M.leaves(t.columns).map((l) => l.col);
  const leadBefore = M.leadCount(M.leaves(t.columns));
  fn(t);
  const afterLeaves = M.leaves(t.columns);
  const after = afterLeaves.map((l) => l.col);
  const leadAfter = M.leadCount(afterLeaves);
  for (const row of t.rows || []) {
    let cells = row.cells || [];
    if (row.kind && cells.length === 0) continue;
    let short = false;
    if (row.kind && cells.length === before.length - leadBefore && leadBefore > 0) {
      cells = [...Array(leadBefore).fill(null), ...cells];
      short = true;
    }
    let next = after.map((c) => {
      const j = before.indexOf(c);
      return j >= 0 && j < cells.length ? cells[j] : null;
    });
    if (short && next.slice(0, leadAfter).every((v) => v === null)) next = next.slice(leadAfter);
    row.cells = next;
  }
}

/** newRow is a blank row of table t: data rows number themselves when the first column is text. */
export function newRow(t, kind) {
  const ls = M.leaves(t.columns);
  const n = ls.length;
  const r = kind ? { kind, label: kind === "total" ? "Tổng cộng" : "Chỉ tiêu", cells: Array(n - M.leadCount(ls)).fill(null) } : { cells: Array(n).fill(null) };
  if (!kind && n > 0 && !ls[0].col.numeric) r.cells[0] = String((t.rows || []).filter((x) => !x.kind).length + 1);
  return r;
}

export function tableEditor(tp) {
  const t = M.getAt(state.doc, tp);
  const ls = M.leaves(t.columns);
  const lead = M.leadCount(ls);
  const reshape = (fn) => reshapeColumns(M.getAt(state.doc, tp), fn);
  const wrap = h("div", { class: "table-editor" });
  wrap.append(h("div", { class: "grid3" },
    field({ path: tp + "/title", label: "Tên bảng", value: t.title, optional: true }),
    field({ path: tp + "/unit", label: "Đơn vị tính", value: t.unit, optional: true, placeholder: "vd: ĐVT: triệu đồng" }),
    field({ path: tp + "/index_row", label: "Dòng đánh số cột (1), (2) …", kind: "bool", value: t.index_row })));

  // Column tree.
  // The column list stays as the clerk left it across redraws; small
  // tables start open.
  const known = state.openColumns.has(tp) ? state.openColumns.get(tp) : (t.columns || []).length <= 3;
  const cols = h("details", {
    class: "columns", open: known || undefined,
    ontoggle: (e) => state.openColumns.set(tp, e.target.open),
  },
    h("summary", null, `Các cột (${ls.length} cột dữ liệu) — thêm, gộp nhóm, đổi tên`));
  const colList = (arr, base) => {
    const ol = h("ol", { class: "cols", role: "list" });
    arr.forEach((c, i) => {
      const p = `${base}/${i}`;
      const group = c.children && c.children.length;
      const only = arr.length === 1 && base.endsWith("/children");
      const colOp = (fn) => () => { reshape(fn); changed({ structural: true }); };
      const siblings = (tt) => M.getAt(tt, base.slice(tp.length)) || M.getAt(state.doc, base);
      ol.append(h("li", { dataset: { path: tp + p.slice(tp.length) } },
        h("div", { class: "row col" },
          field({ path: p + "/title", label: group ? `Nhóm cột ${i + 1}` : `Cột ${i + 1}`, value: c.title, placeholder: "Tên cột" }),
          group ? null : TB.kindField(tp, ls.findIndex((l) => l.col === c), reshape),
          group || !c.numeric ? null : field({ path: p + "/sum", label: "Cột tổng", kind: "bool", value: c.sum, cls: "small" }),
          group || !c.numeric ? null : field({ path: p + "/no_sum", label: "Không cộng (đơn giá, định mức)", kind: "bool", value: c.no_sum, cls: "small" }),
          group ? null : TB.columnFormula(tp, ls.findIndex((l) => l.col === c)),
          h("div", { class: "tools" },
            iconButton("←", "Chuyển cột sang trái", colOp((tt) => { const a = siblings(tt); [a[i - 1], a[i]] = [a[i], a[i - 1]]; }), { disabled: i === 0 }),
            iconButton("→", "Chuyển cột sang phải", colOp((tt) => { const a = siblings(tt); [a[i + 1], a[i]] = [a[i], a[i + 1]]; }), { disabled: i === arr.length - 1 }),
            iconButton("↳", group ? "Thêm cột con vào nhóm" : "Tách thành nhóm: thêm cột con", colOp(() => {
              const col = M.getAt(state.doc, p);
              if (!col.children || !col.children.length) {
                const child = { title: "" };
                if (col.numeric) { child.numeric = true; delete col.numeric; }
                if (col.sum) { child.sum = true; delete col.sum; }
                col.children = [child];
              } else col.children.push({ title: "", numeric: true });
            })),
            iconButton("✕", only ? "Không xóa được cột con duy nhất; hãy xóa cả nhóm" : "Xóa cột", colOp(() => { M.getAt(state.doc, base).splice(i, 1); }), { cls: "danger", disabled: only }))),
        group ? colList(c.children, `${p}/children`) : null));
    });
    return ol;
  };
  cols.append(colList(t.columns || [], tp + "/columns"),
    h("div", { class: "addbar" },
      button("+ Thêm cột chữ", () => { reshape((tt) => tt.columns.push({ title: "" })); changed({ structural: true }); }),
      button("+ Thêm cột số", () => { reshape((tt) => tt.columns.push({ title: "", numeric: true })); changed({ structural: true }); })));
  wrap.append(cols);

  // Grid: the header as it will print, then one line per row.
  const table = h("table", { class: "grid" });
  const thead = h("thead");
  const hrows = M.headerRows(t.columns);
  hrows.forEach((r, ri) => {
    const tr = h("tr");
    if (ri === 0) tr.append(h("th", { rowspan: hrows.length, class: "rowtools-h" }, "Loại dòng"));
    for (const c of r) tr.append(h("th", { colspan: c.colspan > 1 ? c.colspan : undefined, rowspan: c.rowspan > 1 ? c.rowspan : undefined }, c.col.title || "…"));
    thead.append(tr);
  });
  table.append(thead);
  const tbody = h("tbody");
  const rows = t.rows || [];
  const covered = TB.coveredBy(t);
  rows.forEach((row, ri) => {
    const rp = `${tp}/rows/${ri}`;
    const tr = h("tr", { class: row.kind ? "special " + row.kind : "", dataset: { path: rp } });
    tr.append(h("td", { class: "rowtools" },
      field({ path: rp + "/kind", label: `Loại dòng ${ri + 1}`, hideLabel: true, kind: "enum", optional: true, rerender: true, value: row.kind || "", options: [["", "Dữ liệu"], ["section", "Mục (tổng phụ)"], ["total", "Tổng cộng"], ["target", "Chỉ tiêu"], ...(row.kind === "group" ? [["group", "Nhóm (tiêu đề giữa bảng)"]] : [])] }),
      rowTools(`${tp}/rows`, ri, rows.length, { what: "dòng" }),
      row.kind === "total" || row.kind === "section" || row.kind === "target" ? TB.rowFormula(tp, ri) : null,
      TB.mergeTools(tp, ri, (why) => alertMessage(why))));
    const cells = row.cells || [];
    let offset = 0; // leaf index of cells[0]
    if (row.kind === "group") {
      // A heading across the table: its label only, no cells.
      tr.append(h("td", { colspan: ls.length }, field({ path: rp + "/label", label: `Nhãn dòng ${ri + 1}`, hideLabel: true, value: row.label, placeholder: "vd: II. CỤM CÔNG NGHIỆP …" })));
      tbody.append(tr);
      return;
    }
    if (row.kind && row.kind !== "section") {
      const full = cells.length === ls.length;
      if (!full && lead > 0) {
        offset = lead;
        tr.append(h("td", { colspan: lead }, field({ path: rp + "/label", label: `Nhãn dòng ${ri + 1}`, hideLabel: true, value: row.label, placeholder: row.kind === "total" ? "Tổng cộng" : "Chỉ tiêu" })));
      }
    }
    for (let k = offset; k < ls.length; k++) {
      if (covered.has(`${ri}/${k}`)) continue; // drawn by the merged cell
      const span = offset ? null : TB.spanAt(t, ri, k);
      const ci = k - offset;
      const inp = field({
        path: `${rp}/cells/${ci}`, label: `Dòng ${ri + 1}, cột ${ls[k].col.title || k + 1}`, hideLabel: true, kind: "cell",
        value: M.showCell(cells[ci]), attrs: { "data-numeric": ls[k].col.numeric ? "1" : undefined, "data-width": String(ls.length - offset), "data-leaf": String(k) },
      });
      tr.append(h("td", { class: ls[k].col.numeric ? "num" : "", colspan: span && span.cols > 1 ? span.cols : undefined, rowspan: span && span.rows > 1 ? span.rows : undefined }, inp));
    }
    tbody.append(tr);
  });
  table.append(tbody);
  wrap.append(h("div", { class: "grid-scroll", tabindex: "-1" }, table));
  const addRow = (kind) => () => {
    const tt = M.getAt(state.doc, tp);
    (tt.rows || (tt.rows = [])).push(newRow(tt, kind));
    changed({ structural: true, focus: `${tp}/rows/${tt.rows.length - 1}/cells/${kind ? 0 : 1}` });
  };
  const addSection = () => {
    const tt = M.getAt(state.doc, tp);
    const i = TB.insertRow(tt, TB.sectionRow(tt));
    changed({ structural: true, focus: `${tp}/rows/${i}/cells/0` });
  };
  wrap.append(h("div", { class: "addbar" }, button("+ Thêm dòng", addRow("")), button("+ Dòng tổng cộng", addRow("total")), button("+ Dòng chỉ tiêu", addRow("target")), button("+ Dòng mục (có tổng phụ)", addSection, { dataset: { action: "add-section" } })),
    TB.wordsEditor(tp));

  // Live sums: blank cells of a total row and of a sum column show what
  // the system will print (the server's composed cells).
  state.derived.push(() => {
    const tt = M.getAt(state.doc, tp);
    const printed = state.rules && state.rules.tables[tp];
    if (!tt || !printed) return;
    const L = M.leaves(tt.columns);
    $$("input[data-kind=cell]", tbody).forEach((el) => {
      const k = Number(el.dataset.leaf);
      const tr = el.closest("tr");
      const r = M.getAt(state.doc, tr.dataset.path);
      const row = printed.cells[M.lastIndex(tr.dataset.path)];
      if (!r || !row || !L[k] || !L[k].col.numeric) return;
      // Every blank numeric cell shows what prints there: subtotals of a
      // section row, products, totals, sums.
      el.placeholder = row[k] || "";
      el.closest("td").dataset.computed = el.value === "" && row[k] ? row[k] : "";
    });
  });
  return wrap;
}

/**
 * fillRow gives a row with fewer cells than its drawn width its full set
 * of blanks (a total row with no cells means "all computed") before the
 * first one is typed.
 */
export function fillRow(doc, cellPath, width) {
  const row = M.getAt(doc, cellPath.replace(/\/cells\/\d+$/, ""));
  if (row && (!row.cells || row.cells.length < width)) {
    row.cells = row.cells || [];
    while (row.cells.length < width) row.cells.push(null);
  }
}
