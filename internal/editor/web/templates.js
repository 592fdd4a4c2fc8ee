// Templates (/v1/templates): start a draft from one of the office's usual
// plans or from a built-in sample, and save the open draft as a template.
// The server makes the new draft (it clears the number and the date and
// sets the draft mark), checks names (unique in the office, without
// regard to case or marks) and who may delete; this module only asks.
//
// The core (TemplatesAPI, groupTemplates, suggestName) takes its fetch as
// an argument, so node's test runner drives it without a browser;
// mountTemplatesPanel is the DOM around it.
import { h } from "./dom.js";
import { callJSON } from "./servererror.js";

/** TemplateError is the server's refusal (status, code, message). */
export { ServerError as TemplateError } from "./servererror.js";

const path = (id) => `/v1/templates/${encodeURIComponent(id)}`;

/** TemplatesAPI wraps the routes; fetchFn is authFetch in the page. */
export class TemplatesAPI {
  constructor(fetchFn) {
    this.fetch = fetchFn;
  }

  async #call(url, o) {
    const { body, res } = await callJSON(this.fetch, url, o);
    return { body, etag: res.headers.get("ETag") };
  }

  /** list gives the office's templates, then the built-in ones. */
  async list(type = "") {
    const { body } = await this.#call("/v1/templates" + (type ? "?type=" + encodeURIComponent(type) : ""));
    return body.templates;
  }

  async get(id) {
    return (await this.#call(path(id))).body;
  }

  /** save keeps a draft (draftId) or a document under name. */
  async save(name, { draftId = "", document = null } = {}) {
    const req = draftId ? { name, draft_id: draftId } : { name, document };
    const { body } = await this.#call("/v1/templates", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(req),
    });
    return body;
  }

  async remove(id) {
    await this.#call(path(id), { method: "DELETE" });
  }

  /** startDraft makes a new server draft from the template. */
  async startDraft(id) {
    const { body, etag } = await this.#call(path(id) + "/drafts", { method: "POST" });
    return { draft: body, etag };
  }
}

/** groupTemplates splits the list into the office's own and the built-in ones, in the server's order. */
export function groupTemplates(list) {
  const own = [], builtin = [];
  for (const t of list || []) (t.builtin ? builtin : own).push(t);
  return { own, builtin };
}

/**
 * suggestName proposes a template name from a document: its trích yếu (or
 * V/v subject), spaces tidied, cut at a word to at most max characters.
 * The clerk edits it; the server says if it is taken.
 */
export function suggestName(doc, max = 80) {
  const text = String((doc && (doc.summary || doc.subject)) || "").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const sp = cut.lastIndexOf(" ");
  return (sp > max / 2 ? cut.slice(0, sp) : text.slice(0, max)).trim() + "…";
}

/** panelHead is a panel's title, with a close button when the panel is a dialog. */
export function panelHead(root, id, title) {
  const head = h("div", { class: "panel-head" }, h("h2", { id, text: title }));
  if (typeof root.close === "function") {
    head.append(h("div", { class: "spacer" }), h("button", { type: "button", "data-action": "close", onclick: () => root.close() }, "Đóng"));
  }
  return head;
}

/**
 * mountTemplatesPanel lists the templates in root, each with "Soạn từ
 * mẫu" (a new draft: onStart(draft, etag)) and, for the office's own,
 * "Xóa"; and a form that saves the open document as a template. current()
 * gives { doc }: the document on screen. notify(text, ...buttons) shows a
 * notice; confirmFn asks before deleting.
 */
export function mountTemplatesPanel(root, { api, onStart, current, notify, typeName = (c) => c, confirmFn = (q) => window.confirm(q) }) {
  const list = h("ul", { class: "templates-list", id: "templates-list" });
  const name = h("input", { type: "text", id: "template-name", maxlength: "200", "aria-label": "Tên mẫu", placeholder: "Tên mẫu, ví dụ: Kế hoạch tuyên truyền hằng năm" });
  const save = h("button", { type: "submit", "data-action": "save-template" }, "Lưu văn bản đang soạn làm mẫu");
  const form = h("form", { class: "templates-save", "aria-label": "Lưu làm mẫu" }, name, save);

  function row(t) {
    const start = h("button", { type: "button", "data-action": "start-from-template" }, "Soạn từ mẫu này");
    start.addEventListener("click", async () => {
      start.disabled = true;
      try {
        const r = await api.startDraft(t.id);
        onStart(r.draft, r.etag);
        notify(`Đã tạo dự thảo mới từ mẫu "${t.name}".`);
      } catch (e) {
        notify(e.message);
      } finally {
        start.disabled = false;
      }
    });
    const tools = h("span", { class: "templates-tools" }, start);
    if (!t.builtin) {
      const del = h("button", { type: "button", "data-action": "delete-template" }, "Xóa");
      del.addEventListener("click", async () => {
        if (!confirmFn(`Xóa mẫu "${t.name}"? Các dự thảo đã tạo từ mẫu này vẫn giữ nguyên.`)) return;
        try {
          await api.remove(t.id);
          notify(`Đã xóa mẫu "${t.name}".`);
          refresh();
        } catch (e) {
          notify(e.message);
        }
      });
      tools.append(del);
    }
    return h("li", { dataset: { id: t.id } },
      h("span", { class: "templates-title", text: t.name }),
      h("span", { class: "muted", text: ` · ${typeName(t.type)}${t.builtin ? " · mẫu có sẵn" : t.owner ? " · " + t.owner : ""}` }),
      tools);
  }

  function section(title, items) {
    if (!items.length) return null;
    return h("li", { class: "templates-group" }, h("h3", { text: title }), h("ul", {}, items.map(row)));
  }

  async function refresh() {
    try {
      const { own, builtin } = groupTemplates(await api.list());
      list.replaceChildren(...[section("Mẫu của đơn vị", own), section("Mẫu có sẵn", builtin)].filter(Boolean));
    } catch (e) {
      notify(e.message);
    }
  }

  name.addEventListener("focus", () => { if (!name.value) name.value = suggestName(current().doc); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const cur = current();
    const n = name.value.trim() || suggestName(cur.doc);
    if (!n) { notify("Hãy đặt tên cho mẫu."); name.focus(); return; }
    save.disabled = true;
    try {
      // The document as on screen, edits not yet autosaved included.
      await api.save(n, { document: cur.doc });
      name.value = "";
      notify(`Đã lưu mẫu "${n}".`);
      refresh();
    } catch (err) {
      notify(err.message);
    } finally {
      save.disabled = false;
    }
  });

  root.replaceChildren(panelHead(root, "templates-h", "Mẫu văn bản"), list, form);
  root.hidden = false;
  refresh();
  return { refresh };
}
