/**
 * The distinct primary producers of a statistic's attributed citations, following each
 * citation's attribution, and REPUBLISHES links between reports, down to who produced the
 * figure (see producers.ts).
 *
 * What counts as one producer (a group):
 * - the entities behind one producing report, or one entity a citation credits directly;
 *   groups that share an entity or a report are one. So a joint KPMG–AliResearch report is one
 *   producer with two entities (one finding, not two that happen to agree), and a citation
 *   crediting KPMG alone for the same figure joins it rather than adding a second;
 * - entities of one organization (one-organization.ts): a platform and its operator, an
 *   organization and its parent, two subsidiaries of one group (a SAME_ORGANIZATION link);
 * - a producer the editors record as a known echo of another (`echoOf` on the attribution)
 *   and the producer it echoes (a KNOWN_ECHO link).
 * A report without recorded authors is a producer of its own. Intermediaries an attribution
 * lists in `via` are not producers: only the producer at the end of the chain counts.
 */
import { type CorroborationCitation, type ProducerRef, creditedProducer } from "./corroboration-citation.js";
import type { Key } from "./key.js";
import { type CommonOrganization, type OwnershipEntity, ancestry, commonOrganization } from "./one-organization.js";
import { type ReportLinks, producingReports } from "./producers.js";

/** Why two members of a producer group are one producer, beyond a report they share. */
export type ProducerLink =
  | {
      readonly kind: "SAME_ORGANIZATION";
      /** The two producing entities linked. */
      readonly entities: readonly [number, number];
      /** The organization both belong to, with how each reaches it. */
      readonly common: CommonOrganization;
    }
  | {
      readonly kind: "KNOWN_ECHO";
      /** The citation whose attribution records the echo. */
      readonly citationId: Key | null;
      readonly sourceId: Key;
      /** The producer the citation credits. */
      readonly credited: ProducerRef;
      /** The producer whose figure it is known to have copied. */
      readonly echoed: ProducerRef;
    };

/** One primary producer: entities and producing reports that belong together. */
export interface ProducerGroup {
  /** Producing entities, in order of first appearance. */
  readonly entities: readonly number[];
  /** Producing reports (after following REPUBLISHES), in order of first appearance. */
  readonly reports: readonly number[];
  /** Why members that share no report are one producer, in the order they were found. */
  readonly links: readonly ProducerLink[];
}

interface Candidate {
  entities: number[];
  reports: number[];
  links: ProducerLink[];
}

/**
 * The distinct primary producers of the attributed citations: one candidate per citation (the
 * credited entity, or the producing reports and their authors, with the producer it is a known
 * echo of), merged into the groups it shares an entity, a report or an organization with.
 */
export function producerGroups(
  citations: readonly CorroborationCitation[],
  reports: ReadonlyMap<number, ReportLinks>,
  entities: ReadonlyMap<number, OwnershipEntity>,
): ProducerGroup[] {
  const groups: Candidate[] = [];
  const organizationLink = organizationLinker(entities);
  const add = (candidate: Candidate) => {
    const hits: number[] = [];
    const found: ProducerLink[] = [];
    groups.forEach((g, i) => {
      if (g.entities.some((e) => candidate.entities.includes(e)) || g.reports.some((r) => candidate.reports.includes(r))) {
        hits.push(i);
        return;
      }
      const link = organizationLink(candidate.entities, g.entities);
      if (link) {
        hits.push(i);
        found.push(link);
      }
    });
    if (hits.length === 0) groups.push(candidate);
    else mergeInto(groups, hits, candidate, found);
  };
  // One candidate per producing entity or report: a report that republishes two others
  // credits two producers, which stay apart unless something else links them.
  const candidates = (ref: ProducerRef): Candidate[] => {
    if (ref.entityId !== null) return [{ entities: [ref.entityId], reports: [], links: [] }];
    if (ref.reportId === null) return [];
    return producingReports(ref.reportId, reports).map((r) => ({ entities: [...(reports.get(r)?.authors ?? [])], reports: [r], links: [] }));
  };
  for (const c of citations) {
    const credited = creditedProducer(c.attribution);
    if (credited === null) continue;
    const echoed = c.attribution.echoOf ?? null;
    if (echoed === null || (echoed.entityId === null && echoed.reportId === null)) {
      for (const candidate of candidates(credited)) add(candidate);
      continue;
    }
    // A known echo: whatever the citation credits and what it echoes are one producer.
    const all = [...candidates(credited), ...candidates(echoed)];
    add({
      entities: union([], all.flatMap((x) => x.entities)),
      reports: union([], all.flatMap((x) => x.reports)),
      links: [{ kind: "KNOWN_ECHO", citationId: c.citationId ?? null, sourceId: c.sourceId, credited, echoed }],
    });
  }
  return groups;
}

/**
 * A finder of the first pair of entities, one on each side, that are one organization (with
 * the organizations above each entity read once).
 */
function organizationLinker(entities: ReadonlyMap<number, OwnershipEntity>): (mine: readonly number[], theirs: readonly number[]) => ProducerLink | null {
  const ancestors = new Map<number, ReadonlySet<number>>();
  const orgsOf = (e: number) => {
    let found = ancestors.get(e);
    if (!found) ancestors.set(e, (found = new Set(ancestry(e, entities).keys())));
    return found;
  };
  return (mine, theirs) => {
    for (const a of mine) {
      const up = orgsOf(a);
      for (const b of theirs) {
        if (a === b || ![...orgsOf(b)].some((o) => up.has(o))) continue;
        const common = commonOrganization(b, a, entities);
        if (common) return { kind: "SAME_ORGANIZATION", entities: [b, a], common };
      }
    }
    return null;
  };
}

/** Merges the candidate and every group it touches (`hits`, in order) into the earliest of those groups, keeping first-appearance order. */
function mergeInto(groups: Candidate[], hits: readonly number[], candidate: Candidate, found: readonly ProducerLink[]): void {
  const target = groups[hits[0]!]!;
  for (const i of hits.slice(1)) {
    target.entities = union(target.entities, groups[i]!.entities);
    target.reports = union(target.reports, groups[i]!.reports);
    target.links = [...target.links, ...groups[i]!.links];
  }
  target.entities = union(target.entities, candidate.entities);
  target.reports = union(target.reports, candidate.reports);
  target.links = [...target.links, ...candidate.links, ...found];
  for (const i of hits.slice(1).reverse()) groups.splice(i, 1);
}

/** `a` followed by the members of `b` it lacks, preserving order. */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}
