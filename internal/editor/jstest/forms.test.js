// node --test: the pure parts of forms.js, tables.js and importreport.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formOf, present, partsOf, part, levelName, headingName, blankURL, newPart } from "../web/forms.js";
import * as T from "../web/tables.js";
import { fieldFor, organise, summary, lineText } from "../web/importreport.js";

// A quyết định's form as GET /v1/document-types answers it (abridged).
const QD = {
  sample: "1.2", numbering: "article", levels: ["Điều", "Khoản", "Điểm", "Tiểu điểm"],
  parts: [
    { key: "summary", label: "Trích yếu" },
    { key: "competence", label: "Thẩm quyền ban hành" },
    { key: "bases", label: "Căn cứ và “Xét đề nghị …”" },
    { key: "intro", label: "Đoạn mở đầu", optional: true },
    { key: "body", label: "Các điều" },
    { key: "attachments", label: "Văn bản ban hành kèm theo", optional: true },
    { key: "signature", label: "Chữ ký" },
    { key: "co_issuer", label: "Cơ quan cùng ban hành", optional: true },
    { key: "distribution/electronic", label: "Bản điện tử", optional: true },
  ],
};
const KH = { sample: "1.4", levels: ["Mục", "Khoản", "Điểm", "Tiểu điểm"], parts: [{ key: "summary", label: "Trích yếu" }, { key: "body", label: "Nội dung" }] };
const TYPES = [{ code: "quyet_dinh", name: "Quyết định", form: QD }, { name: "Kế hoạch", code: "ke_hoach", form: KH }, { code: "cu", name: "Cũ" }];

test("formOf reads the server's table", () => {
  assert.equal(formOf(TYPES, "quyet_dinh"), QD);
  assert.equal(formOf(TYPES, "cu"), null);
  assert.equal(formOf(TYPES, "nope"), null);
  assert.equal(formOf(undefined, "ke_hoach"), null);
});

test("present tells a held part from an empty one", () => {
  const doc = { competence: ["CHỦ TỊCH"], bases: [], summary: "  ", distribution: { electronic: [{ name: "Sở" }] }, co_issuer: { name: [] } };
  const cases = [["competence", true], ["bases", false], ["summary", false], ["distribution/electronic", true], ["co_issuer", true], ["attachments", false]];
  for (const [k, want] of cases) assert.equal(present(doc, k), want, k);
});

test("partsOf shows required parts, offers optional ones, and never hides what a document holds", () => {
  const ps = partsOf(QD, { type: "quyet_dinh", attachments: [{ name: "QUY CHẾ", blocks: [] }] });
  assert.deepEqual(ps.filter((p) => p.shown).map((p) => p.key), ["summary", "competence", "bases", "body", "attachments", "signature"]);
  assert.deepEqual(ps.filter((p) => p.offered).map((p) => p.key), ["intro", "co_issuer", "distribution/electronic"]);
  // A kế hoạch has no thẩm quyền; one typed in by hand (or imported) is shown, not dropped.
  const kh = partsOf(KH, { competence: ["ỦY BAN NHÂN DÂN"] });
  assert.equal(part(kh, "competence").shown, true);
  assert.equal(part(kh, "competence").foreign, true);
  assert.equal(part(partsOf(KH, {}), "competence"), null);
  assert.deepEqual(partsOf(null, {}), []);
});

test("levelName names the form's heading levels", () => {
  assert.equal(levelName(QD, 1), "Điều");
  assert.equal(levelName(QD, 2), "Khoản");
  assert.equal(levelName(KH, 1), "Mục");
  assert.equal(levelName(KH, 9), "Tiểu điểm");
  assert.equal(levelName(null, 1), "Tiêu đề");
});

test("headingName does not say the level twice", () => {
  const cases = [["Điều", "Điều 3.", "Điều 3."], ["Khoản", "2.", "Khoản 2."], ["Mục", "", "Mục"], ["Chương", "CHƯƠNG II", "CHƯƠNG II"], ["", "a)", "a)"]];
  for (const [n, l, want] of cases) assert.equal(headingName(n, l), want);
});

test("blankURL and newPart", () => {
  assert.equal(blankURL("quyet_dinh"), "/v1/document-types/quyet_dinh/blank");
  assert.equal(blankURL("a/b"), "/v1/document-types/a%2Fb/blank");
  assert.deepEqual(newPart("cosignature"), { title: "" });
  assert.equal(newPart("attachments")[0].blocks.length, 1);
  assert.deepEqual(newPart("distribution/electronic"), [{ name: "" }]);
});

// ---- tables.js

function duToan() {
  return {
    columns: [{ title: "TT" }, { title: "Nội dung" }, { title: "Số lượng", numeric: true }, { title: "Mức chi", numeric: true }, { title: "Thành tiền", numeric: true }],
    rows: [
      { kind: "section", cells: ["1", "Hội nghị", null, null, null] },
      { cells: ["1.1", "Nước uống", 10, 20000, null] },
      { cells: ["1.2", "Tài liệu", 5, 3000, null] },
    ],
  };
}

test("sectionRow and totalRow leave their numbers to the server", () => {
  const t = duToan();
  assert.deepEqual(T.sectionRow(t, "Tập huấn"), { kind: "section", cells: [null, "Tập huấn", null, null, null] });
  assert.deepEqual(T.totalRow(t), { kind: "total", label: "Tổng cộng", cells: [null, null, null] });
  assert.equal(T.insertRow(t, T.sectionRow(t), 0), 1);
  assert.equal(t.rows[1].kind, "section");
  assert.equal(T.insertRow(t, T.totalRow(t)), 4);
  assert.equal(t.rows[4].kind, "total");
});

test("leafKey and rowID name columns and rows once, without clashing", () => {
  const t = duToan();
  t.columns[3].key = "c5";
  assert.equal(T.leafKey(t, 4), "c6");
  assert.equal(T.leafKey(t, 4), "c6");
  assert.equal(T.leafKey(t, 3), "c5");
  assert.equal(T.leafKey(t, 9), "");
  t.rows[0].id = "r2";
  assert.equal(T.rowID(t, 1), "r3");
  assert.equal(T.rowID(t, 0), "r2");
});

test("setColumnKind follows the server's numeric flag", () => {
  const col = { title: "Mã ngành", numeric: true, sum: true, formula: { product: ["a"] } };
  T.setColumnKind(col, "code", false);
  assert.deepEqual(col, { title: "Mã ngành", kind: "code" });
  T.setColumnKind(col, "money", true);
  assert.deepEqual(col, { title: "Mã ngành", kind: "money", numeric: true });
  T.setColumnKind(col, "text", false);
  assert.deepEqual(col, { title: "Mã ngành" });
});

test("setFormula writes each form of the short list", () => {
  const t = duToan();
  const p = T.setFormula(t, { col: 4 }, { form: "product", keys: [2, 3] });
  assert.deepEqual(p, { product: ["c3", "c4"] });
  assert.equal(T.formulaForm(t.columns[4].formula), "product");
  t.rows.push(T.totalRow(t), T.totalRow(t, "Tổng 07 năm"));
  assert.deepEqual(T.setFormula(t, { row: 4 }, { form: "times", n: "7", of: 3 }), { times: 7, of: "r4" });
  assert.deepEqual(T.setFormula(t, { row: 4 }, { form: "percent", n: 10, of: 3 }), { percent: 10, of: "r4" });
  assert.deepEqual(T.setFormula(t, { row: 4 }, { form: "sum", rows: [0, 3] }), { sum: ["r1", "r4"] });
  assert.equal(T.formulaForm(t.rows[4].formula), "sum");
  assert.equal(T.setFormula(t, { row: 4 }, { form: "" }), null);
  assert.equal(t.rows[4].formula, undefined);
  T.setFormula(t, { col: 4 }, { form: "" });
  assert.equal(t.columns[4].formula, undefined);
});

test("merge spans cells and refuses to cover anything written", () => {
  const t = duToan();
  t.rows.push({ cells: ["", "Khác", null, null, null] }, { kind: "total", cells: [] });
  const cases = [
    { name: "one cell", args: [0, 0, 1, 1], ok: false },
    { name: "past the columns", args: [0, 4, 2, 1], ok: false },
    { name: "past the rows", args: [3, 0, 1, 3], ok: false },
    { name: "into a total row", args: [3, 2, 1, 2], ok: false },
    { name: "over written text", args: [0, 0, 1, 2], ok: false },
    { name: "blank neighbours below", args: [1, 4, 1, 3], ok: true },
    { name: "overlapping", args: [2, 4, 1, 1], ok: false },
    { name: "overlap from the left", args: [3, 3, 2, 1], ok: false },
  ];
  for (const c of cases) {
    const r = T.merge(t, ...c.args);
    assert.equal(r.ok, c.ok, c.name + (r.why ? ": " + r.why : ""));
    if (!r.ok) assert.ok(r.why, c.name);
  }
  assert.deepEqual(t.rows[1].spans, [{ col: 4, rows: 3 }]);
  assert.deepEqual([...T.coveredBy(t).keys()], ["2/4", "3/4"]);
  assert.equal(T.spanAt(t, 1, 4).rows, 3);
  assert.equal(T.unmerge(t, 1, 4), true);
  assert.equal(t.rows[1].spans, undefined);
  assert.equal(T.unmerge(t, 1, 4), false);
  assert.equal(T.coveredBy(t).size, 0);
});

test("setWords names a row and column for the words line", () => {
  const t = duToan();
  t.rows.push(T.totalRow(t));
  assert.deepEqual(T.setWords(t, 3, 4, "đồng"), { row: "r4", column: "c5", unit: "đồng" });
  assert.equal(T.setWords(t, -1), null);
  assert.equal(t.words, undefined);
  assert.equal(T.rowName(t, 1), "Dòng 2: 1.1 Nước uống");
  assert.equal(T.rowName(t, 3), "Dòng 4: Tổng cộng");
});

// ---- importreport.js

const REPORT = {
  format: "docx",
  recognised: [
    { path: "/competence", message_vi: "Thẩm quyền ban hành: CHỦ TỊCH.", message_en: "competence", source: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" },
    { path: "/bases", message_vi: "Căn cứ ban hành: 5 dòng.", message_en: "bases" },
    { path: "", message_vi: "Dấu kết thúc \"./.\" đã bỏ.", message_en: "final mark" },
  ],
  guessed: [
    { path: "/appendices/0/blocks/2/table", message_vi: "Cột “Điểm” giữ dạng chữ.", message_en: "kept as text" },
    { path: "/nowhere/3", message_vi: "Không rõ.", message_en: "unknown" },
  ],
  dropped: [
    { line: 48, text: "Phụ lục I", printed: false, reason_vi: "Không nhận ra được.", reason_en: "not recognised" },
    { line: 4, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", printed: true, reason_vi: "Quốc hiệu: hệ thống in lại.", reason_en: "printed again" },
    { line: 12, text: "Trang 2", printed: false, reason_vi: "Số trang.", reason_en: "page number" },
  ],
};

// finder is a form whose fields are at these pointers, found as the page finds them.
const finder = (fields) => (p) => fields.find((f) => f === p) || fields.find((f) => f.startsWith(p + "/")) || "";

test("fieldFor climbs to the nearest field, or goes into a group of fields", () => {
  const find = finder(["/appendices/0/blocks/2", "/competence", "/issuer/name", "/issuer/abbreviation"]);
  assert.equal(fieldFor("/appendices/0/blocks/2/table/rows/3", find), "/appendices/0/blocks/2");
  assert.equal(fieldFor("/competence", find), "/competence");
  assert.equal(fieldFor("/issuer", find), "/issuer/name");
  assert.equal(fieldFor("/x/y", find), "");
  assert.equal(fieldFor("", find), "");
});

test("organise puts guesses and read lines beside their fields, lost lines in order, reprinted apart", () => {
  const has = finder(["/competence", "/bases", "/appendices/0/blocks/2"]);
  const o = organise(REPORT, has);
  assert.deepEqual([...o.byField.keys()], ["/appendices/0/blocks/2", "/competence", "/bases"]);
  assert.equal(o.byField.get("/appendices/0/blocks/2")[0].kind, "guess");
  assert.equal(o.byField.get("/competence")[0].source, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH");
  assert.deepEqual(o.general.map((n) => n.vi), ["Không rõ.", "Dấu kết thúc \"./.\" đã bỏ."]);
  assert.deepEqual(o.lost.map((d) => d.line), [12, 48]);
  assert.equal(o.reprinted.length, 1);
  assert.equal(o.guesses, 2);
  const empty = organise({}, has);
  assert.equal(empty.byField.size + empty.general.length + empty.lost.length, 0);
});

test("summary counts guesses and lost lines in Vietnamese", () => {
  assert.equal(summary("a.docx", REPORT), "Đã nhập “a.docx”: nhận ra 3 phần, 2 chỗ phải đoán (xem ghi chú bên cạnh từng ô), 2 đoạn chưa đưa vào văn bản (xem danh sách “Kết quả nhập”).");
  assert.equal(summary("b.txt", { recognised: [] }), "Đã nhập “b.txt”: nhận ra 0 phần, không bỏ sót đoạn nào.");
});

test("lineText keeps a line on one line", () => {
  assert.equal(lineText("  a\n  b "), "a b");
  assert.equal(lineText("x".repeat(10), 5), "xxxx…");
  assert.equal(lineText(undefined), "");
});
