/* A workshop's attendance sheet on a poor connection, on top of a form that works without any script.

   Saving keeps the sheet on the phone first (store "forms", one waiting copy per day: the latest), then sends it.
   Without a connection it waits, and is sent when the phone is online again or the next time an attendance page
   opens. The sheet carries the id made when its screen was opened, and the server records a sheet once however
   often it arrives, so sending again is always safe. Texts come from the page (data-*), translated by the server. */
/* global cfpStore */
"use strict";
// Runs once every deferred script has, store.js (loaded after the page's content) included.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-queued-form]");
  const note = document.querySelector("[data-queue-note]");
  if (!form || !note || !window.indexedDB || !window.fetch || !window.cfpStore) return;
  const store = window.cfpStore;
  const say = (text) => {
    note.textContent = text;
    note.hidden = !text;
  };

  function fields(source) {
    return [...new FormData(source).entries()].filter(([name]) => name !== "csrfmiddlewaretoken");
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const hex = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  // One send. Returns the server's message when it answered (saved, a repeat, or refused: the sheet leaves the
  // queue), or null when the sheet must wait (no connection, signed out, an out-of-date page).
  async function send(item) {
    const body = new URLSearchParams(item.fields);
    // The token of the page open now: a copy kept from an earlier session would be refused.
    body.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    let response;
    try {
      response = await fetch(item.key, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-Queued-Form": "1", Accept: "application/json" },
      });
    } catch (error) {
      return null;
    }
    if (!(response.headers.get("Content-Type") || "").startsWith("application/json")) {
      // A redirect (to sign in) or an HTML error page (an expired form): kept for the next try.
      say(response.type === "opaqueredirect" ? note.dataset.signIn : note.dataset.retry);
      return null;
    }
    const answer = await response.json();
    await store.del("forms", item.key);
    return answer.message;
  }

  async function flush() {
    const waiting = (await store.all("forms")).filter((item) => item.kind === "attendance");
    for (const item of waiting) {
      const message = await send(item);
      if (message && item.key === formAddress()) say(message);
    }
  }

  function formAddress() {
    return new URL(form.getAttribute("action") || location.pathname, location.href).pathname;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("[type=submit]");
    if (button) button.disabled = true;
    const item = { key: formAddress(), kind: "attendance", fields: fields(form), at: Date.now() };
    try {
      await store.put("forms", item);
    } catch (error) {
      return form.submit(); // the phone cannot keep it (storage full or blocked): sent as the plain form is
    }
    // The next save of this screen is a new sheet: the server would take a second send of this one as a repeat.
    form.elements.client_id.value = newId();
    const message = await send(item);
    say(message || (navigator.onLine ? note.dataset.retry : note.dataset.queued));
    if (button) button.disabled = false;
  });

  // A sheet still waiting is what the trainer last ticked: the screen shows it rather than what the server has.
  async function restore() {
    const item = await store.get("forms", formAddress());
    if (!item) return;
    const present = new Set(item.fields.filter(([name]) => name === "present").map(([, value]) => value));
    form.querySelectorAll('input[name="present"]').forEach((box) => (box.checked = present.has(box.value)));
    say(note.dataset.queued);
  }

  window.addEventListener("online", () => flush().catch(() => {}));
  restore()
    .catch(() => {})
    .then(() => (navigator.onLine ? flush() : null))
    .catch(() => {});
});
