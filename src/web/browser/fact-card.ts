/// <reference lib="dom" />
/**
 * The pages' only script, and an optional one: it turns each "Copy" button on (they are
 * hidden until then, since without script they could do nothing), opens a folded section
 * when the address names it (`/facts/<slug>#cite`) and, in embed mode, tells the embedding
 * page how tall the page is. Every page reads fully without it.
 */

/** Opens the folded parts of the element the address's fragment names, and the folds around it. */
function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  for (const d of target.querySelectorAll<HTMLDetailsElement>(":scope > details")) d.open = true;
  if (target instanceof HTMLDetailsElement) target.open = true;
  for (let el = target.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  target.scrollIntoView();
}
openTarget();
window.addEventListener("hashchange", openTarget);

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
  const target = document.getElementById(button.dataset.copy ?? "");
  const status = button.parentElement?.querySelector<HTMLElement>("[role=status]");
  if (!target) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = (target.textContent ?? "").trim();
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = "Copied.";
    } catch {
      // No clipboard access (e.g. an insecure origin): select the text so the reader can copy it.
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      if (status) status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });
}

if (document.documentElement.dataset.embed === "true" && window.parent !== window) {
  const report = () => window.parent.postMessage({ type: "livestream-facts:fact-card-height", height: document.documentElement.scrollHeight }, "*");
  new ResizeObserver(report).observe(document.body);
}

export {};
