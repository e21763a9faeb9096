import type http from "node:http";
import { html } from "./html.js";
import { renderPage } from "./layout.js";
import { renderFactsList } from "./lists/facts-list.page.js";
import { loadFactsList, readFactsListRequest } from "./lists/load-facts-list.js";
import { renderMetricsList } from "./lists/metrics-list.page.js";
import { searchForm } from "./lists/search-form.js";
import { loadMetricPage, loadMetricsList } from "./metric/load-metric.js";
import { renderMetricPage } from "./metric/metric.page.js";
import type { WebManifest } from "./manifest.js";
import { sendPage } from "./respond.js";
import type { WebDeps } from "./deps.js";
import { PageQueryError } from "./run-query.js";
import { requestOrigin } from "./sharing.js";

/** Metric slugs: lower-case words joined by hyphens. */
const METRIC_SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** Whether `?embed=1` (or true/yes) asks for the page without site chrome, for an iframe. */
export function wantsEmbed(url: URL): boolean {
  return ["1", "true", "yes"].includes(url.searchParams.get("embed") ?? "");
}

/**
 * A not-found page that offers a way on: a search box for figures and links to the lists
 * (a reader who followed a stale link should not be sent to a GraphQL explorer).
 */
export function notFoundPage(title: string, message: string, manifest: WebManifest | null, embed = false) {
  return renderPage({
    title: `${title} · livestream-facts`,
    embed,
    manifest,
    main: html`<h1>${title}</h1><p>${message}</p>
${searchForm({ q: "", metric: "", source: "" })}
<p>Or browse <a href="/facts">all figures</a> and <a href="/metrics">all metrics</a>; developers can use the <a href="/">GraphQL explorer</a>.</p>`,
  });
}

/** Answers a page whose API query failed: 503, never cached, the error logged. */
function unavailable(req: http.IncomingMessage, res: http.ServerResponse, e: PageQueryError, what: string, manifest: WebManifest | null, embed: boolean): void {
  console.error(JSON.stringify({ level: "error", msg: `${what} query failed`, errors: e.messages }));
  const page = notFoundPage("The page could not be drawn", "The API could not answer the page’s query. Please try again later.", manifest, embed);
  sendPage(req, res, page, { status: 503, csp: { page: "document", embeddable: embed, forms: true }, cacheControl: "no-store" });
}

/** GET /facts: the figures list with search, filters and pages. */
export async function serveFactsList(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: WebDeps, manifest: WebManifest | null): Promise<void> {
  try {
    const data = await loadFactsList(deps.execute, readFactsListRequest(url));
    const page = renderFactsList(data, { embed: false, manifest, origin: requestOrigin(req) });
    sendPage(req, res, page, { status: data.error ? 400 : 200, csp: { page: "document", embeddable: false, forms: true }, etag: true });
  } catch (e) {
    if (!(e instanceof PageQueryError)) throw e;
    unavailable(req, res, e, "figures list", manifest, false);
  }
}

/** GET /metrics: every metric with its number of figures and conflicts. */
export async function serveMetricsList(req: http.IncomingMessage, res: http.ServerResponse, deps: WebDeps, manifest: WebManifest | null): Promise<void> {
  try {
    const data = await loadMetricsList(deps.execute);
    sendPage(req, res, renderMetricsList(data, { embed: false, manifest, origin: requestOrigin(req) }), { status: 200, csp: { page: "document", embeddable: false }, etag: true });
  } catch (e) {
    if (!(e instanceof PageQueryError)) throw e;
    unavailable(req, res, e, "metrics list", manifest, false);
  }
}

/** GET /metrics/<slug> (`?embed=1` for an iframe): a metric's figures on charts and in tables. */
export async function serveMetricPage(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: WebDeps, manifest: WebManifest | null): Promise<void> {
  const embed = wantsEmbed(url);
  let slug = "";
  try {
    slug = decodeURIComponent(url.pathname.slice("/metrics/".length));
  } catch {
    // Not a metric slug: answered below as not found.
  }
  try {
    const data = METRIC_SLUG.test(slug) ? await loadMetricPage(deps.execute, slug) : null;
    if (!data) {
      const page = notFoundPage("No such metric", `No metric has the slug “${slug}”. Search the figures, or pick a metric from the list.`, manifest, embed);
      sendPage(req, res, page, { status: 404, csp: { page: "document", embeddable: embed, forms: true } });
      return;
    }
    sendPage(req, res, renderMetricPage(data, { embed, manifest, origin: requestOrigin(req) }), { status: 200, csp: { page: "document", embeddable: embed }, etag: true });
  } catch (e) {
    if (!(e instanceof PageQueryError)) throw e;
    unavailable(req, res, e, "metric page", manifest, embed);
  }
}
