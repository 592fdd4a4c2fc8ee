// node --test: the profiles module's core: the fields and ranges read from
// the server's schema, the choice a document shows, copying a profile into
// it, and the API's preconditions, with a fake server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ProfilesAPI, ProfileError, profileFields, number, sameValues, choiceOf, withProfile, describe, range } from "../web/profiles.js";

// The schema the server serves (/v1/schema), generated from the Go model.
const schema = JSON.parse(readFileSync(new URL("../../document/schema.json", import.meta.url)));
const fields = profileFields(schema);

test("the fields and their ranges are the schema's", () => {
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
  assert.deepEqual(fields.map((f) => f.key),
    ["margin_top", "margin_bottom", "margin_left", "margin_right", "body_size", "line_spacing", "first_indent", "agency_size", "sign_space"]);
  assert.deepEqual([byKey.margin_left.min, byKey.margin_left.max, byKey.margin_left.unit], [30, 35, "mm"]);
  assert.deepEqual([byKey.first_indent.min, byKey.first_indent.max], [10, 12.7]);
  assert.equal(range(byKey.line_spacing), "1–1,5 lần");
  // A schema that moves a range moves the editor's with it.
  const moved = profileFields({ $defs: { Profile: { properties: { name: { type: "string" }, margin_left: { type: "number", minimum: 25, maximum: 40 } } } } });
  assert.deepEqual(moved, [{ key: "margin_left", label: "Lề trái", unit: "mm", min: 25, max: 40 }]);
  assert.deepEqual(profileFields(null), []);
});

test("typed numbers take a comma as the decimal mark", () => {
  const cases = [["12,7", 12.7], ["35", 35], [" 1.15 ", 1.15], ["", undefined], ["  ", undefined]];
  for (const [in_, want] of cases) assert.equal(number(in_), want, in_);
  for (const bad of ["abc", "1,2,3", "12mm", "1e3"]) assert.ok(Number.isNaN(number(bad)), bad);
});

test("a document shows none, a stored profile, or its own values", () => {
  const stored = [{ name: "Sở Nội vụ", profile: { name: "Sở Nội vụ", margin_left: 35, line_spacing: 1.15 }, version: 2 }];
  const doc = (profile) => ({ options: profile ? { profile } : {} });
  const cases = [
    ["none", doc(null), ""],
    ["no options at all", {}, ""],
    ["the stored one", doc({ name: "Sở Nội vụ", margin_left: 35, line_spacing: 1.15 }), "p:Sở Nội vụ"],
    ["the stored one changed since", doc({ name: "Sở Nội vụ", margin_left: 30, line_spacing: 1.15 }), "doc"],
    ["a field more", doc({ name: "Sở Nội vụ", margin_left: 35, line_spacing: 1.15, body_size: 13 }), "doc"],
    ["another office's", doc({ name: "Sở Tài chính", margin_left: 35, line_spacing: 1.15 }), "doc"],
  ];
  for (const [name, d, want] of cases) assert.equal(choiceOf(d, stored, fields), want, name);
  assert.ok(sameValues({ margin_left: 35, name: "a" }, { margin_left: 35, name: "b" }, fields));
  assert.ok(!sameValues({ margin_left: 35 }, {}, fields));
});

test("choosing copies the full values into options.profile; none removes them", () => {
  const p = { name: "Sở Nội vụ", margin_left: 35, first_indent: 10 };
  const d = withProfile({ type: "ke_hoach" }, p);
  assert.deepEqual(d.options.profile, p);
  p.margin_left = 30; // a later change of the list does not reach the document
  assert.equal(d.options.profile.margin_left, 35);
  withProfile(d, null);
  assert.deepEqual(d.options, {});
});

test("describe names the values set, in the clerk's words", () => {
  assert.equal(describe({ name: "x", margin_left: 35, line_spacing: 1.15 }, fields), "Lề trái 35 mm · Giãn dòng 1,15 lần");
  assert.equal(describe({ name: "x" }, fields), "");
  assert.equal(describe(null, fields), "");
});

/** fakeServer keeps profiles by name with versions and checks the preconditions as the real one does. */
function fakeServer() {
  const kept = new Map();
  const calls = [];
  const reply = (status, body) => new Response(body == null ? null : JSON.stringify(body), { status });
  async function fetchFn(path, o = {}) {
    const method = o.method || "GET";
    const headers = o.headers || {};
    calls.push({ method, path, headers });
    if (path === "/v1/profiles") return reply(200, { profiles: [...kept.values()], service: { name: "Máy chủ", margin_right: 15 } });
    const name = decodeURIComponent(path.replace("/v1/profiles/", ""));
    const cur = kept.get(name);
    if (method === "PUT") {
      const body = JSON.parse(o.body);
      if (body.margin_left !== undefined && (body.margin_left < 30 || body.margin_left > 35)) {
        return reply(422, { error: { code: "invalid_structure", message_vi: "Lề trái phải từ 30 đến 35 mm.", findings: [{ path: "/margin_left", code: "field.max", message_vi: "tối đa 35" }] } });
      }
      if (headers["If-None-Match"] === "*") {
        if (cur) return reply(409, { error: { code: "duplicate_name", message_vi: "Tên này đã có." } });
        kept.set(name, { name, profile: { ...body, name }, version: 1 });
        return reply(201, kept.get(name));
      }
      if (!headers["If-Match"]) return reply(428, { error: { code: "precondition_required", message_vi: "Thiếu If-Match." } });
      if (!cur || headers["If-Match"] !== `"${cur.version}"`) return reply(412, { error: { code: "stale_version", message_vi: "Đã có người lưu." } });
      kept.set(name, { name, profile: { ...body, name }, version: cur.version + 1 });
      return reply(200, kept.get(name));
    }
    if (method === "DELETE") {
      if (!cur || headers["If-Match"] !== `"${cur.version}"`) return reply(412, { error: { code: "stale_version", message_vi: "Đã có người lưu." } });
      kept.delete(name);
      return reply(204);
    }
    return reply(404, { error: { code: "not_found", message_vi: "Không tìm thấy." } });
  }
  return { fetchFn, calls };
}

test("the API creates with If-None-Match, replaces and deletes under If-Match", async () => {
  const srv = fakeServer();
  const api = new ProfilesAPI(srv.fetchFn);
  const a = await api.put("Sở Nội vụ", { margin_left: 35 });
  assert.equal(a.version, 1);
  assert.equal(srv.calls.at(-1).headers["If-None-Match"], "*");
  assert.equal(srv.calls.at(-1).path, "/v1/profiles/S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5");
  await assert.rejects(api.put("Sở Nội vụ", {}), (e) => e instanceof ProfileError && e.status === 409 && e.code === "duplicate_name");
  const b = await api.put("Sở Nội vụ", { margin_left: 30 }, 1);
  assert.equal(b.version, 2);
  assert.equal(srv.calls.at(-1).headers["If-Match"], '"1"');
  await assert.rejects(api.put("Sở Nội vụ", {}, 1), (e) => e.status === 412 && e.message === "Đã có người lưu.");
  await assert.rejects(api.put("Sở Nội vụ", { margin_left: 40 }, 2),
    (e) => e.status === 422 && e.findings.length === 1 && e.findings[0].path === "/margin_left");
  const { profiles, service } = await api.list();
  assert.deepEqual(profiles.map((p) => [p.name, p.profile.margin_left]), [["Sở Nội vụ", 30]]);
  assert.equal(service.margin_right, 15);
  await assert.rejects(api.remove("Sở Nội vụ", 1), (e) => e.status === 412);
  await api.remove("Sở Nội vụ", 2);
  assert.deepEqual((await api.list()).profiles, []);
});
