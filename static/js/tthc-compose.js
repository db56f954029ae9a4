// The urgent-list compose page: filter the catalogue as you type, show chosen procedures only, count them.
(function () {
  const picker = document.getElementById("procedure-picker");
  if (!picker) { return; }
  const filter = document.getElementById("procedure-filter");
  const chosenOnly = document.getElementById("chosen-only");
  const count = document.getElementById("chosen-count");
  const noMatch = document.getElementById("no-match");
  const rows = Array.from(picker.querySelectorAll("li[data-search]"));

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  const keys = new Map(rows.map((row) => [row, fold(row.dataset.search)]));

  function refresh() {
    const words = fold(filter.value).split(/\s+/).filter(Boolean);
    let visible = 0;
    let chosen = 0;
    rows.forEach((row) => {
      const box = row.querySelector("input[type=checkbox]");
      row.classList.toggle("list-group-item-primary", box.checked);
      if (box.checked) { chosen += 1; }
      const matches = words.every((word) => keys.get(row).includes(word));
      const shown = matches && (!chosenOnly.checked || box.checked);
      row.hidden = !shown;
      if (shown) { visible += 1; }
    });
    count.textContent = chosen;
    noMatch.classList.toggle("d-none", visible > 0);
  }

  filter.addEventListener("input", refresh);
  chosenOnly.addEventListener("change", refresh);
  picker.addEventListener("change", refresh);
  // Typing a condition for an unticked procedure ticks it: a condition only makes sense on the list.
  picker.addEventListener("input", (event) => {
    if (event.target.classList.contains("conditions") && event.target.value) {
      event.target.closest("li").querySelector("input[type=checkbox]").checked = true;
      refresh();
    }
  });
  filter.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); } });
})();
