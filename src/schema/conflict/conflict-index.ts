import type { RequestContext } from "../context.js";
import type { MetricRelationRow } from "../../db/metric.repo.js";
import type { Repositories } from "../../db/repositories.js";
import type { ComparableRow } from "../../db/statistic.repo.js";
import { type AgreementContext, type ComparableStatistic, compareStatistics, isUnjudged, usableEquivalence } from "../../facts/agreement.js";
import { comparedPeriod, timeRelation } from "../../facts/agreement-scope.js";
import { valuesConflict } from "../../facts/agreement-values.js";
import { connectedGroups } from "../../facts/conflict-groups.js";
import { normalizeUnit } from "../../facts/units.js";
import { type ComparableFields, agreementContext, comparable } from "../agreement/agreement-context.js";

/** A conflict group as listed: its members and contradicting pairs by row id, and its place in the list. */
export interface IndexedConflictGroup {
  /** Sort key: metric slug, period start, subject slug and first member's slug of the group. */
  readonly sortKey: string;
  /** The first member's row id, the tie-breaker of the keyset order. */
  readonly sortId: number;
  /** Members' row ids, by slug. */
  readonly memberIds: readonly number[];
  /** The metrics of the members (more than one when EQUIVALENT metrics conflict). */
  readonly metricIds: readonly number[];
  readonly subjectId: number;
  /** Every contradicting pair among the members (row ids), by the first member's slug then the second's. */
  readonly conflicts: readonly (readonly [number, number])[];
}

/** Every conflict group of one knowledge base, in list order, and the context their reasons are written in. */
export interface ConflictIndex {
  readonly groups: readonly IndexedConflictGroup[];
  readonly context: AgreementContext;
}

/**
 * The conflict groups of a knowledge base, as `findConflictGroups` of src/facts defines them
 * (connected sets of CONFLICTS verdicts), computed on first use and kept for the life of the
 * open database, which is read-only and never changes while served (its analysis
 * `conflictIndex`, src/cache/caches.ts, like its archived texts).
 * Four statements read every statistic, the metric relations and the market hierarchy once.
 *
 * Two statistics can only conflict when they are about the same subjects, of the same metric or
 * EQUIVALENT ones, and either of one event or compared over the same period (anything else is
 * DIFFERENT_SCOPE, not judged or not comparable), so the statistics are first put in such
 * buckets (a figure of an event in two: its event's and its period's) and pairs are only formed
 * within a bucket: the work stays proportional to the size of the knowledge base. The pairs that
 * conflict are then joined into groups over the whole knowledge base, exactly the groups
 * `findConflictGroups` finds. In a bucket of one metric and one unit, a pair is tested without
 * writing its reason (`valuesConflict`); other buckets ask `compareStatistics`.
 * Reasons are written when a pair is shown (`conflictReason`).
 */
export function conflictIndex(ctx: RequestContext): ConflictIndex {
  // Read through the request's repositories (which check its deadline); kept per database.
  return ctx.kb.analyses.get("conflictIndex", () => buildIndex(ctx.repos.statistics.allComparable(), ctx.repos));
}

/** Why two statistics of a conflict group conflict, in the words of `compareStatistics`. */
export function conflictReason(index: ConflictIndex, first: ComparableFields, second: ComparableFields): string {
  const r = compareStatistics(comparable(first), comparable(second), index.context);
  return r === null || isUnjudged(r) ? "" : r.reason;
}

function buildIndex(rows: readonly ComparableRow[], repos: Repositories): ConflictIndex {
  const relations = repos.metrics.allRelations();
  const context = agreementContext(relations, repos.entities.scopeLinks());
  const family = equivalenceFamilies(relations);
  const stats = rows.map(comparable);
  // Two figures can only conflict when they are about the same subjects and of one metric
  // family, and either of one event or compared over the same period: each figure goes into
  // the bucket of its compared period and, when it has one, the bucket of its event.
  const buckets = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  };
  stats.forEach((s, i) => {
    const scope = `${[...s.subjects].sort().join(",")}|${family(rows[i]!.metricId)}`;
    const period = comparedPeriod(s, context);
    add(`${scope}|p${period ? `${period.start}|${period.end}` : ""}`, i);
    if (s.event !== null) add(`${scope}|e${s.event}`, i);
  });
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const unit = (i: number) => normalizeUnit(rows[i]!.unit);
    const uniform = bucket.every((i) => rows[i]!.metricId === rows[bucket[0]!]!.metricId && unit(i) === unit(bucket[0]!));
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [i, j] = [bucket[x]!, bucket[y]!];
        if (seen.has(`${i}|${j}`) || !conflict(stats[i]!, stats[j]!, uniform, context)) continue;
        seen.add(`${i}|${j}`);
        pairs.push([i, j]);
      }
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const groups: IndexedConflictGroup[] = connectedGroups(rows.length, pairs).map((g) => {
    const first = rows[g.members[0]!]!;
    return {
      sortKey: [first.metricSlug, first.periodStart ?? "\uffff", first.subjectSlug, first.slug].join("\u0000"),
      sortId: first.id,
      memberIds: g.members.map((i) => rows[i]!.id),
      metricIds: [...new Set(g.members.map((i) => rows[i]!.metricId))],
      subjectId: first.subjectId,
      conflicts: g.pairs.map(([i, j]) => [rows[i]!.id, rows[j]!.id] as const),
    };
  });
  groups.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.sortId - b.sortId));
  return { groups, context };
}

/**
 * Whether `compareStatistics` says CONFLICTS for two figures of one bucket. In a bucket of one
 * metric and one unit that is the same time and values that cannot both hold, tested without
 * writing the reason; other buckets (EQUIVALENT metrics) ask `compareStatistics` itself.
 */
function conflict(a: ComparableStatistic, b: ComparableStatistic, uniform: boolean, context: AgreementContext): boolean {
  if (!uniform) {
    const r = compareStatistics(a, b, context);
    return r !== null && !isUnjudged(r) && r.verdict === "CONFLICTS";
  }
  return timeRelation(a, b, context)?.kind === "SAME" && valuesConflict(a.value, b.value);
}

/** Metrics joined by usable EQUIVALENT relations (a conversion with a finite, non-zero scale) share a family id. */
function equivalenceFamilies(relations: readonly MetricRelationRow[]): (metricId: number) => number {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const r of relations) {
    if (!usableEquivalence(r)) continue;
    const [a, b] = [find(r.metricId), find(r.relatedId)];
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  return find;
}
