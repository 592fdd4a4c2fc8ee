// Field builders. Each returns a .field wrapper holding a label bound to
// its input; every input carries data-path (the JSON Pointer it edits) and
// data-kind (how its text becomes a JSON value, see readValue), so one
// input handler writes any field back.
import * as M from "./model.js";
import { state, changed } from "./store.js";
import { h, nextID, button, iconButton } from "./dom.js";

/**
 * field builds a labelled input.
 * o: {path, label, kind, value, multiline, placeholder, hint, optional,
 *     rerender, type, options (for select), attrs, wide, hideLabel}
 */
export function field(o) {
  const id = nextID();
  const common = {
    id,
    dataset: { path: o.path, kind: o.kind || "str" },
    placeholder: o.placeholder,
    "aria-describedby": o.hint ? id + "-hint" : undefined,
    ...(o.attrs || {}),
  };
  if (o.optional) common.dataset.optional = "1";
  if (o.rerender) common.dataset.rerender = "1";
  if (o.reshape) common.dataset.reshape = "1";
  let input;
  if (o.options) {
    input = h("select", common, o.options.map(([v, label]) => h("option", { value: v }, label)));
    input.value = o.value ?? "";
  } else if (o.kind === "bool") {
    input = h("input", { ...common, type: "checkbox", checked: !!o.value });
  } else if (o.multiline) {
    input = h("textarea", { ...common, rows: o.rows || 1, spellcheck: "true", lang: "vi" });
    input.value = o.value ?? "";
  } else {
    input = h("input", { ...common, type: o.type || "text", value: o.value ?? "", lang: "vi" });
  }
  const label = h("label", { for: id, class: o.hideLabel ? "sr-only" : "" }, o.label);
  const kids = o.kind === "bool" ? [input, label] : [label, input];
  return h("div", { class: `field ${o.kind === "bool" ? "check" : ""} ${o.wide ? "wide" : ""} ${o.cls || ""}` },
    kids,
    o.hint ? h("div", { class: "hint", id: id + "-hint" }, o.hint) : null);
}

/**
 * textField edits a Text value (string or runs). Plain text is edited as a
 * string; runs with bold, italic or footnotes are shown read-only with a
 * button that drops the formatting, so nothing is lost unless asked.
 */
export function textField(o) {
  const v = M.getAt(state.doc, o.path);
  if (M.isPlain(v)) {
    return field({ ...o, kind: "text", multiline: o.multiline !== false, value: M.plainText(v) });
  }
  const id = nextID();
  const shown = h("div", { class: "rich", id, tabindex: "0", role: "textbox", "aria-readonly": "true", "aria-label": o.label, dataset: { path: o.path } },
    v.map((r) => {
      let el = document.createTextNode(r.text || "");
      if (r.bold) el = h("b", null, el);
      if (r.italic) el = h("i", null, el);
      return r.footnote ? h("span", { title: "Chú thích: " + r.footnote }, el, h("sup", null, "*")) : el;
    }));
  return h("div", { class: "field wide" },
    h("span", { class: "label" }, o.label),
    shown,
    h("div", { class: "hint" }, "Đoạn này có định dạng (in đậm, in nghiêng hoặc chú thích), được giữ nguyên khi in. ",
      h("button", {
        type: "button", class: "link",
        onclick: () => {
          if (!confirm("Bỏ định dạng của đoạn này để sửa như văn bản thường?")) return;
          M.setAt(state.doc, o.path, M.plainText(v));
          changed({ structural: true, focus: o.path });
        },
      }, "Bỏ định dạng để sửa")));
}

/**
 * listEditor edits an array of strings or Texts (căn cứ, đoạn mở đầu,
 * đoạn kết, Kính gửi): one field per entry, with move and delete.
 */
export function listEditor(o) {
  const arr = M.getAt(state.doc, o.path) || [];
  const wrap = h("div", { class: "list", dataset: { path: o.path } });
  arr.forEach((_, i) => {
    const p = M.join(o.path, i);
    const f = o.text ? textField({ path: p, label: `${o.itemLabel} ${i + 1}`, rows: 2 })
      : field({ path: p, label: `${o.itemLabel} ${i + 1}`, value: arr[i] });
    wrap.append(h("div", { class: "row" }, f, rowTools(o.path, i, arr.length)));
  });
  wrap.append(h("div", { class: "addbar" },
    button("+ " + o.addLabel, () => {
      const a = M.getAt(state.doc, o.path) || [];
      a.push("");
      M.setAt(state.doc, o.path, a);
      changed({ structural: true, focus: M.join(o.path, a.length - 1) });
    })));
  return wrap;
}

/** rowTools are the up/down/delete buttons of one entry of a simple list. */
export function rowTools(listPath, i, n, o = {}) {
  const move = (d) => () => {
    const a = M.getAt(state.doc, listPath);
    [a[i], a[i + d]] = [a[i + d], a[i]];
    changed({ structural: true, focusAction: { path: M.join(listPath, i + d), action: d < 0 ? "up" : "down" } });
  };
  const what = o.what || "dòng";
  return h("div", { class: "tools", dataset: { owner: M.join(listPath, i) } },
    iconButton("↑", `Chuyển ${what} lên`, move(-1), { disabled: i === 0, dataset: { action: "up" } }),
    iconButton("↓", `Chuyển ${what} xuống`, move(1), { disabled: i === n - 1, dataset: { action: "down" } }),
    iconButton("✕", `Xóa ${what}`, () => {
      const a = M.getAt(state.doc, listPath);
      a.splice(i, 1);
      changed({ structural: true, focus: a.length ? M.join(listPath, Math.min(i, a.length - 1)) : null });
    }, { cls: "danger", dataset: { action: "delete" } }));
}

export function section(id, title, ...kids) {
  return h("section", { class: "card", id, "aria-labelledby": id + "-h" },
    h("h2", { id: id + "-h" }, title), kids);
}

/**
 * readValue converts an input's text to its JSON value (undefined: remove
 * the key). kind is the input's data-kind; checked is a checkbox's state.
 */
export function readValue(kind, v, { optional = false, checked = false, numeric = false } = {}) {
  switch (kind) {
    case "bool": return checked ? true : undefined;
    case "int": {
      if (v.trim() === "") return optional ? undefined : 0;
      const n = parseInt(v, 10);
      return Number.isFinite(n) ? n : undefined;
    }
    case "amount": {
      const digits = v.replace(/[\s.,]/g, "");
      if (digits === "") return optional ? undefined : 0;
      return /^-?\d+$/.test(digits) ? Number(digits) : v;
    }
    case "lines": return v.split("\n").map((s) => s.trim()).filter(Boolean);
    case "list": return v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    case "cell": return M.parseCell(v, numeric);
    default: return v === "" && optional ? undefined : v;
  }
}

/** readInput converts an input element's value to its JSON value. */
export function readInput(el) {
  return readValue(el.dataset.kind, el.value, { optional: el.dataset.optional === "1", checked: el.checked, numeric: el.dataset.numeric === "1" });
}
