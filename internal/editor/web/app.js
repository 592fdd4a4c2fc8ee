// The clerk's editor. The whole document lives in state.doc, exactly the
// vanban/v1 JSON the API takes. The form is drawn from it; every input
// carries data-path, the JSON Pointer of the value it edits, so one input
// handler writes any field back and every validator finding (whose path is
// a JSON Pointer too) finds its field. Structural edits (add, move, delete)
// change state.doc and redraw the form.

import * as M from "./model.js";
import { formatInt } from "./words.js";
import { authFetch } from "./auth.js";
import { DraftsAPI, Autosaver, mountDraftsPanel, showComments, SAVE_STATE } from "./drafts.js";

const STORAGE_KEY = "vanban.editor.draft.v1";
const VALIDATE_DELAY = 400;
const RULES_DELAY = 150;
const PREVIEW_DELAY = 1200;

const state = {
  doc: M.newKeHoach(),
  types: [], // the Phụ lục III table, from GET /v1/document-types
  samples: [],
  findings: [],
  dirty: false, // changed since it was opened or created
  undo: null, // {doc, label}: the document a replace threw away
  validateTimer: 0,
  validateSeq: 0,
  validateAbort: null,
  previewTimer: 0,
  previewURL: "",
  previewStale: true,
  derived: [], // functions refreshing computed displays after any input
  openColumns: new Map(), // table pointer → column list open
  storageWarned: false,
  // What the server derives from the document (POST /v1/compose-preview):
  // labels, ký hiệu, Lưu line, totals and amounts in words. The editor
  // shows these and never derives them itself.
  rules: null,
  rulesTimer: 0,
  rulesSeq: 0,
  relabelRoots: new Set(), // lists whose typed labels follow the next answer
};

// Test hook: the page's own download path records the last file here, so
// the end-to-end test can read the exact bytes a clerk would save.
window.vanban = { state, lastDownload: null };

// ---------------------------------------------------------------------------
// DOM helpers

let uid = 0;
const nextID = (p = "f") => `${p}-${++uid}`;

/** h builds an element: h("button", {type: "button", onclick}, "text"). */
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = !!v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

function byPath(p, root = $("#form")) {
  return root.querySelector(`[data-path="${CSS.escape(p)}"]`);
}

function typeInfo(code) {
  return state.types.find((t) => t.code === code) || null;
}

function isLetter(doc = state.doc) {
  const t = typeInfo(doc.type);
  // Mẫu 1.5 is the công văn layout (the server's table says which types use it).
  return !!t && t.layout === "1.5";
}

// ---------------------------------------------------------------------------
// Field builders. Each returns a .field wrapper holding a label bound to
// its input; inline findings are added to that wrapper.

/**
 * field builds a labelled input.
 * o: {path, label, kind, value, multiline, placeholder, hint, optional,
 *     rerender, type, options (for select), attrs, wide, hideLabel}
 */
function field(o) {
  const id = nextID();
  const common = {
    id,
    dataset: { path: o.path, kind: o.kind || "str" },
    placeholder: o.placeholder,
    "aria-describedby": o.hint ? id + "-hint" : undefined,
    ...(o.attrs || {}),
  };
  if (o.optional) common.dataset.optional = "1";
  if (o.rerender) common.dataset.rerender = "1";
  if (o.reshape) common.dataset.reshape = "1";
  let input;
  if (o.options) {
    input = h("select", common, o.options.map(([v, label]) => h("option", { value: v }, label)));
    input.value = o.value ?? "";
  } else if (o.kind === "bool") {
    input = h("input", { ...common, type: "checkbox", checked: !!o.value });
  } else if (o.multiline) {
    input = h("textarea", { ...common, rows: o.rows || 1, spellcheck: "true", lang: "vi" });
    input.value = o.value ?? "";
  } else {
    input = h("input", { ...common, type: o.type || "text", value: o.value ?? "", lang: "vi" });
  }
  const label = h("label", { for: id, class: o.hideLabel ? "sr-only" : "" }, o.label);
  const kids = o.kind === "bool" ? [input, label] : [label, input];
  return h("div", { class: `field ${o.kind === "bool" ? "check" : ""} ${o.wide ? "wide" : ""} ${o.cls || ""}` },
    kids,
    o.hint ? h("div", { class: "hint", id: id + "-hint" }, o.hint) : null);
}

/**
 * textField edits a Text value (string or runs). Plain text is edited as a
 * string; runs with bold, italic or footnotes are shown read-only with a
 * button that drops the formatting, so nothing is lost unless asked.
 */
function textField(o) {
  const v = M.getAt(state.doc, o.path);
  if (M.isPlain(v)) {
    return field({ ...o, kind: "text", multiline: o.multiline !== false, value: M.plainText(v) });
  }
  const id = nextID();
  const shown = h("div", { class: "rich", id, tabindex: "0", role: "textbox", "aria-readonly": "true", "aria-label": o.label, dataset: { path: o.path } },
    v.map((r) => {
      let el = document.createTextNode(r.text || "");
      if (r.bold) el = h("b", null, el);
      if (r.italic) el = h("i", null, el);
      return r.footnote ? h("span", { title: "Chú thích: " + r.footnote }, el, h("sup", null, "*")) : el;
    }));
  return h("div", { class: "field wide" },
    h("span", { class: "label" }, o.label),
    shown,
    h("div", { class: "hint" }, "Đoạn này có định dạng (in đậm, in nghiêng hoặc chú thích), được giữ nguyên khi in. ",
      h("button", {
        type: "button", class: "link",
        onclick: () => {
          if (!confirm("Bỏ định dạng của đoạn này để sửa như văn bản thường?")) return;
          M.setAt(state.doc, o.path, M.plainText(v));
          changed({ structural: true, focus: o.path });
        },
      }, "Bỏ định dạng để sửa")));
}

function button(label, onclick, o = {}) {
  return h("button", { type: "button", class: o.cls || "", title: o.title, "aria-label": o.aria, disabled: o.disabled, onclick, dataset: o.dataset }, label);
}

function iconButton(icon, aria, onclick, o = {}) {
  return button(icon, onclick, { ...o, cls: "icon " + (o.cls || ""), title: aria, aria });
}

/**
 * listEditor edits an array of strings or Texts (căn cứ, đoạn mở đầu,
 * đoạn kết, Kính gửi): one field per entry, with move and delete.
 */
function listEditor(o) {
  const arr = M.getAt(state.doc, o.path) || [];
  const wrap = h("div", { class: "list", dataset: { path: o.path } });
  arr.forEach((_, i) => {
    const p = M.join(o.path, i);
    const f = o.text ? textField({ path: p, label: `${o.itemLabel} ${i + 1}`, rows: 2 })
      : field({ path: p, label: `${o.itemLabel} ${i + 1}`, value: arr[i] });
    wrap.append(h("div", { class: "row" }, f, rowTools(o.path, i, arr.length)));
  });
  wrap.append(h("div", { class: "addbar" },
    button("+ " + o.addLabel, () => {
      const a = M.getAt(state.doc, o.path) || [];
      a.push("");
      M.setAt(state.doc, o.path, a);
      changed({ structural: true, focus: M.join(o.path, a.length - 1) });
    })));
  return wrap;
}

/** rowTools are the up/down/delete buttons of one entry of a simple list. */
function rowTools(listPath, i, n, o = {}) {
  const move = (d) => () => {
    const a = M.getAt(state.doc, listPath);
    [a[i], a[i + d]] = [a[i + d], a[i]];
    changed({ structural: true, focusAction: { path: M.join(listPath, i + d), action: d < 0 ? "up" : "down" } });
  };
  const what = o.what || "dòng";
  return h("div", { class: "tools", dataset: { owner: M.join(listPath, i) } },
    iconButton("↑", `Chuyển ${what} lên`, move(-1), { disabled: i === 0, dataset: { action: "up" } }),
    iconButton("↓", `Chuyển ${what} xuống`, move(1), { disabled: i === n - 1, dataset: { action: "down" } }),
    iconButton("✕", `Xóa ${what}`, () => {
      const a = M.getAt(state.doc, listPath);
      a.splice(i, 1);
      changed({ structural: true, focus: a.length ? M.join(listPath, Math.min(i, a.length - 1)) : null });
    }, { cls: "danger", dataset: { action: "delete" } }));
}

function section(id, title, ...kids) {
  return h("section", { class: "card", id, "aria-labelledby": id + "-h" },
    h("h2", { id: id + "-h" }, title), kids);
}

// ---------------------------------------------------------------------------
// Sections of the form

function sectionDocument() {
  const d = state.doc;
  const letter = isLetter();
  const types = state.types.some((t) => t.code === d.type) ? state.types : [...state.types, { code: d.type, name: d.type }];
  return section("sec-vanban", "Loại văn bản và trích yếu",
    h("div", { class: "grid2" },
      field({ path: "/type", label: "Loại văn bản", value: d.type, rerender: true, options: types.map((t) => [t.code, t.name + (t.abbreviation ? ` (${t.abbreviation})` : "")]) }),
      field({ path: "/draft", label: "Dự thảo (cho phép để trống số, ngày, người ký)", kind: "bool", value: d.draft })),
    letter
      ? [
        field({ path: "/subject", label: "Trích yếu (V/v …)", value: d.subject, multiline: true, optional: true, wide: true, hint: "Không gõ “V/v”: hệ thống tự thêm khi in.", placeholder: "vd: tổ chức Tháng hành động vì bình đẳng giới" }),
        h("div", { class: "sub", dataset: { path: "/addressees" } },
          h("h3", null, "Kính gửi"),
          listEditor({ path: "/addressees", itemLabel: "Nơi nhận chính", addLabel: "Thêm nơi nhận (Kính gửi)" })),
      ]
      : field({ path: "/summary", label: "Trích yếu", value: d.summary, multiline: true, optional: true, wide: true, hint: "In đậm dưới tên loại văn bản, viết thường (chỉ viết hoa chữ đầu).", placeholder: "vd: Triển khai thực hiện …" }));
}

function sectionIssuer() {
  const d = state.doc;
  const iss = d.issuer || {};
  const preview = h("p", { class: "preview-line", "aria-live": "off" });
  state.derived.push(() => {
    const r = state.rules;
    const sym = $('[data-path="/symbol"]', preview.parentNode || document);
    if (sym) sym.placeholder = r && r.symbol ? `tự tạo: ${r.symbol}` : "KH-UBND";
    preview.textContent = r ? `${r.number}      ${r.place_date}` : "";
  });
  return section("sec-coquan", "Cơ quan ban hành, số, ngày",
    h("div", { class: "grid2" },
      field({ path: "/issuer/parent", label: "Cơ quan chủ quản (mỗi dòng một dòng in)", kind: "lines", multiline: true, rows: 2, value: (iss.parent || []).join("\n"), placeholder: "vd: UBND TỈNH QUẢNG TRỊ", hint: "Có thể để trống. In hoa, không đậm." }),
      field({ path: "/issuer/name", label: "Cơ quan ban hành (mỗi dòng một dòng in)", kind: "lines", multiline: true, rows: 2, value: (iss.name || []).join("\n"), placeholder: "vd: ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH", hint: "In hoa, đậm. Xuống dòng ở chỗ muốn ngắt." }),
      field({ path: "/issuer/abbreviation", label: "Viết tắt tên cơ quan", value: iss.abbreviation, placeholder: "vd: UBND", hint: "Dùng trong ký hiệu, ví dụ KH-UBND." }),
      field({ path: "/issuer/unit", label: "Đơn vị soạn thảo (viết tắt)", value: iss.unit, optional: true, placeholder: "vd: VX", hint: "Dùng trong ký hiệu công văn và dòng Lưu." }),
      field({ path: "/issuer/short_name", label: "Tên gọi trong câu", value: iss.short_name, optional: true, placeholder: "vd: UBND huyện", hint: "Dùng trong dòng “Kèm theo …” của phụ lục." }),
      field({ path: "/place", label: "Địa danh", value: d.place, optional: true, placeholder: "vd: Vĩnh Linh" }),
      field({ path: "/number", label: "Số", value: d.number, optional: true, placeholder: d.draft ? "để trống khi dự thảo" : "01", hint: "Số dưới 10 viết thêm số 0: 01 … 09." }),
      field({ path: "/symbol", label: "Ký hiệu", value: d.symbol, optional: true, placeholder: "KH-UBND" })),
    h("fieldset", { class: "date", dataset: { path: "/date" } },
      h("legend", null, "Ngày ban hành ", h("span", { class: "hint-inline" }, d.draft ? "(dự thảo: có thể để trống)" : "")),
      field({ path: "/date/day", label: "Ngày", kind: "int", type: "number", value: d.date?.day || "", attrs: { min: 1, max: 31, inputmode: "numeric" }, optional: true }),
      field({ path: "/date/month", label: "Tháng", kind: "int", type: "number", value: d.date?.month || "", attrs: { min: 1, max: 12, inputmode: "numeric" }, optional: true }),
      field({ path: "/date/year", label: "Năm", kind: "int", type: "number", value: d.date?.year || "", attrs: { min: 1900, max: 9999, inputmode: "numeric" }, optional: true })),
    preview);
}

function sectionBases() {
  return section("sec-cancu", "Căn cứ và mở đầu",
    h("div", { class: "sub", dataset: { path: "/bases" } },
      h("h3", null, "Căn cứ ban hành"),
      h("p", { class: "hint" }, "Mỗi căn cứ một dòng, in nghiêng; kết thúc bằng “;”, dòng cuối bằng “.”."),
      listEditor({ path: "/bases", itemLabel: "Căn cứ", addLabel: "Thêm căn cứ", text: true })),
    h("div", { class: "sub", dataset: { path: "/intro" } },
      h("h3", null, "Đoạn mở đầu"),
      listEditor({ path: "/intro", itemLabel: "Đoạn mở đầu", addLabel: "Thêm đoạn mở đầu", text: true })));
}

function sectionBody() {
  return section("sec-noidung", "Nội dung",
    h("p", { class: "hint" }, "Số thứ tự (I., 1., a), -, +) do hệ thống đánh theo vị trí. Dùng các nút bên phải mỗi dòng để chuyển lên/xuống, thụt vào (→) hoặc lùi ra (←)."),
    outline("/body", startOf("/body")),
    h("div", { class: "sub", dataset: { path: "/closing" } },
      h("h3", null, "Đoạn kết"),
      h("p", { class: "hint" }, "Không gõ “./.”: hệ thống tự thêm sau câu cuối."),
      listEditor({ path: "/closing", itemLabel: "Đoạn kết", addLabel: "Thêm đoạn kết", text: true })));
}

/** prefixOptions are the authority prefixes the server lists (NĐ30), with the current one kept. */
function prefixOptions(current) {
  const ps = ((state.rules && state.rules.prefixes) || []).map((p) => [p.prefix, `${p.prefix} — ${p.meaning}`]);
  return !current || ps.some(([v]) => v === current) ? ps : [[current, current], ...ps];
}

const SIGNATURE_PRESETS = [
  { label: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", authority: [{ prefix: "TM.", title: "ỦY BAN NHÂN DÂN" }], title: "CHỦ TỊCH" },
  { label: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", authority: [{ prefix: "TM.", title: "ỦY BAN NHÂN DÂN" }, { prefix: "KT.", title: "CHỦ TỊCH" }], title: "PHÓ CHỦ TỊCH" },
  { label: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", authority: [{ prefix: "KT.", title: "CHỦ TỊCH" }], title: "PHÓ CHỦ TỊCH" },
  { label: "GIÁM ĐỐC", authority: [], title: "GIÁM ĐỐC" },
  { label: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", authority: [{ prefix: "KT.", title: "GIÁM ĐỐC" }], title: "PHÓ GIÁM ĐỐC" },
  { label: "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", authority: [{ prefix: "TL.", title: "CHỦ TỊCH" }], title: "CHÁNH VĂN PHÒNG" },
  { label: "TUQ. CHỦ TỊCH / GIÁM ĐỐC SỞ …", authority: [{ prefix: "TUQ.", title: "CHỦ TỊCH" }], title: "GIÁM ĐỐC" },
  { label: "Q. GIÁM ĐỐC", authority: [{ prefix: "Q.", title: "GIÁM ĐỐC" }], title: "" },
];

function sectionSignature() {
  const s = state.doc.signature || {};
  const auth = s.authority || [];
  const presetID = nextID();
  const preset = h("select", { id: presetID },
    h("option", { value: "" }, "— chọn một mẫu thường dùng —"),
    SIGNATURE_PRESETS.map((p, i) => h("option", { value: String(i) }, p.label)));
  const chain = h("div", { class: "list", dataset: { path: "/signature/authority" } });
  auth.forEach((a, i) => {
    const p = M.join("/signature/authority", i);
    chain.append(h("div", { class: "row authority" },
      field({ path: p + "/prefix", label: `Quyền hạn ${i + 1}`, value: a.prefix, options: prefixOptions(a.prefix) }),
      field({ path: p + "/title", label: `Thay cho (chức vụ, tập thể) ${i + 1}`, value: a.title, placeholder: "vd: ỦY BAN NHÂN DÂN" }),
      rowTools("/signature/authority", i, auth.length, { what: "quyền hạn" })));
  });
  chain.append(h("div", { class: "addbar" }, button("+ Thêm quyền hạn (TM./KT./TL./TUQ./Q.)", () => {
    const a = state.doc.signature.authority || (state.doc.signature.authority = []);
    a.push({ prefix: a.length ? "KT." : "TM.", title: "" });
    changed({ structural: true, focus: M.join("/signature/authority", a.length - 1, "title") });
  })));
  return section("sec-chuky", "Chữ ký",
    h("div", { class: "field wide preset" },
      h("label", { for: presetID }, "Mẫu chữ ký"),
      h("div", { class: "inline" }, preset, button("Áp dụng", () => {
        const p = SIGNATURE_PRESETS[Number(preset.value)];
        if (!p || preset.value === "") return;
        const sig = state.doc.signature || (state.doc.signature = {});
        sig.authority = structuredClone(p.authority);
        if (!sig.authority.length) delete sig.authority;
        sig.title = p.title;
        changed({ structural: true, focus: "/signature/name" });
      }))),
    chain,
    h("div", { class: "grid2" },
      field({ path: "/signature/title", label: "Chức vụ người ký", value: s.title, placeholder: "vd: PHÓ CHỦ TỊCH" }),
      field({ path: "/signature/name", label: "Họ và tên người ký", value: s.name, optional: true, placeholder: state.doc.draft ? "có thể để trống khi dự thảo" : "Nguyễn Văn A", hint: "Không ghi học hàm, học vị." })));
}

function sectionDistribution() {
  const dist = state.doc.distribution || {};
  const rec = dist.recipients || [];
  const list = h("div", { class: "list", dataset: { path: "/distribution/recipients" } });
  rec.forEach((r, i) => {
    const p = M.join("/distribution/recipients", i);
    list.append(h("div", { class: "row recipient" },
      field({ path: p + "/name", label: `Nơi nhận ${i + 1}`, value: r.name, placeholder: "vd: Sở Tài chính" }),
      field({ path: p + "/note", label: "Ghi chú", value: r.note, optional: true, placeholder: "vd: để b/c", cls: "narrow" }),
      rowTools("/distribution/recipients", i, rec.length, { what: "nơi nhận" })));
  });
  const addRecipient = (name) => () => {
    const d = state.doc.distribution || (state.doc.distribution = {});
    const a = d.recipients || (d.recipients = []);
    if (name) a.unshift({ name }); else a.push({ name: "" });
    changed({ structural: true, focus: M.join("/distribution/recipients", name ? 0 : a.length - 1, "name") });
  };
  list.append(h("div", { class: "addbar" },
    button("+ Thêm nơi nhận", addRecipient("")),
    isLetter() && !rec.some((r) => /^như trên/i.test(r.name || "")) ? button("+ “Như trên”", addRecipient("Như trên")) : null));

  const line = h("p", { class: "preview-line" });
  state.derived.push(() => {
    line.textContent = state.rules ? state.rules.archive_line : "";
  });
  const a = dist.archive || {};
  const archive = h("fieldset", { class: "archive", dataset: { path: "/distribution/archive" } },
    h("legend", null, "Dòng Lưu"),
    dist.archive_line !== undefined
      ? field({ path: "/distribution/archive_line", label: "Dòng Lưu (chép nguyên văn)", value: dist.archive_line, optional: true, wide: true, hint: "Xóa trống ô này để hệ thống tự tạo dòng Lưu từ các đơn vị bên dưới." })
      : null,
    h("div", { class: "grid3" },
      field({ path: "/distribution/archive/units", label: "Đơn vị lưu (sau VT)", kind: "list", value: (a.units || []).join(", "), placeholder: "vd: KGVX, KTTH", hint: "Cách nhau bằng dấu phẩy. VT luôn có sẵn." }),
      field({ path: "/distribution/archive/drafter", label: "Ký hiệu người soạn thảo", value: a.drafter, optional: true, placeholder: "vd: h" }),
      field({ path: "/distribution/archive/copies", label: "Số bản phát hành", kind: "int", type: "number", value: a.copies || "", optional: true, attrs: { min: 0 } })),
    line);
  return section("sec-noinhan", "Nơi nhận", list, archive);
}

function sectionAppendices() {
  const apps = state.doc.appendices || [];
  const wrap = h("div", { class: "list", dataset: { path: "/appendices" } });
  apps.forEach((ap, i) => {
    const p = M.join("/appendices", i);
    wrap.append(h("div", { class: "appendix", dataset: { path: p } },
      h("div", { class: "appendix-head" },
        h("h3", { dataset: { appendixFor: p } }, (state.rules && state.rules.appendices[p]) || "Phụ lục"),
        rowTools("/appendices", i, apps.length, { what: "phụ lục" })),
      h("div", { class: "grid2" },
        field({ path: p + "/title", label: "Tên phụ lục", value: ap.title, multiline: true, placeholder: "vd: PHÂN BỔ CHỈ TIÊU …" }),
        field({ path: p + "/orientation", label: "Hướng trang", value: ap.orientation || "", kind: "enum", optional: true, options: [["", "Tự động (ngang khi bảng rộng)"], ["portrait", "Dọc"], ["landscape", "Ngang"]] })),
      outline(p + "/blocks", startOf(p + "/blocks"))));
  });
  wrap.append(h("div", { class: "addbar" }, button("+ Thêm phụ lục", () => {
    const a = state.doc.appendices || (state.doc.appendices = []);
    a.push({ title: "", blocks: [M.newBlock("table")] });
    changed({ structural: true, focus: M.join("/appendices", a.length - 1, "title") });
  })));
  return section("sec-phuluc", "Phụ lục", wrap);
}

function sectionOptions() {
  const o = state.doc.options || {};
  return section("sec-tuychon", "Tùy chọn trình bày",
    h("div", { class: "grid2" },
      field({ path: "/options/numbering", label: "Cách đánh số", kind: "enum", optional: true, rerender: true, value: o.numbering || "", options: [["", "I. / 1. / a) (mặc định)"], ["decimal", "I. / 1. / 1.1. / 1.1.1."]] }),
      field({ path: "/options/tone", label: "Kiểu bỏ dấu", kind: "enum", optional: true, value: o.tone || "", options: [["", "Báo khi lẫn hai kiểu"], ["old", "Kiểu cũ: hòa, thủy"], ["new", "Kiểu mới: hoà, thuỷ"]] })),
    h("div", { class: "checks" },
      field({ path: "/options/words_bon", label: "Đọc số: “bốn” thay “tư”", kind: "bool", value: o.words_bon }),
      field({ path: "/options/words_le", label: "Đọc số: “lẻ” thay “linh”", kind: "bool", value: o.words_le }),
      field({ path: "/options/words_ngan", label: "Đọc số: “ngàn” thay “nghìn”", kind: "bool", value: o.words_ngan })));
}

// ---------------------------------------------------------------------------
// The outline: headings, paragraphs, bullets, tables and budgets

const KIND_NAMES = { heading: "Tiêu đề", paragraph: "Đoạn văn", item: "Gạch đầu dòng", table: "Bảng", budget: "Kinh phí" };
const LEVEL_NAMES = ["", "Mục", "Khoản", "Điểm", "Tiểu điểm"];

/**
 * outline draws a list of blocks. root is the pointer of the top list
 * (/body or /appendices/N/blocks): labels are relabelled over it after a
 * move; start is its heading start level.
 */
function outline(root, start) {
  const ctx = { root, start };
  const blocks = M.getAt(state.doc, root) || [];
  return h("div", { class: "outline", dataset: { path: root } },
    blockList(blocks, root, ctx, start === 2 ? [0] : [], 0));
}

function blockList(blocks, listPath, ctx, hpath, itemDepth) {
  const out = h("ol", { class: "blocks", role: "list" });
  let n = 0;
  blocks.forEach((b, i) => {
    const kind = M.blockKind(b);
    let label = "";
    let childPath = hpath;
    if (kind === "heading") {
      n++;
      childPath = [...hpath, n];
      const d = state.rules && state.rules.headings[M.join(listPath, i)];
      label = d ? d.label : "";
    } else if (kind === "item") label = itemDepth === 0 ? "-" : "+";
    out.append(blockView(b, kind, listPath, i, blocks.length, ctx, label, childPath, itemDepth));
  });
  const li = h("li", { class: "addbar" });
  const level = hpath.length + 1;
  li.append(
    button(`+ ${LEVEL_NAMES[level] || "Tiêu đề"}`, () => addBlock(listPath, "heading", ctx), { title: "Thêm tiêu đề có số thứ tự" }),
    button("+ Đoạn văn", () => addBlock(listPath, "paragraph", ctx)),
    button("+ Gạch đầu dòng", () => addBlock(listPath, "item", ctx)),
    button("+ Bảng", () => addBlock(listPath, "table", ctx)),
    button("+ Kinh phí", () => addBlock(listPath, "budget", ctx)));
  out.append(li);
  return out;
}

function blockView(b, kind, listPath, i, n, ctx, label, hpath, itemDepth) {
  const p = M.join(listPath, i);
  const li = h("li", { class: `block block-${kind}`, dataset: { path: p } });
  const levelName = kind === "heading" ? (LEVEL_NAMES[hpath.length] || "Tiêu đề") : KIND_NAMES[kind] || "Khối";
  const badge = h("span", { class: "badge", title: levelName, "aria-hidden": "true", dataset: kind === "heading" ? { labelFor: p } : undefined }, label || (kind === "paragraph" ? "¶" : kind === "table" ? "▦" : kind === "budget" ? "₫" : "?"));
  let main;
  switch (kind) {
    case "heading":
      main = h("div", { class: "main" },
        textField({ path: p + "/heading/title", label: `${levelName} ${label}`.trim() + " (tiêu đề)", rows: 1, placeholder: hpath.length === 1 ? "VIẾT HOA, vd: MỤC ĐÍCH, YÊU CẦU" : "" }),
        hpath.length > 1 ? field({ path: p + "/heading/plain", label: "Không in đậm (khoản mở đầu đoạn văn)", kind: "bool", value: b.heading.plain, cls: "small" }) : null);
      break;
    case "paragraph":
      main = h("div", { class: "main" }, textField({ path: p + "/paragraph", label: "Đoạn văn", rows: 2 }));
      break;
    case "item":
      main = h("div", { class: "main" }, textField({ path: p + "/item/text", label: `Gạch đầu dòng (${label})`, rows: 1 }));
      break;
    case "table":
      main = h("div", { class: "main" }, h("span", { class: "label block-title" }, "Bảng"), tableEditor(p + "/table"));
      break;
    case "budget":
      main = h("div", { class: "main" }, h("span", { class: "label block-title" }, "Kinh phí"), budgetEditor(p + "/budget", ctx));
      break;
    default:
      main = h("div", { class: "main" }, h("p", { class: "hint" }, "Khối không nhận ra; được giữ nguyên."));
  }
  li.append(h("div", { class: "block-row" }, badge, main, blockTools(b, kind, listPath, i, n, ctx)));
  const kids = M.childrenOf(b);
  if (kind === "heading" || kind === "item") {
    li.append(h("div", { class: "children" }, blockList(kids || [], p + `/${kind}/children`, ctx, hpath, kind === "item" ? itemDepth + 1 : itemDepth)));
  }
  return li;
}

function blockTools(b, kind, listPath, i, n, ctx) {
  const list = () => M.getAt(state.doc, listPath);
  const prev = i > 0 ? list()[i - 1] : null;
  const canIndent = !!(prev && (prev.heading || prev.item));
  const canOutdent = /\/(heading|item)\/children$/.test(listPath);
  const what = (KIND_NAMES[kind] || "khối").toLowerCase();
  const convert = (kind === "heading" || kind === "paragraph" || kind === "item")
    ? h("select", {
      class: "kind", "aria-label": "Đổi loại dòng", title: "Đổi loại dòng",
      onchange: (e) => {
        const nb = M.convertBlock(list()[i], e.target.value);
        if (!nb) {
          alertMessage("Không đổi được thành đoạn văn vì dòng này còn các dòng con. Hãy chuyển hoặc xóa các dòng con trước.");
          e.target.value = kind;
          return;
        }
        list()[i] = nb;
        relabel(ctx);
        changed({ structural: true, focusAction: { path: M.join(listPath, i), action: "kind" } });
      },
      dataset: { action: "kind" },
    }, ["heading", "paragraph", "item"].map((k) => h("option", { value: k, selected: k === kind }, KIND_NAMES[k])))
    : null;
  const op = (fn, action) => () => {
    const to = fn();
    if (to === undefined) return;
    relabel(ctx);
    changed({ structural: true, focusAction: to && { path: to, action } });
  };
  return h("div", { class: "tools block-tools" },
    convert,
    iconButton("↑", `Chuyển ${what} lên`, op(() => moveBlock(listPath, i, -1), "up"), { disabled: i === 0, dataset: { action: "up" } }),
    iconButton("↓", `Chuyển ${what} xuống`, op(() => moveBlock(listPath, i, 1), "down"), { disabled: i === n - 1, dataset: { action: "down" } }),
    iconButton("←", `Lùi ${what} ra một cấp`, op(() => outdentBlock(listPath, i), "outdent"), { disabled: !canOutdent, dataset: { action: "outdent" } }),
    iconButton("→", `Thụt ${what} vào một cấp (thành dòng con của dòng trên)`, op(() => indentBlock(listPath, i), "indent"), { disabled: !canIndent, dataset: { action: "indent" } }),
    iconButton("+", `Chèn ${what} mới bên dưới`, () => {
      const kindNew = kind === "table" || kind === "budget" ? "paragraph" : kind;
      list().splice(i + 1, 0, M.newBlock(kindNew));
      relabel(ctx);
      changed({ structural: true, focus: mainPath(M.join(listPath, i + 1), kindNew) });
    }, { dataset: { action: "insert" } }),
    iconButton("✕", `Xóa ${what}`, () => {
      const kids = M.childrenOf(list()[i]);
      if (kids && kids.length && !confirm(`Xóa ${what} này cùng ${kids.length} dòng con?`)) return;
      list().splice(i, 1);
      relabel(ctx);
      const a = list();
      changed({ structural: true, focus: a.length ? mainPath(M.join(listPath, Math.min(i, a.length - 1)), M.blockKind(a[Math.min(i, a.length - 1)])) : null });
    }, { cls: "danger", dataset: { action: "delete" } }));
}

function mainPath(blockPath, kind) {
  switch (kind) {
    case "heading": return blockPath + "/heading/title";
    case "paragraph": return blockPath + "/paragraph";
    case "item": return blockPath + "/item/text";
    case "table": return blockPath + "/table/title";
    case "budget": return blockPath + "/budget/label";
  }
  return blockPath;
}

function addBlock(listPath, kind, ctx) {
  let a = M.getAt(state.doc, listPath);
  if (!a) { M.setAt(state.doc, listPath, []); a = M.getAt(state.doc, listPath); }
  a.push(M.newBlock(kind));
  relabel(ctx);
  changed({ structural: true, focus: mainPath(M.join(listPath, a.length - 1), kind) });
}

/** relabel asks for the typed labels under ctx.root to follow the server's next answer. */
function relabel(ctx) {
  state.relabelRoots.add(ctx.root);
}

/** showLabels puts the server's labels into the drawn outline and refreshes the derived displays. */
function showLabels() {
  const r = state.rules;
  $$("[data-label-for]").forEach((el) => {
    const d = r.headings[el.dataset.labelFor];
    el.textContent = (d && d.label) || "?";
    const input = byPath(el.dataset.labelFor + "/heading/title");
    const label = input && input.labels && input.labels[0];
    if (d && label) {
      const name = LEVEL_NAMES[d.level] || "Tiêu đề";
      el.title = name;
      label.textContent = `${name} ${d.label}`.trim() + " (tiêu đề)";
    }
  });
  $$("[data-appendix-for]").forEach((el) => { el.textContent = r.appendices[el.dataset.appendixFor] || "Phụ lục"; });
  refreshDerived();
}

/** startOf is the level (1 mục, 2 khoản) the server says a list's top headings are. */
function startOf(root) {
  return (state.rules && state.rules.starts[root]) || 1;
}

/** moveBlock swaps a block with its neighbour; returns the new pointer. */
function moveBlock(listPath, i, d) {
  const a = M.getAt(state.doc, listPath);
  const j = i + d;
  if (j < 0 || j >= a.length) return undefined;
  [a[i], a[j]] = [a[j], a[i]];
  return M.join(listPath, j);
}

/** indentBlock makes a block the last child of the heading or bullet above it. */
function indentBlock(listPath, i) {
  const a = M.getAt(state.doc, listPath);
  if (i === 0) return undefined;
  const prev = a[i - 1];
  const kids = M.childrenOf(prev, true);
  if (!kids) return undefined;
  const [b] = a.splice(i, 1);
  kids.push(b);
  return M.join(listPath, i - 1, M.blockKind(prev), "children", kids.length - 1);
}

/** outdentBlock moves a block out of its parent, right after the parent. */
function outdentBlock(listPath, i) {
  const m = listPath.match(/^(.*)\/(\d+)\/(heading|item)\/children$/);
  if (!m) return undefined;
  const [, grandList, pi] = m;
  const a = M.getAt(state.doc, listPath);
  const [b] = a.splice(i, 1);
  const parentBlock = M.getAt(state.doc, M.join(grandList, Number(pi)));
  const kind = M.blockKind(parentBlock);
  if (a.length === 0) delete parentBlock[kind].children;
  const g = M.getAt(state.doc, grandList);
  g.splice(Number(pi) + 1, 0, b);
  return M.join(grandList, Number(pi) + 1);
}

// ---------------------------------------------------------------------------
// Budget (kinh phí)

function budgetEditor(p) {
  const bud = M.getAt(state.doc, p);
  const unitOpts = ((state.rules && state.rules.units) || []).map((u) => [u.name, u.name]);
  const current = bud.unit || "đồng";
  if (!unitOpts.some(([u]) => u === current)) unitOpts.push([current, current]);
  const items = h("div", { class: "budget-items", dataset: { path: p + "/items" } }, budgetItems(p + "/items", 0));
  const total = h("output", { class: "total" });
  const totalInput = field({ path: p + "/total", label: "Tổng kinh phí (để trống: tự cộng)", kind: "amount", value: bud.total != null ? formatInt(bud.total) : "", attrs: { inputmode: "numeric" }, optional: true });
  const wordsInput = field({ path: p + "/words", label: "Bằng chữ (để trống: tự đọc)", value: bud.words, optional: true, wide: true });
  state.derived.push(() => {
    const b = M.getAt(state.doc, p);
    const r = state.rules && state.rules.budgets[p];
    if (!b || !r) return;
    const sum = r.sum ?? null, t = r.total ?? null, unit = r.unit, words = r.words || "";
    $("input", totalInput).placeholder = sum === null ? "" : `tự cộng: ${formatInt(sum)}`;
    $("input", wordsInput).placeholder = words;
    let msg = t === null ? "Chưa có số tiền." : `Tổng cộng: ${formatInt(t)} ${unit} (${words || r.problem || "…"})`;
    if (typeof b.total === "number" && sum !== null && sum !== b.total) msg += ` — Lưu ý: các dòng chi tiết cộng lại được ${formatInt(sum)} ${unit}.`;
    total.textContent = msg;
    // Parent lines show the sum of their parts while their own amount is blank.
    $$("input[data-kind=amount][data-sum-of]", items).forEach((el) => {
      const s = r.items[el.dataset.sumOf];
      el.placeholder = s === undefined ? "số tiền" : `tự cộng: ${formatInt(s)}`;
    });
  });
  return h("div", { class: "budget" },
    h("div", { class: "grid2" },
      field({ path: p + "/label", label: "Kinh phí — nội dung", value: bud.label, placeholder: "vd: Ngân sách tỉnh hỗ trợ" }),
      field({ path: p + "/unit", label: "Đơn vị tính", kind: "enum", optional: true, value: bud.unit || "đồng", options: unitOpts })),
    h("h4", null, "Chi tiết"),
    items,
    h("div", { class: "grid2" }, totalInput, wordsInput),
    h("p", { class: "budget-total", role: "status" }, total));
}

function budgetItems(listPath, depth) {
  const arr = M.getAt(state.doc, listPath) || [];
  const ol = h("ol", { class: "bitems", role: "list" });
  arr.forEach((it, i) => {
    const p = M.join(listPath, i);
    const hasKids = it.items && it.items.length;
    const amt = field({ path: p + "/amount", label: "Số tiền", kind: "amount", value: typeof it.amount === "number" ? formatInt(it.amount) : "", optional: true, attrs: { inputmode: "numeric" }, cls: "amount" });
    if (hasKids) $("input", amt).dataset.sumOf = p;
    ol.append(h("li", { dataset: { path: p } },
      h("div", { class: "row bitem" },
        h("span", { class: "badge", "aria-hidden": "true" }, depth === 0 ? "-" : "+"),
        field({ path: p + "/text", label: `Khoản chi ${i + 1}`, value: it.text, multiline: true, placeholder: "Nội dung chi" }),
        amt,
        h("div", { class: "tools" },
          iconButton("↳", "Thêm dòng con (chi tiết của dòng này)", () => {
            const x = M.getAt(state.doc, p);
            (x.items || (x.items = [])).push({ text: "", amount: 0 });
            changed({ structural: true, focus: M.join(p, "items", x.items.length - 1, "text") });
          }),
          rowTools(listPath, i, arr.length, { what: "khoản chi" }))),
      hasKids ? budgetItems(p + "/items", depth + 1) : null));
  });
  ol.append(h("li", { class: "addbar" }, button(depth === 0 ? "+ Thêm khoản chi" : "+ Thêm chi tiết", () => {
    const a = M.getAt(state.doc, listPath) || [];
    a.push({ text: "", amount: 0 });
    M.setAt(state.doc, listPath, a);
    changed({ structural: true, focus: M.join(listPath, a.length - 1, "text") });
  })));
  return ol;
}

// ---------------------------------------------------------------------------
// Tables (bảng, biểu)

/**
 * reshapeColumns runs a change of the column tree and moves every row's
 * cells along with their columns: new columns get blank cells, deleted
 * ones lose theirs, moved ones keep their values.
 */
function reshapeColumns(tp, fn) {
  const t = M.getAt(state.doc, tp);
  const before = M.leaves(t.columns).map((l) => l.col);
  const leadBefore = M.leadCount(M.leaves(t.columns));
  fn(t);
  const afterLeaves = M.leaves(t.columns);
  const after = afterLeaves.map((l) => l.col);
  const leadAfter = M.leadCount(afterLeaves);
  for (const row of t.rows || []) {
    let cells = row.cells || [];
    if (row.kind && cells.length === 0) continue;
    let short = false;
    if (row.kind && cells.length === before.length - leadBefore && leadBefore > 0) {
      cells = [...Array(leadBefore).fill(null), ...cells];
      short = true;
    }
    let next = after.map((c) => {
      const j = before.indexOf(c);
      return j >= 0 && j < cells.length ? cells[j] : null;
    });
    if (short && next.slice(0, leadAfter).every((v) => v === null)) next = next.slice(leadAfter);
    row.cells = next;
  }
}

function tableEditor(tp) {
  const t = M.getAt(state.doc, tp);
  const ls = M.leaves(t.columns);
  const lead = M.leadCount(ls);
  const wrap = h("div", { class: "table-editor" });
  wrap.append(h("div", { class: "grid3" },
    field({ path: tp + "/title", label: "Tên bảng", value: t.title, optional: true }),
    field({ path: tp + "/unit", label: "Đơn vị tính", value: t.unit, optional: true, placeholder: "vd: ĐVT: triệu đồng" }),
    field({ path: tp + "/index_row", label: "Dòng đánh số cột (1), (2) …", kind: "bool", value: t.index_row })));

  // Column tree.
  // The column list stays as the clerk left it across redraws; small
  // tables start open.
  const known = state.openColumns.has(tp) ? state.openColumns.get(tp) : (t.columns || []).length <= 3;
  const cols = h("details", {
    class: "columns", open: known || undefined,
    ontoggle: (e) => state.openColumns.set(tp, e.target.open),
  },
    h("summary", null, `Các cột (${ls.length} cột dữ liệu) — thêm, gộp nhóm, đổi tên`));
  const colList = (arr, base) => {
    const ol = h("ol", { class: "cols", role: "list" });
    arr.forEach((c, i) => {
      const p = `${base}/${i}`;
      const group = c.children && c.children.length;
      const only = arr.length === 1 && base.endsWith("/children");
      const colOp = (fn) => () => { reshapeColumns(tp, fn); changed({ structural: true }); };
      const siblings = (tt) => M.getAt(tt, base.slice(tp.length)) || M.getAt(state.doc, base);
      ol.append(h("li", { dataset: { path: tp + p.slice(tp.length) } },
        h("div", { class: "row col" },
          field({ path: p + "/title", label: group ? `Nhóm cột ${i + 1}` : `Cột ${i + 1}`, value: c.title, placeholder: "Tên cột" }),
          group ? null : field({ path: p + "/numeric", label: "Cột số", kind: "bool", value: c.numeric, rerender: true, reshape: true, cls: "small" }),
          group || !c.numeric ? null : field({ path: p + "/sum", label: "Cột tổng", kind: "bool", value: c.sum, cls: "small" }),
          h("div", { class: "tools" },
            iconButton("←", "Chuyển cột sang trái", colOp((tt) => { const a = siblings(tt); [a[i - 1], a[i]] = [a[i], a[i - 1]]; }), { disabled: i === 0 }),
            iconButton("→", "Chuyển cột sang phải", colOp((tt) => { const a = siblings(tt); [a[i + 1], a[i]] = [a[i], a[i + 1]]; }), { disabled: i === arr.length - 1 }),
            iconButton("↳", group ? "Thêm cột con vào nhóm" : "Tách thành nhóm: thêm cột con", colOp(() => {
              const col = M.getAt(state.doc, p);
              if (!col.children || !col.children.length) {
                const child = { title: "" };
                if (col.numeric) { child.numeric = true; delete col.numeric; }
                if (col.sum) { child.sum = true; delete col.sum; }
                col.children = [child];
              } else col.children.push({ title: "", numeric: true });
            })),
            iconButton("✕", only ? "Không xóa được cột con duy nhất; hãy xóa cả nhóm" : "Xóa cột", colOp(() => { M.getAt(state.doc, base).splice(i, 1); }), { cls: "danger", disabled: only }))),
        group ? colList(c.children, `${p}/children`) : null));
    });
    return ol;
  };
  cols.append(colList(t.columns || [], tp + "/columns"),
    h("div", { class: "addbar" },
      button("+ Thêm cột chữ", () => { reshapeColumns(tp, (tt) => tt.columns.push({ title: "" })); changed({ structural: true }); }),
      button("+ Thêm cột số", () => { reshapeColumns(tp, (tt) => tt.columns.push({ title: "", numeric: true })); changed({ structural: true }); })));
  wrap.append(cols);

  // Grid: the header as it will print, then one line per row.
  const table = h("table", { class: "grid" });
  const thead = h("thead");
  const hrows = M.headerRows(t.columns);
  hrows.forEach((r, ri) => {
    const tr = h("tr");
    if (ri === 0) tr.append(h("th", { rowspan: hrows.length, class: "rowtools-h" }, "Loại dòng"));
    for (const c of r) tr.append(h("th", { colspan: c.colspan > 1 ? c.colspan : undefined, rowspan: c.rowspan > 1 ? c.rowspan : undefined }, c.col.title || "…"));
    thead.append(tr);
  });
  table.append(thead);
  const tbody = h("tbody");
  const rows = t.rows || [];
  rows.forEach((row, ri) => {
    const rp = `${tp}/rows/${ri}`;
    const tr = h("tr", { class: row.kind ? "special " + row.kind : "", dataset: { path: rp } });
    tr.append(h("td", { class: "rowtools" },
      field({ path: rp + "/kind", label: `Loại dòng ${ri + 1}`, hideLabel: true, kind: "enum", optional: true, rerender: true, value: row.kind || "", options: [["", "Dữ liệu"], ["total", "Tổng cộng"], ["target", "Chỉ tiêu"]] }),
      rowTools(`${tp}/rows`, ri, rows.length, { what: "dòng" })));
    const cells = row.cells || [];
    let offset = 0; // leaf index of cells[0]
    if (row.kind) {
      const full = cells.length === ls.length;
      if (!full && lead > 0) {
        offset = lead;
        tr.append(h("td", { colspan: lead }, field({ path: rp + "/label", label: `Nhãn dòng ${ri + 1}`, hideLabel: true, value: row.label, placeholder: row.kind === "total" ? "Tổng cộng" : "Chỉ tiêu" })));
      }
    }
    for (let k = offset; k < ls.length; k++) {
      const ci = k - offset;
      const inp = field({
        path: `${rp}/cells/${ci}`, label: `Dòng ${ri + 1}, cột ${ls[k].col.title || k + 1}`, hideLabel: true, kind: "cell",
        value: M.showCell(cells[ci]), attrs: { "data-numeric": ls[k].col.numeric ? "1" : undefined, "data-width": String(ls.length - offset), "data-leaf": String(k) },
      });
      tr.append(h("td", { class: ls[k].col.numeric ? "num" : "" }, inp));
    }
    tbody.append(tr);
  });
  table.append(tbody);
  wrap.append(h("div", { class: "grid-scroll", tabindex: "-1" }, table));
  const addRow = (kind) => () => {
    const tt = M.getAt(state.doc, tp);
    const n = M.leaves(tt.columns).length;
    const r = kind ? { kind, label: kind === "total" ? "Tổng cộng" : "Chỉ tiêu", cells: Array(n - M.leadCount(M.leaves(tt.columns))).fill(null) } : { cells: Array(n).fill(null) };
    if (!kind && n > 0 && !M.leaves(tt.columns)[0].col.numeric) r.cells[0] = String((tt.rows || []).filter((x) => !x.kind).length + 1);
    (tt.rows || (tt.rows = [])).push(r);
    changed({ structural: true, focus: `${tp}/rows/${tt.rows.length - 1}/cells/${kind ? 0 : 1}` });
  };
  wrap.append(h("div", { class: "addbar" }, button("+ Thêm dòng", addRow("")), button("+ Dòng tổng cộng", addRow("total")), button("+ Dòng chỉ tiêu", addRow("target"))));

  // Live sums: blank cells of a total row and of a sum column show what
  // the system will print (the server's composed cells).
  state.derived.push(() => {
    const tt = M.getAt(state.doc, tp);
    const printed = state.rules && state.rules.tables[tp];
    if (!tt || !printed) return;
    const L = M.leaves(tt.columns);
    $$("input[data-kind=cell]", tbody).forEach((el) => {
      const k = Number(el.dataset.leaf);
      const tr = el.closest("tr");
      const r = M.getAt(state.doc, tr.dataset.path);
      const row = printed.cells[M.lastIndex(tr.dataset.path)];
      if (!r || !row || !L[k] || !L[k].col.numeric) return;
      if (r.kind === "total" || (!r.kind && L[k].col.sum)) el.placeholder = row[k] || "";
    });
  });
  return wrap;
}


// ---------------------------------------------------------------------------
// Rendering the form, reading inputs

function renderForm() {
  const form = $("#form");
  const active = document.activeElement;
  const keep = active && form.contains(active) && active.dataset.path
    ? { path: active.dataset.path, start: active.selectionStart, end: active.selectionEnd }
    : null;
  state.derived = [];
  const sections = [sectionDocument(), sectionIssuer(), sectionBases(), sectionBody(), sectionSignature(), sectionDistribution(), sectionAppendices(), sectionOptions()];
  const nav = h("nav", { class: "sections", "aria-label": "Các phần của văn bản" },
    sections.map((sec) => h("a", { href: "#" + sec.id }, NAV_LABELS[sec.id] || $("h2", sec).textContent)));
  form.replaceChildren(nav, ...sections);
  refreshDerived();
  autosizeAll(form);
  if (keep) focusPath(keep.path, keep, false);
  markFindings();
  placeComments();
}

const NAV_LABELS = {
  "sec-vanban": "Loại, trích yếu", "sec-coquan": "Cơ quan, số, ngày", "sec-cancu": "Căn cứ", "sec-noidung": "Nội dung",
  "sec-chuky": "Chữ ký", "sec-noinhan": "Nơi nhận", "sec-phuluc": "Phụ lục", "sec-tuychon": "Tùy chọn",
};

function refreshDerived() {
  for (const f of state.derived) {
    try { f(); } catch (e) { console.error(e); }
  }
}

function autosize(ta) {
  ta.style.height = "auto";
  ta.style.height = ta.scrollHeight + 2 + "px";
}

function autosizeAll(root) {
  const tas = $$("textarea", root);
  for (const ta of tas) ta.style.height = "auto";
  const hs = tas.map((ta) => ta.scrollHeight);
  tas.forEach((ta, i) => { ta.style.height = hs[i] + 2 + "px"; });
}

/** readInput converts an input's value to its JSON value (undefined: remove the key). */
function readInput(el) {
  const k = el.dataset.kind;
  const opt = el.dataset.optional === "1";
  const v = el.value;
  switch (k) {
    case "bool": return el.checked ? true : undefined;
    case "int": {
      if (v.trim() === "") return opt ? undefined : 0;
      const n = parseInt(v, 10);
      return Number.isFinite(n) ? n : undefined;
    }
    case "amount": {
      const digits = v.replace(/[\s.,]/g, "");
      if (digits === "") return opt ? undefined : 0;
      return /^-?\d+$/.test(digits) ? Number(digits) : v;
    }
    case "lines": return v.split("\n").map((s) => s.trim()).filter(Boolean);
    case "list": return v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    case "cell": return M.parseCell(v, el.dataset.numeric === "1");
    case "enum": return v === "" && opt ? undefined : v;
    default: return v === "" && opt ? undefined : v;
  }
}

function onInput(e) {
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
  if (el.dataset.kind === "cell") {
    // A total row with no cells means "all computed"; give it its full
    // set of blanks before the first one is typed.
    const rowPath = path.replace(/\/cells\/\d+$/, "");
    const row = M.getAt(state.doc, rowPath);
    const width = Number(el.dataset.width);
    if (row && (!row.cells || row.cells.length < width)) {
      row.cells = row.cells || [];
      while (row.cells.length < width) row.cells.push(null);
    }
  }
  const before = path === "/type" ? state.doc.type : null;
  const value = readInput(el);
  if (el.dataset.reshape) {
    const tp = path.replace(/\/columns\/.*$/, "");
    reshapeColumns(tp, () => M.setAt(state.doc, path, value));
  } else {
    M.setAt(state.doc, path, value);
  }
  if (path === "/type") swapSummary(before, value);
  if (path === "/distribution/archive_line" && value === undefined) {
    // Cleared verbatim line: the structured one takes over.
    state.doc.distribution.archive = state.doc.distribution.archive || { units: [] };
  }
  changed({ structural: el.dataset.rerender === "1" });
}

/** swapSummary moves the trích yếu between summary and subject when the layout changes. */
function swapSummary(fromType, toType) {
  const d = state.doc;
  const was = isLetter({ type: fromType }), is = isLetter({ type: toType });
  if (was === is) return;
  if (is && !d.subject && d.summary) { d.subject = d.summary; delete d.summary; }
  if (!is && !d.summary && d.subject) { d.summary = d.subject; delete d.subject; }
  if (is && !d.addressees) d.addressees = [""];
}

/**
 * changed is called after every edit: it saves the draft, schedules
 * validation and the preview, and redraws the form when the structure
 * changed.
 */
function changed(o = {}) {
  state.dirty = true;
  state.previewStale = true;
  save();
  if (drafts.saver) drafts.saver.change(state.doc);
  if (o.structural) {
    renderForm();
    if (o.focus) focusPath(o.focus);
    if (o.focusAction) focusAction(o.focusAction.path, o.focusAction.action);
  } else {
    refreshDerived();
  }
  scheduleValidate();
}

function focusPath(p, sel, scroll = true) {
  const el = byPath(p);
  if (!el) return;
  const target = el.matches("input,textarea,select,[tabindex]") ? el : $("input,textarea,select,button", el);
  if (!target) return;
  target.focus({ preventScroll: !scroll });
  if (scroll) target.scrollIntoView({ block: "nearest" });
  if (sel && sel.start != null && typeof target.setSelectionRange === "function") {
    try { target.setSelectionRange(sel.start, sel.end); } catch { /* number inputs */ }
  }
}

function focusAction(p, action) {
  const el = byPath(p);
  if (!el) return;
  const tools = $(".block-tools", el) || $(".tools", el);
  const b = tools && $(`[data-action="${action}"]`, tools);
  if (b && !b.disabled) { b.focus(); b.scrollIntoView({ block: "nearest" }); }
  else focusPath(p);
}

// ---------------------------------------------------------------------------
// Autosave

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ doc: state.doc, saved: Date.now() }));
  } catch (e) {
    if (!state.storageWarned) {
      state.storageWarned = true;
      notice("Trình duyệt không cho lưu bản nháp (bộ nhớ đầy hoặc chế độ riêng tư). Hãy tải tệp JSON về máy để giữ bài.", "warn");
    }
  }
}

function restore() {
  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
  } catch {
    saved = null;
  }
  if (!saved || !saved.doc || typeof saved.doc !== "object") return false;
  state.doc = saved.doc;
  const when = new Date(saved.saved || Date.now());
  const pad = (n) => String(n).padStart(2, "0");
  notice(`Bản nháp đã được khôi phục (lưu lúc ${pad(when.getHours())}:${pad(when.getMinutes())} ngày ${pad(when.getDate())}/${pad(when.getMonth() + 1)}/${when.getFullYear()}).`, "info",
    button("Bỏ bản nháp, tạo văn bản mới", () => {
      replaceDoc(M.newKeHoach(), "Đã bỏ bản nháp và tạo kế hoạch mới.");
    }, { dataset: { action: "discard" } }));
  return true;
}

/**
 * replaceDoc swaps in another document, keeping the old one for Hoàn tác;
 * details, when given, is shown under the notice (the import's guesses).
 */
function replaceDoc(doc, message, details) {
  const old = state.doc;
  const wasDirty = state.dirty;
  // Another document is another server draft, made on its first edit.
  const oldDraft = drafts.saver && { id: drafts.saver.id, etag: drafts.saver.etag };
  if (drafts.saver) drafts.saver.open();
  drafts.comments = [];
  state.doc = doc;
  state.dirty = false;
  state.previewStale = true;
  save();
  renderForm();
  clearPreview();
  scheduleValidate(0);
  const undo = button("Hoàn tác", () => {
    state.doc = old;
    state.dirty = wasDirty;
    if (oldDraft) drafts.saver.open(oldDraft.id, oldDraft.etag);
    save();
    renderForm();
    clearPreview();
    scheduleValidate(0);
    notice("Đã quay lại văn bản trước.", "info");
  }, { dataset: { action: "undo" } });
  notice(message, "info", undo);
  if (details) $("#notice .notice").append(details);
  $("#form").scrollTop = 0;
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------------------
// Notices and server errors

function notice(text, kind = "info", ...actions) {
  const box = $("#notice");
  box.replaceChildren(h("div", { class: `notice ${kind}` },
    h("span", { class: "text" }, text),
    ...actions,
    button("Đóng", () => box.replaceChildren(), { cls: "close", title: "Đóng thông báo" })));
}

function alertMessage(text, ...actions) {
  const box = $("#alert");
  if (!text) { box.replaceChildren(); return; }
  box.replaceChildren(h("div", { class: "notice error" }, h("span", { class: "text" }, text), ...actions,
    button("Đóng", () => box.replaceChildren(), { cls: "close" })));
}

const OFFLINE = "Không kết nối được máy chủ vanban. Hãy kiểm tra mạng hoặc nhờ quản trị khởi động lại dịch vụ. Bài đang soạn vẫn được lưu trên máy này.";

class APIError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** api calls the server; failures become APIError with a Vietnamese message. */
async function api(path, o = {}) {
  let res;
  try {
    res = await authFetch(path, o);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new APIError(OFFLINE, 0, null);
  }
  if (res.ok) return res;
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  const err = body && body.error;
  let msg = err && err.message_vi ? err.message_vi : `Máy chủ trả lỗi ${res.status}.`;
  if (res.status === 429) msg = "Máy chủ đang bận, vui lòng thử lại sau giây lát.";
  if (res.status >= 500 && !(err && err.message_vi)) msg = `Máy chủ gặp lỗi (${res.status}). Vui lòng thử lại sau.`;
  throw new APIError(msg, res.status, body);
}

// ---------------------------------------------------------------------------
// Validation

function draftQuery() {
  return state.doc.draft ? "true" : "false";
}

function scheduleValidate(delay = VALIDATE_DELAY) {
  clearTimeout(state.validateTimer);
  setStatus("pending", "Đang chờ kiểm tra…");
  state.validateTimer = setTimeout(validate, delay);
  scheduleRules();
}

function scheduleRules() {
  clearTimeout(state.rulesTimer);
  state.rulesTimer = setTimeout(fetchRules, RULES_DELAY);
}

/**
 * fetchRules asks the server what the document will print with (labels,
 * ký hiệu, Lưu line, totals and amounts in words) and shows it; after a
 * move it also copies the printed labels into typed ones. A failure keeps
 * the last answer: validation tells the clerk what is wrong.
 */
async function fetchRules() {
  const seq = ++state.rulesSeq;
  let r;
  try {
    const res = await api(`/v1/compose-preview?draft=${draftQuery()}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.doc),
    });
    r = await res.json();
  } catch {
    return;
  }
  if (seq !== state.rulesSeq) return;
  // Only a changed start level redraws the form (it changes which level
  // each heading is); labels are updated in place.
  const starts = (x) => JSON.stringify(Object.entries((x && x.starts) || {}).filter(([, v]) => v !== 1).sort());
  const redraw = starts(r) !== starts(state.rules);
  state.rules = r;
  let relabelled = false;
  for (const root of state.relabelRoots) {
    if (M.applyLabels(M.getAt(state.doc, root), root, r.headings)) relabelled = true;
  }
  state.relabelRoots.clear();
  if (redraw || relabelled) renderForm();
  else showLabels();
  if (relabelled) {
    save();
    scheduleValidate(0);
  }
}

async function validate() {
  if (state.validateAbort) state.validateAbort.abort();
  const ctl = new AbortController();
  state.validateAbort = ctl;
  const seq = ++state.validateSeq;
  setStatus("pending", "Đang kiểm tra…");
  try {
    const res = await api(`/v1/validate?draft=${draftQuery()}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.doc), signal: ctl.signal,
    });
    const body = await res.json();
    if (seq !== state.validateSeq) return;
    state.findings = [...(body.errors || []), ...(body.warnings || [])];
    state.notes = body.notes || []; // what vanban decided (info), listed, not marked on fields
    alertMessage("");
    const ne = (body.errors || []).length, nw = (body.warnings || []).length;
    setStatus(ne ? "invalid" : "valid", ne ? `${ne} lỗi${nw ? `, ${nw} cảnh báo` : ""}` : nw ? `Hợp lệ, ${nw} cảnh báo` : "Hợp lệ, không có lỗi");
    if (!ne) schedulePreview();
  } catch (e) {
    if (e.name === "AbortError" || seq !== state.validateSeq) return;
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
  }
  renderFindings();
  markFindings();
}

function setStatus(kind, text) {
  const s = $("#status");
  s.dataset.state = kind;
  s.textContent = text;
  document.body.dataset.validation = kind;
}

/** targetFor finds the field of a finding: its own path or the nearest ancestor with an input. */
function targetFor(path) {
  let p = path || "";
  while (p) {
    const el = byPath(p);
    if (el) return el;
    p = M.parent(p);
  }
  return null;
}

function whereLabel(el) {
  if (!el) return "Toàn văn bản";
  if (el.labels && el.labels.length) return el.labels[0].textContent;
  if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
  const sec = el.closest("section");
  return sec ? $("h2", sec).textContent : "Toàn văn bản";
}

function renderFindings() {
  const list = $("#findings");
  const errs = state.findings.filter((f) => f.severity === "error");
  const warns = state.findings.filter((f) => f.severity !== "error");
  $("#findings-count").textContent = state.findings.length ? `${errs.length} lỗi, ${warns.length} cảnh báo` : "";
  const notes = (state.notes || []).map((f) => h("li", null, button([
    h("span", { class: "sev" }, "Ghi chú"),
    h("span", { class: "msg" }, f.message_vi || f.message_en || f.code),
    h("span", { class: "where" }, whereLabel(targetFor(f.path))),
  ], () => jumpTo(f.path), { cls: "finding info", dataset: { findingPath: f.path || "", code: f.code || "" }, title: f.code || "" })));
  if (!state.findings.length) {
    const offline = $("#status").dataset.state === "offline";
    list.replaceChildren(h("li", { class: offline ? "empty muted" : "empty" }, offline ? "Chưa kiểm tra được." : "Không có lỗi hay cảnh báo nào."), ...notes);
    return;
  }
  list.replaceChildren(...[...errs, ...warns].map((f) => {
    const el = targetFor(f.path);
    return h("li", null, button([
      h("span", { class: "sev" }, f.severity === "error" ? "Lỗi" : "Cảnh báo"),
      h("span", { class: "msg" }, f.message_vi || f.message_en || f.code),
      h("span", { class: "where" }, whereLabel(el)),
    ], () => jumpTo(f.path), { cls: `finding ${f.severity === "error" ? "error" : "warning"}`, dataset: { findingPath: f.path || "", code: f.code || "" }, title: `${f.code || ""} ${f.rule ? "— " + f.rule : ""}`.trim() }));
  }), ...notes);
}

/** markFindings attaches each finding to its field, with an inline message. */
function markFindings() {
  const form = $("#form");
  for (const el of $$(".finding-msg, .table-findings", form)) el.remove();
  for (const el of $$("td [title]", form)) el.removeAttribute("title");
  for (const el of $$("[aria-invalid]", form)) {
    el.removeAttribute("aria-invalid");
    el.classList.remove("has-error", "has-warning");
    if (el.dataset.describedBase !== undefined) {
      if (el.dataset.describedBase) el.setAttribute("aria-describedby", el.dataset.describedBase);
      else el.removeAttribute("aria-describedby");
    }
  }
  $$(".block.has-finding", form).forEach((b) => b.classList.remove("has-finding"));
  let n = 0;
  for (const f of state.findings) {
    const el = targetFor(f.path);
    if (!el) continue;
    const sev = f.severity === "error" ? "error" : "warning";
    const id = `fm-${++n}`;
    const msg = h("div", { class: `finding-msg ${sev}`, id, dataset: { findingFor: el.dataset.path } }, f.message_vi || f.message_en || f.code);
    const isInput = el.matches("input,textarea,select,.rich");
    if (isInput) {
      if (el.dataset.describedBase === undefined) el.dataset.describedBase = el.getAttribute("aria-describedby") || "";
      el.setAttribute("aria-invalid", "true");
      el.classList.add(sev === "error" ? "has-error" : "has-warning");
      el.setAttribute("aria-describedby", [el.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
      const cell = el.closest("td");
      if (cell) {
        // A message inside a grid cell would stretch the whole table:
        // cells get the mark, the message goes under the table.
        const te = el.closest(".table-editor");
        let box = $(":scope > .table-findings", te);
        if (!box) { box = h("div", { class: "table-findings" }); $(".grid-scroll", te).after(box); }
        msg.prepend(h("b", null, whereLabel(el) + ": "));
        el.title = f.message_vi || "";
        box.append(msg);
      } else {
        (el.closest(".field") || el.parentElement).append(msg);
      }
    } else {
      el.setAttribute("aria-invalid", "true");
      const row = $(":scope > .block-row, :scope > .appendix-head, :scope > h3", el);
      if (row) row.after(msg); else el.prepend(msg);
    }
    const block = el.closest(".block");
    if (block) block.classList.add("has-finding");
  }
}

function jumpTo(path) {
  const el = targetFor(path);
  if (!el) {
    $("#form").scrollIntoView({ block: "start" });
    return;
  }
  for (let d = el.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  const target = el.matches("input,textarea,select,[tabindex]") ? el : $("input,textarea,select,button", el) || el;
  target.scrollIntoView({ block: "center", behavior: "smooth" });
  target.focus({ preventScroll: true });
  target.classList.add("flash");
  setTimeout(() => target.classList.remove("flash"), 1200);
}

// ---------------------------------------------------------------------------
// Preview and downloads

function fileBase() {
  return (state.rules && state.rules.file_name) || "van-ban";
}

function fileNameFrom(res, ext) {
  const cd = res.headers.get("Content-Disposition") || "";
  const star = cd.match(/filename\*\s*=\s*UTF-8''([^;]+)/i);
  if (star) {
    try { return decodeURIComponent(star[1]); } catch { /* fall through */ }
  }
  const plain = cd.match(/filename\s*=\s*"?([^";]+)"?/i);
  return plain ? plain[1] : `${fileBase()}.${ext}`;
}

/** download hands a blob to the browser as a file and records it for tests. */
function download(blob, name) {
  window.vanban.lastDownload = { name, blob, size: blob.size, type: blob.type, at: Date.now() };
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function renderFile(format) {
  const res = await api(`/v1/render/${format}?draft=${draftQuery()}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.doc),
  });
  return { blob: await res.blob(), name: fileNameFrom(res, format) };
}

function renderErrorText(e, what) {
  if (e.status === 422) {
    const n = (e.body && e.body.error && e.body.error.findings || []).filter((f) => f.severity === "error").length;
    return `Văn bản còn ${n || "một số"} lỗi nên chưa tạo được ${what}. Xem danh sách lỗi và sửa trước.`;
  }
  return e.message || `Không tạo được ${what}.`;
}

async function downloadFormat(format, btn) {
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
      if (err && err.findings) { state.findings = err.findings; renderFindings(); markFindings(); }
    }
  } finally {
    btn.disabled = false;
    btn.textContent = old;
  }
}

function downloadJSON() {
  const blob = new Blob([JSON.stringify(state.doc, null, 2) + "\n"], { type: "application/json" });
  download(blob, fileBase() + ".json");
}

function schedulePreview() {
  if (!$("#auto-preview").checked || !state.previewStale) return;
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(() => preview(false), PREVIEW_DELAY);
}

function clearPreview() {
  if (state.previewURL) URL.revokeObjectURL(state.previewURL);
  state.previewURL = "";
  $("#preview-frame").removeAttribute("src");
  $("#preview-frame").hidden = true;
  $("#preview-empty").hidden = false;
  $("#preview-empty").textContent = "Bản xem trước sẽ hiện ở đây khi văn bản không còn lỗi.";
}

async function preview(explicit) {
  const msg = $("#preview-empty");
  $("#preview-state").textContent = "Đang tạo bản xem trước…";
  try {
    const { blob } = await renderFile("pdf");
    const url = URL.createObjectURL(new Blob([blob], { type: "application/pdf" }));
    if (state.previewURL) URL.revokeObjectURL(state.previewURL);
    state.previewURL = url;
    state.previewStale = false;
    const frame = $("#preview-frame");
    frame.src = url + "#view=FitH&navpanes=0";
    frame.hidden = false;
    msg.hidden = true;
    const t = new Date();
    $("#preview-state").textContent = `Cập nhật lúc ${String(t.getHours()).padStart(2, "0")}:${String(t.getMinutes()).padStart(2, "0")}:${String(t.getSeconds()).padStart(2, "0")}`;
  } catch (e) {
    $("#preview-state").textContent = "";
    if (explicit || !state.previewURL) {
      msg.hidden = false;
      msg.textContent = renderErrorText(e, "bản xem trước");
      $("#preview-frame").hidden = true;
    }
    if (!e.status) alertMessage(e.message);
  }
}

// ---------------------------------------------------------------------------
// Opening documents

async function loadTypes() {
  try {
    const res = await api("/v1/document-types");
    const body = await res.json();
    const arr = Array.isArray(body) ? body : body.types || body.document_types || [];
    if (arr.length) state.types = arr.filter((t) => t && t.code);
  } catch (e) {
    if (!e.status) alertMessage(OFFLINE, button("Thử lại", () => init()));
  }
}

async function loadSamples() {
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
    ...state.samples.map((s) => h("option", { value: s.name }, sampleLabel(s))));
}

function sampleLabel(s) {
  const t = typeInfo(s.type);
  const title = s.title ? (s.title.length > 70 ? s.title.slice(0, 68) + "…" : s.title) : "";
  return `${t ? t.name : ""}${t ? " — " : ""}${title || s.name}`;
}

async function openSample() {
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
    replaceDoc(doc, `Đã mở văn bản mẫu “${sampleLabel(s)}”.`);
  } catch (e) {
    alertMessage(e.message || "Không mở được văn bản mẫu.");
  }
}

function openFile(file) {
  const r = new FileReader();
  r.onload = () => {
    let doc;
    try {
      doc = JSON.parse(String(r.result).replace(/^\uFEFF/, ""));
    } catch (e) {
      alertMessage(`Tệp “${file.name}” không phải JSON hợp lệ: ${e.message}`);
      return;
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
      alertMessage(`Tệp “${file.name}” không chứa một văn bản (cần một đối tượng JSON vanban/v1).`);
      return;
    }
    replaceDoc(doc, `Đã mở tệp “${file.name}”.` + (doc.schema !== M.SCHEMA ? " Lưu ý: tệp không ghi schema “vanban/v1”." : ""));
  };
  r.onerror = () => alertMessage(`Không đọc được tệp “${file.name}”.`);
  r.readAsText(file, "utf-8");
}

/**
 * importFile sends a .docx, .pdf, .doc or .txt to /v1/import and opens the
 * document the server recognised in it. The importer's guesses are listed
 * under the notice, each a link to its field, so the clerk knows what to
 * check; what it dropped (a PDF's page numbers, signature stamps) is named.
 */
async function importFile(file) {
  const label = $('label[for="import-input"]');
  label.setAttribute("aria-busy", "true");
  notice(`Đang nhập “${file.name}”…`, "info");
  try {
    const form = new FormData();
    form.append("file", file, file.name);
    const res = await api("/v1/import", { method: "POST", body: form });
    const body = await res.json();
    const rep = body.report || {};
    const recognised = rep.recognised || [];
    const guessed = rep.guessed || [];
    let msg = `Đã nhập “${file.name}”: nhận ra ${recognised.length} phần`;
    msg += guessed.length ? `, ${guessed.length} chỗ phải đoán, hãy kiểm tra lại:` : ".";
    const legacy = /\+(tcvn3|vni)/i.exec(rep.encoding || "");
    if (legacy) msg += ` Văn bản gõ bằng bảng mã ${legacy[1].toUpperCase()} đã được chuyển sang Unicode.`;
    const dropped = rep.dropped || [];
    if (dropped.length) msg += ` Đã bỏ ${dropped.length} đoạn không thuộc văn bản: ${dropped.map((d) => `“${d.text}” (${d.reason_vi})`).join("; ")}`;
    const list = guessed.length ? h("ul", { class: "import-guesses", "aria-label": "Những chỗ phải đoán khi nhập" },
      guessed.map((g) => h("li", {}, g.path
        ? button(g.message_vi || g.message_en, () => jumpTo(g.path), { cls: "link", dataset: { guessPath: g.path } })
        : (g.message_vi || g.message_en)))) : null;
    replaceDoc(body.document, msg, list);
  } catch (e) {
    $("#notice").replaceChildren();
    alertMessage(e.message || `Không nhập được tệp “${file.name}”.`);
  } finally {
    label.removeAttribute("aria-busy");
  }
}

// ---------------------------------------------------------------------------
// Start-up

function wire() {
  const form = $("#form");
  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#new-kh").addEventListener("click", () => replaceDoc(M.newKeHoach(), "Đã tạo kế hoạch mới."));
  $("#new-cv").addEventListener("click", () => replaceDoc(M.newCongVan(), "Đã tạo công văn mới."));
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
  $("#auto-preview").addEventListener("change", (e) => { if (e.target.checked) { state.previewStale = true; schedulePreview(); } });
  window.addEventListener("pagehide", save);
  // Sticky offsets follow the real height of the top bar, which wraps on
  // narrow screens.
  const bar = $(".topbar");
  const setBar = () => document.documentElement.style.setProperty("--topbar-h", bar.offsetHeight + "px");
  setBar();
  if (window.ResizeObserver) new ResizeObserver(setBar).observe(bar);
}

async function init() {
  await Promise.all([loadTypes(), loadSamples(), fetchRules()]);
  renderForm();
  scheduleValidate(0);
  startDrafts();
}

// ---------------------------------------------------------------------------
// Drafts on the server (drafts.js): shown only when the server keeps them.

const drafts = { api: new DraftsAPI(authFetch), saver: null, panel: null, comments: [] };

/** placeComments shows the open draft's comments beside their fields. */
function placeComments() {
  showComments($("#form"), drafts.comments, {
    fieldFor: (p) => { const e = byPath(p); return e && (e.closest(".field") || e.parentNode); },
    onResolve: async (c) => {
      try {
        await drafts.api.resolve(drafts.saver.id, c.id);
        drafts.comments = drafts.comments.filter((x) => x.id !== c.id);
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
    drafts.comments = id ? await drafts.api.comments(id) : [];
  } catch {
    drafts.comments = [];
  }
  placeComments();
}

async function startDrafts() {
  try {
    if (!(await drafts.api.available())) return;
  } catch {
    return; // offline: the local copy (save) still holds the work
  }
  const state$ = $("#save-state");
  drafts.saver = new Autosaver({
    api: drafts.api,
    storage: localStorage,
    onState: (s, info) => {
      if (!state$) return;
      state$.hidden = false;
      state$.dataset.state = s;
      state$.textContent = s === "refused" && info ? `${SAVE_STATE.refused}: ${info.message}` : SAVE_STATE[s];
      if (s === "saved" && drafts.panel) drafts.panel.refresh();
    },
    onConflict: (id) => {
      alertMessage("Một đồng nghiệp vừa lưu dự thảo này. Bản sửa của bạn vẫn còn trên máy; hãy tải bản mới nhất rồi sửa tiếp.",
        button("Tải bản mới nhất", () => openDraft(id), { dataset: { action: "reload-draft" } }));
    },
  });
  // Go on with the draft this browser was editing (the form already shows
  // it, restored from local storage); a stale ETag makes the next save a
  // 412, which offers the newer version.
  const cur = drafts.saver.current();
  drafts.saver.open(cur ? cur.id : "", cur ? cur.etag : "");
  if (cur) loadComments(cur.id);
  const pending = drafts.saver.pending();
  if (pending) drafts.saver.resume(pending);
  const root = $("#drafts-pane");
  if (root) {
    drafts.panel = mountDraftsPanel(root, {
      api: drafts.api,
      types: state.types || [],
      onOpen: (d, etag) => showDraft(d, etag),
      notify: (text, ...actions) => notice(text, "info", ...actions),
    });
  }
}

async function openDraft(id) {
  try {
    const r = await drafts.api.get(id);
    showDraft(r.draft, r.etag);
  } catch (e) {
    alertMessage(e.message);
  }
}

function showDraft(d, etag) {
  drafts.comments = [];
  replaceDoc(d.document, `Đã mở dự thảo "${d.summary || d.id}".`);
  drafts.saver.open(d.id, etag);
  $("#alert").replaceChildren();
  loadComments(d.id);
}

wire();
restore();
renderForm();
init().then(() => { document.body.dataset.ready = "1"; });
