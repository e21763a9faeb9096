import type { RequestContext } from "../../context.js";
import type { KnowledgeBase } from "../../db/open.js";
import type { MetricRelationRow } from "../../db/metric.repo.js";
import type { Repositories } from "../../db/repositories.js";
import type { ComparableRow } from "../../db/statistic.repo.js";
import { type AgreementContext, compareStatistics, isUnjudged, usableEquivalence } from "../../facts/agreement.js";
import { valuesConflict } from "../../facts/agreement-values.js";
import { connectedGroups, findConflictGroups } from "../../facts/conflict-groups.js";
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

const indexes = new WeakMap<KnowledgeBase, ConflictIndex>();

/**
 * The conflict groups of a knowledge base, as `findConflictGroups` of src/facts defines them
 * (connected sets of CONFLICTS verdicts), computed on first use and kept for the life of the
 * open database, which is read-only and never changes while served (like its archived texts).
 * Four statements read every statistic, the metric relations and the market hierarchy once.
 *
 * Two statistics can only conflict when they are about the same subject, over the same period
 * (or both without one), and of the same metric or EQUIVALENT ones (anything else is
 * DIFFERENT_SCOPE or not comparable), so the statistics are first split into such buckets and
 * the groups found within each: the work stays proportional to the size of the knowledge base.
 * In a bucket of one metric and one unit, `compareStatistics` says CONFLICTS exactly when the
 * two reading intervals are disjoint, so that test links them without writing every pair's
 * reason; other buckets (EQUIVALENT metrics, converted values) go through `findConflictGroups`.
 * Reasons are written when a pair is shown (`conflictReason`).
 */
export function conflictIndex(ctx: RequestContext): ConflictIndex {
  let index = indexes.get(ctx.kb);
  if (!index) {
    // Read through the request's repositories (which check its deadline); kept per database.
    index = buildIndex(ctx.repos.statistics.allComparable(), ctx.repos);
    indexes.set(ctx.kb, index);
  }
  return index;
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
  const buckets = new Map<string, ComparableRow[]>();
  for (const r of rows) {
    // Figures of one event are compared whatever the precision of their dates, so they share a bucket.
    const when = r.eventId !== null ? `e${r.eventId}` : `${r.periodStart ?? ""}|${r.periodEnd ?? ""}`;
    const key = `${r.subjectSet ?? r.subjectId}|${family(r.metricId)}|${when}`;
    const list = buckets.get(key);
    if (list) list.push(r);
    else buckets.set(key, [r]);
  }
  const groups: IndexedConflictGroup[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (const g of bucketGroups(bucket, context)) {
      const first = g.members[0]!;
      groups.push({
        sortKey: [first.metricSlug, first.periodStart ?? "\uffff", first.subjectSlug, first.slug].join("\u0000"),
        sortId: first.id,
        memberIds: g.members.map((m) => m.id),
        metricIds: [...new Set(g.members.map((m) => m.metricId))],
        subjectId: first.subjectId,
        conflicts: g.pairs.map(([a, b]) => [a.id, b.id] as const),
      });
    }
  }
  groups.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.sortId - b.sortId));
  return { groups, context };
}

interface BucketGroup {
  readonly members: ComparableRow[];
  readonly pairs: [ComparableRow, ComparableRow][];
}

/** The conflict groups of one bucket (statistics of one subject, period and metric family), members and pairs in bucket order. */
function bucketGroups(bucket: readonly ComparableRow[], context: AgreementContext): BucketGroup[] {
  const uniform = bucket.every((r) => r.metricId === bucket[0]!.metricId && normalizeUnit(r.unit) === normalizeUnit(bucket[0]!.unit));
  if (!uniform) {
    const byId = new Map(bucket.map((r) => [r.id, r]));
    return findConflictGroups(bucket.map(comparable), context).map((g) => ({
      members: g.members.map((id) => byId.get(Number(id))!),
      pairs: g.conflicts.map((c) => [byId.get(Number(c.first))!, byId.get(Number(c.second))!]),
    }));
  }
  const values = bucket.map((r) => comparable(r).value);
  const pairs: [number, number][] = [];
  for (let i = 0; i < bucket.length; i++) {
    for (let j = i + 1; j < bucket.length; j++) if (valuesConflict(values[i]!, values[j]!)) pairs.push([i, j]);
  }
  return connectedGroups(bucket.length, pairs).map((g) => ({
    members: g.members.map((i) => bucket[i]!),
    pairs: g.pairs.map(([i, j]): [ComparableRow, ComparableRow] => [bucket[i]!, bucket[j]!]),
  }));
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
