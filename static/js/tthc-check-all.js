// "Select all" boxes: a box with data-check-all="<name>" ticks every checkbox of that name (only those of
// its data-group when it has one) and shows itself ticked, unticked or half-ticked as they change.
(function () {
  const masters = Array.from(document.querySelectorAll("input[data-check-all]"));
  if (!masters.length) { return; }

  function targets(master) {
    const group = master.dataset.group;
    const selector = `input[type=checkbox][name="${master.dataset.checkAll}"]` + (group ? `[data-group="${group}"]` : "");
    return Array.from(document.querySelectorAll(selector));
  }

  function refresh() {
    masters.forEach(function (master) {
      const boxes = targets(master);
      const ticked = boxes.filter((box) => box.checked).length;
      master.checked = boxes.length > 0 && ticked === boxes.length;
      master.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  }

  masters.forEach(function (master) {
    master.addEventListener("change", function () {
      targets(master).forEach((box) => { box.checked = master.checked; });
      refresh();
    });
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox][name]")) { refresh(); }
  });
  refresh();
})();
