import { selectByKeys } from "./batch.js";
import { ENTITY_COLUMNS, type EntityRow } from "./entity.repo.js";
import type { KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** A report, study, dataset, survey, statement or filing that produced figures. */
export interface ReportRow {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly titleIsDescriptive: 0 | 1;
  readonly originalTitle: string | null;
  readonly originalLanguage: string | null;
  readonly kind: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly published: string | null;
  readonly url: string | null;
  readonly description: string;
}

/** An author of a report (the entity itself), in the order the report names them. */
export type ReportAuthorRow = EntityRow & { readonly reportId: number; readonly position: number };

/** A report another report is based on. */
export interface ReportBasisRow {
  readonly reportId: number;
  readonly basedOnId: number;
  readonly relation: "REPUBLISHES" | "USES_DATA";
  readonly inferred: 0 | 1;
  readonly note: string | null;
}

/**
 * The reports behind a statistic's citations: each report a citation attributes the figure to,
 * and every report reached from it through `basedOn` (REPUBLISHES or USES_DATA, transitively),
 * with the report's own `basedOn` links (one row per link; the basis fields are null for a
 * report based on nothing).
 */
export type ReportGraphRow = ReportRow & {
  readonly statisticId: number;
  readonly basedOnId: number | null;
  readonly basisRelation: "REPUBLISHES" | "USES_DATA" | null;
  readonly basisInferred: 0 | 1 | null;
  readonly basisNote: string | null;
};

/** An author of a report in a statistic's report graph (see ReportGraphRow). */
export type ReportGraphAuthorRow = EntityRow & { readonly statisticId: number; readonly reportId: number; readonly position: number };

/** The reports behind some statistics' citations, their links and their authors. */
export interface ReportGraphRows {
  readonly reports: ReportGraphRow[];
  readonly authors: ReportGraphAuthorRow[];
}

/**
 * `reach(statistic_id, report_id)`: the reports the statistics' citations credit or are known
 * echoes of, and all they are based on. UNION stops at cycles.
 */
const REACH = (list: string) => `WITH RECURSIVE cited(statistic_id, credited, echoed) AS (
  SELECT statistic_id, attributed_report_id, echo_of_report_id FROM citation WHERE statistic_id IN (${list})
), reach(statistic_id, report_id) AS (
  SELECT statistic_id, credited FROM cited WHERE credited IS NOT NULL
  UNION
  SELECT statistic_id, echoed FROM cited WHERE echoed IS NOT NULL
  UNION
  SELECT reach.statistic_id, b.based_on_id FROM reach JOIN report_based_on b ON b.report_id = reach.report_id
)`;

const COLUMNS = `r.id, r.slug, r.title, r.title_is_descriptive AS titleIsDescriptive, r.original_title AS originalTitle,
  r.original_language AS originalLanguage, r.kind, r.published_on AS published, r.url, r.description`;

const BY_SLUG: KeysetOrder = { key: "r.slug", id: "r.id", nullable: false, descending: false };

/** Reads reports, their authors and what they are based on. */
export class ReportRepository {
  constructor(private readonly run: Statements) {}

  /** Reports by row id, in any order. */
  byIds(ids: readonly number[]): ReportRow[] {
    return this.run.byKeys("reports.byIds", (list) => `SELECT ${COLUMNS} FROM report r WHERE r.id IN (${list})`, ids);
  }

  /** Reports by slug, in any order. */
  bySlugs(slugs: readonly string[]): ReportRow[] {
    return this.run.byKeys("reports.bySlugs", (list) => `SELECT ${COLUMNS} FROM report r WHERE r.slug IN (${list})`, slugs);
  }

  /** Authors of the given reports, joined to their entities, in each report's order. */
  authors(reportIds: readonly number[]): ReportAuthorRow[] {
    return this.run.byKeys(
      "reports.authors",
      (list) =>
        `SELECT ra.report_id AS reportId, ra.position, ${ENTITY_COLUMNS} FROM report_author ra JOIN entity e ON e.id = ra.entity_id WHERE ra.report_id IN (${list}) ORDER BY ra.report_id, ra.position`,
      reportIds,
    );
  }

  /** What the given reports are based on. */
  basedOn(reportIds: readonly number[]): ReportBasisRow[] {
    return this.run.byKeys(
      "reports.basedOn",
      (list) => `SELECT report_id AS reportId, based_on_id AS basedOnId, relation, inferred, note FROM report_based_on WHERE report_id IN (${list}) ORDER BY report_id, based_on_id`,
      reportIds,
    );
  }

  /**
   * The report graph behind the given statistics' citations (see ReportGraphRow), in two
   * statements whatever the number of statistics or the depth of the graph: the reports with
   * their links, and their authors. What producers, corroboration and provenance follow.
   */
  graphOfStatistics(statisticIds: readonly number[]): ReportGraphRows {
    return this.run.cached("reports.graphOfStatistics", [statisticIds], () => this.readGraph(statisticIds));
  }

  private readGraph(statisticIds: readonly number[]): ReportGraphRows {
    const reports = selectByKeys<ReportGraphRow, number>(
      this.run,
      (list) =>
        `${REACH(list)} SELECT reach.statistic_id AS statisticId, ${COLUMNS}, b.based_on_id AS basedOnId, b.relation AS basisRelation, b.inferred AS basisInferred, b.note AS basisNote
         FROM reach JOIN report r ON r.id = reach.report_id LEFT JOIN report_based_on b ON b.report_id = r.id ORDER BY reach.statistic_id, r.id, b.based_on_id`,
      statisticIds,
    );
    const authors = selectByKeys<ReportGraphAuthorRow, number>(
      this.run,
      (list) =>
        `${REACH(list)} SELECT reach.statistic_id AS statisticId, ra.report_id AS reportId, ra.position, ${ENTITY_COLUMNS}
         FROM reach JOIN report_author ra ON ra.report_id = reach.report_id JOIN entity e ON e.id = ra.entity_id ORDER BY reach.statistic_id, ra.report_id, ra.position`,
      statisticIds,
    );
    return { reports, authors };
  }

  /** A page of reports in slug order. */
  page(window: PageWindow): Page<ReportRow> {
    return readPage(this.run, { select: COLUMNS, from: "report r", where: [], params: [] }, BY_SLUG, window);
  }

  /** How many reports there are. */
  count(): number {
    return this.run.cached("reports.count", [], () => countRows(this.run, { select: COLUMNS, from: "report r", where: [], params: [] }));
  }
}
