import { type DocumentNode, buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { COMPILE_ON_USE, jitExecutor } from "../../src/api/jit-executor.js";

const schema = buildSchema(`type Query { hello(name: String = "world"): String! boom: String }`);
// graphql-jit resolves through the schema's own resolvers; give the fields theirs.
Object.assign(schema.getQueryType()!.getFields().hello!, { resolve: (_: unknown, a: { name: string }) => `hello ${a.name}` });
Object.assign(schema.getQueryType()!.getFields().boom!, {
  resolve: () => {
    throw new Error("broken");
  },
});

/** Runs a document through the executor as Apollo would (the same DocumentNode for each request of a document). */
function runner(maxDocuments: number) {
  const jit = jitExecutor(schema, { maxDocuments });
  const run = (document: DocumentNode, variables: Record<string, unknown> = {}) =>
    jit.execute({ document, request: { variables }, context: {} } as never);
  return { jit, run };
}

describe("the graphql-jit executor", () => {
  it("interprets a document's first use and compiles it on its second", async () => {
    expect(COMPILE_ON_USE).toBe(2);
    const { jit, run } = runner(10);
    const doc = parse(`query($n: String) { hello(name: $n) }`);
    expect(await run(doc, { n: "a" })).toEqual({ data: { hello: "hello a" } });
    expect(jit.stats).toEqual({ compiledOperations: 0, compiledExecutions: 0, interpretedExecutions: 1 });
    expect(await run(doc, { n: "b" })).toEqual({ data: { hello: "hello b" } });
    expect(await run(doc, { n: "c" })).toEqual({ data: { hello: "hello c" } });
    expect(jit.stats).toEqual({ compiledOperations: 1, compiledExecutions: 2, interpretedExecutions: 1 });
  });

  it("keeps at most maxDocuments documents, least recently used out", async () => {
    const { jit, run } = runner(2);
    const [a, b, c] = ["{ hello }", "{ h: hello }", "{ i: hello }"].map((q) => parse(q));
    await run(a);
    await run(a); // compiled
    await run(b);
    await run(c); // a is out
    await run(a); // a first use again: interpreted
    expect(jit.stats).toEqual({ compiledOperations: 1, compiledExecutions: 1, interpretedExecutions: 4 });
    await run(a); // compiled again
    expect(jit.stats.compiledOperations).toBe(2);
  });

  it("gives errors graphql-js's shape: extensions object, path, locations, errors before data", async () => {
    const { run } = runner(10);
    const doc = parse(`{ boom }`);
    const first = await run(doc);
    const compiled = await run(doc);
    expect(Object.keys(compiled)).toEqual(["errors", "data"]);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(first));
    expect(compiled.errors![0]!.extensions).toEqual({});
    expect(compiled.errors![0]!.originalError?.message).toBe("broken");
  });

  it("leaves refused variables to graphql-js, so an input's default fields still apply", async () => {
    const s = buildSchema(`input Order { field: String!, direction: String! = "ASC" } type Query { sort(order: Order): String }`);
    Object.assign(s.getQueryType()!.getFields().sort, { resolve: (_: unknown, a: { order: { field: string; direction: string } }) => `${a.order.field} ${a.order.direction}` });
    const jit = jitExecutor(s);
    const doc = parse(`query($o: Order) { sort(order: $o) }`);
    const run = () => jit.execute({ document: doc, request: { variables: { o: { field: "VALUE" } } }, context: {} } as never);
    expect(await run()).toEqual({ data: { sort: "VALUE ASC" } });
    expect(await run()).toEqual({ data: { sort: "VALUE ASC" } });
    expect(jit.stats).toEqual({ compiledOperations: 1, compiledExecutions: 0, interpretedExecutions: 2 });
  });
});
