/**
 * Who originally produced a figure. A citation attributes a figure to a report or directly to
 * an organization (or a platform speaking for itself). A report that only republishes another
 * report's figures passes the question on; a report that computed figures from another's data
 * is itself the producer. Used by the build (to index producers) and by the API.
 */

/** How one report relates to a report it is based on. */
export type BasedOnRelation = "REPUBLISHES" | "USES_DATA";

/** The parts of a report that matter for finding producers. */
export interface ReportLinks {
  readonly authors: readonly number[];
  readonly basedOn: readonly { readonly reportId: number; readonly relation: BasedOnRelation; readonly inferred: boolean }[];
}

/** A citation's attribution: a report, an entity, or nothing stated. */
export interface AttributionRef {
  readonly reportId: number | null;
  readonly entityId: number | null;
}

/**
 * The reports that originally produced a figure attributed to `reportId`: the report itself,
 * or, when it republishes others, the reports it republishes (transitively). Cycles stop.
 */
export function producingReports(reportId: number, reports: ReadonlyMap<number, ReportLinks>): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const visit = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    const r = reports.get(id);
    const sources = r?.basedOn.filter((b) => b.relation === "REPUBLISHES") ?? [];
    if (sources.length === 0) out.push(id);
    else for (const b of sources) visit(b.reportId);
  };
  visit(reportId);
  return out;
}

/**
 * The entities that originally produced a figure, in a stable order without repeats: the
 * attributed entity, or the authors of the producing reports. Empty when no attribution.
 */
export function producerEntities(attribution: AttributionRef, reports: ReadonlyMap<number, ReportLinks>): number[] {
  if (attribution.entityId !== null) return [attribution.entityId];
  if (attribution.reportId === null) return [];
  const out: number[] = [];
  for (const rid of producingReports(attribution.reportId, reports)) {
    for (const a of reports.get(rid)?.authors ?? []) if (!out.includes(a)) out.push(a);
  }
  return out;
}
