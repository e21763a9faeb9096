import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childServerSuite } from "./helpers.js";

/**
 * Property-based versions of the hostile classes of issue 13, against a `serve` child process
 * (so a server frozen by synchronous work fails the properties instead of freezing the
 * runner): random fragment graphs (spreads fanning out, aliases, directives, CPU-heavy
 * fields), random JSON nesting, random padding. Every answer is a 2xx or a coded 4xx, and
 * /healthz answers after each.
 */
const server = childServerSuite();

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261203 : undefined;
const runs = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
/** Only a frozen server misses it. */
const HANG_MS = 8_000;

async function expectCodedAnswer(res: Response): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBeLessThan(500);
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  for (const e of body.errors ?? []) {
    expect(typeof e.extensions?.code, text).toBe("string");
    expect(e.extensions?.code, text).not.toBe("INTERNAL_SERVER_ERROR");
  }
  const health = await fetch(`${server.process().base}healthz`, { signal: AbortSignal.timeout(HANG_MS) });
  expect(health.status).toBe(200);
  await health.text();
}

const post = (body: string) => server.post(body, HANG_MS);

/** A leaf selection of a statistic: plain, aliased, directed, or CPU-heavy. */
const leaf = fc.constantFrom("slug", "a: slug", "slug @include(if: true)", "cite", "c: cite(style: MLA)", "agreement { comparisons { verdict } }", "__typename", "metric { slug }");

describe("hostile fuzzing", () => {
  it("answers random fragment graphs (each fragment spreading earlier ones, many times) with a code, promptly", async () => {
    const graph = fc.record({
      levels: fc.integer({ min: 1, max: 40 }),
      spreads: fc.array(fc.array(fc.nat(), { minLength: 2, maxLength: 16 }), { minLength: 40, maxLength: 40 }),
      leaves: fc.array(leaf, { minLength: 1, maxLength: 3 }),
      page: fc.integer({ min: 1, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(graph, async ({ levels, spreads, leaves, page }) => {
        let doc = `query G { statistics(first: ${page}) { nodes { ...F${levels} } } }\nfragment F0 on Statistic { ${leaves.join(" ")} }\n`;
        // Mostly the fragment just before, or one of the two before it: long chains of fan-out.
        for (let i = 1; i <= levels; i++) doc += `fragment F${i} on Statistic { ${spreads[i - 1]!.map((n) => `...F${Math.max(0, i - 1 - (n % 3))}`).join(" ")} }\n`;
        await expectCodedAnswer(await post(JSON.stringify({ query: doc })));
      }),
      runs(40),
    );
  }, 60_000);

  it("answers variables and extensions nested to any depth with a code", async () => {
    const nesting = fc.record({ depth: fc.integer({ min: 1, max: 20_000 }), open: fc.constantFrom('{"a":', "["), where: fc.constantFrom("variables", "extensions") });
    await fc.assert(
      fc.asyncProperty(nesting, async ({ depth, open, where }) => {
        const close = open === "[" ? "]" : "}";
        const value = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const body = where === "variables" ? `{"query":"query($x: String) { __typename }","variables":{"x":${value}}}` : `{"query":"{ __typename }","extensions":{"x":${value}}}`;
        await expectCodedAnswer(await post(body));
      }),
      runs(30),
    );
  }, 60_000);

  it("answers documents padded with comments of any length with a code", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 99_000 }), fc.nat(), async (bytes, n) => {
        const query = `# ${n} ${"x".repeat(bytes)}\n{ knowledgeBase { dataVersion } }`;
        await expectCodedAnswer(await post(JSON.stringify({ query })));
      }),
      runs(30),
    );
  }, 60_000);
});
