/* The manual's editor: pair each Khmer field with its English twin (side by side from 1000 px, see
   bilingual-editor.css) and mark the side that is still empty. Works on Wagtail's page editor and on snippet
   editors with inline rows (a quiz's questions and choices); rows added later are paired too. No DOM is moved. */
(function () {
  "use strict";
  var script = document.getElementById("bilingual-editor-script");
  var emptyLabel = (script && script.dataset.emptyLabel) || "Not written yet";
  var SIDES = { km: "bilingual-km", en: "bilingual-en" };

  function fieldName(element) {
    // Top-level panels: id="panel-child-content-title_km-section"; inline rows: a label for "id_questions-0-text_km".
    var match = /-([A-Za-z0-9_]+?)_(km|en)-section$/.exec(element.id || "");
    if (match) return { name: match[1], lang: match[2] };
    var label = element.querySelector(":scope > label[for], :scope > .w-field__wrapper label[for]");
    match = label && /^id_(.+?)_(km|en)$/.exec(label.getAttribute("for"));
    return match ? { name: match[1], lang: match[2] } : null;
  }

  function isEmpty(side) {
    var editors = side.querySelectorAll(".public-DraftEditor-content");
    for (var i = 0; i < editors.length; i++) if (editors[i].textContent.trim()) return false;
    var fields = side.querySelectorAll(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=button]), textarea"
    );
    for (var j = 0; j < fields.length; j++) {
      if (fields[j].closest(".Draftail-Editor")) continue;
      if (fields[j].value.trim()) return false;
    }
    // Choosers (an image, a document) hold their value in a hidden input and drop "blank" once chosen.
    if (side.querySelector("[data-chooser]:not(.blank), .chooser:not(.blank)")) return false;
    return true;
  }

  function heading(side) {
    return side.querySelector("[data-panel-heading-text], .w-field__label, h2, label");
  }

  function mark(side) {
    var empty = isEmpty(side);
    side.classList.toggle("bilingual-empty", empty);
    var place = heading(side);
    if (!place) return;
    var badge = place.querySelector(":scope > .bilingual-badge, :scope + .bilingual-badge");
    if (empty && !badge) {
      badge = document.createElement("span");
      badge.className = "bilingual-badge";
      badge.textContent = emptyLabel;
      place.appendChild(badge);
    } else if (!empty && badge) {
      badge.remove();
    }
  }

  function pairUp(root) {
    var candidates = root.querySelectorAll("section.w-panel, div.w-panel__wrapper");
    for (var i = 0; i < candidates.length; i++) {
      var km = candidates[i];
      if (km.classList.contains(SIDES.km)) continue;
      var info = fieldName(km);
      if (!info || info.lang !== "km") continue;
      var en = km.nextElementSibling;
      var twin = en && fieldName(en);
      if (!twin || twin.lang !== "en" || twin.name !== info.name) continue;
      km.classList.add(SIDES.km);
      en.classList.add(SIDES.en);
      km.parentElement.classList.add("bilingual-grid");
    }
    var sides = root.querySelectorAll("." + SIDES.km + ", ." + SIDES.en);
    for (var j = 0; j < sides.length; j++) mark(sides[j]);
  }

  // Wagtail's script fills the slug from the Khmer title, which gives "-" or nothing. An unreadable slug is
  // replaced by the English title's (the server does the same on saving, or romanises the Khmer title when there
  // is no English one); a readable slug is never touched unless this script wrote it.
  var filled = null;
  function fillSlug() {
    var slug = document.getElementById("id_slug");
    var english = document.getElementById("id_title_en");
    if (!slug || !english || (/[a-z0-9]/.test(slug.value) && slug.value !== filled)) return;
    var value = english.value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "");
    if (value) slug.value = filled = value;
  }

  var pending = null;
  function later() {
    if (pending) return;
    pending = window.setTimeout(function () {
      pending = null;
      pairUp(document.querySelector("main") || document.body);
      fillSlug();
    }, 250);
  }

  function start() {
    var main = document.querySelector("main") || document.body;
    if (!main.querySelector("form")) return;
    pairUp(main);
    main.addEventListener("input", later);
    main.addEventListener("change", later);
    // Rows and blocks added later (Add question, a StreamField block, a chosen image).
    new MutationObserver(later).observe(main, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
