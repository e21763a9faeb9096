import { HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { getOperationAST, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OperationCost } from "../../src/api/prepared-cost.js";
import { PreparedOperations } from "../../src/api/prepared-operations.js";
import type { PreparedInput } from "../../src/api/prepared-request.js";
import { type RequestContext, createContext } from "../../src/schema/context.js";
import { type KnowledgeBase, openKnowledgeBase } from "../../src/db/open.js";
import { Deadline } from "../../src/db/deadline.js";
import type { GraphQLParams } from "../../src/api/operation-params.js";
import { buildApiSchema } from "../../src/schema/index.js";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { sha256 } from "../fixtures/sha256.js";

/**
 * PreparedOperations on its own, with a stand-in for Apollo that records what it is asked:
 * which requests the lean path answers, which it hands to Apollo and with which context, what
 * it learns from Apollo's answers, and how many query texts it keeps.
 */

const PAGE = `query Page($n: Int!) { statistics(first: $n) { totalCount nodes { slug } } }`;
const JSON_HEAD = "application/json; charset=utf-8";

let fixture: FixtureDb;
let kb: KnowledgeBase;
const schema = buildApiSchema();

beforeAll(() => {
  fixture = buildFixtureDb();
  kb = openKnowledgeBase(fixture.dbPath);
});
afterAll(() => {
  kb?.close();
  fixture?.remove();
});

/** A stand-in for Apollo: answers `{}` with JSON's content type, as cacheable when asked, and records the contexts it got. */
function fakeApollo(cacheable = true) {
  const contexts: RequestContext[] = [];
  const answer = async (context: RequestContext): Promise<HTTPGraphQLResponse> => {
    contexts.push(context);
    context.outcome.cacheable = cacheable;
    return { headers: new HeaderMap([["content-type", JSON_HEAD]]), body: { kind: "complete", string: '{"data":{}}' } };
  };
  return { contexts, answer };
}

function input(query: string, variables: Record<string, unknown> = {}, more: Partial<GraphQLParams> = {}, method = "POST"): PreparedInput {
  return { method, params: { query, variables: JSON.stringify(variables), variableValues: variables, ...more }, accept: undefined, contentType: method === "POST" ? "application/json" : undefined };
}

function prepare(prepared: PreparedOperations, query: string, operationName?: string): void {
  const document = parse(query);
  const operation = getOperationAST(document, operationName)!;
  prepared.prepare(sha256(query), operationName, document, operation, operation.name?.value ?? null);
}

/** Sends one request through `prepared`; returns the answer's body and the Apollo stand-in. */
async function send(prepared: PreparedOperations, sent: PreparedInput, context = createContext(kb), cacheable = true) {
  const apollo = fakeApollo(cacheable);
  const response = await prepared.respond(sent, context, () => createContext(kb), apollo.answer);
  return { body: response.body.kind === "complete" ? response.body.string : "", headers: [...response.headers], apollo, context };
}

describe("PreparedOperations", () => {
  it("runs a prepared operation once Apollo's headers for its Accept are known, and records the outcome", async () => {
    const prepared = new PreparedOperations(schema, { maxCost: 100_000 });
    prepare(prepared, PAGE);
    const unknownHead = await send(prepared, input(PAGE, { n: 2 }));
    expect(unknownHead.apollo.contexts).toEqual([unknownHead.context]);
    const lean = await send(prepared, input(PAGE, { n: 2 }));
    expect(lean.apollo.contexts).toEqual([]);
    expect(lean.headers).toEqual([["content-type", JSON_HEAD]]);
    expect(JSON.parse(lean.body).data.statistics.nodes).toHaveLength(2);
    expect(lean.context.outcome).toEqual({ cacheable: true, operationName: "Page", cost: new OperationCost(schema, parse(PAGE), getOperationAST(parse(PAGE))!).of({ n: 2 }) });
    expect(prepared.stats).toMatchObject({ prepared: 1, compiled: 1, lean: 1, fallbacks: 0 });
  });

  it("learns headers only from Apollo's clean answers", async () => {
    const prepared = new PreparedOperations(schema, { maxCost: 100_000 });
    prepare(prepared, PAGE);
    await send(prepared, input(PAGE, { n: 2 }), createContext(kb), false);
    expect((await send(prepared, input(PAGE, { n: 2 }))).apollo.contexts).toHaveLength(1);
    expect((await send(prepared, input(PAGE, { n: 2 }))).apollo.contexts).toHaveLength(0);
  });

  it("hands errors, costs over the limit and passed deadlines to Apollo with fresh loaders, the same deadline and outcome", async () => {
    const prepared = new PreparedOperations(schema, { maxCost: 200 });
    prepare(prepared, PAGE);
    await send(prepared, input(PAGE, { n: 1 }));
    const expired = createContext(kb, { deadline: new Deadline(1, performance.now() - 10) });
    for (const [variables, context] of [[{ n: 0 }, createContext(kb)], [{ n: 100 }, createContext(kb)], [{ n: 1 }, expired]] as const) {
      const fallback = await send(prepared, input(PAGE, variables), context);
      expect(fallback.apollo.contexts).toHaveLength(1);
      const given = fallback.apollo.contexts[0]!;
      expect(given.loaders).not.toBe(context.loaders);
      expect(given.outcome).toBe(context.outcome);
      expect(given.deadline).toBe(context.deadline);
    }
    expect(prepared.stats.fallbacks).toBe(3);
    expect(prepared.stats.lean).toBe(0);
  });

  it("never takes persisted queries, GETs with a content type, malformed requests or other operation names", async () => {
    const prepared = new PreparedOperations(schema, { maxCost: 100_000 });
    prepare(prepared, PAGE);
    await send(prepared, input(PAGE, { n: 1 }));
    const refused: PreparedInput[] = [
      input(PAGE, { n: 1 }, { persistedHash: "0".repeat(64) }),
      { ...input(PAGE, { n: 1 }, {}, "GET"), contentType: "application/json" },
      { ...input(PAGE, { n: 1 }), params: undefined },
      input(PAGE, { n: 1 }, { operationName: "Page" }),
      input(`${PAGE} `, { n: 1 }),
    ];
    for (const sent of refused) expect((await send(prepared, sent)).apollo.contexts).toHaveLength(1);
    expect((await send(prepared, input(PAGE, { n: 1 }, {}, "GET"))).apollo.contexts).toHaveLength(0);
  });

  it("keeps at most maxOperations query texts, the least recently used leaving first", async () => {
    const prepared = new PreparedOperations(schema, { maxCost: 100_000, maxOperations: 3 });
    const texts = Array.from({ length: 5 }, (_, i) => `query Q${i} { platform(slug: "shoplive") { name } }`);
    await send(prepared, input(texts[0]!));
    for (const text of texts) prepare(prepared, text);
    expect(prepared.size).toBe(3);
    expect(prepared.stats.prepared).toBe(5);
    for (const [i, kept] of [[0, false], [1, false], [2, true], [3, true], [4, true]] as const) {
      expect((await send(prepared, input(texts[i]!))).apollo.contexts.length === 0).toBe(kept);
    }
  });

  it("keeps the documents within maxBytes, and none over an eighth of it", async () => {
    const maxBytes = 200_000;
    const prepared = new PreparedOperations(schema, { maxCost: 100_000, maxBytes });
    // Each text is about 10 KB (its estimate twice that), so at most ten fit.
    const texts = Array.from({ length: 30 }, (_, i) => `# ${String(i).repeat(10_000).slice(0, 10_000)}\nquery Q${i} { platform(slug: "shoplive") { name } }`);
    await send(prepared, input(texts[0]!));
    for (const text of texts) {
      prepare(prepared, text);
      expect(prepared.sizeBytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(prepared.size).toBeGreaterThan(5);
    expect(prepared.size).toBeLessThanOrEqual(10);
    expect((await send(prepared, input(texts[29]!))).apollo.contexts).toHaveLength(0);
    expect((await send(prepared, input(texts[0]!))).apollo.contexts).toHaveLength(1);
    const huge = `# ${"x".repeat(20_000)}\n{ platform(slug: "shoplive") { name } }`;
    prepare(prepared, huge);
    expect((await send(prepared, input(huge))).apollo.contexts).toHaveLength(1);
  });
});
