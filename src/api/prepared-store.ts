import type { DocumentNode } from "graphql";
import type { BoundedCache } from "../cache/bounded-cache.js";
import { createCache } from "../cache/caches.js";
import { documentBytes } from "./document-store.js";

/** What is kept of one query text: its parsed document, and its operations by the name requested. */
export interface PreparedText<T> {
  readonly document: DocumentNode;
  /** Keyed by the operation name as sent: undefined (none) and "" (empty) are different requests. */
  readonly operations: Map<string | undefined, T>;
}

/** A query text's kept document and operations, with the bytes its document holds. */
type Kept<T> = PreparedText<T> & { readonly bytes: number };

/**
 * The query texts of prepared operations, by their SHA-256 (hex): the catalog's cache
 * `preparedOperations`, least recently used out, bounded both by their number and by the memory
 * their documents hold (document-store.ts's estimate: the text and its tokens), so that a stream
 * of distinct large documents keeps at most `maxBytes` alive here; a document over an eighth of
 * it is not kept at all.
 */
export class PreparedStore<T> {
  private readonly texts: BoundedCache<string, Kept<T>>;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {
    this.texts = createCache<string, Kept<T>>("preparedOperations", { maxEntries, maxBytes, sizeOf: (_hash, kept) => kept.bytes, maxEntryBytes: maxBytes / 8 });
  }

  /** Query texts kept now. */
  get size(): number {
    return this.texts.size;
  }

  /** Estimated bytes of the documents kept now. */
  get sizeBytes(): number {
    return this.texts.bytes;
  }

  /** What is kept of the query text of this hash, made the most recently used. */
  get(queryHash: string): PreparedText<T> | undefined {
    return this.texts.get(queryHash);
  }

  /** What is kept of the query text of this hash, created for `document` when absent; undefined when the document is too large to keep. */
  getOrAdd(queryHash: string, document: DocumentNode): PreparedText<T> | undefined {
    const known = this.texts.get(queryHash);
    if (known !== undefined) return known;
    const added: Kept<T> = { document, operations: new Map<string | undefined, T>(), bytes: documentBytes(document) };
    this.texts.set(queryHash, added);
    return this.texts.peek(queryHash);
  }
}
