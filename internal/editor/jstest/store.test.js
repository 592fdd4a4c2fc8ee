// node --test: the store's events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { state, subscribe, emit, changed, isLetter } from "../web/store.js";

test("listeners run in order, a failing one does not stop the rest, unsubscribe stops one", () => {
  const got = [];
  const err = console.error;
  console.error = () => {};
  const a = subscribe("t1", (d) => got.push(["a", d.n]));
  const b = subscribe("t1", () => { throw new Error("boom"); });
  subscribe("t1", (d) => got.push(["c", d.n]));
  emit("t1", { n: 1 });
  a();
  b();
  emit("t1", { n: 2 });
  console.error = err;
  assert.deepEqual(got, [["a", 1], ["c", 1], ["c", 2]]);
});

test("emit returns the detail, so listeners can hand values back", () => {
  subscribe("t2", (d) => d.restore.push(1));
  assert.deepEqual(emit("t2", { restore: [] }).restore, [1]);
  assert.deepEqual(emit("nobody", { x: 1 }), { x: 1 });
});

test("changed emits edit with its options", () => {
  let seen = null;
  const off = subscribe("edit", (o) => { seen = o; });
  changed({ structural: true, key: "/summary" });
  off();
  assert.deepEqual(seen, { structural: true, key: "/summary" });
});

test("isLetter follows the server's layout table", () => {
  state.types = [{ code: "cong_van", layout: "1.5" }, { code: "ke_hoach", layout: "1.4" }];
  const cases = [["cong_van", true], ["ke_hoach", false], ["unknown", false]];
  for (const [type, want] of cases) assert.equal(isLetter({ type }), want, type);
  state.types = [];
});
