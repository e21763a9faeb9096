import type { CitationRow } from "../../db/citation.repo.js";
import type { ReportGraph } from "../../db/report-graph-loader.js";
import type { ReportRow } from "../../db/report.repo.js";
import { type ReportLinks, producingReports } from "../../facts/producers.js";

/** The report graph behind a statistic as the facts functions take it: each report's authors and links. */
export function reportLinks(graph: ReportGraph): Map<number, ReportLinks> {
  const out = new Map<number, ReportLinks>();
  for (const id of graph.reports.keys()) {
    out.set(id, {
      authors: (graph.authors.get(id) ?? []).map((a) => a.id),
      basedOn: (graph.basedOn.get(id) ?? []).map((b) => ({ reportId: b.basedOnId, relation: b.relation, inferred: b.inferred === 1 })),
    });
  }
  return out;
}

/**
 * The reports that originally produced a figure, in order of first appearance: for each
 * citation crediting a report, that report, or the reports it republishes (transitively).
 */
export function originalReports(citations: readonly CitationRow[], graph: ReportGraph): ReportRow[] {
  const links = reportLinks(graph);
  const ids: number[] = [];
  for (const c of citations) {
    if (c.attributedReportId === null) continue;
    for (const r of producingReports(c.attributedReportId, links)) if (!ids.includes(r)) ids.push(r);
  }
  return ids.flatMap((id) => {
    const r = graph.reports.get(id);
    return r ? [r] : [];
  });
}
