import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import type { AgreementContext } from "../../facts/agreement.js";
import { loadAll } from "../common/load-all.js";
import { agreementContext, relatedSubjects } from "./agreement-context.js";

/** What a figure is compared with: the candidate statistics by slug, and the context their comparisons are judged in. */
export interface ComparisonCandidates {
  readonly candidates: readonly StatisticRow[];
  readonly context: AgreementContext;
}

/** The metric, subjects and period of a figure to be compared (a stored statistic, or a claimed figure). */
export interface ComparisonKey {
  readonly metricId: number;
  readonly subjectIds: readonly number[];
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

/**
 * The statistics a figure can be compared with, by the rules of `Statistic.agreement`: those
 * of its metric or a related one, about one of its subjects, a market it is part of or one
 * part of it, over an overlapping period (all of them when the figure has no period), read in
 * three statements whatever the number of figures compared in one request (the metric
 * relations, the market hierarchy and the candidates, batched by the request's loaders).
 * The context carries the names of every subject of combined figures, for the reasons.
 */
export async function comparisonCandidates(key: ComparisonKey, ctx: RequestContext): Promise<ComparisonCandidates> {
  const [relations, scope] = await Promise.all([ctx.loaders.metricRelations.load(key.metricId), ctx.loaders.scopeLinks()]);
  const agreement = agreementContext(relations, scope);
  const metrics = new Set([key.metricId, ...relations.flatMap((r) => [r.metricId, r.relatedId])]);
  const subjects = relatedSubjects(key.subjectIds, agreement.partOf as ReadonlyMap<number, number>);
  const keys = [...metrics].flatMap((metricId) => subjects.map((subjectId) => ({ metricId, subjectId, periodStart: key.periodStart, periodEnd: key.periodEnd })));
  const byId = new Map((await loadAll(ctx.loaders.comparableStatistics.loadMany(keys))).flat().map((c) => [c.id, c]));
  // A statistic about several subjects is found once per subject: each is compared once.
  const candidates = [...byId.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // Combined figures name their subjects in reasons; only their names are read.
  const sets = [key.subjectIds.length > 1 ? key.subjectIds : [], ...candidates.map((r) => (r.subjectSet === null ? [] : r.subjectSet.split(",").map(Number)))];
  const setIds = [...new Set(sets.flat())];
  const names = new Map(agreement.names);
  for (const e of await loadAll(ctx.loaders.entityById.loadMany(setIds))) if (e) names.set(e.id, e.name);
  return { candidates, context: setIds.length > 0 ? { ...agreement, names } : agreement };
}
