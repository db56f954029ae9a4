// The intake form at the counter.
(function () {
  const form = document.getElementById("intake-form");
  const block = document.getElementById("special-case");
  if (!form || !block) { return; }
  const reason = block.querySelector("textarea");
  const keepShown = reason.value.trim() !== "" || block.querySelector(".is-invalid, .invalid-feedback");

  function chosenChannel() {
    const chosen = form.querySelector("input[name=channel]:checked");
    return chosen ? chosen.value : "";
  }

  // The special-case reason is asked for only with an in-person intake (clause 3.1 b); it stays visible
  // when it already holds text or an error, so nothing typed is ever hidden.
  function refresh() {
    block.hidden = !keepShown && chosenChannel() !== "in_person";
  }
  form.querySelectorAll("input[name=channel]").forEach(function (input) {
    input.addEventListener("change", refresh);
  });
  refresh();

  // After a refused intake the officer starts where the answer is typed: the reason of the special case
  // when an in-person intake was refused, otherwise the first field that says what is wrong.
  const invalid = form.querySelector(".is-invalid:not([type=radio]), .invalid-feedback");
  if (!invalid) { return; }
  const errorBlock = invalid.closest("[id^=div_id_]") || invalid.parentElement;
  let field = errorBlock.querySelector("input:checked") ||
    errorBlock.querySelector("input:not([type=hidden]), select, textarea");
  if (errorBlock.id === "div_id_channel" && chosenChannel() === "in_person") { field = reason; }
  (field || errorBlock).scrollIntoView({ block: "center" });
  if (field) { field.focus({ preventScroll: true }); }
})();
