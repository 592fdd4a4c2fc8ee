// node --test: the recipients module's core, with a fake server and fake
// timers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RecipientsAPI, RecipientError, recipientQuery, isRecipientPath, Suggester, moveActive } from "../web/recipients.js";

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

test("recipientQuery sends only the filters given", () => {
  const cases = [
    [{}, ""],
    [{ q: "  sở tài " }, "?q=s%E1%BB%9F+t%C3%A0i"],
    [{ q: " ", kind: "unit", limit: 8 }, "?kind=unit&limit=8"],
    [{ group: "Sở, ngành" }, "?group=S%E1%BB%9F%2C+ng%C3%A0nh"],
  ];
  for (const [f, want] of cases) assert.equal(recipientQuery(f), want);
});

test("isRecipientPath: the name of a paper or electronic Nơi nhận line, nothing else", () => {
  const yes = ["/distribution/recipients/0/name", "/distribution/electronic/12/name"];
  const no = ["/distribution/recipients/0/note", "/distribution/recipients/name", "/addressees/0/name", "", undefined, "/distribution/recipients/0/name/x"];
  for (const p of yes) assert.equal(isRecipientPath(p), true, p);
  for (const p of no) assert.equal(isRecipientPath(p), false, String(p));
});

test("the API calls its routes and words the server's refusals", async () => {
  const calls = [];
  const api = new RecipientsAPI(async (path, o = {}) => {
    calls.push([o.method || "GET", path, o.body ? JSON.parse(o.body) : null]);
    if (o.method === "POST") return new Response(JSON.stringify({ error: { code: "duplicate_name", message_vi: "Tên này đã có." } }), { status: 409 });
    if (o.method === "DELETE") return new Response(null, { status: 204 });
    if (o.method === "PUT") return new Response(JSON.stringify({ id: "r1", name: "Sở Y tế" }), { status: 200 });
    return new Response(JSON.stringify({ recipients: [{ id: "r1", name: "Sở Tài chính" }] }), { status: 200 });
  });
  assert.deepEqual(await api.search({ q: "so tai", limit: 8 }), [{ id: "r1", name: "Sở Tài chính" }]);
  await assert.rejects(() => api.add({ name: "Sở Tài chính" }), (e) => e instanceof RecipientError && e.status === 409 && e.code === "duplicate_name" && e.message === "Tên này đã có.");
  assert.equal((await api.update("r/1", { name: "Sở Y tế", kind: "agency" })).name, "Sở Y tế");
  await api.remove("r1");
  assert.deepEqual(calls, [
    ["GET", "/v1/recipients?q=so+tai&limit=8", null],
    ["POST", "/v1/recipients", { name: "Sở Tài chính" }],
    ["PUT", "/v1/recipients/r%2F1", { name: "Sở Y tế", kind: "agency" }],
    ["DELETE", "/v1/recipients/r1", null],
  ]);
});

test("Suggester asks once per pause, with what is in the field then", async () => {
  const t = fakeTimers();
  const asked = [], shown = [];
  const s = new Suggester({ search: async (f) => { asked.push(f); return [{ name: f.q }]; }, onResults: (l, text) => shown.push([l, text]), limit: 5, ...t });
  for (const text of ["s", "so", "so t"]) s.input(text);
  assert.equal(t.size, 1);
  await t.runAll();
  assert.deepEqual(asked, [{ q: "so t", limit: 5 }]);
  assert.deepEqual(shown, [[[{ name: "so t" }], "so t"]]);
});

test("Suggester drops an answer that arrives after a newer question", async () => {
  const t = fakeTimers();
  const pending = [];
  const shown = [];
  const s = new Suggester({ search: (f) => new Promise((res) => pending.push(() => res([{ name: f.q }]))), onResults: (l) => shown.push(l[0].name), ...t });
  s.input("so");
  const first = t.runAll();
  s.input("so tai");
  const second = t.runAll();
  pending[1]();
  pending[0]();
  await Promise.all([first, second]);
  assert.deepEqual(shown, ["so tai"]);
  s.input("x");
  s.cancel();
  await t.runAll();
  assert.deepEqual(shown, ["so tai"]);
});

test("Suggester offline gives an empty list, not an error", async () => {
  const t = fakeTimers();
  const shown = [];
  const s = new Suggester({ search: async () => { throw new TypeError("Failed to fetch"); }, onResults: (l) => shown.push(l), ...t });
  s.input("so");
  await t.runAll();
  assert.deepEqual(shown, [[]]);
});

test("moveActive walks the options with the arrows, wrapping, and ignores other keys", () => {
  const cases = [
    [-1, 3, "ArrowDown", 0], [0, 3, "ArrowDown", 1], [2, 3, "ArrowDown", 0],
    [-1, 3, "ArrowUp", 2], [0, 3, "ArrowUp", 2], [2, 3, "ArrowUp", 1],
    [1, 3, "Home", 0], [1, 3, "End", 2], [1, 3, "a", null], [-1, 0, "ArrowDown", null],
  ];
  for (const [active, n, key, want] of cases) assert.equal(moveActive(active, n, key), want, `${active} ${n} ${key}`);
});
