import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { findConflictGroups } from "../../src/facts/conflict-groups.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { agreementContext, comparable } from "../../src/schema/agreement/agreement-context.js";
import { type ApiServer, createServer } from "../../src/server.js";
import { FACT_CARD_QUERY } from "../../src/web/fact-card/fact-card.query.js";
import type { TestApi } from "../api/knowledge-bases.js";
import { curatedCounts, readCuratedFiles } from "./curated-files.js";
import { allStatistics, fixedSample } from "./sample.js";

/** A built knowledge base and the data directory it was built from. */
export interface InvariantSubject {
  readonly api: TestApi;
  readonly dataDir: string;
  /** Statistics the graphql-jit comparison must include beside its fixed sample (e.g. those just added). */
  readonly mustSample?: readonly string[];
}

/** How many statistics the graphql-jit comparison samples (plus one of each kind). */
export const INVARIANT_SAMPLE = 8;

/** Every statistic with what the invariants read of it, in pages of 100. */
const STATISTICS_PAGE = `query($after: String) {
  statistics(first: 100, after: $after) {
    totalCount
    nodes {
      slug kind
      derivation { verdict explanation }
      citations { slug verified verificationNote quote { exact } source { slug archive { coverage } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface CheckedStatistic {
  slug: string;
  kind: string;
  derivation: { verdict: string; explanation: string } | null;
  citations: { slug: string; verified: boolean; verificationNote: string; quote: { exact: string } | null; source: { slug: string; archive: { coverage: string } } }[];
}

/** Reads every statistic through the API (a handful of requests: the cost per statistic is a few rows). */
async function readStatistics(api: TestApi): Promise<{ totalCount: number; nodes: CheckedStatistic[] }> {
  const nodes: CheckedStatistic[] = [];
  let totalCount = 0;
  let after: string | null = null;
  do {
    const page: any = (await api.data(STATISTICS_PAGE, { after })).statistics;
    totalCount = page.totalCount;
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { totalCount, nodes };
}

const EXAMPLES = readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8");

/**
 * Registers the checks that hold for any valid knowledge base, whatever documents it holds:
 * the API serves what the files define, every quote verifies, every statistic is cited, every
 * derived figure gets a verdict, every example operation answers, graphql-jit answers like
 * graphql-js on a fixed sample, and the conflicts listing is what the agreement rules find.
 * They read the data through the API in pages, so they cost a few requests, not one per
 * statistic. `subject` is called once the file's hooks have run.
 */
export function describeInvariants(title: string, subject: () => InvariantSubject): void {
  describe(title, () => {
    it("serves as many documents, statistics, citations, entities, reports and metrics as the curated files define", async () => {
      const { api, dataDir } = subject();
      const expected = curatedCounts(readCuratedFiles(dataDir));
      const data = await api.data(`{
        sources(first: 1) { totalCount } statistics(first: 1) { totalCount } entities(first: 1) { totalCount }
        reports(first: 1) { totalCount } metrics(first: 1) { totalCount }
      }`);
      const { nodes } = await readStatistics(api);
      expect({
        sources: data.sources.totalCount,
        statistics: data.statistics.totalCount,
        citations: nodes.reduce((n, s) => n + s.citations.length, 0),
        entities: data.entities.totalCount,
        reports: data.reports.totalCount,
        metrics: data.metrics.totalCount,
        unarchivedCitations: nodes.flatMap((s) => s.citations).filter((c) => c.source.archive.coverage === "NONE").length,
      }).toEqual(expected);
    });

    it("verifies every quote against its archived text, and quotes nothing from a document without one", async () => {
      const { nodes } = await readStatistics(subject().api);
      const citations = nodes.flatMap((s) => s.citations);
      const unverified = citations.filter((c) => c.quote !== null && !c.verified).map((c) => `${c.slug}: ${c.verificationNote}`);
      expect(unverified).toEqual([]);
      expect(citations.filter((c) => c.source.archive.coverage === "NONE" && (c.quote !== null || c.verified)).map((c) => c.slug)).toEqual([]);
    });

    it("cites every statistic at least once", async () => {
      const { nodes } = await readStatistics(subject().api);
      expect(nodes.filter((s) => s.citations.length === 0).map((s) => s.slug)).toEqual([]);
    });

    it("gives every derived figure a derivation with a checkable verdict, and no other figure one", async () => {
      const { nodes } = await readStatistics(subject().api);
      const derived = nodes.filter((s) => s.kind === "DERIVED");
      const unchecked = derived.filter((s) => s.derivation === null || !["CONSISTENT", "INCONSISTENT"].includes(s.derivation.verdict));
      expect(unchecked.map((s) => `${s.slug}: ${s.derivation?.verdict}: ${s.derivation?.explanation}`)).toEqual([]);
      expect(nodes.filter((s) => s.kind !== "DERIVED" && s.derivation !== null).map((s) => s.slug)).toEqual([]);
    });

    it("answers every operation of examples.graphql with data and no errors", async () => {
      const { api } = subject();
      const names = parse(EXAMPLES).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [(d as OperationDefinitionNode).name!.value] : []));
      expect(names.length).toBeGreaterThan(0);
      for (const operationName of names) {
        const { data, errors } = await execute(api, operationName);
        expect(errors, operationName).toBeUndefined();
        for (const [field, value] of Object.entries(data ?? {})) expect(value, `${operationName}.${field}`).not.toBeNull();
      }
    });

    it("answers the fact cards of a fixed sample of statistics alike through graphql-jit and graphql-js", async () => {
      const { api, mustSample = [] } = subject();
      const sample = [...new Set([...fixedSample(await allStatistics(api), INVARIANT_SAMPLE), ...mustSample])];
      const jit = await createServer(api.kb, { executor: "jit" });
      const interpreted = await createServer(api.kb, { executor: "graphql-js" });
      try {
        for (const slug of sample) {
          const request = { query: FACT_CARD_QUERY, variables: { slug } };
          const expected = JSON.stringify(await single(interpreted, request));
          expect(JSON.parse(expected).result.errors, slug).toBeUndefined();
          // graphql-jit compiles an operation on its second use: compare the first answer and the compiled one.
          expect(JSON.stringify(await single(jit, request)), `${slug}, first use`).toBe(expected);
          expect(JSON.stringify(await single(jit, request)), `${slug}, compiled`).toBe(expected);
        }
        expect(jit.jit!.compiledExecutions).toBeGreaterThanOrEqual(sample.length);
      } finally {
        await jit.stop();
        await interpreted.stop();
      }
    });

    it("lists exactly the conflict groups the agreement rules find over the whole knowledge base", async () => {
      const { api } = subject();
      const { statistics, metrics, entities } = api.kb.repos;
      const rows = statistics.allComparable();
      const slugOf = new Map(rows.map((r) => [r.id, r.slug]));
      const expected = findConflictGroups(rows.map(comparable), agreementContext(metrics.allRelations(), entities.scopeLinks()))
        .map((g) => ({ members: g.members.map((id) => slugOf.get(Number(id))), pairs: g.conflicts.map((c) => [slugOf.get(Number(c.first)), slugOf.get(Number(c.second))]) }))
        .sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1));
      const listed: { members: string[]; pairs: string[][] }[] = [];
      let after: string | null = null;
      do {
        const page: any = (
          await api.data(`query($after: String) { conflicts(first: 100, after: $after) { nodes { statistics { slug } conflicts { first { slug } second { slug } } } pageInfo { hasNextPage endCursor } } }`, { after })
        ).conflicts;
        listed.push(...page.nodes.map((g: any) => ({ members: g.statistics.map((s: any) => s.slug), pairs: g.conflicts.map((c: any) => [c.first.slug, c.second.slug]) })));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(listed.sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1))).toEqual(expected);
    });
  });
}

/** One operation of examples.graphql through the real server. */
async function execute(api: TestApi, operationName: string): Promise<{ data?: Record<string, unknown> | null; errors?: unknown }> {
  const res = await api.server.execute({ query: EXAMPLES, operationName });
  if (res.body.kind !== "single") throw new Error("expected a single result");
  return res.body.singleResult;
}

/** A request's status and result from one server. */
async function single(server: ApiServer, request: { query: string; variables?: Record<string, unknown> }): Promise<{ status: number; result: unknown }> {
  const res = await server.execute(request);
  if (res.body.kind !== "single") throw new Error("expected a single result");
  return { status: res.http.status ?? 200, result: res.body.singleResult };
}
