// The clerk's editor, wired together. The document lives in the store
// (store.js); the modules draw it and talk to the server, and this file
// connects their events:
//
//   form.js      the form, drawn from state.doc (fields.js, outline.js,
//                table.js, budget.js build its parts)
//   document.js  writing inputs back, replacing the document
//   validate.js  findings and the server's composed values while typing
//   findings.js  the findings list and the marks on fields
//   preview.js   the PDF preview and the downloads
//   open.js      types, samples, JSON files; import.js: .docx/.pdf/.txt
//   desk.js      drafts on the server; local.js: the copy in the browser
//   undo.js      undo/redo of the whole document (history.js)
import { state, subscribe, emit } from "./store.js";
import { $, button, focusPath, focusAction } from "./dom.js";
import { OFFLINE } from "./api.js";
import { notice, alertMessage } from "./notices.js";
import { renderForm, refreshDerived, showRules } from "./form.js";
import { onInput, onLeave, replaceDoc, keepLocal } from "./document.js";
import { scheduleValidate, fetchRules } from "./validate.js";
import { showFindings, markFindings } from "./findings.js";
import { preview, schedulePreview, clearPreview, markStale, showFreshness, downloadFormat, downloadJSON, printPreview } from "./preview.js";
import { loadTypes, loadSamples, openSample, openFile } from "./open.js";
import { importFile } from "./import.js";
import { startDesk } from "./desk.js";
import { loadLocal, savedAt } from "./local.js";
import { mountHistory } from "./undo.js";
import { api } from "./api.js";
import { blankURL, formChooser } from "./forms.js";
import * as IR from "./importreport.js";
import { ProfilesAPI, loadProfiles } from "./profiles.js";
import { authFetch } from "./auth.js";

// Test hook: the page's own download path records the last file here, so
// the end-to-end test can read the exact bytes a clerk would save.
window.vanban = { state, lastDownload: null, lastPreview: null };

subscribe("edit", (o) => {
  state.dirty = true;
  markStale();
  keepLocal();
  if (o.structural) {
    renderForm();
    if (o.focus) focusPath(o.focus);
    if (o.focusAction) focusAction(o.focusAction.path, o.focusAction.action);
  } else {
    refreshDerived();
  }
  scheduleValidate();
});

subscribe("replace", () => {
  keepLocal();
  renderForm();
  clearPreview();
  scheduleValidate(0);
});

subscribe("rendered", () => {
  markFindings();
  IR.annotate($("#form"), state.doc);
});

// Another document put in place drops the import report of the last one.
subscribe("replace", () => { if (!IR.active(state.doc)) IR.forget(); });

/** newOfForm opens the server's blank draft of a form (forms.js); every "new" button comes here. */
async function newOfForm(code, message = "") {
  try {
    const res = await api(blankURL(code));
    const doc = await res.json();
    const t = state.types.find((x) => x.code === code);
    replaceDoc(doc, message || `Đã tạo ${t ? t.name.toLowerCase() : "văn bản"} mới theo Mẫu ${t && t.form ? t.form.sample : ""} Phụ lục III.`, null, { blank: true });
  } catch (e) {
    alertMessage(e.message || "Không tạo được văn bản mới.");
  }
}

/** startBlank puts the server's blank kế hoạch in place on a first visit, without a notice or an undo. */
async function startBlank() {
  try {
    state.doc = await (await api(blankURL("ke_hoach"))).json();
  } catch (e) {
    alertMessage(e.message || "Không tải được văn bản mới.", button("Thử lại", () => startBlank()));
    return;
  }
  state.visited = new Set();
  state.checkAll = false;
  emit("replace", { restore: [] });
}

subscribe("rules", ({ redraw, relabelled }) => {
  if (redraw) renderForm();
  else showRules();
  if (relabelled) keepLocal();
});

subscribe("visited", () => showFindings());

subscribe("profiles", () => renderForm());

subscribe("findings", ({ valid }) => {
  showFindings();
  showFreshness();
  if (valid) schedulePreview();
});

/** restore opens the document kept in this browser, if any. */
function restore() {
  const saved = loadLocal(localStorage);
  if (!saved || !saved.doc.type) return false;
  state.doc = saved.doc;
  state.checkAll = true; // which fields were visited is not kept
  notice(`Bản nháp đã được khôi phục (lưu lúc ${savedAt(new Date(saved.saved || Date.now()))}).`, "info",
    button("Bỏ bản nháp, tạo văn bản mới", () => {
      newOfForm("ke_hoach", "Đã bỏ bản nháp và tạo kế hoạch mới.");
    }, { dataset: { action: "discard" } }));
  return true;
}

function wire() {
  const form = $("#form");
  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("focusout", onLeave);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#new-kh").addEventListener("click", () => newOfForm("ke_hoach", "Đã tạo kế hoạch mới."));
  $("#new-cv").addEventListener("click", () => newOfForm("cong_van", "Đã tạo công văn mới."));
  $("#check-all").addEventListener("click", () => {
    state.checkAll = true;
    showFindings();
    scheduleValidate(0);
  });
  $("#open-sample").addEventListener("click", openSample);
  $("#file-input").addEventListener("change", (e) => {
    const f = e.target.files && e.target.files[0];
    if (f) openFile(f);
    e.target.value = "";
  });
  $("#import-input").addEventListener("change", (e) => {
    const f = e.target.files && e.target.files[0];
    if (f) importFile(f);
    e.target.value = "";
  });
  $("#dl-json").addEventListener("click", downloadJSON);
  $("#dl-pdf").addEventListener("click", (e) => downloadFormat("pdf", e.currentTarget));
  $("#dl-docx").addEventListener("click", (e) => downloadFormat("docx", e.currentTarget));
  $("#preview-btn").addEventListener("click", () => preview(true));
  $("#print").addEventListener("click", (e) => printPreview(e.currentTarget));
  $("#auto-preview").addEventListener("change", (e) => { if (e.target.checked) { markStale(); schedulePreview(); } });
  window.addEventListener("pagehide", keepLocal);
  // Sticky offsets follow the real height of the top bar, which wraps on
  // narrow screens.
  const bar = $(".topbar");
  const setBar = () => document.documentElement.style.setProperty("--topbar-h", bar.offsetHeight + "px");
  setBar();
  if (window.ResizeObserver) new ResizeObserver(setBar).observe(bar);
}

async function init() {
  const types = loadTypes().catch((e) => {
    if (!e.status) alertMessage(OFFLINE, button("Thử lại", () => init()));
  });
  // The composed values are asked for the document in place: the kept
  // copy, or the server's blank once it has arrived.
  const first = (state.doc.type ? Promise.resolve() : startBlank()).then(() => fetchRules());
  await Promise.all([types, loadSamples(), first, loadProfiles(new ProfilesAPI(authFetch), authFetch)]);
  const slot = $("#new-form-slot");
  if (slot) slot.replaceChildren(...formChooser(newOfForm));
  renderForm();
  scheduleValidate(0);
  startDesk();
}

wire();
restore();
mountHistory();
renderForm();
init().then(() => { document.body.dataset.ready = "1"; });
