// node --test: the pure parts of the editor's modules (no DOM needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readValue } from "../web/fields.js";
import { moveBlock, indentBlock, outdentBlock, mainPath } from "../web/blocks.js";
import { reshapeColumns, newRow, fillRow } from "../web/table.js";
import { errorMessage, api, APIError, OFFLINE } from "../web/api.js";
import { fileNameFrom, renderErrorText, staleReason } from "../web/preview.js";
import { saveLocal, loadLocal, savedAt, STORAGE_KEY } from "../web/local.js";
import { parseDocFile, sampleLabel } from "../web/open.js";
import { importSummary } from "../web/import.js";
import { split, countText, messageOf, isVisited, shownFindings, statusText } from "../web/findings.js";
import { startsKey } from "../web/validate.js";
import { swapSummary } from "../web/document.js";

test("readValue turns an input's text into its JSON value", () => {
  const cases = [
    ["bool", "", { checked: true }, true],
    ["bool", "", { checked: false }, undefined],
    ["int", " ", { optional: true }, undefined],
    ["int", "", {}, 0],
    ["int", "12", {}, 12],
    ["int", "x", {}, undefined],
    ["amount", "1.234.000", {}, 1234000],
    ["amount", "", { optional: true }, undefined],
    ["amount", "12a", {}, "12a"],
    ["lines", "A\n\n B \n", {}, ["A", "B"]],
    ["list", "KGVX, KTTH; VP", {}, ["KGVX", "KTTH", "VP"]],
    ["enum", "", { optional: true }, undefined],
    ["enum", "old", { optional: true }, "old"],
    ["str", "", { optional: true }, undefined],
    ["str", "", {}, ""],
    ["text", "Có dấu", {}, "Có dấu"],
  ];
  for (const [kind, text, o, want] of cases) assert.deepEqual(readValue(kind, text, o), want, `${kind} ${JSON.stringify(text)}`);
});

function outlineDoc() {
  return { body: [
    { heading: { title: "A", children: [{ paragraph: "a1" }] } },
    { paragraph: "p" },
    { item: { text: "i" } },
  ] };
}

test("moveBlock swaps neighbours and refuses the ends", () => {
  const d = outlineDoc();
  assert.equal(moveBlock(d, "/body", 0, -1), undefined);
  assert.equal(moveBlock(d, "/body", 2, 1), undefined);
  assert.equal(moveBlock(d, "/body", 1, -1), "/body/0");
  assert.equal(d.body[0].paragraph, "p");
});

test("indentBlock nests under the heading or bullet above, outdentBlock takes it back out", () => {
  const d = outlineDoc();
  assert.equal(indentBlock(d, "/body", 0), undefined, "first block");
  assert.equal(indentBlock(d, "/body", 2), undefined, "a paragraph cannot hold children");
  assert.equal(indentBlock(d, "/body", 1), "/body/0/heading/children/1");
  assert.equal(d.body.length, 2);
  assert.equal(outdentBlock(d, "/body", 0), undefined, "top level");
  assert.equal(outdentBlock(d, "/body/0/heading/children", 1), "/body/1");
  assert.deepEqual(d, outlineDoc());
  outdentBlock(d, "/body/0/heading/children", 0);
  assert.equal(d.body[0].heading.children, undefined, "an emptied children list goes");
});

test("mainPath names each kind's main field", () => {
  const cases = [["heading", "/b/heading/title"], ["paragraph", "/b/paragraph"], ["item", "/b/item/text"], ["table", "/b/table/title"], ["budget", "/b/budget/label"], ["other", "/b"]];
  for (const [k, want] of cases) assert.equal(mainPath("/b", k), want);
});

test("reshapeColumns moves cells with their columns", () => {
  const t = { columns: [{ title: "TT" }, { title: "A", numeric: true }, { title: "B", numeric: true }], rows: [{ cells: ["1", 5, 7] }, { kind: "total", cells: [] }] };
  reshapeColumns(t, (tt) => { const c = tt.columns; [c[1], c[2]] = [c[2], c[1]]; });
  assert.deepEqual(t.rows[0].cells, ["1", 7, 5]);
  reshapeColumns(t, (tt) => tt.columns.splice(1, 1));
  assert.deepEqual(t.rows[0].cells, ["1", 5]);
  reshapeColumns(t, (tt) => tt.columns.push({ title: "C", numeric: true }));
  assert.deepEqual(t.rows[0].cells, ["1", 5, null]);
  assert.deepEqual(t.rows[1].cells, [], "an all-computed total row stays so");
});

test("newRow numbers data rows and leaves the lead columns to a total's label", () => {
  const t = { columns: [{ title: "TT" }, { title: "A", numeric: true }], rows: [{ cells: ["1", 2] }, { kind: "total", cells: [null] }] };
  assert.deepEqual(newRow(t, ""), { cells: ["2", null] });
  assert.deepEqual(newRow(t, "total"), { kind: "total", label: "Tổng cộng", cells: [null] });
  const d = { t: { rows: [{ kind: "total" }] } };
  fillRow(d, "/t/rows/0/cells/1", 3);
  assert.deepEqual(d.t.rows[0].cells, [null, null, null]);
});

test("errorMessage prefers the server's Vietnamese message, except when busy", () => {
  const body = { error: { message_vi: "Thiếu trích yếu." } };
  assert.equal(errorMessage(422, body), "Thiếu trích yếu.");
  assert.match(errorMessage(429, body), /bận/);
  assert.match(errorMessage(500, null), /\(500\)/);
  assert.equal(errorMessage(404, null), "Máy chủ trả lỗi 404.");
});

test("api turns failures into APIError", async () => {
  const offline = async () => { throw new TypeError("Failed to fetch"); };
  await assert.rejects(api("/x", {}, offline), (e) => e instanceof APIError && e.status === 0 && e.message === OFFLINE);
  const bad = async () => new Response(JSON.stringify({ error: { message_vi: "Sai." } }), { status: 400 });
  await assert.rejects(api("/x", {}, bad), (e) => e.status === 400 && e.message === "Sai." && e.body.error.message_vi === "Sai.");
  const ok = async () => new Response("{}", { status: 200 });
  assert.equal((await api("/x", {}, ok)).status, 200);
});

test("fileNameFrom reads RFC 5987 and plain names", () => {
  assert.equal(fileNameFrom("attachment; filename*=UTF-8''k%E1%BA%BF-ho%E1%BA%A1ch.pdf", "x.pdf"), "kế-hoạch.pdf");
  assert.equal(fileNameFrom('attachment; filename="a.docx"', "x.docx"), "a.docx");
  assert.equal(fileNameFrom(null, "x.pdf"), "x.pdf");
});

test("renderErrorText counts the errors of a 422", () => {
  const e = { status: 422, body: { error: { findings: [{ severity: "error" }, { severity: "warning" }, { severity: "error" }] } } };
  assert.match(renderErrorText(e, "tệp PDF"), /còn 2 lỗi nên chưa tạo được tệp PDF/);
  assert.equal(renderErrorText({ message: "Mất mạng" }, "x"), "Mất mạng");
});

function memoryStorage(full = false) {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => { if (full) throw new Error("QuotaExceeded"); m.set(k, String(v)); }, m };
}

test("the local copy round-trips, and a refusal or garbage is told", () => {
  const s = memoryStorage();
  assert.equal(saveLocal(s, { type: "ke_hoach" }, 42), true);
  assert.deepEqual(loadLocal(s), { doc: { type: "ke_hoach" }, saved: 42 });
  assert.equal(saveLocal(memoryStorage(true), {}), false);
  for (const bad of ["{", "null", "[]", '{"doc":[]}', '{"doc":"x"}']) {
    s.m.set(STORAGE_KEY, bad);
    assert.equal(loadLocal(s), null, bad);
  }
  assert.equal(savedAt(new Date(2026, 0, 5, 9, 7)), "09:07 ngày 05/01/2026");
});

test("parseDocFile accepts a JSON object and says what is wrong otherwise", () => {
  assert.match(parseDocFile("a.json", "\uFEFF{\"schema\":\"vanban/v1\"}").message, /^Đã mở tệp “a.json”\.$/);
  assert.match(parseDocFile("a.json", "{}").message, /không ghi schema/);
  assert.match(parseDocFile("a.json", "{").error, /không phải JSON hợp lệ/);
  assert.match(parseDocFile("a.json", "[1]").error, /không chứa một văn bản/);
});

test("sampleLabel shortens long titles", () => {
  assert.equal(sampleLabel({ name: "kh", title: "Tết" }, { name: "Kế hoạch" }), "Kế hoạch — Tết");
  assert.equal(sampleLabel({ name: "kh" }, null), "kh");
  assert.equal(sampleLabel({ name: "x", title: "a".repeat(80) }, null).length, 69);
});

test("importSummary names guesses, legacy encodings and dropped text", () => {
  assert.equal(importSummary("a.docx", { recognised: [1, 2] }), "Đã nhập “a.docx”: nhận ra 2 phần.");
  const m = importSummary("b.pdf", { recognised: [1], guessed: [1], encoding: "docx+tcvn3", dropped: [{ text: "Trang 2", reason_vi: "số trang" }] });
  assert.match(m, /1 chỗ phải đoán/);
  assert.match(m, /TCVN3/);
  assert.match(m, /“Trang 2” \(số trang\)/);
});

test("findings are split errors first and counted", () => {
  const fs = [{ severity: "warning", code: "w" }, { severity: "error", code: "e", message_vi: "Lỗi." }];
  assert.deepEqual(split(fs).errors.map((f) => f.code), ["e"]);
  assert.equal(countText(fs), "1 lỗi, 1 cảnh báo");
  assert.equal(countText([]), "");
  assert.equal(messageOf(fs[1]), "Lỗi.");
  assert.equal(messageOf(fs[0]), "w");
});

test("startsKey ignores the default start level", () => {
  assert.equal(startsKey({ starts: { "/body": 1 } }), startsKey(null));
  assert.notEqual(startsKey({ starts: { "/body": 2 } }), startsKey(null));
});

test("swapSummary moves the trích yếu when the layout changes", () => {
  const d = { summary: "S" };
  swapSummary(d, false, true);
  assert.deepEqual(d, { subject: "S", addressees: [""] });
  swapSummary(d, true, false);
  assert.deepEqual(d, { summary: "S", addressees: [""] });
  swapSummary(d, false, false);
  assert.deepEqual(d, { summary: "S", addressees: [""] });
});

test("a finding shows once its field, a field inside it or the field holding it was visited", () => {
  const visited = new Set(["/summary", "/date/day", "/issuer/name"]);
  const cases = [
    ["/summary", true], ["/date", true], ["/issuer/name/0", true],
    ["/summary2", false], ["/place", false], ["", false], [undefined, false],
  ];
  for (const [p, want] of cases) assert.equal(isVisited(p, visited), want, String(p));
  const fs = [{ path: "/summary", severity: "error" }, { path: "/place", severity: "error" }, { path: "", severity: "warning" }];
  assert.deepEqual(shownFindings(fs, visited, false).map((f) => f.path), ["/summary"]);
  assert.equal(shownFindings(fs, visited, true).length, 3);
  assert.equal(shownFindings(fs, new Set(), false).length, 0);
});

test("statusText counts what is shown and says what waits", () => {
  const e = (path) => ({ path, severity: "error" });
  const w = { path: "/x", severity: "warning" };
  const cases = [
    [[], [], "Hợp lệ, không có lỗi"],
    [[w], [], "Hợp lệ, 1 cảnh báo"],
    [[e("/a"), e("/b")], [], "Đang soạn: các ô đã điền chưa có lỗi"],
    [[e("/a"), e("/b"), w], [e("/a"), w], "1 lỗi, 1 cảnh báo (và 1 lỗi ở ô chưa điền)"],
    [[e("/a")], [e("/a")], "1 lỗi"],
  ];
  for (const [all, shown, want] of cases) assert.equal(statusText(all, shown), want);
});

test("staleReason marks a shown preview that no longer matches, with why", () => {
  assert.equal(staleReason({ shown: false, stale: true }), "", "nothing shown, nothing to mark");
  assert.equal(staleReason({ shown: true, stale: false, errors: true }), "", "matches the document");
  assert.match(staleReason({ shown: true, stale: true, pending: true }), /đang tạo bản mới/);
  assert.match(staleReason({ shown: true, stale: true, errors: true }), /có lỗi/);
  assert.match(staleReason({ shown: true, stale: true }), /đã thay đổi/);
});
