import type { Corroboration } from "../../facts/corroboration.js";
import { type CorroborationNames, asSentence, doubtDescription, groupLabel, linkDescription, possibleEchoDescription } from "./corroboration-words.js";

/**
 * A corroboration in a few sentences, e.g. "4 citations from 4 publishers. 2 independent
 * producers: KPMG and AliResearch (one joint report); Widget Institute. 1 attribution is the
 * editors' inference." Producers are named by their entities (a report without recorded
 * authors by its title); no producer is named when none is stated. Then, when they apply: the
 * possible echo (and the independent count it leaves), why members of a group are one
 * producer (one organization, a known echo), the citations that name no producer, the
 * inferred attributions, and the editors' doubts.
 */
export function corroborationSummary(c: Corroboration, n: CorroborationNames): string {
  const parts = [`${count(c.citationCount, "citation")} from ${count(c.publisherCount, "publisher")}.`];
  if (c.creditedProducerCount === 0) {
    parts.push(`No attribution stated: ${c.citationCount === 1 ? "the source names no producer" : "none of the sources names a producer"}.`);
  } else {
    if (c.possibleEcho) {
      parts.push(`${c.creditedProducerCount} producers credited.`);
      parts.push(possibleEchoDescription(c.possibleEcho, c.producers, n));
    } else {
      const groups = c.producers.map((g) => groupLabel(g, n));
      parts.push(`${c.producerCount === 1 ? "1 producer" : `${c.producerCount} independent producers`}: ${groups.join("; ")}.`);
    }
    for (const g of c.producers) for (const link of g.links) parts.push(asSentence(linkDescription(link, n)));
    if (c.unattributedCount > 0) {
      parts.push(`${c.unattributedCount} of ${c.citationCount} citations ${c.unattributedCount === 1 ? "names" : "name"} no producer.`);
    }
  }
  if (c.inferredCount > 0) {
    const stated = c.statedProducerCount === c.producerCount ? "" : `; counting only stated attributions, ${c.statedProducerCount === 0 ? "no producer is stated" : count(c.statedProducerCount, "producer")}`;
    parts.push(`${c.inferredCount === 1 ? "1 attribution is" : `${c.inferredCount} attributions are`} the editors' inference${stated}.`);
  }
  for (const d of c.doubts) parts.push(doubtDescription(d, n));
  return parts.join(" ");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
