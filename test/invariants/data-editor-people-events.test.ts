import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type TestApi, serveDatabase } from "../api/knowledge-bases.js";
import { buildInto } from "../fixtures/fixture-db.js";
import { appendToRegistry } from "./generated-source.js";
import { describeInvariants } from "./invariants.js";

/**
 * The kind of source that broke the agreement engine before its rules were rewritten, added to
 * a copy of db/ the way db/README.md says, with no code change: a document without archived
 * text about two live-streaming hosts at a festival's presale, with figures dated to the day
 * and to the month, a combined figure of both hosts, a range, a figure's few words, a relative
 * period and an undated figure. The build must accept it, every invariant must hold, and the
 * agreement rules must judge its figures as a careful reader would.
 */
let api: TestApi;
const SOURCE = "fernleaf-wire-2021-11-01-presale-hosts";
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "lsf-data-editor-events-"));
  const dataDir = join(root, "db");
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  appendToRegistry(dataDir, "organizations", { slug: "fernleaf-wire", name: "Fernleaf Wire", kind: "NEWS_PUBLISHER", description: "A wire service made up by the data editor's test." });
  appendToRegistry(dataDir, "people", { slug: "fernleaf-host-a", name: "Host Alder", description: "A live-streaming host made up by the test." });
  appendToRegistry(dataDir, "people", { slug: "fernleaf-host-b", name: "Host Birch", description: "Another made-up host." });
  appendToRegistry(dataDir, "events", { slug: "fernleaf-fest-2021", name: "Fernleaf Fest 2021", description: "A made-up festival.", start: "2021-10-20", end: "2021-11-11" });
  appendToRegistry(dataDir, "events", {
    slug: "fernleaf-fest-2021-presale",
    name: "Fernleaf Fest 2021 presale",
    description: "Its first presale day.",
    start: "2021-10-20",
    end: "2021-10-20",
    partOf: "fernleaf-fest-2021",
  });
  appendToRegistry(dataDir, "metrics", { slug: "fernleaf-host-sales", name: "Host sales (made up)", description: "Sales in a host's streams.", quantity: "MONEY", units: ["CNY"] });
  const host = (slug: string, fields: Record<string, unknown>) => ({ slug, metric: "fernleaf-host-sales", kind: "ESTIMATE", ...fields });
  const cite = (key: string, extra: Record<string, unknown> = {}) => [{ key, attribution: null, ...extra }];
  const doc = {
    slug: SOURCE,
    title: "Hosts at the Fernleaf presale",
    url: `https://fernleaf.example/${SOURCE}`,
    urlStatus: "ORIGINAL",
    publisher: "fernleaf-wire",
    published: "2021-11-01",
    language: "en",
    kind: "NEWS_ARTICLE",
    archive: { coverage: "NONE" },
    statistics: [
      host("fernleaf-host-a-presale-day", { subject: "fernleaf-host-a", event: "fernleaf-fest-2021-presale", period: "2021-10-20", value: { amount: 8.2e9, unit: "CNY", comparator: "EQUAL" }, citations: cite("a-day", { valueAsWritten: "82亿元" }) }),
      host("fernleaf-host-a-presale-month", { subject: "fernleaf-host-a", event: "fernleaf-fest-2021-presale", period: "2021-10", value: { amount: 8e9, unit: "CNY", comparator: "EQUAL" }, citations: cite("a-month", { valueAsWritten: "8 billion yuan" }) }),
      { ...host("fernleaf-hosts-presale", { event: "fernleaf-fest-2021-presale", period: "2021-10-20", value: { amount: 19e9, unit: "CNY", comparator: "EQUAL" }, citations: cite("both") }), subjects: ["fernleaf-host-a", "fernleaf-host-b"] },
      host("fernleaf-host-b-range", { subject: "fernleaf-host-b", event: "fernleaf-fest-2021-presale", period: "2021-10-20", value: { amount: 9e9, upper: 12e9, unit: "CNY", comparator: "BETWEEN" }, citations: cite("b-range") }),
      host("fernleaf-host-b-undated", { subject: "fernleaf-host-b", period: null, value: { amount: 10e9, unit: "CNY", comparator: "EQUAL" }, citations: cite("b-undated") }),
      host("fernleaf-host-b-last-year", {
        subject: "fernleaf-host-b",
        period: "2020",
        value: { amount: 4e9, unit: "CNY", comparator: "MORE_THAN" },
        citations: cite("b-2020", { periodRelative: true, note: "The wire says 'last year'; resolved against its date." }),
      }),
    ],
  };
  writeFileSync(join(dataDir, "sources", `${SOURCE}.yaml`), stringify(doc));
  api = await serveDatabase(root, buildInto(root, dataDir));
}, 120_000);
afterAll(() => api?.close());

describeInvariants("the invariants, after a data editor adds a source about hosts at a presale to a copy of db/", () => ({
  api,
  dataDir: join(api.dir, "db"),
  mustSample: ["fernleaf-host-a-presale-day", "fernleaf-hosts-presale", "fernleaf-host-b-range"],
}));

const verdicts = async (slug: string) => {
  const data = await api.data(`query($slug: String!) { statistic(slug: $slug) { agreement { comparisons { statistic { slug } verdict } notCompared { statistic { slug } } } } }`, { slug });
  return {
    judged: Object.fromEntries(data.statistic.agreement.comparisons.map((c: any) => [c.statistic.slug, c.verdict])),
    notCompared: data.statistic.agreement.notCompared.map((c: any) => c.statistic.slug),
  };
};

describe("the agreement rules on the data editor's presale figures", () => {
  it("compares the day-dated and month-dated figures of one presale, reading 82亿 to units of 亿", async () => {
    const { judged } = await verdicts("fernleaf-host-a-presale-day");
    // 8.2 billion rounds to 8 billion at the month figure's precision (units of a billion): they agree.
    expect(judged["fernleaf-host-a-presale-month"]).toBe("AGREES");
    expect(judged["fernleaf-hosts-presale"]).toBe("DIFFERENT_SCOPE");
  });

  it("lists the undated figure as not judged and states the range against the combined figure as different scope", async () => {
    const { judged, notCompared } = await verdicts("fernleaf-host-b-range");
    expect(notCompared).toEqual(["fernleaf-host-b-undated"]);
    expect(judged["fernleaf-hosts-presale"]).toBe("DIFFERENT_SCOPE");
  });

  it("resolves the relative period of an unarchived source, saying where the words are", async () => {
    const data = await api.data(`{ statistic(slug: "fernleaf-host-b-last-year") { period { label resolution } } }`);
    expect(data.statistic.period).toEqual({
      label: "2020",
      resolution: "The period the source gives (see the citation's note) read relative to the publication date 2021-11-01: 2020 (2020-01-01 to 2020-12-31)",
    });
  });
});
