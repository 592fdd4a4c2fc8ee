// The form: its sections (type and trích yếu, issuer, căn cứ, body,
// signature, Nơi nhận, appendices, options), drawn from state.doc. A
// structural edit redraws it whole; typing only refreshes the derived
// displays (state.derived), which show the server's composed values.
import * as M from "./model.js";
import { state, changed, emit, isLetter } from "./store.js";
import { h, $, nextID, button, autosizeAll, focusPath } from "./dom.js";
import { field, textField, listEditor, rowTools, section } from "./fields.js";
import { outline, showLabels } from "./outline.js";
import * as F from "./forms.js";
import { profileChooser } from "./profiles.js";

function sectionDocument() {
  const d = state.doc;
  const letter = isLetter();
  const types = state.types.some((t) => t.code === d.type) ? state.types : [...state.types, { code: d.type, name: d.type }];
  return section("sec-vanban", "Loại văn bản và trích yếu",
    h("div", { class: "grid2" },
      field({ path: "/type", label: "Loại văn bản", value: d.type, rerender: true, options: types.map((t) => [t.code, t.name + (t.abbreviation ? ` (${t.abbreviation})` : "")]) }),
      field({ path: "/draft", label: "Dự thảo (cho phép để trống số, ngày, người ký)", kind: "bool", value: d.draft }),
      field({ path: "/options/draft_mark", label: "In dấu “DỰ THẢO” ở góc trên bên phải trang đầu", kind: "bool", value: d.options && d.options.draft_mark })),
    letter
      ? [
        field({ path: "/subject", label: "Trích yếu (V/v …)", value: d.subject, multiline: true, optional: true, wide: true, hint: "Không gõ “V/v”: hệ thống tự thêm khi in.", placeholder: "vd: tổ chức Tháng hành động vì bình đẳng giới" }),
        h("div", { class: "sub", dataset: { path: "/addressees" } },
          h("h3", null, "Kính gửi"),
          listEditor({ path: "/addressees", text: true, itemLabel: "Nơi nhận chính", addLabel: "Thêm nơi nhận (Kính gửi)" })),
      ]
      : [
        field({ path: "/summary", label: F.label("summary", "Trích yếu"), value: d.summary, multiline: true, optional: true, wide: true, hint: F.hint("summary", "In đậm dưới tên loại văn bản, viết thường (chỉ viết hoa chữ đầu)."), placeholder: "vd: Triển khai thực hiện …" }),
        F.addresseesEditor(),
      ],
    F.formBadge());
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
    F.competenceEditor(),
    h("div", { class: "sub", dataset: { path: "/bases" } },
      h("h3", null, F.label("bases", "Căn cứ ban hành")),
      h("p", { class: "hint" }, F.hint("bases", "Mỗi căn cứ một dòng, in nghiêng; kết thúc bằng “;”, dòng cuối bằng “.”.")),
      listEditor({ path: "/bases", itemLabel: "Căn cứ", addLabel: "Thêm căn cứ", text: true })),
    h("div", { class: "sub", dataset: { path: "/intro" } },
      h("h3", null, "Đoạn mở đầu"),
      listEditor({ path: "/intro", itemLabel: "Đoạn mở đầu", addLabel: "Thêm đoạn mở đầu", text: true })));
}

function sectionBody() {
  return section("sec-noidung", F.label("body", "Nội dung"),
    F.hint("body", "") ? h("p", { class: "hint" }, F.hint("body", "")) : null,
    h("p", { class: "hint" }, "Số thứ tự (I., 1., a), -, +) do hệ thống đánh theo vị trí. Dùng các nút bên phải mỗi dòng để chuyển lên/xuống, thụt vào (→) hoặc lùi ra (←)."),
    outline("/body"),
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
      textField({ path: p + "/name", label: `Nơi nhận ${i + 1}`, multiline: false, placeholder: "vd: Sở Tài chính" }),
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
  return section("sec-noinhan", "Nơi nhận", list, archive, F.electronicEditor());
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
      outline(p + "/blocks")));
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
    profileChooser(),
    h("div", { class: "grid2" },
      field({ path: "/options/numbering", label: "Cách đánh số", kind: "enum", optional: true, rerender: true, value: o.numbering || "", options: [["", `Theo mẫu (${(F.current().form || {}).numbering === "article" ? "Điều 1. / 1. / a)" : "I. / 1. / a)"})`], ["roman", "I. / 1. / a)"], ["decimal", "I. / 1. / 1.1. / 1.1.1."], ["article", "Điều 1. / 1. / a)"]] }),
      field({ path: "/options/tone", label: "Kiểu bỏ dấu", kind: "enum", optional: true, value: o.tone || "", options: [["", "Báo khi lẫn hai kiểu"], ["old", "Kiểu cũ: hòa, thủy"], ["new", "Kiểu mới: hoà, thuỷ"]] })),
    h("div", { class: "checks" },
      field({ path: "/options/words_bon", label: "Đọc số: “bốn” thay “tư”", kind: "bool", value: o.words_bon }),
      field({ path: "/options/words_le", label: "Đọc số: “lẻ” thay “linh”", kind: "bool", value: o.words_le }),
      field({ path: "/options/words_ngan", label: "Đọc số: “ngàn” thay “nghìn”", kind: "bool", value: o.words_ngan })));
}


const NAV_LABELS = {
  "sec-vanban": "Loại, trích yếu", "sec-coquan": "Cơ quan, số, ngày", "sec-cancu": "Căn cứ", "sec-noidung": "Nội dung",
  "sec-chuky": "Chữ ký", "sec-noinhan": "Nơi nhận", "sec-phuluc": "Phụ lục", "sec-tuychon": "Tùy chọn",
  "sec-kemtheo": "Kèm theo", "sec-lientich": "Liên tịch",
};

/** renderForm draws the whole form again, keeping the caret where it was. */
export function renderForm() {
  const form = $("#form");
  const active = document.activeElement;
  const keep = active && form.contains(active) && active.dataset.path
    ? { path: active.dataset.path, start: active.selectionStart, end: active.selectionEnd }
    : null;
  state.derived = [];
  if (!state.doc.type) {
    // The server's blank is on its way (app.js startBlank).
    form.replaceChildren(h("p", { class: "muted", id: "form-loading" }, "Đang tải văn bản mới…"));
    return;
  }
  const sections = [sectionDocument(), sectionIssuer(), sectionBases(), sectionBody(), F.sectionAttachments(outline), sectionSignature(), F.sectionJoint(), sectionDistribution(), sectionAppendices(), sectionOptions()].filter(Boolean);
  const nav = h("nav", { class: "sections", "aria-label": "Các phần của văn bản" },
    sections.map((sec) => h("a", { href: "#" + sec.id }, NAV_LABELS[sec.id] || $("h2", sec).textContent)));
  form.replaceChildren(nav, ...sections);
  refreshDerived();
  autosizeAll(form);
  if (keep) focusPath(keep.path, keep, false);
  emit("rendered");
}

/** refreshDerived updates the displays of the server's composed values. */
export function refreshDerived() {
  for (const f of state.derived) {
    try { f(); } catch (e) { console.error(e); }
  }
}

/** showRules puts a new answer of the server into the drawn form. */
export function showRules() {
  if (state.rules) showLabels();
  refreshDerived();
}
