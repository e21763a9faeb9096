/**
 * Independence of a figure's support. Three newspapers repeating the KPMG/AliResearch figure
 * are one primary source, not three: corroboration counts distinct primary *producers*
 * (following each citation's attribution, and REPUBLISHES links between reports, down to who
 * produced the figure; see producers.ts) separately from distinct citing *publishers*.
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
 *
 * Groups that remain apart are not yet independent: one statistic is one value, so its
 * producers all state the same amount, and the same amount to ECHO_DIGITS significant digits
 * or more from different producers is more likely copied than measured twice. Such a statistic
 * has a *possible echo*, and its groups count as one independent producer (`producerCount`);
 * `creditedProducerCount` still counts them apart, and the groups stay visible. A round figure
 * ("1 trillion") from two producers is no such sign, and they count as two.
 *
 * Unattributed citations are counted as such and never guessed; citations whose attribution
 * is an editor's inference are counted too, and `statedProducerCount` leaves them out. The
 * editors' doubts about attributions are listed; they do not change the counts.
 */
import type { Key } from "./key.js";
import { type CommonOrganization, type OwnershipEntity, ancestry, commonOrganization } from "./one-organization.js";
import { type ReportLinks, producingReports } from "./producers.js";
import { significantDigits } from "./significant-digits.js";

/** Identical amounts from different producers with at least this many significant digits are a possible echo. */
export const ECHO_DIGITS = 3;

/** A report or an entity: exactly one of the two is set. */
export interface ProducerRef {
  readonly reportId: number | null;
  readonly entityId: number | null;
}

/** One citation of the statistic, as corroboration needs it. */
export interface CorroborationCitation {
  /** The citation (id or slug), for the links and doubts that refer to it; null when the caller has none. */
  readonly citationId?: Key | null;
  /** The citing source (id or slug). */
  readonly sourceId: Key;
  /** The source's publisher entity, or null when the source names none. */
  readonly publisherId: Key | null;
  /** The attribution: a report or an entity, or neither when the source names no producer. */
  readonly attribution: {
    readonly reportId: number | null;
    readonly entityId: number | null;
    /** True when the link is an editor's inference rather than the source's words. */
    readonly inferred: boolean;
    /** The report or entity whose figure the credited producer is known to have copied. */
    readonly echoOf?: ProducerRef | null;
    /** The editors' doubt about the attribution. */
    readonly doubt?: string | null;
  };
}

/** What else corroboration takes into account, beyond the citations and the report graph. */
export interface CorroborationContext {
  /** The statistic's amount; without it no possible echo is looked for. */
  readonly amount?: number;
  /**
   * The producing entities (credited, echoed, report authors) and the organizations above
   * them, with their operator and parent links; producers of one organization are one.
   */
  readonly entities?: ReadonlyMap<number, OwnershipEntity>;
}

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

/** The same non-round figure credited to producers that look independent. */
export interface PossibleEcho {
  /** Indexes into `producers` of the groups involved (all of them). */
  readonly groups: readonly number[];
  /** Significant digits of the amount (at least ECHO_DIGITS). */
  readonly significantDigits: number;
}

/** An editors' doubt about one citation's attribution. */
export interface AttributionDoubt {
  readonly citationId: Key | null;
  readonly sourceId: Key;
  /** The producer the citation credits. */
  readonly producer: ProducerRef;
  readonly doubt: string;
}

/** A distinct citing publisher with the statistic's sources it published. */
export interface CitingPublisher {
  /** Null for a source without a publisher, which then counts by itself. */
  readonly publisherId: Key | null;
  readonly sourceIds: readonly Key[];
}

/** How independently a statistic is supported. */
export interface Corroboration {
  readonly producers: readonly ProducerGroup[];
  /** Independent primary producers: `producers.length`, or 1 when they are a possible echo. */
  readonly producerCount: number;
  /** Distinct producers credited, possible echoes counted apart: `producers.length`. */
  readonly creditedProducerCount: number;
  /** Independent primary producers counting only attributions the sources state. */
  readonly statedProducerCount: number;
  /** The possible echo among the producers, or null. */
  readonly possibleEcho: PossibleEcho | null;
  /** The editors' doubts about attributions, in citation order. */
  readonly doubts: readonly AttributionDoubt[];
  /** Every producing entity, in order of first appearance. */
  readonly producerEntities: readonly number[];
  readonly publishers: readonly CitingPublisher[];
  /** Distinct citing publishers: `publishers.length`. */
  readonly publisherCount: number;
  readonly citationCount: number;
  /** Citations whose source names no producer. */
  readonly unattributedCount: number;
  /** Citations whose attribution is an editor's inference. */
  readonly inferredCount: number;
}

/** Counts a statistic's producers and publishers from its citations and the report graph (see the module comment). */
export function corroborate(
  citations: readonly CorroborationCitation[],
  reports: ReadonlyMap<number, ReportLinks>,
  context: CorroborationContext = {},
): Corroboration {
  const entities = context.entities ?? new Map<number, OwnershipEntity>();
  const digits = context.amount === undefined ? 0 : significantDigits(context.amount);
  const producers = producerGroups(citations, reports, entities);
  const stated = producerGroups(
    citations.filter((c) => !c.attribution.inferred),
    reports,
    entities,
  );
  const possibleEcho = producers.length > 1 && digits >= ECHO_DIGITS ? { groups: producers.map((_, i) => i), significantDigits: digits } : null;
  const independent = (groups: readonly ProducerGroup[]) => (groups.length > 1 && digits >= ECHO_DIGITS ? 1 : groups.length);
  const publishers = citingPublishers(citations);
  return {
    producers,
    producerCount: independent(producers),
    creditedProducerCount: producers.length,
    statedProducerCount: independent(stated),
    possibleEcho,
    doubts: citations.flatMap((c): AttributionDoubt[] => {
      const producer = refOf(c.attribution);
      return c.attribution.doubt && producer ? [{ citationId: c.citationId ?? null, sourceId: c.sourceId, producer, doubt: c.attribution.doubt }] : [];
    }),
    producerEntities: [...new Set(producers.flatMap((g) => g.entities))],
    publishers,
    publisherCount: publishers.length,
    citationCount: citations.length,
    unattributedCount: citations.filter(isUnattributed).length,
    inferredCount: citations.filter((c) => !isUnattributed(c) && c.attribution.inferred).length,
  };
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
function producerGroups(
  citations: readonly CorroborationCitation[],
  reports: ReadonlyMap<number, ReportLinks>,
  entities: ReadonlyMap<number, OwnershipEntity>,
): ProducerGroup[] {
  const groups: Candidate[] = [];
  const ancestors = new Map<number, ReadonlySet<number>>();
  const orgsOf = (e: number) => {
    let found = ancestors.get(e);
    if (!found) ancestors.set(e, (found = new Set(ancestry(e, entities).keys())));
    return found;
  };
  // The first pair of entities, one on each side, that are one organization.
  const organizationLink = (mine: readonly number[], theirs: readonly number[]): ProducerLink | null => {
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
    if (hits.length === 0) {
      groups.push(candidate);
      return;
    }
    // Everything the candidate touches merges into the earliest of those groups, keeping first-appearance order.
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
  };
  // One candidate per producing entity or report: a report that republishes two others
  // credits two producers, which stay apart unless something else links them.
  const candidates = (ref: ProducerRef): Candidate[] => {
    if (ref.entityId !== null) return [{ entities: [ref.entityId], reports: [], links: [] }];
    if (ref.reportId === null) return [];
    return producingReports(ref.reportId, reports).map((r) => ({ entities: [...(reports.get(r)?.authors ?? [])], reports: [r], links: [] }));
  };
  for (const c of citations) {
    const credited = refOf(c.attribution);
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

/** The producer an attribution credits, or null when it names none. */
function refOf(a: CorroborationCitation["attribution"]): ProducerRef | null {
  if (a.entityId !== null) return { reportId: null, entityId: a.entityId };
  if (a.reportId !== null) return { reportId: a.reportId, entityId: null };
  return null;
}

function citingPublishers(citations: readonly CorroborationCitation[]): CitingPublisher[] {
  const out: { publisherId: Key | null; sourceIds: Key[] }[] = [];
  for (const c of citations) {
    // A source without a publisher joins only an earlier citation of the same source.
    const target = out.find((p) => p.publisherId === c.publisherId && (c.publisherId !== null || p.sourceIds.includes(c.sourceId)));
    if (target) {
      if (!target.sourceIds.includes(c.sourceId)) target.sourceIds.push(c.sourceId);
    } else out.push({ publisherId: c.publisherId, sourceIds: [c.sourceId] });
  }
  return out;
}

function isUnattributed(c: CorroborationCitation): boolean {
  return c.attribution.reportId === null && c.attribution.entityId === null;
}

/** `a` followed by the members of `b` it lacks, preserving order. */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}
