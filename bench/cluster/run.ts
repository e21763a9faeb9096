import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { LocalNginx, NGINX_INSTALL_HINT, Replica, buildDatabase, findNginx, nginxVersion } from "../../deploy/local/cluster.js";
import { FACT, GET_HEADERS, POST_HEADERS, getRequest, persistedQuery, postRequest } from "../../deploy/local/operations.js";
import { type LoadRequest, type RunStats, load } from "../http/load.js";
import { machineInfo, machineLine } from "../lib/machine.js";
import { freePort } from "../lib/processes.js";
import { writeSection } from "../lib/results-file.js";
import { fmt, median } from "../lib/stats.js";

/**
 * `npm run bench:cluster`: throughput through nginx (the shipped configuration, rendered) in
 * front of 1, 2 and 3 replicas of the built server, next to one replica loaded directly, and
 * the rate at which nginx answers a repeated APQ GET from its cache. All of it runs on this
 * machine, so on 2 cores more replicas cannot mean more throughput: the numbers show what nginx
 * costs and what its cache saves, not how the API scales over machines. Writes the "cluster"
 * section of bench/RESULTS.md.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const opts = new Command()
  .name("bench:cluster")
  .option("--seconds <n>", "length of each measured run", (v) => Number(v), 4)
  .option("--warmup <n>", "seconds of warm-up of each scenario before its first run", (v) => Number(v), 2)
  .option("--runs <n>", "measured runs per scenario, interleaved (at least 3)", (v) => Number(v), 3)
  .option("--connections <n>", "concurrent keep-alive connections", (v) => Number(v), 10)
  .option("--results <file>", "results file whose cluster section to rewrite", join(ROOT, "bench", "RESULTS.md"))
  .parse()
  .opts<{ seconds: number; warmup: number; runs: number; connections: number; results: string }>();
if (opts.runs < 3) throw new Error("--runs must be at least 3");

const machine = machineInfo(ROOT);
const started = performance.now();
const log = (msg: string) => console.log(`[bench:cluster ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const nginxBinary = findNginx();
if (!nginxBinary) throw new Error(`nginx not found; ${NGINX_INSTALL_HINT}`);

// Raw results go to bench/output/cluster (not committed); the replicas' and nginx's files to a
// scratch directory outside the project, which nginx's workers (nobody, under root) can enter.
const outDir = join(ROOT, "bench", "output", "cluster");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const dir = mkdtempSync(join(os.tmpdir(), "lsf-bench-cluster-"));
chmodSync(dir, 0o755);
const db = join(dir, "knowledge.sqlite");
log(buildDatabase(ROOT, db));

/** A measured configuration: where the load goes and what it sends. */
interface Scenario {
  readonly key: string;
  readonly title: string;
  readonly origin: string;
  readonly request: LoadRequest;
  readonly runs: RunStats[];
}

const replicas: Replica[] = [];
const everyReplica: Replica[] = [];
const nginxes: LocalNginx[] = [];
try {
  // Replicas answering every POST by running it (no response cache), as distinct operations would be.
  const uncachedArgs = ["--response-cache-entries", "0"];
  for (let i = 1; i <= 3; i++) replicas.push(new Replica(i, await freePort(), ROOT, db, uncachedArgs, join(dir, `replica-${i}.log`)));
  // One more, with the response cache on (the default), for the direct cached-GET baseline.
  const cachedReplica = new Replica(4, await freePort(), ROOT, db, [], join(dir, "replica-4.log"));
  everyReplica.push(...replicas, cachedReplica);
  for (const r of everyReplica) await r.start();
  for (let n = 1; n <= 3; n++) {
    const nginx = new LocalNginx(nginxBinary, join(dir, `nginx-${n}`), await freePort());
    nginx.render(
      replicas.slice(0, n).map((r) => r.address),
      "auto",
    );
    nginx.test();
    await nginx.start();
    nginxes.push(nginx);
  }
  log(`${nginxVersion(nginxBinary)}: nginx-1/2/3 in front of the first 1/2/3 replicas; replica 4 (response cache on) alone`);

  const slug = "taobao-live-jobs-created-over-1-73m";
  const fact = postRequest("POST", FACT, { slug });
  const apq = getRequest("APQ GET", undefined, { slug }, persistedQuery(FACT));
  await warmApq(nginxes[2]!.origin, cachedReplica.origin, apq, fact);

  const scenarios: Scenario[] = [
    { key: "direct", title: "fact card POST, one replica, no nginx", origin: replicas[0]!.origin, request: fact, runs: [] },
    ...nginxes.map((n, i) => ({ key: `nginx-${i + 1}`, title: `fact card POST through nginx, ${i + 1} replica${i ? "s" : ""}`, origin: n.origin, request: fact, runs: [] })),
    { key: "nginx-cache", title: "fact card APQ GET answered by nginx's cache (HIT)", origin: nginxes[2]!.origin, request: apq, runs: [] },
    { key: "replica-cache", title: "fact card APQ GET answered by one replica's response cache, no nginx", origin: cachedReplica.origin, request: apq, runs: [] },
  ];
  const shape = { connections: opts.connections, seconds: opts.seconds };
  for (const s of scenarios) {
    log(`warm-up: ${s.title}`);
    await load(s.origin, s.request, { connections: opts.connections, seconds: opts.warmup });
  }
  for (let run = 1; run <= opts.runs; run++) {
    for (const s of scenarios) {
      const r = await load(s.origin, s.request, shape);
      s.runs.push(r);
      log(`run ${run}/${opts.runs} ${s.key}: ${fmt(r.reqPerSec)} req/s, p50 ${fmt(r.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms, 2)} ms, ${r.errors} errors, ${r.non2xx} non-2xx`);
    }
  }
  const cacheStatus = await headerOf(nginxes[2]!.origin, apq, "x-cache-status");
  writeFileSync(join(outDir, "results.json"), JSON.stringify({ machine, opts, scenarios }, null, 2));
  writeSection(opts.results, "cluster", markdown(scenarios, cacheStatus));
  log(`wrote the cluster section of ${relative(ROOT, opts.results)}`);
} finally {
  for (const n of nginxes) await n.stop();
  await Promise.all(everyReplica.map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Registers the APQ hash where the GETs will land (every replica behind nginx-3 and the cached
 * replica) and fills both caches, the way a client does: hash only, and on
 * PERSISTED_QUERY_NOT_FOUND, the query by POST.
 */
async function warmApq(nginxOrigin: string, replicaOrigin: string, apq: LoadRequest, registering: LoadRequest): Promise<void> {
  const withHash = { ...registering, body: JSON.stringify({ ...JSON.parse(registering.body!), extensions: persistedQuery(FACT) }) };
  for (const origin of [nginxOrigin, replicaOrigin]) {
    for (let i = 0; ; i++) {
      const res = await fetch(`${origin}${apq.path}`, { headers: { ...GET_HEADERS } });
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      if (res.status === 200 && body.data) break;
      if (i > 8 || body.errors?.[0]?.extensions?.code !== "PERSISTED_QUERY_NOT_FOUND") throw new Error(`APQ GET on ${origin}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      await fetch(`${origin}/graphql`, { method: "POST", headers: { ...POST_HEADERS }, body: withHash.body });
    }
  }
}

/** One response header of a request. */
async function headerOf(origin: string, request: LoadRequest, name: string): Promise<string> {
  const res = await fetch(`${origin}${request.path}`, { headers: request.headers });
  await res.arrayBuffer();
  return res.headers.get(name) ?? "-";
}

/** A sentence when other work loaded the machine during the run (the load average above its cores), else nothing. */
function busy(): string {
  const load = Math.max(machine.loadAtStart[0] ?? 0, os.loadavg()[0]!);
  return load > machine.cores
    ? `The machine was busy with other work (load average up to ${fmt(load, 1)} on ${machine.cores} cores): single runs vary widely (the runs column), so read the medians and the ratios between scenarios of one run, not the absolute rates.\n\n`
    : "";
}

/** The section of bench/RESULTS.md. */
function markdown(scenarios: readonly Scenario[], cacheStatus: string): string {
  const rate = (key: string) => median(scenarios.find((s) => s.key === key)!.runs.map((r) => r.reqPerSec));
  const rows = scenarios.map((s) => {
    const m = (f: (r: RunStats) => number) => median(s.runs.map(f));
    const errors = s.runs.reduce((a, r) => a + r.errors + r.timeouts, 0);
    const non2xx = s.runs.reduce((a, r) => a + r.non2xx, 0);
    return `| ${s.title} | ${fmt(m((r) => r.reqPerSec))} | ${s.runs.map((r) => fmt(r.reqPerSec)).join(" / ")} | ${fmt(m((r) => r.p50Ms), 2)} / ${fmt(m((r) => r.p99Ms), 2)} | ${errors} / ${non2xx} |`;
  });
  const ratio = (a: string, b: string) => `${fmt(rate(a) / rate(b), 2)}×`;
  return `## Cluster: replicas behind nginx

Machine: ${machineLine(machine)}.

Run: \`npm run bench:cluster\` — ${nginxVersion(nginxBinary!)} on the shipped configuration (deploy/nginx/nginx.conf.template rendered for loopback, \`worker_processes auto\`); replicas are the built server (\`serve --no-build\`, one process each, NODE_ENV=production) over one database file; ${opts.connections} keep-alive connections from autocannon in the benchmark process; ${opts.warmup} s warm-up per scenario, then ${opts.runs} runs of ${opts.seconds} s each, scenarios interleaved. Took ${fmt((performance.now() - started) / 1000)} s.

${busy()}The POST scenarios run the fact card on every request (the replicas' response cache is off, \`--response-cache-entries 0\`; nginx never stores POSTs). The APQ GET is the same fact card as a hash-only persisted query with \`apollo-require-preflight\`: nginx answers it from its cache (X-Cache-Status after the runs: ${cacheStatus}), or, without nginx, one replica answers it from its in-memory response cache.

| scenario | req/s (median) | runs | p50 / p99 ms | errors / non-2xx |
| --- | ---: | --- | ---: | ---: |
${rows.join("\n")}

- nginx in front of one replica: ${ratio("nginx-1", "direct")} the throughput of that replica loaded directly. What nginx costs is a second process and hop on the same cores; a ratio near or above 1 means that cost is below this run's noise.
- 2 and 3 replicas over 1, through nginx: ${ratio("nginx-2", "nginx-1")} and ${ratio("nginx-3", "nginx-1")}. **This machine has ${machine.cores} cores shared by nginx, every replica and the load generator**, so a second and third replica add no CPU, only processes that contend for it and warm their own caches and compiled operations: what is measured here is the proxy's overhead and the contention, not scaling. On separate machines each replica brings its own cores (the server is CPU-bound and shares nothing), which is what the Kubernetes and docker-compose setups in deploy/ are for.
- A repeated GET answered by nginx's cache: ${ratio("nginx-cache", "replica-cache")} the rate of one replica's own response cache, and ${ratio("nginx-cache", "nginx-3")} the rate of running the operation behind nginx. A shared cache in front takes repeated queries off the replicas entirely.
`;
}
