import { describe, expect, it } from "vitest";
import { type CorroborationCitation, corroborate } from "../../src/facts/corroboration.js";
import type { ReportLinks } from "../../src/facts/producers.js";

// Entities
const KPMG = 1;
const ALIRESEARCH = 2;
const MOFCOM = 3;
const CHINA_DAILY = 10;
const CHINA_BANKING_NEWS = 11;
const ALIBABA = 12;
const RENMIN = 4;
// Reports
const KPMG_REPORT = 100;
const TAOBAO_DATA = 101;
const DIGEST = 102; // a digest that republishes the KPMG report
const RUC_STUDY = 103;

const reports = new Map<number, ReportLinks>([
  [KPMG_REPORT, { authors: [KPMG, ALIRESEARCH], basedOn: [{ reportId: TAOBAO_DATA, relation: "USES_DATA", inferred: true }] }],
  [TAOBAO_DATA, { authors: [ALIBABA], basedOn: [] }],
  [DIGEST, { authors: [CHINA_DAILY], basedOn: [{ reportId: KPMG_REPORT, relation: "REPUBLISHES", inferred: false }] }],
  [RUC_STUDY, { authors: [RENMIN], basedOn: [] }],
]);

const cite = (sourceId: string, publisherId: number | null, reportId: number | null, entityId: number | null, inferred = false): CorroborationCitation => ({
  sourceId,
  publisherId,
  attribution: { reportId, entityId, inferred },
});

describe("corroboration", () => {
  it("counts three newspapers repeating the KPMG/AliResearch figure as one producer and three publishers", () => {
    const citations = [
      cite("chinadaily", CHINA_DAILY, KPMG_REPORT, null),
      cite("alibabanews", ALIBABA, KPMG_REPORT, null),
      cite("chinabankingnews", CHINA_BANKING_NEWS, KPMG_REPORT, null),
    ];
    expect(corroborate(citations, reports)).toEqual({
      producers: [{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT] }],
      producerCount: 1,
      statedProducerCount: 1,
      producerEntities: [KPMG, ALIRESEARCH],
      publishers: [
        { publisherId: CHINA_DAILY, sourceIds: ["chinadaily"] },
        { publisherId: ALIBABA, sourceIds: ["alibabanews"] },
        { publisherId: CHINA_BANKING_NEWS, sourceIds: ["chinabankingnews"] },
      ],
      publisherCount: 3,
      citationCount: 3,
      unattributedCount: 0,
      inferredCount: 0,
    });
  });

  it("follows a report that republishes another to the original producer, but not data a report only used", () => {
    const result = corroborate([cite("a", CHINA_DAILY, DIGEST, null)], reports);
    expect([result.producers, result.producerEntities]).toEqual([[{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT] }], [KPMG, ALIRESEARCH]]);
  });

  it("joins a citation crediting KPMG alone to the producer of the joint report", () => {
    const result = corroborate([cite("a", CHINA_DAILY, KPMG_REPORT, null), cite("b", CHINA_BANKING_NEWS, null, KPMG)], reports);
    expect([result.producerCount, result.producers]).toEqual([1, [{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT] }]]);
  });

  it("counts independent producers separately", () => {
    const result = corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_DAILY, RUC_STUDY, null)], reports);
    expect([result.producerCount, result.producers, result.publisherCount]).toEqual([
      2,
      [
        { entities: [MOFCOM], reports: [] },
        { entities: [RENMIN], reports: [RUC_STUDY] },
      ],
      1,
    ]);
  });

  it("counts an unattributed headline as unattributed and finds no producer for it", () => {
    expect(corroborate([cite("peoples-daily", 20, null, null)], reports)).toEqual({
      producers: [],
      producerCount: 0,
      statedProducerCount: 0,
      producerEntities: [],
      publishers: [{ publisherId: 20, sourceIds: ["peoples-daily"] }],
      publisherCount: 1,
      citationCount: 1,
      unattributedCount: 1,
      inferredCount: 0,
    });
  });

  it("counts inferred attributions and leaves them out of the stated producer count", () => {
    const result = corroborate([cite("a", CHINA_DAILY, null, MOFCOM, true)], reports);
    expect([result.producerCount, result.statedProducerCount, result.inferredCount]).toEqual([1, 0, 1]);
  });

  it("counts sources without a publisher one by one", () => {
    const result = corroborate([cite("blog-1", null, null, MOFCOM), cite("blog-2", null, null, MOFCOM), cite("blog-1", null, null, MOFCOM)], reports);
    expect([result.publishers, result.publisherCount, result.citationCount]).toEqual([
      [
        { publisherId: null, sourceIds: ["blog-1"] },
        { publisherId: null, sourceIds: ["blog-2"] },
      ],
      2,
      3,
    ]);
  });

  it("merges two producers when a later citation links them", () => {
    const result = corroborate([cite("a", 1, null, KPMG), cite("b", 2, null, ALIRESEARCH), cite("c", 3, KPMG_REPORT, null)], reports);
    expect(result.producers).toEqual([{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT] }]);
  });

  it("treats a report without recorded authors as a producer of its own", () => {
    const anonymous = new Map<number, ReportLinks>([[500, { authors: [], basedOn: [] }]]);
    expect(corroborate([cite("a", 1, 500, null)], anonymous).producers).toEqual([{ entities: [], reports: [500] }]);
  });
});
