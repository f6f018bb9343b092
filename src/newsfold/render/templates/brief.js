/* newsfold: open a cited passage in the source viewer. No network, no innerHTML. */
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (!viewer || typeof viewer.showModal !== "function") return;
  var title = document.getElementById("viewer-title");
  var opener = null;

  function show(sourceId, evidenceId) {
    var target = null;
    viewer.querySelectorAll(".viewer-source").forEach(function (el) {
      var match = el.getAttribute("data-source") === sourceId;
      el.hidden = !match;
      if (match) target = el;
    });
    if (!target) return false;
    title.textContent = target.getAttribute("data-label");
    var first = null;
    target.querySelectorAll("mark.ev").forEach(function (mark) {
      var ids = (mark.getAttribute("data-ev") || "").split(" ");
      var hit = evidenceId && ids.indexOf(evidenceId) !== -1;
      mark.classList.toggle("is-hl", !!hit);
      if (hit && !first) first = mark;
    });
    opener = document.activeElement;
    if (!viewer.open) viewer.showModal();
    viewer.querySelector(".viewer-close").focus();
    if (first) {
      first.scrollIntoView({ block: "center" });
    } else {
      target.scrollIntoView({ block: "start" });
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.cite, a.source-open");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (show(link.getAttribute("data-source"), link.getAttribute("data-ev"))) {
      event.preventDefault();
    }
  });
  viewer.querySelector(".viewer-close").addEventListener("click", function () {
    viewer.close();
  });
  viewer.addEventListener("click", function (event) {
    if (event.target === viewer) viewer.close(); /* a click on the backdrop */
  });
  viewer.addEventListener("close", function () {
    if (opener && opener.focus) opener.focus();
  });
})();
