import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi, projectApi, serveCopy } from "./knowledge-bases.js";

/** A page of statistics with everything a fact card shows: citations, sources, publishers, producers. */
const FACT_PAGE = `query($first: Int!) {
  statistics(first: $first) {
    totalCount
    nodes {
      slug hasVerifiedQuote
      value { amount unit comparator }
      period { label }
      metric { slug units }
      subject { __typename slug names { lang name } }
      event { slug }
      producers { slug name }
      citations {
        slug verified verificationNote
        quote { exact start end }
        attributedTo { __typename ... on Report { slug authors { slug } } ... on Organization { slug } ... on Platform { slug } }
        source { slug url publishedAt publisher { slug name } authors { slug } archive { sha256 intact } }
      }
    }
  }
}`;

/** The fact-card page with every fact-checking field too: derivation, agreement, producing reports, corroboration, provenance and citations. */
const FACT_CHECK_PAGE = FACT_PAGE.replace(
  "citations {",
  `derivation { formula verdict explanation recomputed { lowerBound upperBound unit } inputs { name statistic { slug } value { amount } } }
      agreement {
        comparisons { verdict reason statistic { slug value { amount } } conversion { scale fromMetric { slug } toMetric { slug } } ownInterval { lowerBound } otherInterval { lowerBound } }
        conflicting { statistic { slug } }
      }
      producingReports { slug authors { slug } }
      corroboration {
        producerCount statedProducerCount publisherCount citationCount unattributedCount inferredCount summary
        producers { entities { slug } reports { slug } }
        publishers { publisher { slug } sources { slug } }
      }
      provenance { citation { slug } steps { kind stated description subjects { __typename id } } }
      apa: cite
      gb: cite(style: GB_T_7714)
      citations {`,
);

let fixture: TestApi;
let project: TestApi;
beforeAll(async () => {
  [fixture, project] = await Promise.all([fixtureApi(), projectApi()]);
});
afterAll(async () => {
  await fixture.close();
  await project.close();
});

/** Statements one request runs, read from the instrumented database wrapper. */
async function statementsFor(api: TestApi, first: number, query = FACT_PAGE): Promise<{ statements: number; returned: number }> {
  const before = api.kb.db.statementsExecuted;
  const data = await api.data(query, { first });
  return { statements: api.kb.db.statementsExecuted - before, returned: data.statistics.nodes.length };
}

describe("batching", () => {
  it("runs as many SQL statements for a page of 100 statistics with their citations, sources and publishers as for a page of 10", async () => {
    await statementsFor(fixture, 100); // warm the archive cache shared by requests
    const ten = await statementsFor(fixture, 10);
    const hundred = await statementsFor(fixture, 100);
    expect(ten.returned).toBe(10);
    expect(hundred.returned).toBe(100);
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBeLessThanOrEqual(16);
    console.log(`fixture: ${ten.statements} statements for 10 statistics, ${hundred.statements} for 100`);
  });

  it("runs no more statements on the project's knowledge base than on the fixture, whose first page needs every loader", async () => {
    // Whatever db/ holds: a page can need fewer loaders than the fixture's (no figure on it has
    // an event, say), never more, and a page of 10 never more statements than a page of 100.
    await statementsFor(fixture, 100);
    const bound = (await statementsFor(fixture, 100)).statements;
    await statementsFor(project, 100);
    const ten = await statementsFor(project, 10);
    const hundred = await statementsFor(project, 100);
    expect(hundred.returned).toBe(Math.min(100, (await project.data(`{ statistics { totalCount } }`)).statistics.totalCount));
    expect(ten.statements).toBeLessThanOrEqual(hundred.statements);
    expect(hundred.statements).toBeLessThanOrEqual(bound);
    console.log(`project: ${ten.statements} statements for 10 statistics, ${hundred.statements} for 100 (fixture: ${bound})`);
  });

  it("runs as many SQL statements for a page of 100 statistics with every fact-checking field as for a page of 10", async () => {
    await statementsFor(fixture, 100, FACT_CHECK_PAGE);
    const ten = await statementsFor(fixture, 10, FACT_CHECK_PAGE);
    const hundred = await statementsFor(fixture, 100, FACT_CHECK_PAGE);
    expect(ten.returned).toBe(10);
    expect(hundred.returned).toBe(100);
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBeLessThanOrEqual(20);
    console.log(`fixture, fact-checking fields: ${ten.statements} statements for 10 statistics, ${hundred.statements} for 100`);
  });

  it("runs no more statements for the fact-checking fields on the project's knowledge base than on the fixture", async () => {
    await statementsFor(fixture, 100, FACT_CHECK_PAGE);
    const bound = (await statementsFor(fixture, 100, FACT_CHECK_PAGE)).statements;
    await statementsFor(project, 100, FACT_CHECK_PAGE);
    const ten = await statementsFor(project, 10, FACT_CHECK_PAGE);
    const hundred = await statementsFor(project, 100, FACT_CHECK_PAGE);
    expect(ten.statements).toBeLessThanOrEqual(hundred.statements);
    expect(hundred.statements).toBeLessThanOrEqual(bound);
    console.log(`project, fact-checking fields: ${ten.statements} statements for 10 statistics, ${hundred.statements} for 100 (fixture: ${bound})`);
  });

  it("reads archived texts once per database, not once per request", async () => {
    const cold = await serveCopy(fixture);
    try {
      const first = await statementsFor(cold, 100);
      const second = await statementsFor(cold, 100);
      expect(first.statements - second.statements).toBe(1);
    } finally {
      await cold.close();
    }
  });

  it("prepares each statement once and reuses it across requests", async () => {
    await statementsFor(fixture, 100);
    await statementsFor(fixture, 37);
    const prepared = fixture.kb.db.statementsPrepared;
    await statementsFor(fixture, 100);
    await statementsFor(fixture, 37);
    expect(fixture.kb.db.statementsPrepared).toBe(prepared);
  });
});
