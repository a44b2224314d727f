/* The site's service worker: what lets a phone read kept and visited pages, and take kept quizzes, with no
   connection. Served at /sw.js by core.offline, which puts `CONFIG` above this text.

   Caches:  static-<version>  the site's own CSS, scripts and icons, and the offline page in each language;
                              replaced whole when a release changes any of them.
            pages             pages the learner visited or kept (their own copies: cleared when they sign out).
            media             images, and the audio and video the learner chose to keep.
   Pages come from the network first, so they are current when there is a connection, except the lessons of a
   kept module: those open from the phone (0 bytes over the network) and are refreshed when the module changes. */
/* global CONFIG, cfpStore */
"use strict";
importScripts(CONFIG.store);

const STATIC = "static-" + CONFIG.version;
// Pages that must never be kept: other people's data, staff screens, and the steps of an attempt on the server.
const NEVER_KEPT = /^\/(admin|documents)\/|^\/[a-z]{2}\/(account|coordinate)\/|\/training\/(attempt\/\d+\/(question|review|submit)|offline\/(sync|module|modules))/;

self.addEventListener("install", (event) => {
  const anonymous = CONFIG.offline.map((url) => new Request(url, { credentials: "omit" }));
  event.waitUntil(
    caches.open(STATIC).then((cache) => cache.addAll([...CONFIG.precache, ...anonymous])).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("static-") && n !== STATIC).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const keepable = !NEVER_KEPT.test(url.pathname);
  if (request.mode === "navigate") {
    // Every page is answered, kept or not: with no connection, the offline page rather than the browser's error.
    event.respondWith(navigate(event, url, keepable));
  } else if (!keepable) {
    return;
  } else if (request.method === "GET" && url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request, STATIC));
  } else if (request.method === "GET" && /^\/media\//.test(url.pathname)) {
    event.respondWith(media(request));
  }
});

async function navigate(event, url, keepable) {
  const request = event.request;
  const kept = keepable && request.method === "GET";
  const record = kept ? await cfpStore.get("pages", url.pathname).catch(() => null) : null;
  if (record && record.lesson) {
    const copy = await caches.match(request, { ignoreVary: true });
    if (copy) {
      event.waitUntil(cfpStore.put("reads", { key: String(record.lesson), lesson: record.lesson, sent: false }));
      return copy;
    }
  }
  try {
    const response = await fetch(request);
    // The learner's own pages are kept even when marked no-store for shared computers (My training, the quiz):
    // the phone's copies are theirs and are removed when they sign out. A page the server says must not be
    // kept at all (a notice meant to be read once) carries "X-Not-Kept".
    const storable = !response.headers.has("X-Not-Kept");
    if (kept && storable && response.ok && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
      event.waitUntil(remember(url, response.clone(), record));
    }
    return response;
  } catch (error) {
    const copy = kept && (await caches.match(request, { ignoreVary: true }));
    return copy || caches.match(offlinePage(url), { cacheName: STATIC }).then((page) => page || Response.error());
  }
}

// A visited page is kept with its title, so that the offline page can offer it.
async function remember(url, response, record) {
  const html = await response.clone().text();
  const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || url.pathname;
  await (await caches.open("pages")).put(url.pathname, response);
  await cfpStore.put("pages", { ...(record || {}), key: url.pathname, title: decode(title), at: Date.now() });
}

function decode(text) {
  return text.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function offlinePage(url) {
  const language = CONFIG.offline.find((page) => url.pathname.startsWith(page.slice(0, 4)));
  return language || CONFIG.offline[0];
}

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

// Images are kept as they are seen; audio and video only when the learner chose to keep them. A player asks for
// byte ranges (to seek), which a kept copy answers from its own bytes.
async function media(request) {
  const cached = await caches.match(request, { cacheName: "media", ignoreVary: true });
  const range = request.headers.get("Range");
  if (cached && range) return partial(cached, range);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.status === 200 && (response.headers.get("Content-Type") || "").startsWith("image/")) {
    (await caches.open("media")).put(request, response.clone());
  }
  return response;
}

async function partial(response, range) {
  const bytes = await response.arrayBuffer();
  const [, start, end] = /bytes=(\d*)-(\d*)/.exec(range) || [];
  const from = start ? Number(start) : Math.max(0, bytes.byteLength - Number(end));
  const to = start && end ? Math.min(Number(end), bytes.byteLength - 1) : bytes.byteLength - 1;
  return new Response(bytes.slice(from, to + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": `bytes ${from}-${to}/${bytes.byteLength}`,
      "Content-Length": String(to - from + 1),
    },
  });
}
