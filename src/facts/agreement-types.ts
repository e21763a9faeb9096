/**
 * The shapes agreement works on: the parts of a statistic it compares, the knowledge around
 * them and the words of its verdicts. Apart from agreement.ts so that agreement-scope.ts, which
 * agreement.ts calls, can name them without importing it back.
 */
import type { StatedValue } from "./interval.js";
import type { Key } from "./key.js";

/** What a statistic is: a measurement, an estimate, a forecast, a survey result or a derived figure. */
export type StatisticKind = "MEASUREMENT" | "ESTIMATE" | "FORECAST" | "SURVEY" | "DERIVED";

/** The verdict on a pair of comparable statistics. */
export type AgreementVerdict = "AGREES" | "COMPATIBLE" | "CONFLICTS" | "DIFFERENT_SCOPE";

/** Facts about a comparison a reader should not miss, whatever the verdict. */
export type ComparisonFlag = "ORDER_OF_MAGNITUDE" | "KINDS_DIFFER" | "DATE_PRECISION_DIFFERS" | "CONVERTED";

/** The parts of a statistic that agreement looks at (one row of `statistic`, with its keys). */
export interface ComparableStatistic {
  readonly id: Key;
  readonly metric: Key;
  /** The first (or only) subject. */
  readonly subject: Key;
  /** Every subject the figure is about (a combined figure of two hosts has two), the first first. */
  readonly subjects: readonly Key[];
  /** The event the figure belongs to, or null. */
  readonly event: Key | null;
  readonly kind: StatisticKind;
  readonly value: StatedValue;
  readonly unit: string;
  /** Start and end dates (YYYY-MM-DD, inclusive) and label; null when no period is stated. */
  readonly period: { readonly start: string; readonly end: string; readonly label: string } | null;
}

/** One row of `metric_related`: value_in_related = value × scale + offset for EQUIVALENT metrics. */
export interface MetricRelation {
  readonly metric: Key;
  readonly related: Key;
  readonly relation: "EQUIVALENT" | "DIFFERENT_SCOPE";
  readonly scale: number | null;
  readonly offset: number | null;
  readonly note: string;
}

/** An event as comparisons need it: its dates (when known) and name. */
export interface EventDates {
  readonly start: string | null;
  readonly end: string | null;
  readonly name: string;
}

/** The knowledge that agreement needs beyond the two statistics. */
export interface AgreementContext {
  readonly metricRelations: readonly MetricRelation[];
  /** Each subject's broader market (`partOf`), for subjects that have one. */
  readonly partOf: ReadonlyMap<Key, Key>;
  /** Display names of subjects and events for reasons; the key itself is used when absent. */
  readonly names?: ReadonlyMap<Key, string> | undefined;
  /** Events by key, with their dates. */
  readonly events?: ReadonlyMap<Key, EventDates> | undefined;
  /** Each event's parent event, for events part of another. */
  readonly eventParents?: ReadonlyMap<Key, Key> | undefined;
}

/** How the second statistic's value was brought into the first's metric. */
export interface MetricConversion {
  readonly fromMetric: Key;
  readonly toMetric: Key;
  /** value_in_first_metric = value × scale + offset */
  readonly scale: number;
  readonly offset: number;
  readonly note: string;
}
