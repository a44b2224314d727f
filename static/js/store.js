/* What the phone keeps for the learner, in IndexedDB, shared by the pages and the service worker:
   outbox  finished quizzes waiting to be sent (key: the attempt's own id, made on the phone);
   drafts  answers of a quiz being taken (key: learner:quiz), so closing the browser loses nothing;
   kept    modules kept on the phone (key: the module's keep-list URL);
   pages   pages kept or visited, with their titles (key: path), so the offline page can list them;
   reads   kept lessons opened from the phone's copy, to be counted as read (key: lesson id);
   meta    who the records belong to (key: "learner");
   forms   forms saved on the phone until they can be sent, e.g. a workshop's attendance sheet (key: the form's
           address: one waiting copy each, the latest). */
(function (scope) {
  "use strict";
  const STORES = ["outbox", "drafts", "kept", "pages", "reads", "meta", "forms"];
  let opening = null;

  function open() {
    opening = opening || new Promise((resolve, reject) => {
      // Version 2 added "forms"; an upgrade makes only the stores a phone does not have yet.
      const request = indexedDB.open("cfp-offline", 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        STORES.filter((name) => !db.objectStoreNames.contains(name)).forEach((name) => db.createObjectStore(name, { keyPath: "key" }));
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return opening;
  }

  async function run(store, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = work(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  }

  scope.cfpStore = {
    STORES,
    get: (store, key) => run(store, "readonly", (s) => s.get(key)),
    all: (store) => run(store, "readonly", (s) => s.getAll()),
    put: (store, value) => run(store, "readwrite", (s) => s.put(value)),
    del: (store, key) => run(store, "readwrite", (s) => s.delete(key)),
    clear: (store) => run(store, "readwrite", (s) => s.clear()),
  };
})(self);
