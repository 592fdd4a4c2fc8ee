// Opening documents: the document types, the samples menu, a JSON file.
import * as M from "./model.js";
import { state, typeInfo } from "./store.js";
import { h, $ } from "./dom.js";
import { api } from "./api.js";
import { notice, alertMessage } from "./notices.js";
import { replaceDoc } from "./document.js";

/** loadTypes fetches the Phụ lục III table; it throws the APIError when the server cannot be reached. */
export async function loadTypes() {
  const res = await api("/v1/document-types");
  const body = await res.json();
  const arr = Array.isArray(body) ? body : body.types || body.document_types || [];
  if (arr.length) state.types = arr.filter((t) => t && t.code);
}

export async function loadSamples() {
  const sel = $("#sample-select");
  try {
    const res = await api("/v1/samples");
    const body = await res.json();
    const arr = Array.isArray(body) ? body : body.samples || [];
    state.samples = arr.map((s) => (typeof s === "string" ? { name: s } : s)).filter((s) => s && s.name);
  } catch {
    state.samples = [];
  }
  sel.replaceChildren(h("option", { value: "" }, state.samples.length ? "— chọn văn bản mẫu —" : "(không tải được danh sách mẫu)"),
    ...state.samples.map((s) => h("option", { value: s.name }, sampleLabel(s, typeInfo(s.type)))));
}

/** sampleLabel is a sample's line in the menu: its type's name and its title, shortened. */
export function sampleLabel(s, t) {
  const title = s.title ? (s.title.length > 70 ? s.title.slice(0, 68) + "…" : s.title) : "";
  return `${t ? t.name : ""}${t ? " — " : ""}${title || s.name}`;
}

export async function openSample() {
  const name = $("#sample-select").value;
  if (!name) {
    $("#sample-select").focus();
    notice("Hãy chọn một văn bản mẫu trong danh sách trước.", "warn");
    return;
  }
  const s = state.samples.find((x) => x.name === name) || { name };
  try {
    const res = await api(s.url || `/v1/samples/${encodeURIComponent(name)}`);
    const doc = await res.json();
    replaceDoc(doc, `Đã mở văn bản mẫu “${sampleLabel(s, typeInfo(s.type))}”.`);
  } catch (e) {
    alertMessage(e.message || "Không mở được văn bản mẫu.");
  }
}

/** parseDocFile reads a JSON file's text: {doc, message} or {error}. */
export function parseDocFile(name, text) {
  let doc;
  try {
    doc = JSON.parse(String(text).replace(/^\uFEFF/, ""));
  } catch (e) {
    return { error: `Tệp “${name}” không phải JSON hợp lệ: ${e.message}` };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    return { error: `Tệp “${name}” không chứa một văn bản (cần một đối tượng JSON vanban/v1).` };
  }
  return { doc, message: `Đã mở tệp “${name}”.` + (doc.schema !== M.SCHEMA ? " Lưu ý: tệp không ghi schema “vanban/v1”." : "") };
}

export function openFile(file) {
  const r = new FileReader();
  r.onload = () => {
    const { doc, message, error } = parseDocFile(file.name, r.result);
    if (error) alertMessage(error);
    else replaceDoc(doc, message);
  };
  r.onerror = () => alertMessage(`Không đọc được tệp “${file.name}”.`);
  r.readAsText(file, "utf-8");
}
