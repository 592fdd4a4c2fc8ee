// Calls to the vanban API: failures become an APIError carrying the
// server's Vietnamese message (the server words its errors, not the editor).
import { authFetch } from "./auth.js";

export const OFFLINE = "Không kết nối được máy chủ vanban. Hãy kiểm tra mạng hoặc nhờ quản trị khởi động lại dịch vụ. Bài đang soạn vẫn được lưu trên máy này.";

export class APIError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** errorMessage is the Vietnamese message of a failed response's status and JSON body. */
export function errorMessage(status, body) {
  const err = body && body.error;
  if (status === 429) return "Máy chủ đang bận, vui lòng thử lại sau giây lát.";
  if (err && err.message_vi) return err.message_vi;
  if (status >= 500) return `Máy chủ gặp lỗi (${status}). Vui lòng thử lại sau.`;
  return `Máy chủ trả lỗi ${status}.`;
}

/** api calls the server; failures become APIError with a Vietnamese message. */
export async function api(path, o = {}, fetchFn = authFetch) {
  let res;
  try {
    res = await fetchFn(path, o);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new APIError(OFFLINE, 0, null);
  }
  if (res.ok) return res;
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  throw new APIError(errorMessage(res.status, body), res.status, body);
}

/** postJSON posts the document as JSON. */
export function postJSON(path, doc, o = {}) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(doc), ...o });
}
