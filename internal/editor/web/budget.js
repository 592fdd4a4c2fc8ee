// The budget editor (kinh phí): items with amounts, nested; the sums and
// the amount in words shown are the server's (state.rules.budgets).
import * as M from "./model.js";
import { formatInt } from "./words.js";
import { state, changed } from "./store.js";
import { h, $, $$, iconButton, button } from "./dom.js";
import { field, rowTools } from "./fields.js";

export function budgetEditor(p) {
  const bud = M.getAt(state.doc, p);
  const unitOpts = ((state.rules && state.rules.units) || []).map((u) => [u.name, u.name]);
  const current = bud.unit || "đồng";
  if (!unitOpts.some(([u]) => u === current)) unitOpts.push([current, current]);
  const items = h("div", { class: "budget-items", dataset: { path: p + "/items" } }, budgetItems(p + "/items", 0));
  const total = h("output", { class: "total" });
  const totalInput = field({ path: p + "/total", label: "Tổng kinh phí (để trống: tự cộng)", kind: "amount", value: bud.total != null ? formatInt(bud.total) : "", attrs: { inputmode: "numeric" }, optional: true });
  const wordsInput = field({ path: p + "/words", label: "Bằng chữ (để trống: tự đọc)", value: bud.words, optional: true, wide: true });
  state.derived.push(() => {
    const b = M.getAt(state.doc, p);
    const r = state.rules && state.rules.budgets[p];
    if (!b || !r) return;
    const sum = r.sum ?? null, t = r.total ?? null, unit = r.unit, words = r.words || "";
    $("input", totalInput).placeholder = sum === null ? "" : `tự cộng: ${formatInt(sum)}`;
    $("input", wordsInput).placeholder = words;
    let msg = t === null ? "Chưa có số tiền." : `Tổng cộng: ${formatInt(t)} ${unit} (${words || r.problem || "…"})`;
    if (typeof b.total === "number" && sum !== null && sum !== b.total) msg += ` — Lưu ý: các dòng chi tiết cộng lại được ${formatInt(sum)} ${unit}.`;
    total.textContent = msg;
    // Parent lines show the sum of their parts while their own amount is blank.
    $$("input[data-kind=amount][data-sum-of]", items).forEach((el) => {
      const s = r.items[el.dataset.sumOf];
      el.placeholder = s === undefined ? "số tiền" : `tự cộng: ${formatInt(s)}`;
    });
  });
  return h("div", { class: "budget" },
    h("div", { class: "grid2" },
      field({ path: p + "/label", label: "Kinh phí — nội dung", value: bud.label, placeholder: "vd: Ngân sách tỉnh hỗ trợ" }),
      field({ path: p + "/unit", label: "Đơn vị tính", kind: "enum", optional: true, value: bud.unit || "đồng", options: unitOpts })),
    h("h4", null, "Chi tiết"),
    items,
    h("div", { class: "grid2" }, totalInput, wordsInput),
    h("p", { class: "budget-total", role: "status" }, total));
}

function budgetItems(listPath, depth) {
  const arr = M.getAt(state.doc, listPath) || [];
  const ol = h("ol", { class: "bitems", role: "list" });
  arr.forEach((it, i) => {
    const p = M.join(listPath, i);
    const hasKids = it.items && it.items.length;
    const amt = field({ path: p + "/amount", label: "Số tiền", kind: "amount", value: typeof it.amount === "number" ? formatInt(it.amount) : "", optional: true, attrs: { inputmode: "numeric" }, cls: "amount" });
    if (hasKids) $("input", amt).dataset.sumOf = p;
    ol.append(h("li", { dataset: { path: p } },
      h("div", { class: "row bitem" },
        h("span", { class: "badge", "aria-hidden": "true" }, depth === 0 ? "-" : "+"),
        field({ path: p + "/text", label: `Khoản chi ${i + 1}`, value: it.text, multiline: true, placeholder: "Nội dung chi" }),
        amt,
        h("div", { class: "tools" },
          iconButton("↳", "Thêm dòng con (chi tiết của dòng này)", () => {
            const x = M.getAt(state.doc, p);
            (x.items || (x.items = [])).push({ text: "", amount: 0 });
            changed({ structural: true, focus: M.join(p, "items", x.items.length - 1, "text") });
          }),
          rowTools(listPath, i, arr.length, { what: "khoản chi" }))),
      hasKids ? budgetItems(p + "/items", depth + 1) : null));
  });
  ol.append(h("li", { class: "addbar" }, button(depth === 0 ? "+ Thêm khoản chi" : "+ Thêm chi tiết", () => {
    const a = M.getAt(state.doc, listPath) || [];
    a.push({ text: "", amount: 0 });
    M.setAt(state.doc, listPath, a);
    changed({ structural: true, focus: M.join(listPath, a.length - 1, "text") });
  })));
  return ol;
}
