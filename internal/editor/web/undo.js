// Undo and redo in the page: the Hoàn tác / Làm lại buttons, Ctrl+Z,
// Ctrl+Y and Ctrl+Shift+Z, over the whole document (history.js). A step
// back is an ordinary edit for everyone else (it autosaves, validates and
// redraws), marked so that it is not recorded again.
import * as M from "./model.js";
import { state, subscribe, changed } from "./store.js";
import { $, byPath } from "./dom.js";
import { History, shortcut } from "./history.js";

const history = new History({ pause: 1000 });

/** mountHistory wires the buttons and keys and starts the history at the current document. */
export function mountHistory() {
  history.reset(state.doc);
  subscribe("edit", (o) => {
    if (!o.history) {
      const focus = o.focus || (o.focusAction && o.focusAction.path) || o.key || null;
      history.record(state.doc, { key: o.key || "", focus });
    }
    showButtons();
  });
  subscribe("replace", () => { history.reset(state.doc); showButtons(); });
  $("#undo").addEventListener("click", () => step("undo"));
  $("#redo").addEventListener("click", () => step("redo"));
  // Capture: the browser's own undo of a text field would take back one
  // field's characters behind the document's back. Fields outside the form
  // (sign-in, search, comments) keep theirs.
  window.addEventListener("keydown", (e) => {
    const want = shortcut(e);
    if (!want) return;
    const t = e.target;
    const inForm = t && t.closest && t.closest("#form");
    const field = t && t.matches && t.matches("input,textarea,select,[contenteditable]");
    if (!inForm && field) return;
    e.preventDefault();
    step(want);
  }, true);
  showButtons();
}

function step(dir) {
  const r = dir === "undo" ? history.undo() : history.redo();
  if (!r) return;
  state.doc = r.doc;
  changed({ structural: true, history: true });
  focusNear(r.focus);
  $("#history-state").textContent = dir === "undo" ? "Đã hoàn tác một bước." : "Đã làm lại một bước.";
}

/** focusNear puts the caret in the field of p, or of its nearest drawn ancestor. */
function focusNear(p) {
  for (; p; p = M.parent(p)) {
    const el = byPath(p);
    if (!el) continue;
    const target = el.matches("input,textarea,select,[tabindex]") ? el : $("input,textarea,select", el);
    if (!target) continue;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "nearest" });
    if (typeof target.setSelectionRange === "function" && typeof target.value === "string") {
      try { target.setSelectionRange(target.value.length, target.value.length); } catch { /* number inputs */ }
    }
    return;
  }
}

function showButtons() {
  $("#undo").disabled = !history.canUndo;
  $("#redo").disabled = !history.canRedo;
}
