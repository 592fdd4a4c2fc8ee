// The import report beside the fields. After POST /v1/import the
// server's report (importer.Report) says, for each part it read, the
// field it filled (a JSON Pointer), what it did, in Vietnamese first, and
// the source line it came from; which parts it only guessed; and every
// source paragraph it did not put in the document, with why. This module
// keeps that report for the imported document, shows each note beside
// its field (again after every redraw), and lists the dropped lines and
// the guesses in a panel, each guess a link to its field. A lost line that
// names the part it was next to (its path) is also shown beside that part,
// where the clerk would put it back.
//
// The functions above the DOM section are pure (node --test).
import * as M from "./model.js";
import { h, $, $$, byPath, button } from "./dom.js";

// ---------------------------------------------------------------------------
// Pure: organising the report

/**
 * fieldFor is the field a note about path goes beside: find(p) gives the
 * field's own pointer for p (p itself, or its first field inside, as
 * /issuer/name for /issuer), or ""; the nearest of path and its parents
 * that has one wins.
 */
export function fieldFor(path, find) {
  let p = path || "";
  while (p) {
    const f = find(p);
    if (f) return f;
    p = M.parent(p);
  }
  return "";
}

/**
 * organise sorts a report for the clerk: notes (guesses first, then what
 * was recognised with the line it was read from, then the lost lines next
 * to the part) by the field they go beside; notes with no field; the
 * dropped lines that are lost unless the clerk adds them back (each with
 * the field of the part it was next to, when there is one); and those the
 * system prints again (Quốc hiệu, "Số:" …), counted and listed apart. find
 * is as for fieldFor.
 */
export function organise(rep, find) {
  const out = { byField: new Map(), general: [], lost: [], reprinted: [], guesses: 0 };
  const add = (n, kind) => {
    const note = { kind, path: n.path || "", vi: n.message_vi || n.message_en || "", en: n.message_en || "", source: n.source || "", line: n.line || 0, supplied: !!n.supplied };
    const f = note.path ? fieldFor(note.path, find) : "";
    if (!f) { out.general.push(note); return; }
    if (!out.byField.has(f)) out.byField.set(f, []);
    out.byField.get(f).push(note);
  };
  for (const n of (rep && rep.guessed) || []) { add(n, "guess"); out.guesses++; }
  for (const n of (rep && rep.recognised) || []) add(n, "recognised");
  for (const d of (rep && rep.dropped) || []) {
    const item = { line: d.line || 0, text: d.text || "", vi: d.reason_vi || d.reason_en || "", en: d.reason_en || "", path: d.path || "", field: "" };
    (d.printed ? out.reprinted : out.lost).push(item);
    item.field = !d.printed && item.path ? fieldFor(item.path, find) : "";
    if (item.field) {
      if (!out.byField.has(item.field)) out.byField.set(item.field, []);
      out.byField.get(item.field).push({ kind: "lost", path: item.path, vi: item.vi, en: item.en, source: item.text, line: item.line });
    }
  }
  out.lost.sort((a, b) => a.line - b.line);
  return out;
}

/** summary is the one-line Vietnamese account of a report. */
export function summary(name, rep) {
  const o = organise(rep, () => "");
  const parts = [`Đã nhập “${name}”: nhận ra ${((rep && rep.recognised) || []).length} phần`];
  if (o.guesses) parts.push(`${o.guesses} chỗ phải đoán (xem ghi chú bên cạnh từng ô)`);
  parts.push(o.lost.length ? `${o.lost.length} đoạn chưa đưa vào văn bản (xem danh sách “Kết quả nhập”)` : "không bỏ sót đoạn nào");
  return parts.join(", ") + ".";
}

/** lineText shows a source line on one line, a long one cut with "…" (the whole text is in the report). */
export function lineText(s, max = 160) {
  const t = String(s || "").replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

// ---------------------------------------------------------------------------
// DOM

let kept = null; // {name, report, doc}: the report and the document it belongs to

/** keep holds the report of the document just imported; forget drops it. */
export function keep(name, report, doc) {
  kept = report ? { name, report, doc } : null;
}

export function forget() {
  kept = null;
  const panel = $("#import-report");
  if (panel) panel.remove();
  for (const el of $$(".import-note")) el.remove();
}

/** active is the kept report while its document is the one open. */
export function active(doc) {
  return kept && kept.doc === doc ? kept : null;
}

/** finder gives the pointer of the field for p in root: p's own, or the first one inside it. */
function finder(root) {
  return (p) => {
    if (byPath(p, root)) return p;
    const inner = root.querySelector(`[data-path^="${CSS.escape(p)}/"]`);
    return inner ? inner.dataset.path : "";
  };
}

const NOTE_CLASS = { guess: "guess", recognised: "read", lost: "lost" };
const NOTE_LABEL = { guess: "Nhập (đoán, cần kiểm tra): ", recognised: "Nhập: ", lost: "Chưa đưa vào văn bản (đoạn ở chỗ này): " };

/** annotate puts each note beside its field in form; call it after every redraw. */
export function annotate(form, doc) {
  for (const el of $$(".import-note", form)) el.remove();
  const k = active(doc);
  if (!k) return;
  const o = organise(k.report, finder(form));
  for (const [p, notes] of o.byField) {
    const el = byPath(p, form);
    const host = (el.closest && el.closest(".field")) || el;
    const box = h("div", { class: "import-note", role: "note", dataset: { importFor: p } },
      notes.map((n) => h("div", { class: NOTE_CLASS[n.kind] || "read", title: n.en },
        h("b", null, n.supplied ? "Nhập (hệ thống tự điền, không có trong tệp): " : NOTE_LABEL[n.kind] || "Nhập: "), n.vi,
        n.source ? h("div", { class: "source" }, n.kind === "lost" && n.line ? `Đoạn ${n.line}: “` : "Từ dòng: “", lineText(n.source), "”") : null)));
    if (host.tagName === "FIELDSET" || host.classList.contains("sub") || host.classList.contains("list")) host.prepend(box);
    else host.append(box);
  }
}

/** showPanel lists the report in the side pane: the lines not in the document, the guesses, the notes with no field. */
export function showPanel(doc, jumpTo) {
  const old = $("#import-report");
  if (old) old.remove();
  const k = active(doc);
  if (!k) return;
  const o = organise(k.report, finder($("#form")));
  const guesses = [];
  for (const [p, notes] of o.byField) for (const n of notes) if (n.kind === "guess") guesses.push([p, n]);
  for (const n of o.general) if (n.kind === "guess") guesses.push(["", n]);
  const panel = h("section", { id: "import-report", class: "panel import-panel", "aria-labelledby": "import-report-h" },
    h("div", { class: "panel-head" },
      h("h2", { id: "import-report-h" }, `Kết quả nhập “${k.name}”`),
      h("div", { class: "spacer" }),
      button("Đóng", () => forget(), { cls: "close", title: "Ẩn kết quả nhập" })),
    h("h3", null, o.lost.length ? `Chưa đưa vào văn bản (${o.lost.length} đoạn): hãy thêm lại nếu cần` : "Không bỏ sót đoạn nào của tệp."),
    o.lost.length ? h("ol", { class: "dropped" }, o.lost.map((d) => h("li", { title: d.en, dataset: { line: String(d.line) } },
      h("span", { class: "line" }, d.line ? `Đoạn ${d.line}: ` : ""), h("q", null, lineText(d.text)), h("div", { class: "why" }, d.vi),
      d.field ? button("Đến chỗ của đoạn này", () => jumpTo(d.field), { cls: "link", dataset: { lostPath: d.field } }) : null))) : null,
    guesses.length ? [h("h3", null, `Chỗ phải đoán (${guesses.length})`),
      h("ul", { class: "import-guesses" }, guesses.map(([p, n]) => h("li", { title: n.en },
        p ? button(n.vi, () => jumpTo(p), { cls: "link", dataset: { guessPath: p } }) : n.vi)))] : null,
    o.general.some((n) => n.kind !== "guess") ? [h("h3", null, "Ghi chú chung"),
      h("ul", null, o.general.filter((n) => n.kind !== "guess").map((n) => h("li", { title: n.en }, n.vi)))] : null,
    o.reprinted.length ? h("details", null, h("summary", null, `${o.reprinted.length} dòng hệ thống tự in lại (Quốc hiệu, “Số:”, ngày tháng …)`),
      h("ul", null, o.reprinted.map((d) => h("li", { title: d.en }, h("q", null, lineText(d.text, 80)), " — ", d.vi)))) : null);
  const side = $(".side-pane");
  if (side) side.prepend(panel);
}
