/**
 * Independence of a figure's support. Three newspapers repeating the KPMG/AliResearch figure
 * are one primary source, not three: corroboration counts distinct primary *producers*
 * (following each citation's attribution, and REPUBLISHES links between reports, down to who
 * produced the figure; see producers.ts) separately from distinct citing *publishers*.
 *
 * What counts as one producer: the entities behind one producing report, or one entity a
 * citation credits directly, form a producer; producers that share an entity or a report are
 * one producer. So a joint KPMG–AliResearch report is one producer with two entities (its
 * authors worked together, so their figure is one finding, not two that happen to agree),
 * and a citation crediting KPMG alone for the same figure joins that producer rather than
 * adding a second. A report without recorded authors is a producer of its own. The API
 * exposes both the groups (with their entities) and the count.
 *
 * Unattributed citations are counted as such and never guessed; citations whose attribution
 * is an editor's inference are counted too, and `statedProducerCount` leaves them out.
 */
import type { Key } from "./key.js";
import { type ReportLinks, producingReports } from "./producers.js";

/** One citation of the statistic, as corroboration needs it. */
export interface CorroborationCitation {
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
  };
}

/** One primary producer: entities and producing reports that belong together. */
export interface ProducerGroup {
  /** Producing entities, in order of first appearance. */
  readonly entities: readonly number[];
  /** Producing reports (after following REPUBLISHES), in order of first appearance. */
  readonly reports: readonly number[];
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
  /** Distinct primary producers: `producers.length`. */
  readonly producerCount: number;
  /** Distinct primary producers counting only attributions the sources state. */
  readonly statedProducerCount: number;
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

/** Counts a statistic's producers and publishers from its citations and the report graph. */
export function corroborate(citations: readonly CorroborationCitation[], reports: ReadonlyMap<number, ReportLinks>): Corroboration {
  const producers = producerGroups(citations, reports);
  const stated = producerGroups(
    citations.filter((c) => !c.attribution.inferred),
    reports,
  );
  const entities = [...new Set(producers.flatMap((g) => g.entities))];
  const publishers = citingPublishers(citations);
  return {
    producers,
    producerCount: producers.length,
    statedProducerCount: stated.length,
    producerEntities: entities,
    publishers,
    publisherCount: publishers.length,
    citationCount: citations.length,
    unattributedCount: citations.filter(isUnattributed).length,
    inferredCount: citations.filter((c) => !isUnattributed(c) && c.attribution.inferred).length,
  };
}

/**
 * The distinct primary producers of the attributed citations: one candidate per credited
 * entity and per producing report, merged while they share an entity or a report.
 */
function producerGroups(citations: readonly CorroborationCitation[], reports: ReadonlyMap<number, ReportLinks>): ProducerGroup[] {
  const groups: { entities: number[]; reports: number[] }[] = [];
  const add = (entities: readonly number[], reportIds: readonly number[]) => {
    const shares = (g: (typeof groups)[number]) => g.entities.some((e) => entities.includes(e)) || g.reports.some((r) => reportIds.includes(r));
    const hits = groups.flatMap((g, i) => (shares(g) ? [i] : []));
    if (hits.length === 0) {
      groups.push({ entities: [...entities], reports: [...reportIds] });
      return;
    }
    // Everything the candidate touches merges into the earliest of those groups, keeping first-appearance order.
    const target = groups[hits[0]!]!;
    for (const i of hits.slice(1)) {
      target.entities = union(target.entities, groups[i]!.entities);
      target.reports = union(target.reports, groups[i]!.reports);
    }
    target.entities = union(target.entities, entities);
    target.reports = union(target.reports, reportIds);
    for (const i of hits.slice(1).reverse()) groups.splice(i, 1);
  };
  for (const c of citations) {
    const { entityId, reportId } = c.attribution;
    if (entityId !== null) add([entityId], []);
    else if (reportId !== null) for (const r of producingReports(reportId, reports)) add(reports.get(r)?.authors ?? [], [r]);
  }
  return groups;
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
