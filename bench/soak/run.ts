import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../../src/paths.js";
import { buildInto } from "../../test/fixtures/fixture-db.js";
import type { CapturedResponse } from "../http/bare-server.js";
import { type RunStats, load } from "../http/load.js";
import { freePort, stopChild, waitForHttp } from "../lib/processes.js";
import { fmt, percentile } from "../lib/stats.js";

/**
 * A short soak of the real server (issue 13): a few minutes of mixed valid and hostile
 * traffic at a fixed concurrency, against `serve` in a child process on a loopback port over
 * the project's own knowledge base. It reports, per kind of request, how many were answered
 * as expected, the errors (a network error, a 5xx, or an answer other than the one expected),
 * the p99, how long /healthz took while it ran, and the server's resident memory at the start
 * and at the end. Before the soak it measures the fact card page against a bare node:http
 * server sending the same bytes.
 *
 * Usage: npx tsx bench/soak/run.ts [--seconds 180] [--connections 16] [--heap-mb N] [--no-write]
 * Writes its section into bench/RESULTS.md (between the soak markers, one section with a heap
 * limit and one without) unless --no-write.
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option("seconds", 180);
const CONNECTIONS = option("connections", 16);
const WRITE = !args.includes("--no-write");
/** A V8 heap limit for the server (`--max-old-space-size`), as a container would set; none by default. */
const HEAP_MB = option("heap-mb", 0);
const FACT_SLUG = "china-live-commerce-sessions-per-day-2020-h1-over-50k";

/** One kind of request in the mix: how to make the next one, and which statuses are the right answer. */
interface Kind {
  readonly name: string;
  readonly hostile: boolean;
  /** How often it is picked, relative to the others. */
  readonly weight: number;
  readonly expect: readonly number[];
  make(n: number): { path: string; init: RequestInit };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

function fanOut(levels: number, width: number): string {
  let doc = `query FanOut { statistics(first: 1) { nodes { ...F${levels} } } }\nfragment F0 on Statistic { slug }\n`;
  for (let i = 1; i <= levels; i++) doc += `fragment F${i} on Statistic { ${Array.from({ length: width }, () => `...F${i - 1}`).join(" ")} }\n`;
  return doc;
}
const STYLES = ["APA", "MLA", "CHICAGO", "GB_T_7714"];
const cites = (n: number) => Array.from({ length: n }, (_, i) => `c${i}: cite(style: ${STYLES[i % 4]}, markup: ${i % 8 < 4 ? "TEXT" : "HTML"})`).join(" ");

const KINDS: Kind[] = [
  {
    name: "fact card query (POST)",
    hostile: false,
    weight: 6,
    expect: [200],
    make: () => ({ path: "/graphql", init: json({ query: `query($s: String!) { statistic(slug: $s) { slug value { amount asWritten } citations { quote { exact } source { title url } } } }`, variables: { s: FACT_SLUG } }) }),
  },
  {
    name: "page of 50 statistics, varied (POST)",
    hostile: false,
    weight: 4,
    expect: [200],
    make: (n) => ({ path: "/graphql", init: json({ query: `query($n: Int) { statistics(first: $n) { nodes { slug value { amount } metric { name } } } }`, variables: { n: 1 + (n % 50) } }) }),
  },
  {
    name: "search with snippets (POST)",
    hostile: false,
    weight: 3,
    expect: [200],
    make: (n) => ({ path: "/graphql", init: json({ query: `query($q: String!) { search(query: $q, first: 20) { totalCount nodes { snippet } } }`, variables: { q: ["taobao", "live*", "douyin", "gmv", "sales"][n % 5] } }) }),
  },
  {
    name: "citations and agreement of 20 statistics (POST)",
    hostile: false,
    weight: 2,
    expect: [200],
    make: (n) => ({ path: "/graphql", init: json({ query: `query($s: StatisticOrderField!) { statistics(first: 20, orderBy: { field: $s }) { nodes { slug cite agreement { comparisons { verdict } } } } }`, variables: { s: ["PERIOD", "VALUE", "PUBLISHED"][n % 3] } }) }),
  },
  { name: "fact card page (GET /facts/…)", hostile: false, weight: 4, expect: [200], make: () => ({ path: `/facts/${FACT_SLUG}`, init: {} }) },
  {
    name: "fragment fan-out, 1 KB",
    hostile: true,
    weight: 1,
    expect: [400],
    make: () => ({ path: "/graphql", init: json({ query: fanOut(8, 16) }) }),
  },
  {
    name: "30 aliased cite over 100 statistics",
    hostile: true,
    weight: 1,
    expect: [400],
    make: () => ({ path: "/graphql", init: json({ query: `{ statistics(first: 100) { nodes { slug ${cites(30)} } } }` }) }),
  },
  {
    name: "distinct document padded to 45 KB",
    hostile: true,
    weight: 2,
    expect: [200],
    make: (n) => ({ path: "/graphql", init: json({ query: `${`# ${n} ${"x".repeat(96)}\n`.repeat(440)}{ knowledgeBase { dataVersion } }` }) }),
  },
  {
    name: "document padded to 95 KB",
    hostile: true,
    weight: 1,
    expect: [400],
    make: (n) => ({ path: "/graphql", init: json({ query: `${`# ${n} ${"x".repeat(96)}\n`.repeat(930)}{ knowledgeBase { dataVersion } }` }) }),
  },
  {
    name: "variables nested 5,000 deep",
    hostile: true,
    weight: 1,
    expect: [400],
    make: () => ({ path: "/graphql", init: json(`{"query":"query($x: String) { __typename }","variables":{"x":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}}`) }),
  },
  {
    name: "APQ hash not the query's",
    hostile: true,
    weight: 1,
    expect: [400],
    make: (n) => ({ path: "/graphql", init: json({ query: `{ __typename } # ${n}`, extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } }) }),
  },
  {
    name: "search nested 99 parentheses",
    hostile: true,
    weight: 1,
    expect: [200],
    make: () => ({ path: "/graphql", init: json({ query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q: `${"(".repeat(99)}x${")".repeat(99)}` } }) }),
  },
  { name: "invalid JSON", hostile: true, weight: 1, expect: [400], make: () => ({ path: "/graphql", init: json(`{"query": "{ __typename }"`) }) },
  {
    name: "If-None-Match: * on an invalid query (GET)",
    hostile: true,
    weight: 1,
    expect: [400],
    make: (n) => ({ path: `/graphql?query=${encodeURIComponent(`{ nope${n % 50} }`)}`, init: { headers: { "apollo-require-preflight": "1", "if-none-match": "*" } } }),
  },
  { name: "PUT /healthz", hostile: true, weight: 1, expect: [405], make: () => ({ path: "/healthz", init: { method: "PUT" } }) },
];

/** What was seen of one kind. */
interface Tally {
  sent: number;
  expected: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
}

async function startServe(dbPath: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "main.ts"), "serve", "--no-build", "--db", dbPath, "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: "", HOST: "", WORKERS: "", ...(HEAP_MB > 0 ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${HEAP_MB}`.trim() } : {}) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/healthz`, 60_000, child);
  return { child, origin };
}

/** The fact card page against a bare node:http server replaying its bytes (5 s each, twice, alternating). */
async function factCardRatio(origin: string, dir: string): Promise<{ real: number; bare: number; realP99: number; bareP99: number }> {
  const path = `/facts/${FACT_SLUG}`;
  const res = await fetch(`${origin}${path}`);
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!["date", "connection", "keep-alive", "x-request-id", "content-length", "transfer-encoding"].includes(k)) headers[k] = v;
  });
  const file = join(dir, "fact-card-response.json");
  writeFileSync(file, JSON.stringify({ status: res.status, headers, bodyBase64: body.toString("base64") } satisfies CapturedResponse));
  const port = await freePort();
  const bare = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench", "http", "bare-server.ts"), String(port), "1", file], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const bareOrigin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${bareOrigin}/`, 30_000, bare);
  const request = { method: "GET" as const, path, headers: {} };
  const shape = { connections: 10, seconds: 5 };
  try {
    await load(origin, request, { connections: 10, seconds: 2 });
    await load(bareOrigin, request, { connections: 10, seconds: 2 });
    const real: RunStats[] = [];
    const bareRuns: RunStats[] = [];
    for (let i = 0; i < 2; i++) {
      real.push(await load(origin, request, shape));
      bareRuns.push(await load(bareOrigin, request, shape));
    }
    const best = (xs: typeof real) => xs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a));
    return { real: best(real).reqPerSec, bare: best(bareRuns).reqPerSec, realP99: best(real).p99Ms, bareP99: best(bareRuns).p99Ms };
  } finally {
    await stopChild(bare);
  }
}

async function soak(origin: string, pid: number): Promise<{ tallies: Map<string, Tally>; rss: number[]; health: number[]; seconds: number }> {
  const tallies = new Map(KINDS.map((k) => [k.name, { sent: 0, expected: 0, errors: 0, statuses: {}, latencies: [] } as Tally]));
  const totalWeight = KINDS.reduce((a, k) => a + k.weight, 0);
  let seed = 20261203;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = () => {
    let r = random() * totalWeight;
    for (const k of KINDS) if ((r -= k.weight) < 0) return k;
    return KINDS[0]!;
  };
  const started = performance.now();
  const endAt = started + SECONDS * 1000;
  const rss = [rssMb(pid)];
  const health: number[] = [];
  let n = 0;
  const worker = async () => {
    while (performance.now() < endAt) {
      const kind = pick();
      const { path, init } = kind.make(n++);
      const t = tallies.get(kind.name)!;
      t.sent++;
      const t0 = performance.now();
      try {
        const res = await fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        t.latencies.push(performance.now() - t0);
        t.statuses[res.status] = (t.statuses[res.status] ?? 0) + 1;
        if (kind.expect.includes(res.status)) t.expected++;
        else t.errors++;
      } catch {
        t.errors++;
        t.statuses.network = (t.statuses.network ?? 0) + 1;
      }
    }
  };
  const sampler = (async () => {
    let last = performance.now();
    while (performance.now() < endAt) {
      const t0 = performance.now();
      try {
        await (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(30_000) })).arrayBuffer();
        health.push(performance.now() - t0);
      } catch {
        health.push(Number.POSITIVE_INFINITY);
      }
      if (performance.now() - last >= 10_000) {
        rss.push(rssMb(pid));
        last = performance.now();
      }
      await sleep(250);
    }
  })();
  await Promise.all([...Array.from({ length: CONNECTIONS }, worker), sampler]);
  rss.push(rssMb(pid));
  return { tallies, rss, health, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "lsf-soak-"));
  try {
    console.error("building the knowledge base…");
    const dbPath = buildInto(dir, DEFAULT_DATA_DIR);
    const { child, origin } = await startServe(dbPath);
    try {
      console.error("fact card page against a bare server…");
      const ratio = await factCardRatio(origin, dir);
      console.error(`fact card page: ${fmt(ratio.real)} req/s, bare ${fmt(ratio.bare)} req/s (${fmt(ratio.real / ratio.bare, 3)}×)`);
      console.error(`soak: ${SECONDS} s at ${CONNECTIONS} connections…`);
      const result = await soak(origin, child.pid!);
      const report = render(result, ratio);
      console.log(report);
      if (WRITE) writeSection(report);
    } finally {
      await stopChild(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function render(r: Awaited<ReturnType<typeof soak>>, ratio: Awaited<ReturnType<typeof factCardRatio>>): string {
  const all = [...r.tallies.values()];
  const sent = all.reduce((a, t) => a + t.sent, 0);
  const errors = all.reduce((a, t) => a + t.errors, 0);
  const lat = all.flatMap((t) => t.latencies);
  const valid = KINDS.filter((k) => !k.hostile).flatMap((k) => r.tallies.get(k.name)!.latencies);
  const finiteHealth = r.health.filter(Number.isFinite);
  const lines = [
    `## Soak: mixed valid and hostile traffic (issue 13)${HEAP_MB > 0 ? `, server heap limited to ${HEAP_MB} MB` : ""}`,
    "",
    `Run: \`npx tsx bench/soak/run.ts --seconds ${SECONDS} --connections ${CONNECTIONS}${HEAP_MB > 0 ? ` --heap-mb ${HEAP_MB}` : ""}\` — \`serve\` (sources through tsx, NODE_ENV=production, default settings${HEAP_MB > 0 ? `, \`--max-old-space-size=${HEAP_MB}\`` : ""}) over the project's \`db/\` in a child process; ` +
      `${CONNECTIONS} concurrent clients in the benchmark process for ${fmt(r.seconds)} s, each sending the next request of a fixed-seed mix; /healthz asked every 250 ms beside them. ` +
      `2 cores shared with the load generator (and, on this machine, with other work).`,
    "",
    `- Requests: ${sent} (${fmt(sent / r.seconds)}/s); **errors: ${errors}** (a network error, a 5xx, or any answer but the expected one).`,
    `- Latency, all requests: p50 ${fmt(percentile(lat, 50), 1)} ms, **p99 ${fmt(percentile(lat, 99), 1)} ms**; valid requests only: p50 ${fmt(percentile(valid, 50), 1)} ms, p99 ${fmt(percentile(valid, 99), 1)} ms.`,
    `- /healthz during the soak: ${r.health.length} probes, p50 ${fmt(percentile(finiteHealth, 50), 1)} ms, p99 ${fmt(percentile(finiteHealth, 99), 1)} ms, max ${fmt(Math.max(...r.health), 1)} ms${r.health.length > finiteHealth.length ? `, ${r.health.length - finiteHealth.length} unanswered` : ""}.`,
    `- Server RSS: **${fmt(r.rss[0]!, 1)} MB at the start, ${fmt(r.rss[r.rss.length - 1]!, 1)} MB at the end** (highest ${fmt(Math.max(...r.rss), 1)} MB; sampled every 10 s: ${r.rss.map((x) => fmt(x)).join(", ")}).`,
    `- Fact card page \`GET /facts/${FACT_SLUG}\` (kept once drawn), 10 connections, best of two 5 s runs: ${fmt(ratio.real)} req/s (p99 ${fmt(ratio.realP99, 2)} ms) against a bare node:http server sending the same bytes, ${fmt(ratio.bare)} req/s (p99 ${fmt(ratio.bareP99, 2)} ms): **${fmt(ratio.real / ratio.bare, 3)}×** (target ≥ 0.3×).`,
    "",
    "| request | hostile | sent | as expected | errors | statuses | p50 / p99 ms |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...KINDS.map((k) => {
      const t = r.tallies.get(k.name)!;
      const statuses = Object.entries(t.statuses)
        .map(([s, c]) => `${s}: ${c}`)
        .join(", ");
      return `| ${k.name} | ${k.hostile ? "yes" : "no"} | ${t.sent} | ${t.expected} | ${t.errors} | ${statuses} | ${fmt(percentile(t.latencies, 50), 1)} / ${fmt(percentile(t.latencies, 99), 1)} |`;
    }),
  ];
  return lines.join("\n");
}

const MARK = HEAP_MB > 0 ? "soak-heap-limited" : "soak";
const BEGIN = `<!-- ${MARK}:begin -->`;
const END = `<!-- ${MARK}:end -->`;

/** Replaces the soak section of bench/RESULTS.md (or appends it). */
function writeSection(report: string): void {
  const file = join(PROJECT_ROOT, "bench", "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const section = `${BEGIN}\n${report}\n${END}`;
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  writeFileSync(file, i >= 0 && j > i ? `${text.slice(0, i)}${section}${text.slice(j + END.length)}` : `${text.trimEnd()}\n\n${section}\n`);
}

await main();
