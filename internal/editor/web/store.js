// The editor's one store. The whole document lives in state.doc, exactly
// the vanban/v1 JSON the API takes; everything else the modules share is
// here too, and they learn of changes by subscribing to named events
// rather than by calling each other:
//
//   "edit"     the document was edited ({structural, focus, focusAction, key})
//   "replace"  another document was put in its place ({restore: []})
//   "rendered" the form was drawn again
//   "rules"    the server's composed values (state.rules) changed
//   "findings" state.findings changed
//   "preview"  the preview's freshness changed
//   "profiles" the office's profiles (state.profiles) were read
export const state = {
  // Empty until the server's blank kế hoạch (GET /v1/document-types/
  // ke_hoach/blank) or the copy kept in this browser is put in place: a
  // new document's content is the server's, never the editor's.
  doc: {},
  types: [], // the Phụ lục III table, from GET /v1/document-types
  samples: [],
  findings: [],
  notes: [], // what vanban decided (info), listed, not marked on fields
  dirty: false, // changed since it was opened or created
  derived: [], // functions refreshing computed displays after any input
  openColumns: new Map(), // table pointer → column list open
  // What the server derives from the document (POST /v1/compose-preview):
  // labels, ký hiệu, Lưu line, totals and amounts in words. The editor
  // shows these and never derives them itself.
  rules: null,
  relabelRoots: new Set(), // lists whose typed labels follow the next answer
  // Findings are shown only for fields the clerk has visited (typed in or
  // left), until the clerk asks for the whole check (checkAll) or opens a
  // document that already has content.
  visited: new Set(),
  checkAll: false,
  // The office's profiles (GET /v1/profiles), the service's own, the
  // fields and ranges of a profile (the schema's), and whether this user
  // keeps them (a lead): profiles.js.
  profiles: { profiles: [], service: null, fields: [], canKeep: false },
};

const listeners = new Map();

/** subscribe calls fn(detail) on each emit of event; it returns the unsubscribe. */
export function subscribe(event, fn) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(fn);
  return () => listeners.get(event).delete(fn);
}

/** emit calls the event's listeners in the order they subscribed; one failing does not stop the rest. */
export function emit(event, detail = {}) {
  for (const fn of [...(listeners.get(event) || [])]) {
    try {
      fn(detail);
    } catch (e) {
      console.error(e);
    }
  }
  return detail;
}

/**
 * changed is called after every edit of state.doc. o.structural redraws
 * the form (focus/focusAction say where the caret goes after); o.key
 * names the field typed in, so a run of typing is one step of undo.
 */
export function changed(o = {}) {
  emit("edit", o);
}

/** typeInfo is the Phụ lục III entry of a type code, or null. */
export function typeInfo(code) {
  return state.types.find((t) => t.code === code) || null;
}

/** isLetter tells whether a document uses the công văn layout (Mẫu 1.5, per the server's table). */
export function isLetter(doc = state.doc) {
  const t = typeInfo(doc.type);
  return !!t && t.layout === "1.5";
}

/** draftQuery is the ?draft= value of the API calls. */
export function draftQuery() {
  return state.doc.draft ? "true" : "false";
}
