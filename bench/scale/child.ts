import { statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { percentile } from "../lib/stats.js";
import { captureStatements, planText, queryPlan, sortsTableRows } from "../lib/statement-capture.js";
import { ORDER_LABELS, broadSearch, scaleCases } from "./queries.js";

/**
 * One measurement of `npm run bench:scale`, in a process of its own so that its memory and
 * time are its own. Runs the built code (dist/), as `npm start` does. Prints one JSON line.
 *
 *   child.ts synth <statistics> <dataDir>     write a synthetic knowledge base
 *   child.ts build <dataDir> <dbPath>         build it (the measured build)
 *   child.ts queries <dbPath> <statistics> <iterations>
 *
 * `skipMs` in the output is when the measured work started (milliseconds since the process
 * started), so a profile's summary can leave out the loading of modules.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dist = <T>(path: string): Promise<T> => import(pathToFileURL(join(ROOT, "dist", "src", path)).href) as Promise<T>;
const [command, ...args] = process.argv.slice(2);

if (command === "synth") {
  const { synthesize } = await dist<typeof import("../../src/ingest/synth.js")>("ingest/synth.js");
  const t0 = performance.now();
  const r = synthesize({ statistics: Number(args[0]), outDir: args[1]!, migrationsDir: join(ROOT, "db", "migrations") });
  print({ ...r, ms: performance.now() - t0 });
} else if (command === "build") {
  const { buildKnowledgeBase } = await dist<typeof import("../../src/ingest/build.js")>("ingest/build.js");
  const skipMs = performance.now();
  const cpu0 = process.cpuUsage();
  const r = buildKnowledgeBase({ dataDir: args[0]!, dbPath: args[1]! });
  const cpu = process.cpuUsage(cpu0);
  print({
    skipMs,
    ms: r.elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    phases: r.phases,
    counts: r.counts,
    dbBytes: statSync(args[1]!).size,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  });
} else if (command === "queries") {
  await queries(args[0]!, Number(args[1]), Number(args[2]));
} else {
  throw new Error(`unknown command ${command}`);
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Timings of the scale queries through the real server, in-process. */
async function queries(dbPath: string, statistics: number, iterations: number): Promise<void> {
  await import("reflect-metadata");
  const { openKnowledgeBase } = await dist<typeof import("../../src/db/open.js")>("db/open.js");
  const { createServer } = await dist<typeof import("../../src/server.js")>("server.js");
  const kb = openKnowledgeBase(dbPath);
  const server = await createServer(kb);
  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await server.execute({ query, variables });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = res.body.singleResult;
    if (errors?.length) throw new Error(`${errors[0]!.message} (${JSON.stringify(variables)})`);
    return data as any;
  };
  const cases = await scaleCases(run, statistics);
  const hits: Record<string, number> = {};
  for (const [name, f] of Object.entries(cases)) {
    const data = (await f(0)) as { search?: { nodes: unknown[] }; statistics?: { nodes: unknown[] } };
    hits[name] = (data.search ?? data.statistics)!.nodes.length;
  }
  const timings: Record<string, { p50: number; p95: number; mean: number; cpuP50: number; cpuP95: number }> = {};
  let lastPageByOrder: Record<string, number> = {};
  const slowest: Record<string, number[]> = {};
  const slowestMs: Record<string, Map<number, number>> = {};
  const skipMs = performance.now();
  for (const [name, f] of Object.entries(cases)) {
    for (let i = 0; i < Math.min(50, iterations); i++) await f(i); // warm-up
    const ms = new Float64Array(iterations);
    // CPU time of each execution too: unlike wall time, other processes on the machine do not inflate it.
    const cpu = new Float64Array(iterations);
    for (let i = 0; i < iterations; i++) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      await f(i);
      ms[i] = performance.now() - t;
      const c = process.cpuUsage(c0);
      cpu[i] = (c.user + c.system) / 1000;
    }
    timings[name] = { p50: percentile(ms, 50), p95: percentile(ms, 95), mean: ms.reduce((a, b) => a + b, 0) / iterations, cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
    slowest[name] = [...ms.keys()].sort((a, b) => ms[b]! - ms[a]!).slice(0, 3);
    slowestMs[name] = new Map(slowest[name]!.map((i) => [i, ms[i]!]));
    if (name === "last page") {
      lastPageByOrder = Object.fromEntries(ORDER_LABELS.map((label, k) => [label, percentile(ms.filter((_, i) => i % ORDER_LABELS.length === k), 50)]));
    }
  }
  const broadMatch = await broadMatchTimes(kb, statistics, iterations);
  await server.stop();
  kb.close();
  const slowPlans = await explainSlowest(dbPath, statistics, (slowest["filtered page"] ?? []).map((i) => ({ i, ms: slowestMs["filtered page"]!.get(i)! })));
  print({ skipMs, timings, hits, lastPageByOrder, slowPlans, broadMatch });
}

/**
 * What FTS5 spends on finding the broad search's hits alone, unranked: the same MATCH
 * expressions as the timed broad searches, on the same connection, every hit read in rowid
 * order. Beside the search's own time it says how much of it is matching and how much
 * ranking (bm25's document counts and the scoring of every hit).
 */
async function broadMatchTimes(kb: import("../../src/db/open.js").KnowledgeBase, statistics: number, iterations: number): Promise<{ p50: number; p95: number; hits: number }> {
  const { compileSearchQuery } = await dist<typeof import("../../src/schema/search/search-query.js")>("schema/search/search-query.js");
  const markets = Math.min(400, statistics);
  const statement = kb.db.sqlite.prepare("SELECT rowid FROM search_index WHERE search_index MATCH ?").pluck();
  const ms = new Float64Array(iterations);
  let hits = 0;
  for (let i = 0; i < iterations; i++) {
    const match = compileSearchQuery(broadSearch(i % markets));
    const t = performance.now();
    const n = statement.all(match).length;
    ms[i] = performance.now() - t;
    if (i === 0) hits = n;
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), hits };
}

/** A plan of one of the slowest filtered pages: its time when timed, its parameters, and whether it sorts statistics. */
export interface SlowPlan {
  readonly ms: number;
  readonly params: unknown[];
  readonly plan: string;
  /** Whether SQLite sorts the statistics it reads (rather than reading them in order from an index). */
  readonly sortsRows: boolean;
}

/**
 * The query plans SQLite chose for the slowest executions of the filtered page, found by
 * running them again on a second connection whose statements are captured (the timed one is
 * left unwrapped): what a p95 far above the p50 is made of. `ms` is the timed execution's.
 */
async function explainSlowest(dbPath: string, statistics: number, slowest: { i: number; ms: number }[]): Promise<SlowPlan[]> {
  const { openKnowledgeBase } = await dist<typeof import("../../src/db/open.js")>("db/open.js");
  const { createServer } = await dist<typeof import("../../src/server.js")>("server.js");
  const kb = openKnowledgeBase(dbPath);
  const capture = captureStatements(kb.db);
  const server = await createServer(kb);
  const cases = await scaleCases(async (query, variables) => {
    const res = await server.execute({ query, variables });
    return res.body.kind === "single" ? (res.body.singleResult.data as any) : null;
  }, statistics);
  const out: SlowPlan[] = [];
  for (const { i, ms } of slowest) {
    capture.statements.clear();
    await cases["filtered page"]!(i);
    for (const s of [...capture.statements.values()]) {
      if (/^SELECT/.test(s.sql) && /FROM statistic s/.test(s.sql) && /LIMIT/.test(s.sql)) {
        const plan = queryPlan(kb.db, s);
        out.push({ ms, params: [...s.params], plan: planText(plan).replace(/\n\s*/g, " → "), sortsRows: sortsTableRows(plan, "s") });
      }
    }
  }
  capture.stop();
  await server.stop();
  kb.close();
  return out;
}
