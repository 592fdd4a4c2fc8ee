// Importing a .docx, .pdf, .doc or .txt through POST /v1/import: the
// document the server recognised in it replaces the form, and the
// importer's guesses are listed, each a link to its field.
import { h, $, button } from "./dom.js";
import { api } from "./api.js";
import { notice, alertMessage } from "./notices.js";
import { replaceDoc } from "./document.js";
import { jumpTo } from "./findings.js";
import { state } from "./store.js";
import * as IR from "./importreport.js";

/** importSummary is the notice's text for an import report. */
export function importSummary(fileName, rep = {}) {
  const recognised = rep.recognised || [];
  const guessed = rep.guessed || [];
  let msg = `Đã nhập “${fileName}”: nhận ra ${recognised.length} phần`;
  msg += guessed.length ? `, ${guessed.length} chỗ phải đoán, hãy kiểm tra lại:` : ".";
  const legacy = /\+(tcvn3|vni)/i.exec(rep.encoding || "");
  if (legacy) msg += ` Văn bản gõ bằng bảng mã ${legacy[1].toUpperCase()} đã được chuyển sang Unicode.`;
  const dropped = rep.dropped || [];
  if (dropped.length) msg += ` Đã bỏ ${dropped.length} đoạn không thuộc văn bản: ${dropped.map((d) => `“${d.text}” (${d.reason_vi})`).join("; ")}`;
  return msg;
}

export async function importFile(file) {
  const label = $('label[for="import-input"]');
  label.setAttribute("aria-busy", "true");
  notice(`Đang nhập “${file.name}”…`, "info");
  try {
    const form = new FormData();
    form.append("file", file, file.name);
    const res = await api("/v1/import", { method: "POST", body: form });
    const body = await res.json();
    const rep = body.report || {};
    const guessed = rep.guessed || [];
    const list = guessed.length ? h("ul", { class: "import-guesses", "aria-label": "Những chỗ phải đoán khi nhập" },
      guessed.map((g) => h("li", {}, g.path
        ? button(g.message_vi || g.message_en, () => jumpTo(g.path), { cls: "link", dataset: { guessPath: g.path } })
        : (g.message_vi || g.message_en)))) : null;
    // The report stays beside the fields of this document (importreport.js).
    IR.keep(file.name, rep, body.document);
    replaceDoc(body.document, IR.summary(file.name, rep), list);
    IR.annotate($("#form"), state.doc);
    IR.showPanel(state.doc, jumpTo);
  } catch (e) {
    $("#notice").replaceChildren();
    alertMessage(e.message || `Không nhập được tệp “${file.name}”.`);
  } finally {
    label.removeAttribute("aria-busy");
  }
}
