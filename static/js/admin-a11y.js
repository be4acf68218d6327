/* Accessibility repairs for Django's admin, found by axe in the browser journeys (tests/e2e).
   - Tabular inlines and editable change lists label their fields only visually, by the column header:
     name each field after it.
   - Select2 (the autocomplete widget) names its box by the current value only, leaves the search box
     of a multiple choice unlabelled and puts its "remove all" cross straight inside a <ul>.
   - A row's history table scrolls sideways in its box on a phone (admin.css): the box takes the keyboard's focus,
     named by the page's heading, as the portal's own scrolling tables do.
   Runs again whenever the page changes, since Select2 redraws and inlines add rows. */
"use strict";
(function () {
  let nextId = 0;

  function idOf(element) {
    if (!element.id) {
      nextId += 1;
      element.id = "a11y-label-" + nextId;
    }
    return element.id;
  }

  function columnHeader(cell) {
    const table = cell.closest("table");
    const headers = table && table.tHead ? table.tHead.rows[0].cells : [];
    const header = headers[cell.cellIndex];
    return header && header.textContent.trim() ? header : null;
  }

  function labelFor(control) {
    const label = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
    if (label) return label;
    const cell = control.closest(".tabular td");
    return cell ? columnHeader(cell) : null;
  }

  function labelTabularFields() {
    const fields = [".tabular td", "#result_list td"].flatMap(function (cell) {
      return [cell + " input:not([type=hidden])", cell + " select", cell + " textarea"];
    });
    document.querySelectorAll(fields.join(", ")).forEach(function (control) {
      if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby")) return;
      if (control.id && document.querySelector('label[for="' + control.id + '"]')) return;
      const header = columnHeader(control.closest("td"));
      if (header) control.setAttribute("aria-labelledby", idOf(header));
    });
  }

  function repairSelect2() {
    document.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      const label = select && select.tagName === "SELECT" ? labelFor(select) : null;
      if (!label) return;
      const labelId = idOf(label);
      const box = container.querySelector(".select2-selection");
      const shown = container.querySelector(".select2-selection__rendered[id]");
      if (box && shown) {
        box.setAttribute("aria-labelledby", labelId + " " + shown.id);
        shown.setAttribute("aria-labelledby", labelId);
      }
      const search = container.querySelector(".select2-search__field");
      if (search) search.setAttribute("aria-labelledby", labelId);
      container.querySelectorAll("ul > .select2-selection__clear").forEach(function (clear) {
        const item = document.createElement("li");
        clear.replaceWith(item);
        item.appendChild(clear);
      });
    });
  }

  function focusableHistory() {
    const heading = document.querySelector("#content h1");
    document.querySelectorAll("div#change-history, .module:has(> table#change-history)").forEach(function (box) {
      if (box.hasAttribute("tabindex")) return;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (heading) box.setAttribute("aria-labelledby", idOf(heading));
    });
  }

  function repair() {
    labelTabularFields();
    repairSelect2();
    focusableHistory();
  }

  document.addEventListener("DOMContentLoaded", function () {
    repair();
    new MutationObserver(repair).observe(document.body, { childList: true, subtree: true });
  });
})();
