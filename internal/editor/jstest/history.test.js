// node --test: undo and redo of the whole document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { History, shortcut } from "../web/history.js";

function clock() {
  let t = 1000;
  return { now: () => t, tick: (ms) => { t += ms; } };
}

test("keystrokes in one field within the pause are one step", () => {
  const c = clock();
  const h = new History({ pause: 1000, now: c.now });
  const d = { summary: "" };
  h.reset(d);
  for (const s of ["K", "Kế", "Kế h", "Kế ho"]) {
    c.tick(200);
    d.summary = s;
    h.record(d, { key: "/summary" });
  }
  assert.deepEqual(h.undo(), { doc: { summary: "" }, focus: "/summary" });
  assert.equal(h.canUndo, false);
  assert.deepEqual(h.redo().doc, { summary: "Kế ho" });
});

test("a pause, another field or a structural edit starts a new step", () => {
  const c = clock();
  const h = new History({ pause: 1000, now: c.now });
  const d = { a: "", b: "", body: [{ paragraph: "x" }, { paragraph: "y" }] };
  h.reset(d);
  d.a = "1"; h.record(d, { key: "/a" });
  c.tick(1500);
  d.a = "12"; h.record(d, { key: "/a" }); // after a pause
  c.tick(100);
  d.b = "z"; h.record(d, { key: "/b" }); // another field
  c.tick(100);
  d.body.splice(0, 1); h.record(d, { focus: "/body/0/paragraph" }); // deleted block
  c.tick(100);
  d.b = "zz"; h.record(d, { key: "/b" }); // same field as before, but after the delete
  const steps = [];
  for (let r; (r = h.undo());) steps.push([JSON.stringify(r.doc), r.focus]);
  assert.deepEqual(steps, [
    [JSON.stringify({ a: "12", b: "z", body: [{ paragraph: "y" }] }), "/b"],
    [JSON.stringify({ a: "12", b: "z", body: [{ paragraph: "x" }, { paragraph: "y" }] }), "/body/0/paragraph"],
    [JSON.stringify({ a: "12", b: "", body: [{ paragraph: "x" }, { paragraph: "y" }] }), "/b"],
    [JSON.stringify({ a: "1", b: "", body: [{ paragraph: "x" }, { paragraph: "y" }] }), "/a"],
    [JSON.stringify({ a: "", b: "", body: [{ paragraph: "x" }, { paragraph: "y" }] }), "/a"],
  ]);
});

test("snapshots are copies: editing the document after an undo does not change them", () => {
  const h = new History();
  const d = { body: [{ paragraph: "x" }] };
  h.reset(d);
  d.body.push({ paragraph: "y" });
  h.record(d);
  const back = h.undo().doc;
  back.body.push({ paragraph: "z" });
  assert.deepEqual(h.redo().doc, { body: [{ paragraph: "x" }, { paragraph: "y" }] });
  assert.deepEqual(h.undo().doc, { body: [{ paragraph: "x" }] });
});

test("a new edit after undo drops the redo branch; an unchanged document records nothing", () => {
  const h = new History();
  const d = { n: 1 };
  h.reset(d);
  d.n = 2; h.record(d);
  h.undo();
  assert.equal(h.canRedo, true);
  assert.equal(h.record({ n: 1 }), false, "no change");
  assert.equal(h.canRedo, true);
  h.record({ n: 3 });
  assert.equal(h.canRedo, false);
  assert.deepEqual(h.undo().doc, { n: 1 });
  assert.equal(h.undo(), null);
});

test("typing right after an undo is a new run, not merged into the undone one", () => {
  const c = clock();
  const h = new History({ now: c.now });
  h.reset({ s: "" });
  h.record({ s: "a" }, { key: "/s" });
  c.tick(10);
  h.record({ s: "ab" }, { key: "/s" });
  h.undo();
  h.redo();
  c.tick(10);
  h.record({ s: "abc" }, { key: "/s" });
  assert.deepEqual(h.undo().doc, { s: "ab" });
});

test("the history keeps at most limit steps", () => {
  const h = new History({ limit: 3 });
  h.reset({ n: 0 });
  for (let n = 1; n <= 5; n++) h.record({ n });
  const seen = [];
  for (let r; (r = h.undo());) seen.push(r.doc.n);
  assert.deepEqual(seen, [4, 3]);
});

test("shortcut maps the keys", () => {
  const cases = [
    [{ ctrlKey: true, key: "z" }, "undo"],
    [{ metaKey: true, key: "z" }, "undo"],
    [{ ctrlKey: true, key: "y" }, "redo"],
    [{ ctrlKey: true, shiftKey: true, key: "Z" }, "redo"],
    [{ ctrlKey: true, altKey: true, key: "z" }, ""],
    [{ key: "z" }, ""],
    [{ ctrlKey: true, key: "s" }, ""],
  ];
  for (const [e, want] of cases) assert.equal(shortcut(e), want, JSON.stringify(e));
});

test("typing after an undo does not merge into the step before the undone one", () => {
  const c = clock();
  const h = new History({ now: c.now });
  h.reset({ a: "", b: "" });
  h.record({ a: "x", b: "" }, { key: "/a" });
  c.tick(10);
  h.record({ a: "x", b: "y" }, { key: "/b" });
  h.undo();
  c.tick(10);
  h.record({ a: "xz", b: "" }, { key: "/a" });
  assert.deepEqual(h.undo().doc, { a: "x", b: "" });
});
