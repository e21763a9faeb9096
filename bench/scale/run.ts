import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { Command } from "commander";
import { machineInfo, machineLine } from "../lib/machine.js";
import { freePort, stopChild } from "../lib/processes.js";
import { profileMarkdown, summarizeProfile } from "../lib/profile.js";
import { writeSection } from "../lib/results-file.js";
import { fmt, median } from "../lib/stats.js";
import { type Executor, scaleCases } from "./queries.js";
import type { SlowPlan } from "./child.js";
import { PAGE_CACHE_KIB } from "../../src/db/open.js";

/**
 * `npm run bench:scale`: builds synthetic knowledge bases of 1,000, 100,000 and 1,000,000
 * statistics through the real build (synthesize, then buildKnowledgeBase) and measures the
 * build rate, the database size, in-process query latencies through the real server, its
 * memory after the load, and the cold start of the built server. Every measurement runs in a
 * child process of its own (bench/scale/child.ts) on the built dist/. Writes the "scale"
 * section of bench/RESULTS.md.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const opts = new Command()
  .name("bench:scale")
  .option("--sizes <list>", "numbers of statistics", "1000,100000,1000000")
  .option("--iterations <n>", "timed executions of each query", (v) => Number(v), 300)
  .option("--cold-starts <n>", "server starts to time per size", (v) => Number(v), 3)
  .option("--no-profile", "skip the CPU profiles at the largest size")
  .option("--clean", "also remove the synthetic curated files when done (they are kept for reruns)", false)
  .option("--results <file>", "results file whose scale section to rewrite", join(ROOT, "bench", "RESULTS.md"))
  .parse()
  .opts<{ sizes: string; iterations: number; coldStarts: number; profile: boolean; clean: boolean; results: string }>();

const sizes = opts.sizes.split(",").map(Number);
const PAGE_CACHE_MIB = PAGE_CACHE_KIB / 1024;
const largest = Math.max(...sizes);
const machine = machineInfo(ROOT);
const started = performance.now();
const work = join(ROOT, "var", "bench-scale");
const outDir = join(ROOT, "bench", "output", "scale");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const log = (msg: string) => console.log(`[bench:scale ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
if (!existsSync(join(ROOT, "dist", "src", "main.js"))) throw new Error("dist/src/main.js is missing: run `npm run build` first (npm run bench:scale does)");

interface BuildOut {
  ms: number;
  cpuMs: number;
  phases: Record<string, number>;
  counts: Record<string, number>;
  dbBytes: number;
  peakRssBytes: number;
}
interface QueriesOut {
  timings: Record<string, { p50: number; p95: number; mean: number; cpuP50: number; cpuP95: number }>;
  hits: Record<string, number>;
  lastPageByOrder: Record<string, number>;
  slowPlans: SlowPlan[];
  /** The broad searches' MATCH alone, every hit read unranked (see child.ts). */
  broadMatch: { p50: number; p95: number; hits: number };
}
interface SizeResult {
  statistics: number;
  synthesized: { reused: boolean; ms: number; bytes: number };
  build: BuildOut;
  queries: QueriesOut;
  coldStartMs: number[];
  servedRss: ServedMemory;
}
/** Memory of the served process (`serve`, one worker) from /proc/<pid>/status. */
interface ServedMemory {
  rssBytes: number;
  anonBytes: number;
  fileBytes: number;
}

const results: SizeResult[] = [];
const profiles: string[] = [];
for (const n of sizes) {
  const dataDir = join(work, `synth-${n}`, "db");
  const dbPath = join(work, `synth-${n}`, "knowledge.sqlite");
  const synthesized = await synthesizeOnce(n, dataDir);
  const profileHere = opts.profile && n === largest;
  log(`${n} statistics: building`);
  const build = await child<BuildOut>(["build", dataDir, dbPath], profileHere ? "build" : null);
  log(`${n} statistics: built in ${fmt(build.ms / 1000, 1)} s (${fmt(n / (build.ms / 1000))} statistics/s, ${fmt(build.dbBytes / 1e6)} MB); querying`);
  const queries = await child<QueriesOut>(["queries", dbPath, String(n), String(opts.iterations)], profileHere ? "queries" : null);
  log(`${n} statistics: cold starts, then the served memory after the same queries over HTTP`);
  const coldStartMs: number[] = [];
  for (let i = 0; i < opts.coldStarts; i++) coldStartMs.push((await coldStart(dbPath, null)).ms);
  const served = await coldStart(dbPath, n);
  coldStartMs.push(served.ms);
  results.push({ statistics: n, synthesized, build, queries, coldStartMs, servedRss: served.rss! });
  rmSync(dbPath, { force: true });
  if (opts.clean) rmSync(join(work, `synth-${n}`), { recursive: true, force: true });
}
writeFileSync(join(outDir, "results.json"), JSON.stringify({ machine, results }, null, 2));
writeSection(opts.results, "scale", report());
log(`done in ${fmt((performance.now() - started) / 1000)} s; wrote ${relative(ROOT, opts.results)} and ${relative(ROOT, outDir)}/`);

/**
 * Writes the synthetic curated files of `n` statistics, unless the same generator already
 * wrote them (the build reads them; they are not what is measured). The migrations are always
 * copied afresh, so the build uses the project's current schema.
 */
async function synthesizeOnce(n: number, dataDir: string): Promise<SizeResult["synthesized"]> {
  const stamp = createHash("sha256").update(readFileSync(join(ROOT, "src", "ingest", "synth.ts"))).update(String(n)).digest("hex");
  const stampFile = join(dataDir, "..", "synth.stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(join(dataDir, "sources"))) {
    rmSync(join(dataDir, "migrations"), { recursive: true, force: true });
    cpSync(join(ROOT, "db", "migrations"), join(dataDir, "migrations"), { recursive: true });
    log(`${n} statistics: reusing the synthetic curated files in ${relative(ROOT, dataDir)}`);
    return { reused: true, ms: 0, bytes: 0 };
  }
  log(`${n} statistics: synthesizing`);
  mkdirSync(join(dataDir, ".."), { recursive: true });
  rmSync(stampFile, { force: true });
  const r = await child<{ ms: number; bytes: number }>(["synth", String(n), dataDir], null);
  writeFileSync(stampFile, stamp);
  return { reused: false, ms: r.ms, bytes: r.bytes };
}

/** Runs bench/scale/child.ts in a new process (with --cpu-prof when `profile` names it) and parses its JSON line. */
async function child<T>(args: string[], profile: string | null): Promise<T> {
  const profileDir = join(outDir, `profile-${profile}`);
  const nodeArgs = profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const p = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(ROOT, "bench", "scale", "child.ts"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  p.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const [code] = (await once(p, "exit")) as [number | null];
  if (code !== 0) throw new Error(`child ${args.join(" ")} exited with ${code}`);
  const result = JSON.parse(out.trim().split("\n").pop()!) as T & { skipMs?: number };
  if (profile) {
    const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (file) {
      const title =
        profile === "build"
          ? `CPU profile of the build of ${largest.toLocaleString("en")} statistics (buildKnowledgeBase only)`
          : `CPU profile of the in-process queries at ${largest.toLocaleString("en")} statistics (warm-up and timed executions)`;
      profiles.push(profileMarkdown(summarizeProfile(join(profileDir, file), ROOT, { skipMs: result.skipMs ?? 0 }), `${title} (${relative(ROOT, join(profileDir, file))})`));
    }
  }
  return result;
}

/**
 * Time from starting `node dist/src/main.js serve` on a built database to its first answer to
 * a GraphQL query. With `loadStatistics`, the server then answers the scale queries over HTTP
 * (each case `opts.iterations` times) and its memory is read before it is stopped.
 */
async function coldStart(dbPath: string, loadStatistics: number | null): Promise<{ ms: number; rss?: ServedMemory }> {
  const port = await freePort();
  const t0 = performance.now();
  const server = spawn(process.execPath, [join(ROOT, "dist", "src", "main.js"), "serve", "--no-build", "--host", "127.0.0.1", "--port", String(port), "--db", dbPath], {
    cwd: ROOT,
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: '{ statistic(slug: "stat-0") { slug value { amount unit } } }' }),
        });
        const body = (await res.json()) as { data?: { statistic?: { slug: string } } };
        if (res.status === 200 && body.data?.statistic?.slug === "stat-0") {
          const ms = performance.now() - t0;
          if (loadStatistics === null) return { ms };
          return { ms, rss: await servedMemory(`http://127.0.0.1:${port}`, server.pid!, loadStatistics) };
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 60_000) throw new Error("no answer within 60 s");
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await stopChild(server);
  }
}

/** Runs every scale case `opts.iterations` times against a served API, then reads the server's memory. */
async function servedMemory(origin: string, pid: number, statistics: number): Promise<ServedMemory> {
  const run: Executor = async (query, variables) => {
    const res = await fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (res.status !== 200 || body.errors) throw new Error(`served query failed with ${res.status}: ${body.errors?.[0]?.message}`);
    return body.data;
  };
  const cases = await scaleCases(run, statistics);
  for (const f of Object.values(cases)) for (let i = 0; i < opts.iterations; i++) await f(i);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const bytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rssBytes: bytes("VmRSS"), anonBytes: bytes("RssAnon"), fileBytes: bytes("RssFile") };
}

function report(): string {
  const small = results.find((r) => r.statistics === Math.min(...sizes));
  const big = results.find((r) => r.statistics === largest);
  const lines = [
    "## Scale: synthetic knowledge bases through the real build and server",
    "",
    `Machine: ${machineLine(machine)}.`,
    "",
    `Run: \`${["npm run bench:scale", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ")}\` — sizes ${sizes.map((n) => n.toLocaleString("en")).join(", ")}; ` +
      `${opts.iterations} timed executions of each query after 50 warm-up ones, in-process through \`createServer(openKnowledgeBase(path)).execute\`; ` +
      `${opts.coldStarts} cold starts per size. Took ${fmt((performance.now() - started) / 1000)} s` +
      ` (synthesizing the curated files is not timed as build; they are reused between runs when the generator is unchanged).`,
    "",
    "| statistics | build | build rate | build peak RSS | database | filtered page of 20, p50 / p95 | last page (keyset), p50 / p95 | search, specific, p50 / p95 | search, broad, p50 / p95 | server RSS after load (anon + file) | cold start (median) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    const t = r.queries.timings;
    const pq = (k: string) => `${ms(t[k]!.p50)} / ${ms(t[k]!.p95)} ms`;
    lines.push(
      `| ${r.statistics.toLocaleString("en")} | ${fmt(r.build.ms / 1000, 2)} s | ${fmt(r.statistics / (r.build.ms / 1000))} /s | ${mb(r.build.peakRssBytes)} | ${mb(r.build.dbBytes)} | ${pq("filtered page")} | ${pq("last page")} | ${pq("search, specific")} | ${pq("search, broad")} | ${mb(r.servedRss.rssBytes)} (${mb(r.servedRss.anonBytes)} + ${mb(r.servedRss.fileBytes)}) | ${fmt(median(r.coldStartMs))} ms |`,
    );
  }
  lines.push(
    "",
    `- Filtered page: \`statistics(filter: { metric, periodFrom, periodTo }, orderBy, first: 20)\` with the nodes' value, period, subject and citations' sources, rotating over 40 metrics, 3 period windows and 5 orders (full pages at every size: ${results.map((r) => r.queries.hits["filtered page"]).join(", ")} rows).`,
    "- Last page: `first: 20, after:` the cursor of the 21st statistic from the end of the whole list, in 5 orders (keyset paging: as cheap as the first page).",
    `- Search, specific: \`"stat-N" recorded\` (one statistic's words: ${big ? big.queries.hits["search, specific"] : "?"} hits at the largest size); search, broad: \`"market-M" "Metric K"\` (one statistic in 400 and the documents stating them, so its hits grow with the knowledge base; ranking (bm25) scores every hit before the first 20 are returned).`,
    "- Build: `synthesize` then `buildKnowledgeBase` (read, validate, write, index, analyze), timed in its own process; peak RSS is that process's.",
    `- Server RSS after load: \`serve\` (one process, default settings, response cache included) after answering every case above ${opts.iterations} times over HTTP, from /proc/<pid>/status; split into anonymous memory (heap, SQLite's page cache of at most ${PAGE_CACHE_MIB} MiB, response cache) and file pages (node and its libraries; the database is read through the page cache, not memory-mapped: src/db/open.ts).`,
    "- Cold start: `node dist/src/main.js serve --no-build` on the built database until a GraphQL POST is answered (median of the starts, including the one then loaded).",
    "",
    "### CPU time per query",
    "",
    "The same executions, in CPU time (p50 / p95, ms): what the queries cost the process, which other processes on a busy machine do not inflate (its wall-clock p95 above does count their time slices).",
    "",
    "| statistics | filtered page | last page | search, specific | search, broad |",
    "| ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r) => {
      const c = (k: string) => `${ms(r.queries.timings[k]!.cpuP50)} / ${ms(r.queries.timings[k]!.cpuP95)}`;
      return `| ${r.statistics.toLocaleString("en")} | ${c("filtered page")} | ${c("last page")} | ${c("search, specific")} | ${c("search, broad")} |`;
    }),
    "",
    "### Build phases (ms)",
    "",
  );
  const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.build.phases)))];
  lines.push(`| statistics | ${phaseNames.join(" | ")} | CPU |`, `| ---: | ${phaseNames.map(() => "---:").join(" | ")} | ---: |`);
  for (const r of results) lines.push(`| ${r.statistics.toLocaleString("en")} | ${phaseNames.map((p) => fmt(r.build.phases[p] ?? Number.NaN)).join(" | ")} | ${fmt(r.build.cpuMs)} |`);
  lines.push("", "### Targets at the largest size", "");
  if (big && small && big !== small) lines.push(...targets(big, small), "", ...inTheWay(big, small));
  else lines.push("Not evaluated: run with at least two sizes.");
  if (profiles.length) {
    lines.push(
      "",
      "### Where the time goes at the largest size",
      "",
      "Self time by function and by area, from `--cpu-prof`. V8 counts native code as the self time of the JavaScript function that called it, so SQLite's work appears under the function running the statement: `insertModel` (inserts), `exec` (index builds, ANALYZE), `sqliteTransaction` (the commit), `all` in src/db/database (queries).",
      "",
      ...profiles,
    );
  }
  return lines.join("\n");
}

/** What stands in the way of the targets this run missed, from its own measurements. */
function inTheWay(big: SizeResult, small: SizeResult): string[] {
  const out: string[] = [];
  const n = big.statistics.toLocaleString("en");
  const rate = big.statistics / (big.build.ms / 1000);
  if (rate < 50_000) {
    const total = Object.values(big.build.phases).reduce((a, b) => a + b, 0);
    const phases = Object.entries(big.build.phases)
      .filter(([, ms]) => ms / total >= 0.03)
      .map(([name, ms]) => `${name} ${fmt(ms / 1000, 1)} s (${fmt((100 * ms) / total)} %)`)
      .join(", ");
    out.push(
      `- **Build rate.** ${fmt(rate)} statistics/s at ${n}, ${fmt(big.build.cpuMs / big.build.ms, 2)} cores busy on average: ${phases}. ` +
        "Reading and validating is one thread (JSON parsing, the zod schemas, the checks across documents and the garbage collector's work on a model of every statistic); " +
        "the inserts are one SQLite connection (the full-text index is filled by a worker thread in parallel and copied in); index builds sort on several threads. " +
        `50,000 statistics/s needs the whole build ${fmt(50_000 / rate, 1)}× faster. Peak memory of the build: ${mb(big.build.peakRssBytes)}.`,
    );
  }
  for (const name of ["search, specific", "search, broad"]) {
    const p95 = big.queries.timings[name]!.p95;
    if (p95 > 15 || p95 > 2 * small.queries.timings[name]!.p95) {
      const match = big.queries.broadMatch;
      const why =
        name === "search, broad"
          ? `Finding the hits alone, unranked (FTS5 reading every one of the ${fmt(match.hits)} matches in rowid order), takes ${ms(match.p50)} ms p50 and ${ms(match.p95)} ms p95 at this size: ` +
            "each phrase (\"market M\", \"metric K\") is checked, by the positions of its words, in every document holding all of them, and its words are common (\"market\" and \"metric\" are in every statistic, the numbers in many). " +
            "bm25 then reads each phrase's documents once more to count them (its inverse document frequency) and scores every hit before the first 20 are returned. " +
            "Words in at least half of the documents are already kept out of that count (their weight is bm25's floor: src/db/search-ranking.ts), but these phrases are rarer; ranking them without SQLite's bm25 would need each hit's phrase frequencies, which FTS5 only gives an auxiliary function (not available from better-sqlite3) or a highlight of the hit's whole text."
          : "A conjunction of common words with a rarer phrase and few hits is ranked without bm25 counting the common words' documents (src/db/search-ranking.ts); this query either has more than 200 hits or no such word, so bm25 reads every phrase's list of documents on each query.";
      out.push(`- **${name[0]!.toUpperCase()}${name.slice(1)}.** ${ms(p95)} ms p95 at ${n} for ${big.queries.hits[name]} hits on the first page. ${why}`);
    }
  }
  if (big.servedRss.rssBytes >= 300e6) {
    out.push(
      `- **Server RSS.** ${mb(big.servedRss.rssBytes)}: ${mb(big.servedRss.anonBytes)} of the process's own memory (heap, SQLite's page cache of at most ${PAGE_CACHE_MIB} MiB, the response cache) and ${mb(big.servedRss.fileBytes)} of file pages (node and its libraries; src/db/open.ts maps no database pages).`,
    );
  }
  for (const name of ["filtered page", "last page"]) {
    const p95 = big.queries.timings[name]!.p95;
    if (p95 > 5 || p95 > 2 * small.queries.timings[name]!.p95) {
      const t = big.queries.timings[name]!;
      const byOrder =
        name === "last page"
          ? ` By order (p50): ${Object.entries(big.queries.lastPageByOrder)
              .map(([o, x]) => `${o} ${ms(x)} ms`)
              .join(", ")}. Each read is one index range per segment (the rest of the cursor's run of equal keys, the keys beyond it, the statistics without the key: src/db/keyset.ts), tested to seek to the cursor in test/perf/query-plans.test.ts.`
          : "";
      const plans =
        name === "filtered page" && big.queries.slowPlans.length
          ? ` Its slowest executions, run again and explained: ${big.queries.slowPlans
              .map((p) => `${ms(p.ms)} ms with parameters \`${JSON.stringify(p.params)}\`: ${p.plan}`)
              .join("; ")}.${
              big.queries.slowPlans.some((p) => p.sortsRows)
                ? " Some of these plans sort the statistics they read instead of reading them in order from an index: a metric's page in a period window should only ever read the metric's index in the page's order (src/db/statistic.repo.ts, migration 005), which test/perf/query-plans.test.ts checks for several metrics and windows; a sort here is a case it does not cover."
                : " None of them sorts the statistics it reads: each reads an index in the page's order, so the time is spent elsewhere (see the profile below)."
            }`
          : "";
      out.push(
        `- **${name[0]!.toUpperCase()}${name.slice(1)}.** ${ms(t.p50)} ms p50, ${ms(p95)} ms p95 at ${n} (${ms(small.queries.timings[name]!.p95)} ms p95 at ${small.statistics.toLocaleString("en")}); CPU time ${ms(t.cpuP50)} ms p50, ${ms(t.cpuP95)} ms p95. ` +
          "Every statement is served by an index (test/perf/query-plans.test.ts); a wall-clock p95 far above the CPU-time p95 is time the process spent waiting for a core on a busy machine." +
          byOrder +
          plans,
      );
    }
  }
  const cold = median(big.coldStartMs);
  if (cold >= 1000) out.push(`- **Cold start.** ${fmt(cold)} ms: loading the server's modules and building the GraphQL schema before the first answer (the database is opened read-only and not scanned).`);
  return out.length ? ["#### What is in the way", "", ...out] : [];
}

function mb(bytes: number): string {
  return `${fmt(bytes / 1e6)} MB`;
}

function ms(x: number): string {
  return fmt(x, x < 10 ? 2 : 1);
}

function targets(big: SizeResult, small: SizeResult): string[] {
  const row = (what: string, value: number, unit: string, ok: boolean, target: string, gap: string) =>
    `| ${what} | ${fmt(value, unit === "ms" ? 2 : unit === "×" ? 1 : 0)}${unit === "×" ? "×" : ` ${unit}`} | ${target} | ${ok ? "met" : `missed: ${gap}`} |`;
  const out = ["| measure | at " + big.statistics.toLocaleString("en") + " | target | verdict |", "| --- | ---: | --- | --- |"];
  for (const [name, limit] of [
    ["filtered page", 5],
    ["last page", 5],
    ["search, specific", 15],
    ["search, broad", 15],
  ] as const) {
    const p95 = big.queries.timings[name]!.p95;
    const base = small.queries.timings[name]!.p95;
    const cpu = big.queries.timings[name]!.cpuP95;
    out.push(row(`${name} p95`, p95, "ms", p95 <= limit, `≤ ${limit} ms`, `${fmt(p95 - limit, 2)} ms over (${fmt(p95 / limit, 1)}×; CPU-time p95 ${ms(cpu)} ms${cpu <= limit ? ", within the target" : ""})`));
    out.push(row(`${name} p95 against ${small.statistics.toLocaleString("en")}`, p95 / base, "×", p95 <= 2 * base, "≤ 2×", `${fmt(p95 / base, 1)}× the ${small.statistics.toLocaleString("en")}-statistic p95 (${fmt(base, 2)} ms)`));
  }
  const rate = big.statistics / (big.build.ms / 1000);
  out.push(row("build rate", rate, "statistics/s", rate >= 50_000, "≥ 50,000 /s", `${fmt(50_000 - rate)} /s short (${fmt((100 * rate) / 50_000)} % of it)`));
  const rss = big.servedRss.rssBytes;
  out.push(row("server RSS after load", rss / 1e6, "MB", rss < 300e6, "< 300 MB", `${fmt(rss / 1e6 - 300)} MB over (${fmt(big.servedRss.anonBytes / 1e6)} MB its own memory, ${fmt(big.servedRss.fileBytes / 1e6)} MB file pages)`));
  const cold = median(big.coldStartMs);
  out.push(row("cold start", cold, "ms", cold < 1000, "< 1 s", `${fmt(cold - 1000)} ms over`));
  return out;
}
