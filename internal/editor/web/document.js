// Editing the document: the one input handler that writes any field back
// to state.doc, putting another document in its place (with Hoàn tác),
// and keeping the local copy.
import * as M from "./model.js";
import { formatInt } from "./words.js";
import { state, changed, emit, isLetter } from "./store.js";
import { $, autosize, button } from "./dom.js";
import { readInput } from "./fields.js";
import { reshapeColumns, fillRow } from "./table.js";
import { notice } from "./notices.js";
import { saveLocal } from "./local.js";

let storageWarned = false;

/** keepLocal saves the document in the browser; a refusal is told once. */
export function keepLocal() {
  // Nothing to keep before the first document arrives.
  if (!state.doc.type) return;
  if (saveLocal(localStorage, state.doc) || storageWarned) return;
  storageWarned = true;
  notice("Trình duyệt không cho lưu bản nháp (bộ nhớ đầy hoặc chế độ riêng tư). Hãy tải tệp JSON về máy để giữ bài.", "warn");
}

/** onInput writes an input's value to the document (input and change events of the form). */
export function onInput(e) {
  const el = e.target;
  if (!el.dataset || !el.dataset.path || !el.dataset.kind) return;
  if (el.tagName === "TEXTAREA") autosize(el);
  // Checkboxes and selects report through "change"; text through "input".
  const isChoice = el.tagName === "SELECT" || el.type === "checkbox";
  if ((e.type === "input") === isChoice) {
    if (e.type === "change" && el.dataset.kind === "amount" && el.value.trim()) {
      const n = readInput(el);
      if (typeof n === "number") el.value = formatInt(n);
    }
    return;
  }
  const path = el.dataset.path;
  state.visited.add(path);
  if (el.dataset.kind === "cell") fillRow(state.doc, path, Number(el.dataset.width));
  const before = path === "/type" ? state.doc.type : null;
  const value = readInput(el);
  if (el.dataset.reshape) {
    const tp = path.replace(/\/columns\/.*$/, "");
    reshapeColumns(M.getAt(state.doc, tp), () => M.setAt(state.doc, path, value));
  } else {
    M.setAt(state.doc, path, value);
  }
  if (path === "/type") swapSummary(state.doc, isLetter({ type: before }), isLetter({ type: value }));
  if (path === "/distribution/archive_line" && value === undefined) {
    // Cleared verbatim line: the structured one takes over.
    state.doc.distribution.archive = state.doc.distribution.archive || { units: [] };
  }
  // Typing in one field is one run for undo; a choice is a step of its own.
  changed({ structural: el.dataset.rerender === "1", key: isChoice ? "" : path });
}

/** onLeave marks a field visited when the caret leaves it, so its findings show. */
export function onLeave(e) {
  const el = e.target;
  if (!el.dataset || !el.dataset.path || !el.dataset.kind || state.visited.has(el.dataset.path)) return;
  state.visited.add(el.dataset.path);
  emit("visited", { path: el.dataset.path });
}

/** swapSummary moves the trích yếu between summary and subject when the layout changes. */
export function swapSummary(d, wasLetter, isLetterNow) {
  if (wasLetter === isLetterNow) return;
  if (isLetterNow && !d.subject && d.summary) { d.subject = d.summary; delete d.summary; }
  if (!isLetterNow && !d.summary && d.subject) { d.summary = d.subject; delete d.subject; }
  if (isLetterNow && !d.addressees) d.addressees = [""];
}

/**
 * replaceDoc swaps in another document, keeping the old one for Hoàn tác;
 * details, when given, is shown under the notice (the import's guesses).
 * Listeners of "replace" may push functions to detail.restore, run when
 * the clerk takes the replacement back. o.blank: a new, empty document,
 * whose findings wait until its fields are visited.
 */
export function replaceDoc(doc, message, details, o = {}) {
  const old = state.doc;
  const wasDirty = state.dirty;
  const was = { visited: state.visited, checkAll: state.checkAll };
  state.doc = doc;
  state.dirty = false;
  state.visited = new Set();
  state.checkAll = !o.blank;
  const ev = emit("replace", { restore: [] });
  const undo = button("Hoàn tác", () => {
    state.doc = old;
    state.dirty = wasDirty;
    state.visited = was.visited;
    state.checkAll = was.checkAll;
    emit("replace", { restoring: true });
    for (const fn of ev.restore) fn();
    notice("Đã quay lại văn bản trước.", "info");
  }, { dataset: { action: "undo" } });
  notice(message, "info", undo);
  if (details) $("#notice .notice").append(details);
  $("#form").scrollTop = 0;
  window.scrollTo(0, 0);
}
