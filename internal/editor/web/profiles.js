// Office profiles (/v1/profiles): the office's house styles (margins,
// sizes, indent, pitch inside NĐ30's ranges) kept on the server. The clerk
// chooses one in the document's options; the editor copies its full values
// into options.profile, so the document prints the same wherever it goes.
// "None" is the service's profile when the server has one (VANBAN_PROFILE),
// else vanban's house style. A lead keeps the profiles in a dialog.
//
// The fields and their ranges come from the server's JSON Schema
// (/v1/schema, $defs.Profile: minimum, maximum, description), and the
// server checks every value it stores; this module only names the fields
// for a clerk and reads what was typed.
//
// The functions above the DOM section are pure (node --test).
import { h, button, $ } from "./dom.js";
import { callJSON } from "./servererror.js";
import { state, changed, emit } from "./store.js";
import { notice } from "./notices.js";

// ---------------------------------------------------------------------------
// Pure: the server's description, the choice, the values

/** ProfileError is the server's refusal (status, code, message, findings). */
export { ServerError as ProfileError } from "./servererror.js";

const path = (name) => `/v1/profiles/${encodeURIComponent(name)}`;

/** ProfilesAPI wraps the routes; fetchFn is authFetch in the page. */
export class ProfilesAPI {
  constructor(fetchFn) {
    this.fetch = fetchFn;
  }

  async #call(url, o) {
    return (await callJSON(this.fetch, url, o)).body;
  }

  /** list gives { profiles: [{name, profile, version, …}], service: profile or null }. */
  async list() {
    const b = await this.#call("/v1/profiles");
    return { profiles: b.profiles || [], service: b.service || null };
  }

  /** put creates the profile (version 0) or replaces it at the version last read. */
  async put(name, profile, version = 0) {
    const headers = { "Content-Type": "application/json" };
    if (version) headers["If-Match"] = `"${version}"`;
    else headers["If-None-Match"] = "*";
    return this.#call(path(name), { method: "PUT", headers, body: JSON.stringify(profile) });
  }

  async remove(name, version) {
    await this.#call(path(name), { method: "DELETE", headers: { "If-Match": `"${version}"` } });
  }
}

// What each field is called, and its unit, as a clerk reads them. The
// ranges are not here: they are the schema's.
const NAMES = {
  margin_top: ["Lề trên", "mm"], margin_bottom: ["Lề dưới", "mm"], margin_left: ["Lề trái", "mm"], margin_right: ["Lề phải", "mm"],
  body_size: ["Cỡ chữ nội dung", "pt"], line_spacing: ["Giãn dòng", "lần"], first_indent: ["Thụt đầu dòng", "mm"],
  agency_size: ["Cỡ chữ tên cơ quan", "pt"], sign_space: ["Khoảng trống ký, đóng dấu", "mm"],
};

/**
 * profileFields lists the numeric fields of the schema's Profile, in its
 * order, each with key, label, unit, min and max (undefined where the
 * schema sets none).
 */
export function profileFields(schema) {
  const props = (schema && schema.$defs && schema.$defs.Profile && schema.$defs.Profile.properties) || {};
  return Object.entries(props).filter(([, p]) => p.type === "number").map(([key, p]) => ({
    key, label: (NAMES[key] || [key])[0], unit: (NAMES[key] || [])[1] || "", min: p.minimum, max: p.maximum,
  }));
}

/** number is a typed value: a number (a comma as the decimal mark too), undefined when empty, NaN when not a number. */
export function number(text) {
  const t = String(text ?? "").trim().replace(",", ".");
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** sameValues reports whether two profiles set the same fields to the same values (names aside). */
export function sameValues(a, b, fields) {
  return fields.every((f) => (a && a[f.key]) === (b && b[f.key]));
}

/**
 * choiceOf says which choice doc shows: "" (none: the service's or the
 * house style), "p:<name>" for a stored profile whose name and values it
 * holds, or "doc" for values of its own (typed elsewhere, or a stored
 * profile changed since).
 */
export function choiceOf(doc, profiles, fields) {
  const cur = doc && doc.options && doc.options.profile;
  if (!cur) return "";
  const p = profiles.find((x) => x.name === cur.name && sameValues(x.profile, cur, fields));
  return p ? "p:" + p.name : "doc";
}

/** withProfile puts a copy of profile's values into doc.options.profile, or removes it (null). */
export function withProfile(doc, profile) {
  doc.options = doc.options || {};
  if (profile) doc.options.profile = JSON.parse(JSON.stringify(profile));
  else delete doc.options.profile;
  return doc;
}

/** describe is a profile's values in one line ("Lề trái 35 mm · Giãn dòng 1,15 lần"); fields it leaves out are not named. */
export function describe(profile, fields) {
  if (!profile) return "";
  return fields.filter((f) => typeof profile[f.key] === "number")
    .map((f) => `${f.label} ${String(profile[f.key]).replace(".", ",")}${f.unit ? " " + f.unit : ""}`).join(" · ");
}

/** range is a field's range as a hint ("30–35 mm"). */
export function range(f) {
  if (f.min === undefined && f.max === undefined) return "";
  const n = (v) => String(v).replace(".", ",");
  return `${f.min !== undefined ? n(f.min) : "…"}–${f.max !== undefined ? n(f.max) : "…"}${f.unit ? " " + f.unit : ""}`;
}

// ---------------------------------------------------------------------------
// DOM

const keeper = { api: null, panel: null };

/** loadProfiles reads the fields (schema), the office's profiles and whether this user keeps them; "profiles" is emitted. */
export async function loadProfiles(api, fetchFn) {
  keeper.api = api;
  const P = state.profiles;
  try {
    P.fields = profileFields(await (await fetchFn("/v1/schema")).json());
  } catch { /* offline: the chooser stays empty */ }
  try {
    Object.assign(P, await api.list());
  } catch { P.profiles = []; }
  try {
    const s = await (await fetchFn("/auth/session")).json();
    P.canKeep = !Array.isArray(s.may) || s.may.includes("style");
  } catch { P.canKeep = false; }
  emit("profiles");
}

/** reload reads the office's profiles again after a lead changed them. */
async function reload() {
  Object.assign(state.profiles, await keeper.api.list());
  emit("profiles");
}

/** openKeeper opens the lead's dialog (#profiles-pane). */
function openKeeper() {
  const d = $("#profiles-pane");
  if (!d || !keeper.api) return;
  if (!keeper.panel) keeper.panel = mountProfilesPanel(d, { api: keeper.api, notify: (t) => notice(t, "info"), onSaved: reload });
  else keeper.panel.refresh();
  d.showModal();
}

/** profileChooser is the options' "Bộ thông số trình bày" select, with what the choice prints. */
export function profileChooser() {
  const P = state.profiles;
  const d = state.doc;
  const cur = d.options && d.options.profile;
  const choice = choiceOf(d, P.profiles, P.fields);
  const none = P.service
    ? `Theo máy chủ${P.service.name ? ": " + P.service.name : ""}`
    : "Mặc định của vanban";
  const stored = (name) => P.profiles.find((x) => x.name === name);
  const opts = [h("option", { value: "" }, none), P.profiles.map((p) => h("option", { value: "p:" + p.name }, p.name))];
  if (choice === "doc") {
    opts.push(h("option", { value: "doc" }, `Của văn bản: ${cur.name || "không tên"}${stored(cur.name) ? " (khác bản đơn vị đang lưu)" : ""}`));
  }
  const sel = h("select", { id: "profile-select", "aria-describedby": "profile-values" }, opts);
  sel.value = choice;
  sel.addEventListener("change", () => {
    if (sel.value === "doc") return;
    const p = sel.value ? stored(sel.value.slice(2)) : null;
    withProfile(state.doc, p ? p.profile : null);
    changed({ structural: true });
  });
  const shown = cur || P.service;
  const values = shown ? describe(shown, P.fields) : "";
  return h("div", { class: "field wide profile-choice" },
    h("label", { for: "profile-select" }, "Bộ thông số trình bày (lề, cỡ chữ, giãn dòng, thụt đầu dòng)"),
    h("div", { class: "row" }, sel, P.canKeep ? button("Quản lý bộ thông số…", openKeeper, { dataset: { action: "keep-profiles" } }) : null),
    h("div", { class: "hint", id: "profile-values", dataset: { profileValues: "" } },
      values || "Theo kiểu mặc định của vanban, trong khoảng Nghị định 30 cho phép."));
}

/**
 * mountProfilesPanel lets a lead keep the office's profiles in root (a
 * dialog): each listed with its values, "Sửa" and "Xóa"; a form with a
 * field per schema field, its range as the input's min and max. The
 * server's findings are shown at the field they name. onSaved() reloads
 * the list everywhere.
 */
export function mountProfilesPanel(root, { api, notify, onSaved, confirmFn = (q) => window.confirm(q) }) {
  const P = state.profiles;
  const list = h("ul", { class: "profiles-list", id: "profiles-list" });
  const msg = h("p", { class: "hint", role: "status", id: "profile-form-msg" });
  let editing = null; // the stored profile being changed, or null for a new one
  const name = h("input", { type: "text", id: "profile-name", maxlength: "200", "aria-label": "Tên bộ thông số", placeholder: "vd: Văn phòng UBND" });
  const inputs = new Map();
  const rows = P.fields.map((f) => {
    const id = "profile-" + f.key;
    // Text, not type=number: a clerk types "12,7", which a number input
    // refuses outside a Vietnamese browser locale.
    const input = h("input", { type: "text", id, inputmode: "decimal", dataset: { key: f.key, min: f.min, max: f.max }, placeholder: "mặc định" });
    inputs.set(f.key, input);
    return h("div", { class: "field" }, h("label", { for: id }, `${f.label} (${range(f)})`), input,
      h("div", { class: "hint finding-msg", id: id + "-msg" }));
  });
  const save = h("button", { type: "submit", "data-action": "save-profile" }, "Lưu");
  // The server holds the values to NĐ30 and names the field.
  const form = h("form", { class: "profiles-edit", "aria-label": "Bộ thông số", novalidate: true },
    h("div", { class: "field wide" }, h("label", { for: "profile-name" }, "Tên"), name), h("div", { class: "grid2" }, rows), msg, save,
    button("Tạo bộ mới", () => fill(null), { dataset: { action: "new-profile" } }));

  function fill(p) {
    editing = p;
    name.value = p ? p.name : "";
    name.readOnly = !!p;
    for (const f of P.fields) inputs.get(f.key).value = p && typeof p.profile[f.key] === "number" ? String(p.profile[f.key]).replace(".", ",") : "";
    clearMarks();
    msg.textContent = p ? `Đang sửa "${p.name}".` : "Bộ mới: để trống ô nào thì ô đó theo mặc định của vanban.";
  }
  function clearMarks() {
    for (const input of inputs.values()) {
      input.removeAttribute("aria-invalid");
      root.querySelector(`#${input.id}-msg`).textContent = "";
    }
  }
  function mark(key, text) {
    const input = inputs.get(key);
    if (!input) return false;
    input.setAttribute("aria-invalid", "true");
    root.querySelector(`#${input.id}-msg`).textContent = text;
    return true;
  }
  function refresh() {
    list.replaceChildren(...P.profiles.map((p) => h("li", { dataset: { name: p.name } },
      h("strong", { text: p.name }), h("span", { class: "muted", text: " · " + (describe(p.profile, P.fields) || "theo mặc định") }),
      h("span", { class: "profiles-tools" },
        button("Sửa", () => fill(p), { dataset: { action: "edit-profile" } }),
        button("Xóa", async () => {
          if (!confirmFn(`Xóa bộ thông số "${p.name}"? Văn bản đã chọn nó vẫn giữ các giá trị.`)) return;
          try { await api.remove(p.name, p.version); notify(`Đã xóa bộ thông số "${p.name}".`); await onSaved(); refresh(); } catch (e) { notify(e.message); }
        }, { dataset: { action: "delete-profile" } })))));
    if (!P.profiles.length) list.append(h("li", { class: "muted" }, "Đơn vị chưa có bộ thông số nào."));
  }
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearMarks();
    const body = {};
    for (const f of P.fields) {
      const v = number(inputs.get(f.key).value);
      if (Number.isNaN(v)) { mark(f.key, "Hãy gõ một số, ví dụ 12,7."); msg.textContent = "Có ô không phải là số."; return; }
      if (v !== undefined) body[f.key] = v;
    }
    try {
      const saved = await api.put(name.value, body, editing ? editing.version : 0);
      notify(`Đã lưu bộ thông số "${saved.name}".`);
      await onSaved();
      refresh();
      fill(P.profiles.find((x) => x.name === saved.name) || null);
    } catch (err) {
      msg.textContent = err.message;
      for (const f of err.findings || []) mark(String(f.path || "").replace(/^\//, ""), f.message_vi || f.vi || err.message);
    }
  });
  root.replaceChildren(h("div", { class: "panel-head" }, h("h2", { id: "profiles-h" }, "Bộ thông số trình bày của đơn vị"), h("div", { class: "spacer" }),
    typeof root.close === "function" ? button("Đóng", () => root.close(), { dataset: { action: "close" } }) : null),
  h("p", { class: "hint" }, "Mỗi giá trị phải nằm trong khoảng Nghị định 30/2020/NĐ-CP cho phép; máy chủ kiểm tra khi lưu."),
  list, form);
  root.hidden = false;
  refresh();
  fill(null);
  return { refresh };
}
