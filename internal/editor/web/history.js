// Undo and redo of the whole document. The history keeps snapshots of
// state.doc (as JSON text, so later edits cannot reach into them); each
// snapshot after the first remembers the edit that made it: which field
// was typed in (key) and where the caret belongs (focus). Keystrokes in
// one field with no pause longer than `pause` ms make one step, so Ctrl+Z
// takes back a typed run, not a character; any structural edit (a deleted
// block, a move, a choice) is a step of its own.

export class History {
  constructor({ pause = 1000, limit = 200, now = () => Date.now() } = {}) {
    this.pause = pause;
    this.limit = limit;
    this.now = now;
    this.entries = [];
    this.at = -1;
  }

  /** reset starts the history over at doc (another document was opened). */
  reset(doc) {
    this.entries = [{ json: JSON.stringify(doc), key: "", focus: null, time: 0 }];
    this.at = 0;
  }

  /**
   * record notes doc as it is after an edit. key names the field typed in
   * ("" for anything else); focus is where the caret goes when this edit is
   * undone or redone. It returns false when nothing changed.
   */
  record(doc, { key = "", focus = null } = {}) {
    if (this.at < 0) { this.reset(doc); return false; }
    const json = JSON.stringify(doc);
    const top = this.entries[this.at];
    if (json === top.json) return false;
    const t = this.now();
    this.entries.length = this.at + 1; // a new edit drops what could be redone
    if (key && this.at > 0 && top.key === key && t - top.time <= this.pause) {
      top.json = json;
      top.time = t;
      return true;
    }
    this.entries.push({ json, key, focus: focus ?? (key || null), time: t });
    if (this.entries.length > this.limit) this.entries.shift();
    this.at = this.entries.length - 1;
    return true;
  }

  get canUndo() { return this.at > 0; }
  get canRedo() { return this.at >= 0 && this.at < this.entries.length - 1; }

  /** undo returns {doc, focus} of the step before, or null at the start. */
  undo() {
    if (!this.canUndo) return null;
    const undone = this.entries[this.at--];
    // Typing after an undo starts a new run.
    undone.key = "";
    this.entries[this.at].key = "";
    return { doc: JSON.parse(this.entries[this.at].json), focus: undone.focus };
  }

  /** redo returns {doc, focus} of the step undone last, or null when none. */
  redo() {
    if (!this.canRedo) return null;
    const e = this.entries[++this.at];
    e.key = "";
    return { doc: JSON.parse(e.json), focus: e.focus };
  }
}

/**
 * shortcut tells what a keydown asks of the history: "undo" (Ctrl+Z, ⌘Z),
 * "redo" (Ctrl+Y, Ctrl+Shift+Z, ⌘⇧Z) or "" (anything else).
 */
export function shortcut(e) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return "";
  const k = (e.key || "").toLowerCase();
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (k === "y" && !e.shiftKey) return "redo";
  return "";
}
