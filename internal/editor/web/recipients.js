// The recipients directory (/v1/recipients) for Nơi nhận: while the clerk
// types a recipient's name, the office's matching entries are offered
// under the field (a combobox: arrows move, Enter picks, Escape closes);
// a panel keeps the directory (add, rename, reclassify, delete). The
// server matches (by prefix, without regard to case or marks, through
// the one folding rule in Go) and orders the entries, and learns the
// Nơi nhận of every issued draft; this module only asks and shows.
//
// The core (RecipientsAPI, recipientQuery, isRecipientPath, Suggester,
// moveActive) takes its fetch and timers as arguments, so node's test
// runner drives it without a browser; attachRecipientPicker and
// mountRecipientsPanel are the DOM around it.
import { h, nextID } from "./dom.js";
import { callJSON } from "./servererror.js";
import { panelHead } from "./templates.js";

/** KINDS names the directory's kinds as a clerk says them. */
export const KINDS = { agency: "Cơ quan, tổ chức", unit: "Đơn vị trong cơ quan", person: "Cá nhân", other: "Khác" };

/** RecipientError is the server's refusal (status, code, message). */
export { ServerError as RecipientError } from "./servererror.js";

/** recipientQuery builds the search of GET /v1/recipients. */
export function recipientQuery({ q = "", kind = "", group = "", limit = 0 } = {}) {
  const p = new URLSearchParams();
  if (q.trim()) p.set("q", q.trim());
  if (kind) p.set("kind", kind);
  if (group) p.set("group", group);
  if (limit) p.set("limit", String(limit));
  const s = p.toString();
  return s ? "?" + s : "";
}

/** RecipientsAPI wraps the routes; fetchFn is authFetch in the page. */
export class RecipientsAPI {
  constructor(fetchFn) {
    this.fetch = fetchFn;
  }

  async #call(url, o) {
    return (await callJSON(this.fetch, url, o)).body;
  }

  async search(filter = {}, o = {}) {
    return (await this.#call("/v1/recipients" + recipientQuery(filter), o)).recipients;
  }

  async add(r) {
    return this.#call("/v1/recipients", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(r) });
  }

  async update(id, r) {
    return this.#call(`/v1/recipients/${encodeURIComponent(id)}`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(r),
    });
  }

  async remove(id) {
    await this.#call(`/v1/recipients/${encodeURIComponent(id)}`, { method: "DELETE" });
  }
}

/** isRecipientPath tells the fields that name a Nơi nhận line: paper or electronic. */
export function isRecipientPath(p) {
  return /^\/distribution\/(recipients|electronic)\/\d+\/name$/.test(p || "");
}

/**
 * Suggester asks for suggestions as the clerk types: one request per
 * pause (delay ms), and an answer that arrives after a newer question is
 * dropped, so the list always matches what is in the field.
 * onResults(list, text) receives each answer that still counts.
 */
export class Suggester {
  constructor({ search, onResults, delay = 150, limit = 8, setTimer = (f, ms) => setTimeout(f, ms), clearTimer = (t) => clearTimeout(t) }) {
    Object.assign(this, { search, onResults, delay, limit, setTimer, clearTimer });
    this.timer = null;
    this.seq = 0;
  }

  /** input is called with the field's text on every keystroke. */
  input(text) {
    if (this.timer) this.clearTimer(this.timer);
    const n = ++this.seq;
    this.timer = this.setTimer(() => this.#ask(n, text), this.delay);
  }

  /** cancel drops the pending question and any answer still on its way. */
  cancel() {
    if (this.timer) this.clearTimer(this.timer);
    this.timer = null;
    this.seq++;
  }

  async #ask(n, text) {
    this.timer = null;
    let list;
    try {
      list = await this.search({ q: text, limit: this.limit });
    } catch {
      list = []; // offline or refused: typing goes on without suggestions
    }
    if (n === this.seq) this.onResults(list, text);
  }
}

/** moveActive is the option made active by a key, from active (-1: none) among n options; null for other keys. */
export function moveActive(active, n, key) {
  if (n <= 0) return null;
  switch (key) {
    case "ArrowDown": return active < 0 || active >= n - 1 ? 0 : active + 1;
    case "ArrowUp": return active <= 0 ? n - 1 : active - 1;
    case "Home": return 0;
    case "End": return n - 1;
  }
  return null;
}

/**
 * attachRecipientPicker offers the directory under every Nơi nhận name
 * field of form, now and after each redraw (event delegation). Picking
 * an entry writes it into the field and sends the field's input event,
 * so the document takes it as if typed.
 */
export function attachRecipientPicker(form, { api, delay = 150 }) {
  const box = h("ul", { class: "recipient-options", role: "listbox", id: nextID("recipients"), "aria-label": "Nơi nhận trong danh bạ", hidden: true });
  let field = null, options = [], active = -1;
  const suggester = new Suggester({ search: (f) => api.search(f), delay, onResults: show });

  function close() {
    suggester.cancel();
    box.hidden = true;
    options = [];
    active = -1;
    if (field) { field.setAttribute("aria-expanded", "false"); field.removeAttribute("aria-activedescendant"); }
  }

  function show(list) {
    if (!field) return;
    options = list;
    active = -1;
    box.replaceChildren(...list.map((r, i) => h("li", {
      role: "option", id: `${box.id}-${i}`, "aria-selected": "false",
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, h("span", { text: r.name }), h("span", { class: "muted", text: ` · ${KINDS[r.kind] || r.kind}${r.group ? " · " + r.group : ""}` }))));
    box.hidden = list.length === 0;
    field.setAttribute("aria-expanded", String(!box.hidden));
    if (!box.hidden) field.after(box);
  }

  function setActive(i) {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) field.setAttribute("aria-activedescendant", `${box.id}-${i}`);
  }

  function pick(i) {
    const r = options[i];
    if (!r || !field) return;
    field.value = r.name;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    close();
  }

  form.addEventListener("focusin", (e) => {
    const t = e.target;
    if (!isRecipientPath(t.dataset && t.dataset.path)) return;
    field = t;
    t.setAttribute("role", "combobox");
    t.setAttribute("aria-autocomplete", "list");
    t.setAttribute("aria-controls", box.id);
    t.setAttribute("aria-expanded", "false");
  });
  form.addEventListener("input", (e) => {
    if (e.target === field && e.isTrusted !== false) suggester.input(field.value);
  });
  form.addEventListener("focusout", (e) => { if (e.target === field) { close(); field = null; } });
  form.addEventListener("keydown", (e) => {
    if (e.target !== field || box.hidden) return;
    if (e.key === "Escape") { e.preventDefault(); close(); return; }
    if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(active); return; }
    const next = moveActive(active, options.length, e.key);
    if (next !== null) { e.preventDefault(); setActive(next); }
  });
  return { close };
}

/**
 * mountRecipientsPanel keeps the office's directory in root: search, add
 * (name, kind, group), edit and delete; with canEdit false (a reviewer)
 * only search. notify(text) shows a notice; confirmFn asks before
 * deleting.
 */
export function mountRecipientsPanel(root, { api, notify, canEdit = true, confirmFn = (q) => window.confirm(q) }) {
  const kindSelect = (value, label) => h("select", { "aria-label": label },
    Object.entries(KINDS).map(([v, t]) => h("option", { value: v, text: t, selected: v === value })));
  const q = h("input", { type: "search", id: "recipients-q", "aria-label": "Tìm nơi nhận", placeholder: "Tìm nơi nhận (gõ không dấu cũng được)" });
  const list = h("ul", { class: "recipients-list", id: "recipients-list" });
  const name = h("input", { type: "text", id: "recipient-name", maxlength: "300", "aria-label": "Tên nơi nhận mới", placeholder: "Tên nơi nhận mới" });
  const kind = kindSelect("agency", "Loại nơi nhận mới");
  const group = h("input", { type: "text", maxlength: "100", "aria-label": "Nhóm (không bắt buộc)", placeholder: "Nhóm (không bắt buộc)" });
  const add = h("form", { class: "recipients-add", "aria-label": "Thêm nơi nhận" }, name, kind, group,
    h("button", { type: "submit", "data-action": "add-recipient" }, "Thêm"));

  function row(r) {
    const li = h("li", { dataset: { id: r.id } });
    const view = () => {
      const edit = h("button", { type: "button", "data-action": "edit-recipient" }, "Sửa");
      edit.addEventListener("click", form);
      const del = h("button", { type: "button", "data-action": "delete-recipient" }, "Xóa");
      del.addEventListener("click", async () => {
        if (!confirmFn(`Xóa "${r.name}" khỏi danh bạ nơi nhận?`)) return;
        try { await api.remove(r.id); li.remove(); notify(`Đã xóa "${r.name}".`); } catch (e) { notify(e.message); }
      });
      li.replaceChildren(...[h("span", { text: r.name }),
        h("span", { class: "muted", text: ` · ${KINDS[r.kind] || r.kind}${r.group ? " · " + r.group : ""}${r.source === "learned" ? " · học từ văn bản đã ban hành" : ""}` }),
        canEdit ? h("span", { class: "recipients-tools" }, edit, del) : null].filter(Boolean));
    };
    const form = () => {
      const n = h("input", { type: "text", value: r.name, maxlength: "300", "aria-label": "Tên nơi nhận" });
      const k = kindSelect(r.kind, "Loại nơi nhận");
      const g = h("input", { type: "text", value: r.group || "", maxlength: "100", "aria-label": "Nhóm" });
      const ok = h("button", { type: "submit" }, "Lưu");
      const cancel = h("button", { type: "button", onclick: view }, "Thôi");
      const f = h("form", { class: "recipients-edit" }, n, k, g, ok, cancel);
      f.addEventListener("submit", async (e) => {
        e.preventDefault();
        try { Object.assign(r, await api.update(r.id, { name: n.value, kind: k.value, group: g.value })); view(); } catch (err) { notify(err.message); }
      });
      li.replaceChildren(f);
      n.focus();
    };
    view();
    return li;
  }

  async function refresh() {
    try {
      list.replaceChildren(...(await api.search({ q: q.value, limit: 100 })).map(row));
    } catch (e) {
      notify(e.message);
    }
  }
  let debounce = null;
  q.addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(refresh, 250); });
  add.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = await api.add({ name: name.value, kind: kind.value, group: group.value });
      name.value = group.value = "";
      notify(`Đã thêm "${r.name}" vào danh bạ nơi nhận.`);
      refresh();
    } catch (err) {
      notify(err.message);
    }
  });

  root.replaceChildren(...[panelHead(root, "recipients-h", "Danh bạ nơi nhận"), q, list, canEdit ? add : null].filter(Boolean));
  root.hidden = false;
  refresh();
  return { refresh };
}
