// Findings: the list beside the form and the marks on the fields. Each
// finding's path is a JSON Pointer; it is shown at that field, or at the
// nearest ancestor the form draws.
import * as M from "./model.js";
import { state } from "./store.js";
import { h, $, $$, byPath, button } from "./dom.js";

/** split orders findings errors first, then warnings (anything not an error). */
export function split(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error"),
    warnings: findings.filter((f) => f.severity !== "error"),
  };
}

/** countText is the "n lỗi, m cảnh báo" line of the list. */
export function countText(findings) {
  if (!findings.length) return "";
  const { errors, warnings } = split(findings);
  return `${errors.length} lỗi, ${warnings.length} cảnh báo`;
}

/** messageOf is a finding's text for a clerk. */
export function messageOf(f) {
  return f.message_vi || f.message_en || f.code;
}

/**
 * isVisited tells whether a finding's path belongs to a field the clerk
 * has visited: that field, a field inside it, or the field holding it.
 * A finding on the whole document ("") belongs to none.
 */
export function isVisited(path, visited) {
  if (!path) return false;
  for (const v of visited) {
    if (v === path || v.startsWith(path + "/") || path.startsWith(v + "/")) return true;
  }
  return false;
}

/** shownFindings are the findings shown now: all of them once the clerk asked, else the visited fields' ones. */
export function shownFindings(findings, visited, all) {
  return all ? findings : findings.filter((f) => isVisited(f.path, visited));
}

/** statusText is the status line of a validation answer, counting the shown findings and the hidden errors. */
export function statusText(all, shown) {
  const a = split(all), s = split(shown);
  if (!a.errors.length) return a.warnings.length ? `Hợp lệ, ${a.warnings.length} cảnh báo` : "Hợp lệ, không có lỗi";
  if (!s.errors.length) return "Đang soạn: các ô đã điền chưa có lỗi";
  const hidden = a.errors.length - s.errors.length;
  return `${s.errors.length} lỗi${s.warnings.length ? `, ${s.warnings.length} cảnh báo` : ""}${hidden ? ` (và ${hidden} lỗi ở ô chưa điền)` : ""}`;
}

/** targetFor finds the field of a finding: its own path or the nearest ancestor with an input. */
export function targetFor(path) {
  let p = path || "";
  while (p) {
    const el = byPath(p);
    if (el) return el;
    p = M.parent(p);
  }
  return null;
}

/** whereLabel names where a finding is: its field's label in the form, else the server's name for it. */
export function whereLabel(el, f) {
  if (!el) return (f && f.field) || "Toàn văn bản";
  if (el.labels && el.labels.length) return el.labels[0].textContent;
  if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
  const sec = el.closest("section");
  return sec ? $("h2", sec).textContent : "Toàn văn bản";
}

function shown() {
  return shownFindings(state.findings, state.visited, state.checkAll);
}

export function renderFindings() {
  const list = $("#findings");
  const all = state.findings;
  const findings = shown();
  const { errors, warnings } = split(findings);
  $("#findings-count").textContent = countText(findings);
  const status = $("#status");
  if (status.dataset.counted === "1") status.textContent = statusText(all, findings);
  const hidden = all.length - findings.length;
  const rest = hidden ? [h("li", { class: "empty hidden-findings" },
    `Các ô chưa điền còn ${hidden} lỗi hoặc cảnh báo, sẽ hiện khi điền đến hoặc khi bấm “Kiểm tra”.`)] : [];
  const notes = (state.notes || []).map((f) => h("li", null, button([
    h("span", { class: "sev" }, "Ghi chú"),
    h("span", { class: "msg" }, messageOf(f)),
    h("span", { class: "where" }, whereLabel(targetFor(f.path), f)),
  ], () => jumpTo(f.path), { cls: "finding info", dataset: { findingPath: f.path || "", code: f.code || "" }, title: f.code || "" })));
  if (!findings.length) {
    const offline = status.dataset.state === "offline";
    const none = offline ? "Chưa kiểm tra được." : hidden ? "Chưa có lỗi ở các ô đã điền." : "Không có lỗi hay cảnh báo nào.";
    list.replaceChildren(h("li", { class: offline ? "empty muted" : "empty" }, none), ...rest, ...notes);
    return;
  }
  list.replaceChildren(...[...errors, ...warnings].map((f) => {
    const el = targetFor(f.path);
    return h("li", null, button([
      h("span", { class: "sev" }, f.severity === "error" ? "Lỗi" : "Cảnh báo"),
      h("span", { class: "msg" }, messageOf(f)),
      h("span", { class: "where" }, whereLabel(el, f)),
    ], () => jumpTo(f.path), { cls: `finding ${f.severity === "error" ? "error" : "warning"}`, dataset: { findingPath: f.path || "", code: f.code || "" }, title: `${f.code || ""} ${f.rule ? "— " + f.rule : ""}`.trim() }));
  }), ...rest, ...notes);
}

/** markFindings attaches each finding to its field, with an inline message. */
export function markFindings() {
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
  for (const f of shown()) {
    const el = targetFor(f.path);
    if (!el) continue;
    const sev = f.severity === "error" ? "error" : "warning";
    const id = `fm-${++n}`;
    const msg = h("div", { class: `finding-msg ${sev}`, id, dataset: { findingFor: el.dataset.path } }, messageOf(f));
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

/** jumpTo scrolls to the field of a path and focuses it. */
export function jumpTo(path) {
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

/** showFindings draws the list and the marks of state.findings. */
export function showFindings() {
  renderFindings();
  markFindings();
}
