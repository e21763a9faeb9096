import { createHash } from "node:crypto";
import type { SafeHtml } from "../html.js";

/** One rendered fact card: the page and its ETag. */
export interface RenderedCard {
  readonly page: SafeHtml;
  readonly etag: string;
}

/** The strong ETag of a page: a hash of its bytes. */
export function pageEtag(page: SafeHtml): string {
  return `"${createHash("sha256").update(page.value, "utf8").digest("base64url").slice(0, 27)}"`;
}

/**
 * Rendered fact cards, kept while the server runs: the database is immutable while served,
 * so a card depends only on its slug, whether it is embedded, and the web build whose assets
 * it links (part of the key); one server serves one data version. A card costs about 20 ms
 * of CPU to draw (three operations and the page), so without this a card was drawn on every
 * request, a 304 included. Bounded by the bytes of the pages kept (least recently used out).
 */
export class RenderedCards {
  private readonly entries = new Map<string, RenderedCard>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The card kept under `key`, made the most recently used. */
  get(key: string): RenderedCard | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps a rendered card (pages over an eighth of the bound are not kept). */
  set(key: string, card: RenderedCard): void {
    const size = card.page.value.length * 2 + key.length;
    if (size > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.page.value.length * 2 + key.length;
    }
    this.entries.set(key, card);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.page.value.length * 2 + k.length;
    }
  }
}
