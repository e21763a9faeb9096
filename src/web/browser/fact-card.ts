/// <reference lib="dom" />
/**
 * The fact card's only script, and an optional one: it turns each "Copy" button on (they
 * are hidden until then, since without script they could do nothing) and, in embed mode,
 * tells the embedding page how tall the card is. The card reads fully without it.
 */
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
