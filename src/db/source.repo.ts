import { selectByKeys } from "./batch.js";
import { ENTITY_COLUMNS, type EntityRow } from "./entity.repo.js";
import type { KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** A document that was read, without its archived text (see `archives`). */
export interface SourceRow {
  readonly id: number;
  readonly slug: string;
  readonly title: string | null;
  readonly titleIsDescriptive: 0 | 1;
  readonly url: string;
  readonly urlStatus: string;
  readonly publisherId: number | null;
  readonly publisherAsNamed: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly published: string | null;
  readonly language: string;
  readonly kind: string;
  readonly coverage: "FULL" | "EXCERPT" | "NONE";
  readonly sha256: string | null;
  /** Length of the archived text in code points. */
  readonly length: number | null;
  readonly retrievedAt: string | null;
  readonly note: string | null;
}

/** The archived text of a source as stored, with the digest recorded at build time. */
export interface ArchiveRow {
  readonly sourceId: number;
  readonly text: string;
  readonly sha256: string;
}

/** An author of a source (the entity itself), in byline order. */
export type SourceAuthorRow = EntityRow & { readonly sourceId: number; readonly position: number };

/** Conditions on a list of sources. */
export interface SourceCriteria {
  readonly publisherId?: number | undefined;
  readonly kind?: string | undefined;
}

const COLUMNS = `src.id, src.slug, src.title, src.title_is_descriptive AS titleIsDescriptive, src.url, src.url_status AS urlStatus,
  src.publisher_id AS publisherId, src.publisher_as_named AS publisherAsNamed, src.published_on AS published, src.language, src.kind,
  src.coverage, src.sha256, src.length, src.retrieved_at AS retrievedAt, src.note`;

const BY_SLUG: KeysetOrder = { key: "src.slug", id: "src.id", nullable: false, descending: false };

/** Reads sources, their authors and their archived texts. */
export class SourceRepository {
  constructor(private readonly run: Statements) {}

  /** Sources by row id, in any order. */
  byIds(ids: readonly number[]): SourceRow[] {
    return this.run.byKeys("sources.byIds", (list) => `SELECT ${COLUMNS} FROM source src WHERE src.id IN (${list})`, ids);
  }

  /** Sources by slug, in any order. */
  bySlugs(slugs: readonly string[]): SourceRow[] {
    return this.run.byKeys("sources.bySlugs", (list) => `SELECT ${COLUMNS} FROM source src WHERE src.slug IN (${list})`, slugs);
  }

  /** Sources by URL exactly as stored, in any order. */
  byUrls(urls: readonly string[]): SourceRow[] {
    return this.run.byKeys("sources.byUrls", (list) => `SELECT ${COLUMNS} FROM source src WHERE src.url IN (${list})`, urls);
  }

  /** Authors of the given sources, joined to their entities, in byline order. */
  authors(sourceIds: readonly number[]): SourceAuthorRow[] {
    return this.run.byKeys(
      "sources.authors",
      (list) =>
        `SELECT sa.source_id AS sourceId, sa.position, ${ENTITY_COLUMNS} FROM source_author sa JOIN entity e ON e.id = sa.entity_id WHERE sa.source_id IN (${list}) ORDER BY sa.source_id, sa.position`,
      sourceIds,
    );
  }

  /**
   * Archived texts of the given sources (sources without one are left out). Not kept by the row
   * cache: the archive texts have a cache of their own (ArchiveStore).
   */
  archives(sourceIds: readonly number[]): ArchiveRow[] {
    return selectByKeys(this.run, (list) => `SELECT id AS sourceId, archive_text AS text, sha256 FROM source WHERE id IN (${list}) AND archive_text IS NOT NULL`, sourceIds);
  }

  /** A page of sources in slug order. */
  page(criteria: SourceCriteria, window: PageWindow): Page<SourceRow> {
    return readPage(this.run, listQuery(criteria), BY_SLUG, window);
  }

  /** How many sources meet the criteria. */
  count(criteria: SourceCriteria): number {
    return countRows(this.run, listQuery(criteria));
  }
}

function listQuery(c: SourceCriteria) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (c.publisherId !== undefined) {
    where.push("src.publisher_id = ?");
    params.push(c.publisherId);
  }
  if (c.kind !== undefined) {
    where.push("src.kind = ?");
    params.push(c.kind);
  }
  return { select: COLUMNS, from: "source src", where, params };
}
