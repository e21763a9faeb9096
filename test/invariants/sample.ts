import { createHash } from "node:crypto";
import type { TestApi } from "../api/knowledge-bases.js";

/** A statistic as the sampling sees it. */
export interface StatisticKey {
  readonly slug: string;
  readonly kind: string;
}

/** Every statistic of a knowledge base, read through the API in pages of 100 (one cheap query per page). */
export async function allStatistics(api: TestApi): Promise<StatisticKey[]> {
  const out: StatisticKey[] = [];
  let after: string | null = null;
  do {
    const page: any = (await api.data(`query($after: String) { statistics(first: 100, after: $after) { nodes { slug kind } pageInfo { hasNextPage endCursor } } }`, { after })).statistics;
    out.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * A fixed sample of at most `size` statistics plus one of each kind the sample lacks: those
 * whose slugs have the lowest SHA-256, so the same data always gives the same sample, adding
 * documents changes it only where a new slug hashes lower, and its size (and the cost of the
 * tests that walk it) does not grow with the knowledge base. Slugs in hash order.
 */
export function fixedSample(statistics: readonly StatisticKey[], size: number): string[] {
  const byHash = statistics
    .map((s) => ({ ...s, hash: createHash("sha256").update(s.slug).digest("hex") }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const chosen = byHash.slice(0, size);
  for (const s of byHash.slice(size)) if (!chosen.some((c) => c.kind === s.kind)) chosen.push(s);
  return chosen.map((s) => s.slug);
}
