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
