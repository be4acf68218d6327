/* Making an unrecognised term known (templates/admin/skills/unrecognisedterm/adopt.html): a select shows its choice on
   one line, cut off on a phone ("Debuggen op looptijd, clusterbelasting e"). Under a choice made, its whole name and,
   for a checklist item, its skill, so the editor reads what the term will become; a tool or a category whose name the
   select shows whole is not said twice. */
"use strict";
(function () {
  const ruler = document.createElement("canvas").getContext("2d");
  const ROOM_BESIDE_TEXT = 40;  // the select's padding and its arrow

  function cutOff(select, text) {
    ruler.font = getComputedStyle(select).font;
    return ruler.measureText(text).width > select.clientWidth - ROOM_BESIDE_TEXT;
  }

  function show(select) {
    const line = select.closest(".form-row").querySelector(".adopt-chosen");
    const option = select.selectedOptions[0];
    if (!line) return;
    const group = option && option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : "";
    if (!option || !option.value || !(group || cutOff(select, option.textContent))) {
      line.hidden = true;
      line.textContent = "";
      return;
    }
    line.textContent = group ? option.textContent + " (" + group + ")" : option.textContent;
    line.hidden = false;
  }

  document.querySelectorAll(".adopt-choice select").forEach(function (select) {
    show(select);  // a choice the browser kept, or the one a refused form shows again
    select.addEventListener("change", function () { show(select); });
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".adopt-choice select").forEach(show);
  });
})();
