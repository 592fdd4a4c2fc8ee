// The drafting desk's glue: drafts kept on the server (drafts.js), shown
// only when the server keeps them. It follows the store: every edit goes
// to the autosaver, another document is another server draft, and the
// open draft's comments are placed beside their fields after each redraw.
import { authFetch } from "./auth.js";
import { DraftsAPI, Autosaver, mountDraftsPanel, showComments, moveButtons, SAVE_STATE } from "./drafts.js";
import { state, subscribe } from "./store.js";
import { $, byPath, button } from "./dom.js";
import { notice, alertMessage } from "./notices.js";
import { replaceDoc } from "./document.js";
import { TemplatesAPI, mountTemplatesPanel } from "./templates.js";
import { RecipientsAPI, attachRecipientPicker, mountRecipientsPanel } from "./recipients.js";

const desk = { api: new DraftsAPI(authFetch), saver: null, panel: null, comments: [] };

subscribe("edit", () => { if (desk.saver) desk.saver.change(state.doc); });
subscribe("rendered", () => placeComments());
subscribe("replace", (ev) => {
  if (ev.restoring) return;
  // Another document is another server draft, made on its first edit.
  desk.comments = [];
  if (!desk.saver) return;
  const old = { id: desk.saver.id, etag: desk.saver.etag };
  desk.saver.open();
  ev.restore.push(() => desk.saver.open(old.id, old.etag));
});

/** placeComments shows the open draft's comments beside their fields. */
function placeComments() {
  showComments($("#form"), desk.comments, {
    fieldFor: (p) => { const e = byPath(p); return e && (e.closest(".field") || e.parentNode); },
    onResolve: async (c) => {
      try {
        await desk.api.resolve(desk.saver.id, c.id);
        desk.comments = desk.comments.filter((x) => x.id !== c.id);
        placeComments();
        notice("Đã đánh dấu ý kiến là đã xử lý.", "info");
      } catch (e) {
        alertMessage(e.message);
      }
    },
  });
}

async function loadComments(id) {
  try {
    desk.comments = id ? await desk.api.comments(id) : [];
  } catch {
    desk.comments = [];
  }
  placeComments();
}

/** startDesk turns the drafts on when the server keeps them. */
export async function startDesk() {
  try {
    if (!(await desk.api.available())) return;
  } catch {
    return; // offline: the local copy still holds the work
  }
  const state$ = $("#save-state");
  desk.saver = new Autosaver({
    api: desk.api,
    storage: localStorage,
    onState: (s, info) => {
      if (!state$) return;
      state$.hidden = false;
      state$.dataset.state = s;
      state$.textContent = s === "refused" && info ? `${SAVE_STATE.refused}: ${info.message}` : SAVE_STATE[s];
      if (s === "saved" && desk.panel) desk.panel.refresh();
      if (s === "saved" && info) showMoves(info);
    },
    onConflict: (id) => {
      alertMessage("Một đồng nghiệp vừa lưu dự thảo này. Bản sửa của bạn vẫn còn trên máy; hãy tải bản mới nhất rồi sửa tiếp.",
        button("Tải bản mới nhất", () => openDraft(id), { dataset: { action: "reload-draft" } }));
    },
  });
  // Go on with the draft this browser was editing (the form already shows
  // it, restored from local storage); a stale ETag makes the next save a
  // 412, which offers the newer version.
  const cur = desk.saver.current();
  desk.saver.open(cur ? cur.id : "", cur ? cur.etag : "");
  if (cur) loadComments(cur.id);
  const pending = desk.saver.pending();
  if (pending) desk.saver.resume(pending);
  const root = $("#drafts-pane");
  if (root) {
    desk.panel = mountDraftsPanel(root, {
      api: desk.api,
      types: state.types || [],
      onOpen: (d, etag) => showDraft(d, etag),
      notify: (text, ...actions) => notice(text, "info", ...actions),
    });
  }
  mountDirectory();
}

/**
 * mountDirectory adds the templates and the recipients directory, which
 * the server keeps with the drafts: each in a dialog opened from the top
 * bar, so the side pane keeps its room for the drafts, the findings and
 * the preview.
 */
async function mountDirectory() {
  const notify = (text, ...actions) => notice(text, "info", ...actions);
  // The server says what the signed-in role may do (a reviewer neither
  // drafts nor keeps the directory); it refuses the rest anyway.
  const canEdit = await mayEdit();
  const opener = (button, dialog, mount) => {
    const b = $(button), d = $(dialog);
    if (!b || !d) return;
    let panel = null;
    b.hidden = false;
    b.addEventListener("click", () => {
      if (!panel) panel = mount(d); else panel.refresh();
      d.showModal();
    });
  };
  if (canEdit) opener("#open-templates", "#templates-pane", (d) => mountTemplatesPanel(d, {
    api: new TemplatesAPI(authFetch), notify, current: () => ({ doc: state.doc }),
    onStart: (draft, etag) => { d.close(); showDraft(draft, etag); if (desk.panel) desk.panel.refresh(); },
    typeName: (code) => ((state.types || []).find((t) => t.code === code) || { name: code }).name,
  }));
  const recipients = new RecipientsAPI(authFetch);
  attachRecipientPicker($("#form"), { api: recipients });
  opener("#open-recipients", "#recipients-pane", (d) => mountRecipientsPanel(d, { api: recipients, notify, canEdit }));
}

/** mayEdit asks the session whether this user may draft (true when the server does not say). */
async function mayEdit() {
  try {
    const s = await (await authFetch("/auth/session")).json();
    return !Array.isArray(s.may) || s.may.includes("edit");
  } catch {
    return true;
  }
}

async function openDraft(id) {
  try {
    const r = await desk.api.get(id);
    showDraft(r.draft, r.etag);
  } catch (e) {
    alertMessage(e.message);
  }
}

function showDraft(d, etag, message) {
  replaceDoc(d.document, message || `Đã mở dự thảo "${d.summary || d.id}".`);
  desk.saver.open(d.id, etag);
  $("#alert").replaceChildren();
  loadComments(d.id);
  showMoves(d);
}

/**
 * showMoves offers the status changes the server allows on the open draft
 * (trình duyệt, ban hành, trả lại để sửa); a move first saves the last
 * edit, then changes the status of that version. Issuing writes the number
 * and date into the document and makes it read-only, so the form reloads.
 */
function showMoves(d) {
  const box = $("#draft-moves");
  if (!box) return;
  const moves = (d && d.moves) || [];
  box.hidden = moves.length === 0;
  box.replaceChildren(...moveButtons(moves, async (m) => {
    try {
      await desk.saver.flush();
      const r = await desk.api.move(desk.saver.id || d.id, desk.saver.etag, m.to);
      showDraft(r.draft, r.etag, `Đã chuyển dự thảo: ${m.label.toLowerCase()}.`);
      if (desk.panel) desk.panel.refresh();
    } catch (e) {
      alertMessage(e.message);
    }
  }));
}
