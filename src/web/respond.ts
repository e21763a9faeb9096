import { createHash } from "node:crypto";
import type http from "node:http";
import { matchesEtag } from "../http/caching.js";
import { send } from "../http/send.js";
import type { SafeHtml } from "./html.js";

/** Which page a Content-Security-Policy is for. */
export type CspOptions =
  | { readonly page: "explorer"; readonly styleNonce: string }
  | { readonly page: "document"; readonly embeddable: boolean; readonly forms?: boolean };

/**
 * The Content-Security-Policy of our pages: everything from this server only, no inline
 * script anywhere. Server-rendered documents (fact cards, error pages) load one stylesheet
 * and one optional script and fetch nothing. The explorer also posts to /graphql and starts
 * Monaco's workers, and needs three allowances for its editor, none of which lets anything
 * be loaded from another origin:
 * - run-time <style> elements: allowed by a per-response nonce, never 'unsafe-inline';
 * - `style` attributes in the markup Monaco builds for every line (`style-src-attr
 *   'unsafe-inline'`): attributes hold no selectors, so they cannot read the page;
 * - `data:` images: Monaco draws its error squiggles from SVG data URLs.
 * Only an embeddable page may be framed by other sites. Pages with a form (the list of figures,
 * not-found pages, the claim checker) may submit it to this server (`forms`); others submit nothing.
 */
function contentSecurityPolicy(options: CspOptions): string {
  const forms = options.page === "document" && options.forms ? "form-action 'self'" : "form-action 'none'";
  const common = ["base-uri 'none'", "object-src 'none'", forms];
  if (options.page === "explorer") {
    return [
      "default-src 'self'",
      "script-src 'self'",
      `style-src 'self' 'nonce-${options.styleNonce}'`,
      `style-src-elem 'self' 'nonce-${options.styleNonce}'`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      ...common,
      "frame-ancestors 'none'",
    ].join("; ");
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    ...common,
    `frame-ancestors ${options.embeddable ? "*" : "'none'"}`,
  ].join("; ");
}

/** Headers every page and asset gets: no MIME sniffing, no referrer leaking to cited sites. */
export function setCommonHeaders(res: http.ServerResponse): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
}

/** What `sendPage` needs beyond the body. */
interface PageResponse {
  readonly status: number;
  readonly csp: CspOptions;
  /** Cache-Control value; pages are revalidated by default (their ETag makes that cheap). */
  readonly cacheControl?: string;
  /**
   * Compute an ETag from the body (true), or use the one given (computed with the page when it
   * was kept), and answer 304 to a matching If-None-Match.
   */
  readonly etag?: boolean | string;
}

/** The strong ETag of a page: a hash of its bytes. */
export function pageEtag(page: SafeHtml): string {
  return `"${createHash("sha256").update(page.value, "utf8").digest("base64url").slice(0, 27)}"`;
}

/**
 * Sends an HTML page (UTF-8) with its security headers; answers HEAD without a body and a
 * conditional GET with 304 when the page has not changed.
 */
export function sendPage(req: http.IncomingMessage, res: http.ServerResponse, body: SafeHtml, options: PageResponse): void {
  setCommonHeaders(res);
  res.setHeader("content-security-policy", contentSecurityPolicy(options.csp));
  res.setHeader("cache-control", options.cacheControl ?? "no-cache");
  if (options.etag && options.status === 200) {
    const etag = typeof options.etag === "string" ? options.etag : pageEtag(body);
    res.setHeader("etag", etag);
    if (matchesEtag(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  send(res, options.status, "text/html; charset=utf-8", body.value);
}

