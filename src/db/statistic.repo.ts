import type { KnowledgeBaseAnalyses } from "../cache/analyses.js";
import type { SqlValue } from "./database.js";
import { ENTITY_COLUMNS, type EntityRow } from "./entity.repo.js";
import type { BaseQuery, KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** One figure as stated. Bounds are null when unbounded; dates are ISO text. */
export interface StatisticRow {
  readonly id: number;
  readonly slug: string;
  readonly metricId: number;
  readonly subjectId: number;
  readonly eventId: number | null;
  readonly kind: string;
  readonly amount: number;
  readonly unit: string;
  readonly comparator: string;
  readonly lowerBound: number | null;
  readonly lowerClosed: 0 | 1;
  readonly upperBound: number | null;
  readonly upperClosed: 0 | 1;
  readonly valueAsWritten: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly periodLabel: string | null;
  readonly periodDays: number | null;
  readonly periodAsWritten: string | null;
  readonly periodResolution: string | null;
  readonly derivationFormula: string | null;
  readonly note: string | null;
  /** Earliest publication date among the citing sources (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly firstPublished: string | null;
  /** Whether any citation verified at build time. */
  readonly hasVerifiedQuote: 0 | 1;
  /** The place value of the last digit the figure is written to (see src/facts/precision.ts). */
  readonly precision: number;
  /** Every subject's id, comma-separated in order, when there are several; null for one. */
  readonly subjectSet: string | null;
}

/** A producer of a statistic (the entity itself), as resolved at build time. */
export type StatisticProducerRow = EntityRow & { readonly statisticId: number };

/** A named input of a derived statistic's formula: the input statistic itself, with the name and the derived statistic's id. */
export type DerivationInputRow = StatisticRow & {
  /** The derived statistic whose formula uses this input. */
  readonly derivedId: number;
  /** The name the formula uses, e.g. "sessions". */
  readonly inputName: string;
  readonly inputPosition: number;
};

/** Which statistics a figure can be compared with: one metric, one subject, and the figure's period (null: none stated). */
export interface CandidateKey {
  readonly metricId: number;
  readonly subjectId: number;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

/** A statistic found for a CandidateKey, with the key's parts. */
export type CandidateRow = StatisticRow & {
  readonly keyMetricId: number;
  readonly keySubjectId: number;
  readonly keyStart: string | null;
  readonly keyEnd: string | null;
};

/** What knowledge-base-wide comparisons need of every statistic, with metric and subject slugs for ordering. */
export interface ComparableRow {
  readonly id: number;
  readonly slug: string;
  readonly metricId: number;
  readonly metricSlug: string;
  readonly subjectId: number;
  readonly subjectSlug: string;
  readonly kind: string;
  readonly comparator: string;
  readonly amount: number;
  readonly unit: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly periodLabel: string | null;
  readonly eventId: number | null;
  readonly upperBound: number | null;
  readonly precision: number;
  readonly subjectSet: string | null;
}

/** Conditions on a list of statistics, by row id; every condition present must hold. */
export interface StatisticCriteria {
  readonly metricId?: number | undefined;
  readonly subjectId?: number | undefined;
  readonly eventId?: number | undefined;
  readonly kind?: string | undefined;
  readonly unit?: string | undefined;
  /** The period must end on or after this date (statistics without a period are excluded). */
  readonly periodFrom?: string | undefined;
  /** The period must start on or before this date (statistics without a period are excluded). */
  readonly periodTo?: string | undefined;
  /** Cited by this source. */
  readonly sourceId?: number | undefined;
  /** Produced by this entity (statistic_producer). */
  readonly producerId?: number | undefined;
  /** Attributed, by at least one citation, to this report. */
  readonly attributedReportId?: number | undefined;
  /** Has (or has not) a quote that verified at build time. */
  readonly hasVerifiedQuote?: boolean | undefined;
}

/** The sort keys a list of statistics can be read in. */
export type StatisticSortKey = "PERIOD" | "VALUE" | "PUBLISHED";

const SORT_COLUMNS: Record<StatisticSortKey, { key: string; nullable: boolean }> = {
  PERIOD: { key: "s.period_start", nullable: true },
  VALUE: { key: "s.amount", nullable: false },
  PUBLISHED: { key: "s.first_published", nullable: true },
};

const COLUMNS = `s.id, s.slug, s.metric_id AS metricId, s.subject_id AS subjectId, s.event_id AS eventId, s.kind, s.amount, s.unit, s.comparator,
  s.lower_bound AS lowerBound, s.lower_closed AS lowerClosed, s.upper_bound AS upperBound, s.upper_closed AS upperClosed,
  s.value_as_written AS valueAsWritten, s.period_start AS periodStart, s.period_end AS periodEnd, s.period_label AS periodLabel,
  s.period_days AS periodDays, s.period_as_written AS periodAsWritten, s.period_resolution AS periodResolution,
  s.derivation_formula AS derivationFormula, s.note, s.first_published AS firstPublished, s.has_verified_quote AS hasVerifiedQuote,
  s.precision, s.subject_set AS subjectSet`;

/** Reads statistics: lookups, filtered and ordered pages, producers. */
export class StatisticRepository {
  constructor(
    private readonly run: Statements,
    /** Where the longest period is kept (read once per database). */
    private readonly analyses: KnowledgeBaseAnalyses,
  ) {}

  /** Statistics by row id, in any order. */
  byIds(ids: readonly number[]): StatisticRow[] {
    return this.run.byKeys("statistics.byIds", (list) => `SELECT ${COLUMNS} FROM statistic s WHERE s.id IN (${list})`, ids);
  }

  /** Statistics by slug, in any order. */
  bySlugs(slugs: readonly string[]): StatisticRow[] {
    return this.run.byKeys("statistics.bySlugs", (list) => `SELECT ${COLUMNS} FROM statistic s WHERE s.slug IN (${list})`, slugs);
  }

  /** Producers of the given statistics, joined to their entities, by name. */
  producers(statisticIds: readonly number[]): StatisticProducerRow[] {
    return this.run.byKeys(
      "statistics.producers",
      (list) =>
        `SELECT sp.statistic_id AS statisticId, ${ENTITY_COLUMNS} FROM statistic_producer sp JOIN entity e ON e.id = sp.entity_id WHERE sp.statistic_id IN (${list}) ORDER BY sp.statistic_id, e.name, e.id`,
      statisticIds,
    );
  }

  /**
   * The statistics that could be compared with a figure: for each key, those of its metric
   * about its subject (as any of their subjects) whose period overlaps the key's period, or
   * that state no period, or all of them for a key without a period (a figure without a period
   * is listed as not judged, never dropped). What `Statistic.agreement` compares a page of
   * statistics with, read in one statement (one `?` per key part) through statistic_subject's
   * key. A row comes once per key it matches, with that key's parts.
   */
  comparableWith(keys: readonly CandidateKey[]): CandidateRow[] {
    return this.run.byTuples<CandidateRow>(
      (values) =>
        `WITH k(metric_id, subject_id, start_day, end_day) AS (VALUES ${values})
         SELECT k.metric_id AS keyMetricId, k.subject_id AS keySubjectId, k.start_day AS keyStart, k.end_day AS keyEnd, ${COLUMNS}
         FROM k JOIN statistic_subject ss ON ss.entity_id = k.subject_id JOIN statistic s ON s.id = ss.statistic_id AND s.metric_id = k.metric_id
           AND (k.start_day IS NULL OR s.period_start IS NULL OR (s.period_start <= k.end_day AND s.period_end >= k.start_day))
         ORDER BY s.slug`,
      keys.map((k) => [k.metricId, k.subjectId, k.periodStart, k.periodEnd]),
      4,
    );
  }

  /** The named inputs of the given derived statistics, joined to the input statistics, in formula order. */
  derivationInputs(statisticIds: readonly number[]): DerivationInputRow[] {
    return this.run.byKeys(
      "statistics.derivationInputs",
      (list) =>
        `SELECT di.statistic_id AS derivedId, di.name AS inputName, di.position AS inputPosition, ${COLUMNS} FROM derivation_input di JOIN statistic s ON s.id = di.input_id WHERE di.statistic_id IN (${list}) ORDER BY di.statistic_id, di.position, di.name`,
      statisticIds,
    );
  }

  /**
   * Every statistic, reduced to what comparisons need, by slug. For analyses over the
   * whole knowledge base (conflict groups), which are computed once per database.
   */
  allComparable(): ComparableRow[] {
    return this.run.allCached<ComparableRow>(
      "statistics.allComparable",
      `SELECT s.id, s.slug, s.metric_id AS metricId, m.slug AS metricSlug, s.subject_id AS subjectId, e.slug AS subjectSlug, s.kind, s.comparator, s.amount, s.unit,
          s.period_start AS periodStart, s.period_end AS periodEnd, s.period_label AS periodLabel, s.event_id AS eventId, s.upper_bound AS upperBound,
          s.precision, s.subject_set AS subjectSet
         FROM statistic s JOIN metric m ON m.id = s.metric_id JOIN entity e ON e.id = s.subject_id ORDER BY s.slug`,
    );
  }

  /** A page of the statistics meeting the criteria, in the given order (ties by id). */
  page(criteria: StatisticCriteria, sort: StatisticSortKey, descending: boolean, window: PageWindow): Page<StatisticRow> {
    const order: KeysetOrder = { ...SORT_COLUMNS[sort], id: "s.id", descending };
    return readPage(this.run, this.listQuery(criteria, sort), order, window);
  }

  /** How many statistics meet the criteria. */
  count(criteria: StatisticCriteria): number {
    return countRows(this.run, this.listQuery(criteria, null));
  }

  private listQuery(c: StatisticCriteria, sort: StatisticSortKey | null): BaseQuery {
    return listQuery(c, c.periodFrom === undefined ? null : this.earliestStartOverlapping(c.periodFrom), sort);
  }

  /**
   * The earliest first day a period can have and still reach `from`: no period is longer than
   * the longest one in the database, so none starting earlier can overlap. Adding this implied
   * bound lets "period overlaps [from, to]" scan an index range instead of every earlier period.
   * The longest period is read once per database (it never changes while served).
   */
  private earliestStartOverlapping(from: string): string | null {
    const longest = this.analyses.get("longestStatisticPeriod", () => this.run.get<{ days: number | null }>("SELECT max(period_days) AS days FROM statistic")!.days);
    if (longest === null) return null;
    const t = Date.parse(`${from}T00:00:00Z`) - (longest - 1) * 86_400_000;
    return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
  }
}

/**
 * The conditions of a list of statistics. `sort` is the order the rows are read in (null for
 * a count). When a metric or subject is given and the order is by value or publication date,
 * the period terms are written with a unary `+`, which keeps them from choosing the index:
 * the only index SQLite can then use is the one of that metric (subject) in the page's order
 * (statistic_metric_amount and the like, which carry the period so the window is checked in
 * the index, migration 005), read from the start of the page and stopped after it. Left to
 * choose, SQLite sometimes read the metric's period index instead and sorted every statistic
 * in the window, depending on the metric (its sqlite_stat4 samples). Other filters keep their
 * period terms as they are: without an index of the filter in the page's order, a narrow
 * window can be the better way in.
 */
function listQuery(c: StatisticCriteria, earliestStart: string | null, sort: StatisticSortKey | null): BaseQuery {
  const period = sort !== null && sort !== "PERIOD" && (c.metricId !== undefined || c.subjectId !== undefined) ? "+s.period" : "s.period";
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    where.push(sql);
    params.push(value);
  };
  if (c.metricId !== undefined) add("s.metric_id = ?", c.metricId);
  if (c.subjectId !== undefined) add("s.subject_id = ?", c.subjectId);
  // An event includes its sub-events (the presale and the first day of a festival), at any depth.
  if (c.eventId !== undefined) {
    add("s.event_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT e.id FROM entity e JOIN sub ON e.parent_id = sub.id WHERE e.type = 'EVENT') SELECT id FROM sub)", c.eventId);
  }
  if (c.kind !== undefined) add("s.kind = ?", c.kind);
  if (c.unit !== undefined) add("s.unit = ?", c.unit);
  // Overlap of [period_start, period_end] with [from, to]; NULL periods never compare true.
  if (c.periodFrom !== undefined) add(`${period}_end >= ?`, c.periodFrom);
  if (earliestStart !== null) add(`${period}_start >= ?`, earliestStart);
  if (c.periodTo !== undefined) add(`${period}_start <= ?`, c.periodTo);
  if (c.sourceId !== undefined) add("s.id IN (SELECT statistic_id FROM citation WHERE source_id = ?)", c.sourceId);
  if (c.producerId !== undefined) add("s.id IN (SELECT statistic_id FROM statistic_producer WHERE entity_id = ?)", c.producerId);
  if (c.attributedReportId !== undefined) add("s.id IN (SELECT statistic_id FROM citation WHERE attributed_report_id = ?)", c.attributedReportId);
  // A literal, not a parameter: SQLite uses a partial index (statistic_period_verified,
  // statistic_period_unverified) only when the query's own text implies its condition.
  if (c.hasVerifiedQuote !== undefined) where.push(`s.has_verified_quote = ${c.hasVerifiedQuote ? 1 : 0}`);
  return { select: COLUMNS, from: "statistic s", where, params };
}
