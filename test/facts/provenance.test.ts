import { describe, expect, it } from "vitest";
import { type ProvenanceCitation, type ProvenanceReport, citationProvenance, statisticProvenance } from "../../src/facts/provenance.js";

const ARTICLE = {
  id: "peoples-daily-2020-10-22-live-streaming-trillion",
  name: "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020",
  publisherName: "People's Daily Online",
  published: "2020-10-22",
};
const ARTICLE_REF = { type: "SOURCE", id: ARTICLE.id, name: ARTICLE.name } as const;

const reports = new Map<number, ProvenanceReport>([
  [
    1,
    {
      id: 1,
      title: "Live-streaming e-commerce on its way to a trillion-yuan market",
      authors: [
        { id: 10, name: "KPMG" },
        { id: 11, name: "AliResearch" },
      ],
      basedOn: [{ reportId: 2, relation: "USES_DATA", inferred: true, note: "That the report drew on Taobao Live's data is the editors' reading." }],
    },
  ],
  [2, { id: 2, title: "Taobao Live platform data", authors: [{ id: 12, name: "Taobao Live" }], basedOn: [] }],
  [3, { id: 3, title: "A digest of the report", authors: [{ id: 13, name: "A newsletter" }], basedOn: [{ reportId: 1, relation: "REPUBLISHES", inferred: false, note: null }] }],
  [4, { id: 4, title: "Renmin University of China study of jobs created by Taobao Live", authors: [{ id: 14, name: "Renmin University of China" }], basedOn: [] }],
]);

type CitationFields = Partial<Omit<ProvenanceCitation, "attribution">> & { attribution?: Partial<ProvenanceCitation["attribution"]> };
const citation = (fields: CitationFields): ProvenanceCitation => ({
  source: ARTICLE,
  quote: null,
  archived: true,
  ...fields,
  attribution: { report: null, entity: null, inferred: false, asWritten: null, note: null, ...fields.attribution },
});

describe("provenance chains", () => {
  it("ends the unattributed headline with 'no attribution stated'", () => {
    const headline = citation({ quote: "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" });
    expect(citationProvenance(headline, reports)).toEqual([
      {
        kind: "QUOTED_IN_SOURCE",
        stated: true,
        description:
          'quoted in "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" (People\'s Daily Online, 2020-10-22): "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020"',
        subjects: [ARTICLE_REF],
      },
      { kind: "NO_ATTRIBUTION_STATED", stated: true, description: "no attribution stated: the source names no producer for this figure", subjects: [] },
    ]);
  });

  it("follows a stated report attribution to the data it used and its authors", () => {
    const penetration = citation({
      quote: "The penetration rate of live-streaming sessions in the e-commerce market just hit 4.1 percent last year",
      attribution: { report: { id: 1, title: "Live-streaming e-commerce on its way to a trillion-yuan market" }, asWritten: "according to the report jointly issued by KPMG and Ali-Research" },
    });
    expect(citationProvenance(penetration, reports).slice(1)).toEqual([
      {
        kind: "ATTRIBUTED_TO_REPORT",
        stated: true,
        description: 'the source attributes the figure to "Live-streaming e-commerce on its way to a trillion-yuan market": "according to the report jointly issued by KPMG and Ali-Research"',
        subjects: [{ type: "REPORT", id: 1, name: "Live-streaming e-commerce on its way to a trillion-yuan market" }],
      },
      {
        kind: "USES_DATA",
        stated: false,
        description:
          '"Live-streaming e-commerce on its way to a trillion-yuan market" computed its figures from data of "Taobao Live platform data" (an editor\'s inference): That the report drew on Taobao Live\'s data is the editors\' reading',
        subjects: [
          { type: "REPORT", id: 1, name: "Live-streaming e-commerce on its way to a trillion-yuan market" },
          { type: "REPORT", id: 2, name: "Taobao Live platform data" },
        ],
      },
      {
        kind: "AUTHORED_BY",
        stated: true,
        description: '"Live-streaming e-commerce on its way to a trillion-yuan market" is by KPMG and AliResearch',
        subjects: [
          { type: "REPORT", id: 1, name: "Live-streaming e-commerce on its way to a trillion-yuan market" },
          { type: "ENTITY", id: 10, name: "KPMG" },
          { type: "ENTITY", id: 11, name: "AliResearch" },
        ],
      },
    ]);
  });

  it("follows a republishing report to the original and stops at its authors", () => {
    const steps = citationProvenance(citation({ attribution: { report: { id: 3, title: "A digest of the report" } } }), reports);
    expect(steps.map((s) => [s.kind, s.stated])).toEqual([
      ["CITED_IN_SOURCE", true],
      ["ATTRIBUTED_TO_REPORT", true],
      ["REPUBLISHES", true],
      ["USES_DATA", false],
      ["AUTHORED_BY", true],
    ]);
    expect(steps[2]!.description).toBe('"A digest of the report" republishes the figures of "Live-streaming e-commerce on its way to a trillion-yuan market"');
  });

  it("credits the jobs figure to the Renmin University study", () => {
    const steps = citationProvenance(
      citation({ quote: "more than 1.73 million job opportunities", attribution: { report: { id: 4, title: "Renmin University of China study of jobs created by Taobao Live" } } }),
      reports,
    );
    expect(steps.at(-1)).toEqual({
      kind: "AUTHORED_BY",
      stated: true,
      description: '"Renmin University of China study of jobs created by Taobao Live" is by Renmin University of China',
      subjects: [
        { type: "REPORT", id: 4, name: "Renmin University of China study of jobs created by Taobao Live" },
        { type: "ENTITY", id: 14, name: "Renmin University of China" },
      ],
    });
  });

  it("marks an editor's attribution to an entity as inferred, and names the inputs of a derived figure", () => {
    const perDay = citation({
      quote: "That equates to an average of more than 50,000 such sessions",
      attribution: { entity: { id: 20, name: "Ministry of Commerce" }, inferred: true, note: "The article derives the daily average without saying who did the division." },
    });
    const derivation = { formula: "sessions / days", inputs: [{ name: "sessions", statistic: { id: "china-live-commerce-sessions-2020-h1-over-10m", name: "over 10 million sessions in 2020-H1" } }] };
    expect(citationProvenance(perDay, reports, derivation).slice(1)).toEqual([
      {
        kind: "DERIVED_FROM",
        stated: true,
        description: 'derived as sessions / days from sessions = "over 10 million sessions in 2020-H1"',
        subjects: [{ type: "STATISTIC", id: "china-live-commerce-sessions-2020-h1-over-10m", name: "over 10 million sessions in 2020-H1" }],
      },
      {
        kind: "ATTRIBUTED_TO_ENTITY",
        stated: false,
        description: "the editors attribute the figure to Ministry of Commerce; the source does not say so (The article derives the daily average without saying who did the division)",
        subjects: [{ type: "ENTITY", id: 20, name: "Ministry of Commerce" }],
      },
    ]);
  });

  it("says a figure is only cited, not quoted, when the source's text is not archived", () => {
    const steps = statisticProvenance([citation({ quote: "a passage", archived: false, attribution: { entity: { id: 20, name: "Ministry of Commerce" } } })], reports);
    expect(steps).toEqual([
      [
        {
          kind: "CITED_IN_SOURCE",
          stated: true,
          description: 'stated in "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" (People\'s Daily Online, 2020-10-22); no archived passage is quoted',
          subjects: [ARTICLE_REF],
        },
        { kind: "ATTRIBUTED_TO_ENTITY", stated: true, description: "the source attributes the figure to Ministry of Commerce", subjects: [{ type: "ENTITY", id: 20, name: "Ministry of Commerce" }] },
      ],
    ]);
  });

  it("stops at a cycle of republishing reports", () => {
    const loop = new Map<number, ProvenanceReport>([
      [1, { id: 1, title: "A", authors: [], basedOn: [{ reportId: 2, relation: "REPUBLISHES", inferred: false, note: null }] }],
      [2, { id: 2, title: "B", authors: [], basedOn: [{ reportId: 1, relation: "REPUBLISHES", inferred: false, note: null }] }],
    ]);
    const steps = citationProvenance(citation({ attribution: { report: { id: 1, title: "A" } } }), loop);
    expect(steps.map((s) => s.description)).toEqual([
      'stated in "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" (People\'s Daily Online, 2020-10-22); no archived passage is quoted',
      'the source attributes the figure to "A"',
      '"A" republishes the figures of "B"',
      '"B" republishes the figures of "A"',
    ]);
  });
});

describe("provenance chains through intermediaries, known echoes and doubts", () => {
  const WIRE = { type: "ENTITY", id: 30, name: "Xinhua" } as const;
  const DIGEST = { type: "REPORT", id: 3, name: "A digest of the report" } as const;

  it("puts the intermediaries between the source and the producer, in order, each passing the figure on", () => {
    const relayed = citation({ attribution: { entity: { id: 14, name: "Renmin University of China" }, asWritten: "Xinhua cited the university as saying", via: [WIRE, { type: "ENTITY", id: 31, name: "Reuters" }] } });
    expect(citationProvenance(relayed, reports).slice(1)).toEqual([
      { kind: "RELAYED_BY", stated: true, description: "the source has the figure from Xinhua, which passes it on", subjects: [WIRE] },
      {
        kind: "RELAYED_BY",
        stated: true,
        description: "Xinhua has the figure from Reuters, which passes it on",
        subjects: [WIRE, { type: "ENTITY", id: 31, name: "Reuters" }],
      },
      {
        kind: "ATTRIBUTED_TO_ENTITY",
        stated: true,
        description: 'the source attributes the figure to Renmin University of China: "Xinhua cited the university as saying"',
        subjects: [{ type: "ENTITY", id: 14, name: "Renmin University of China" }],
      },
    ]);
  });

  it("marks intermediaries of an inferred attribution as inferred, and names a report intermediary by its title", () => {
    const steps = citationProvenance(citation({ attribution: { report: { id: 4, title: "Renmin University of China study of jobs created by Taobao Live" }, inferred: true, via: [DIGEST] } }), reports);
    expect(steps[1]).toEqual({ kind: "RELAYED_BY", stated: false, description: 'the source has the figure from "A digest of the report", which passes it on', subjects: [DIGEST] });
  });

  it("follows a known echo to the report copied and its authors, as the editors' record", () => {
    const echoed = citation({
      attribution: { entity: { id: 20, name: "Ministry of Commerce" }, echoOf: { type: "REPORT", id: 4, name: "Renmin University of China study of jobs created by Taobao Live" }, doubt: "The ministry cites no study." },
    });
    expect(citationProvenance(echoed, reports).slice(1)).toEqual([
      {
        kind: "ATTRIBUTED_TO_ENTITY",
        stated: true,
        description: "the source attributes the figure to Ministry of Commerce; the editors doubt this attribution: The ministry cites no study",
        subjects: [{ type: "ENTITY", id: 20, name: "Ministry of Commerce" }],
      },
      {
        kind: "ECHOES",
        stated: false,
        description: 'the editors record that the figure credited to Ministry of Commerce is copied from "Renmin University of China study of jobs created by Taobao Live", not measured anew',
        subjects: [
          { type: "ENTITY", id: 20, name: "Ministry of Commerce" },
          { type: "REPORT", id: 4, name: "Renmin University of China study of jobs created by Taobao Live" },
        ],
      },
      {
        kind: "AUTHORED_BY",
        stated: true,
        description: '"Renmin University of China study of jobs created by Taobao Live" is by Renmin University of China',
        subjects: [
          { type: "REPORT", id: 4, name: "Renmin University of China study of jobs created by Taobao Live" },
          { type: "ENTITY", id: 14, name: "Renmin University of China" },
        ],
      },
    ]);
  });
});
