// The PDF preview and the downloads (PDF, DOCX, JSON), all rendered by
// the server from state.doc.
import { state, emit, draftQuery } from "./store.js";
import { h, $ } from "./dom.js";
import { postJSON } from "./api.js";
import { alertMessage } from "./notices.js";

const PREVIEW_DELAY = 1200;

// url: the preview shown; shown: the JSON of the document it was made
// from; pending: a preview request in flight.
const run = { timer: 0, url: "", shown: "", pending: false, stale: true, loaded: Promise.resolve() };

function fileBase() {
  return (state.rules && state.rules.file_name) || "van-ban";
}

/** fileNameFrom reads the file name of a Content-Disposition header, or makes one. */
export function fileNameFrom(cd, fallback) {
  const star = (cd || "").match(/filename\*\s*=\s*UTF-8''([^;]+)/i);
  if (star) {
    try { return decodeURIComponent(star[1]); } catch { /* fall through */ }
  }
  const plain = (cd || "").match(/filename\s*=\s*"?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** download hands a blob to the browser as a file and records it for tests. */
export function download(blob, name) {
  window.vanban.lastDownload = { name, blob, size: blob.size, type: blob.type, at: Date.now() };
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function renderFile(format) {
  const res = await postJSON(`/v1/render/${format}?draft=${draftQuery()}`, state.doc);
  return { blob: await res.blob(), name: fileNameFrom(res.headers.get("Content-Disposition"), `${fileBase()}.${format}`) };
}

/** renderErrorText says why a file could not be made. */
export function renderErrorText(e, what) {
  if (e.status === 422) {
    const n = (e.body && e.body.error && e.body.error.findings || []).filter((f) => f.severity === "error").length;
    return `Văn bản còn ${n || "một số"} lỗi nên chưa tạo được ${what}. Xem danh sách lỗi và sửa trước.`;
  }
  return e.message || `Không tạo được ${what}.`;
}

export async function downloadFormat(format, btn) {
  const what = format.toUpperCase();
  btn.disabled = true;
  const old = btn.textContent;
  btn.textContent = `Đang tạo ${what}…`;
  try {
    const { blob, name } = await renderFile(format);
    download(blob, name);
    alertMessage("");
  } catch (e) {
    alertMessage(renderErrorText(e, "tệp " + what));
    if (e.status === 422) {
      const err = e.body && e.body.error;
      if (err && err.findings) { state.findings = err.findings; state.checkAll = true; emit("findings", { valid: false }); }
    }
  } finally {
    btn.disabled = false;
    btn.textContent = old;
  }
}

export function downloadJSON() {
  const blob = new Blob([JSON.stringify(state.doc, null, 2) + "\n"], { type: "application/json" });
  download(blob, fileBase() + ".json");
}

/** markStale notes that the document changed: the preview is out of date unless it is back to what was shown. */
export function markStale() {
  run.stale = JSON.stringify(state.doc) !== run.shown;
  showFreshness();
}

/**
 * staleReason says why a shown preview no longer matches the document, in
 * a clerk's words, or "" when it matches (or none is shown).
 */
export function staleReason({ shown, stale, pending, errors }) {
  if (!shown || !stale) return "";
  if (pending) return "Bản xem trước đã cũ, đang tạo bản mới…";
  if (errors) return "Bản xem trước đã cũ: văn bản đang có lỗi nên chưa cập nhật được. Sửa hết lỗi để xem bản mới.";
  return "Bản xem trước đã cũ: văn bản đã thay đổi sau lần cập nhật. Bấm “Cập nhật bản xem trước” hoặc chờ tự cập nhật.";
}

/**
 * showFreshness marks the preview out of date, visibly (a banner, the PDF
 * dimmed) and for screen readers (the banner is a status; the frame's name
 * says so), whenever it no longer matches the document.
 */
export function showFreshness() {
  const errors = state.findings.some((f) => f.severity === "error");
  const why = staleReason({ shown: !!run.url, stale: run.stale, pending: run.pending, errors });
  const banner = $("#preview-stale");
  const frame = $("#preview-frame");
  const panel = frame.closest(".preview-panel");
  if (banner.textContent !== why) banner.textContent = why;
  banner.hidden = !why;
  panel.dataset.stale = why ? "1" : "";
  frame.title = why ? "Bản xem trước PDF (đã cũ, không khớp văn bản đang soạn)" : "Bản xem trước PDF";
}

export function schedulePreview() {
  if (!$("#auto-preview").checked || !run.stale) return;
  clearTimeout(run.timer);
  run.timer = setTimeout(() => preview(false), PREVIEW_DELAY);
}

export function clearPreview() {
  if (run.url) URL.revokeObjectURL(run.url);
  run.url = "";
  run.shown = "";
  run.stale = true;
  $("#preview-frame").removeAttribute("src");
  $("#preview-frame").hidden = true;
  $("#preview-empty").hidden = false;
  $("#preview-empty").textContent = "Bản xem trước sẽ hiện ở đây khi văn bản không còn lỗi.";
  showFreshness();
}

export async function preview(explicit) {
  const msg = $("#preview-empty");
  $("#preview-state").textContent = "Đang tạo bản xem trước…";
  const sent = JSON.stringify(state.doc);
  run.pending = true;
  showFreshness();
  try {
    const { blob } = await renderFile("pdf");
    // Test hook, like lastDownload: the end-to-end test reads the
    // preview's own bytes (the page's CSP keeps fetch off blob: URLs).
    if (window.vanban) window.vanban.lastPreview = blob;
    const url = URL.createObjectURL(new Blob([blob], { type: "application/pdf" }));
    if (run.url) URL.revokeObjectURL(run.url);
    run.url = url;
    run.shown = sent;
    // An edit made while it was being drawn leaves it out of date.
    run.stale = JSON.stringify(state.doc) !== sent;
    const frame = $("#preview-frame");
    run.loaded = new Promise((res) => frame.addEventListener("load", res, { once: true }));
    frame.src = url + "#view=FitH&navpanes=0";
    frame.hidden = false;
    msg.hidden = true;
    const t = new Date();
    $("#preview-state").textContent = `Cập nhật lúc ${String(t.getHours()).padStart(2, "0")}:${String(t.getMinutes()).padStart(2, "0")}:${String(t.getSeconds()).padStart(2, "0")}`;
  } catch (e) {
    $("#preview-state").textContent = "";
    if (explicit || !run.url) {
      msg.hidden = false;
      msg.textContent = renderErrorText(e, "bản xem trước");
      $("#preview-frame").hidden = true;
    }
    if (!e.status) alertMessage(e.message);
  } finally {
    run.pending = false;
    showFreshness();
  }
}

/**
 * printPreview prints the PDF preview, making it first when there is none
 * or it no longer matches the document: what is printed is always what
 * the server renders from the document as it is now.
 */
export async function printPreview(btn) {
  btn.disabled = true;
  try {
    if (!run.url || run.stale) await preview(true);
    if (!run.url || run.stale) {
      alertMessage("Chưa in được: chưa tạo được bản PDF của văn bản hiện tại. Xem danh sách lỗi và sửa trước.");
      return;
    }
    await run.loaded;
    const frame = $("#preview-frame");
    window.vanban.lastPrint = { at: Date.now(), url: run.url };
    try {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    } catch {
      // A browser that will not print a framed PDF opens it to print there.
      window.open(run.url, "_blank");
    }
  } finally {
    btn.disabled = false;
  }
}
