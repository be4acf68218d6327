/* django-import-export's "Select all" on the export page, wired here instead of by the inline onchange that the
   portal's CSP refuses (templates/admin/import_export/export.html). onSelectToggleChange is the library's own, from
   export_selectable_fields.js, which the page loads before this file. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle").forEach(function (toggle) {
    toggle.addEventListener("change", onSelectToggleChange);
  });
});
