import { generate } from "@graphql-codegen/cli";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FACT_CARD_DOCUMENTS, FACT_CARD_TYPES_FILE, factCardCodegenConfig } from "../../scripts/codegen-web.js";
import { PROJECT_ROOT } from "../../src/paths.js";

/**
 * The fact card's result types are generated (`npm run codegen:web`) and committed: this
 * regenerates them into a temporary folder, from the committed schema.graphql and the card's
 * query, and compares them with the committed file, as the schema test does for schema.graphql.
 */
mkdirSync(join(PROJECT_ROOT, "test-output"), { recursive: true });
const dir = mkdtempSync(join(PROJECT_ROOT, "test-output", "fact-card-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs GraphQL Code Generator with the project's configuration, writing to `output`; the file's text. */
async function regenerate(output: string, documents?: string): Promise<string> {
  await generate({ ...factCardCodegenConfig(output, documents), silent: true }, true);
  return readFileSync(output, "utf8");
}

describe("the fact card's generated result types", () => {
  it("are what the codegen writes from schema.graphql and the card's query (run `npm run codegen:web` when this fails)", async () => {
    const fresh = await regenerate(join(dir, "fresh.ts"));
    const committed = readFileSync(FACT_CARD_TYPES_FILE, "utf8");
    if (fresh !== committed) expect.fail("src/web/fact-card/generated/fact-card.operations.ts is stale: regenerate it with `npm run codegen:web` and commit the result.");
    expect(committed).toContain("export type FactCardQuery = ");
    expect(committed).toContain("export type FactCardPassageQuery = ");
  }, 60_000);

  it("change when the query does (the comparison is not vacuous)", async () => {
    // The card's query asking for one more field of the metric: its generated type must differ.
    const query = readFileSync(FACT_CARD_DOCUMENTS, "utf8");
    const changed = query.replace("metric { slug name description }", "metric { slug name description quantity }");
    expect(changed).not.toBe(query);
    const documents = join(dir, "fact-card.query.ts");
    writeFileSync(documents, changed);
    const fresh = await regenerate(join(dir, "changed.ts"), documents);
    expect(fresh).not.toBe(readFileSync(FACT_CARD_TYPES_FILE, "utf8"));
    expect(fresh).toContain("export type MetricQuantity =");
    expect(fresh).toMatch(/metric: \{ readonly slug: string, readonly name: string, readonly description: string, readonly quantity: MetricQuantity \}/);
  }, 60_000);
});
