import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";
import { MODEL, SORT_KEYS, ordered } from "./fixture-model.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: StatisticOrder) {
  statistics(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { slug } }
    nodes { slug }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface PageResult {
  totalCount: number;
  edges: { cursor: string; node: { slug: string } }[];
  nodes: { slug: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function page(vars: Record<string, unknown>): Promise<PageResult> {
  return (await api.data(PAGE, vars)).statistics;
}

/** Checks the parts of a page that follow from its edges. */
function consistent(p: PageResult) {
  expect(p.nodes).toEqual(p.edges.map((e) => e.node));
  expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
  expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
}

describe("statistics pagination", () => {
  const all = ordered(MODEL, "PERIOD", "ASC");

  it("walks forwards page by page through every statistic with correct pageInfo and totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; ; n++) {
      const p = await page({ first: 25, after });
      consistent(p);
      expect(p.totalCount).toBe(MODEL.length);
      expect(p.nodes.map((x) => x.slug)).toEqual(all.slice(n * 25, n * 25 + 25));
      expect(p.pageInfo.hasPreviousPage).toBe(n > 0);
      expect(p.pageInfo.hasNextPage).toBe((n + 1) * 25 < all.length);
      seen.push(...p.nodes.map((x) => x.slug));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it("walks backwards from the end with last/before and meets the same order", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let n = 0; ; n++) {
      const p = await page({ last: 30, before });
      consistent(p);
      const end = all.length - n * 30;
      expect(p.nodes.map((x) => x.slug)).toEqual(all.slice(Math.max(0, end - 30), end));
      expect(p.pageInfo.hasNextPage).toBe(n > 0);
      expect(p.pageInfo.hasPreviousPage).toBe(end - 30 > 0);
      seen.unshift(...p.nodes.map((x) => x.slug));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(seen).toEqual(all);
  });

  it("pages back from a cursor to exactly the items before it", async () => {
    const first = await page({ first: 40 });
    const cursor = first.edges[30]!.cursor;
    const back = await page({ last: 10, before: cursor });
    expect(back.nodes.map((x) => x.slug)).toEqual(all.slice(20, 30));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const fwd = await page({ first: 5, after: cursor });
    expect(fwd.nodes.map((x) => x.slug)).toEqual(all.slice(31, 36));
    expect(fwd.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("returns an empty last page with hasPreviousPage and null cursors after the last item", async () => {
    const last = await page({ last: 1 });
    const after = await page({ first: 10, after: last.pageInfo.endCursor });
    expect(after).toEqual({ totalCount: MODEL.length, edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  describe.each(["PERIOD", "VALUE", "PUBLISHED"] as const)("in every order: %s", (field) => {
    // Small pages put cursors inside runs of equal keys (shared periods, dates, amounts) and
    // on both sides of the statistics without the key, where a keyset read is split into
    // segments (the rest of the cursor's run, the keys beyond it, the NULL keys).
    it.each(["ASC", "DESC"] as const)("walks forwards and backwards by pages of 7, %s, meeting the documented order", async (direction) => {
      const expected = ordered(MODEL, field, direction);
      const keys = MODEL.map((s) => SORT_KEYS[field](s));
      expect(new Set(keys).size, "runs of equal keys to page through").toBeLessThan(keys.length);
      const orderBy = { field, direction };
      const forward: string[] = [];
      for (let after: string | null = null; ; ) {
        const p: PageResult = await page({ first: 7, after, orderBy });
        consistent(p);
        expect(p.pageInfo.hasPreviousPage).toBe(forward.length > 0);
        forward.push(...p.nodes.map((x) => x.slug));
        expect(p.pageInfo.hasNextPage).toBe(forward.length < expected.length);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);
      const backward: string[] = [];
      for (let before: string | null = null; ; ) {
        const p: PageResult = await page({ last: 7, before, orderBy });
        consistent(p);
        expect(p.pageInfo.hasNextPage).toBe(backward.length > 0);
        backward.unshift(...p.nodes.map((x) => x.slug));
        expect(p.pageInfo.hasPreviousPage).toBe(backward.length < expected.length);
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);
    });
  });

  it("serves 20 items when neither first nor last is given", async () => {
    const p = await page({});
    expect(p.nodes.map((x) => x.slug)).toEqual(all.slice(0, 20));
    expect(p.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });
});

describe("pagination arguments", () => {
  const errors = async (vars: Record<string, unknown>) => (await api.gql(PAGE, vars)).errors?.map((e) => ({ message: e.message, code: e.extensions?.code, argumentName: e.extensions?.argumentName }));

  it("rejects first: 0 with a message naming the argument, the value and the range", async () => {
    expect(await errors({ first: 0 })).toEqual([{ message: "Argument first must be between 1 and 100, got 0.", code: "BAD_USER_INPUT", argumentName: "first" }]);
  });

  it("rejects first: 101 and last: -1 the same way", async () => {
    expect(await errors({ first: 101 })).toEqual([{ message: "Argument first must be between 1 and 100, got 101.", code: "BAD_USER_INPUT", argumentName: "first" }]);
    expect(await errors({ last: -1 })).toEqual([{ message: "Argument last must be between 1 and 100, got -1.", code: "BAD_USER_INPUT", argumentName: "last" }]);
  });

  it("rejects paging forwards and backwards at once", async () => {
    expect(await errors({ first: 5, last: 5 })).toEqual([
      { message: "Pass first/after to page forwards or last/before to page backwards, not both.", code: "BAD_USER_INPUT", argumentName: "first" },
    ]);
  });

  it("rejects a malformed cursor", async () => {
    expect(await errors({ after: "not a cursor!" })).toEqual([
      { message: 'Argument after: "not a cursor!" is not a valid cursor; use a cursor from a previous page\'s edges or pageInfo.', code: "BAD_USER_INPUT", argumentName: "after" },
    ]);
    expect(await errors({ before: Buffer.from('{"a":1}').toString("base64url") })).toEqual([
      { message: 'Argument before: "eyJhIjoxfQ" is not a valid cursor; use a cursor from a previous page\'s edges or pageInfo.', code: "BAD_USER_INPUT", argumentName: "before" },
    ]);
  });

  it("rejects a cursor issued for another order instead of returning a wrong page", async () => {
    const p = await page({ first: 1 });
    expect(await errors({ first: 1, after: p.pageInfo.endCursor, orderBy: { field: "VALUE" } })).toEqual([
      {
        message: "Argument after: the cursor belongs to another list or order (statistic:PERIOD:ASC, not statistic:VALUE:ASC); cursors are only valid with the arguments they were issued with.",
        code: "BAD_USER_INPUT",
        argumentName: "after",
      },
    ]);
  });
});
