import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { type WebTestServer, startWebTestServer } from "./web-server.js";

const run = promisify(execFile);

/** The example's exports this test uses (its own, generated, types stay inside the example). */
interface ExampleClient {
  fetchFactCard(endpoint: string, slug: string): Promise<{ citations: { quote: unknown }[]; citation: string; derivation: unknown; corroboration: unknown } | null>;
  caption(stat: unknown): string;
  conflicts(stat: unknown): string[];
}
const EXAMPLE = join(PROJECT_ROOT, "examples", "client");
const bin = (name: string) => join(PROJECT_ROOT, "node_modules", ".bin", name);

/** Runs GraphQL Code Generator on a client folder, then the type-check; resolves with each exit code and output. */
async function codegenAndTypecheck(dir: string): Promise<{ codegen: { code: number; output: string }; tsc?: { code: number; output: string } }> {
  const step = async (file: string, args: string[]) => {
    try {
      // Without NODE_ENV=test (set by vitest), codegen reports its validation errors.
      const { NODE_ENV: _, ...env } = process.env;
      const { stdout, stderr } = await run(file, args, { cwd: PROJECT_ROOT, env });
      return { code: 0, output: stdout + stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof err.code === "number" ? err.code : 1, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
    }
  };
  const codegen = await step(bin("graphql-codegen"), ["--config", join(dir, "codegen.ts")]);
  if (codegen.code !== 0) return { codegen };
  return { codegen, tsc: await step(bin("tsc"), ["-p", join(dir, "tsconfig.json")]) };
}

/** A copy of the example inside the project (so it resolves the project's node_modules), without generated files. */
function copyExample(): string {
  mkdirSync(join(PROJECT_ROOT, "test-output"), { recursive: true });
  const dir = mkdtempSync(join(PROJECT_ROOT, "test-output", "client-"));
  for (const f of ["codegen.ts", "tsconfig.json", "src/fact-card-client.ts"]) cpSync(join(EXAMPLE, f), join(dir, f), { recursive: true });
  return dir;
}

const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the typed client example (examples/client)", () => {
  it("generates its types from schema.graphql and type-checks", async () => {
    const result = await codegenAndTypecheck(EXAMPLE);
    expect(result.codegen.code).toBe(0);
    expect(result.tsc).toEqual({ code: 0, output: "" });
  }, 120_000);

  describe("against the running API", () => {
    let server: WebTestServer;
    beforeAll(async () => {
      server = await startWebTestServer();
    }, 180_000);
    afterAll(() => server?.close());

    it("fetches a fact card with the generated document and prints its caption", async () => {
      // Imported by path at run time: the module needs the types generated above, which the
      // project's own type-check (run before any codegen) must not depend on.
      const client = (await import(pathToFileURL(join(EXAMPLE, "src", "fact-card-client.ts")).href)) as ExampleClient;
      const stat = await client.fetchFactCard(`${server.origin}/graphql`, "taobao-live-jobs-created-over-1-73m");
      expect(stat?.citations.map((c) => c.quote)).toContainEqual({
        exact: "Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations",
        start: 2191,
        end: 2292,
      });
      expect(client.caption(stat!)).toBe("Jobs created, Taobao Live: more than 1.73 million jobs (Renmin University of China). Source: People's Daily Online, 2020-10-22.");
      // Counted over every document that cites the figure: compared with the API, not pinned.
      const { corroboration } = (await server.api.data(`{ statistic(slug: "taobao-live-jobs-created-over-1-73m") { corroboration { summary producerCount } } }`)).statistic;
      expect(stat?.corroboration).toEqual(corroboration);
      expect(corroboration.summary).toContain("Renmin University of China");
      expect(stat?.derivation).toBeNull();
      expect(stat?.citation).toMatch(/^Jobs created of Taobao Live: more than 1.73 million jobs \(estimate\)/);
      expect(client.conflicts(stat!)).toEqual([]);
      const ruhnn = await client.fetchFactCard(`${server.origin}/graphql`, "ruhnn-gmv-2018-1-2bn");
      // What the API lists as conflicting, so a new document changes both sides alike.
      const conflicting = (await server.api.data(`{ statistic(slug: "ruhnn-gmv-2018-1-2bn") { agreement { conflicting { statistic { slug } } } } }`)).statistic.agreement.conflicting;
      expect(conflicting.map((c: { statistic: { slug: string } }) => c.statistic.slug)).toEqual(expect.arrayContaining(["ruhnn-gmv-2018-1-9bn", "ruhnn-gmv-2018-2bn"]));
      expect(client.conflicts(ruhnn!).map((c) => c.split(":")[0])).toEqual(conflicting.map((c: { statistic: { slug: string } }) => c.statistic.slug));
      expect(await client.fetchFactCard(`${server.origin}/graphql`, "no-such-figure")).toBeNull();
    });
  });

  it("fails when the query asks for a field the schema does not have", async () => {
    const dir = copyExample();
    copies.push(dir);
    const file = join(dir, "src", "fact-card-client.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("      slug\n      kind\n", "      slug\n      kind\n      noSuchField\n"));
    const result = await codegenAndTypecheck(dir);
    expect(result.codegen.code).not.toBe(0);
    expect(result.codegen.output).toContain('Cannot query field "noSuchField" on type "Statistic"');
    expect(result.tsc).toBeUndefined();
  }, 120_000);

  it("fails the type-check when the code reads a field the query did not select", async () => {
    const dir = copyExample();
    copies.push(dir);
    const file = join(dir, "src", "fact-card-client.ts");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nexport const note = (s: FactCardStatistic): string | null => s.note;\n`);
    const result = await codegenAndTypecheck(dir);
    expect(result.codegen.code).toBe(0);
    expect(result.tsc?.code).not.toBe(0);
    expect(result.tsc?.output).toMatch(/fact-card-client\.ts\(\d+,\d+\): error TS2339: Property 'note' does not exist on type/);
  }, 120_000);
});
