// Notices (status, polite) and alerts (role=alert) at the top of the page.
import { h, $, button } from "./dom.js";

export function notice(text, kind = "info", ...actions) {
  const box = $("#notice");
  box.replaceChildren(h("div", { class: `notice ${kind}` },
    h("span", { class: "text" }, text),
    ...actions,
    button("Đóng", () => box.replaceChildren(), { cls: "close", title: "Đóng thông báo" })));
}

export function alertMessage(text, ...actions) {
  const box = $("#alert");
  if (!text) { box.replaceChildren(); return; }
  box.replaceChildren(h("div", { class: "notice error" }, h("span", { class: "text" }, text), ...actions,
    button("Đóng", () => box.replaceChildren(), { cls: "close" })));
}
