// The week grid: day tabs on phones, changed cells marked, over-cap columns kept in step with the live summary.
(function () {
  "use strict";
  const grid = document.getElementById("wm-grid");
  if (!grid) { return; }
  const tabs = Array.from(document.querySelectorAll("[data-wm-day]"));

  function showDay(index) {
    grid.dataset.showDay = String(index);
    tabs.forEach(function (tab) {
      const active = tab.dataset.wmDay === String(index);
      tab.classList.toggle("active", active);
      tab.setAttribute("aria-selected", active ? "true" : "false");
    });
  }

  function markOverCap() {
    grid.querySelectorAll("#wm-head [data-day-index]").forEach(function (head) {
      const index = head.dataset.dayIndex;
      const over = head.dataset.over === "1";
      grid.classList.toggle("wm-over-" + index, over);
      const tab = tabs[Number(index)];
      if (tab) { tab.classList.toggle("wm-tab-over", over); }
    });
  }

  grid.classList.add("wm-tabbed");
  grid.parentElement.classList.add("wm-tabbed-scroll");
  document.querySelectorAll(".wm-daytabs").forEach(function (bar) { bar.hidden = false; });
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () { showDay(tab.dataset.wmDay); });
  });
  showDay(grid.dataset.showDay || 0);

  grid.addEventListener("change", function (event) {
    const cell = event.target;
    if (!cell.classList.contains("wm-cell")) { return; }
    cell.dataset.mode = cell.value;
    cell.closest("td").classList.toggle("wm-changed", cell.value !== cell.dataset.saved);
  });
  document.body.addEventListener("htmx:afterSwap", markOverCap);
})();
