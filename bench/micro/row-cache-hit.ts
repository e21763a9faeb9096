/**
 * Micro-benchmark of the hot path of a warm request: a repository read answered by the row
 * cache through a request's Statements (each fact card makes dozens), and making a request
 * context. Reports CPU time per call (process.cpuUsage: steadier than wall time on a busy
 * machine), median and best of 20 rounds.
 *
 *   npx tsx bench/micro/row-cache-hit.ts [knowledge.sqlite]
 */
import { DEFAULT_DB_PATH } from "../../src/paths.js";
import { openKnowledgeBase } from "../../src/db/open.js";
import { RowCache } from "../../src/db/row-cache.js";
import { createContext } from "../../src/schema/context.js";

const kb = openKnowledgeBase(process.argv[2] ?? DEFAULT_DB_PATH);
const rowCache = new RowCache(10_000);
const keys = [kb.repos.entities.page({}, { first: 1 }).rows[0]!.slug];
const CALLS = 1_000_000;
const CONTEXTS = 100_000;

/** CPU nanoseconds per run of `f`, over `n` runs. */
function cpuNs(n: number, f: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / n;
}

const calls: number[] = [];
const contexts: number[] = [];
for (let round = 0; round < 20; round++) {
  const ctx = createContext(kb, { rowCache });
  ctx.repos.entities.bySlugs(keys);
  calls.push(cpuNs(CALLS, () => ctx.repos.entities.bySlugs(keys)));
  contexts.push(cpuNs(CONTEXTS, () => createContext(kb, { rowCache })));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`cached repository call: median ${median(calls).toFixed(0)} ns, best ${Math.min(...calls).toFixed(0)} ns (CPU)`);
console.log(`createContext:          median ${median(contexts).toFixed(0)} ns, best ${Math.min(...contexts).toFixed(0)} ns (CPU)`);
kb.close();
