// The week grid: each cell gets the list of modes (sent once in <template id="wm-options">), day tabs on
// phones, changed cells marked, over-cap days kept in step with the live summary and named by the Save button.
(function () {
  "use strict";
  const grid = document.getElementById("wm-grid");
  if (!grid) { return; }
  const tabs = Array.from(document.querySelectorAll("[data-wm-day]"));
  const options = document.getElementById("wm-options");
  const live = document.getElementById("wm-live");

  function showDay(index) {
    grid.dataset.showDay = String(index);
    tabs.forEach(function (tab) {
      const active = tab.dataset.wmDay === String(index);
      tab.classList.toggle("active", active);
      tab.setAttribute("aria-selected", active ? "true" : "false");
    });
  }

  function dayButton(head) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-link btn-sm p-0 align-baseline link-danger fw-semibold";
    button.textContent = head.dataset.label;
    button.addEventListener("click", function () {
      showDay(head.dataset.dayIndex);
      grid.scrollIntoView({ block: "start" });
    });
    return button;
  }

  function markOverCap() {
    const over = [];
    grid.querySelectorAll("#wm-head [data-day-index]").forEach(function (head) {
      const index = head.dataset.dayIndex;
      const isOver = head.dataset.over === "1";
      grid.classList.toggle("wm-over-" + index, isOver);
      const tab = tabs[Number(index)];
      if (tab) { tab.classList.toggle("wm-tab-over", isOver); }
      if (isOver) { over.push(head); }
    });
    if (live) {
      const days = live.querySelector(".wm-live-days");
      days.replaceChildren();
      over.forEach(function (head, position) {
        if (position) { days.append(", "); }
        days.append(dayButton(head));
      });
      live.hidden = over.length === 0;
    }
  }

  if (options) {
    grid.querySelectorAll("tbody select").forEach(function (cell) {
      const value = cell.value;
      if (!("saved" in cell.dataset)) { cell.dataset.saved = value; }
      cell.replaceChildren(options.content.cloneNode(true));
      cell.value = value;
      cell.dataset.mode = value;
    });
  }

  grid.classList.add("wm-tabbed");
  grid.parentElement.classList.add("wm-tabbed-scroll");
  document.querySelectorAll(".wm-daytabs").forEach(function (bar) { bar.hidden = false; });
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () { showDay(tab.dataset.wmDay); });
  });
  showDay(grid.dataset.showDay || 0);
  markOverCap();

  grid.addEventListener("change", function (event) {
    const cell = event.target;
    if (cell.tagName !== "SELECT") { return; }
    cell.dataset.mode = cell.value;
    cell.closest("td").classList.toggle("wm-changed", cell.value !== cell.dataset.saved);
  });
  document.body.addEventListener("htmx:afterSwap", markOverCap);
})();
