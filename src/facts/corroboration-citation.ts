/**
 * One citation of a statistic as corroboration sees it: the citing source and its publisher,
 * and the attribution (the report or entity credited, whether the link is an editor's
 * inference, a known echo, a doubt); and what producer an attribution credits, if any.
 */
import type { Key } from "./key.js";

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

/** The producer an attribution credits, or null when it names none. */
export function creditedProducer(a: CorroborationCitation["attribution"]): ProducerRef | null {
  if (a.entityId !== null) return { reportId: null, entityId: a.entityId };
  if (a.reportId !== null) return { reportId: a.reportId, entityId: null };
  return null;
}

/** True when the citation's source names no producer. */
export function isUnattributed(c: CorroborationCitation): boolean {
  return c.attribution.reportId === null && c.attribution.entityId === null;
}
