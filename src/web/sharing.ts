import type http from "node:http";
import { type SafeHtml, html, jsonForScript } from "./html.js";

/** What a shared link shows: title, description, and where the page lives. */
export interface ShareInfo {
  readonly title: string;
  readonly description: string;
  /** The page's path (without embed parameters). */
  readonly path: string;
  /** The site's origin as the request named it (`http://host:port`); null when it cannot be trusted. */
  readonly origin: string | null;
  /** Open Graph type: a fact card is an article, a list or chart page a website. */
  readonly type: "article" | "website";
}

/** The site's name in shared links. */
export const SITE_NAME = "livestream-facts";

/**
 * The Open Graph and Twitter card tags of a page, so that a link pasted into a chat or a post
 * shows the figure and its metric: og:title, og:description, og:type, og:site_name, og:url
 * (absolute, when the origin is known) and a `summary` Twitter card.
 */
export function shareTags(info: ShareInfo): SafeHtml {
  const url = info.origin ? `${info.origin}${info.path}` : null;
  return html`<meta property="og:title" content="${info.title}">
<meta property="og:description" content="${info.description}">
<meta property="og:type" content="${info.type}">
<meta property="og:site_name" content="${SITE_NAME}">
${url ? html`<meta property="og:url" content="${url}">` : ""}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${info.title}">
<meta name="twitter:description" content="${info.description}">`;
}

/** A JSON-LD block (schema.org) for the page's head; escaped so no string can close the element. */
export function jsonLd(data: unknown): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

/**
 * The origin a request was made to, from its Host header (and `X-Forwarded-Proto` from a
 * proxy): only a well-formed host name or address with an optional port is taken, so a
 * forged header cannot put markup or another scheme into the page.
 */
export function requestOrigin(req: http.IncomingMessage): string | null {
  const host = req.headers.host ?? "";
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return null;
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]!.trim().toLowerCase();
  return `${forwarded === "https" ? "https" : "http"}://${host}`;
}
