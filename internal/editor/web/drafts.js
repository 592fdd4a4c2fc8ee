// Drafts kept on the server (/v1/drafts): the office's list (open,
// duplicate, delete with undo, filter) and autosave of the open document.
// The server decides everything about a document (its checks, its
// workflow); this module only moves drafts back and forth and keeps an
// edit made offline in local storage until it reaches the server.
//
// The core (DraftsAPI, Autosaver, PendingDelete, listQuery) takes its
// fetch, timers and storage as arguments, so node's test runner drives it
// without a browser; mountDraftsPanel is the DOM around it.

import { ServerError as DraftError } from "./servererror.js";

/** DraftsAPI wraps the routes; fetchFn is authFetch in the page. */
export class DraftsAPI {
  constructor(fetchFn) {
    this.fetch = fetchFn;
  }

  async #json(res) {
    let body = null;
    try { body = await res.json(); } catch { /* empty or not JSON */ }
    return body;
  }

  /** available reports whether the server keeps drafts (not 501). */
  async available() {
    const res = await this.fetch("/v1/drafts?limit=1");
    return res.ok;
  }

  async list(filter = {}) {
    const res = await this.fetch("/v1/drafts" + listQuery(filter));
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return body;
  }

  async get(id) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}`);
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return { draft: body, etag: res.headers.get("ETag") };
  }

  async create(doc) {
    const res = await this.fetch("/v1/drafts", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ document: doc }),
    });
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return { draft: body, etag: res.headers.get("ETag") };
  }

  /** move changes the status of the draft's version etag (trình duyệt, ban hành, trả lại), as one of draft.moves offers. */
  async move(id, etag, to) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}`, {
      method: "PUT", headers: { "Content-Type": "application/json", "If-Match": etag }, body: JSON.stringify({ status: to }),
    });
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return { draft: body, etag: res.headers.get("ETag") };
  }

  async save(id, doc, etag) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}`, {
      method: "PUT", headers: { "Content-Type": "application/json", "If-Match": etag }, body: JSON.stringify({ document: doc }),
    });
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return { draft: body, etag: res.headers.get("ETag") };
  }

  async remove(id, etag) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}`, { method: "DELETE", headers: { "If-Match": etag } });
    if (!res.ok) throw new DraftError(res.status, await this.#json(res));
  }

  async resolve(id, cid) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}/comments/${encodeURIComponent(cid)}/resolve`, { method: "POST" });
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return body;
  }

  async comments(id) {
    const res = await this.fetch(`/v1/drafts/${encodeURIComponent(id)}/comments`);
    const body = await this.#json(res);
    if (!res.ok) throw new DraftError(res.status, body);
    return body.comments;
  }
}

/** DraftError is the server's refusal (status, code, message). */
export { DraftError };

/** listQuery builds the search of GET /v1/drafts from the filter form. */
export function listQuery({ q = "", type = "", status = "", cursor = "", limit = 0 } = {}) {
  const p = new URLSearchParams();
  if (q.trim()) p.set("q", q.trim());
  if (type) p.set("type", type);
  if (status) p.set("status", status);
  if (limit) p.set("limit", String(limit));
  if (cursor) p.set("cursor", cursor);
  const s = p.toString();
  return s ? "?" + s : "";
}

export const PENDING_KEY = "vanban.drafts.pending";
export const CURRENT_KEY = "vanban.drafts.current";

/**
 * Autosaver saves the open document a short while after the last change.
 * A new document becomes a draft on its first save; later saves send the
 * ETag they are based on. A save that fails for want of a network keeps
 * the edit in storage and is retried; a 412 stops saving and calls
 * onConflict: the clerk reloads the colleague's version, nothing is
 * overwritten.
 */
export class Autosaver {
  constructor({ api, storage, delay = 1500, setTimer = (f, ms) => setTimeout(f, ms), clearTimer = (t) => clearTimeout(t), onState = () => {}, onConflict = () => {} }) {
    Object.assign(this, { api, storage, delay, setTimer, clearTimer, onState, onConflict });
    this.id = "";
    this.etag = "";
    this.timer = null;
    this.doc = null;
    this.saving = null;
    this.conflict = false;
  }

  /** open attaches the saver to a server draft (or a new one: id ""). */
  open(id = "", etag = "") {
    this.cancel();
    this.id = id;
    this.etag = etag;
    this.doc = null;
    this.conflict = false;
    this.#remember();
    this.onState(id ? "saved" : "new");
  }

  // #remember keeps which server draft the page edits, so a reload goes
  // on saving the same draft instead of starting another.
  #remember() {
    try { this.storage.setItem(CURRENT_KEY, JSON.stringify({ id: this.id, etag: this.etag })); } catch { /* private mode */ }
  }

  /** current is the draft an earlier page was editing: {id, etag} or null. */
  current() {
    try {
      const c = JSON.parse(this.storage.getItem(CURRENT_KEY) || "null");
      return c && c.id ? c : null;
    } catch {
      return null;
    }
  }

  cancel() {
    if (this.timer) this.clearTimer(this.timer);
    this.timer = null;
  }

  /** change notes an edit: kept locally at once, sent after the delay. */
  change(doc) {
    if (this.conflict) return;
    this.doc = doc;
    this.#keep();
    this.onState("pending");
    this.cancel();
    this.timer = this.setTimer(() => { this.timer = null; return this.flush(); }, this.delay);
  }

  #keep() {
    try {
      this.storage.setItem(PENDING_KEY, JSON.stringify({ id: this.id, etag: this.etag, doc: this.doc, at: Date.now() }));
    } catch { /* storage full: the server copy is still tried */ }
  }

  /** pending returns an edit kept locally by an earlier page, if any. */
  pending() {
    try {
      const p = JSON.parse(this.storage.getItem(PENDING_KEY) || "null");
      return p && p.doc && typeof p.doc === "object" ? p : null;
    } catch {
      return null;
    }
  }

  /** resume takes over a pending edit and sends it. */
  resume(p) {
    this.id = p.id || "";
    this.etag = p.etag || "";
    this.doc = p.doc;
    return this.flush();
  }

  /** flush sends the last change now; one save at a time. */
  async flush() {
    if (this.saving) {
      await this.saving;
      if (this.doc == null) return;
    }
    if (this.doc == null || this.conflict) return;
    const doc = this.doc;
    this.doc = null;
    this.onState("saving");
    this.saving = (async () => {
      try {
        const r = this.id ? await this.api.save(this.id, doc, this.etag) : await this.api.create(doc);
        this.id = r.draft.id;
        this.etag = r.etag;
        this.#remember();
        if (this.doc == null) {
          try { this.storage.removeItem(PENDING_KEY); } catch { /* nothing kept */ }
          this.onState("saved", r.draft);
        } else {
          this.#keep();
        }
      } catch (e) {
        if (e instanceof DraftError && e.status === 412) {
          this.conflict = true;
          this.onState("conflict");
          this.onConflict(this.id, doc);
          return;
        }
        if (e instanceof DraftError) {
          // The server refused this version (e.g. a structural error):
          // keep it locally, say why, and try again on the next edit.
          this.onState("refused", e);
          return;
        }
        // No network: keep it and try again later.
        if (this.doc == null) this.doc = doc;
        this.#keep();
        this.onState("offline");
      } finally {
        this.saving = null;
      }
    })();
    await this.saving;
  }
}

/**
 * PendingDelete hides a draft at once and deletes it on the server only
 * after the undo window, so "Hoàn tác" brings it back without a trace.
 */
export class PendingDelete {
  constructor({ api, window = 6000, setTimer = (f, ms) => setTimeout(f, ms), clearTimer = (t) => clearTimeout(t) }) {
    Object.assign(this, { api, window, setTimer, clearTimer });
    this.waiting = new Map(); // id → timer
  }

  has(id) { return this.waiting.has(id); }

  /** start hides id; the returned promise settles when it is deleted or undone. */
  start(id, etag) {
    return new Promise((resolve, reject) => {
      const t = this.setTimer(async () => {
        this.waiting.delete(id);
        try { await this.api.remove(id, etag); resolve(true); } catch (e) { reject(e); }
      }, this.window);
      this.waiting.set(id, { t, resolve });
    });
  }

  undo(id) {
    const w = this.waiting.get(id);
    if (!w) return false;
    this.clearTimer(w.t);
    this.waiting.delete(id);
    w.resolve(false);
    return true;
  }
}

/** STATUS names the workflow's states as a clerk says them. */
export const STATUS = { du_thao: "Dự thảo", trinh_duyet: "Trình duyệt", da_ban_hanh: "Đã ban hành" };

/** SAVE_STATE words the autosaver's state for the top bar. */
export const SAVE_STATE = {
  new: "Chưa lưu lên máy chủ",
  pending: "Đang chờ lưu…",
  saving: "Đang lưu…",
  saved: "Đã lưu lên máy chủ",
  offline: "Mất kết nối: đã giữ bản sửa trên máy này, sẽ lưu khi có mạng",
  conflict: "Đồng nghiệp vừa lưu bản khác: hãy tải lại trước khi sửa tiếp",
  refused: "Máy chủ chưa nhận bản này",
};

function h(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...kids.filter((k) => k != null));
  return e;
}

/**
 * moveButtons are the buttons of the status changes the server offers on a
 * draft (draft.moves: which ones and their words come from the server).
 */
export function moveButtons(moves, onMove) {
  return (moves || []).map((m) => h("button", { type: "button", "data-action": "move", "data-to": m.to, text: m.label, onclick: () => onMove(m) }));
}

/**
 * mountDraftsPanel shows the office's drafts in root, with a filter, and
 * open, duplicate and delete (with undo) on each. onOpen(draft, etag) opens
 * one in the form; notify(text, ...buttons) shows a notice.
 */
export function mountDraftsPanel(root, { api, onOpen, notify, types = [] }) {
  const deletes = new PendingDelete({ api });
  const filter = { q: "", status: "", type: "" };
  const list = h("ul", { class: "drafts-list", id: "drafts-list" });
  const more = h("button", { type: "button", id: "drafts-more", hidden: "" , text: "Xem thêm" });
  let next = "";
  const q = h("input", { type: "search", id: "drafts-q", "aria-label": "Tìm theo trích yếu", placeholder: "Tìm theo trích yếu" });
  const status = h("select", { id: "drafts-status", "aria-label": "Lọc theo trạng thái" },
    h("option", { value: "", text: "Mọi trạng thái" }),
    ...Object.entries(STATUS).map(([v, t]) => h("option", { value: v, text: t })));
  const type = h("select", { id: "drafts-type", "aria-label": "Lọc theo loại văn bản" },
    h("option", { value: "", text: "Mọi loại" }), ...types.map((t) => h("option", { value: t.code, text: t.name })));
  let debounce = null;
  q.addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(() => { filter.q = q.value; refresh(); }, 250); });
  status.addEventListener("change", () => { filter.status = status.value; refresh(); });
  type.addEventListener("change", () => { filter.type = type.value; refresh(); });
  more.addEventListener("click", () => load(next, true));

  function row(d) {
    const when = new Date(d.updated_at);
    const li = h("li", { "data-id": d.id },
      h("span", { class: "drafts-title", text: d.summary || "(chưa có trích yếu)" }),
      h("span", { class: "muted", text: ` · ${STATUS[d.status] || d.status} · ${d.updated_by} · ${when.toLocaleString("vi-VN")}` }));
    const open = h("button", { type: "button", "data-action": "open", text: "Mở" });
    open.addEventListener("click", async () => { const r = await api.get(d.id); onOpen(r.draft, r.etag); });
    const dup = h("button", { type: "button", "data-action": "duplicate", text: "Nhân bản" });
    dup.addEventListener("click", async () => {
      const r = await api.get(d.id);
      const copy = await api.create(r.draft.document);
      notify("Đã nhân bản dự thảo.");
      await refresh();
      onOpen(copy.draft, copy.etag);
    });
    const del = h("button", { type: "button", "data-action": "delete", text: "Xóa", disabled: d.status === "da_ban_hanh" ? "" : null });
    if (d.status === "da_ban_hanh") del.disabled = true; else del.removeAttribute("disabled");
    del.addEventListener("click", () => {
      li.hidden = true;
      const undo = h("button", { type: "button", "data-action": "undo-delete", text: "Hoàn tác" });
      undo.addEventListener("click", () => { if (deletes.undo(d.id)) { li.hidden = false; notify("Đã khôi phục dự thảo."); } });
      notify("Đã xóa dự thảo.", undo);
      deletes.start(d.id, String(d.version).startsWith('"') ? d.version : `"${d.version}"`)
        .then((gone) => { if (gone) li.remove(); })
        .catch((e) => { li.hidden = false; notify(e.message); });
    });
    li.append(h("span", { class: "drafts-tools" }, open, dup, del));
    return li;
  }

  async function load(cursor, append) {
    const page = await api.list({ ...filter, cursor });
    if (!append) list.replaceChildren();
    for (const d of page.drafts) if (!deletes.has(d.id)) list.append(row(d));
    next = page.next_cursor || "";
    more.hidden = !next;
  }
  function refresh() { return load("", false).catch((e) => notify(e.message)); }

  root.replaceChildren(
    h("div", { class: "panel-head" }, h("h2", { id: "drafts-h", text: "Dự thảo của đơn vị" })),
    h("div", { class: "drafts-filter" }, q, status, type), list, more);
  root.hidden = false;
  refresh();
  return { refresh };
}

/** openComments keeps the comments not yet resolved, grouped by field path. */
export function openComments(comments) {
  const by = new Map();
  for (const c of comments || []) {
    if (c.resolved) continue;
    if (!by.has(c.path)) by.set(c.path, []);
    by.get(c.path).push(c);
  }
  return by;
}

/**
 * showComments puts each open comment beside its field: fieldFor(path)
 * finds the field's element in the form (the nearest existing parent
 * path when the field is not on screen). onResolve(comment) marks it
 * resolved.
 */
export function showComments(form, comments, { fieldFor, onResolve }) {
  for (const old of form.querySelectorAll(".draft-comment")) old.remove();
  for (const [path, list] of openComments(comments)) {
    let p = path;
    let at = fieldFor(p);
    while (!at && p) {
      p = p.slice(0, p.lastIndexOf("/"));
      at = fieldFor(p);
    }
    if (!at) at = form.firstElementChild;
    if (!at) continue;
    for (const c of list) {
      const done = h("button", { type: "button", "data-action": "resolve-comment", text: "Đã xử lý" });
      done.addEventListener("click", () => onResolve(c));
      at.append(h("p", { class: "draft-comment", role: "note", "data-comment-id": c.id },
        h("strong", { text: `Ý kiến của ${c.author}: ` }), c.text, " ", done));
    }
  }
}
