import { test } from "node:test";
import assert from "node:assert/strict";
import { organise, summary } from "../web/importreport.js";

// A report as the importer writes it now: each dropped line names the part
// it was next to (path), when there is one.
const REPORT = {
  recognised: [
    { path: "/body", message_vi: "Nội dung: 3 phần.", message_en: "body", source: "I. MỤC ĐÍCH", line: 11 },
  ],
  guessed: [
    { path: "/draft", message_vi: "Số, ngày hoặc người ký còn trống: nhập như dự thảo.", message_en: "draft", supplied: true },
  ],
  dropped: [
    { line: 20, text: "Ghi chú viết tay", printed: false, reason_vi: "Không nhận ra được.", reason_en: "not recognised", path: "/body/2/heading/children/1" },
    { line: 53, text: "Nơi nhận:", printed: true, reason_vi: "Nhãn: hệ thống in lại.", reason_en: "printed again", path: "/distribution/recipients/0" },
    { line: 0, text: "3", printed: true, reason_vi: "Số trang.", reason_en: "page number" },
    { line: 70, text: "Đoạn lạc", printed: false, reason_vi: "Không nhận ra được.", reason_en: "not recognised", path: "/nowhere/1" },
  ],
};

const finder = (fields) => (p) => fields.find((f) => f === p) || fields.find((f) => f.startsWith(p + "/")) || "";

test("a lost line with a path goes beside the field of the part it was next to, after the notes read there", () => {
  const o = organise(REPORT, finder(["/body/2", "/distribution/recipients/0"]));
  const at = o.byField.get("/body/2");
  // "/body" has no field of its own: its note goes to the first field inside.
  assert.deepEqual(at.map((n) => n.kind), ["recognised", "lost"]);
  assert.equal(at[1].source, "Ghi chú viết tay");
  assert.equal(at[1].line, 20);
  // Still listed with the lost lines, now with the field to jump to.
  assert.deepEqual(o.lost.map((d) => [d.line, d.field]), [[20, "/body/2"], [70, ""]]);
});

test("a note keeps its line number and whether the importer supplied the value", () => {
  const o = organise(REPORT, finder(["/body/2", "/draft"]));
  assert.deepEqual(o.byField.get("/draft").map((n) => [n.kind, n.supplied, n.source]), [["guess", true, ""]]);
  assert.equal(o.byField.get("/body/2")[0].line, 11);
  assert.equal(o.byField.get("/body/2")[0].supplied, false);
});

test("a reprinted label stays in its own list, not beside a field", () => {
  const o = organise(REPORT, finder(["/body/2", "/distribution/recipients/0"]));
  assert.equal(o.byField.has("/distribution/recipients/0"), false);
  assert.equal(o.reprinted.length, 2);
});

test("the summary counts lost lines once, wherever they are shown", () => {
  assert.equal(summary("a.pdf", REPORT), "Đã nhập “a.pdf”: nhận ra 1 phần, 1 chỗ phải đoán (xem ghi chú bên cạnh từng ô), 2 đoạn chưa đưa vào văn bản (xem danh sách “Kết quả nhập”).");
});
