import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { type TestApi, projectApi } from "./knowledge-bases.js";

const source = readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8");
const operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

let api: TestApi;
beforeAll(async () => {
  api = await projectApi();
});
afterAll(() => api.close());

describe("examples.graphql", () => {
  it("holds only named operations, each name once", () => {
    const names = operations.map((o) => o.name?.value);
    expect(names.every((n) => typeof n === "string")).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  for (const op of operations) {
    it(`runs ${op.name?.value} without errors and returns data`, async () => {
      const res = await api.server.execute({ query: source, operationName: op.name!.value });
      if (res.body.kind !== "single") throw new Error("expected a single result");
      const { data, errors } = res.body.singleResult;
      expect(errors).toBeUndefined();
      expect(data).toBeTruthy();
      for (const [field, value] of Object.entries(data!)) expect(value, `${op.name!.value}.${field}`).not.toBeNull();
    });
  }

  it("traces the 1.73 million jobs to the Renmin University study in the first example", async () => {
    const res = await api.server.execute({ query: source, operationName: "TraceJobsFigure" });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    // The founding article's citation, wherever other documents citing the figure put it in the list.
    const citation = (res.body.singleResult.data as any).statistic.citations.find((c: any) => c.source.url === "http://en.people.cn/n3/2020/1022/c90000-9772128.html");
    expect(citation.attributedTo).toEqual({
      __typename: "Report",
      slug: "ruc-taobao-live-jobs-study",
      title: "Renmin University of China study of jobs created by Taobao Live",
      kind: "STUDY",
      authors: [{ name: "Renmin University of China", kind: "UNIVERSITY" }],
    });
    expect(citation.source.context).toContain(citation.quote.exact);
  });
});
