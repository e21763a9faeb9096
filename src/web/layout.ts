import { type SafeHtml, html } from "./html.js";
import { ASSET_PREFIX, type WebManifest } from "./manifest.js";

/** What a server-rendered page (fact card, metric, lists, not-found, error) puts around its content. */
export interface PageShell {
  readonly title: string;
  readonly description?: string;
  /** Path of the page without embed parameters, for `<link rel="canonical">`. */
  readonly canonical?: string;
  /** Embedded in another site's iframe: no site header, footer or skip link. */
  readonly embed: boolean;
  /** The built assets; without them the page is served unstyled, still complete. */
  readonly manifest: WebManifest | null;
  readonly main: SafeHtml;
  /** Footer lines (data version, links). */
  readonly footer?: SafeHtml;
  /** More of the head: sharing tags (Open Graph, Twitter), JSON-LD. */
  readonly head?: SafeHtml;
}

/**
 * The HTML document around a server-rendered page: language, viewport, the card's
 * stylesheet and optional script (from 'self' only), landmarks (banner, main,
 * contentinfo) and a skip link. Embedded pages drop the site chrome.
 */
export function renderPage(shell: PageShell): SafeHtml {
  const m = shell.manifest;
  return html`<!doctype html>
<html lang="en" data-embed="${shell.embed ? "true" : "false"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title}</title>
${shell.description ? html`<meta name="description" content="${shell.description}">` : ""}
${shell.canonical ? html`<link rel="canonical" href="${shell.canonical}">` : ""}
${shell.head ?? ""}
${m ? m.entries.factCardStyles.map((f) => html`<link rel="stylesheet" href="${ASSET_PREFIX}${f}">`) : ""}
${m ? html`<script src="${ASSET_PREFIX}${m.entries.factCardScript}" defer></script>` : ""}
</head>
<body>
${
  shell.embed
    ? ""
    : html`<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<nav aria-label="Site"><ul><li><a href="/">GraphQL explorer</a></li><li><a href="/facts">Figures</a></li><li><a href="/metrics">Metrics</a></li><li><a href="/schema.graphql">Schema (SDL)</a></li></ul></nav>
</header>`
}
<main id="main">
${shell.main}
</main>
${shell.embed || !shell.footer ? "" : html`<footer class="site-footer">${shell.footer}</footer>`}
</body>
</html>
`;
}
