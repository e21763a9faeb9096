import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Command } from "commander";
import { type GraphQLSchema, getOperationAST, parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { fmt, median } from "../lib/stats.js";
import { FACT_CARD, fitToSchema, schemaFromSdl } from "./queries.js";

/**
 * `npx tsx bench/http/lean-resolvers.ts` (after `npm run build`): what src/schema/lean-resolvers.ts
 * saves on the uncached fact card now that graphql-jit runs it and the lean path of prepared
 * operations serves it. Two schemas in one process — the served one (buildApiSchema, lean
 * resolvers on) and one built by type-graphql from the same resolver classes without them —
 * each answering the bench's fact card through PreparedOperations.respond (a request's whole
 * lean path: prepared operation, cost, compiled query, serialization) with a fresh context and
 * the row cache on and warm, as `serve` runs. Alternating rounds, CPU time per request.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const opts = new Command()
  .option("--iterations <n>", "requests per round", (v) => Number(v), 2000)
  .option("--rounds <n>", "rounds per schema, alternating", (v) => Number(v), 15)
  .option("--db <file>", "knowledge base (default: the one npm run bench builds)", join(ROOT, "bench", "output", "knowledge.sqlite"))
  .option("--statistic <slug>", "statistic of the fact card", "china-live-commerce-sessions-per-day-2020-h1-over-50k")
  .parse()
  .opts<{ iterations: number; rounds: number; db: string; statistic: string }>();
if (!existsSync(opts.db)) throw new Error(`${opts.db} is missing: run npm run bench (or bench/http/stages.ts) first`);

const dist = (file: string) => import(pathToFileURL(join(ROOT, "dist", "src", file)).href);
await import("reflect-metadata");
const { buildSchemaSync, getMetadataStorage } = await import("type-graphql");
const { buildApiSchema, schemaSdl } = (await dist("schema/index.js")) as typeof import("../../src/schema/index.js");
const { createContext } = (await dist("schema/context.js")) as typeof import("../../src/schema/context.js");
const { openKnowledgeBase } = (await dist("db/open.js")) as typeof import("../../src/db/open.js");
const { RowCache } = (await dist("db/row-cache.js")) as typeof import("../../src/db/row-cache.js");
const { graphQLParams, queryHash } = (await dist("api/operation-params.js")) as typeof import("../../src/api/operation-params.js");
const { PreparedOperations } = (await dist("api/prepared-operations.js")) as typeof import("../../src/api/prepared-operations.js");
const { HeaderMap } = await import("@apollo/server");

const lean = buildApiSchema();
// The same resolver classes (buildApiSchema imported them all), built without the rewiring.
const wrapped = buildSchemaSync({ resolvers: getMetadataStorage().resolverClasses.map((r) => r.target) as [Function, ...Function[]], validate: false });
const kb = openKnowledgeBase(opts.db);
const rowCache = new RowCache(10_000);
const query = fitToSchema(FACT_CARD, schemaFromSdl(schemaSdl(lean))).query;
const body = JSON.stringify({ query, variables: { slug: opts.statistic } });
const url = new URL("http://localhost/graphql");

/** One fact card request through the lean path of a schema. */
function leanPathOf(schema: GraphQLSchema): () => Promise<string> {
  const prepared = new PreparedOperations(schema, { maxCost: 100_000 });
  const document = parse(query);
  prepared.prepare(queryHash(query), undefined, document, getOperationAST(document)!, "FactCard");
  const compiled = compileQuery(schema, document, "FactCard");
  if (!isCompiledQuery(compiled)) throw new Error("the fact card does not compile");
  // Stands in for Apollo once, so the response head is learned (its answer is the compiled query's).
  const viaApollo = async (context: ReturnType<typeof createContext>) => {
    const result = await compiled.query(undefined, context, { slug: opts.statistic });
    context.outcome.cacheable = !result.errors;
    return { headers: new HeaderMap([["content-type", "application/json; charset=utf-8"]]), body: { kind: "complete" as const, string: JSON.stringify(result) } };
  };
  const newContext = () => createContext(kb, { rowCache });
  return async () => {
    const input = { method: "POST", params: graphQLParams("POST", url, JSON.parse(body)), accept: undefined, contentType: "application/json" };
    const response = await prepared.respond(input, newContext(), newContext, viaApollo);
    if (response.body.kind !== "complete") throw new Error("not a complete answer");
    return response.body.string;
  };
}

const paths = { lean: leanPathOf(lean), wrapped: leanPathOf(wrapped) };
const first = { lean: await paths.lean(), wrapped: await paths.wrapped() };
if ((await paths.lean()) !== (await paths.wrapped()) || first.lean !== first.wrapped) throw new Error("the two schemas answer differently");
for (const run of Object.values(paths)) for (let i = 0; i < 500; i++) await run();

const cpu = { lean: [] as number[], wrapped: [] as number[] };
for (let r = 0; r < opts.rounds; r++) {
  for (const key of (r % 2 ? ["wrapped", "lean"] : ["lean", "wrapped"]) as (keyof typeof paths)[]) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < opts.iterations; i++) await paths[key]();
    const used = process.cpuUsage(t0);
    cpu[key].push((used.user + used.system) / opts.iterations);
  }
}
const saving = cpu.wrapped.map((w, r) => (100 * (w - cpu.lean[r]!)) / w);
console.log(
  `fact card, lean path, CPU µs per request (median of ${opts.rounds} rounds of ${opts.iterations}): with lean resolvers ${fmt(median(cpu.lean), 1)}, ` +
    `with type-graphql's wrappers ${fmt(median(cpu.wrapped), 1)}; paired saving ${fmt(median(saving), 1)} % (rounds: ${saving.map((s) => fmt(s, 1)).join(", ")})`,
);
kb.close();
