// The desk's resources (drafts, templates, recipients, profiles) answer a
// refusal the same way: {error: {code, message_vi, message_en, findings}}.
// One error class and one call carry it for every panel, so the words a
// clerk sees are always the server's.

/** ServerError carries a refused answer's status, code, Vietnamese message and findings. */
export class ServerError extends Error {
  constructor(status, body) {
    const e = body && body.error;
    super((e && e.message_vi) || `Máy chủ trả lỗi ${status}.`);
    this.status = status;
    this.code = e && e.code;
    this.findings = (e && e.findings) || [];
  }
}

/** callJSON fetches url with fetchFn and gives the JSON body (null when
 * empty or not JSON) and the response; a failed status throws ServerError. */
export async function callJSON(fetchFn, url, o) {
  const res = await fetchFn(url, o);
  let body = null;
  try { body = await res.json(); } catch { /* empty or not JSON */ }
  if (!res.ok) throw new ServerError(res.status, body);
  return { body, res };
}
