import type { ScopeLinks } from "../../db/entity.repo.js";
import type { MetricRelationRow } from "../../db/metric.repo.js";
import type { ComparableRow } from "../../db/statistic.repo.js";
import { type AgreementContext, type ComparableStatistic, type EventDates, type MetricRelation, type StatisticKind, ancestors } from "../../facts/agreement.js";
import type { Comparator } from "../../facts/interval.js";
import { upperOf } from "../derivation/statistic-derivation.js";

/** The columns of a statistic row that agreement compares (a StatisticRow or a ComparableRow). */
export type ComparableFields = Omit<ComparableRow, "slug" | "metricSlug" | "subjectSlug">;

/** A statistic row as agreement compares it, keyed by row ids. */
export function comparable(row: ComparableFields): ComparableStatistic {
  return {
    id: row.id,
    metric: row.metricId,
    subject: row.subjectId,
    subjects: row.subjectSet === null ? [row.subjectId] : row.subjectSet.split(",").map(Number),
    event: row.eventId,
    kind: row.kind as StatisticKind,
    value: { comparator: row.comparator as Comparator, amount: row.amount, upper: upperOf(row), precision: row.precision },
    unit: row.unit,
    period: row.periodStart !== null && row.periodEnd !== null ? { start: row.periodStart, end: row.periodEnd, label: row.periodLabel ?? row.periodStart } : null,
  };
}

/** The agreement context of some metric relations, the market hierarchy and the events, keyed by row ids. */
export function agreementContext(relations: readonly MetricRelationRow[], { markets, events }: ScopeLinks): AgreementContext {
  const metricRelations: MetricRelation[] = relations.map((r) => ({
    metric: r.metricId,
    related: r.relatedId,
    relation: r.relation,
    scale: r.scale,
    offset: r.offset,
    note: r.note,
  }));
  const names = new Map<number, string>();
  for (const m of markets) {
    names.set(m.marketId, m.name);
    names.set(m.parentId, m.parentName);
  }
  const eventDates = new Map<number, EventDates>();
  const eventParents = new Map<number, number>();
  for (const e of events) {
    eventDates.set(e.id, { start: e.start, end: e.end, name: e.name });
    if (e.parentId !== null) eventParents.set(e.id, e.parentId);
  }
  return { metricRelations, partOf: new Map(markets.map((m) => [m.marketId, m.parentId])), names, events: eventDates, eventParents };
}

/**
 * The subjects a statistic about `subjects` can be compared with: each of them, the broader
 * markets each is part of and the entities that are part of each (through any number of
 * `partOf` links).
 */
export function relatedSubjects(subjects: readonly number[], partOf: ReadonlyMap<number, number>): number[] {
  const out = new Set<number>(subjects);
  for (const subject of subjects) {
    for (const a of ancestors(subject, partOf)) out.add(a);
    for (const m of partOf.keys()) if (ancestors(m, partOf).includes(subject)) out.add(m);
  }
  return [...out];
}
