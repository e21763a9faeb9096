import type { MarketLinkRow } from "../../db/entity.repo.js";
import type { MetricRelationRow } from "../../db/metric.repo.js";
import type { ComparableRow } from "../../db/statistic.repo.js";
import { type AgreementContext, type ComparableStatistic, type MetricRelation, type StatisticKind, ancestors } from "../../facts/agreement.js";
import type { Comparator } from "../../facts/interval.js";

/** The columns of a statistic row that agreement compares (a StatisticRow or a ComparableRow). */
export type ComparableFields = Omit<ComparableRow, "slug" | "metricSlug" | "subjectSlug">;

/** A statistic row as agreement compares it, keyed by row ids. */
export function comparable(row: ComparableFields): ComparableStatistic {
  return {
    id: row.id,
    metric: row.metricId,
    subject: row.subjectId,
    kind: row.kind as StatisticKind,
    comparator: row.comparator as Comparator,
    amount: row.amount,
    unit: row.unit,
    period: row.periodStart !== null && row.periodEnd !== null ? { start: row.periodStart, end: row.periodEnd, label: row.periodLabel ?? row.periodStart } : null,
  };
}

/** The agreement context of some metric relations and the market hierarchy, keyed by row ids. */
export function agreementContext(relations: readonly MetricRelationRow[], markets: readonly MarketLinkRow[]): AgreementContext {
  const metricRelations: MetricRelation[] = relations.map((r) => ({
    metric: r.metricId,
    related: r.relatedId,
    relation: r.relation,
    scale: r.scale,
    offset: r.offset,
    note: r.note,
  }));
  const subjectNames = new Map<number, string>();
  for (const m of markets) {
    subjectNames.set(m.marketId, m.name);
    subjectNames.set(m.parentId, m.parentName);
  }
  return { metricRelations, partOf: new Map(markets.map((m) => [m.marketId, m.parentId])), subjectNames };
}

/**
 * The subjects a statistic about `subject` can be compared with: itself, the broader markets
 * it is part of and the markets that are part of it (through any number of `partOf` links).
 */
export function relatedSubjects(subject: number, partOf: ReadonlyMap<number, number>): number[] {
  const out = new Set<number>([subject]);
  for (const a of ancestors(subject, partOf)) out.add(a);
  for (const m of partOf.keys()) if (ancestors(m, partOf).includes(subject)) out.add(m);
  return [...out];
}
