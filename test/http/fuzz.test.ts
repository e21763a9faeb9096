import fc from "fast-check";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { buildApiSchema } from "../../src/schema/index.js";
import { describe, expect, it } from "vitest";
import { expectHealthy, expectNoServerError, fixtureSuite } from "./helpers.js";

/**
 * Property-based hostile input: random documents, variables, bodies and GET parameters. Every
 * answer is a 2xx/4xx whose errors (if any) all carry a code other than INTERNAL_SERVER_ERROR —
 * never a 5xx — and the server stays healthy.
 */
const suite = fixtureSuite();

/**
 * Runs are reproducible in CI (a fixed seed, so a landing never depends on luck) and random
 * elsewhere; FUZZ_SEED replays a reported failure, FUZZ_RUNS scales the schema-driven runs.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261125 : undefined;
const runs = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

/** Every answer but a 304 is a JSON body whose errors all carry a code; never a 5xx. */
async function checkAnswer(res: Response): Promise<void> {
  if (res.status !== 304) await expectNoServerError(res);
}

/** Field names: real ones of several types, introspection, and nonsense. */
const fieldName = fc.constantFrom(
  "statistic", "statistics", "nodes", "edges", "node", "metric", "citations", "source", "title", "slug", "value", "asWritten", "amount", "period",
  "producers", "name", "platform", "platforms", "search", "totalCount", "pageInfo", "hasNextPage", "knowledgeBase", "dataVersion", "__typename",
  "__schema", "types", "fields", "__type", "quote", "exact", "text", "verified", "entities", "organization", "producedStatistics", "nope", "id",
);
const argValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom("true", "null", "PERIOD", "[1, 2]", "{ field: VALUE }", "$v", `"\\""`, `"AND OR"`, "1.5", `"U3RhdGlzdGljOng"`),
);
const argName = fc.constantFrom("first", "last", "after", "before", "slug", "id", "ids", "query", "filter", "orderBy", "start", "end", "types", "x");
const args = fc.array(fc.tuple(argName, argValue), { maxLength: 2 }).map((as) => (as.length ? `(${as.map(([n, v]) => `${n}: ${v}`).join(", ")})` : ""));
const selection: fc.Memo<string> = fc.memo((n) =>
  n <= 1
    ? fieldName
    : fc
        .array(
          fc.oneof(
            fieldName,
            fc.tuple(fc.option(fc.constantFrom("a", "b", "c1"), { nil: undefined }), fieldName, args, fc.option(selection(n - 1), { nil: undefined }), fc.option(fc.constantFrom("@include(if: true)", "@skip(if: $v)", "@deprecated"), { nil: undefined })).map(
              ([alias, f, a, sub, dir]) => `${alias ? `${alias}: ` : ""}${f}${a}${dir ? ` ${dir}` : ""}${sub ? ` { ${sub} }` : ""}`,
            ),
            selection(n - 1).map((s) => `... on Statistic { ${s} }`),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((xs) => xs.join(" ")),
);
const document = fc
  .tuple(fc.constantFrom("", "query ", "query Q ", "query Q($v: Int) ", "query Q($v: Boolean!) ", "mutation ", "subscription ", "query Q($v: [ID!]) "), selection(4), fc.boolean())
  .map(([head, body, frag]) => `${head}{ ${body} }${frag ? " fragment F on Query { __typename }" : ""}`);
const variables = fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom("v", "n", "s", "q", "x"), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }));

/** Real slugs and IDs of the fixture, mixed with nonsense, for arguments. */
const STRINGS = ["shoplive", "widget-gmv", "widget-market", "shoplive-widget-gmv-2020-2-5bn", "widget-wire-2021-01-05-widget-sales", "nosuch", "", "\"", "widget*", "2020-01-01", "2021", "U3RhdGlzdGljOng"];

/**
 * Documents that follow the schema: real fields with arguments of the right types (sometimes out
 * of range), nested up to `depth`, with inline fragments on abstract types — so that most of
 * them execute, reaching resolvers, loaders and SQL, and some fail in the resolvers' checks.
 */
function schemaDocument(schema: GraphQLSchema, depth: number): fc.Arbitrary<string> {
  const literal = (type: GraphQLInputType, budget: number): fc.Arbitrary<string> => {
    if (isNonNullType(type)) return literal(type.ofType, budget);
    if (isListType(type)) return fc.array(literal(type.ofType, budget), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`);
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) {
      if (budget <= 0) return fc.constant("{}");
      const fields = Object.values(type.getFields());
      return fc.subarray(fields, { maxLength: Math.min(3, fields.length) }).chain((chosen) =>
        fc.tuple(...chosen.map((f) => literal(f.type, budget - 1).map((v) => `${f.name}: ${v}`))).map((kv) => `{ ${kv.join(", ")} }`),
      );
    }
    if (isScalarType(type) && (type.name === "Int" || type.name === "Float")) return fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, 100, 101, -5)).map(String);
    if (isScalarType(type) && type.name === "Boolean") return fc.boolean().map(String);
    return fc.constantFrom(...STRINGS).map((x) => JSON.stringify(x));
  };
  const fieldArgs = (field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> => {
    const required = field.args.filter((a) => isNonNullType(a.type));
    const optional = field.args.filter((a) => !isNonNullType(a.type));
    return fc.subarray(optional, { maxLength: Math.min(2, optional.length) }).chain((extra) => {
      const all = [...required, ...extra];
      if (all.length === 0) return fc.constant("");
      return fc.tuple(...all.map((a) => literal(a.type, 1).map((v) => `${a.name}: ${v}`))).map((kv) => `(${kv.join(", ")})`);
    });
  };
  const selection = (type: GraphQLNamedType, budget: number): fc.Arbitrary<string> => {
    if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type);
      return fc.constantFrom(...possible).chain((t) => (budget > 0 ? selection(t, budget - 1).map((s) => `__typename ... on ${t.name} { ${s} }`) : fc.constant("__typename")));
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return fc.constant("");
    const fields = Object.values(type.getFields()).filter((f) => budget > 0 || !isObjectType(getNamedType(f.type)) && !isAbstractType(getNamedType(f.type)));
    if (fields.length === 0) return fc.constant("__typename");
    return fc.subarray(fields, { minLength: 1, maxLength: Math.min(3, fields.length) }).chain((chosen) =>
      fc.tuple(
        ...chosen.map((f) => {
          const named = getNamedType(f.type);
          const composite = isObjectType(named) || isInterfaceType(named) || isAbstractType(named);
          return fc.tuple(fieldArgs(f), composite ? selection(named, budget - 1) : fc.constant("")).map(([a, sub]) => `${f.name}${a}${composite ? ` { ${sub || "__typename"} }` : ""}`);
        }),
      ).map((xs) => xs.join(" ")),
    );
  };
  return selection(schema.getQueryType()!, depth).map((s) => `{ ${s} }`);
}

describe("random input (fast-check)", () => {
  it("random documents that follow the schema get data or coded errors, never a 5xx", async () => {
    const schema = buildApiSchema();
    await fc.assert(
      fc.asyncProperty(schemaDocument(schema, 4), async (query) => {
        await checkAnswer(await suite.api.post({ query }));
      }),
      runs(Number(process.env.FUZZ_RUNS ?? 300)),
    );
    await expectHealthy(suite.api.base);
  });

  it("random documents with random variables get a coded answer, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(document, variables, fc.option(fc.constantFrom("Q", "F", "Other", ""), { nil: undefined }), async (query, vars, operationName) => {
        await checkAnswer(await suite.api.post({ query, variables: vars, operationName }));
      }),
      runs(250),
    );
    await expectHealthy(suite.api.base);
  });

  it("random text as a document, and random JSON as a body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: "binary" }), async (query) => {
        await checkAnswer(await suite.api.post({ query }));
      }),
      runs(150),
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        await checkAnswer(await suite.api.post(JSON.stringify(value)));
      }),
      runs(150),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 100, unit: "binary" }), fc.constantFrom("application/json", "text/plain", "application/xml", "", "application/json; charset=latin1"), async (body, type) => {
        await checkAnswer(await suite.api.post(body, { "content-type": type }));
      }),
      runs(150),
    );
    await expectHealthy(suite.api.base);
  });

  it("random variables for a real parameterized query", async () => {
    const query = `query($first: Int, $after: String, $filter: StatisticFilter, $q: String!) {
      statistics(first: $first, after: $after, filter: $filter) { totalCount nodes { slug } }
      search(query: $q, first: $first) { totalCount }
    }`;
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.constantFrom(0, 1, 100, 101, -1, 2 ** 31, "MEASUREMENT", "x"));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ first: value, after: value, filter: fc.oneof(value, fc.record({ kind: value, metric: value, periodFrom: value, hasVerifiedQuote: value })), q: fc.oneof(value, fc.constantFrom("widget", "shoplive OR gmv", "\"widget")) }, { requiredKeys: ["q"] }),
        async (vars) => {
          await checkAnswer(await suite.api.post({ query, variables: vars }));
        },
      ),
      runs(200),
    );
    await expectHealthy(suite.api.base);
  });

  it("random GET parameters", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("query", "variables", "operationName", "extensions", "x"), fc.oneof(fc.string({ maxLength: 40 }), document, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v))), { maxKeys: 4 }),
        fc.boolean(),
        async (params, csrf) => {
          const res = await fetch(`${suite.api.base}graphql?${new URLSearchParams(params).toString()}`, { headers: csrf ? { "apollo-require-preflight": "1", accept: "application/json" } : { accept: "application/json" } });
          await checkAnswer(res);
        },
      ),
      runs(150),
    );
    await expectHealthy(suite.api.base);
  });
});
