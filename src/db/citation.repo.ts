import type { KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** One source stating one statistic, with the quote's selectors and the attribution as stated. */
export interface CitationRow {
  readonly id: number;
  /** `<source-slug>.<key>`. */
  readonly slug: string;
  readonly statisticId: number;
  readonly sourceId: number;
  readonly key: string;
  /** Order of this citation among the statistic's citations. */
  readonly position: number;
  readonly quoteExact: string | null;
  readonly quotePrefix: string | null;
  readonly quoteSuffix: string | null;
  /** Code-point offset of the quote's first character in the archived text. */
  readonly quoteStart: number | null;
  /** Code-point offset just past the quote's last character. */
  readonly quoteEnd: number | null;
  readonly valueAsWritten: string | null;
  readonly periodAsWritten: string | null;
  readonly periodInferred: 0 | 1;
  readonly attributionAsWritten: string | null;
  readonly attributedReportId: number | null;
  readonly attributedEntityId: number | null;
  readonly attributionInferred: 0 | 1;
  readonly attributionNote: string | null;
  /** The report whose figure the credited producer is known to have copied (a known echo), or null. */
  readonly echoOfReportId: number | null;
  /** The entity whose figure the credited producer is known to have copied (a known echo), or null. */
  readonly echoOfEntityId: number | null;
  /** The editors' doubt about the attribution, or null. */
  readonly attributionDoubt: string | null;
  /** Whether the quote verified when the database was built. */
  readonly verifiedAtBuild: 0 | 1;
  readonly verificationNote: string;
  readonly note: string | null;
}

/** One intermediary between a citing source and the producer it credits: a report or an entity. */
export interface CitationViaRow {
  readonly citationId: number;
  /** Order from the citing source toward the producer, from 0. */
  readonly position: number;
  readonly reportId: number | null;
  readonly entityId: number | null;
}

const COLUMNS = `c.id, c.slug, c.statistic_id AS statisticId, c.source_id AS sourceId, c.key, c.position,
  c.quote_exact AS quoteExact, c.quote_prefix AS quotePrefix, c.quote_suffix AS quoteSuffix, c.quote_start AS quoteStart, c.quote_end AS quoteEnd,
  c.value_as_written AS valueAsWritten, c.period_as_written AS periodAsWritten, c.period_inferred AS periodInferred,
  c.attribution_as_written AS attributionAsWritten, c.attributed_report_id AS attributedReportId, c.attributed_entity_id AS attributedEntityId,
  c.attribution_inferred AS attributionInferred, c.attribution_note AS attributionNote,
  c.echo_of_report_id AS echoOfReportId, c.echo_of_entity_id AS echoOfEntityId, c.attribution_doubt AS attributionDoubt, c.verified AS verifiedAtBuild,
  c.verification_note AS verificationNote, c.note`;

/** Reading order: by the quote's position in the archived text; citations without a quote last, by id. */
const READING_ORDER: KeysetOrder = { key: "c.quote_start", id: "c.id", nullable: true, descending: false };

/** Reads citations. */
export class CitationRepository {
  constructor(private readonly run: Statements) {}

  /** Citations by slug (`<source-slug>.<key>`), in any order. */
  bySlugs(slugs: readonly string[]): CitationRow[] {
    return this.run.byKeys("citations.bySlugs", (list) => `SELECT ${COLUMNS} FROM citation c WHERE c.slug IN (${list})`, slugs);
  }

  /** The citations of the given statistics, each statistic's in their recorded order. */
  byStatistics(statisticIds: readonly number[]): CitationRow[] {
    return this.run.byKeys("citations.byStatistics", (list) => `SELECT ${COLUMNS} FROM citation c WHERE c.statistic_id IN (${list}) ORDER BY c.statistic_id, c.position, c.id`, statisticIds);
  }

  /** The intermediaries of the given citations' attributions, each citation's in order from its source toward the producer. */
  via(citationIds: readonly number[]): CitationViaRow[] {
    return this.run.byKeys(
      "citations.via",
      (list) => `SELECT citation_id AS citationId, position, report_id AS reportId, entity_id AS entityId FROM citation_via WHERE citation_id IN (${list}) ORDER BY citation_id, position`,
      citationIds,
    );
  }

  /** A page of one source's citations in reading order (quote position; unquoted ones last, by id). */
  pageBySource(sourceId: number, window: PageWindow): Page<CitationRow> {
    return readPage(this.run, bySource(sourceId), READING_ORDER, window);
  }

  /** How many citations a source has. */
  countBySource(sourceId: number): number {
    return this.run.cached("citations.countBySource", [sourceId], () => countRows(this.run, bySource(sourceId)));
  }
}

function bySource(sourceId: number) {
  return { select: COLUMNS, from: "citation c", where: ["c.source_id = ?"], params: [sourceId] };
}
