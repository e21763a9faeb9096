import { describe, expect, it } from "vitest";
import { type OwnershipEntity, ancestry, commonOrganization, ownershipLinks } from "../../src/facts/one-organization.js";

const GROUP = 1;
const ARM = 2;
const MARKETPLACE = 3;
const LIVE = 4;
const SCHOLAR = 5;
const UNIVERSITY = 6;
const entities = new Map<number, OwnershipEntity>([
  [GROUP, { type: "ORGANIZATION", operatorId: null, parentId: null }],
  [ARM, { type: "ORGANIZATION", operatorId: null, parentId: GROUP }],
  [MARKETPLACE, { type: "PLATFORM", operatorId: GROUP, parentId: null }],
  [LIVE, { type: "PLATFORM", operatorId: GROUP, parentId: MARKETPLACE }],
  [SCHOLAR, { type: "PERSON", operatorId: null, parentId: UNIVERSITY }],
  [UNIVERSITY, { type: "ORGANIZATION", operatorId: null, parentId: null }],
]);

describe("one organization", () => {
  it("follows a platform's operator and parent, an organization's parent, a brand's owner, but not a person's affiliation", () => {
    expect([LIVE, ARM, SCHOLAR].map((id) => ownershipLinks(entities.get(id)!))).toEqual([
      [
        { to: GROUP, relation: "OPERATED_BY" },
        { to: MARKETPLACE, relation: "PART_OF" },
      ],
      [{ to: GROUP, relation: "PART_OF" }],
      [],
    ]);
    expect(ownershipLinks({ type: "BRAND", operatorId: GROUP, parentId: null })).toEqual([{ to: GROUP, relation: "OWNED_BY" }]);
  });

  it("lists an entity and everything above it, nearest first, each with its shortest path", () => {
    expect([...ancestry(LIVE, entities)]).toEqual([
      [LIVE, []],
      [GROUP, [{ from: LIVE, to: GROUP, relation: "OPERATED_BY" }]],
      [MARKETPLACE, [{ from: LIVE, to: MARKETPLACE, relation: "PART_OF" }]],
    ]);
  });

  it("finds the nearest organization two entities share, or none", () => {
    expect(commonOrganization(LIVE, MARKETPLACE, entities)).toEqual({ organization: MARKETPLACE, pathA: [{ from: LIVE, to: MARKETPLACE, relation: "PART_OF" }], pathB: [] });
    expect(commonOrganization(ARM, LIVE, entities)).toEqual({
      organization: GROUP,
      pathA: [{ from: ARM, to: GROUP, relation: "PART_OF" }],
      pathB: [{ from: LIVE, to: GROUP, relation: "OPERATED_BY" }],
    });
    expect([commonOrganization(SCHOLAR, UNIVERSITY, entities), commonOrganization(ARM, ARM, entities)]).toEqual([null, null]);
  });

  it("stops at a cycle in the registry's links", () => {
    const looped = new Map<number, OwnershipEntity>([
      [1, { type: "ORGANIZATION", operatorId: null, parentId: 2 }],
      [2, { type: "ORGANIZATION", operatorId: null, parentId: 1 }],
    ]);
    expect([...ancestry(1, looped).keys()]).toEqual([1, 2]);
  });
});
