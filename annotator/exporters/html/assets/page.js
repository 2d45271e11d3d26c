(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  var tip = document.getElementById("tip");
  var shown = null;
  var chosen = null;

  // The highlights' titles are the no-script tooltip; the script shows a richer one.
  text.querySelectorAll("mark[title]").forEach(function (mark) {
    mark.removeAttribute("title");
  });

  function firstPiece(id) {
    return document.getElementById("a-" + id);
  }

  function show(mark) {
    var id = mark.getAttribute("data-a");
    var facts = document.getElementById("d-" + id);
    if (!facts || !firstPiece(id)) { return; }
    var head = document.createElement("div");
    head.className = "head";
    head.textContent = mark.getAttribute("data-type") + " " + id;
    var copy = facts.cloneNode(true);
    copy.removeAttribute("id");
    tip.replaceChildren(head, copy);
    tip.setAttribute("data-a", id);
    tip.hidden = false;
    var boxes = mark.getClientRects();
    var first = boxes[0] || mark.getBoundingClientRect();
    var last = boxes[boxes.length - 1] || first;
    var left = Math.max(8, Math.min(first.left, root.clientWidth - tip.offsetWidth - 8));
    // Below the highlight's last line, or above its first when there is no room below.
    var top = last.bottom + 6;
    if (top + tip.offsetHeight > root.clientHeight && first.top - tip.offsetHeight - 6 > 0) {
      top = first.top - tip.offsetHeight - 6;
    }
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
    shown = mark;
  }

  function hide() {
    tip.hidden = true;
    tip.removeAttribute("data-a");
    shown = null;
  }

  function markOf(node) {
    return node && node.closest ? node.closest("mark[data-a]") : null;
  }

  text.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark && mark !== shown) { show(mark); }
  });
  text.addEventListener("mouseout", function (event) {
    var into = markOf(event.relatedTarget);
    if (into) { return; }
    var focused = markOf(document.activeElement);
    if (focused) { show(focused); } else { hide(); }
  });
  text.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) { show(mark); current(mark.getAttribute("data-a")); }
  });
  text.addEventListener("focusout", function () { hide(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });

  function current(id) {
    var previous = panel.querySelector(".entry.current");
    if (previous) { previous.classList.remove("current", "open"); }
    var entry = document.getElementById("e-" + id);
    if (entry) { entry.classList.add("current", "open"); }
  }

  function choose(id) {
    var mark = firstPiece(id);
    if (!mark) { return; }
    if (chosen) { chosen.classList.remove("chosen"); }
    chosen = mark;
    mark.classList.add("chosen");
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }

  function chooseFromLink(event) {
    var link = event.target.closest ? event.target.closest("a[href^='#a-']") : null;
    if (!link) { return; }
    event.preventDefault();
    var id = decodeURIComponent(link.getAttribute("href").slice(3));
    try {
      history.replaceState(null, "", link.getAttribute("href"));
    } catch (ignored) { /* some file: URLs refuse it; the focus still moves */ }
    choose(id);
  }
  panel.addEventListener("click", chooseFromLink);
  text.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    if (mark) { current(mark.getAttribute("data-a")); }
  });

  if (location.hash.indexOf("#a-") === 0) {
    choose(decodeURIComponent(location.hash.slice(3)));
  }
}());
