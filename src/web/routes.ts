import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import type http from "node:http";
import { join } from "node:path";
import { serveClaimCheck } from "./check/serve-claim-check.js";
import type { WebDeps } from "./deps.js";
import { renderExplorerNotBuilt, renderExplorerPage } from "./explorer-page.js";
import { renderFactCard } from "./fact-card/fact-card.page.js";
import { FactCardQueryError, loadFactCard } from "./fact-card/load-fact-card.js";
import { RenderedCards } from "./fact-card/rendered-cards.js";
import { ASSET_PREFIX, WEB_DIST_DIR, type WebManifest, readManifest } from "./manifest.js";
import { notFoundPage, serveFactsList, serveMetricPage, serveMetricsList } from "./page-routes.js";
import { pageEtag, sendPage } from "./respond.js";
import { requestOrigin } from "./sharing.js";
import { StaticAssets } from "./static-assets.js";

export type { WebDeps } from "./deps.js";

/** The browser-facing pages served beside the API (explorer, fact cards, static assets). */
export interface WebRoutes {
  /**
   * Serves the request when it is for a web page or asset and returns true; returns false
   * (without touching the response) for anything else, which the API then handles.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

/** Statistic slugs are short lower-case keys; anything else cannot name one. */
const SLUG = /^[a-z0-9][a-z0-9._-]{0,199}$/;

/**
 * Creates the web routes (GET and HEAD only; the server sends nothing else here):
 *
 * - `/` and `/graphql` asked for by a browser (Accept: text/html, no `query` or
 *   `extensions` parameter, i.e. not an operation sent over GET):
 *   the explorer, GraphiQL bundled into dist/web by `npm run build:web`.
 * - `/facts/:slug` (`?embed=1` for an iframe): the fact card of a statistic, rendered on the
 *   server from the public API once and kept (RenderedCards); an unknown slug gets a 404 page with a search box.
 * - `/facts`: the figures list (search, filters by metric and source, pages); `/metrics`: the
 *   metrics with their numbers of figures and conflicts; `/metrics/:slug` (`?embed=1`): a
 *   metric's figures on charts and in tables (page-routes.ts).
 * - `/assets/<name>`: the built, content-hashed files, cached for a year.
 * - `/check?text=…&publishedAt=…&language=…`: the claim checker (a form that needs no script).
 *
 * Everything else returns false. Until the assets are built, the explorer's paths answer a
 * short page saying so, and the other pages are served without their stylesheet. The
 * manifest is re-read when `build:web` replaces it.
 */
export function createWebRoutes(deps: WebDeps): WebRoutes {
  const assets = new StaticAssets(join(WEB_DIST_DIR, "assets"));
  const manifestFile = join(WEB_DIST_DIR, "manifest.json");
  let manifest: WebManifest | null = null;
  let manifestStamp = "";
  const cards = new RenderedCards(CARD_CACHE_BYTES);

  /** The current build's manifest (re-read when the file changed), or null when not built. */
  const currentManifest = (): WebManifest | null => {
    let stamp = "";
    try {
      const st = statSync(manifestFile);
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      stamp = "missing";
    }
    if (stamp !== manifestStamp) {
      manifestStamp = stamp;
      manifest = stamp === "missing" ? null : readManifest(WEB_DIST_DIR);
      if (manifest) assets.add(manifest);
    }
    return manifest;
  };

  return {
    async handle(req, res, url) {
      const path = url.pathname;
      if (path.startsWith(ASSET_PREFIX)) {
        // Files once listed stay servable, so the manifest is looked at only for a name not known yet.
        const name = path.slice(ASSET_PREFIX.length);
        if (assets.serve(req, res, name)) return true;
        currentManifest();
        if (assets.serve(req, res, name)) return true;
        sendPage(req, res, notFoundPage("No such file", "This file is not part of the current build.", null), { status: 404, csp: { page: "document", embeddable: false } });
        return true;
      }
      if (isExplorerRequest(req, url)) {
        const m = currentManifest();
        if (!m) {
          sendPage(req, res, renderExplorerNotBuilt(), { status: 200, csp: { page: "document", embeddable: false }, cacheControl: "no-store" });
          return true;
        }
        const nonce = randomBytes(18).toString("base64");
        sendPage(req, res, renderExplorerPage(m, nonce), { status: 200, csp: { page: "explorer", styleNonce: nonce }, cacheControl: "no-store" });
        return true;
      }
      if (path === "/check") {
        await serveClaimCheck(req, res, url, deps, currentManifest());
        return true;
      }
      if (path === "/facts" || path === "/facts/") {
        await serveFactsList(req, res, url, deps, currentManifest());
        return true;
      }
      if (path === "/metrics" || path === "/metrics/") {
        await serveMetricsList(req, res, deps, currentManifest());
        return true;
      }
      if (path.startsWith("/metrics/")) {
        await serveMetricPage(req, res, url, deps, currentManifest());
        return true;
      }
      if (path.startsWith("/facts/")) {
        const m = currentManifest();
        await serveFactCard(req, res, url, deps, m, cards, manifestStamp);
        return true;
      }
      return false;
    },
  };
}

/** Bytes of rendered fact cards kept (about 30 KB each: some 500 cards). */
const CARD_CACHE_BYTES = 16 * 1024 * 1024;

async function serveFactCard(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: WebDeps,
  manifest: WebManifest | null,
  cards: RenderedCards,
  manifestStamp: string,
): Promise<void> {
  const embed = ["1", "true", "yes"].includes(url.searchParams.get("embed") ?? "");
  const csp = { page: "document", embeddable: embed } as const;
  let slug: string;
  try {
    slug = decodeURIComponent(url.pathname.slice("/facts/".length));
  } catch {
    slug = "";
  }
  // A card drawn before is sent (or answered 304) as it was: nothing is queried or rendered.
  // The page names its own address (sharing tags), so the origin it was asked at is part of the key.
  const origin = requestOrigin(req);
  const key = `${embed ? "embed" : "page"}\0${manifestStamp}\0${origin ?? ""}\0${slug}`;
  const kept = cards.get(key);
  if (kept) return sendPage(req, res, kept.page, { status: 200, csp, etag: kept.etag });
  const card = SLUG.test(slug) ? await loadCard(deps, slug) : null;
  if (card instanceof FactCardQueryError) {
    console.error(JSON.stringify({ level: "error", msg: "fact card query failed", slug, errors: card.messages }));
    const page = notFoundPage("The fact card could not be drawn", "The API could not answer the card’s query. Please try again later.", manifest, embed);
    sendPage(req, res, page, { status: 503, csp, cacheControl: "no-store" });
    return;
  }
  if (!card) {
    const page = notFoundPage("No such figure", `No statistic has the slug “${slug}”. Search the figures instead:`, manifest, embed);
    sendPage(req, res, page, { status: 404, csp: { ...csp, forms: true } });
    return;
  }
  const page = renderFactCard(card, { embed, manifest, origin });
  const etag = pageEtag(page);
  cards.set(key, { page, etag });
  sendPage(req, res, page, { status: 200, csp, etag });
}

async function loadCard(deps: WebDeps, slug: string) {
  try {
    return await loadFactCard(deps.execute, slug);
  } catch (e) {
    if (e instanceof FactCardQueryError) return e;
    throw e;
  }
}

/**
 * A GET or HEAD for the explorer: `/`, or `/graphql` from a browser (an HTML Accept) without an
 * operation (a query, or a persisted query's hash in `extensions`, which is for the API).
 */
function isExplorerRequest(req: http.IncomingMessage, url: URL): boolean {
  if (url.pathname === "/") return true;
  return url.pathname === "/graphql" && !url.searchParams.has("query") && !url.searchParams.has("extensions") && /text\/html/i.test(req.headers.accept ?? "");
}
