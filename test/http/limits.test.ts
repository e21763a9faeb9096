import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { LIMIT_CODES } from "../../src/api/limits.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { codes, fixtureSuite } from "./helpers.js";

/** The default limits must let legitimate use through: the examples and the explorer's introspection. */
const suite = fixtureSuite();

const LIMITS: string[] = Object.values(LIMIT_CODES);

describe("default limits", () => {
  it("let every example operation through, sent as the whole examples.graphql document (as an explorer does; row cache on, twice)", async () => {
    const examples = readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8");
    const names = parse(examples).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    expect(names.length).toBeGreaterThan(5);
    for (const operationName of [...names, ...names]) {
      const res = await suite.api.post({ query: examples, operationName });
      const body = (await res.json()) as any;
      for (const c of codes(body)) expect([...LIMITS, "INTERNAL_SERVER_ERROR"], `${operationName}: ${JSON.stringify(body.errors)}`).not.toContain(c);
    }
  });

  it("let GraphiQL's introspection query through (introspection counts toward the limits)", async () => {
    for (const query of [getIntrospectionQuery(), getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }), getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })]) {
      const res = await suite.api.post({ query });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.queryType.name).toBe("Query");
    }
    // A deeper type reference than graphql-js's default (9 levels of ofType) is over the depth limit.
    const deeper = await suite.api.post({ query: getIntrospectionQuery({ typeDepth: 12 } as never) });
    expect(codes(await deeper.json())).toContain("QUERY_TOO_DEEP");
  });
});
