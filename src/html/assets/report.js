(function () {
  "use strict";
  document.documentElement.classList.remove("nojs");
  // The navigation steps through what is still to be dealt with; a
  // waived finding stays on the page but is counted apart.
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding:not(.waived)"));
  var waived = document.querySelectorAll(".finding.waived").length;
  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  var position = document.querySelector(".toolbar .position");
  var current = -1;
  function go(step) {
    if (!findings.length) { return; }
    var at = findings.indexOf(document.activeElement);
    if (at < 0) { at = current; }
    at = at + step;
    if (at >= findings.length) { at = 0; }
    if (at < 0) { at = findings.length - 1; }
    current = at;
    findings[at].focus({ preventScroll: true });
    findings[at].scrollIntoView({ block: "center" });
    if (position) { position.textContent = "finding " + (at + 1) + " of " + findings.length; }
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (e.key === "n" || e.key === "j") { go(1); e.preventDefault(); }
    else if (e.key === "p" || e.key === "k") { go(-1); e.preventDefault(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-go]"), function (b) {
    b.addEventListener("click", function () { go(Number(b.getAttribute("data-go"))); });
  });
  if (position) {
    position.textContent = count(findings.length, "finding") + (waived ? ", " + waived + " waived" : "");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.hasAttribute("data-numeric");
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
          return numeric ? Number(v) : v.trim().toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return up ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
