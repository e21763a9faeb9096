/**
 * Independence of a figure's support. Three newspapers repeating the KPMG/AliResearch figure
 * are one primary source, not three: corroboration counts distinct primary *producers*
 * (producer-groups.ts: following each citation's attribution, and REPUBLISHES links between
 * reports, down to who produced the figure) separately from distinct citing *publishers*
 * (this file), and assembles the counts.
 *
 * Groups that remain apart may still be a *possible echo* (possible-echo.ts): the same precise
 * amount from different producers; they then count as one independent producer
 * (`producerCount`), `creditedProducerCount` still counts them apart, and the groups stay
 * visible.
 *
 * Unattributed citations are counted as such and never guessed; citations whose attribution
 * is an editor's inference are counted too, and `statedProducerCount` leaves them out. The
 * editors' doubts about attributions are listed; they do not change the counts.
 */
import { type CorroborationCitation, type ProducerRef, creditedProducer, isUnattributed } from "./corroboration-citation.js";
import type { Key } from "./key.js";
import type { OwnershipEntity } from "./one-organization.js";
import { type PossibleEcho, echoDigits, independentCount, possibleEcho } from "./possible-echo.js";
import { type ProducerGroup, producerGroups } from "./producer-groups.js";
import type { ReportLinks } from "./producers.js";

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
  const digits = echoDigits(context.amount);
  const producers = producerGroups(citations, reports, entities);
  const stated = producerGroups(
    citations.filter((c) => !c.attribution.inferred),
    reports,
    entities,
  );
  const publishers = citingPublishers(citations);
  return {
    producers,
    producerCount: independentCount(producers.length, digits),
    creditedProducerCount: producers.length,
    statedProducerCount: independentCount(stated.length, digits),
    possibleEcho: possibleEcho(producers.length, digits),
    doubts: attributionDoubts(citations),
    producerEntities: [...new Set(producers.flatMap((g) => g.entities))],
    publishers,
    publisherCount: publishers.length,
    citationCount: citations.length,
    unattributedCount: citations.filter(isUnattributed).length,
    inferredCount: citations.filter((c) => !isUnattributed(c) && c.attribution.inferred).length,
  };
}

/** The editors' doubts about the citations' attributions, in citation order. */
function attributionDoubts(citations: readonly CorroborationCitation[]): AttributionDoubt[] {
  return citations.flatMap((c): AttributionDoubt[] => {
    const producer = creditedProducer(c.attribution);
    return c.attribution.doubt && producer ? [{ citationId: c.citationId ?? null, sourceId: c.sourceId, producer, doubt: c.attribution.doubt }] : [];
  });
}

/** The distinct citing publishers, in order of first appearance, with the sources each published. */
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
