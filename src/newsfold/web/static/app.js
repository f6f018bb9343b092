/* newsfold web app: copy a fact's link, filter facts by entity. No network, no innerHTML. */
(function () {
  "use strict";

  /* "Copy link" on every fact: the page's address with the fact's anchor. */
  function copyLink(button, id) {
    var url = location.href.split("#")[0] + "#" + id;
    function done(text) {
      button.textContent = text;
      setTimeout(function () { button.textContent = "Copy link"; }, 2000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done("Copied"); }, function () {
        history.replaceState(null, "", "#" + id);
        done("Link in address bar");
      });
    } else {
      history.replaceState(null, "", "#" + id);
      done("Link in address bar");
    }
  }

  document.querySelectorAll(".brief li.fact[id]").forEach(function (fact) {
    var meta = fact.querySelector(".fact-meta") || fact;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy a link to fact " + fact.id);
    button.addEventListener("click", function () { copyLink(button, fact.id); });
    meta.appendChild(button);
  });

  /* Entity pills: press one to show only the facts that mention it; press again (or "Show all") to undo. */
  var data = document.getElementById("entity-facts");
  var status = document.getElementById("entity-filter-status");
  if (!data || !status) return;
  var facts = JSON.parse(data.textContent || "{}");
  var established = document.getElementById("established");
  if (established) established.insertBefore(status, established.children[1] || null);
  var pressed = null;

  function apply(pill, name) {
    var keep = name ? facts[name] || [] : null;
    document.querySelectorAll(".brief li.fact[id]").forEach(function (fact) {
      fact.hidden = !!keep && keep.indexOf(fact.id) === -1;
    });
    document.querySelectorAll(".entity.is-filter").forEach(function (other) {
      other.setAttribute("aria-pressed", other === pill && name ? "true" : "false");
    });
    document.querySelectorAll(".brief details.more").forEach(function (more) {
      if (keep) more.open = true;
    });
    status.textContent = "";
    status.hidden = !name;
    if (!name) return;
    status.appendChild(document.createTextNode(
      keep.length + (keep.length === 1 ? " fact mentions " : " facts mention ") + name + ". "));
    var all = document.createElement("button");
    all.type = "button";
    all.className = "show-all";
    all.textContent = "Show all facts";
    all.addEventListener("click", function () { pressed = null; apply(null, null); });
    status.appendChild(all);
    status.scrollIntoView({ block: "start" });
  }

  document.querySelectorAll(".brief .entity").forEach(function (pill) {
    var nameEl = pill.querySelector(".entity-name");
    var name = nameEl ? nameEl.textContent : "";
    if (!facts[name]) return; /* no fact mentions it: the pill stays plain, not clickable */
    pill.classList.add("is-filter");
    pill.setAttribute("role", "button");
    pill.setAttribute("tabindex", "0");
    pill.setAttribute("aria-pressed", "false");
    pill.title = "Show only the facts that mention " + name;
    function toggle() {
      pressed = pressed === name ? null : name;
      apply(pill, pressed);
    }
    pill.addEventListener("click", toggle);
    pill.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); }
    });
  });
})();
