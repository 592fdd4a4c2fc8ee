// node --test: the templates module's core, with a fake server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TemplatesAPI, TemplateError, groupTemplates, suggestName } from "../web/templates.js";

/** fakeServer answers the template routes from memory, like the real one. */
function fakeServer() {
  const own = new Map();
  const builtin = [{ id: "builtin:ha-nam", name: "Kế hoạch Hà Nam", type: "ke_hoach", builtin: true }];
  const calls = [];
  let n = 0;
  const reply = (status, body, headers = {}) => new Response(body == null ? null : JSON.stringify(body), { status, headers });
  async function fetchFn(path, o = {}) {
    const method = o.method || "GET";
    calls.push({ method, path, body: o.body ? JSON.parse(o.body) : null });
    const u = new URL(path, "http://x");
    const m = u.pathname.match(/^\/v1\/templates(?:\/([^/]+))?(\/drafts)?$/);
    const id = m[1] && decodeURIComponent(m[1]);
    if (!id && method === "GET") {
      const type = u.searchParams.get("type");
      return reply(200, { templates: [...own.values(), ...builtin].filter((t) => !type || t.type === type) });
    }
    if (!id && method === "POST") {
      const req = JSON.parse(o.body);
      if ([...own.values()].some((t) => t.name.toLowerCase() === req.name.toLowerCase())) {
        return reply(409, { error: { code: "duplicate_name", message_vi: "Tên này đã có trong đơn vị." } });
      }
      const t = { id: `t${++n}`, name: req.name, type: "ke_hoach", builtin: false, owner: "lan@ubnd" };
      own.set(t.id, t);
      return reply(201, t);
    }
    const t = own.get(id) || builtin.find((b) => b.id === id);
    if (!t) return reply(404, { error: { code: "not_found", message_vi: "Không tìm thấy." } });
    if (m[2] && method === "POST") return reply(201, { id: "d1", version: 1, document: { draft: true } }, { ETag: '"1"' });
    if (method === "DELETE") {
      if (t.builtin) return reply(409, { error: { code: "read_only", message_vi: "Mẫu có sẵn của vanban không xóa được." } });
      own.delete(id);
      return reply(204);
    }
    return reply(200, { ...t, document: { summary: t.name } });
  }
  return { fetchFn, calls, own };
}

test("list, save, start a draft and delete go to their routes", async () => {
  const srv = fakeServer();
  const api = new TemplatesAPI(srv.fetchFn);
  assert.equal((await api.list()).length, 1);
  const t = await api.save("Kế hoạch tuyên truyền", { document: { summary: "x" } });
  assert.equal(t.id, "t1");
  assert.deepEqual(srv.calls.at(-1), { method: "POST", path: "/v1/templates", body: { name: "Kế hoạch tuyên truyền", document: { summary: "x" } } });
  await api.save("Từ dự thảo", { draftId: "d9" });
  assert.deepEqual(srv.calls.at(-1).body, { name: "Từ dự thảo", draft_id: "d9" });
  const { draft, etag } = await api.startDraft("builtin:ha-nam");
  assert.equal(srv.calls.at(-1).path, "/v1/templates/builtin%3Aha-nam/drafts");
  assert.equal(draft.id, "d1");
  assert.equal(etag, '"1"');
  assert.equal((await api.list("cong_van")).length, 0);
  assert.equal(srv.calls.at(-1).path, "/v1/templates?type=cong_van");
  assert.equal((await api.get("t1")).document.summary, "Kế hoạch tuyên truyền");
  await api.remove("t1");
  assert.equal(srv.own.size, 1);
});

test("the server's refusals reach the clerk in its words", async () => {
  const api = new TemplatesAPI(fakeServer().fetchFn);
  await api.save("Mẫu A", { document: {} });
  const cases = [
    [() => api.save("mẫu a", { document: {} }), 409, "duplicate_name", "Tên này đã có trong đơn vị."],
    [() => api.remove("builtin:ha-nam"), 409, "read_only", "Mẫu có sẵn của vanban không xóa được."],
    [() => api.startDraft("nope"), 404, "not_found", "Không tìm thấy."],
  ];
  for (const [call, status, code, message] of cases) {
    await assert.rejects(call, (e) => e instanceof TemplateError && e.status === status && e.code === code && e.message === message);
  }
});

test("a refusal without a JSON body still says the status", async () => {
  const api = new TemplatesAPI(async () => new Response("boom", { status: 502 }));
  await assert.rejects(() => api.list(), { message: "Máy chủ trả lỗi 502." });
});

test("groupTemplates keeps the office's own apart from the built-in ones, in order", () => {
  const list = [{ id: "a", builtin: false }, { id: "builtin:x", builtin: true }, { id: "b", builtin: false }];
  assert.deepEqual(groupTemplates(list), { own: [list[0], list[2]], builtin: [list[1]] });
  assert.deepEqual(groupTemplates(null), { own: [], builtin: [] });
});

test("suggestName proposes the trích yếu, cut at a word", () => {
  const cases = [
    [{ summary: "  Triển khai   công tác  năm 2026 " }, 80, "Triển khai công tác năm 2026"],
    [{ subject: "V/v đôn đốc báo cáo" }, 80, "V/v đôn đốc báo cáo"],
    [{ summary: "Kế hoạch phòng chống lụt bão và giảm nhẹ thiên tai" }, 20, "Kế hoạch phòng chống…"],
    [{ summary: "Mộthaiba bốnnămsáubảy" }, 8, "Mộthaiba…"],
    [{}, 80, ""],
    [null, 80, ""],
  ];
  for (const [doc, max, want] of cases) assert.equal(suggestName(doc, max), want);
});
