// Sign-in for the editor when the server asks for one (API keys or office
// users configured). The server answers 401 to an API call without a
// session; authFetch then shows the sign-in form, exchanges a key, or a
// user and password, for a session cookie (HttpOnly: this script never
// sees it) and retries the call. Every request that changes something
// carries the session's CSRF token in X-CSRF-Token. No rule of the
// document lives here.

const CSRF_HEADER = "X-CSRF-Token";

let csrf = "";
let usersOffered = false;
let required = false;
let known = null; // Promise of the first GET /auth/session
let signingIn = null; // Promise while the form is open, shared by every caller

/** session asks the server whether a sign-in is needed and for the token. */
async function session() {
  try {
    const res = await fetch("/auth/session", { credentials: "same-origin" });
    if (!res.ok) return;
    const s = await res.json();
    csrf = s.csrf || "";
    usersOffered = !!s.users;
    required = !!s.required;
    if (required && s.signed_in) showSignOut();
  } catch {
    // Offline: the API call itself will say so.
  }
}

function withToken(o) {
  const method = (o.method || "GET").toUpperCase();
  if (method === "GET" || method === "HEAD" || !csrf) return { credentials: "same-origin", ...o };
  const headers = new Headers(o.headers || {});
  headers.set(CSRF_HEADER, csrf);
  return { credentials: "same-origin", ...o, headers };
}

/**
 * authFetch is fetch for the API: on 401 it opens the sign-in form and
 * retries once signed in; on 403 (a token from an older session) it
 * fetches the current token and retries once.
 */
export async function authFetch(path, o = {}) {
  if (!known) known = session();
  await known;
  let res = await fetch(path, withToken(o));
  if (res.status === 401) {
    await signIn();
    res = await fetch(path, withToken(o));
  } else if (res.status === 403) {
    await session();
    res = await fetch(path, withToken(o));
  }
  return res;
}

/** showSignOut puts a sign-out button in the top bar, once. */
function showSignOut() {
  if (document.querySelector("#sign-out")) return;
  const bar = document.querySelector(".topbar");
  if (!bar) return;
  const btn = el("button", { type: "button", id: "sign-out", class: "sign-out", title: "Kết thúc phiên đăng nhập trên máy này", text: "Đăng xuất" });
  btn.addEventListener("click", async () => {
    try {
      await fetch("/auth/logout", withToken({ method: "POST" }));
    } finally {
      csrf = "";
      location.reload();
    }
  });
  // Beside the downloads, the last toolbar, so the bar keeps its height.
  const tools = bar.querySelectorAll(".toolbar");
  const last = tools[tools.length - 1];
  (last || bar).append(el("div", { class: "group" }, btn));
}

/** signIn shows the form once, however many calls are waiting on it. */
function signIn() {
  if (!signingIn) {
    signingIn = showForm().finally(() => { signingIn = null; });
  }
  return signingIn;
}

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (v === true) e.setAttribute(k, "");
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  e.append(...kids);
  return e;
}

function field(id, label, type, autocomplete) {
  return el("p", { class: "login-field" },
    el("label", { for: id, text: label }),
    el("input", { id, name: id, type, autocomplete, spellcheck: "false" }));
}

/** showForm draws the sign-in dialog and resolves once the server accepts. */
async function showForm() {
  await session(); // the office users may have been turned on since
  const msg = el("p", { id: "login-error", class: "login-error", role: "alert" });
  const userPart = el("fieldset", { class: "login-users" },
    el("legend", { text: "Tài khoản của cơ quan" }),
    field("login-user", "Tên đăng nhập", "text", "username"),
    field("login-password", "Mật khẩu", "password", "current-password"));
  userPart.hidden = !usersOffered;
  const keyPart = el("fieldset", { class: "login-key" },
    el("legend", { text: usersOffered ? "Hoặc khóa API" : "Khóa API" }),
    field("login-key", "Khóa API do quản trị cấp", "password", "off"));
  const submit = el("button", { type: "submit", class: "primary", id: "login-submit", text: "Đăng nhập" });
  const form = el("form", { id: "login-form", method: "dialog" },
    el("h2", { text: "Đăng nhập để dùng trình soạn thảo" }),
    el("p", { class: "muted", text: "Máy chủ này yêu cầu đăng nhập. Phiên đăng nhập được giữ an toàn trong trình duyệt cho tới khi hết hạn." }),
    userPart, keyPart, msg, el("p", { class: "login-actions" }, submit));
  const dialog = el("dialog", { id: "login", "aria-labelledby": "login-title" }, form);
  form.querySelector("h2").id = "login-title";
  document.body.append(dialog);
  dialog.addEventListener("cancel", (e) => e.preventDefault()); // Esc must not leave a dead editor
  dialog.showModal();
  (usersOffered ? form.querySelector("#login-user") : form.querySelector("#login-key")).focus();

  try {
    return await new Promise((resolve) => {
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const key = form.querySelector("#login-key").value.trim();
        const user = form.querySelector("#login-user").value.trim();
        const password = form.querySelector("#login-password").value;
        const body = key ? { key } : { user, password };
        if (!key && !(user && password)) {
          msg.textContent = "Hãy nhập khóa API, hoặc tên đăng nhập và mật khẩu.";
          return;
        }
        submit.disabled = true;
        msg.textContent = "";
        try {
          const res = await fetch("/auth/login", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
          });
          const data = await res.json().catch(() => null);
          if (res.ok && data && data.signed_in) {
            csrf = data.csrf || "";
            required = !!data.required;
            if (required) showSignOut();
            resolve();
            return;
          }
          msg.textContent = (data && data.error && data.error.message_vi) || `Không đăng nhập được (mã ${res.status}).`;
        } catch {
          msg.textContent = "Không kết nối được máy chủ vanban.";
        } finally {
          submit.disabled = false;
          // Never leave a secret in the page longer than needed.
          form.querySelector("#login-password").value = "";
          form.querySelector("#login-key").value = "";
        }
      });
    });
  } finally {
    dialog.close();
    dialog.remove();
  }
}
