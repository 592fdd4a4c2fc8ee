// Forms of Phụ lục III: each document type comes from the server with its
// form (GET /v1/document-types: form.parts, form.levels, form.sample), so
// which form has a thẩm quyền line, "Xét đề nghị …" bases, Điều, Kính
// gửi, attached texts, a second signature or Bản điện tử is stated once,
// in Go (package forms). This module reads that description: which parts
// the form shows, what they are called, what heading levels are called,
// and it draws the parts the rest of the form does not (thẩm quyền, Kính
// gửi of a typed document, văn bản ban hành kèm theo, cơ quan cùng ban
// hành and chữ ký thứ hai, Bản điện tử). A new document of a form is the
// server's blank (GET /v1/document-types/{code}/blank).
//
// The functions above the DOM section are pure (node --test).
import * as M from "./model.js";
import { state, changed, typeInfo } from "./store.js";
import { h, button } from "./dom.js";
import { field, textField, listEditor, rowTools, section } from "./fields.js";

// ---------------------------------------------------------------------------
// Pure: reading the server's description

/** formOf is the form of type code in the server's table, or null. */
export function formOf(types, code) {
  const t = (types || []).find((x) => x.code === code);
  return (t && t.form) || null;
}

/** present reports whether doc holds something at part key ("competence", "distribution/electronic" …). */
export function present(doc, key) {
  const v = M.getAt(doc, "/" + key);
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "string") return v.trim() !== "";
  return true;
}

/**
 * partsOf lists the parts to draw for doc, in the form's order: each
 * with shown (the form has it and it is required or held) and offered
 * (optional and not held: an "add" button). A part the document holds
 * but its form does not is still shown (with foreign set), so nothing a
 * document carries is hidden from the clerk.
 */
export function partsOf(form, doc) {
  const out = (form ? form.parts : []).map((p) => {
    const has = present(doc, p.key);
    return { ...p, shown: !p.optional || has, offered: !!p.optional && !has };
  });
  for (const key of ["competence", "attachments", "cosignature", "co_issuer", "distribution/electronic", "addressees"]) {
    if (present(doc, key) && !out.some((p) => p.key === key)) out.push({ key, label: FALLBACK[key], shown: true, offered: false, foreign: true });
  }
  return out;
}

/** part is the entry of partsOf for key, or null. */
export function part(parts, key) {
  return parts.find((p) => p.key === key) || null;
}

/** levelName is what heading level n (1-based) is called on the form ("Điều", "Mục", "Khoản" …). */
export function levelName(form, n) {
  const ls = (form && form.levels) || [];
  return ls[n - 1] || ls[ls.length - 1] || "Tiêu đề";
}

/** headingName is a heading's field name: its level's name and label, "Khoản 2.", but "Điều 3." once, not "Điều Điều 3.". */
export function headingName(name, label) {
  const l = String(label || "").trim();
  if (!name) return l;
  return l.toLowerCase().startsWith(name.toLowerCase()) ? l : `${name} ${l}`.trim();
}

/** blankURL is where the server's blank draft of a type is. */
export function blankURL(code) {
  return `/v1/document-types/${encodeURIComponent(code)}/blank`;
}

// Names of the parts a document may hold when its type's form has no
// such part (a document typed by hand, an import): only shown, never
// offered.
const FALLBACK = {
  competence: "Thẩm quyền ban hành", attachments: "Văn bản ban hành kèm theo", cosignature: "Chữ ký thứ hai",
  co_issuer: "Cơ quan cùng ban hành", "distribution/electronic": "Bản điện tử", addressees: "Kính gửi",
};

/** newPart is the empty value an "add" button puts at part key. */
export function newPart(key) {
  switch (key) {
    case "attachments": return [{ name: "", blocks: [{ heading: { title: "" } }] }];
    case "cosignature": return { title: "" };
    case "co_issuer": return { name: [""], abbreviation: "" };
    case "distribution/electronic": return [{ name: "" }];
    case "addressees": return [""];
    case "competence": return [""];
    case "summary": return "";
    default: return [""];
  }
}

// ---------------------------------------------------------------------------
// DOM: the parts of the form drawn here

/** current is the form of the open document and its parts. */
export function current() {
  const form = formOf(state.types, state.doc.type);
  return { form, parts: partsOf(form, state.doc) };
}

/** label is the form's name for part key, or fallback. */
export function label(key, fallback) {
  const p = part(current().parts, key);
  return (p && p.label) || fallback;
}

/** hint is the form's hint for part key, or fallback. */
export function hint(key, fallback) {
  const p = part(current().parts, key);
  return (p && p.hint) || fallback;
}

/** shows reports whether the open document's form draws part key (true when the server's table is not loaded yet). */
export function shows(key) {
  if (!current().form) return true;
  const p = part(current().parts, key);
  return !!p && p.shown;
}

// FOCUS is where the caret goes in a part just added, under its pointer.
const FOCUS = { cosignature: "/title", co_issuer: "/name", attachments: "/0/name", "distribution/electronic": "/0/name", summary: "" };

function addButton(p) {
  return button("+ " + p.label, () => {
    M.setAt(state.doc, "/" + p.key, newPart(p.key));
    changed({ structural: true, focus: "/" + p.key + (FOCUS[p.key] ?? "/0") });
  }, { dataset: { addPart: p.key }, title: p.hint || "" });
}

function removeButton(key, what) {
  return button(`Bỏ ${what}`, () => {
    M.setAt(state.doc, "/" + key, undefined);
    changed({ structural: true });
  }, { cls: "danger", dataset: { removePart: key } });
}

/** competenceEditor edits the thẩm quyền (or a công điện's sender) lines, shown above the căn cứ. */
export function competenceEditor() {
  if (!shows("competence")) return null;
  const lines = state.doc.competence || [];
  return h("div", { class: "sub", dataset: { path: "/competence" } },
    field({ path: "/competence", label: label("competence", "Thẩm quyền ban hành") + " (mỗi dòng một dòng in)", kind: "lines", multiline: true, rows: 2, wide: true, value: lines.join("\n"), hint: hint("competence", ""), placeholder: "vd: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" }));
}

/** addresseesEditor is the Kính gửi list of a typed form that has one (tờ trình, báo cáo, giấy mời …); công văn draws its own. */
export function addresseesEditor() {
  const p = part(current().parts, "addressees");
  if (!p) return null;
  if (!p.shown) return h("div", { class: "addbar" }, addButton(p));
  return h("div", { class: "sub", dataset: { path: "/addressees" } },
    h("h3", null, p.label),
    listEditor({ path: "/addressees", text: true, itemLabel: "Nơi nhận chính", addLabel: `Thêm (${p.label})` }));
}

/** offers are the "add" buttons of the optional parts under section id's heading. */
function offers(keys) {
  return current().parts.filter((p) => p.offered && keys.includes(p.key)).map(addButton);
}

/** sectionAttachments edits the texts issued with a quyết định (Mẫu 1.3): name, trích yếu lines, "kèm theo" line, their own outline. */
export function sectionAttachments(outline) {
  const p = part(current().parts, "attachments");
  if (!p) return null;
  const list = state.doc.attachments || [];
  const wrap = h("div", { class: "list", dataset: { path: "/attachments" } });
  const ref = h("p", { class: "preview-line" });
  state.derived.push(() => { ref.textContent = (state.rules && state.rules.attachment_ref) || ""; });
  list.forEach((a, i) => {
    const ap = M.join("/attachments", i);
    wrap.append(h("div", { class: "attachment appendix", dataset: { path: ap } },
      h("div", { class: "appendix-head" }, h("h3", null, `Văn bản kèm theo ${i + 1}`), rowTools("/attachments", i, list.length, { what: "văn bản kèm theo" })),
      h("div", { class: "grid2" },
        field({ path: ap + "/name", label: "Tên loại (QUY CHẾ, QUY ĐỊNH, KẾ HOẠCH, DANH SÁCH …)", value: a.name, placeholder: "vd: QUY CHẾ" }),
        field({ path: ap + "/summary", label: "Trích yếu (mỗi dòng một dòng in)", kind: "lines", multiline: true, rows: 2, value: (a.summary || []).join("\n") }),
        field({ path: ap + "/ref", label: "Dòng “(Ban hành kèm theo …)”", value: a.ref, optional: true, wide: true, placeholder: (state.rules && state.rules.attachment_ref) || "để trống: hệ thống tự tạo", hint: "Để trống để hệ thống ghi theo số, ngày của văn bản này." }),
        field({ path: ap + "/no_header", label: "Không in Quốc hiệu và tên cơ quan", kind: "bool", value: a.no_header })),
      outline(ap + "/blocks")));
  });
  wrap.append(h("div", { class: "addbar" }, button("+ " + (list.length ? "Thêm văn bản kèm theo" : p.label), () => {
    const arr = state.doc.attachments || (state.doc.attachments = []);
    arr.push(newPart("attachments")[0]);
    changed({ structural: true, focus: M.join("/attachments", arr.length - 1, "name") });
  }, { dataset: { addPart: "attachments" } })));
  return section("sec-kemtheo", p.label, p.hint ? h("p", { class: "hint" }, p.hint) : null, list.length ? ref : null, wrap);
}

/** sectionJoint edits a joint document's second body and the second signature (biên bản: the thư ký). */
export function sectionJoint() {
  const { parts } = current();
  const co = part(parts, "co_issuer"), cs = part(parts, "cosignature");
  if (!co && !cs) return null;
  const d = state.doc;
  const kids = [];
  if (co && co.shown) {
    const iss = d.co_issuer || {};
    kids.push(h("div", { class: "sub", dataset: { path: "/co_issuer" } },
      h("h3", null, co.label), co.hint ? h("p", { class: "hint" }, co.hint) : null,
      h("div", { class: "grid2" },
        field({ path: "/co_issuer/name", label: "Tên cơ quan (mỗi dòng một dòng in)", kind: "lines", multiline: true, rows: 2, value: (iss.name || []).join("\n") }),
        field({ path: "/co_issuer/abbreviation", label: "Viết tắt", value: iss.abbreviation })),
      removeButton("co_issuer", "cơ quan cùng ban hành")));
  }
  if (cs && cs.shown) {
    const s = d.cosignature || {};
    kids.push(h("div", { class: "sub", dataset: { path: "/cosignature" } },
      h("h3", null, cs.label), cs.hint ? h("p", { class: "hint" }, cs.hint) : null,
      h("div", { class: "grid2" },
        field({ path: "/cosignature/title", label: "Chức vụ người ký", value: s.title, placeholder: "vd: THƯ KÝ" }),
        field({ path: "/cosignature/name", label: "Họ và tên người ký", value: s.name, optional: true })),
      cs.optional ? removeButton("cosignature", "chữ ký thứ hai") : null));
  }
  const add = offers(["co_issuer", "cosignature"]);
  if (!kids.length && !add.length) return null;
  return section("sec-lientich", co ? "Văn bản liên tịch, chữ ký thứ hai" : cs.label, kids, add.length ? h("div", { class: "addbar" }, add) : null);
}

/** electronicEditor is the Bản điện tử list under Nơi nhận. */
export function electronicEditor() {
  const p = part(current().parts, "distribution/electronic");
  if (!p) return null;
  if (!p.shown) return h("div", { class: "addbar" }, addButton(p));
  const rec = (state.doc.distribution && state.doc.distribution.electronic) || [];
  const list = h("div", { class: "list", dataset: { path: "/distribution/electronic" } });
  rec.forEach((r, i) => {
    const rp = M.join("/distribution/electronic", i);
    list.append(h("div", { class: "row recipient" },
      textField({ path: rp + "/name", label: `${p.label} ${i + 1}`, multiline: false }),
      rowTools("/distribution/electronic", i, rec.length, { what: "nơi nhận bản điện tử" })));
  });
  list.append(h("div", { class: "addbar" }, button("+ Thêm nơi nhận bản điện tử", () => {
    const d = state.doc.distribution || (state.doc.distribution = {});
    (d.electronic || (d.electronic = [])).push({ name: "" });
    changed({ structural: true, focus: M.join("/distribution/electronic", d.electronic.length - 1, "name") });
  })));
  return h("fieldset", { class: "electronic", dataset: { path: "/distribution/electronic" } }, h("legend", null, p.label), p.hint ? h("p", { class: "hint" }, p.hint) : null, list);
}

/** formBadge says which Mẫu of Phụ lục III the open document follows. */
export function formBadge() {
  const { form } = current();
  const t = typeInfo(state.doc.type);
  if (!form || !t) return null;
  return h("p", { class: "hint form-sample", dataset: { sample: form.sample } }, `${t.name}: trình bày theo Mẫu ${form.sample} Phụ lục III, Nghị định 30/2020/NĐ-CP.`);
}

/** formChooser is the "new document of a form" menu: every type the server lists, opened as its blank. */
export function formChooser(open) {
  const sel = h("select", { id: "new-form", "aria-label": "Tạo văn bản mới theo mẫu" },
    h("option", { value: "" }, "— loại khác —"),
    (state.types || []).map((t) => h("option", { value: t.code }, t.name + (t.form ? ` (Mẫu ${t.form.sample})` : ""))));
  return [sel, button("Tạo", () => sel.value && open(sel.value), { dataset: { action: "new-form" } })];
}
