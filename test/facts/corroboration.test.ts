import { describe, expect, it } from "vitest";
import type { CorroborationCitation } from "../../src/facts/corroboration-citation.js";
import { corroborate } from "../../src/facts/corroboration.js";
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
      producers: [{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT], links: [] }],
      producerCount: 1,
      creditedProducerCount: 1,
      statedProducerCount: 1,
      possibleEcho: null,
      doubts: [],
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
    expect([result.producers, result.producerEntities]).toEqual([[{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT], links: [] }], [KPMG, ALIRESEARCH]]);
  });

  it("joins a citation crediting KPMG alone to the producer of the joint report", () => {
    const result = corroborate([cite("a", CHINA_DAILY, KPMG_REPORT, null), cite("b", CHINA_BANKING_NEWS, null, KPMG)], reports);
    expect([result.producerCount, result.producers]).toEqual([1, [{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT], links: [] }]]);
  });

  it("counts independent producers separately", () => {
    const result = corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_DAILY, RUC_STUDY, null)], reports);
    expect([result.producerCount, result.producers, result.publisherCount]).toEqual([
      2,
      [
        { entities: [MOFCOM], reports: [], links: [] },
        { entities: [RENMIN], reports: [RUC_STUDY], links: [] },
      ],
      1,
    ]);
  });

  it("counts an unattributed headline as unattributed and finds no producer for it", () => {
    expect(corroborate([cite("peoples-daily", 20, null, null)], reports)).toEqual({
      producers: [],
      producerCount: 0,
      creditedProducerCount: 0,
      statedProducerCount: 0,
      possibleEcho: null,
      doubts: [],
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
    expect(result.producers).toEqual([{ entities: [KPMG, ALIRESEARCH], reports: [KPMG_REPORT], links: [] }]);
  });

  it("treats a report without recorded authors as a producer of its own", () => {
    const anonymous = new Map<number, ReportLinks>([[500, { authors: [], basedOn: [] }]]);
    expect(corroborate([cite("a", 1, 500, null)], anonymous).producers).toEqual([{ entities: [], reports: [500], links: [] }]);
  });
});

describe("corroboration of echoes and of one organization's producers", () => {
  // Entities of a small corporate tree: a group, its research arm, its platform (part of a
  // bigger platform it also runs), a brand it owns, and an unrelated firm with a researcher.
  const GROUP = 30;
  const RESEARCH_ARM = 31;
  const PLATFORM = 32;
  const LIVE_PLATFORM = 33;
  const BRAND = 34;
  const FIRM = 40;
  const RESEARCHER = 41;
  const entities = new Map([
    [GROUP, { type: "ORGANIZATION", operatorId: null, parentId: null }],
    [RESEARCH_ARM, { type: "ORGANIZATION", operatorId: null, parentId: GROUP }],
    [PLATFORM, { type: "PLATFORM", operatorId: GROUP, parentId: null }],
    [LIVE_PLATFORM, { type: "PLATFORM", operatorId: GROUP, parentId: PLATFORM }],
    [BRAND, { type: "BRAND", operatorId: GROUP, parentId: null }],
    [FIRM, { type: "ORGANIZATION", operatorId: null, parentId: null }],
    [RESEARCHER, { type: "PERSON", operatorId: null, parentId: FIRM }],
  ]);
  const echo = (sourceId: string, entityId: number | null, echoOf: { reportId: number | null; entityId: number | null }, reportId: number | null = null): CorroborationCitation => ({
    citationId: `${sourceId}.x`,
    sourceId,
    publisherId: CHINA_DAILY,
    attribution: { reportId, entityId, inferred: false, echoOf },
  });

  it("counts two producers credited with the same figure to 3 significant digits as a possible echo: one independent producer", () => {
    const result = corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_BANKING_NEWS, RUC_STUDY, null)], reports, { amount: 961e9 });
    expect([result.producerCount, result.creditedProducerCount, result.statedProducerCount, result.possibleEcho, result.producers.length]).toEqual([
      1,
      2,
      1,
      { groups: [0, 1], significantDigits: 3 },
      2,
    ]);
  });

  it("does not flag a round figure (1 trillion) from two producers: they stay two independent producers", () => {
    const result = corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_BANKING_NEWS, RUC_STUDY, null)], reports, { amount: 1e12 });
    expect([result.producerCount, result.creditedProducerCount, result.possibleEcho]).toEqual([2, 2, null]);
  });

  it("flags 1.05 trillion and 433.8 billion but not 4.1 percent or a figure with one producer", () => {
    const two = [cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_BANKING_NEWS, null, RENMIN)];
    expect([1.05e12, 433.8e9, 4.1].map((amount) => corroborate(two, reports, { amount }).possibleEcho?.significantDigits ?? null)).toEqual([3, 4, null]);
    expect(corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_BANKING_NEWS, null, MOFCOM)], reports, { amount: 961e9 }).possibleEcho).toBeNull();
  });

  it("counts the stated producers of a possible echo once too, and an inferred one not at all", () => {
    const result = corroborate(
      [cite("a", CHINA_DAILY, null, MOFCOM), cite("b", CHINA_BANKING_NEWS, null, RENMIN), cite("c", ALIBABA, null, KPMG, true)],
      reports,
      { amount: 961e9 },
    );
    expect([result.producerCount, result.creditedProducerCount, result.statedProducerCount]).toEqual([1, 3, 1]);
    const onlyInferredApart = corroborate([cite("a", CHINA_DAILY, null, MOFCOM), cite("c", ALIBABA, null, KPMG, true)], reports, { amount: 961e9 });
    expect([onlyInferredApart.producerCount, onlyInferredApart.statedProducerCount]).toEqual([1, 1]);
  });

  it("groups a platform with the platform it is part of, naming the nearest organization both belong to", () => {
    const result = corroborate([cite("a", 1, null, PLATFORM), cite("b", 2, null, LIVE_PLATFORM)], reports, { amount: 70, entities });
    expect(result.producers).toEqual([
      {
        entities: [PLATFORM, LIVE_PLATFORM],
        reports: [],
        links: [{ kind: "SAME_ORGANIZATION", entities: [PLATFORM, LIVE_PLATFORM], common: { organization: PLATFORM, pathA: [], pathB: [{ from: LIVE_PLATFORM, to: PLATFORM, relation: "PART_OF" }] } }],
      },
    ]);
    expect(result.producerCount).toBe(1);
  });

  it("groups a group's research arm, its platform and its brand as one producer, and keeps an unrelated firm and its researcher apart", () => {
    const result = corroborate(
      [cite("a", 1, null, RESEARCH_ARM), cite("b", 2, null, PLATFORM), cite("c", 3, null, BRAND), cite("d", 4, null, FIRM), cite("e", 5, null, RESEARCHER)],
      reports,
      { amount: 2, entities },
    );
    expect(result.producers.map((g) => [g.entities, g.links.map((l) => (l.kind === "SAME_ORGANIZATION" ? [l.entities, l.common.organization, l.common.pathA.map((h) => h.relation), l.common.pathB.map((h) => h.relation)] : l.kind))])).toEqual([
      [
        [RESEARCH_ARM, PLATFORM, BRAND],
        [
          [[RESEARCH_ARM, PLATFORM], GROUP, ["PART_OF"], ["OPERATED_BY"]],
          [[RESEARCH_ARM, BRAND], GROUP, ["PART_OF"], ["OWNED_BY"]],
        ],
      ],
      [[FIRM], []],
      [[RESEARCHER], []],
    ]);
    expect(result.producerCount).toBe(3);
  });

  it("joins a producer recorded as a known echo to the report it echoes, which need not be cited itself", () => {
    const result = corroborate([echo("a", MOFCOM, { reportId: KPMG_REPORT, entityId: null })], reports, { amount: 961e9 });
    expect(result.producers).toEqual([
      {
        entities: [MOFCOM, KPMG, ALIRESEARCH],
        reports: [KPMG_REPORT],
        links: [{ kind: "KNOWN_ECHO", citationId: "a.x", sourceId: "a", credited: { reportId: null, entityId: MOFCOM }, echoed: { reportId: KPMG_REPORT, entityId: null } }],
      },
    ]);
    expect([result.producerCount, result.creditedProducerCount, result.possibleEcho]).toEqual([1, 1, null]);
  });

  it("merges the producer a known echo copies with its other citations, leaving no possible echo between them", () => {
    const result = corroborate([cite("a", CHINA_DAILY, RUC_STUDY, null), echo("b", MOFCOM, { reportId: null, entityId: RENMIN })], reports, { amount: 961e9 });
    expect([result.producers.map((g) => [g.entities, g.reports, g.links.map((l) => l.kind)]), result.producerCount, result.possibleEcho]).toEqual([
      [[[RENMIN, MOFCOM], [RUC_STUDY], ["KNOWN_ECHO"]]],
      1,
      null,
    ]);
  });

  it("lists the editors' doubts without changing the counts", () => {
    const doubted: CorroborationCitation = { citationId: 7, sourceId: "b", publisherId: 2, attribution: { reportId: null, entityId: RENMIN, inferred: false, doubt: "No method is published." } };
    const result = corroborate([cite("a", 1, null, MOFCOM), doubted], reports, { amount: 2 });
    expect([result.producerCount, result.doubts]).toEqual([2, [{ citationId: 7, sourceId: "b", producer: { reportId: null, entityId: RENMIN }, doubt: "No method is published." }]]);
  });
});
