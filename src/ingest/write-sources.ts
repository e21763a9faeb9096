import type Database from "better-sqlite3";
import type { Model } from "./model.js";
import type { SearchWriter } from "./search-writer.js";
import { type RowIds, bool, idOf } from "./write-ids.js";

/** What the rows of statistics and citations need to know of each source, by slug. */
export interface SourceFacts {
  /** The publication date, or null. */
  readonly published: ReadonlyMap<string, string | null>;
  /** The archived text's SHA-256, or null when there is none. */
  readonly sha256: ReadonlyMap<string, string | null>;
}

/**
 * Inserts the source documents and their authors, each with its row of the full-text index
 * (title, who published or wrote it, the note and the archived text).
 */
export function insertSources(db: Database.Database, m: Model, ids: RowIds, entityName: ReadonlyMap<string, string>, search: SearchWriter): SourceFacts {
  const insSource = db.prepare(
    `INSERT INTO source(id, slug, title, title_is_descriptive, url, url_status, publisher_id, publisher_as_named, published_on, language, kind,
       coverage, archive_text, sha256, length, retrieved_at, note, file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insSourceAuthor = db.prepare("INSERT INTO source_author(source_id, entity_id, position) VALUES (?,?,?)");
  const published = new Map<string, string | null>();
  const sha256 = new Map<string, string | null>();
  for (const s of m.sources) {
    const sid = ids.source.get(s.slug)!;
    insSource.run(sid, s.slug, s.title, bool(s.titleIsDescriptive), s.url, s.urlStatus, idOf(ids.entity, s.publisher), s.publisherAsNamed, s.published, s.language, s.kind,
      s.coverage, s.archiveText, s.sha256, s.length, s.retrieved, s.note, s.file);
    s.authors.forEach((a, i) => insSourceAuthor.run(sid, ids.entity.get(a)!, i));
    published.set(s.slug, s.published);
    sha256.set(s.slug, s.sha256);
    const by = [s.publisher && entityName.get(s.publisher), s.publisherAsNamed, ...s.authors.map((a) => entityName.get(a))].filter(Boolean).join(" ");
    search.add("SOURCE", sid, s.title ?? s.slug, [by, s.note, s.archiveText].filter(Boolean).join("\n"));
  }
  return { published, sha256 };
}
