/* Offline reading and quizzes, added on top of pages that work without any script.

   - registers the service worker (/sw.js), which keeps visited pages and serves them with no connection;
   - "Keep this module on my phone": fetches a module's pages, images and, by choice, audio and video;
   - the one-page quiz saves each answer on the phone and, when submitted, queues the whole attempt under an id made
     here; the queue is sent when there is a connection, and the server marks it (never this script);
   - the status line says when the phone is offline and what waits to be sent;
   - signing out removes this learner's answers and kept copies from the phone.
   Texts come from the pages (data-* attributes, translated by the server), so this file holds no language. */
/* global cfpStore */
"use strict";
(function () {
  if (!("serviceWorker" in navigator) || !window.indexedDB || !window.caches) return;
  const store = window.cfpStore;
  const body = document.body;
  const learner = body.dataset.learner || "";
  const language = document.documentElement.lang || "km";
  const base = `/${language}/training/offline/`;
  const status = document.getElementById("net-status");
  const $ = (selector, root) => (root || document).querySelector(selector);
  const fill = (text, values) => (text || "").replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  const megabytes = (bytes) =>
    bytes < 1048576
      ? fill(status.dataset.sizeSmall, { size: Math.max(1, Math.round(bytes / 1024)) })
      : fill(status.dataset.size, { size: (bytes / 1048576).toFixed(1) });
  document.documentElement.classList.add("offline-ready");
  // Update checks after each page are answered by the phone's HTTP cache for an hour (core/offline.py).
  navigator.serviceWorker.register("/sw.js", { updateViaCache: "all" }).catch(() => {});

  /* Status line and notices. */
  // Notices outlive a reload (sessionStorage), so a page refreshed after sending still says what happened.
  function say(text, link) {
    const notices = JSON.parse(sessionStorage.getItem("cfp-notices") || "[]");
    sessionStorage.setItem("cfp-notices", JSON.stringify(notices.concat([{ text, link }])));
    show(text, link);
  }

  function show(text, link) {
    const line = document.createElement("p");
    line.textContent = text + " ";
    if (link) {
      const anchor = line.appendChild(document.createElement("a"));
      anchor.href = link.href;
      anchor.textContent = link.text;
    }
    $(".wrap", status).appendChild(line);
    status.hidden = false;
  }

  async function showStatus() {
    const waiting = (await store.all("outbox")).filter((item) => item.state === "waiting");
    // A page kept without anyone's name (the offline page) counts the phone's own learner's answers as theirs.
    const owner = learner || ((await store.get("meta", "learner")) || {}).value;
    const mine = waiting.filter((item) => item.learner === owner).length;
    const line = $("[data-status-line]", status);
    const parts = [];
    if (!navigator.onLine) parts.push(status.dataset.offline);
    if (mine) parts.push(fill(status.dataset.waiting, { count: mine }));
    if (waiting.length > mine) parts.push(status.dataset.otherAccount);
    line.textContent = parts.join(" ");
    line.hidden = !parts.length;
    status.hidden = !status.textContent.trim();
  }

  /* Whose records these are: a different learner signing in on this phone never sees the last one's copies. */
  async function claimPhone() {
    if (!learner) return;
    const owner = await store.get("meta", "learner");
    if (owner && owner.value !== learner) await forget({ keepOutbox: true });
    await store.put("meta", { key: "learner", value: learner });
  }

  async function forget({ keepOutbox }) {
    for (const name of ["drafts", "kept", "pages", "reads"]) await store.clear(name);
    if (!keepOutbox) await store.clear("outbox");
    await Promise.all(["pages", "media"].map((name) => caches.delete(name)));
  }

  /* Sending what waits: finished quizzes and kept lessons read from the phone. */
  let syncing = null;
  function sync() {
    syncing = syncing || send().finally(() => { syncing = null; showStatus(); });
    return syncing;
  }

  async function send() {
    if (!navigator.onLine || !learner) return [];
    const attempts = (await store.all("outbox")).filter((item) => item.state === "waiting" && item.learner === learner);
    const reads = (await store.all("reads")).filter((read) => !read.sent);
    if (!attempts.length && !reads.length) return [];
    const session = await fetch(base + "sync/", { credentials: "same-origin", cache: "no-store" });
    const who = await session.json().catch(() => ({}));
    if (session.status === 401) return say(who.message || status.dataset.signIn), [];
    if (!session.ok || String(who.learner) !== learner) return [];
    const results = [];
    for (let start = 0; start < Math.max(attempts.length, 1); start += 50) {
      const batch = attempts.slice(start, start + 50);
      const response = await fetch(base + "sync/", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": who.csrf },
        body: JSON.stringify({
          learner: Number(learner),
          attempts: batch.map(({ key, quiz, version, answers }) => ({ id: key, quiz, version, answers })),
          lessons: start ? [] : reads.slice(0, 500).map((read) => ({ lesson: read.lesson })),
        }),
      });
      const outcome = await response.json().catch(() => ({}));
      if (!response.ok) return say(outcome.message || status.dataset.failed), results;
      for (const result of outcome.attempts || []) results.push(await settle(result));
      if (!start) for (const read of reads.slice(0, 500)) await store.put("reads", { ...read, sent: true });
    }
    return results;
  }

  async function settle(result) {
    const item = await store.get("outbox", result.id);
    if (!item) return result;
    if (result.status === "graded") {
      await store.del("outbox", result.id);
      say(result.message, { href: result.result_url, text: status.dataset.seeResult });
    } else {
      await store.put("outbox", { ...item, state: result.status === "later" ? "waiting" : "refused", message: result.message });
      say(result.message);
    }
    return result;
  }

  /* Keeping a module: its pages, the images in them, and (chosen after seeing the size) its audio and video. */
  const IMAGE = /<(?:img|source)\b[^>]*?\s(?:src|srcset)="([^"]+)"/g;

  async function keep(manifestUrl, { media, onProgress }) {
    const manifest = await (await fetch(manifestUrl, { cache: "no-cache" })).json();
    const personal = [manifest.url].concat(learner && manifest.quiz ? [manifest.quiz.url] : []);
    const lessons = manifest.lessons.map((lesson) => lesson.url);
    const chosen = media ? manifest.media.map((item) => item.url) : [];
    const pages = await caches.open("pages");
    const files = await caches.open("media");
    let bytes = 0;
    let done = 0;
    const images = new Set();
    const total = () => personal.length + lessons.length + images.size + chosen.length;
    const progress = () => onProgress && onProgress(++done, total());
    for (const url of personal.concat(lessons)) {
      const isLesson = lessons.includes(url);
      // "Purpose: prefetch" tells the server that keeping is not reading (lessons count when opened).
      const response = await fetch(url, { credentials: "same-origin", headers: isLesson ? { Purpose: "prefetch" } : {} });
      if (!response.ok) throw new Error(url);
      const blob = await response.clone().blob();
      const html = await blob.text();
      for (const match of html.matchAll(IMAGE)) match[1].split(",").forEach((part) => images.add(part.trim().split(" ")[0]));
      bytes += blob.size;
      await pages.put(url, response);
      const lesson = manifest.lessons.find((item) => item.url === url);
      const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || url;
      await store.put("pages", { key: url, title, module: manifestUrl, lesson: lesson ? lesson.id : null, at: Date.now() });
      progress();
    }
    for (const url of [...images].filter((src) => src.startsWith("/")).concat(chosen)) {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(url);
      bytes += (await response.clone().blob()).size;
      await files.put(url, response);
      progress();
    }
    const record = {
      key: manifestUrl, module: manifest.module, title: manifest.title, url: manifest.url, version: manifest.version,
      media: !!media, bytes, at: Date.now(), pages: personal.concat(lessons), files: [...images].concat(chosen),
    };
    await store.put("kept", record);
    localStorage.setItem("cfp-checked", String(Date.now()));  // just fetched: no need to ask again for an hour
    return { record, manifest };
  }

  async function remove(manifestUrl) {
    const record = await store.get("kept", manifestUrl);
    if (!record) return;
    const pages = await caches.open("pages");
    const files = await caches.open("media");
    for (const url of record.pages) await Promise.all([pages.delete(url), store.del("pages", url)]);
    for (const url of record.files) await files.delete(url);
    await store.del("kept", manifestUrl);
  }

  function keepPanel(panel) {
    const manifestUrl = panel.dataset.keep;
    const button = $("[data-keep-button]", panel);
    const mediaButton = $("[data-keep-media]", panel);
    const removeButton = $("[data-keep-remove]", panel);
    const bar = $("progress", panel);
    const line = $("[data-keep-status]", panel);
    panel.hidden = false;

    async function show() {
      const record = await store.get("kept", manifestUrl);
      button.hidden = !!record;
      removeButton.hidden = !record;
      line.textContent = record ? fill(panel.dataset.ready, { size: megabytes(record.bytes) }) : "";
      return record;
    }

    async function run(media) {
      button.disabled = mediaButton.disabled = true;
      bar.hidden = false;
      try {
        const { manifest, record } = await keep(manifestUrl, {
          media,
          onProgress: (done, total) => {
            bar.max = total;
            bar.value = done;
            line.textContent = fill(panel.dataset.progress, { done, total });
          },
        });
        await show();
        const extra = manifest.media.reduce((sum, item) => sum + item.bytes, 0);
        mediaButton.hidden = record.media || !extra;
        mediaButton.textContent = fill(panel.dataset.mediaOffer, { size: megabytes(extra) });
      } catch (error) {
        line.textContent = panel.dataset.stopped;
      }
      bar.hidden = true;
      button.disabled = mediaButton.disabled = false;
    }

    button.addEventListener("click", () => run(false));
    mediaButton.addEventListener("click", () => run(true));
    removeButton.addEventListener("click", async () => { await remove(manifestUrl); mediaButton.hidden = true; show(); });
    show();
  }

  /* Kept modules that changed on the server are fetched again (at most once an hour, one small request). */
  async function refreshKept() {
    const kept = await store.all("kept");
    const last = Number(localStorage.getItem("cfp-checked") || 0);
    if (!navigator.onLine || !kept.length || Date.now() - last < 3600e3) return;
    localStorage.setItem("cfp-checked", String(Date.now()));
    const byLanguage = {};
    kept.forEach((record) => (byLanguage[record.url.slice(1, 3)] = byLanguage[record.url.slice(1, 3)] || []).push(record));
    for (const [code, records] of Object.entries(byLanguage)) {
      const ids = records.map((record) => record.module).join(",");
      const response = await fetch(`/${code}/training/offline/modules.json?ids=${ids}`, { cache: "no-cache" });
      if (!response.ok) continue;
      const versions = (await response.json()).modules || {};
      for (const record of records) {
        const version = versions[String(record.module)];
        if (version === record.version) continue;
        if (version === null) {
          await remove(record.key);
          say(fill(status.dataset.removed, { title: record.title }));
        } else {
          await keep(record.key, { media: record.media }).then(() => say(fill(status.dataset.updated, { title: record.title })), () => {});
        }
      }
    }
  }

  /* Lists of what is on the phone: "My training" (with sizes and Remove) and the offline page. */
  async function listKept(section) {
    const kept = await store.all("kept");
    const list = $("ul", section);
    const row = $("template", section);
    list.textContent = "";
    for (const record of kept) {
      const item = row.content.cloneNode(true);
      const link = $("a", item);
      link.href = record.url;
      link.textContent = record.title;
      $("[data-size]", item).textContent = megabytes(record.bytes);
      $("button", item).addEventListener("click", async () => { await remove(record.key); listKept(section); });
      list.appendChild(item);
    }
    section.hidden = !kept.length;
  }

  // Answers that wait, and answers the server could not mark (with its reason): never dropped without a word.
  async function listOutbox(section) {
    const items = (await store.all("outbox")).filter((item) => item.learner === learner);
    const list = $("ul", section);
    list.textContent = "";
    for (const item of items) {
      const row = $("template", section).content.cloneNode(true);
      $("strong", row).textContent = item.title;
      $("[data-message]", row).textContent = item.state === "waiting" ? section.dataset.waiting : item.message;
      const button = $("button", row);
      button.hidden = item.state === "waiting";
      button.addEventListener("click", async () => { await store.del("outbox", item.key); listOutbox(section); });
      list.appendChild(row);
    }
    section.hidden = !items.length;
  }

  async function listOffline(section) {
    const pages = (await store.all("pages")).filter((page) => !page.key.includes("/offline/"));
    const list = $("[data-offline-items]", section);
    pages.sort((a, b) => (a.lesson ? 1 : 0) - (b.lesson ? 1 : 0) || a.key.localeCompare(b.key));
    for (const page of pages) {
      const link = list.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
      link.href = page.key;
      link.textContent = page.title.split(" · ")[0];
    }
    section.hidden = !pages.length;
    $("[data-offline-empty]").hidden = !!pages.length;
  }

  /* The one-page quiz: each answer saved on the phone; submitting queues the attempt and sends it if it can. */
  async function quiz(form) {
    const quizId = form.dataset.quiz;
    const draftKey = `${learner}:${quizId}`;
    const note = $("[data-quiz-status]");
    const show = (text) => { note.textContent = text; note.hidden = !text; };
    const waiting = (await store.all("outbox")).find((item) => item.quiz === Number(quizId) && item.learner === learner && item.state === "waiting");
    if (waiting) {
      form.hidden = true;
      show(note.dataset.waiting);
      return;
    }
    let draft = await store.get("drafts", draftKey);
    if (!draft || draft.version !== form.dataset.version) {
      draft = { key: draftKey, id: newId(), version: form.dataset.version, answers: {} };
    }
    form.elements.attempt.value = draft.id;
    for (const [question, tokens] of Object.entries(draft.answers)) {
      for (const input of form.querySelectorAll(`[name="q${question}"]`)) input.checked = tokens.includes(input.value);
    }
    const answers = () => {
      const out = {};
      for (const fieldset of form.querySelectorAll("[data-question]")) {
        out[fieldset.dataset.question] = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
      }
      return out;
    };
    form.addEventListener("change", async () => {
      draft.answers = answers();
      await store.put("drafts", draft);
      show(note.dataset.saved);
    });
    let warned = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const given = answers();
      const blank = Object.values(given).filter((tokens) => !tokens.length).length;
      if (blank && !warned) {
        warned = true;
        return show(fill(note.dataset.unanswered, { count: blank }));
      }
      form.querySelector("[type=submit]").disabled = true;
      const title = $("h1") ? $("h1").textContent.trim() : "";
      await store.put("outbox", {
        key: draft.id, learner, quiz: Number(quizId), version: draft.version, answers: given, title,
        state: "waiting", at: Date.now(),
      });
      await store.del("drafts", draftKey);
      form.hidden = true;
      show(note.dataset.queued);
      const results = await sync().catch(() => []);
      const mine = (results || []).find((result) => result.id === draft.id);
      if (mine && mine.status === "graded") location.assign(mine.result_url);
      else if (mine) show(mine.message);
    });
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /* Signing out: what waits is sent first if it can be; what cannot is deleted only if the learner says so. */
  function guardSignOut(form) {
    form.addEventListener("submit", async (event) => {
      if (form.dataset.cleared) return;
      event.preventDefault();
      await sync().catch(() => {});
      const left = (await store.all("outbox")).filter((item) => item.learner === learner).length;
      if (left && !window.confirm(fill(status.dataset.signOutLoses, { count: left }))) return;
      const others = (await store.all("outbox")).filter((item) => item.learner !== learner);
      await forget({ keepOutbox: false });
      for (const item of others) await store.put("outbox", item);
      await store.del("meta", "learner");
      form.dataset.cleared = "1";
      form.submit();
    });
  }

  async function start() {
    for (const notice of JSON.parse(sessionStorage.getItem("cfp-notices") || "[]")) show(notice.text, notice.link);
    sessionStorage.removeItem("cfp-notices");
    await claimPhone();
    document.querySelectorAll("[data-keep]").forEach(keepPanel);
    const kept = $("[data-kept-list]");
    if (kept) listKept(kept);
    const outbox = $("[data-outbox-list]");
    if (outbox) await listOutbox(outbox);
    const offline = $("[data-offline-list]");
    if (offline) listOffline(offline);
    const form = document.getElementById("offline-quiz");
    if (form && learner) quiz(form);
    document.querySelectorAll("form[data-sign-out]").forEach(guardSignOut);
    window.addEventListener("online", () => { sync(); showStatus(); });
    window.addEventListener("offline", showStatus);
    await showStatus();
    const sent = await sync().catch(() => []);
    // A page that shows progress (My training, a module) is shown again with what the server just marked.
    if (sent.some((result) => result.status === "graded") && $("[data-progress-page]")) return location.reload();
    if (outbox) listOutbox(outbox);
    await refreshKept().catch(() => {});
  }

  start();
})();
