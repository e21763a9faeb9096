/**
 * Conflict groups: for a `conflicts(metric)` listing, the sets of statistics that contradict
 * one another. Two statistics are linked when `compareStatistics` says CONFLICTS; a group is
 * a connected set of such links, so "1.05 trillion, 961 billion, 900 billion and 1.2881
 * trillion for 2020" is one group of four even where some pairs happen to agree within
 * rounding. Members that merely agree with a group member are not pulled in.
 */
import { type AgreementContext, type ComparableStatistic, compareStatistics } from "./agreement.js";
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
  const parent = statistics.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };

  const links: { i: number; j: number; reason: string }[] = [];
  for (const bucket of bySubject(statistics).values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const a = bucket[x]!;
        const b = bucket[y]!;
        const verdict = compareStatistics(a, b, ctx);
        if (verdict?.verdict !== "CONFLICTS") continue;
        const i = index.get(a.id)!;
        const j = index.get(b.id)!;
        links.push({ i, j, reason: verdict.reason });
        const [ri, rj] = [find(i), find(j)];
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }

  const groups = new Map<number, { members: Key[]; conflicts: ConflictLink[] }>();
  const linked = new Set(links.flatMap((l) => [l.i, l.j]));
  statistics.forEach((s, i) => {
    if (!linked.has(i)) return;
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { members: [], conflicts: [] });
    groups.get(root)!.members.push(s.id);
  });
  links
    .sort((p, q) => p.i - q.i || p.j - q.j)
    .forEach((l) => groups.get(find(l.i))!.conflicts.push({ first: statistics[l.i]!.id, second: statistics[l.j]!.id, reason: l.reason }));
  return [...groups.entries()].sort(([r1], [r2]) => r1 - r2).map(([, g]) => g);
}

function bySubject(statistics: readonly ComparableStatistic[]): Map<Key, ComparableStatistic[]> {
  const out = new Map<Key, ComparableStatistic[]>();
  for (const s of statistics) {
    const list = out.get(s.subject) ?? [];
    list.push(s);
    out.set(s.subject, list);
  }
  return out;
}
