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

  // One toolbar (复制引用, 复制链接) serves every passage: it moves into the passage under the
  // pointer or with the focus, so the page does not carry a tab stop per passage.
  var tools = null;
  var toolsPassage = null;

  function passageOf(node) {
    while (node && node.nodeType === 1) {
      if (node.classList.contains("passage")) return node;
      node = node.parentNode;
    }
    return null;
  }

  function showTools(passage) {
    if (!tools || !passage || passage === toolsPassage) return;
    toolsPassage = passage;
    passage.appendChild(tools);
    tools.hidden = false;
  }

  function passageLink(passage) {
    var report = document.querySelector("article.report[data-report-url]");
    return (report ? report.getAttribute("data-report-url") : window.location.href.split("#")[0]) + "#" + passage.id;
  }

  function copyFrom(passage, what) {
    if (!passage) return;
    var text = what === "link" ? passageLink(passage) : passage.getAttribute("data-citation");
    copyText(text).then(function (ok) {
      if (ok) announce(what === "link" ? "已复制这一段的链接。" : "已复制引用，可以粘贴到文章中。");
    });
  }

  function setUpPassageTools() {
    tools = document.getElementById("passage-tools");
    if (!tools) return;
    var body = document.querySelector(".report-body");
    if (!body) return;
    body.addEventListener("mouseover", function (event) { showTools(passageOf(event.target)); });
    body.addEventListener("focusin", function (event) {
      if (tools.contains(event.target)) return;
      showTools(passageOf(event.target));
    });
    Array.prototype.forEach.call(tools.querySelectorAll("button[data-copy]"), function (button) {
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        copyFrom(toolsPassage, button.getAttribute("data-copy"));
      });
    });
  }

  // Passages take the focus when a script moves to them (hits, j/k, #links), never from Tab.
  function focusPassage(passage, mark) {
    if (!passage) return;
    passage.setAttribute("tabindex", "-1");
    passage.focus({ preventScroll: true });
    (mark || passage).scrollIntoView({ block: "center" });
    showTools(passage);
  }

  // 上一处 / 下一处 and the counter "第 3/23 处".
  var hits = [];
  var currentHit = -1;

  function goToHit(index) {
    if (!hits.length) return;
    currentHit = (index + hits.length) % hits.length;
    hits.forEach(function (mark, i) { mark.classList.toggle("current", i === currentHit); });
    var counter = document.getElementById("hit-counter");
    if (counter) counter.textContent = "第 " + (currentHit + 1) + "/" + hits.length + " 处";
    focusPassage(passageOf(hits[currentHit]), hits[currentHit]);
  }

  function setUpHits() {
    hits = Array.prototype.slice.call(document.querySelectorAll(".report-body mark[id^=hit-]"));
    if (!hits.length) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-hit-step]"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var step = parseInt(link.getAttribute("data-hit-step"), 10);
        goToHit(currentHit < 0 && step < 0 ? hits.length - 1 : currentHit + step);
      });
    });
    var target = targetPassage();
    if (target) {
      for (var i = 0; i < hits.length; i++) {
        if (target.contains(hits[i])) {
          currentHit = i;
          hits[i].classList.add("current");
          document.getElementById("hit-counter").textContent = "第 " + (i + 1) + "/" + hits.length + " 处";
          break;
        }
      }
    }
  }

  function isTyping(event) {
    var el = event.target;
    return event.ctrlKey || event.metaKey || event.altKey ||
      (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  }

  function movePassage(step) {
    var all = Array.prototype.slice.call(document.querySelectorAll(".report-body .passage"));
    if (!all.length) return;
    var at = all.indexOf(passageOf(document.activeElement) || toolsPassage);
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    focusPassage(all[next]);
  }

  function setUpShortcuts() {
    if (!document.querySelector(".report-body")) return;
    document.addEventListener("keydown", function (event) {
      if (isTyping(event)) return;
      var key = event.key;
      if (key === "n" && hits.length) { event.preventDefault(); goToHit(currentHit + 1); }
      else if ((key === "p" || key === "N") && hits.length) {
        event.preventDefault();
        goToHit(currentHit < 0 ? hits.length - 1 : currentHit - 1);
      }
      else if (key === "j") { event.preventDefault(); movePassage(1); }
      else if (key === "k") { event.preventDefault(); movePassage(-1); }
      else if (key === "c" || key === "l") {
        var passage = passageOf(document.activeElement) || toolsPassage;
        if (passage) { event.preventDefault(); copyFrom(passage, key === "l" ? "link" : "citation"); }
      }
    });
  }

  // The sort menu applies when a choice is made with the pointer; from the keyboard, arrow keys
  // only move through the choices and the 排序 button (or Enter) applies them.
  function setUpAutoSubmit() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (select) {
      var pointer = false;
      select.addEventListener("pointerdown", function () { pointer = true; });
      select.addEventListener("keydown", function (event) {
        pointer = false;
        if (event.key === "Enter" && select.form) { event.preventDefault(); tidySubmit(select.form); }
      });
      select.addEventListener("change", function () { if (pointer && select.form) tidySubmit(select.form); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-js-show]"), function (el) { el.hidden = false; });
  }

  // A filter box over a long menu (the sort menu's figures): typing hides the choices that do not match.
  function setUpMenuFilters() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filters]"), function (input) {
      var select = document.getElementById(input.getAttribute("data-filters"));
      if (!select) return;
      input.hidden = false;
      input.addEventListener("input", function () {
        var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
        Array.prototype.forEach.call(select.querySelectorAll("option"), function (option) {
          var text = (option.textContent + " " + option.value).toLowerCase();
          option.hidden = !option.selected && words.some(function (w) { return text.indexOf(w) < 0; });
        });
        Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
          group.hidden = !group.querySelector("option:not([hidden])");
        });
      });
    });
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

  // A long facet list (agencies, counties) gets a box that hides the entries not containing what is typed.
  function setUpFacetFilters() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-facet-filter]"), function (input) {
      var list = document.getElementById(input.getAttribute("data-facet-filter"));
      var status = document.getElementById(input.getAttribute("data-facet-filter") + "-status");
      if (!list) return;
      input.hidden = false;
      input.addEventListener("input", function () {
        var wanted = input.value.trim();
        var shown = 0;
        Array.prototype.forEach.call(list.children, function (item) {
          var label = item.querySelector(".facet-label");
          var match = !wanted || (label && label.textContent.indexOf(wanted) !== -1);
          item.hidden = !match;
          if (match) shown += 1;
        });
        if (status) status.textContent = wanted ? "显示 " + shown + " 项" : "";
      });
    });
  }

  // A filter box over a list of checkboxes (the numbers page's figures): typing hides the others
  // and opens the groups that hold a match.
  function setUpChoiceFilters() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter-choices]"), function (input) {
      var box = input.closest("fieldset") || document;
      input.hidden = false;
      input.addEventListener("input", function () {
        var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
        Array.prototype.forEach.call(box.querySelectorAll("details"), function (group) {
          var shown = 0;
          Array.prototype.forEach.call(group.querySelectorAll("li"), function (item) {
            var text = (item.textContent + " " + (item.querySelector("input") || {}).value).toLowerCase();
            item.hidden = words.some(function (w) { return text.indexOf(w) < 0; });
            if (!item.hidden) shown += 1;
          });
          group.hidden = !shown;
          if (words.length && shown) group.open = true;
        });
      });
    });
  }

  function targetPassage() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    return target && target.classList.contains("passage") ? target : null;
  }

  // The passage named in the URL (#s2-p9): bring it into the middle of the screen and give it focus,
  // so that keyboard and screen-reader users start reading there too.
  function showTarget() {
    focusPassage(targetPassage());
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPassageTools();
    setUpAutoSubmit();
    setUpMenuFilters();
    setUpTidyForms();
    setUpFacets();
    setUpHits();
    setUpShortcuts();
    setUpFacetFilters();
    setUpChoiceFilters();
    showTarget();
  });
  window.addEventListener("hashchange", showTarget);
})();
