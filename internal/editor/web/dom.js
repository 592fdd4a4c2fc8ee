// DOM helpers shared by the views: an element builder, queries, buttons,
// focus and textarea sizing. No document state here.

let uid = 0;

/** nextID is a fresh element id. */
export const nextID = (p = "f") => `${p}-${++uid}`;

/** h builds an element: h("button", {type: "button", onclick}, "text"). */
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = !!v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** byPath finds the element editing a JSON Pointer. */
export function byPath(p, root = $("#form")) {
  return root.querySelector(`[data-path="${CSS.escape(p)}"]`);
}

export function button(label, onclick, o = {}) {
  return h("button", { type: "button", class: o.cls || "", title: o.title, "aria-label": o.aria, disabled: o.disabled, onclick, dataset: o.dataset }, label);
}

export function iconButton(icon, aria, onclick, o = {}) {
  return button(icon, onclick, { ...o, cls: "icon " + (o.cls || ""), title: aria, aria });
}

export function autosize(ta) {
  ta.style.height = "auto";
  ta.style.height = ta.scrollHeight + 2 + "px";
}

export function autosizeAll(root) {
  const tas = $$("textarea", root);
  for (const ta of tas) ta.style.height = "auto";
  const hs = tas.map((ta) => ta.scrollHeight);
  tas.forEach((ta, i) => { ta.style.height = hs[i] + 2 + "px"; });
}

/** focusPath puts the caret in the field of p, with the selection sel. */
export function focusPath(p, sel, scroll = true) {
  const el = byPath(p);
  if (!el) return;
  const target = el.matches("input,textarea,select,[tabindex]") ? el : $("input,textarea,select,button", el);
  if (!target) return;
  target.focus({ preventScroll: !scroll });
  if (scroll) target.scrollIntoView({ block: "nearest" });
  if (sel && sel.start != null && typeof target.setSelectionRange === "function") {
    try { target.setSelectionRange(sel.start, sel.end); } catch { /* number inputs */ }
  }
}

/** focusAction focuses a row's tool button (after a move, so the keyboard stays on it). */
export function focusAction(p, action) {
  const el = byPath(p);
  if (!el) return;
  const tools = $(".block-tools", el) || $(".tools", el);
  const b = tools && $(`[data-action="${action}"]`, tools);
  if (b && !b.disabled) { b.focus(); b.scrollIntoView({ block: "nearest" }); }
  else focusPath(p);
}
