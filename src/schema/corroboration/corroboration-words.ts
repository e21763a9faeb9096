import type { ProducerRef } from "../../facts/corroboration-citation.js";
import type { AttributionDoubt } from "../../facts/corroboration.js";
import type { Key } from "../../facts/key.js";
import type { OwnershipHop, OwnershipRelation } from "../../facts/one-organization.js";
import type { PossibleEcho } from "../../facts/possible-echo.js";
import type { ProducerGroup, ProducerLink } from "../../facts/producer-groups.js";
import { joinNames, stripPeriod } from "../../facts/prose.js";

/** The names the sentences of a corroboration need, by row id. */
export interface CorroborationNames {
  /** An entity's name. */
  entity(id: number): string;
  /** A report's title. */
  report(id: number): string;
  /** A citing source's title (or URL). */
  source(id: Key): string;
}

const RELATION_WORDS: Readonly<Record<OwnershipRelation, string>> = {
  OPERATED_BY: "is operated by",
  OWNED_BY: "is owned by",
  PART_OF: "is part of",
};

/** A report or an entity in a sentence: a report by its title in quotes, an entity by its name. */
export function producerName(ref: ProducerRef, n: CorroborationNames): string {
  return ref.reportId !== null ? `"${n.report(ref.reportId)}"` : ref.entityId !== null ? n.entity(ref.entityId) : "nobody";
}

/**
 * A producer group in a few words: its entities (a report without recorded authors by its
 * title), with "(one joint report)" when several entities wrote one report, or "(N reports)".
 */
export function groupLabel(g: ProducerGroup, n: CorroborationNames): string {
  const names = g.entities.length > 0 ? joinNames(g.entities.map((e) => n.entity(e))) : joinNames(g.reports.map((r) => `"${n.report(r)}"`));
  if (g.reports.length === 1 && g.entities.length > 1 && g.links.length === 0) return `${names} (one joint report)`;
  if (g.reports.length > 1) return `${names} (${g.reports.length} reports)`;
  return names;
}

/**
 * Why two members of a group are one producer, as a sentence without its full stop:
 * "Taobao Live is part of Taobao: one organization", "Tmall Live is part of Tmall, which is
 * operated by Alibaba Group, and AliResearch is part of Alibaba Group: one organization", or "the editors record that
 * the figure "…" credits to Bolt Data is copied from Acme Research".
 */
export function linkDescription(link: ProducerLink, n: CorroborationNames): string {
  if (link.kind === "KNOWN_ECHO") {
    return `the editors record that the figure "${n.source(link.sourceId)}" credits to ${producerName(link.credited, n)} is copied from ${producerName(link.echoed, n)}`;
  }
  const [a, b] = link.entities;
  const paths = [ownershipWords(a, link.common.pathA, n), ownershipWords(b, link.common.pathB, n)].filter((p): p is string => p !== null);
  // A comma closes a "which" clause before the second side begins.
  return `${paths.join(link.common.pathA.length > 1 ? ", and " : " and ")}: one organization`;
}

/** "Tmall Live is part of Tmall, which is operated by Alibaba Group"; null for no hops. */
function ownershipWords(entity: number, hops: readonly OwnershipHop[], n: CorroborationNames): string | null {
  if (hops.length === 0) return null;
  return `${n.entity(entity)} ${hops.map((h) => `${RELATION_WORDS[h.relation]} ${n.entity(h.to)}`).join(", which ")}`;
}

/**
 * The possible echo in one sentence: "Possible echo: the same figure to 4 significant digits
 * is credited to KPMG and AliResearch (one joint report) and iiMedia Research; identical
 * figures this precise are more likely copied than measured twice, so they count as one
 * independent producer."
 */
export function possibleEchoDescription(echo: PossibleEcho, groups: readonly ProducerGroup[], n: CorroborationNames): string {
  const names = joinNames(echo.groups.map((i) => groupLabel(groups[i]!, n)));
  return `Possible echo: the same figure to ${echo.significantDigits} significant digits is credited to ${names}; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.`;
}

/** An editors' doubt as a sentence: `The editors doubt the attribution to Bolt Data in "…": …`. */
export function doubtDescription(d: AttributionDoubt, n: CorroborationNames): string {
  return `The editors doubt the attribution to ${producerName(d.producer, n)} in "${n.source(d.sourceId)}": ${stripPeriod(d.doubt)}.`;
}

/** A sentence fragment as a sentence: capital first letter and a full stop. */
export function asSentence(fragment: string): string {
  return `${fragment.charAt(0).toUpperCase()}${fragment.slice(1)}.`;
}
