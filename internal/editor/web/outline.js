// The outline: headings, paragraphs, bullets, tables and budgets of the
// body or of an appendix. Labels (I., 1., a)) are the server's; after a
// move the typed labels follow its next answer (relabel).
import * as M from "./model.js";
import { state, changed } from "./store.js";
import { h, $$, byPath, button, iconButton } from "./dom.js";
import { field, textField } from "./fields.js";
import { alertMessage } from "./notices.js";
import { moveBlock, indentBlock, outdentBlock, mainPath } from "./blocks.js";
import { tableEditor } from "./table.js";
import { budgetEditor } from "./budget.js";
import { current, levelName as levelNameOf, headingName } from "./forms.js";

export const KIND_NAMES = { heading: "Tiêu đề", paragraph: "Đoạn văn", item: "Gạch đầu dòng", table: "Bảng", budget: "Kinh phí" };
export const LEVEL_NAMES = ["", "Mục", "Khoản", "Điểm", "Tiểu điểm"];

/** startOf is the level (1 mục, 2 khoản) the server says a list's top headings are. */
export function startOf(root) {
  return (state.rules && state.rules.starts[root]) || 1;
}

/**
 * outline draws a list of blocks. root is the pointer of the top list
 * (/body or /appendices/N/blocks): labels are relabelled over it after a
 * move; start is its heading start level.
 */
export function outline(root, start = startOf(root)) {
  const ctx = { root, start };
  const blocks = M.getAt(state.doc, root) || [];
  return h("div", { class: "outline", dataset: { path: root } },
    blockList(blocks, root, ctx, start === 2 ? [0] : [], 0));
}

function blockList(blocks, listPath, ctx, hpath, itemDepth) {
  const out = h("ol", { class: "blocks", role: "list" });
  let n = 0;
  blocks.forEach((b, i) => {
    const kind = M.blockKind(b);
    let label = "";
    let childPath = hpath;
    if (kind === "heading") {
      n++;
      childPath = [...hpath, n];
      const d = state.rules && state.rules.headings[M.join(listPath, i)];
      label = d ? d.label : "";
    } else if (kind === "item") label = itemDepth === 0 ? "-" : "+";
    out.append(blockView(b, kind, listPath, i, blocks.length, ctx, label, childPath, itemDepth));
  });
  const li = h("li", { class: "addbar" });
  const level = hpath.length + 1;
  li.append(
    button(`+ ${ctx.root === "/body" && current().form ? levelNameOf(current().form, level) : siblingName(blocks, listPath) || LEVEL_NAMES[level] || "Tiêu đề"}`, () => addBlock(listPath, "heading", ctx), { title: "Thêm tiêu đề có số thứ tự" }),
    button("+ Đoạn văn", () => addBlock(listPath, "paragraph", ctx)),
    button("+ Gạch đầu dòng", () => addBlock(listPath, "item", ctx)),
    button("+ Bảng", () => addBlock(listPath, "table", ctx)),
    button("+ Kinh phí", () => addBlock(listPath, "budget", ctx)));
  out.append(li);
  return out;
}

/** siblingName is what the server calls the headings already in a list ("Điều" in a quy chế), or "". */
function siblingName(blocks, listPath) {
  const hs = (state.rules && state.rules.headings) || {};
  for (let i = 0; i < blocks.length; i++) {
    const d = hs[M.join(listPath, i)];
    if (d && d.name) return d.name;
  }
  return "";
}

function blockView(b, kind, listPath, i, n, ctx, label, hpath, itemDepth) {
  const p = M.join(listPath, i);
  const li = h("li", { class: `block block-${kind}`, dataset: { path: p } });
  const derived = kind === "heading" && state.rules && state.rules.headings[p];
  const levelName = kind === "heading" ? ((derived && derived.name) || (ctx.root === "/body" && current().form ? levelNameOf(current().form, hpath.length) : LEVEL_NAMES[hpath.length]) || "Tiêu đề") : KIND_NAMES[kind] || "Khối";
  const badge = h("span", { class: "badge", title: levelName, "aria-hidden": "true", dataset: kind === "heading" ? { labelFor: p } : undefined }, label || (kind === "paragraph" ? "¶" : kind === "table" ? "▦" : kind === "budget" ? "₫" : "?"));
  let main;
  switch (kind) {
    case "heading":
      main = h("div", { class: "main" },
        textField({ path: p + "/heading/title", label: headingName(levelName, label) + " (tiêu đề)", rows: 1, placeholder: hpath.length === 1 && levelName === "Mục" ? "VIẾT HOA, vd: MỤC ĐÍCH, YÊU CẦU" : "" }),
        hpath.length > 1 ? field({ path: p + "/heading/plain", label: "Không in đậm (khoản mở đầu đoạn văn)", kind: "bool", value: b.heading.plain, cls: "small" }) : null);
      break;
    case "paragraph":
      main = h("div", { class: "main" }, textField({ path: p + "/paragraph", label: "Đoạn văn", rows: 2 }));
      break;
    case "item":
      main = h("div", { class: "main" }, textField({ path: p + "/item/text", label: `Gạch đầu dòng (${label})`, rows: 1 }));
      break;
    case "table":
      main = h("div", { class: "main" }, h("span", { class: "label block-title" }, "Bảng"), tableEditor(p + "/table"));
      break;
    case "budget":
      main = h("div", { class: "main" }, h("span", { class: "label block-title" }, "Kinh phí"), budgetEditor(p + "/budget", ctx));
      break;
    default:
      main = h("div", { class: "main" }, h("p", { class: "hint" }, "Khối không nhận ra; được giữ nguyên."));
  }
  li.append(h("div", { class: "block-row" }, badge, main, blockTools(b, kind, listPath, i, n, ctx)));
  const kids = M.childrenOf(b);
  if (kind === "heading" || kind === "item") {
    li.append(h("div", { class: "children" }, blockList(kids || [], p + `/${kind}/children`, ctx, hpath, kind === "item" ? itemDepth + 1 : itemDepth)));
  }
  return li;
}

function blockTools(b, kind, listPath, i, n, ctx) {
  const list = () => M.getAt(state.doc, listPath);
  const prev = i > 0 ? list()[i - 1] : null;
  const canIndent = !!(prev && (prev.heading || prev.item));
  const canOutdent = /\/(heading|item)\/children$/.test(listPath);
  const what = (KIND_NAMES[kind] || "khối").toLowerCase();
  const convert = (kind === "heading" || kind === "paragraph" || kind === "item")
    ? h("select", {
      class: "kind", "aria-label": "Đổi loại dòng", title: "Đổi loại dòng",
      onchange: (e) => {
        const nb = M.convertBlock(list()[i], e.target.value);
        if (!nb) {
          alertMessage("Không đổi được thành đoạn văn vì dòng này còn các dòng con. Hãy chuyển hoặc xóa các dòng con trước.");
          e.target.value = kind;
          return;
        }
        list()[i] = nb;
        relabel(ctx);
        changed({ structural: true, focusAction: { path: M.join(listPath, i), action: "kind" } });
      },
      dataset: { action: "kind" },
    }, ["heading", "paragraph", "item"].map((k) => h("option", { value: k, selected: k === kind }, KIND_NAMES[k])))
    : null;
  const op = (fn, action) => () => {
    const to = fn();
    if (to === undefined) return;
    relabel(ctx);
    changed({ structural: true, focusAction: to && { path: to, action } });
  };
  return h("div", { class: "tools block-tools" },
    convert,
    iconButton("↑", `Chuyển ${what} lên`, op(() => moveBlock(state.doc, listPath, i, -1), "up"), { disabled: i === 0, dataset: { action: "up" } }),
    iconButton("↓", `Chuyển ${what} xuống`, op(() => moveBlock(state.doc, listPath, i, 1), "down"), { disabled: i === n - 1, dataset: { action: "down" } }),
    iconButton("←", `Lùi ${what} ra một cấp`, op(() => outdentBlock(state.doc, listPath, i), "outdent"), { disabled: !canOutdent, dataset: { action: "outdent" } }),
    iconButton("→", `Thụt ${what} vào một cấp (thành dòng con của dòng trên)`, op(() => indentBlock(state.doc, listPath, i), "indent"), { disabled: !canIndent, dataset: { action: "indent" } }),
    iconButton("+", `Chèn ${what} mới bên dưới`, () => {
      const kindNew = kind === "table" || kind === "budget" ? "paragraph" : kind;
      list().splice(i + 1, 0, M.newBlock(kindNew));
      relabel(ctx);
      changed({ structural: true, focus: mainPath(M.join(listPath, i + 1), kindNew) });
    }, { dataset: { action: "insert" } }),
    iconButton("✕", `Xóa ${what}`, () => {
      const kids = M.childrenOf(list()[i]);
      if (kids && kids.length && !confirm(`Xóa ${what} này cùng ${kids.length} dòng con?`)) return;
      list().splice(i, 1);
      relabel(ctx);
      const a = list();
      changed({ structural: true, focus: a.length ? mainPath(M.join(listPath, Math.min(i, a.length - 1)), M.blockKind(a[Math.min(i, a.length - 1)])) : null });
    }, { cls: "danger", dataset: { action: "delete" } }));
}

function addBlock(listPath, kind, ctx) {
  let a = M.getAt(state.doc, listPath);
  if (!a) { M.setAt(state.doc, listPath, []); a = M.getAt(state.doc, listPath); }
  a.push(M.newBlock(kind));
  relabel(ctx);
  changed({ structural: true, focus: mainPath(M.join(listPath, a.length - 1), kind) });
}

/** relabel asks for the typed labels under ctx.root to follow the server's next answer. */
function relabel(ctx) {
  state.relabelRoots.add(ctx.root);
}

/** showLabels puts the server's labels into the drawn outline. */
export function showLabels() {
  const r = state.rules;
  $$("[data-label-for]").forEach((el) => {
    const d = r.headings[el.dataset.labelFor];
    el.textContent = (d && d.label) || "?";
    const input = byPath(el.dataset.labelFor + "/heading/title");
    const label = input && input.labels && input.labels[0];
    if (d && label) {
      const name = d.name || LEVEL_NAMES[d.level] || "Tiêu đề";
      el.title = name;
      label.textContent = headingName(name, d.label) + " (tiêu đề)";
    }
  });
  $$("[data-appendix-for]").forEach((el) => { el.textContent = r.appendices[el.dataset.appendixFor] || "Phụ lục"; });
}
