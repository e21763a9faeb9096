/**
 * Conflict groups: for a `conflicts(metric)` listing, the sets of statistics that contradict
 * one another. Two statistics are linked when `compareStatistics` says CONFLICTS; a group is
 * a connected set of such links, so "1.05 trillion, 961 billion, 900 billion and 1.2881
 * trillion for 2020" is one group of four even where some pairs happen to agree within
 * rounding. Members that merely agree with a group member are not pulled in.
 */
import { type AgreementContext, type ComparableStatistic, compareStatistics, isUnjudged } from "./agreement.js";
import type { Key } from "./key.js";

/** One contradicting pair inside a group, with the reason. */
export interface ConflictLink {
  readonly first: Key;
  readonly second: Key;
  readonly reason: string;
}

/** A connected set of contradicting statistics. */
export interface ConflictGroup {
  /** Statistic ids, in the order the statistics were given. */
  readonly members: readonly Key[];
  /** Every CONFLICTS pair among the members, in input order. */
  readonly conflicts: readonly ConflictLink[];
}

/**
 * Finds every conflict group among `statistics` (typically those of one metric and its
 * EQUIVALENT metrics). Groups are ordered by their first member's position in the input.
 * Only statistics of the same subject can conflict (other pairs are not comparable or of a
 * different scope), so pairs are only formed within a subject.
 */
export function findConflictGroups(statistics: readonly ComparableStatistic[], ctx: AgreementContext): ConflictGroup[] {
  const index = new Map<Key, number>();
  statistics.forEach((s, i) => index.set(s.id, i));
  const links: [number, number, string][] = [];
  for (const bucket of bySubject(statistics).values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const a = bucket[x]!;
        const b = bucket[y]!;
        const verdict = compareStatistics(a, b, ctx);
        if (verdict && !isUnjudged(verdict) && verdict.verdict === "CONFLICTS") links.push([index.get(a.id)!, index.get(b.id)!, verdict.reason]);
      }
    }
  }
  links.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return connectedGroups(statistics.length, links).map((g) => ({
    members: g.members.map((i) => statistics[i]!.id),
    conflicts: g.pairs.map(([i, j, reason]) => ({ first: statistics[i]!.id, second: statistics[j]!.id, reason })),
  }));
}

/** A connected set of linked items: their indices and the links among them. */
export interface ConnectedGroup<P> {
  /** Indices of the members, ascending. */
  readonly members: number[];
  /** The links among the members, in the order given. */
  readonly pairs: P[];
}

/**
 * Splits `count` items (by index) into the sets that `pairs` connect, each pair linking the
 * items at its first two entries (any further entries are carried along). Only linked items
 * belong to a group; groups come in the order of their first member.
 */
export function connectedGroups<P extends readonly [number, number, ...unknown[]]>(count: number, pairs: readonly P[]): ConnectedGroup<P>[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Every set's root is its smallest index.
  for (const [i, j] of pairs) {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  }
  const linked = new Set(pairs.flatMap(([i, j]) => [i, j]));
  const groups = new Map<number, { members: number[]; pairs: P[] }>();
  for (let i = 0; i < count; i++) {
    if (!linked.has(i)) continue;
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { members: [], pairs: [] });
    groups.get(root)!.members.push(i);
  }
  for (const p of pairs) groups.get(find(p[0]))!.pairs.push(p);
  return [...groups.values()];
}

/** Statistics by their set of subjects (in any order): only figures about the same subjects can conflict. */
function bySubject(statistics: readonly ComparableStatistic[]): Map<string, ComparableStatistic[]> {
  const out = new Map<string, ComparableStatistic[]>();
  for (const s of statistics) {
    const key = s.subjects.map(String).sort().join("\u0000");
    const list = out.get(key) ?? [];
    list.push(s);
    out.set(key, list);
  }
  return out;
}
