// Checking while typing: POST /v1/validate for the findings and POST
// /v1/compose-preview for what the document will print with (labels,
// ký hiệu, Lưu line, totals, amounts in words). The answers go into the
// store; the views redraw on its "findings" and "rules" events.
import * as M from "./model.js";
import { state, emit, draftQuery } from "./store.js";
import { $, button } from "./dom.js";
import { postJSON } from "./api.js";
import { alertMessage } from "./notices.js";

const VALIDATE_DELAY = 400;
const RULES_DELAY = 150;

const run = { validateTimer: 0, validateSeq: 0, validateAbort: null, rulesTimer: 0, rulesSeq: 0 };

export function scheduleValidate(delay = VALIDATE_DELAY) {
  clearTimeout(run.validateTimer);
  setStatus("pending", "Đang chờ kiểm tra…");
  run.validateTimer = setTimeout(validate, delay);
  scheduleRules();
}

function scheduleRules() {
  clearTimeout(run.rulesTimer);
  run.rulesTimer = setTimeout(fetchRules, RULES_DELAY);
}

/** startsKey is what of an answer's start levels decides the form's drawing. */
export function startsKey(r) {
  return JSON.stringify(Object.entries((r && r.starts) || {}).filter(([, v]) => v !== 1).sort());
}

/**
 * fetchRules asks the server what the document will print with and emits
 * "rules" ({redraw}: a changed start level or copied labels need the form
 * redrawn); after a move it also copies the printed labels into typed
 * ones. A failure keeps the last answer: validation tells what is wrong.
 */
export async function fetchRules() {
  const seq = ++run.rulesSeq;
  let r;
  try {
    const res = await postJSON(`/v1/compose-preview?draft=${draftQuery()}`, state.doc);
    r = await res.json();
  } catch {
    return;
  }
  if (seq !== run.rulesSeq) return;
  const redraw = startsKey(r) !== startsKey(state.rules);
  state.rules = r;
  let relabelled = false;
  for (const root of state.relabelRoots) {
    if (M.applyLabels(M.getAt(state.doc, root), root, r.headings)) relabelled = true;
  }
  state.relabelRoots.clear();
  emit("rules", { redraw: redraw || relabelled, relabelled });
  if (relabelled) scheduleValidate(0);
}

async function validate() {
  if (run.validateAbort) run.validateAbort.abort();
  const ctl = new AbortController();
  run.validateAbort = ctl;
  const seq = ++run.validateSeq;
  setStatus("pending", "Đang kiểm tra…");
  try {
    const res = await postJSON(`/v1/validate?draft=${draftQuery()}`, state.doc, { signal: ctl.signal });
    const body = await res.json();
    if (seq !== run.validateSeq) return;
    state.findings = [...(body.errors || []), ...(body.warnings || [])];
    state.notes = body.notes || [];
    alertMessage("");
    const ne = (body.errors || []).length, nw = (body.warnings || []).length;
    // The text counts what is shown (findings.js rewrites it).
    setStatus(ne ? "invalid" : "valid", ne ? `${ne} lỗi${nw ? `, ${nw} cảnh báo` : ""}` : nw ? `Hợp lệ, ${nw} cảnh báo` : "Hợp lệ, không có lỗi", true);
    emit("findings", { valid: !ne });
  } catch (e) {
    if (e.name === "AbortError" || seq !== run.validateSeq) return;
    if (e.status === 400 || e.status === 422 || e.status === 413) {
      // Structurally wrong document: its findings still point at fields.
      const err = e.body && e.body.error;
      state.findings = (err && err.findings && err.findings.length) ? err.findings
        : [{ path: "", severity: "error", code: err ? err.code : "invalid", message_vi: e.message }];
      state.notes = [];
      setStatus("invalid", "Văn bản chưa đúng cấu trúc");
    } else {
      state.findings = [];
      setStatus("offline", e.status ? "Máy chủ báo lỗi" : "Mất kết nối máy chủ");
      alertMessage(e.message, button("Thử lại", () => scheduleValidate(0)));
    }
    emit("findings", { valid: false });
  }
}

export function setStatus(kind, text, counted = false) {
  const s = $("#status");
  s.dataset.state = kind;
  s.dataset.counted = counted ? "1" : "";
  s.textContent = text;
  document.body.dataset.validation = kind;
}
