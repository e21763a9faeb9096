import type { Corroboration } from "../../facts/corroboration.js";
import { joinNames } from "../../facts/prose.js";

/**
 * A corroboration in one or a few sentences, e.g. "4 citations from 4 publishers. 2
 * independent producers: KPMG and AliResearch (one joint report); iiMedia Research. 1
 * attribution is the editors' inference." Producers are named by their entities (a report
 * without recorded authors by its title); no producer is named when none is stated.
 */
export function corroborationSummary(c: Corroboration, entityName: (id: number) => string, reportTitle: (id: number) => string): string {
  const parts = [`${count(c.citationCount, "citation")} from ${count(c.publisherCount, "publisher")}.`];
  if (c.producerCount === 0) {
    parts.push(`No attribution stated: ${c.citationCount === 1 ? "the source names no producer" : "none of the sources names a producer"}.`);
  } else {
    const groups = c.producers.map((g) => {
      const names = g.entities.length > 0 ? joinNames(g.entities.map(entityName)) : joinNames(g.reports.map((r) => `"${reportTitle(r)}"`));
      if (g.reports.length === 1 && g.entities.length > 1) return `${names} (one joint report)`;
      if (g.reports.length > 1) return `${names} (${g.reports.length} reports)`;
      return names;
    });
    parts.push(`${c.producerCount === 1 ? "1 producer" : `${c.producerCount} independent producers`}: ${groups.join("; ")}.`);
    if (c.unattributedCount > 0) {
      parts.push(`${c.unattributedCount} of ${c.citationCount} citations ${c.unattributedCount === 1 ? "names" : "name"} no producer.`);
    }
  }
  if (c.inferredCount > 0) {
    const stated = c.statedProducerCount === c.producerCount ? "" : `; counting only stated attributions, ${c.statedProducerCount === 0 ? "no producer is stated" : count(c.statedProducerCount, "producer")}`;
    parts.push(`${c.inferredCount === 1 ? "1 attribution is" : `${c.inferredCount} attributions are`} the editors' inference${stated}.`);
  }
  return parts.join(" ");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
