// nianbao: small enhancements over pages that work without JavaScript.
// No inline scripts (the Content-Security-Policy forbids them) and no library.
(function () {
  "use strict";

  var toastTimer = null;

  function announce(message) {
    var toast = document.getElementById("toast");
    if (!toast) return;
    toast.textContent = message;
    toast.classList.add("visible");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.classList.remove("visible"); }, 4000);
  }

  // Copy text: the Clipboard API where the page is a secure context (localhost, https),
  // else a selected textarea (intranet sites over plain http), else a prompt to copy by hand.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (!ok) window.prompt("请按 Ctrl+C 复制引用：", text);
    return ok;
  }

  function setUpCitations() {
    var buttons = document.querySelectorAll("button.cite[data-citation]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(button.getAttribute("data-citation")).then(function (ok) {
          if (ok) announce("已复制引用，可以粘贴到文章中。");
        });
      });
    });
  }

  // Sort and order menus apply at once; their submit button is only for pages without JavaScript.
  function setUpAutoSubmit() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (select) {
      select.addEventListener("change", function () { if (select.form) tidySubmit(select.form); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-js-hide]"), function (el) { el.hidden = true; });
  }

  // Empty fields stay out of the URL (a sort left at its default sends no sort and no order).
  function tidySubmit(form) {
    var params = new URLSearchParams();
    var sort = form.querySelector("select[name=sort]");
    new FormData(form).forEach(function (value, name) {
      if (value === "" || (name === "order" && sort && !sort.value)) return;
      params.append(name, value);
    });
    var query = params.toString();
    window.location.assign(form.action.split("?")[0] + (query ? "?" + query : ""));
  }

  function setUpTidyForms() {
    Array.prototype.forEach.call(document.querySelectorAll("form[method=get]"), function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        tidySubmit(form);
      });
    });
  }

  // On a narrow screen the facets start folded so that results come first.
  function setUpFacets() {
    var facets = document.getElementById("facets");
    if (facets && window.matchMedia && window.matchMedia("(max-width: 899px)").matches) {
      facets.open = false;
    }
  }

  // The passage named in the URL (#s2-p9): bring it into the middle of the screen and give it focus,
  // so that keyboard and screen-reader users start reading there too.
  function showTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("passage")) return;
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCitations();
    setUpAutoSubmit();
    setUpTidyForms();
    setUpFacets();
    showTarget();
  });
  window.addEventListener("hashchange", showTarget);
})();
