// The check form: as boxes are ticked, the score (sum of the weights found at risk), its share of the
// maximum and the risk level from the district's bands (data-bands: [[upper percent, label], ...]). The
// level saved is the server's; this only shows it while typing.
(function () {
  const preview = document.getElementById("risk-preview");
  if (!preview) { return; }
  const bands = JSON.parse(preview.dataset.bands || "[]");
  const boxes = Array.from(document.querySelectorAll("#checklist input[data-weight]"));

  function refresh() {
    let score = 0;
    let max = 0;
    boxes.forEach(function (box) {
      const weight = parseInt(box.dataset.weight, 10);
      max += weight;
      if (box.checked) { score += weight; }
    });
    const band = bands.find((b) => score * 100 <= b[0] * max) || bands[bands.length - 1];
    const percent = max ? Math.round((1000 * score) / max) / 10 : 0;
    preview.querySelector("[data-risk-level]").textContent = band ? band[1] : "–";
    preview.querySelector("[data-risk-score]").textContent = `${score}/${max} (${String(percent).replace(".", ",")}%)`;
  }

  boxes.forEach((box) => box.addEventListener("change", refresh));
  refresh();
})();
