// The copy of the document kept in the browser's storage, so a closed tab
// or a lost connection loses nothing.
export const STORAGE_KEY = "vanban.editor.draft.v1";

/** saveLocal writes doc to storage; it returns false when storage refuses (full, private mode). */
export function saveLocal(storage, doc, now = Date.now()) {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ doc, saved: now }));
    return true;
  } catch {
    return false;
  }
}

/** loadLocal reads the kept document: {doc, saved} or null when there is none or it is unreadable. */
export function loadLocal(storage) {
  let saved;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
  } catch {
    return null;
  }
  if (!saved || !saved.doc || typeof saved.doc !== "object" || Array.isArray(saved.doc)) return null;
  return { doc: saved.doc, saved: typeof saved.saved === "number" ? saved.saved : null };
}

/** savedAt is the Vietnamese "HH:MM ngày DD/MM/YYYY" of a time. */
export function savedAt(when) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(when.getHours())}:${pad(when.getMinutes())} ngày ${pad(when.getDate())}/${pad(when.getMonth() + 1)}/${when.getFullYear()}`;
}
