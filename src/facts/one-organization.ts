/**
 * When two producers are one organization: a platform and the company that operates it, an
 * organization and its parent, two subsidiaries of one group. The registries record these
 * links (`operator` of platforms and MCNs, `owner` of brands, `parent` of organizations and
 * platforms); corroboration counts producers linked this way as one, since a figure Taobao
 * Live publishes and one AliResearch publishes both come out of Alibaba Group.
 *
 * A person's affiliation is not such a link: a researcher is not their university, and may
 * publish on their own account.
 */

/** How an entity belongs to another. */
export type OwnershipRelation = "OPERATED_BY" | "OWNED_BY" | "PART_OF";

/** An entity as ownership needs it: its type and the registry's links. */
export interface OwnershipEntity {
  /** The entity's type as stored (PLATFORM, ORGANIZATION, MCN, BRAND, PERSON, ...). */
  readonly type: string;
  /** Platforms and MCNs: the operating organization; brands: the owner. */
  readonly operatorId: number | null;
  /** Organizations: the parent organization; platforms: the platform it is part of; other types: not ownership. */
  readonly parentId: number | null;
}

/** One step up from an entity to an organization it belongs to. */
export interface OwnershipHop {
  readonly from: number;
  readonly to: number;
  readonly relation: OwnershipRelation;
}

/** The organizations two entities both belong to, the nearest one, with how each reaches it. */
export interface CommonOrganization {
  /** The organization (or platform) both belong to; one of the two when the other belongs to it. */
  readonly organization: number;
  /** The first entity's hops up to it (empty when it is the organization itself). */
  readonly pathA: readonly OwnershipHop[];
  /** The second entity's hops up to it. */
  readonly pathB: readonly OwnershipHop[];
}

/** The links that make an entity part of another, by the entity's type. */
export function ownershipLinks(e: OwnershipEntity): { readonly to: number; readonly relation: OwnershipRelation }[] {
  const out: { to: number; relation: OwnershipRelation }[] = [];
  switch (e.type) {
    case "PLATFORM":
      if (e.operatorId !== null) out.push({ to: e.operatorId, relation: "OPERATED_BY" });
      if (e.parentId !== null) out.push({ to: e.parentId, relation: "PART_OF" });
      break;
    case "ORGANIZATION":
      if (e.parentId !== null) out.push({ to: e.parentId, relation: "PART_OF" });
      break;
    case "MCN":
      if (e.operatorId !== null) out.push({ to: e.operatorId, relation: "OPERATED_BY" });
      break;
    case "BRAND":
      if (e.operatorId !== null) out.push({ to: e.operatorId, relation: "OWNED_BY" });
      break;
  }
  return out;
}

/**
 * Every organization an entity belongs to, the entity itself first, then nearer before
 * farther (breadth first), each with the shortest path of hops up to it. Entities missing from
 * `entities` have no links; cycles stop.
 */
export function ancestry(id: number, entities: ReadonlyMap<number, OwnershipEntity>): Map<number, OwnershipHop[]> {
  const out = new Map<number, OwnershipHop[]>([[id, []]]);
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    const e = entities.get(at);
    if (!e) continue;
    for (const link of ownershipLinks(e)) {
      if (out.has(link.to)) continue;
      out.set(link.to, [...out.get(at)!, { from: at, to: link.to, relation: link.relation }]);
      queue.push(link.to);
    }
  }
  return out;
}

/**
 * The nearest organization two different entities both belong to (fewest hops in all), or
 * null when they belong to none in common; ties go to the one reached first from `a`.
 */
export function commonOrganization(a: number, b: number, entities: ReadonlyMap<number, OwnershipEntity>): CommonOrganization | null {
  if (a === b) return null;
  const up = ancestry(b, entities);
  let best: CommonOrganization | null = null;
  for (const [org, pathA] of ancestry(a, entities)) {
    const pathB = up.get(org);
    if (pathB && (best === null || pathA.length + pathB.length < best.pathA.length + best.pathB.length)) best = { organization: org, pathA, pathB };
  }
  return best;
}
