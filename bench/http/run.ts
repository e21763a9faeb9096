import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Command } from "commander";
import { machineInfo, machineLine } from "../lib/machine.js";
import { run } from "../lib/processes.js";
import { profileMarkdown, summarizeProfile } from "../lib/profile.js";
import { writeSection } from "../lib/results-file.js";
import { fmt, median } from "../lib/stats.js";
import { loadMeasured } from "./cpu-per-request.js";
import { type LoadRequest, type RunStats, load } from "./load.js";
import { schemaFromSdl } from "./queries.js";
import { type Scenario, reason, scenarios } from "./scenarios.js";
import { type RunningServer, capture, serveFeatures, startBareServer, startPeerServer, startRealServer } from "./servers.js";

/**
 * `npm run bench`: the HTTP benchmark. Every scenario loads the real server (the built
 * dist/, in a child process, on a loopback port) and, in the same run, a bare node:http server
 * replaying the real server's response bytes; the result is their ratio, which a busy machine
 * disturbs far less than either number. Writes the "http" section of bench/RESULTS.md.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const opts = new Command()
  .name("bench")
  .option("--seconds <n>", "length of each measured run", (v) => Number(v), 3)
  .option("--warmup <n>", "seconds of warm-up before the runs of each scenario", (v) => Number(v), 2)
  .option("--runs <n>", "measured runs per scenario and server (at least 3)", (v) => Number(v), 3)
  .option("--connections <n>", "concurrent keep-alive connections", (v) => Number(v), 10)
  .option("--workers <list>", "worker counts to measure (2 only when `serve --workers` exists)", "1,2")
  .option("--only <keys>", "comma-separated scenario keys (default: all)")
  .option("--db <file>", "knowledge base to serve (default: the project's db/ built into bench/output)")
  .option("--statistic <slug>", "statistic of the fact card (default: the most-cited derived one)")
  .option("--search <text>", "what the search scenario looks for", "Taobao Live")
  .option("--page-size <n>", "statistics per page in the page scenario", (v) => Number(v), 50)
  .option("--no-profile", "skip the CPU profiles of the fact card scenarios")
  .option("--results <file>", "results file whose http section to rewrite", join(ROOT, "bench", "RESULTS.md"))
  .parse()
  .opts<{
    seconds: number;
    warmup: number;
    runs: number;
    connections: number;
    workers: string;
    only?: string;
    db?: string;
    statistic?: string;
    search: string;
    pageSize: number;
    profile: boolean;
    results: string;
  }>();
if (opts.runs < 3) throw new Error("--runs must be at least 3");

/** One scenario measured at one worker count. */
interface ScenarioResult {
  readonly key: string;
  readonly title: string;
  readonly workers: number;
  readonly target?: number;
  readonly refused?: string;
  readonly real: MeasuredRun[];
  readonly bare: MeasuredRun[];
  /** The peer's runs (PEER_SCENARIO at one worker only), alternating with the other two. */
  readonly peer?: MeasuredRun[];
  /** Why the peer was not measured there (not installed, or a different answer). */
  readonly peerNote?: string;
}

/** A load run, with the server process's CPU time per request when it is one process (one worker). */
type MeasuredRun = RunStats & { readonly cpuUsPerRequest?: number };

/** The scenario also measured on the peer (peer-server.ts), at one worker. */
const PEER_SCENARIO = "fact-card";
/** The peer's row cache, as `serve` sets it by default (`--row-cache-entries`). */
const PEER_ROW_CACHE_ENTRIES = 10_000;

const machine = machineInfo(ROOT);
const started = performance.now();
// The latest run's raw results, server log and profiles (bench/output is not committed).
const outDir = join(ROOT, "bench", "output", "http");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const log = (msg: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

if (!existsSync(join(ROOT, "dist", "src", "main.js"))) throw new Error("dist/src/main.js is missing: run `npm run build` first (npm run bench does)");
const db = opts.db ?? join(ROOT, "bench", "output", "knowledge.sqlite");
if (!opts.db) {
  log("building the project's knowledge base with the built code");
  const b = await run(process.execPath, [join(ROOT, "dist", "src", "main.js"), "db", "build", "--data", join(ROOT, "db"), "--db", db], ROOT);
  if (b.code !== 0) throw new Error(`db build failed:\n${b.output}`);
}
const statistic = opts.statistic ?? pickStatistic(db);
const features = await serveFeatures(ROOT);
const workerCounts = opts.workers
  .split(",")
  .map(Number)
  .filter((w) => w === 1 || features.workers);
const configArgs = (config: Scenario["config"]) => (config === "uncached" && features.responseCacheFlag ? ["--response-cache-entries", "0"] : []);

// The schema as served decides which fields the operations can ask for.
const probe = await startRealServer({ root: ROOT, db, workers: 1, extraArgs: [], logFile: join(outDir, "server.log") });
const sdl = await (await fetch(`${probe.origin}/schema.graphql`)).text();
const coldStartMs = probe.startupMs;
await probe.stop();
const built = scenarios({ schema: schemaFromSdl(sdl), statistic, search: opts.search, pageSize: opts.pageSize });
writeFileSync(join(outDir, "fact-card.graphql"), built.factCardQuery);
const chosen = built.list.filter((s) => !opts.only || opts.only.split(",").includes(s.key));

const results: ScenarioResult[] = [];
for (const workers of workerCounts) {
  for (const config of ["uncached", "cached"] as const) {
    const group = chosen.filter((s) => s.config === config);
    if (group.length === 0) continue;
    log(`starting the server: ${workers} worker${workers > 1 ? "s" : ""}, ${config}`);
    const real = await startRealServer({ root: ROOT, db, workers, extraArgs: configArgs(config), logFile: join(outDir, "server.log") });
    try {
      for (const scenario of group) results.push(await measure(scenario, real, workers));
    } finally {
      await real.stop();
    }
  }
}

const profiles: string[] = [];
if (opts.profile) {
  for (const scenario of chosen.filter((s) => s.key === "fact-card" || s.key === "fact-card-repeated")) {
    log(`profiling the server on: ${scenario.title}`);
    profiles.push(await profile(scenario));
  }
}

writeFileSync(join(outDir, "results.json"), JSON.stringify({ machine, statistic, features, results }, null, 2));
writeSection(opts.results, "http", report());
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${relative(ROOT, opts.results)} and ${relative(ROOT, outDir)}/`);

/** Warm-up, then alternate measured runs on the real and the bare server. */
async function measure(scenario: Scenario, real: RunningServer, workers: number): Promise<ScenarioResult> {
  const base = { key: scenario.key, title: scenario.title, workers, ...(scenario.target === undefined ? {} : { target: scenario.target }) };
  const prepared = await scenario.prepare(real.origin);
  if ("refused" in prepared) {
    log(`${scenario.key}: refused (${prepared.refused})`);
    return { ...base, refused: prepared.refused, real: [], bare: [] };
  }
  const response = await capture(real.origin, prepared);
  if (response.status !== 200 || /"errors"/.test(response.text)) {
    const why = `answered ${response.status}: ${reason(response.text)}`;
    log(`${scenario.key}: ${why}`);
    return { ...base, refused: why, real: [], bare: [] };
  }
  const bare = await startBareServer(ROOT, response, workers, outDir);
  const withPeer = scenario.key === PEER_SCENARIO && workers === 1 ? await startPeer(prepared, response.text) : undefined;
  const peer = withPeer && "origin" in withPeer ? withPeer : undefined;
  const peerNote = withPeer && "note" in withPeer ? { peerNote: withPeer.note } : {};
  try {
    const shape = { connections: opts.connections, seconds: opts.seconds };
    await load(real.origin, prepared, { ...shape, seconds: opts.warmup });
    await load(bare.origin, prepared, { ...shape, seconds: opts.warmup });
    if (peer) await load(peer.origin, prepared, { ...shape, seconds: opts.warmup });
    const r: MeasuredRun[] = [];
    const b: MeasuredRun[] = [];
    const p: MeasuredRun[] = [];
    // CPU time per request of each server process, where one process serves (one worker).
    const one = <T>(child: T) => (workers === 1 ? child : undefined);
    for (let i = 0; i < opts.runs; i++) {
      r.push(await loadMeasured(one(real.child), real.origin, prepared, shape));
      b.push(await loadMeasured(one(bare.child), bare.origin, prepared, shape));
      if (peer) p.push(await loadMeasured(peer.child, peer.origin, prepared, shape));
    }
    const peerLine = peer ? `, peer ${fmt(median(p.map((x) => x.reqPerSec)))} req/s` : "";
    log(`${scenario.key} (${workers}w): real ${fmt(median(r.map((x) => x.reqPerSec)))} req/s, bare ${fmt(median(b.map((x) => x.reqPerSec)))} req/s${peerLine}`);
    return { ...base, real: r, bare: b, ...(peer ? { peer: p } : {}), ...peerNote };
  } finally {
    await bare.stop();
    await peer?.stop();
  }
}

/**
 * Starts the peer and checks that it answers `request` with the real server's data; returns a
 * note instead when it is not installed or answers otherwise.
 */
async function startPeer(request: LoadRequest, realText: string): Promise<RunningServer | { note: string }> {
  const started = await startPeerServer(ROOT, db, PEER_ROW_CACHE_ENTRIES);
  if ("missing" in started) {
    log(started.missing);
    return { note: started.missing };
  }
  const answer = await capture(started.origin, request);
  const data = (text: string) => JSON.stringify((JSON.parse(text) as { data?: unknown }).data ?? null);
  let same = false;
  try {
    same = answer.status === 200 && !/"errors"/.test(answer.text) && data(answer.text) === data(realText);
  } catch {
    same = false;
  }
  if (!same) {
    await started.stop();
    const note = `the peer answered otherwise (${answer.status}: ${reason(answer.text)})`;
    log(note);
    return { note };
  }
  return started;
}

/** Loads one worker of the real server under --cpu-prof and summarises where its time went. */
async function profile(scenario: Scenario): Promise<string> {
  const dir = join(outDir, `profile-${scenario.key}`);
  mkdirSync(dir, { recursive: true });
  const spawned = performance.now();
  const real = await startRealServer({
    root: ROOT,
    db,
    workers: 1,
    extraArgs: configArgs(scenario.config),
    nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir],
    logFile: join(outDir, "server.log"),
  });
  let skipMs = 0;
  const seconds = Math.max(5, opts.seconds * 2);
  try {
    const prepared = await scenario.prepare(real.origin);
    if ("refused" in prepared) return `Profile of ${scenario.title}: not taken (${prepared.refused}).`;
    // Start-up and warm-up are left out of the summary: it describes the steady state.
    skipMs = performance.now() - spawned + opts.warmup * 1000;
    await load(real.origin, prepared as LoadRequest, { connections: opts.connections, seconds: opts.warmup + seconds });
  } finally {
    await real.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return `Profile of ${scenario.title}: the server wrote no profile when stopped (it must exit normally on SIGTERM for --cpu-prof to write one).`;
  return profileMarkdown(
    summarizeProfile(join(dir, file), ROOT, { skipMs }),
    `CPU profile of one server process on: ${scenario.title}, ${seconds} s under load after start-up and warm-up (${relative(ROOT, join(dir, file))})`,
  );
}

/** The statistic with the most citations among derived ones (the fact card then shows a derivation), or among all. */
function pickStatistic(path: string): string {
  const sqlite = new Database(path, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        "SELECT s.slug FROM statistic s JOIN citation c ON c.statistic_id = s.id GROUP BY s.id ORDER BY s.kind = 'DERIVED' DESC, count(*) DESC, s.slug LIMIT 1",
      )
      .get() as { slug: string } | undefined;
    if (!row) throw new Error(`${path} holds no statistic`);
    return row.slug;
  } finally {
    sqlite.close();
  }
}

function report(): string {
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    "## HTTP: the real server against a bare node:http server",
    "",
    `Machine: ${machineLine(machine)}.`,
    "",
    `Run: \`${["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ")}\` — ${opts.connections} connections, ${opts.warmup} s warm-up then ${opts.runs} measured runs of ${opts.seconds} s ` +
      `per scenario and server, alternating real and bare; loopback; autocannon in the benchmark process. Took ${fmt(seconds)} s. ` +
      `Knowledge base: ${opts.db ? `\`${opts.db}\`` : "the project's `db/`"}; fact card of \`${statistic}\`.`,
    "",
    "Each cell is the median of the runs; the ratio is real req/s ÷ bare req/s. Latencies are each response's own time. " +
      "With one worker, each server process's CPU time (user + system, from /proc) per request is also given: a machine busy with other work takes time slices from the servers, " +
      "which lowers req/s, but hardly changes the CPU a request costs, so bare ÷ real CPU is the ratio to read when the load average is high. " +
      "The peer is Mercurius on Fastify (graphql-jit, its own query cache) serving the same executable schema and request context over the same database (bench/http/peer-server.ts), " +
      `measured on the ${PEER_SCENARIO} scenario at one worker, alternating with the other two; its cell is peer req/s and real ÷ peer.`,
    "",
    "| scenario | workers | real req/s | bare req/s | ratio | target | real p50 / p99 ms | bare p50 / p99 ms | real errors / non-2xx | CPU µs per request: real / bare (bare ÷ real) | peer |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    if (r.refused) {
      lines.push(`| ${r.title} | ${r.workers} | refused | | | ${r.target ? `≥ ${r.target}` : ""} | ${r.refused.replace(/\|/g, "\\|")} | | | | |`);
      continue;
    }
    const real = summarize(r.real);
    const bare = summarize(r.bare);
    const ratio = real.reqPerSec / bare.reqPerSec;
    const target = r.target === undefined ? "" : `≥ ${r.target}: ${verdict(ratio, r.target)}`;
    lines.push(
      `| ${r.title} | ${r.workers} | ${fmt(real.reqPerSec)} | ${fmt(bare.reqPerSec)} | **${fmt(ratio, 3)}** | ${target} | ${fmt(real.p50Ms, 2)} / ${fmt(real.p99Ms, 2)} | ${fmt(bare.p50Ms, 2)} / ${fmt(bare.p99Ms, 2)} | ${real.errors} / ${real.non2xx} | ${cpuCell(real.cpuUsPerRequest, bare.cpuUsPerRequest)} | ${peerCell(r, real.reqPerSec, real.cpuUsPerRequest)} |`,
    );
  }
  const scaling = workerCounts.length > 1 ? workerScaling() : [];
  lines.push(
    "",
    `- Response cache: ${
      features.responseCacheFlag
        ? "offered (`--response-cache-entries`): off (`0`) for the uncached scenarios, the default for the cached ones."
        : "not offered by this server (no `--response-cache-entries` in `serve --help`), so the cache-hit scenario measures the same uncached server."
    }`,
    `- Workers: ${features.workers ? `\`serve --workers\` offered; measured ${workerCounts.join(" and ")} (the bare server runs as many processes).` : "`serve --workers` not offered by this server: one process only."}`,
    ...scaling,
    `- Server start (process start to the first 200 from /healthz, one worker): ${fmt(coldStartMs)} ms.`,
    ...Object.entries(built.dropped)
      .filter(([, d]) => d.length > 0)
      .map(([name, d]) => `- Fields of the ${name} this schema does not have (left out): ${d.join(", ")}.`),
    "",
  );
  lines.push(...missedTargets());
  if (profiles.length) lines.push("### Where the server's time goes", "", ...profiles);
  return lines.join("\n");
}

/** The CPU column: each process's CPU µs per request and their ratio (one worker only). */
function cpuCell(real: number, bare: number): string {
  return Number.isFinite(real) && Number.isFinite(bare) ? `${fmt(real, 1)} / ${fmt(bare, 1)} (${fmt(bare / real, 3)})` : "";
}

/** The peer column: its req/s and the real server's share of it, its CPU per request, or why it was not measured. */
function peerCell(r: ScenarioResult, realReqPerSec: number, realCpu: number): string {
  if (r.peer && r.peer.length > 0) {
    const peer = summarize(r.peer);
    const cpu = Number.isFinite(peer.cpuUsPerRequest) ? `; CPU ${fmt(peer.cpuUsPerRequest, 1)} µs per request, peer ÷ real ${fmt(peer.cpuUsPerRequest / realCpu, 3)}` : "";
    return `${fmt(peer.reqPerSec)} req/s (real ÷ peer ${fmt(realReqPerSec / peer.reqPerSec, 3)}; p50 / p99 ${fmt(peer.p50Ms, 2)} / ${fmt(peer.p99Ms, 2)} ms${cpu})`;
  }
  return (r.peerNote ?? "").replace(/\|/g, "\\|");
}

function summarize(runs: readonly MeasuredRun[]) {
  const cpu = runs.flatMap((x) => (x.cpuUsPerRequest === undefined ? [] : [x.cpuUsPerRequest]));
  return {
    reqPerSec: median(runs.map((x) => x.reqPerSec)),
    cpuUsPerRequest: median(cpu),
    p50Ms: median(runs.map((x) => x.p50Ms)),
    p99Ms: median(runs.map((x) => x.p99Ms)),
    errors: runs.reduce((n, x) => n + x.errors + x.timeouts, 0),
    non2xx: runs.reduce((n, x) => n + x.non2xx, 0),
  };
}

function verdict(ratio: number, target: number): string {
  return ratio >= target ? "met" : `missed by ${fmt(target - ratio, 3)} (${fmt((100 * (target - ratio)) / target)} % short)`;
}

function workerScaling(): string[] {
  const out: string[] = [];
  for (const key of new Set(results.map((r) => r.key))) {
    const one = results.find((r) => r.key === key && r.workers === 1 && !r.refused);
    const two = results.find((r) => r.key === key && r.workers === 2 && !r.refused);
    if (one && two) out.push(`${one.title}: ${fmt(summarize(two.real).reqPerSec / summarize(one.real).reqPerSec, 2)}×`);
  }
  return out.length ? [`- Throughput with 2 workers over 1 (real server; the load generator shares the 2 cores): ${out.join("; ")}.`] : [];
}

function missedTargets(): string[] {
  const missed = results.filter((r) => r.target !== undefined && !r.refused && summarize(r.real).reqPerSec / summarize(r.bare).reqPerSec < r.target);
  if (missed.length === 0) return [];
  return [
    "### Targets missed",
    "",
    ...missed.map((r) => {
      const ratio = summarize(r.real).reqPerSec / summarize(r.bare).reqPerSec;
      return `- ${r.title}, ${r.workers} worker${r.workers > 1 ? "s" : ""}: ${fmt(ratio, 3)}× against ≥ ${r.target}× — ${verdict(ratio, r.target!)}. The profile below shows what the server spends its time on.`;
    }),
    "",
  ];
}
