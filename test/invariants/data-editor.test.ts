import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type TestApi, serveDatabase } from "../api/knowledge-bases.js";
import { buildInto } from "../fixtures/fixture-db.js";
import { type CuratedCounts, curatedCounts, readCuratedFiles } from "./curated-files.js";
import { type GeneratedSource, addGeneratedSource } from "./generated-source.js";
import { describeInvariants } from "./invariants.js";

/**
 * What a data editor does, on a copy of db/: add a document (no archived text, two figures, a
 * new organization and metric, one figure equal to one already in db/), build, and check that
 * every invariant still holds and that the new document reads back as written. Whatever db/
 * holds, this must pass: `npm test` stays green when sources are added.
 */
let api: TestApi;
let dataDir: string;
let added: GeneratedSource;
let before: CuratedCounts;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "lsf-data-editor-"));
  dataDir = join(root, "db");
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  before = curatedCounts(readCuratedFiles(dataDir));
  added = addGeneratedSource(dataDir);
  // A BuildError here lists the problems the generated files have, as `npm run db:build` would.
  api = await serveDatabase(root, buildInto(root, dataDir));
});
afterAll(() => api?.close());

describeInvariants("the invariants, after a data editor adds a source to a copy of db/", () => ({
  api,
  dataDir,
  mustSample: [added.newStatistic, added.repeated.slug],
}));

describe("the data editor's new source", () => {
  it("adds one document, one statistic, two citations, one organization and one metric", () => {
    expect(curatedCounts(readCuratedFiles(dataDir))).toEqual({
      ...before,
      sources: before.sources + 1,
      statistics: before.statistics + 1,
      citations: before.citations + 2,
      entities: before.entities + 1,
      metrics: before.metrics + 1,
      unarchivedCitations: before.unarchivedCitations + 2,
    });
  });

  it("serves the new figure with its metric, subject and producer, cited without a quote", async () => {
    const data = await api.data(
      `query($slug: String!, $source: String!) {
        statistic(slug: $slug) {
          kind value { amount unit comparator } period { label } metric { slug units } subject { __typename slug }
          producers { slug } hasVerifiedQuote
          citations { slug verified quote { exact } source { slug publisher { slug } archive { coverage } } }
        }
        source(slug: $source) { title statistics(first: 5) { nodes { slug } } }
      }`,
      { slug: added.newStatistic, source: added.source },
    );
    expect(data.statistic).toEqual({
      kind: "MEASUREMENT",
      value: { amount: 412, unit: "audits", comparator: "EQUAL" },
      period: { label: "2025" },
      metric: { slug: added.metric, units: ["audits"] },
      subject: { __typename: "Organization", slug: added.organization },
      producers: [{ slug: added.organization }],
      hasVerifiedQuote: false,
      citations: [
        {
          slug: `${added.source}.audits-2025`,
          verified: false,
          quote: null,
          source: { slug: added.source, publisher: { slug: added.organization }, archive: { coverage: "NONE" } },
        },
      ],
    });
    expect(data.source.statistics.nodes.map((n: any) => n.slug).sort()).toEqual([added.newStatistic, added.repeated.slug].sort());
  });

  it("adds a citation to the statistic it states again, instead of a second statistic", async () => {
    const data = await api.data(`query($slug: String!) { statistic(slug: $slug) { citations { slug source { slug } } corroboration { citationCount } } }`, {
      slug: added.repeated.slug,
    });
    expect(data.statistic.citations).toHaveLength(added.repeatedCitationsBefore + 1);
    expect(data.statistic.citations).toContainEqual({ slug: `${added.source}.repeated-figure`, source: { slug: added.source } });
    expect(data.statistic.corroboration.citationCount).toBe(added.repeatedCitationsBefore + 1);
  });

  it("lists the new organization's figure and the new metric's, and finds the document by a word of its title", async () => {
    const data = await api.data(
      `query($org: String!, $metric: String!, $q: String!) {
        entity(slug: $org) { __typename name producedStatistics: statistics(first: 5) { nodes { slug } } }
        metric(slug: $metric) { name statistics(first: 5) { totalCount nodes { slug } } }
        search(query: $q, first: 10) { nodes { node { __typename ... on Source { slug } ... on Statistic { slug } } } }
      }`,
      { org: added.organization, metric: added.metric, q: added.titleWord },
    );
    expect(data.entity).toEqual({ __typename: "Organization", name: "Quillwort Analytics", producedStatistics: { nodes: [{ slug: added.newStatistic }] } });
    expect(data.metric).toEqual({ name: "Live-streaming audits", statistics: { totalCount: 1, nodes: [{ slug: added.newStatistic }] } });
    expect(data.search.nodes.map((hit: any) => hit.node)).toContainEqual({ __typename: "Source", slug: added.source });
  });
});
