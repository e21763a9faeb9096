/**
 * `npm run cluster:check`: proves the many-machine shape of deploy/ on this machine. Three
 * replicas of the built server, each on its own loopback port over one database file, run
 * behind Debian's nginx configured by the shipped template (deploy/nginx/nginx.conf.template,
 * rendered for these ports and a scratch directory). Then, through nginx:
 *
 * - under load, every replica is restarted in turn (SIGTERM, wait for it to exit, start it,
 *   wait until nginx sends it traffic again): no request may fail;
 * - under load, one replica is killed with SIGKILL: no GET may fail (nginx retries them on
 *   the others), and what POSTs in flight on it got is reported;
 * - a repeated APQ GET is answered from nginx's cache, and once expired it is revalidated
 *   with the replica's ETag (a 304 from the replica);
 * - request ids reach the replicas and come back, even on cached answers.
 *
 * One line per check; exits 1 when any fails. Needs nginx (`apt-get install -y nginx`) and a
 * build (`npm run build`, which the npm script runs first).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { LogCursor, type AccessLine } from "./access-log.js";
import { type LocalCluster, NGINX_INSTALL_HINT, type Replica, buildDatabase, findNginx, nginxVersion, sleep, startLocalCluster } from "./cluster.js";
import { type Outcome, send, startLoad, tally } from "./load.js";
import { BIG_PAGE, FACT, GET_HEADERS, SLUGS, getRequest, mixedRequest, persistedQuery, postRequest } from "./operations.js";
import { DEPLOY_DIR, NGINX_COMPOSE_CONF, composeConf } from "./render.js";

const ROOT = join(DEPLOY_DIR, "..");
/** Shorter than production's 5 s (deploy/k8s) to keep the check short; the code path is the same. */
const SHUTDOWN_DELAY_MS = 1000;
/** A short max-age, so that the check can watch an answer expire and be revalidated. */
const CACHE_MAX_AGE_S = 3;
const SERVE_ARGS = ["--shutdown-delay-ms", String(SHUTDOWN_DELAY_MS), "--shutdown-timeout-ms", "10000", "--cache-max-age", String(CACHE_MAX_AGE_S), "--log-requests"];
const REPLICAS = 3;
const LOAD_CONCURRENCY = 6;

/** One check's verdict. */
interface Verdict {
  readonly name: string;
  readonly pass: boolean;
}
const verdicts: Verdict[] = [];
const started = performance.now();

/** Prints one line per check. */
function report(name: string, pass: boolean, detail: string): void {
  verdicts.push({ name, pass });
  console.log(`${pass ? "PASS" : "FAIL"} ${name}: ${detail}`);
}

/** Prints an indented detail line under a check. */
function note(text: string): void {
  console.log(`     ${text}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const nginxBinary = findNginx();
  if (!nginxBinary) {
    report("nginx", false, `not found; ${NGINX_INSTALL_HINT}`);
    return;
  }
  if (!existsSync(join(ROOT, "dist", "src", "main.js"))) {
    report("build", false, "dist/src/main.js is missing: run npm run build (npm run cluster:check does)");
    return;
  }
  const committed = existsSync(NGINX_COMPOSE_CONF) ? readFileSync(NGINX_COMPOSE_CONF, "utf8") : "";
  report(
    "compose rendering",
    committed === composeConf(),
    committed === composeConf()
      ? `${relative(ROOT, NGINX_COMPOSE_CONF)} is the template rendered for docker-compose`
      : `${relative(ROOT, NGINX_COMPOSE_CONF)} is stale: run npm run deploy:render`,
  );

  // Outside the project: nginx's workers (nobody, when started as root) must reach the cache.
  const dir = mkdtempSync(join(os.tmpdir(), "lsf-cluster-check-"));
  const db = join(dir, "knowledge.sqlite");
  const built = buildDatabase(ROOT, db);
  let cluster: LocalCluster | undefined;
  const onSignal = () => void cluster?.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    cluster = await startLocalCluster({ root: ROOT, dir, db, replicas: REPLICAS, serveArgs: SERVE_ARGS, nginxBinary });
    report(
      "cluster",
      true,
      `${nginxVersion(nginxBinary)} on ${cluster.nginx.origin} with the shipped template rendered (nginx -t ok) in front of ${REPLICAS} replicas ` +
        `(${cluster.replicas.map((r) => r.port).join(", ")}) over one database (${built.replace(/^built knowledge base /, "").split(":")[0]}); ` +
        `serve ${SERVE_ARGS.join(" ")}; NODE_ENV=production`,
    );
    const slugs = await fetchSlugs(cluster.nginx.origin);
    await spread(cluster, slugs);
    await rollingRestart(cluster, slugs);
    await killOne(cluster, slugs);
    await caching(cluster, slugs);
    await requestIds(cluster, slugs);
  } catch (e) {
    report("harness", false, (e as Error).stack ?? String(e));
  } finally {
    await cluster?.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const failed = verdicts.filter((v) => !v.pass);
  if (failed.length === 0 && !process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  else console.log(`     logs kept in ${dir} (replica-N.log, nginx/logs/access.log, nginx/logs/error.log)`);
}

/** The statistic slugs to spread the load over. */
async function fetchSlugs(origin: string): Promise<string[]> {
  const res = await fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SLUGS }), signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { data?: { statistics: { nodes: { slug: string }[] } } };
  if (res.status !== 200 || !body.data) throw new Error(`could not list statistics through nginx: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.data.statistics.nodes.map((n) => n.slug);
}

/** Requests are spread over every replica. */
async function spread(cluster: LocalCluster, slugs: readonly string[]): Promise<void> {
  const cursor = new LogCursor(cluster.nginx.accessLog);
  const load = startLoad({ origin: cluster.nginx.origin, concurrency: 3, next: (n) => getRequest("GET", FACT, { slug: slugs[n % slugs.length]!, nonce: `spread-${n}` }), maxRequests: 60, maxMs: 20_000 });
  const outcomes = await load.done;
  await sleep(100);
  const lines = cursor.read();
  const used = new Set(lines.flatMap((l) => l.upstreams));
  const all = cluster.replicas.every((r) => used.has(r.address));
  report("spread", all && outcomes.every((o) => o.ok), `${outcomes.length} distinct GETs through nginx, ${outcomes.filter((o) => o.ok).length} ok, answered by ${used.size} of ${REPLICAS} replicas (${tally(lines, (l) => l.upstreams.at(-1) ?? "-")})`);
}

/** Polls /readyz through nginx every 100 ms until stopped: with one replica ready, nginx must say ready. */
function pollReadyz(origin: string): { stop(): Promise<Outcome[]> } {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const t0 = performance.now();
  const loop = (async () => {
    while (!stopped) {
      const o = await send(origin, { kind: "readyz", method: "GET", path: "/readyz", headers: {} }, undefined, t0, 5000);
      // /readyz answers JSON without `data`: judge it by its status.
      outcomes.push({ ...o, ok: o.status === 200 });
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return outcomes;
    },
  };
}

/** Waits until nginx's log shows `replica` answering a request (it is back in the pool); resolves with the wait. */
async function waitForTraffic(accessLog: string, replica: Replica, timeoutMs: number): Promise<number> {
  const cursor = new LogCursor(accessLog);
  const t0 = performance.now();
  for (;;) {
    if (cursor.read().some((l) => l.upstreams.at(-1) === replica.address && /^(200|304)$/.test(l.upstreamStatuses.at(-1) ?? ""))) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`nginx sent no request to replica ${replica.index} within ${timeoutMs} ms of its restart`);
    await sleep(100);
  }
}

/** What went wrong, for the report: counts by status and code, and the first few with what nginx saw. */
function describeFailures(failures: readonly Outcome[], lines: readonly AccessLine[], replicas: readonly Replica[]): string[] {
  if (failures.length === 0) return [];
  const byId = new Map(lines.map((l) => [l.requestId, l]));
  const name = (address: string) => {
    const r = replicas.find((x) => x.address === address);
    return r ? `replica ${r.index}` : address;
  };
  const out = [`failed: ${tally(failures, (o) => `${o.method} ${o.status || "no answer"}${o.code ? ` ${o.code}` : ""}`)}`];
  for (const o of failures.slice(0, 4)) {
    const l = o.requestId ? byId.get(o.requestId) : undefined;
    const tries = l ? l.upstreams.map((u, i) => `${name(u)} → ${l.upstreamStatuses[i] ?? "?"}`).join(", ") : "not in nginx's log";
    out.push(`at ${seconds(o.sentAt)}: ${o.method} ${o.kind} → ${o.status || "no answer"} ${o.code ?? ""} "${(o.message ?? "").slice(0, 120)}" (rid ${o.requestId ?? "-"}; nginx tried ${tries})`);
  }
  return out;
}

/** What the replicas logged from Apollo Server at warn level or above (why a replica failed requests), counted. */
function replicaWarnings(cluster: LocalCluster): string[] {
  const out: string[] = [];
  for (const r of cluster.replicas) {
    const messages: string[] = [];
    for (const line of readFileSync(r.logFile, "utf8").split("\n")) {
      if (!line.includes('"component":"apollo"')) continue;
      try {
        const entry = JSON.parse(line) as { level?: string; msg?: string };
        if (entry.level === "warn" || entry.level === "error") messages.push(`${entry.level}: ${entry.msg ?? ""}`.slice(0, 160));
      } catch {
        // not a log line
      }
    }
    if (messages.length) out.push(`replica ${r.index} log (Apollo Server): ${tally(messages, (m) => JSON.stringify(m))}`);
  }
  return out;
}

/** How nginx retried: requests that needed more than one replica, and what the failed tries got. */
function describeRetries(lines: readonly AccessLine[]): string {
  const retried = lines.filter((l) => l.upstreams.length > 1);
  if (retried.length === 0) return "nginx retried no request";
  return `nginx retried ${retried.length} request(s) on another replica (${tally(retried, (l) => `${l.method} first try ${l.upstreamStatuses[0]} → ${l.status}`)})`;
}

/** Restarts every replica in turn under load: nothing may be lost. */
async function rollingRestart(cluster: LocalCluster, slugs: readonly string[]): Promise<void> {
  const cursor = new LogCursor(cluster.nginx.accessLog);
  const readyz = pollReadyz(cluster.nginx.origin);
  const load = startLoad({ origin: cluster.nginx.origin, concurrency: LOAD_CONCURRENCY, next: (n) => mixedRequest(slugs, n), maxRequests: 1_000_000, maxMs: 100_000 });
  const steps: string[] = [];
  let stepsOk = true;
  try {
    await sleep(1000);
    for (const replica of cluster.replicas) {
      const exit = await replica.stop("SIGTERM");
      const readyMs = await replica.start();
      const rejoinMs = await waitForTraffic(cluster.nginx.accessLog, replica, 15_000);
      if (exit.code !== 0) stepsOk = false;
      steps.push(`replica ${replica.index}: SIGTERM → exit ${exit.code ?? exit.signal} after ${seconds(exit.ms)}; restarted, ready in ${seconds(readyMs)}, answering through nginx ${seconds(rejoinMs)} later`);
    }
    await sleep(1000);
  } catch (e) {
    stepsOk = false;
    steps.push(`restart failed: ${(e as Error).message}`);
  }
  const outcomes = await load.stop();
  const polls = await readyz.stop();
  await sleep(100);
  const lines = cursor.read();
  const failures = outcomes.filter((o) => !o.ok);
  const badPolls = polls.filter((o) => !o.ok);
  const span = outcomes.length ? Math.max(...outcomes.map((o) => o.doneAt)) : 0;
  report(
    "rolling restart",
    stepsOk && failures.length === 0 && badPolls.length === 0,
    `${outcomes.length} requests in ${seconds(span)} (${tally(outcomes, (o) => o.kind)}) while each replica was restarted in turn: ` +
      `${failures.length} failed or 5xx; /readyz through nginx ${polls.length - badPolls.length}/${polls.length} polls 200`,
  );
  for (const s of steps) note(s);
  note(describeRetries(lines));
  for (const d of describeFailures(failures, lines, cluster.replicas)) note(d);
  if (failures.length) for (const w of replicaWarnings(cluster)) note(w);
  if (badPolls.length) note(`/readyz through nginx: ${tally(badPolls, (o) => `${o.status || "no answer"}`)}`);
}

/** Kills one replica with SIGKILL under load: GETs are retried elsewhere; reports what POSTs in flight got. */
async function killOne(cluster: LocalCluster, slugs: readonly string[]): Promise<void> {
  const victim = cluster.replicas[1]!;
  const cursor = new LogCursor(cluster.nginx.accessLog);
  const t0 = performance.now();
  const load = startLoad({ origin: cluster.nginx.origin, concurrency: LOAD_CONCURRENCY, next: (n) => mixedRequest(slugs, n + 500_000), maxRequests: 1_000_000, maxMs: 30_000 });
  await sleep(1000);
  // Slow requests (a page of 100 statistics) sent just before the kill, so that some are in
  // flight on the victim when it dies; round robin gives it about a third of them.
  const burst = Array.from({ length: 8 }, (_, i) =>
    send(cluster.nginx.origin, i % 2 === 0 ? postRequest("POST (slow)", BIG_PAGE, { nonce: `kill-${i}` }) : getRequest("GET (slow)", BIG_PAGE, { nonce: `kill-${i}` }), undefined, t0, 20_000),
  );
  await sleep(10);
  const killed = await victim.stop("SIGKILL");
  await sleep(3000);
  // Brought back under the same load: nginx must try it again once fail_timeout has passed.
  let back: string;
  try {
    const readyMs = await victim.start();
    const rejoinMs = await waitForTraffic(cluster.nginx.accessLog, victim, 15_000);
    back = `replica ${victim.index} restarted: ready in ${seconds(readyMs)}, answering through nginx ${seconds(rejoinMs)} later`;
  } catch (e) {
    back = `replica ${victim.index} did not come back: ${(e as Error).message}`;
  }
  const outcomes = [...(await load.stop()), ...(await Promise.all(burst))];
  await sleep(100);
  const lines = cursor.read();
  const byId = new Map(lines.map((l) => [l.requestId, l]));
  const gets = outcomes.filter((o) => o.method === "GET");
  const posts = outcomes.filter((o) => o.method === "POST");
  const getFailures = gets.filter((o) => !o.ok);
  const postFailures = posts.filter((o) => !o.ok);
  // A POST may fail only the way nginx documents: it reached the killed replica, which died before answering; nginx does not resend it.
  const explained = postFailures.filter((o) => {
    const l = o.requestId ? byId.get(o.requestId) : undefined;
    return o.status === 502 && o.code === "BAD_GATEWAY" && l !== undefined && l.upstreams.length === 1 && l.upstreams[0] === victim.address;
  });
  const postsOnVictim = lines.filter((l) => l.method === "POST" && l.upstreams.includes(victim.address));
  const postsRetried = postsOnVictim.filter((l) => l.upstreams.length > 1 && l.status === 200);
  report(
    "SIGKILL",
    killed.signal === "SIGKILL" && getFailures.length === 0 && explained.length === postFailures.length && back.includes("answering"),
    `replica ${victim.index} killed with SIGKILL under load, restarted 3 s later; ${outcomes.length} requests (${gets.length} GET, ${posts.length} POST): ` +
      `${getFailures.length} GET failed; POST: ${posts.length - postFailures.length} ok, ${postFailures.length} failed`,
  );
  note(
    explained.length > 0
      ? `what a POST in flight gets: ${explained.length} POST(s) already sent to replica ${victim.index} when it died got 502 BAD_GATEWAY from nginx (not resent: POST is not idempotent; the client decides)`
      : `what a POST in flight gets: no POST was in flight on replica ${victim.index} at the kill this time (one that is gets 502 BAD_GATEWAY: nginx does not resend a POST that reached a replica)`,
  );
  note(`${postsRetried.length} POST(s) that found replica ${victim.index} gone before sending were sent to another replica and answered 200`);
  note(describeRetries(lines));
  for (const d of describeFailures([...getFailures, ...postFailures.filter((o) => !explained.includes(o))], lines, cluster.replicas)) note(d);
  note(back);
}

/** One request through nginx, with its headers and parsed body. */
async function request(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(`${origin}${path}`, { method: init.method ?? "GET", headers: init.headers, body: init.body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, etag: res.headers.get("etag"), cache: res.headers.get("x-cache-status") ?? "-", requestId: res.headers.get("x-request-id"), text, code: body?.errors?.[0]?.extensions?.code };
}

/** nginx's cache: APQ GETs stored and answered, revalidated by ETag after expiry; what must not be stored is not. */
async function caching(cluster: LocalCluster, slugs: readonly string[]): Promise<void> {
  const origin = cluster.nginx.origin;
  const variables = { slug: slugs[slugs.length - 1]!, cache: "apq" };
  const extensions = persistedQuery(FACT);
  const hashOnly = getRequest("APQ", undefined, variables, extensions).path;
  const register = postRequest("APQ", FACT, variables, extensions);
  // A client as Apollo's persisted-query link behaves: hash only first; on PERSISTED_QUERY_NOT_FOUND, register by POST and try again.
  const steps: string[] = [];
  let first: Awaited<ReturnType<typeof request>> | undefined;
  let notFoundStored = false;
  for (let i = 0; i < 8 && !first; i++) {
    const r = await request(origin, hashOnly, { headers: { ...GET_HEADERS } });
    if (r.code === "PERSISTED_QUERY_NOT_FOUND") {
      if (r.cache === "HIT") notFoundStored = true;
      steps.push(`GET hash → ${r.status} PERSISTED_QUERY_NOT_FOUND (${r.cache})`);
      const p = await request(origin, register.path, { method: "POST", headers: register.headers, body: register.body });
      steps.push(`POST query+hash → ${p.status}`);
    } else if (r.status === 200 && r.code === undefined) {
      first = r;
      steps.push(`GET hash → 200 (${r.cache})`);
    } else throw new Error(`APQ GET answered ${r.status} ${r.code ?? ""}: ${r.text.slice(0, 200)}`);
  }
  if (!first) throw new Error(`APQ GET never answered with data: ${steps.join("; ")}`);
  const again = await request(origin, hashOnly, { headers: { ...GET_HEADERS } });
  const conditional = await request(origin, hashOnly, { headers: { ...GET_HEADERS, "if-none-match": first.etag ?? "" } });
  report(
    "cache: APQ GET",
    first.cache === "MISS" && again.cache === "HIT" && again.text === first.text && again.etag === first.etag && conditional.status === 304 && !notFoundStored,
    `${steps.join(", ")}; repeated: ${again.status} X-Cache-Status: ${again.cache} (same body and ETag ${again.etag}); ` +
      `with If-None-Match: ${conditional.status} (${conditional.cache}); PERSISTED_QUERY_NOT_FOUND ${notFoundStored ? "WAS" : "was not"} stored`,
  );

  // After max-age, nginx asks a replica with If-None-Match; the replica answers 304 from the ETag alone.
  await sleep(CACHE_MAX_AGE_S * 1000 + 800);
  const cursor = new LogCursor(cluster.nginx.accessLog);
  const expired = await request(origin, hashOnly, { headers: { ...GET_HEADERS, "x-request-id": `cluster-check-revalidate-${Date.now()}` } });
  const after = await request(origin, hashOnly, { headers: { ...GET_HEADERS } });
  await sleep(100);
  const line = cursor.read().find((l) => l.requestId === expired.requestId);
  report(
    "cache: revalidation",
    expired.status === 200 && expired.cache === "REVALIDATED" && expired.etag === first.etag && line?.upstreamStatuses.at(-1) === "304" && after.cache === "HIT",
    `${CACHE_MAX_AGE_S + 0.8} s later (max-age=${CACHE_MAX_AGE_S}): ${expired.status} X-Cache-Status: ${expired.cache}, ETag ${expired.etag === first.etag ? "unchanged" : `changed to ${expired.etag}`}, ` +
      `the replica answered nginx ${line?.upstreamStatuses.join(", ") ?? "(no log line)"}; next: ${after.cache}`,
  );

  // A plain (non-APQ) query GET is stored too; a GET without the preflight header is refused by the API, cached or not.
  const plain = getRequest("GET", FACT, { slug: slugs[0]!, cache: "plain" }).path;
  const p1 = await request(origin, plain, { headers: { ...GET_HEADERS } });
  const p2 = await request(origin, plain, { headers: { ...GET_HEADERS } });
  const bare = await request(origin, plain, { headers: { accept: "application/json" } });
  const post1 = await request(origin, register.path, { method: "POST", headers: register.headers, body: register.body });
  report(
    "cache: plain GET, CSRF, POST",
    p1.cache === "MISS" && p2.cache === "HIT" && bare.status === 400 && bare.cache === "BYPASS" && post1.status === 200 && post1.cache === "-",
    `query GET: ${p1.cache} then ${p2.cache}; the same URL without apollo-require-preflight: ${bare.status} ${bare.code ?? ""} (${bare.cache}, as the API answers it); ` +
      `POST: ${post1.status}, never stored (X-Cache-Status ${post1.cache})`,
  );
}

/** Request ids: the caller's reaches the replica's log and comes back, also on an answer from the cache. */
async function requestIds(cluster: LocalCluster, slugs: readonly string[]): Promise<void> {
  const origin = cluster.nginx.origin;
  const path = getRequest("GET", FACT, { slug: slugs[1]!, cache: "rid" }).path;
  const idMiss = `cluster-check-${Date.now()}-miss`;
  const idHit = `cluster-check-${Date.now()}-hit`;
  const miss = await request(origin, path, { headers: { ...GET_HEADERS, "x-request-id": idMiss } });
  const hit = await request(origin, path, { headers: { ...GET_HEADERS, "x-request-id": idHit } });
  const own = await request(origin, path, { headers: { ...GET_HEADERS } });
  await sleep(300);
  const logs = readdirSync(join(cluster.nginx.dir, "..")).filter((f) => /^replica-\d+\.log$/.test(f));
  const inReplicaLog = logs.find((f) => readFileSync(join(cluster.nginx.dir, "..", f), "utf8").includes(`"requestId":"${idMiss}"`));
  report(
    "request ids",
    miss.requestId === idMiss && hit.requestId === idHit && hit.cache === "HIT" && inReplicaLog !== undefined && /^[0-9a-f]{32}$/.test(own.requestId ?? ""),
    `a MISS with X-Request-Id ${idMiss} came back with ${miss.requestId} and is in ${inReplicaLog ?? "no replica's log"}; ` +
      `a HIT came back with the new request's id (${hit.requestId === idHit ? "yes" : `no: ${hit.requestId}`}); without one, nginx's own: ${own.requestId}`,
  );
}

await main();
const failed = verdicts.filter((v) => !v.pass);
console.log(`cluster check: ${verdicts.length - failed.length} passed, ${failed.length} failed, in ${seconds(performance.now() - started)}`);
process.exitCode = failed.length === 0 ? 0 : 1;
