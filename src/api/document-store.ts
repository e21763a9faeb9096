import type { DocumentStore } from "@apollo/server";
import type { DocumentNode, Token } from "graphql";
import type { BoundedCache } from "../cache/bounded-cache.js";
import { createCache } from "../cache/caches.js";

/** Bytes a parsed document is estimated to hold per lexical token (its AST node and token objects). */
const BYTES_PER_TOKEN = 240;

/**
 * The memory a parsed document keeps alive: the query text it was parsed from (kept whole by
 * its location, comments included; two bytes a character at worst) and its tokens and AST
 * nodes. Apollo's own estimate, the length of `JSON.stringify(document)`, leaves out the text
 * (a location serializes to its offsets only), so documents padded with a long comment
 * weighed a few hundred bytes each and thousands of them were kept (220 MB for 1,500).
 */
export function documentBytes(document: DocumentNode): number {
  const loc = document.loc;
  if (!loc) return BYTES_PER_TOKEN * document.definitions.length;
  let tokens = 0;
  for (let t: Token | null = loc.startToken; t !== null; t = t.next) tokens++;
  return 2 * loc.source.body.length + BYTES_PER_TOKEN * tokens;
}

/**
 * Apollo's store of parsed and validated documents (keyed by the query's SHA-256), bounded by
 * the bytes its documents hold (documentBytes) as well as by their number; the least recently
 * used go first (the cache `documents` of src/cache/caches.ts); one document may take at most
 * an eighth of the bytes, so that it cannot push out most of the others. Replaces Apollo's
 * default store, whose size estimate missed the query text.
 */
export class DocumentCache implements DocumentStore {
  private readonly entries: BoundedCache<string, { document: DocumentNode; bytes: number }>;

  constructor(
    readonly maxBytes: number,
    readonly maxEntries = 10_000,
  ) {
    this.entries = createCache("documents", { maxEntries, maxBytes, sizeOf: (_key, entry) => entry.bytes, maxEntryBytes: maxBytes / 8 });
  }

  /** Documents kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** The keys kept, least recently used first (Apollo prefixes the query's SHA-256 with the schema's hash). */
  keys(): string[] {
    return this.entries.keys();
  }

  /** Estimated bytes kept now. */
  get sizeBytes(): number {
    return this.entries.bytes;
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.entries.get(key)?.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    this.entries.set(key, { document, bytes: documentBytes(document) });
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
