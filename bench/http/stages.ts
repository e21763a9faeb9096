import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HeaderMap } from "@apollo/server";
import { Command } from "commander";
import { getOperationAST, parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { machineInfo, machineLine } from "../lib/machine.js";
import { run } from "../lib/processes.js";
import { writeSection } from "../lib/results-file.js";
import { fmt, median } from "../lib/stats.js";
import { cpuPerRequest } from "./cpu-per-request.js";
import { type LoadRequest, load } from "./load.js";
import { FACT_CARD, fitToSchema, schemaFromSdl } from "./queries.js";
import { startBareServer, startPeerServer, startRealServer, capture } from "./servers.js";

/**
 * `npx tsx bench/http/stages.ts` (after `npm run build`): where the time of one uncached fact
 * card request goes, stage by stage, in process — the body's JSON, the keys and hashes, the
 * request context, Apollo's pipeline against graphql-jit's compiled query alone with the same
 * context, the result's JSON, writing the response, and the lean path of prepared operations
 * (src/api/prepared-operations.ts) when the build has it — then the CPU time each server
 * process (real, peer, bare) spends per request under load, which a busy machine disturbs far
 * less than requests per second. Writes the "http-stages" section of bench/RESULTS.md.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const opts = new Command()
  .name("stages")
  .option("--iterations <n>", "operations per timed round", (v) => Number(v), 2000)
  .option("--rounds <n>", "timed rounds per stage (the median is reported)", (v) => Number(v), 7)
  .option("--seconds <n>", "seconds of load per server for the CPU per request", (v) => Number(v), 3)
  .option("--runs <n>", "load runs per server, alternating (the median is reported)", (v) => Number(v), 5)
  .option("--no-load", "skip the CPU-per-request part (in-process stages only)")
  .option("--db <file>", "knowledge base (default: the one npm run bench builds)")
  .option("--statistic <slug>", "statistic of the fact card", "china-live-commerce-sessions-per-day-2020-h1-over-50k")
  .option("--results <file>", "results file whose http-stages section to rewrite", join(ROOT, "bench", "RESULTS.md"))
  .option("--no-write", "print the table only")
  .parse()
  .opts<{ iterations: number; rounds: number; seconds: number; runs: number; load: boolean; db?: string; statistic: string; results: string; write: boolean }>();

const dist = (file: string) => import(pathToFileURL(join(ROOT, "dist", "src", file)).href);
if (!existsSync(join(ROOT, "dist", "src", "main.js"))) throw new Error("run `npm run build` first");
const db = opts.db ?? join(ROOT, "bench", "output", "knowledge.sqlite");
if (!existsSync(db)) {
  const b = await run(process.execPath, [join(ROOT, "dist", "src", "main.js"), "db", "build", "--data", join(ROOT, "db"), "--db", db], ROOT);
  if (b.code !== 0) throw new Error(`db build failed:\n${b.output}`);
}
const machine = machineInfo(ROOT);

await import("reflect-metadata");
const { createServer } = (await dist("server.js")) as typeof import("../../src/server.js");
const { createContext } = (await dist("schema/context.js")) as typeof import("../../src/schema/context.js");
const { openKnowledgeBase } = (await dist("db/open.js")) as typeof import("../../src/db/open.js");
const { createLogger } = (await dist("logger.js")) as typeof import("../../src/logger.js");
const { graphQLParams, queryHash } = (await dist("api/operation-params.js")) as typeof import("../../src/api/operation-params.js");
const { requestKey, etagOf } = (await dist("http/caching.js")) as typeof import("../../src/http/caching.js");
const { sentKeyOf: sentRequestKey } = (await dist("http/sent-request.js")) as typeof import("../../src/http/sent-request.js");
const { nestedDeeperThan } = (await dist("http/json-depth.js")) as typeof import("../../src/http/json-depth.js");
const { buildApiSchema, schemaSdl } = (await dist("schema/index.js")) as typeof import("../../src/schema/index.js");

const kb = openKnowledgeBase(db);
const server = await createServer(kb, { responseCacheEntries: 0, rowCacheEntries: 10_000 }, { logger: createLogger({ level: "silent" }) });
const schema = buildApiSchema();
const query = fitToSchema(FACT_CARD, schemaFromSdl(schemaSdl(schema))).query;
const variables = { slug: opts.statistic };
const bodyText = JSON.stringify({ query, variables });
const request: LoadRequest = { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: bodyText };
const rowCache = server.rowCache;
const newContext = () => createContext(kb, { requestId: "bench", rowCache });
const url = new URL("http://localhost/graphql");
const sentHeaders: Record<string, string> = { host: "127.0.0.1:4000", "content-type": "application/json", "content-length": String(Buffer.byteLength(bodyText)) };

/**
 * CPU microseconds per call of each function (the process's user + system time, so that other
 * processes on a busy machine do not count; the garbage collector's helper threads do): after a
 * warm-up, `opts.rounds` rounds, each timing every function in turn over `opts.iterations`
 * calls, so that a busier stretch of the machine weighs on every stage alike. One list of
 * per-round means per function.
 */
async function timeRoundRobin(list: readonly { fn: () => unknown }[]): Promise<number[][]> {
  for (const { fn } of list) for (let i = 0; i < Math.min(500, opts.iterations); i++) await fn();
  const rounds = list.map(() => [] as number[]);
  for (let r = 0; r < opts.rounds; r++) {
    for (const [k, { fn }] of list.entries()) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < opts.iterations; i++) await fn();
      const used = process.cpuUsage(t0);
      rounds[k]!.push((used.user + used.system) / opts.iterations);
    }
  }
  return rounds;
}

function headerMap(): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(sentHeaders)) headers.set(name, value);
  return headers;
}
const apolloRequest = async () =>
  server.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: "POST", headers: headerMap(), search: "", body: JSON.parse(bodyText) }, context: async () => newContext() });

// The fact card must answer without errors; then the operation is compiled as Apollo's executor does.
const checked = await apolloRequest();
if (checked.body.kind !== "complete" || checked.body.string.includes('"errors"')) throw new Error(`the fact card did not answer cleanly: ${JSON.stringify(checked.body)}`);
const compiled = compileQuery(schema, parse(query), "FactCard", { disablingCapturingStackErrors: true });
// graphql-jit's compiled stringify (fast-json-stringify from the operation's types), when it takes the schema.
const compiledJson = compileQuery(schema, parse(query), "FactCard", { disablingCapturingStackErrors: true, customJSONSerializer: true });
if (!isCompiledQuery(compiled)) throw new Error("graphql-jit could not compile the fact card");
const result = await compiled.query(undefined, newContext(), variables);
const stringified = JSON.stringify({ errors: undefined, data: result.data, extensions: undefined });
const fastJson = isCompiledQuery(compiledJson) ? compiledJson : undefined;
const fastJsonRefusal = isCompiledQuery(compiledJson) ? "" : (compiledJson.errors ?? []).map((e) => e.message).join("; ");

interface Stage {
  readonly name: string;
  readonly us: number;
  /** Part of the Apollo path's sum and, unless apolloOnly, the lean path's (the rest are alternatives or wholes). */
  readonly inPath: boolean;
  readonly apolloOnly?: boolean;
  readonly note?: string;
}
interface Timed {
  readonly name: string;
  readonly fn: () => unknown;
  readonly inPath: boolean;
  readonly apolloOnly?: boolean;
  readonly note?: string;
}

// Fresh results (each from its own execution) for the serialization stages: a result
// serialized again and again would not be what a request serializes.
const fresh: unknown[] = [];
for (let i = 0; i < opts.iterations; i++) fresh.push((await compiled.query(undefined, newContext(), variables)).data);
let next = 0;
const freshResult = () => fresh[next++ % fresh.length];
const parsedBody: unknown = JSON.parse(bodyText);
const params = graphQLParams("POST", url, parsedBody)!;
const bodyBytes = Buffer.from(bodyText);
const key = requestKey("v", undefined, params)!;
const timed: Timed[] = [
  { name: "request id (randomUUID)", fn: () => randomUUID(), inPath: true },
  { name: "URL of the request (new URL)", fn: () => new URL("/graphql", "http://localhost"), inPath: true },
  { name: "parse the body (JSON.parse)", fn: () => JSON.parse(bodyText), inPath: true },
  { name: "nesting check of the parsed body (json-depth.ts)", fn: () => nestedDeeperThan(params, 65), inPath: true },
  { name: "GraphQL params and request key (caching.ts)", fn: () => requestKey("v", undefined, graphQLParams("POST", url, parsedBody)!), inPath: true },
  { name: "ETag: SHA-256 of the request key (etagOf)", fn: () => etagOf(key), inPath: true },
  { name: "sent-request key, before: SHA-256 of the body (bodies over 2 KiB)", fn: () => `P\0\0${createHash("sha256").update(bodyBytes.toString("utf8")).digest("base64")}`, inPath: false, note: "only with the response cache on; the body read from its bytes each time" },
  { name: "sent-request key, by exact text: the body itself as a Map key", fn: sentKeyLookup(), inPath: false, note: "V8 hashes a new 2 KB string whole: slower than SHA-256" },
  { name: "sent-request key, now: sent-request.ts sentKeyOf (text-keyed cache)", fn: () => sentRequestKey("P", undefined, bodyBytes.toString("utf8")), inPath: false, note: "only with the response cache on; the body read from its bytes each time" },
  { name: "request context (createContext)", fn: newContext, inPath: true },
  { name: "Apollo's HeaderMap of the request headers", fn: headerMap, inPath: true, apolloOnly: true },
  { name: "deadline race (a timer and Promise.race around the answer)", fn: deadlineRace, inPath: true },
  { name: "Apollo: executeHTTPGraphQLRequest, whole (context given)", fn: apolloRequest, inPath: false },
  { name: "graphql-jit compiled query alone, fresh context (the resolvers, row cache hits)", fn: () => compiled.query(undefined, newContext(), variables), inPath: true },
  { name: "JSON.stringify of a fresh result, as Apollo's stringifyResult", fn: () => JSON.stringify({ errors: undefined, data: freshResult(), extensions: undefined }), inPath: true },
  { name: "Buffer.from of the answer", fn: () => Buffer.from(stringified, "utf8"), inPath: true },
];
const lean = await leanStage();
if (lean) timed.push(lean);
const measured = await timeRoundRobin(timed);
const stages: Stage[] = timed.map((t, i) => ({ name: t.name, us: median(measured[i]!), inPath: t.inPath, ...(t.apolloOnly ? { apolloOnly: true } : {}), ...(t.note ? { note: t.note } : {}) }));
if (fastJson) {
  const same = fastJson.stringify(result) === stringified;
  const [us] = await timeRoundRobin([{ fn: () => fastJson.stringify({ data: freshResult() }) }]);
  stages.push({ name: "graphql-jit compiled stringify (fast-json-stringify)", us: median(us!), inPath: false, note: same ? "same bytes as JSON.stringify here" : "NOT the same bytes as JSON.stringify" });
} else stages.push({ name: "graphql-jit compiled stringify (fast-json-stringify)", us: Number.NaN, inPath: false, note: `not available: graphql-jit refuses to compile it (${fastJsonRefusal})` });
// Apollo's own work: its whole request less the stages it includes, round by round.
const at = (prefix: string) => timed.findIndex((t) => t.name.startsWith(prefix));
const [whole, context, jit, json] = [at("Apollo: executeHTTPGraphQLRequest"), at("request context"), at("graphql-jit compiled query alone"), at("JSON.stringify")];
const overhead = measured[whole]!.map((w, r) => w - measured[context]![r]! - measured[jit]![r]! - measured[json]![r]!);
stages.push({ name: "Apollo's own work (its whole request − context − compiled query − stringify, round by round)", us: median(overhead), inPath: true, apolloOnly: true });
stages.push(...(await writeStages(Buffer.from(stringified, "utf8"))));

const loadRows = opts.load ? await cpuRows() : [];
const markdown = report();
console.log(markdown);
if (opts.write) writeSection(opts.results, "http-stages", markdown);
await server.stop();
kb.close();

/** What server.ts's withinDeadline does around every answer, with an answer already there. */
async function deadlineRace(): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.ceil(10_000 - Math.random()));
  });
  try {
    return await Promise.race([Promise.resolve(1), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A Map keyed by the exact body, read from its bytes each time (what an exact key costs). */
function sentKeyLookup(): () => unknown {
  const map = new Map<string, number>([[`P\0\0${bodyText}`, 1]]);
  return () => {
    const hit = map.get(`P\0\0${bodyBytes.toString("utf8")}`);
    if (hit === undefined) throw new Error("the exact key missed");
    return hit;
  };
}

/**
 * The lean path of prepared operations, when the build has it: the fact card prepared as
 * Apollo's plugin would prepare it, the response head learned from one answer of Apollo's,
 * then one request, whole (PreparedOperations.respond with a fresh context each time).
 */
async function leanStage(): Promise<Timed | undefined> {
  const file = join(ROOT, "dist", "src", "api", "prepared-operations.js");
  if (!existsSync(file)) return undefined;
  const { PreparedOperations } = (await import(pathToFileURL(file).href)) as typeof import("../../src/api/prepared-operations.js");
  const prepared = new PreparedOperations(schema, { maxCost: 100_000 });
  const document = parse(query);
  const operation = getOperationAST(document, "FactCard")!;
  prepared.prepare(queryHash(query), undefined, document, operation, "FactCard");
  const viaApollo = (context: ReturnType<typeof newContext>) =>
    server.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: "POST", headers: headerMap(), search: "", body: JSON.parse(bodyText) }, context: async () => context });
  const input = () => {
    const body = JSON.parse(bodyText) as { query: string; variables: Record<string, unknown> };
    return { method: "POST", params: graphQLParams("POST", url, body), accept: undefined, contentType: "application/json" };
  };
  const once = () => prepared.respond(input(), newContext(), newContext, viaApollo);
  const learned = await once(); // Apollo answers: the response head is learned
  const lean = await once();
  if (lean.body.kind !== "complete" || learned.body.kind !== "complete" || lean.body.string !== learned.body.string || prepared.stats.lean !== 1) {
    throw new Error("the lean path did not answer the fact card as Apollo does");
  }
  return { name: "lean path, whole: body parsed, params, prepared operation run, cost checked, serialized (context included)", fn: once, inPath: false };
}

/**
 * Writing the response through node:http on a loopback socket, timed inside the handler:
 * as server.ts writes Apollo's answer (setHeader for each header, then end), and with one
 * writeHead of a flat header list.
 */
async function writeStages(body: Buffer): Promise<Stage[]> {
  const times = { setHeader: [] as number[], writeHead: [] as number[] };
  let mode: keyof typeof times = "setHeader";
  const target = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const t0 = performance.now();
      if (mode === "setHeader") {
        res.setHeader("x-request-id", "0b7c8c1e-6b1a-4a53-9c1e-0f4f0d7d8f1a");
        res.setHeader("access-control-allow-origin", "*");
        res.setHeader("access-control-expose-headers", "x-request-id, etag");
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.statusCode = 200;
        res.setHeader("vary", "Accept");
        res.setHeader("cache-control", "public, max-age=300");
        res.setHeader("content-length", body.length);
        res.end(body);
      } else {
        res.writeHead(200, ["x-request-id", "0b7c8c1e-6b1a-4a53-9c1e-0f4f0d7d8f1a", "access-control-allow-origin", "*", "access-control-expose-headers", "x-request-id, etag", "content-type", "application/json; charset=utf-8", "vary", "Accept", "cache-control", "public, max-age=300", "content-length", String(body.length)]);
        res.end(body);
      }
      times[mode].push((performance.now() - t0) * 1000);
    });
  });
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  const { port } = target.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const r = http.request({ port, host: "127.0.0.1", method: "POST", path: "/graphql", agent, headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      r.on("error", reject);
      r.end(bodyText);
    });
  for (const m of ["setHeader", "writeHead"] as const) {
    mode = m;
    for (let i = 0; i < Math.min(opts.iterations, 3000); i++) await once();
  }
  agent.destroy();
  target.close();
  const warm = (xs: number[]) => median(xs.slice(Math.floor(xs.length / 5)));
  return [
    { name: "write the response: setHeader × 7, end (as server.ts after Apollo)", us: warm(times.setHeader), inPath: true },
    { name: "write the response: one writeHead of a flat list, end", us: warm(times.writeHead), inPath: false },
  ];
}

/** CPU time per request of each server process under load, alternating real, peer and bare. */
async function cpuRows(): Promise<string[]> {
  const outDir = join(ROOT, "bench", "output", "http");
  const real = await startRealServer({ root: ROOT, db, workers: 1, extraArgs: ["--response-cache-entries", "0"], logFile: join(outDir, "stages-server.log") });
  const cached = await startRealServer({ root: ROOT, db, workers: 1, extraArgs: [], logFile: join(outDir, "stages-server.log") });
  const captured = await capture(real.origin, request);
  const bare = await startBareServer(ROOT, captured, 1, outDir);
  const peerStarted = await startPeerServer(ROOT, db, 10_000);
  const peer = "origin" in peerStarted ? peerStarted : undefined;
  const shape = { connections: 10, seconds: opts.seconds };
  const servers = [{ name: "real (uncached)", s: real }, ...(peer ? [{ name: "peer (Mercurius)", s: peer }] : []), { name: "bare", s: bare }, { name: "real (cache hit)", s: cached }];
  const cpu = new Map<string, number[]>();
  const rps = new Map<string, number[]>();
  try {
    for (const { s } of servers) await load(s.origin, request, { connections: 10, seconds: 2 });
    for (let i = 0; i < opts.runs; i++) {
      for (const { name, s } of servers) {
        const m = await cpuPerRequest(s.child, s.origin, request, shape);
        cpu.set(name, [...(cpu.get(name) ?? []), m.cpuUsPerRequest]);
        rps.set(name, [...(rps.get(name) ?? []), m.reqPerSec]);
      }
    }
  } finally {
    await real.stop();
    await cached.stop();
    await bare.stop();
    await peer?.stop();
  }
  // Ratios within each round (the servers measured one after another), then their median: the
  // machine's load drifts between rounds more than within one.
  const ratio = (num: string, name: string) => median(cpu.get(name)!.map((c, i) => cpu.get(num)![i]! / c));
  return servers.map(({ name }) => {
    const c = median(cpu.get(name)!);
    return `| ${name} | ${fmt(c, 1)} | ${fmt(median(rps.get(name)!))} | ${fmt(ratio("bare", name), 3)} | ${peer ? fmt(ratio("peer (Mercurius)", name), 3) : "n/a"} |`;
  });
}

function report(): string {
  const apolloSum = stages.filter((s) => s.inPath).reduce((n, s) => n + s.us, 0);
  const leanSum = stages.filter((s) => s.inPath && !s.apolloOnly).reduce((n, s) => n + s.us, 0);
  const lines = [
    "## HTTP stages: one uncached fact card, stage by stage",
    "",
    `Machine: ${machineLine(machine)}; ${os.loadavg()[0]!.toFixed(2)} when the stages were timed.`,
    "",
    `Run: \`npx tsx bench/http/stages.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}\` on the built server (dist/), in one process: ` +
      `each stage ${opts.rounds} rounds of ${opts.iterations} operations after a warm-up, the stages taking turns, the median round's mean CPU time ` +
      `(user + system of the process; writing the response: wall time inside the handler); the fact card of \`${opts.statistic}\` ` +
      `(a ${Buffer.byteLength(bodyText)}-byte body, a ${Buffer.byteLength(stringified)}-byte answer), row cache on and warm, response cache off. ` +
      "The ✓ rows of a path are its stages; their sum is what the server spends on a request beyond node:http's own parsing, its listeners and the event loop.",
    "",
    "| stage | µs per request | Apollo path | lean path | note |",
    "| --- | ---: | :---: | :---: | --- |",
    ...stages.map((s) => `| ${s.name} | ${fmt(s.us, 1)} | ${s.inPath ? "✓" : ""} | ${s.inPath && !s.apolloOnly ? "✓" : ""} | ${s.note ?? ""} |`),
    `| **sum of the path's stages** | | **${fmt(apolloSum, 1)}** | **${fmt(leanSum, 1)}** | |`,
    "",
  ];
  if (loadRows.length > 0) {
    lines.push(
      "CPU time of each server process per request under load (user + system from /proc, 10 connections, " +
        `${opts.runs} rounds of ${opts.seconds} s per server, the servers taking turns, the median): the ratios are CPU-time ratios, bare ÷ this and peer ÷ this, ` +
        "taken within each round and then their median; the counterparts of the req/s ratios that a machine busy with other work does not distort as much.",
      "",
      "| server | CPU µs per request | req/s (disturbed by load) | bare ÷ this | peer ÷ this |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...loadRows,
      "",
    );
  }
  return lines.join("\n");
}
