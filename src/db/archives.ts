import { createHash } from "node:crypto";
import { ArchiveText } from "../facts/anchor.js";
import type { BoundedCache } from "../cache/bounded-cache.js";
import type { SourceRepository } from "./source.repo.js";

/** A source's archived text as served, with its stored digest and the digest of the text now. */
export interface Archive {
  readonly sourceId: number;
  /** The text, indexed by code point. */
  readonly text: ArchiveText;
  /** SHA-256 recorded when the database was built. */
  readonly storedSha256: string;
  /** SHA-256 of the text as read from the database now. */
  readonly actualSha256: string;
}

/**
 * Archived texts as one request reads them. The database is opened read-only and never
 * changes while served, so each text is read and hashed once, then kept in the knowledge
 * base's cache `archiveTexts` (src/cache/caches.ts; least recently used first out), shared by
 * every request, so verification and `Source.text` do not re-hash per request.
 */
export class ArchiveStore {
  constructor(
    /** The request's sources, which read the texts not kept. */
    private readonly sources: SourceRepository,
    /** The texts kept across requests. */
    private readonly cache: BoundedCache<number, Archive>,
  ) {}

  /** The archives of the given sources (null for a source without archived text); one statement for all that are not cached. */
  load(sourceIds: readonly number[]): Map<number, Archive | null> {
    const out = new Map<number, Archive | null>();
    const missing: number[] = [];
    for (const id of sourceIds) {
      const hit = this.cache.get(id);
      if (hit) {
        out.set(id, hit);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      for (const id of missing) out.set(id, null);
      for (const row of this.sources.archives(missing)) {
        const archive: Archive = {
          sourceId: row.sourceId,
          text: new ArchiveText(row.text),
          storedSha256: row.sha256,
          actualSha256: createHash("sha256").update(row.text, "utf8").digest("hex"),
        };
        out.set(row.sourceId, archive);
        this.cache.set(row.sourceId, archive);
      }
    }
    return out;
  }
}
