import type { BoundedCache } from "../../cache/bounded-cache.js";
import { createCache } from "../../cache/caches.js";
import type { SafeHtml } from "../html.js";

/** One rendered fact card: the page and its ETag. */
export interface RenderedCard {
  readonly page: SafeHtml;
  readonly etag: string;
}

/**
 * Rendered fact cards, kept while the server runs: the database is immutable while served,
 * so a card depends only on its slug, whether it is embedded, and the web build whose assets
 * it links (part of the key); one server serves one data version. A card costs about 20 ms
 * of CPU to draw (three operations and the page), so without this a card was drawn on every
 * request, a 304 included. Bounded by the bytes of the pages kept (least recently used out):
 * the cache `renderedCards` of src/cache/caches.ts.
 */
export class RenderedCards {
  private readonly entries: BoundedCache<string, RenderedCard>;

  constructor(readonly maxBytes: number) {
    // Bounded by bytes alone: a card's key is short, so entries are bounded by the bytes too.
    this.entries = createCache("renderedCards", { maxEntries: Number.MAX_SAFE_INTEGER, maxBytes, sizeOf: cardBytes, maxEntryBytes: maxBytes / 8 });
  }

  /** The card kept under `key`, made the most recently used. */
  get(key: string): RenderedCard | undefined {
    return this.entries.get(key);
  }

  /** Keeps a rendered card (pages over an eighth of the bound are not kept). */
  set(key: string, card: RenderedCard): void {
    this.entries.set(key, card);
  }
}

/** The memory a kept card holds: its page (two bytes a character) and its key. */
function cardBytes(key: string, card: RenderedCard): number {
  return card.page.value.length * 2 + key.length;
}
