// Progressive enhancement only: every page works without this file.

// A copy button (hidden until this runs) copies the text of the element named by its data-copy-from.
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button[data-copy-from]")) {
    const source = document.getElementById(button.dataset.copyFrom);
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        button.textContent = button.dataset.copied;
      } catch {
        window.getSelection().selectAllChildren(source);
      }
    });
  }
});

// A form marked data-warn-unsaved asks before the page is left while one of its fields marked
// data-unsaved-field holds text that is not saved (the checklist's evidence and notes), or while a level reached with
// the arrow keys waits to be saved (data-level-pending, below; a level clicked saves itself).
(function () {
  "use strict";

  function dirtyFields(form) {
    return Array.from(form.querySelectorAll("[data-unsaved-field]")).filter(function (field) {
      return field.value !== field.defaultValue || field.getAttribute("aria-invalid") === "true";
    });
  }

  var leavingBySubmit = false;
  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-warn-unsaved]")) {
      leavingBySubmit = true;
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (leavingBySubmit) {
      return;
    }
    var dirty = Array.from(document.querySelectorAll("form[data-warn-unsaved]")).some(function (form) {
      return dirtyFields(form).length > 0 || form.querySelector("[data-level-pending]") !== null;
    });
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A field saved by htmx is clean again: its sent value becomes its default, whatever was typed since stays dirty;
  // a field the server refused comes back marked aria-invalid and stays dirty.
  document.addEventListener("htmx:afterRequest", function (event) {
    var detail = event.detail;
    var form = detail.elt.closest ? detail.elt.closest("form[data-warn-unsaved]") : null;
    if (!form || !detail.successful || !detail.requestConfig) {
      return;
    }
    var sent = detail.requestConfig.formData || detail.requestConfig.parameters || {};
    var values = sent instanceof FormData ? Object.fromEntries(sent.entries()) : sent;
    form.querySelectorAll("[data-unsaved-field]").forEach(function (field) {
      if (Object.prototype.hasOwnProperty.call(values, field.name)) {
        field.defaultValue = values[field.name];
      }
    });
  });
})();

// A checklist level saves itself through htmx on its group's "level-chosen": at once when a level is clicked, tapped or
// checked with Space, but after the arrow keys only when the focus leaves the row's levels (or Space or Enter confirms
// one), since the arrow keys check every level they pass and each would be stored as a change the user never made.
(function () {
  "use strict";

  const GROUP = "fieldset.level-choice";
  const ARROWS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
  const browsing = new WeakSet(); // moved through with the arrow keys since the last choice
  // A level checked by the arrow keys and not saved yet is marked on its group, where leaving the page looks for it.
  const pending = {
    has: (group) => group.hasAttribute("data-level-pending"),
    add: (group) => group.setAttribute("data-level-pending", ""),
    delete: (group) => group.removeAttribute("data-level-pending"),
  };
  const clicked = new WeakSet(); // chosen by the click now being handled: its change sends nothing more

  function groupOf(event) {
    return event.target instanceof Element ? event.target.closest(GROUP) : null;
  }

  function choose(group) {
    pending.delete(group);
    group.dispatchEvent(new CustomEvent("level-chosen"));
  }

  document.addEventListener("keydown", (event) => {
    const group = groupOf(event);
    if (!group) return;
    if (ARROWS.includes(event.key)) {
      browsing.add(group);
    } else if (event.key === " " || event.key === "Enter") {
      browsing.delete(group);
      if (event.key === "Enter") event.preventDefault(); // it would press the form's first button: an item's mark
      if (pending.has(group)) choose(group);
    }
  });

  // A press on a level leads to its click, which saves it: the focus it takes from the radios saves nothing before.
  document.addEventListener("pointerdown", (event) => {
    const group = groupOf(event);
    if (!group) return;
    browsing.delete(group);
    pending.delete(group);
  });

  // A radio's click comes with the level already checked, also for a click on its label or the level that was checked.
  document.addEventListener("click", (event) => {
    const group = groupOf(event);
    if (!group || browsing.has(group) || !event.target.matches("input[type=radio]")) return;
    clicked.add(group);
    setTimeout(() => clicked.delete(group));
    choose(group);
  });

  document.addEventListener("change", (event) => {
    const group = groupOf(event);
    if (!group || clicked.has(group)) return;
    if (browsing.has(group)) {
      pending.add(group);
    } else {
      choose(group);
    }
  });

  // "Save all" and an item's "Save" (data-sends-levels: the form or the row whose levels their request carries) send
  // a pending level themselves. Pressing one takes the focus from the levels first; saving the level then as well
  // would send it twice. So the level waits for the press, and saves itself if the press comes to nothing.
  const handedOver = new Set();
  let pressing = null; // the button a pointer went down on: Safari gives a pressed button no focus

  function carrierOf(element) {
    return element instanceof Element ? element.closest("[data-sends-levels]") : null;
  }

  function carries(button, group) {
    const scope = button.closest(button.dataset.sendsLevels);
    return scope !== null && scope.contains(group);
  }

  function release() {
    for (const group of handedOver) {
      handedOver.delete(group);
      if (pending.has(group) && !group.contains(document.activeElement)) choose(group);
    }
  }

  document.addEventListener("pointerdown", (event) => {
    pressing = carrierOf(event.target);
  });

  document.addEventListener("pointerup", () => {
    pressing = null;
    setTimeout(release); // after the click this press may lead to
  });

  document.addEventListener("pointercancel", () => {
    pressing = null;
    release();
  });

  document.addEventListener("click", (event) => {
    const button = carrierOf(event.target);
    if (!button) return;
    for (const group of handedOver) {
      if (!carries(button, group)) continue;
      handedOver.delete(group);
      pending.delete(group); // this button's request carries it
    }
  });

  document.addEventListener("focusout", (event) => {
    if (carrierOf(event.target) && !pressing) release(); // focused, left unpressed
    const group = groupOf(event);
    if (!group || group.contains(event.relatedTarget)) return;
    browsing.delete(group);
    if (!pending.has(group)) return;
    const button = carrierOf(event.relatedTarget) || pressing;
    if (button && carries(button, group)) {
      handedOver.add(group);
    } else {
      choose(group);
    }
  });
})();

// A request htmx sends in the background (a level that saves itself, an answer, a progress poll) changes nothing on
// the page when it fails, while the choice made looks done: say it did not go through, whether the portal answered
// with an error or did not answer at all. The next request that works takes the notice away.
(function () {
  "use strict";

  function notice(shown) {
    var element = document.getElementById("request-failed");
    if (element) {
      element.hidden = !shown;
    }
  }

  document.addEventListener("htmx:responseError", function () {
    notice(true);
  });
  document.addEventListener("htmx:sendError", function () {
    notice(true);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) {
      notice(false);
    }
  });
})();

// The candidate filters: picking one of the recruiter's saved searches also ticks "One of your saved searches", so
// the search is what the list is ranked by (without this file the recruiter ticks it themselves).
document.addEventListener("change", (event) => {
  if (!event.target.matches("select[data-role-search-choice]")) return;
  const radio = event.target.form.querySelector("input[data-role-search]");
  if (radio && event.target.value) radio.checked = true;
});

// Escape closes the main menu opened on a phone and puts focus back on its toggle; an account menu open inside it
// closes first (Bootstrap's own Escape), so this listens in the capture phase, before Bootstrap's.
document.addEventListener(
  "keydown",
  (event) => {
    if (event.key !== "Escape" || !window.bootstrap) return;
    const menu = document.querySelector("#main-nav.show");
    if (!menu || menu.querySelector(".dropdown-menu.show")) return;
    window.bootstrap.Collapse.getOrCreateInstance(menu, { toggle: false }).hide();
    document.querySelector('[data-bs-target="#main-nav"]').focus();
  },
  true,
);

// htmx replaces the part of the page holding the pressed button ("Accept", "Learning now"), and the focus falls back
// to <body>: a keyboard or screen-reader user loses their place. Put it on the control that took the button's place:
// the one marked data-swap-focus in the new part, else the one at the same position, else the part itself. A form sent
// by its button whose answer refuses a field (aria-invalid) puts the focus on that field, to correct it.
(function () {
  "use strict";

  const CONTROLS = "button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])";
  let lost = null;

  document.addEventListener("htmx:beforeSwap", (event) => {
    const active = document.activeElement;
    const target = event.detail.target;
    lost = null;
    if (!active || !target || !target.id || !target.contains(active)) return;
    lost = {
      id: target.id,
      index: Array.from(target.querySelectorAll(CONTROLS)).indexOf(active),
      sent: active.matches("button:not([type='button'])"), // a form sent by its button, whose answer may refuse a field
    };
  });

  document.addEventListener("htmx:afterSettle", () => {
    const where = lost;
    lost = null;
    const active = document.activeElement;
    const place = where && document.getElementById(where.id);
    if (!place) return;
    const refused = where.sent && place.querySelector("[aria-invalid='true']");
    if (refused) {
      refused.focus(); // to correct it, even where the button that sent it kept the focus
      return;
    }
    if (active && active !== document.body && active.isConnected) return;
    const controls = Array.from(place.querySelectorAll(CONTROLS));
    const next = place.querySelector("[data-swap-focus]") || controls[where.index] || controls[0];
    if (next) {
      next.focus();
    } else {
      place.setAttribute("tabindex", "-1");
      place.focus();
    }
  });
})();
