// node --test: the drafts module's core, with a fake server, fake timers
// and an in-memory storage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Autosaver, DraftsAPI, PendingDelete, listQuery, PENDING_KEY } from "../web/drafts.js";

/** fakeServer answers the drafts routes from memory, like the real one. */
function fakeServer() {
  const drafts = new Map();
  let n = 0;
  let offline = false;
  const calls = [];
  const reply = (status, body, etag) => new Response(body == null ? null : JSON.stringify(body),
    { status, headers: etag ? { ETag: etag } : {} });
  async function fetchFn(path, o = {}) {
    const method = o.method || "GET";
    calls.push(`${method} ${path}`);
    if (offline) throw new TypeError("Failed to fetch");
    const m = path.match(/^\/v1\/drafts(?:\/([^/?]+))?/);
    const id = m && m[1];
    if (method === "POST" && !id) {
      const d = { id: `d${++n}`, version: 1, document: JSON.parse(o.body).document };
      drafts.set(d.id, d);
      return reply(201, d, `"1"`);
    }
    const d = drafts.get(id);
    if (!d) return reply(404, { error: { code: "not_found", message_vi: "Không tìm thấy." } });
    if (method === "GET") return reply(200, d, `"${d.version}"`);
    if (o.headers["If-Match"] !== `"${d.version}"`) return reply(412, { error: { code: "stale_version", message_vi: "Đã có bản mới hơn." } });
    if (method === "DELETE") { drafts.delete(id); return reply(204); }
    d.version++;
    d.document = JSON.parse(o.body).document;
    return reply(200, d, `"${d.version}"`);
  }
  return { fetchFn, drafts, calls, setOffline: (v) => { offline = v; } };
}

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}

/** fakeTimers runs timers when told, not by the clock. */
function fakeTimers() {
  let next = 1;
  const due = new Map();
  return {
    setTimer: (fn) => { const id = next++; due.set(id, fn); return id; },
    clearTimer: (id) => due.delete(id),
    async runAll() { const fns = [...due.values()]; due.clear(); for (const fn of fns) await fn(); },
    get size() { return due.size; },
  };
}

test("listQuery sends only the filters given", () => {
  const cases = [
    [{}, ""],
    [{ q: "  phòng chống " }, "?q=ph%C3%B2ng+ch%E1%BB%91ng"],
    [{ status: "trinh_duyet", type: "ke_hoach" }, "?type=ke_hoach&status=trinh_duyet"],
    [{ q: " ", cursor: "abc", limit: 5 }, "?limit=5&cursor=abc"],
  ];
  for (const [filter, want] of cases) assert.equal(listQuery(filter), want, JSON.stringify(filter));
});

test("autosave creates the draft once, then saves with its ETag after the last change", async () => {
  const srv = fakeServer();
  const timers = fakeTimers();
  const states = [];
  const saver = new Autosaver({ api: new DraftsAPI(srv.fetchFn), storage: memoryStorage(), ...timers, onState: (s) => states.push(s) });
  saver.open();
  saver.change({ summary: "a" });
  saver.change({ summary: "ab" });
  assert.equal(timers.size, 1, "a run of typing is one pending save");
  await timers.runAll();
  assert.deepEqual(srv.calls, ["POST /v1/drafts"]);
  assert.equal(saver.id, "d1");
  saver.change({ summary: "abc" });
  await timers.runAll();
  assert.deepEqual(srv.calls, ["POST /v1/drafts", "PUT /v1/drafts/d1"]);
  assert.equal(srv.drafts.get("d1").document.summary, "abc");
  assert.equal(saver.etag, `"2"`);
  assert.equal(states.at(-1), "saved");
});

test("an edit made offline is kept locally and synced later", async () => {
  const srv = fakeServer();
  const timers = fakeTimers();
  const storage = memoryStorage();
  const api = new DraftsAPI(srv.fetchFn);
  const states = [];
  const saver = new Autosaver({ api, storage, ...timers, onState: (s) => states.push(s) });
  saver.open();
  srv.setOffline(true);
  saver.change({ summary: "offline edit" });
  await timers.runAll();
  assert.equal(states.at(-1), "offline");
  assert.equal(JSON.parse(storage.getItem(PENDING_KEY)).doc.summary, "offline edit");
  // A new page (after a reload) finds the pending edit and sends it.
  srv.setOffline(false);
  const again = new Autosaver({ api, storage, ...timers });
  const p = again.pending();
  assert.equal(p.doc.summary, "offline edit");
  await again.resume(p);
  assert.equal(srv.drafts.get(again.id).document.summary, "offline edit");
  assert.equal(storage.getItem(PENDING_KEY), null, "synced: nothing left pending");
});

test("a stale save stops autosave and reports the conflict; nothing is overwritten", async () => {
  const srv = fakeServer();
  const timers = fakeTimers();
  const api = new DraftsAPI(srv.fetchFn);
  const { draft, etag } = await api.create({ summary: "v1" });
  await api.save(draft.id, { summary: "colleague" }, etag); // someone else saves
  let conflict = null;
  const saver = new Autosaver({ api, storage: memoryStorage(), ...timers, onConflict: (id, doc) => { conflict = { id, doc }; } });
  saver.open(draft.id, etag);
  saver.change({ summary: "mine" });
  await timers.runAll();
  assert.deepEqual(conflict, { id: draft.id, doc: { summary: "mine" } });
  assert.equal(srv.drafts.get(draft.id).document.summary, "colleague");
  saver.change({ summary: "more" });
  assert.equal(timers.size, 0, "no save is attempted until the draft is reloaded");
  // Reloading (open with the new ETag) lets autosave go on.
  const fresh = await api.get(draft.id);
  saver.open(draft.id, fresh.etag);
  saver.change({ summary: "mine, on top of colleague's" });
  await timers.runAll();
  assert.equal(srv.drafts.get(draft.id).document.summary, "mine, on top of colleague's");
});

test("delete waits for the undo window; undo keeps the draft", async () => {
  const srv = fakeServer();
  const api = new DraftsAPI(srv.fetchFn);
  const a = await api.create({ summary: "a" });
  const b = await api.create({ summary: "b" });
  const timers = fakeTimers();
  const del = new PendingDelete({ api, ...timers });
  const undone = del.start(a.draft.id, a.etag);
  const gone = del.start(b.draft.id, b.etag);
  assert.ok(del.has(a.draft.id));
  assert.equal(del.undo(a.draft.id), true);
  assert.equal(del.undo(a.draft.id), false, "undo twice does nothing");
  await timers.runAll();
  assert.equal(await undone, false);
  assert.equal(await gone, true);
  assert.ok(srv.drafts.has(a.draft.id));
  assert.ok(!srv.drafts.has(b.draft.id));
});

test("openComments keeps the open ones, by field", async () => {
  const { openComments } = await import("../web/drafts.js");
  const by = openComments([
    { id: "1", path: "/summary", resolved: false },
    { id: "2", path: "/summary", resolved: true },
    { id: "3", path: "/body/0", resolved: false },
    { id: "4", path: "/summary", resolved: false },
  ]);
  assert.deepEqual([...by.keys()], ["/summary", "/body/0"]);
  assert.deepEqual(by.get("/summary").map((c) => c.id), ["1", "4"]);
  assert.equal(openComments(null).size, 0);
});

test("a reloaded page goes on saving the same draft", async () => {
  const srv = fakeServer();
  const timers = fakeTimers();
  const storage = memoryStorage();
  const api = new DraftsAPI(srv.fetchFn);
  const first = new Autosaver({ api, storage, ...timers });
  first.open();
  first.change({ summary: "a" });
  await timers.runAll();
  const again = new Autosaver({ api, storage, ...timers });
  const cur = again.current();
  assert.deepEqual(cur, { id: "d1", etag: `"1"` });
  again.open(cur.id, cur.etag);
  again.change({ summary: "b" });
  await timers.runAll();
  assert.deepEqual(srv.calls, ["POST /v1/drafts", "PUT /v1/drafts/d1"]);
  assert.equal(srv.drafts.size, 1);
});

test("move sends only the new status, on the version it was read at", async () => {
  const calls = [];
  const api = new DraftsAPI(async (path, o = {}) => {
    calls.push({ path, method: o.method, ifMatch: o.headers && o.headers["If-Match"], body: o.body && JSON.parse(o.body) });
    return new Response(JSON.stringify({ id: "d1", status: "trinh_duyet", moves: [] }), { status: 200, headers: { ETag: '"4"' } });
  });
  const r = await api.move("d1", '"3"', "trinh_duyet");
  assert.deepEqual(calls, [{ path: "/v1/drafts/d1", method: "PUT", ifMatch: '"3"', body: { status: "trinh_duyet" } }]);
  assert.equal(r.etag, '"4"');
  assert.equal(r.draft.status, "trinh_duyet");
});

test("move reports the server's refusal in Vietnamese", async () => {
  const api = new DraftsAPI(async () => new Response(JSON.stringify({ error: { code: "forbidden_role", message_vi: "Vai trò chuyên viên soạn thảo không được ban hành." } }), { status: 403 }));
  await assert.rejects(api.move("d1", '"3"', "da_ban_hanh"), (e) => e.status === 403 && /không được ban hành/.test(e.message));
});
