import { type SafeHtml, html, jsonForScript } from "./html.js";
import { renderPage } from "./layout.js";
import { ASSET_PREFIX, type WebManifest } from "./manifest.js";

/**
 * The explorer page: a slim header (title, links to the schema and to an example fact
 * card), then GraphiQL, mounted by the bundled script. The example operations travel in a
 * JSON data block (never executed, so the CSP needs no inline script). The script tag
 * carries the response's style nonce, which the bundle hands to the <style> elements the
 * editor creates. Without JavaScript the page says what the explorer needs and where the
 * API, the schema and the fact cards are.
 */
export function renderExplorerPage(manifest: WebManifest, styleNonce: string): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer · China live-streaming e-commerce facts (GraphQL API)</title>
<meta name="description" content="Try the GraphQL API of China's live-streaming e-commerce figures, each traced to the passage that states it.">
${manifest.entries.explorerStyles.map((f) => html`<link rel="stylesheet" href="${ASSET_PREFIX}${f}">`)}
<script type="application/json" id="lsf-examples">${jsonForScript(manifest.examples)}</script>
<script src="${ASSET_PREFIX}${manifest.entries.explorerScript}" nonce="${styleNonce}" defer></script>
</head>
<body>
<header class="lsf-bar">
<h1>China live-streaming e-commerce facts: GraphQL explorer</h1>
<nav aria-label="Site"><ul>
<li><a href="/schema.graphql">Schema (SDL)</a></li>
<li><a href="/facts/taobao-live-jobs-created-over-1-73m">Example fact card</a></li>
</ul></nav>
</header>
<main id="graphiql" aria-label="GraphiQL explorer">
<div class="lsf-fallback">
<p>Loading the explorer…</p>
<noscript><p>The explorer needs JavaScript. Without it, send queries to <code>POST /graphql</code> as JSON
(the schema is at <a href="/schema.graphql">/schema.graphql</a>), or read a figure’s fact card, for example
<a href="/facts/taobao-live-jobs-created-over-1-73m">more than 1.73 million jobs</a>.</p>
<p>Example operations, ready to paste:</p>
${manifest.examples.map((e) => html`<h2>${e.name}</h2><pre>${e.query}</pre>`)}</noscript>
</div>
</main>
</body>
</html>
`;
}

/**
 * What the explorer's address shows while its assets are not built (`npm run build:web`): a
 * short page that says so and where the API and the schema are; no script.
 */
export function renderExplorerNotBuilt(): SafeHtml {
  return renderPage({
    title: "GraphQL API · China live-streaming e-commerce facts",
    embed: false,
    manifest: null,
    main: html`<h1>GraphQL API</h1>
<p>The explorer is not built on this server (<code>npm run build:web</code> builds it). Send queries to
<code>POST /graphql</code> as JSON; the schema is at <a href="/schema.graphql">/schema.graphql</a>.</p>`,
  });
}
