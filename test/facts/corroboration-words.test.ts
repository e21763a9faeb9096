import { describe, expect, it } from "vitest";
import type { ProducerGroup } from "../../src/facts/producer-groups.js";
import { type CorroborationNames, doubtDescription, groupLabel, linkDescription, possibleEchoDescription } from "../../src/schema/corroboration/corroboration-words.js";

const NAMES: Record<number, string> = { 1: "KPMG", 2: "AliResearch", 3: "iiMedia Research", 4: "Alibaba Group", 5: "Tmall", 6: "Tmall Live", 7: "Acme Brand" };
const n: CorroborationNames = {
  entity: (id) => NAMES[id] ?? `entity ${id}`,
  report: (id) => (id === 100 ? "Live-streaming e-commerce report" : `report ${id}`),
  source: (id) => `Source ${id}`,
};
const joint: ProducerGroup = { entities: [1, 2], reports: [100], links: [] };
const iimedia: ProducerGroup = { entities: [3], reports: [], links: [] };

describe("corroboration in words", () => {
  it("names the producers and the digits of a possible echo", () => {
    expect(possibleEchoDescription({ groups: [0, 1], significantDigits: 4 }, [joint, iimedia], n)).toBe(
      "Possible echo: the same figure to 4 significant digits is credited to KPMG and AliResearch (one joint report) and iiMedia Research; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.",
    );
  });

  it("follows each side of a SAME_ORGANIZATION link up to the organization, hop by hop", () => {
    const link = {
      kind: "SAME_ORGANIZATION",
      entities: [6, 7],
      common: {
        organization: 4,
        pathA: [
          { from: 6, to: 5, relation: "PART_OF" },
          { from: 5, to: 4, relation: "OPERATED_BY" },
        ],
        pathB: [{ from: 7, to: 4, relation: "OWNED_BY" }],
      },
    } as const;
    expect(linkDescription(link, n)).toBe("Tmall Live is part of Tmall, which is operated by Alibaba Group, and Acme Brand is owned by Alibaba Group: one organization");
  });

  it("labels a group linked by something other than a joint report without calling it one", () => {
    const linked: ProducerGroup = { entities: [3, 1, 2], reports: [100], links: [{ kind: "KNOWN_ECHO", citationId: 9, sourceId: 5, credited: { reportId: null, entityId: 3 }, echoed: { reportId: 100, entityId: null } }] };
    expect([groupLabel(joint, n), groupLabel(linked, n), linkDescription(linked.links[0]!, n)]).toEqual([
      "KPMG and AliResearch (one joint report)",
      "iiMedia Research, KPMG and AliResearch",
      'the editors record that the figure "Source 5" credits to iiMedia Research is copied from "Live-streaming e-commerce report"',
    ]);
  });

  it("says a doubt as a sentence naming the producer and the source", () => {
    expect(doubtDescription({ citationId: 9, sourceId: 5, producer: { reportId: null, entityId: 3 }, doubt: "No method is published." }, n)).toBe(
      'The editors doubt the attribution to iiMedia Research in "Source 5": No method is published.',
    );
  });
});
