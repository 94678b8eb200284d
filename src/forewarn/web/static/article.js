// Article page: clicking an event row outlines its evidence; clicking evidence focuses its row.
(function () {
  "use strict";
  function focusEvent(id) {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    document.querySelectorAll("a.evidence").forEach(function (el) {
      if ((el.dataset.events || "").split(" ").indexOf(id) >= 0) el.classList.add("focus");
    });
    var row = document.getElementById("row-" + id);
    if (row) row.classList.add("focus");
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[href^='#ev-'], a[href^='#row-']");
    if (link) focusEvent(link.getAttribute("href").replace(/^#(ev|row)-/, ""));
  });
  if (location.hash) focusEvent(location.hash.replace(/^#(ev|row)-/, ""));
})();
